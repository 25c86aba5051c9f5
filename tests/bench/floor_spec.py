#!/usr/bin/env python3
"""Writes the specs that the benchmark floors draw (tests/bench/floor_*.cpp).

    floor_spec.py report DATA.toml LAYOUT.toml FIGURE_LAYOUT.toml OUT.spec [DUMP.json]
    floor_spec.py slide DATA.toml LAYOUT.toml DUMP.json OUT.spec [--highlights]

report: the text of `briefing report DATA --layout LAYOUT`, composed from the
dataset as the report composes it (renderer/layout/report/): cover, contents
(an entry per section and item, page numbers), the timeline figure, each
section's heading and intro, each item's numbered heading, its two meta lines
(kind and issuers; dates at their precision), its summary with superscript
footnote markers and its footnotes (URLs, notes), then the chronology table
(a row per milestone, earliest first, then the undated items). Each text has
the report's role: its font (family, size, weight, slant), width and
alignment; only body text (summaries, section intros) is justified, as the
report justifies it; headings, meta lines, contents, captions, footnotes and
table cells are set flush left. Without hyphenation: soft hyphens are the
project's work (libhyphen), not the floor's.

The figure and the contents' page numbers come from the project's layout dump
of the same report (DUMP.json, `briefing report --layout-dump`): every mark,
connector, lane band, tick and text of the figure page where the report
placed it, text sizes read from the line heights. Without a dump (the report
did not finish in time) the figure is approximated: a mark per milestone and a
label per dated item at the preset's smallest label size, on a grid.

slide: the texts, lines and marks of `briefing timeline` from its layout dump
(title, legend, lane bands and titles, axis, ticks, grid lines, marks and
connectors, labels with their dates), at their sizes, on the preset's page.
"""
import json
import sys
import tomllib
import zlib

LINE = 1.362  # Noto Sans and Noto Serif: (ascender + descender) / em
PAGE_SIZES = {"a4": (595.276, 841.89), "a5": (419.528, 595.276), "letter": (612.0, 792.0),
              "legal": (612.0, 1008.0)}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NBSP = "\u00a0"
META_SEPARATOR = "\u00a0\u00b7 "
MIDDLE_DOT = " \u00b7 "
TEXT, MUTED, ACCENT, LINK, RULE = "1a1a1f", "5f6670", "1a4578", "14529a", "bfc4cc"
OKABE_ITO = ["e69f00", "56b4e9", "009e73", "f0e442", "0072b2", "d55e00", "cc79a7"]


def esc(text):
    return str(text).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def fmt(v):
    return f"{v:.3f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


class Spec:
    def __init__(self):
        self.lines = []
        self.fonts = {}

    def font(self, family, size, bold=False, italic=False):
        key = (family, round(size, 3), bool(bold), bool(italic))
        if key not in self.fonts:
            self.fonts[key] = len(self.fonts)
            self.lines.append(f"F\t{self.fonts[key]}\t{family}\t{fmt(float(size))}\t{int(bold)}\t{int(italic)}")
        return self.fonts[key]

    def add(self, *fields):
        self.lines.append("\t".join(esc(fmt(f)) for f in fields))

    def text(self, font, x, y, width, text, rgb=TEXT, align="l"):
        self.add("T", font, x, y, width, align, rgb, text)

    def write(self, path):
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(self.lines) + "\n")


def format_date(iso):
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def format_short(iso):
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1][:3]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def typographic_quotes(text):
    out = []
    for i, c in enumerate(text):
        if c not in "\"'":
            out.append(c)
            continue
        before = text[i - 1] if i > 0 else " "
        opening = before in " ([\n"
        out.append(("\u201c" if opening else "\u201d") if c == '"' else ("\u2018" if opening else "\u2019"))
    return "".join(out)


def plural(n, one, many):
    return f"{n} {one if n == 1 else many}"


def digits_width(text, size):
    """Roughly the advance of a section or item number in Noto Sans, points."""
    return sum(0.572 if c.isdigit() else 0.27 for c in text) * size


# ---- timeline figures and slides, from a layout dump ------------------------------------

def sized(elements, kind, default, low, high):
    heights = [e["height"] for e in elements if e["kind"] == kind and e["height"] > 0]
    if not heights:
        return default
    return max(low, min(high, round(min(heights) / LINE * 4) / 4))


def timeline_shapes(spec, elements, preset, data_items, highlights=False, prefix=""):
    """Fixed records for a timeline's dump elements (kinds without `prefix`)."""
    els = [dict(e, kind=e["kind"][len(prefix):]) for e in elements if e["kind"].startswith(prefix)]
    text = preset["text"]
    family = preset["fonts"]["family"]
    label_max = text["highlights"] if highlights else text["label"]
    label_min = text["highlights_minimum"] if highlights else text["minimum"]
    label = sized(els, "label", label_max, label_min, label_max)
    date = label * text["date"] / text["label"]
    marker = preset["markers"]["size"] * (1.4 if highlights else 1)
    for i, e in enumerate(el for el in els if el["kind"] == "lane"):
        if i % 2 == 1:
            spec.add("R", e["x"], e["y"], e["width"], e["height"], "f2f4f7", 0, "-")
    for e in els:
        if e["kind"] == "title":
            size = sized(els, "title", preset["text"]["title"], 6, 200)
            f = spec.font(preset["fonts"].get("title_family", family), size, True)
            spec.text(f, e["x"], e["y"], e["width"] + 0.5, e["text"])
    legend = spec.font(family, sized(els, "legend", text["legend"], 4, 100))
    for i, e in enumerate(el for el in els if el["kind"] == "legend"):
        spec.add("R", e["x"] - 14, e["y"] + 2, 10, e["height"] - 4, OKABE_ITO[i % 7], 0.75, "404040")
        spec.text(legend, e["x"], e["y"], 0, e["text"], "404040")
    lane_title = spec.font(family, sized(els, "lane-title", text["lane_title"], 3, 100), True)
    for i, e in enumerate(el for el in els if el["kind"] == "lane-title"):
        spec.add("C", e["x"] - marker / 2 - 3, e["y"] + e["height"] / 2, marker / 2, OKABE_ITO[i % 7])
        spec.text(lane_title, e["x"], e["y"], e["width"] + 0.5, e["text"])
    ticks = [e for e in els if e["kind"] == "tick-label"]
    lanes = [e for e in els if e["kind"] == "lane"]
    if ticks:
        tick = spec.font(family, sized(els, "tick-label", text["tick"], 3, 100))
        axis_y = min(t["y"] for t in ticks) - 6
        top = min((l["y"] for l in lanes), default=axis_y - 100)
        left = min((l["x"] for l in lanes), default=ticks[0]["x"])
        right = max((l["x"] + l["width"] for l in lanes), default=ticks[-1]["x"])
        spec.add("L", left, axis_y, right, axis_y, 1, "404040")
        for t in ticks:
            x = t["x"]
            spec.add("L", x, top, x, axis_y, 0.5, "d9dde3")
            spec.add("L", x, axis_y, x, axis_y + 4, 1, "404040")
            spec.text(tick, x, t["y"], 0, t["text"], "404040")
    dates = {}
    for i, e in enumerate(el for el in els if el["kind"] == "marker"):
        rgb = OKABE_ITO[zlib.crc32(e["item"].encode()) % 7]
        x, y, w, h = e["x"], e["y"], e["width"], e["height"]
        if e["text"] == "connector":
            spec.add("L", x, y + h / 2, x + w, y + h / 2, 1.5, rgb)
            continue
        iso, _, what = e["text"].partition(" ")
        dates.setdefault(e["item"], []).append(format_short(iso) + (" " + what if what else ""))
        if len(iso) == 4:  # a year: a light bar and a bracket at each end
            spec.add("R", x + 0.75, y + h * 0.225, w - 1.5, h * 0.55, rgb + "4d", 0.75, rgb)
            spec.add("L", x + 0.75, y, x + 0.75, y + h, 1.5, rgb)
            spec.add("L", x + w - 0.75, y, x + w - 0.75, y + h, 1.5, rgb)
        elif len(iso) == 7:  # a month: a bar
            spec.add("R", x, y, w, h, rgb, 0, "-")
        else:  # a day: a disc
            spec.add("C", x + w / 2, y + h / 2, w / 2, rgb)
    title_fonts = {False: spec.font(family, label), True: spec.font(family, label, True)}
    date_font = spec.font(family, date)
    for e in els:
        if e["kind"] != "label":
            continue
        bold = bool(data_items.get(e["item"], {}).get("highlight", False))
        spec.text(title_fonts[bold], e["x"], e["y"], e["width"] + 0.5, e["text"])
        # Dates on the title's line (a one-line label): flush right in the box;
        # else on the lines under the title.
        inline = e["height"] < label * LINE * 1.2
        line = date * LINE
        spec.text(date_font, e["x"], e["y"] + (0.0 if inline else max(0.0, e["height"] - line)),
                  e["width"] + 0.5, " \u2192 ".join(dates.get(e["item"], [])), "404040",
                  "r" if inline else "l")


def approximate_figure(spec, items, preset, x0, y0, width, height):
    """A figure without a dump: a mark per milestone, a label per dated item."""
    family = preset["fonts"]["family"]
    size = preset["text"]["minimum"]
    label, date = spec.font(family, size), spec.font(family, size * 0.85)
    wrap = preset["text"]["label_max_width"]
    columns = max(1, int(width // (wrap + 10)))
    rows = max(1, int(height // (size * LINE * 2 + 2)))
    dated = [i for i in items if i.get("milestone")]
    for n, item in enumerate(dated):
        cx = x0 + (n % columns) * (wrap + 10)
        cy = y0 + ((n // columns) % rows) * (size * LINE * 2 + 2)
        for m in item["milestone"]:
            spec.add("C", cx + 2, cy + 3, 2, OKABE_ITO[n % 7])
        spec.text(label, cx + 6, cy, wrap, item["title"])
        spec.text(date, cx + 6, cy + size * LINE,
                  wrap, " \u2192 ".join(format_short(m["date"]) + " " + m["label"] for m in item["milestone"]),
                  "404040")


# ---- the report -------------------------------------------------------------------

def report(data_path, layout_path, figure_layout_path, out_path, dump_path=None):
    with open(data_path, "rb") as f:
        data = tomllib.load(f)
    with open(layout_path, "rb") as f:
        style = tomllib.load(f)
    with open(figure_layout_path, "rb") as f:
        figure_preset = tomllib.load(f)
    dump = None
    if dump_path:
        with open(dump_path, encoding="utf-8") as f:
            dump = json.load(f)
    page, fonts, parts = style["page"], style["fonts"], style.get("parts", {})
    typesetting = style.get("typesetting", {})
    if "size" in page:
        pw, ph = PAGE_SIZES[page["size"]]
    else:
        pw, ph = page["width_mm"] * 72 / 25.4, page["height_mm"] * 72 / 25.4
    mm = 72 / 25.4
    ml, mt = page["margin_left_mm"] * mm, page["margin_top_mm"] * mm
    mr, mb = page["margin_right_mm"] * mm, page["margin_bottom_mm"] * mm
    W, H = pw - ml - mr, ph - mt - mb
    body_family, sans = fonts["body_family"], fonts["heading_family"]
    body = fonts["body_size"]
    justify = "j" if typesetting.get("justify", True) else "l"
    spec = Spec()
    spec.add("PAGE", pw, ph, ml, mt, mr, mb)

    def para(font, text, x=0.0, width=None, align="l", before=0.0, after=0.0, rgb=TEXT, lead="",
             lead_x=0.0, right="", spans="-"):
        spec.add("P", font, x, W - x if width is None else width, align, before, after, rgb, lead,
                 lead_x, right, spans, text)

    f_body = spec.font(body_family, body)
    f_intro = spec.font(body_family, body, False, True)
    f_item = spec.font(sans, fonts["item_title_size"], True)
    f_meta = spec.font(sans, fonts["meta_size"])
    f_note = spec.font(body_family, fonts["footnote_size"])
    f_table = spec.font(sans, fonts["table_size"])
    f_table_bold = spec.font(sans, fonts["table_size"], True)
    f_running = spec.font(sans, fonts["running_size"])

    def heading_font(depth):
        size = fonts["heading1_size"] if depth <= 1 else fonts["heading2_size"] if depth == 2 else fonts["heading3_size"]
        return spec.font(sans, size, True), size

    spec.add("HDR", f_running, MUTED, typographic_quotes(data["dataset"]["title"]))
    # "Page 3 of 14": the last page's label, as the report's footers show it.
    last_label = 0
    if dump:
        footers = [e["text"] for p in dump["pages"] for e in p["elements"] if e["kind"] == "footer"]
        last_label = footers[-1].rpartition(" of ")[2] if footers and " of " in footers[-1] else len(dump["pages"])
    spec.add("FTR", f_running, MUTED, last_label)

    sections = data.get("section", [])
    items = data.get("item", [])
    ordered = [i for s in sections for i in items if i["section"] == s["id"]]
    number = {item["id"]: n + 1 for n, item in enumerate(ordered)}
    footnotes, next_note = {}, 1
    for item in ordered:
        entries = [(l.get("footnote", 0), "link", l) for l in item.get("link", [])]
        entries += [(n.get("footnote", 0), "note", n) for n in item.get("note", [])]
        entries.sort(key=lambda e: e[0] if e[0] > 0 else 1 << 30)
        for _, kind, entry in entries:
            if kind == "link":
                text = entry["url"] + (f" ({entry['language']})" if entry.get("language") else "")
                rgb = LINK
            else:
                text, rgb = typographic_quotes(entry["text"]), TEXT
            footnotes.setdefault(item["id"], []).append((next_note, text, rgb))
            next_note += 1
    toc_pages = []
    if dump:
        toc_pages = [e["text"] for p in dump["pages"] for e in p["elements"] if e["kind"] == "toc-page"]

    # Cover.
    if parts.get("cover", True):
        published = format_date(data["dataset"]["published"])
        spec.add("G", H * 0.2)
        para(spec.font(sans, fonts["heading2_size"], True), "Briefing report", after=10, rgb=ACCENT)
        para(spec.font(sans, fonts["title_size"], True), typographic_quotes(data["dataset"]["title"]), after=18)
        spec.add("G", 25)
        para(spec.font(sans, fonts["heading2_size"]), data["dataset"]["publisher"], after=8)
        para(spec.font(sans, body), "Published " + published, after=3, rgb=MUTED)
        para(spec.font(sans, body), "Data as of " + published, rgb=MUTED)
        years = sorted(int(m["date"][:4]) for i in items for m in i.get("milestone", []))
        facts = (plural(len(items), "item", "items") + " in " + plural(len(sections), "section", "sections")
                 + MIDDLE_DOT + plural(next_note - 1, "source note", "source notes"))
        if years:
            facts += f"{MIDDLE_DOT}events from {years[0]} to {years[-1]}"
        spec.add("G", H * 0.35)
        spec.add("Z", 0.6, RULE)
        para(f_meta, facts, after=4, rgb=MUTED)
        if data["dataset"].get("source"):
            para(spec.font(body_family, fonts["meta_size"], False, True),
                 "Source: " + data["dataset"]["source"], after=4, rgb=MUTED)
        spec.add("B")

    # Contents.
    figure = parts.get("figure", True)
    if parts.get("contents", True):
        f_h1, _ = heading_font(1)
        para(f_h1, "Contents", after=body * 1.2, rgb=ACCENT)
        with_items = parts.get("contents_items", True)

        def toc_font(level, strong):
            if strong:
                return spec.font(sans, body, True), body
            if level <= 2:
                return spec.font(sans, body * 0.95), body * 0.95
            return spec.font(body_family, body * 0.9), body * 0.9

        hang = {}
        for s in sections:
            depth = s["id"].count(".") + 1
            _, size = toc_font(depth, depth == 1)
            hang[depth] = max(hang.get(depth, 0), digits_width(s["id"], size) + body * 0.7)
            if with_items:
                _, size = toc_font(depth + 1, False)
                for item in ordered:
                    if item["section"] == s["id"]:
                        hang[depth + 1] = max(hang.get(depth + 1, 0),
                                              digits_width(str(number[item["id"]]), size) + body * 0.7)
        page_numbers = iter(toc_pages)

        def entry(num, title, level, strong):
            font, size = toc_font(level, strong)
            indent = (level - 1) * body * 1.4
            x = indent + (hang.get(level, 0) if num else 0)
            column = digits_width("0000", size) + 10
            para(font, typographic_quotes(title), x=x, width=W - x - column,
                 before=body * 0.8 if strong else body * 0.15, lead=num, lead_x=indent,
                 right=next(page_numbers, "1"))

        if figure:
            entry("", "Timeline", 1, True)
        for s in sections:
            depth = s["id"].count(".") + 1
            entry(s["id"], s["title"], depth, depth == 1)
            if with_items:
                for item in ordered:
                    if item["section"] == s["id"]:
                        entry(str(number[item["id"]]), item["title"], depth + 1, False)
        if parts.get("chronology", True):
            entry("", "Chronology", 1, True)
        spec.add("B")

    # The timeline figure.
    if figure:
        f_h1, h1 = heading_font(1)
        para(f_h1, "Timeline", after=body, rgb=ACCENT)
        data_items = {i["id"]: i for i in items}
        figure_height = H - (h1 * 1.4 + body) - body * 8
        labelled = None
        if dump:
            for p in dump["pages"]:
                box = next((e for e in p["elements"] if e["kind"] == "figure"), None)
                if box:
                    spec.add("R", box["x"], box["y"], box["width"], box["height"], "ffffff", 0, "-")
                    timeline_shapes(spec, p["elements"], figure_preset, data_items, prefix="figure-")
                    figure_height = box["height"]
                    labelled = {e["item"] for e in p["elements"] if e["kind"] == "figure-label"}
                    break
        if labelled is None:
            spec.lines.append("# figure approximated: no layout dump")
            approximate_figure(spec, ordered, figure_preset, ml, mt + h1 * 1.4 + body, W, figure_height)
        spec.add("G", figure_height)
        lead_in = "Figure 1. "
        caption = (lead_in + "The dated items of this report on a time scale, at the precision the sources "
                   "give (a year or a month is drawn as a span, not as its first day).")
        undated = [i for i in items if not i.get("milestone")]
        if undated:
            caption += " " + plural(len(undated), "item has no date and is",
                                    "items have no date and are") + " listed in the text only."
        if labelled is not None:
            omitted = [i["title"] for i in ordered if i.get("milestone") and i["id"] not in labelled]
            if omitted:
                caption += (" For lack of room the figure leaves out the " + plural(len(omitted), "label", "labels")
                            + " of: " + "; ".join(omitted) + ".")
        para(spec.font(sans, fonts["meta_size"]), caption, before=body * 0.8, rgb=MUTED,
             spans=f"b:0:{len(lead_in.encode())}")
        spec.add("B")

    # The body.
    hang = digits_width("000", fonts["item_title_size"]) + 8
    break_depth = typesetting.get("section_page_break_depth", 1)
    for s in sections:
        depth = s["id"].count(".") + 1
        if depth <= break_depth:
            spec.add("B")
        font, size = heading_font(depth)
        before = body * (2.4 if depth <= 1 else 2.0 if depth == 2 else 1.6)
        para(font, typographic_quotes(s["title"]), x=digits_width(s["id"], size) + size * 0.6,
             before=before, after=body * (0.9 if depth <= 1 else 0.6), rgb=ACCENT, lead=s["id"])
        if depth <= 1:
            spec.add("Z", 0.8, ACCENT)
        if s.get("intro"):
            para(f_intro, typographic_quotes(s["intro"]), align=justify, after=body * 0.6)
        for item in ordered:
            if item["section"] != s["id"]:
                continue
            para(f_item, typographic_quotes(item["title"]), x=hang, before=body * 1.3, after=body * 0.2,
                 lead=str(number[item["id"]]))
            kind = ("Key" + NBSP + "item" + META_SEPARATOR) if item.get("highlight") else ""
            start = len(kind.encode())
            kind += item["kind"][:1].upper() + item["kind"][1:]
            spans = f"b:{start}:{len(kind.encode())}"
            if item.get("issuers"):
                kind += META_SEPARATOR + "; ".join(item["issuers"])
            para(f_meta, kind, x=hang, rgb=MUTED, spans=spans)
            milestones = item.get("milestone", [])
            dates = META_SEPARATOR.join(
                m["label"][:1].upper() + m["label"][1:] + NBSP + format_date(m["date"]).replace(" ", NBSP)
                for m in milestones) if milestones else "No date given"
            para(f_meta, dates, x=hang, after=body * 0.35, rgb=MUTED)
            summary = typographic_quotes(item["summary"])
            notes = footnotes.get(item["id"], [])
            spans = []
            for k, (n, _, _) in enumerate(notes):
                mark = ("," if k else "") + str(n)
                spans.append(f"s:{len(summary.encode())}:{len(summary.encode()) + len(mark.encode())}")
                summary += mark
            para(f_body, summary, x=hang, align=justify, spans=",".join(spans) or "-")
            indent = digits_width("000", fonts["footnote_size"]) + fonts["footnote_size"] * 0.6
            for n, text, rgb in notes:
                para(f_note, text, x=indent, before=2, rgb=rgb, lead=str(n))

    # The chronology.
    if parts.get("chronology", True):
        spec.add("B")
        f_h1, _ = heading_font(1)
        para(f_h1, "Chronology", after=body * 0.6, rgb=ACCENT)
        rows = sorted(((m["date"], n, item, m) for n, item in enumerate(ordered)
                       for m in item.get("milestone", [])), key=lambda r: (r[0], r[1]))
        undated = [i for i in ordered if not i.get("milestone")]
        intro = "Every dated event in this report, earliest first, with dates at the precision the sources give."
        if undated:
            intro += " " + plural(len(undated), "item without a date follows", "items without a date follow") + " at the end."
        para(f_body, intro, after=body * 0.8)
        widths = [W * f for f in (0.19, 0.42, 0.28, 0.11)]
        xs = [sum(widths[:k]) for k in range(4)]

        def row(header, stripe, font, cells):
            fields = ["W", int(header), int(stripe), font, TEXT]
            for x, w, text in zip(xs, widths, cells):
                fields += [x, w, text]
            spec.add(*fields)

        row(True, False, f_table_bold, ["Date", "Item", "Issuer", "Section"])
        index = 0
        for date, _, item, m in rows:
            row(False, index % 2 == 1, f_table,
                [format_date(date), typographic_quotes(item["title"]) + "\n" + m["label"],
                 "; ".join(item["issuers"]) or "\u2014", item["section"]])
            index += 1
        for item in undated:
            row(False, index % 2 == 1, f_table,
                ["Undated", typographic_quotes(item["title"]), "; ".join(item["issuers"]) or "\u2014", item["section"]])
            index += 1
    spec.write(out_path)


def slide(data_path, layout_path, dump_path, out_path, highlights):
    with open(data_path, "rb") as f:
        data = tomllib.load(f)
    with open(layout_path, "rb") as f:
        preset = tomllib.load(f)
    with open(dump_path, encoding="utf-8") as f:
        dump = json.load(f)
    page = dump["pages"][0]
    spec = Spec()
    spec.add("PAGE", page["width"], page["height"], preset["layout"].get("pixels_per_point", 2))
    spec.add("R", 0.0, 0.0, page["width"], page["height"], "ffffff", 0, "-")
    timeline_shapes(spec, page["elements"], preset, {i["id"]: i for i in data.get("item", [])}, highlights)
    spec.write(out_path)


def main(argv):
    if len(argv) >= 6 and argv[1] == "report":
        report(argv[2], argv[3], argv[4], argv[5], argv[6] if len(argv) > 6 else None)
    elif len(argv) >= 6 and argv[1] == "slide":
        slide(argv[2], argv[3], argv[4], argv[5], "--highlights" in argv[6:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
