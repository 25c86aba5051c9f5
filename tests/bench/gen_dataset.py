#!/usr/bin/env python3
"""Writes a synthetic but realistic briefing dataset, deterministically.

    gen_dataset.py ITEMS SEED OUT.toml

The same ITEMS and SEED always give the same bytes. Items are spread over
nested sections (1 to 1.3.2 deep); titles are 20-200 characters in Latin,
Greek, Cyrillic or Japanese script (all covered by the bundled fonts: Noto
Sans/Serif and IPAexGothic); summaries are 40-120 words, mostly English;
0-4 milestones per item at year, month or day precision, in order; 0-2
links per item (numbered footnotes) and a few text notes; 1-3 issuers.
The dataset passes `briefing check`.
"""
import random
import sys

ENGLISH = (
    "agency board council ministry committee office institute network forum "
    "framework guideline principle strategy policy plan roadmap standard code "
    "practice review report assessment evaluation audit register registry "
    "safety security privacy transparency accountability fairness robustness "
    "reliability oversight governance risk harm incident disclosure consent "
    "data model system service platform provider developer deployer operator "
    "user citizen worker consumer researcher regulator court tribunal "
    "national regional municipal international bilateral multilateral public "
    "private independent joint interim final revised updated consolidated "
    "artificial intelligence machine learning automated decision algorithmic "
    "generative foundation frontier general purpose high impact critical "
    "infrastructure energy health education finance transport mobility "
    "telecommunications media content copyright patent trade competition "
    "procurement funding investment research development testing evaluation "
    "benchmark certification conformity labelling watermarking provenance "
    "cybersecurity resilience emergency response coordination cooperation "
    "dialogue partnership alliance summit declaration communique charter "
    "convention treaty protocol amendment act law bill regulation ordinance "
    "decree directive notice circular manual handbook toolkit checklist "
    "the of and for on in to with by under across within between among "
    "new early second third annual quarterly guidance measures requirements "
    "obligations rights duties responsibilities procedures methods criteria "
    "principles values objectives outcomes impacts benefits costs trends"
).split()
GREEK = (
    "εθνική στρατηγική για την τεχνητή νοημοσύνη κανονισμός προστασία "
    "δεδομένων προσωπικού χαρακτήρα αρχή ασφάλεια διαφάνεια λογοδοσία "
    "υπουργείο ψηφιακής διακυβέρνησης οδηγίες πλαίσιο δεοντολογίας "
    "αξιολόγηση κινδύνων συστήματα υψηλού κινδύνου έρευνα καινοτομία "
    "δημόσιος τομέας πολίτες εμπιστοσύνη ανάπτυξη εφαρμογή παρακολούθηση"
).split()
CYRILLIC = (
    "национальная стратегия развития искусственного интеллекта закон о "
    "персональных данных кодекс этики в сфере безопасность прозрачность "
    "ответственность министерство цифрового развития связи массовых "
    "коммуникаций рекомендации по оценке рисков систем высокого риска "
    "исследования инновации государственный сектор граждане доверие "
    "применение мониторинг регулирование экспериментальные правовые режимы"
).split()
JAPANESE = (
    "人工知能 基本計画 安全性 評価 指針 ガイドライン 事業者 開発者 提供者 利用者 "
    "個人情報 保護 著作権 知的財産 推進 戦略 会議 本部 研究所 報告書 中間 "
    "取りまとめ 透明性 説明責任 公平性 リスク 管理 体制 整備 生成 基盤 モデル "
    "利活用 促進 法律 改正 施行 制度 検討 方針 社会 原則 国際 協力 行動 計画"
).split()
KINDS = ["principle", "strategy", "agreement", "report", "law", "guideline", "guidebook",
         "organisation", "plan", "study"]
LABELS = ["adopted", "published", "revised", "enacted", "launched", "established",
          "first edition", "interim report", "in operation", "entered into force", "amended"]
ISSUERS = [
    "Cabinet Office", "Ministry of Internal Affairs and Communications",
    "Ministry of Economy, Trade and Industry", "Digital Agency", "Personal Information "
    "Protection Commission", "OECD", "UNESCO", "G7", "Council of Europe", "European Commission",
    "National Institute of Standards and Technology", "AI Safety Institute",
    "Υπουργείο Ψηφιακής Διακυβέρνησης", "Министерство цифрового развития",
    "内閣府", "総務省", "経済産業省", "デジタル庁", "Standards Council", "Data Protection Authority",
    "Office of the Privacy Commissioner", "Agency for Cybersecurity", "Competition Authority",
    "Ministry of Health", "Ministry of Education", "Financial Services Agency",
    "Joint Research Centre", "Parliament", "Supreme Court", "Regional Assembly",
]
TAGS = ["international", "ethics", "safety", "privacy", "copyright", "generative-ai", "health",
        "mobility", "drones", "cybersecurity", "standards", "education", "finance", "research"]
HOSTS = ["www.example.org", "www.gov.example", "docs.example.int", "publications.example.eu",
         "www8.cao.example.jp", "www.meti.example.jp", "digital.example.gr", "minsvyaz.example.ru"]


def words(rng, vocabulary, count):
    return [rng.choice(vocabulary) for _ in range(count)]


def sentence_case(text):
    return text[:1].upper() + text[1:]


def title(rng):
    """20-200 characters, in one script (a few mixed with Latin acronyms)."""
    script = rng.choices(["latin", "greek", "cyrillic", "japanese"], [60, 13, 13, 14])[0]
    target = int(rng.triangular(20, 200, 45))
    if script == "japanese":
        text = ""
        while len(text) < target:
            text += rng.choice(JAPANESE) + rng.choice(["", "", "の", "に関する", "と", "・"])
        text = text[:target].rstrip("の・と")
        if rng.random() < 0.3:
            text = "AI " + text
    else:
        vocabulary = {"latin": ENGLISH, "greek": GREEK, "cyrillic": CYRILLIC}[script]
        parts = []
        while len(" ".join(parts)) < target:
            parts.append(rng.choice(vocabulary))
        text = " ".join(parts)
        if len(text) > target:
            text = text[:target].rsplit(" ", 1)[0] if " " in text[:target] else text[:target]
        text = sentence_case(text)
        if rng.random() < 0.25:
            text += " " + str(rng.randint(2000, 2030))
    if len(text) < 20:
        text += " (" + "x" * (20 - len(text)) + ")"
    return text[:200]


def summary(rng):
    """40-120 words, in sentences; mostly English, some Greek, Russian or Japanese."""
    script = rng.choices(["latin", "greek", "cyrillic", "japanese"], [76, 8, 8, 8])[0]
    count = rng.randint(40, 120)
    if script == "japanese":
        out, n = "", 0
        while n < count:
            k = min(rng.randint(6, 14), count - n)
            out += "".join(words(rng, JAPANESE, k)) + "。"
            n += k
        return out
    vocabulary = {"latin": ENGLISH, "greek": GREEK, "cyrillic": CYRILLIC}[script]
    sentences, n = [], 0
    while n < count:
        k = min(rng.randint(8, 22), count - n)
        s = words(rng, vocabulary, k)
        if script == "latin" and rng.random() < 0.15:
            s.insert(rng.randrange(len(s)), '"' + rng.choice(vocabulary) + '"')
        if rng.random() < 0.3:
            s[rng.randrange(len(s))] += ","
        sentences.append(sentence_case(" ".join(s)) + ".")
        n += k
    return " ".join(sentences)


def partial_date(rng, last):
    """A date after `last` (the last day the previous date covers, as (year,
    month, day)) at a random precision, so that milestones stay in order; and
    the last day it covers. None when no date fits before 2026."""
    for _ in range(20):
        year = rng.randint(last[0], min(last[0] + 3, 2025))
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        precision = rng.choices(["year", "month", "day"], [25, 35, 40])[0]
        if precision == "year" and year > last[0]:
            return f"{year:04d}", (year, 12, 31)
        if precision == "month" and (year, month) > last[:2]:
            return f"{year:04d}-{month:02d}", (year, month, 31)
        if precision == "day" and (year, month, day) > last:
            return f"{year:04d}-{month:02d}-{day:02d}", (year, month, day)
    return None, last


def sections(rng, count):
    """Dotted ids, nested up to three deep, each after its parent."""
    out = []
    top = max(3, min(40, count // 6))
    for a in range(1, top + 1):
        out.append((f"{a}", sentence_case(" ".join(words(rng, ENGLISH, rng.randint(2, 7))))))
        for b in range(1, rng.randint(2, 5)):
            out.append((f"{a}.{b}", sentence_case(" ".join(words(rng, ENGLISH, rng.randint(2, 9))))))
            if rng.random() < 0.25:
                for c in range(1, rng.randint(2, 4)):
                    out.append((f"{a}.{b}.{c}",
                                sentence_case(" ".join(words(rng, ENGLISH, rng.randint(3, 12))))))
    return out


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gen_dataset.py ITEMS SEED OUT.toml")
    count, seed, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    lines = [
        "#:schema ./schema.json",
        f"# Generated by tests/bench/gen_dataset.py {count} {seed}; do not edit.",
        "",
        "[dataset]",
        f"title = {toml_string(f'Synthetic policy register, {count} items (seed {seed})')}",
        'publisher = "Benchmark Office"',
        'published = "2025-03-14"',
        'language = "en"',
        'source = "Generated for the benchmark in tests/bench; every name and date is made up."',
        "",
    ]
    section_list = sections(rng, count)
    leaves = []
    for sid, stitle in section_list:
        lines += ["[[section]]", f"id = {toml_string(sid)}", f"title = {toml_string(stitle)}"]
        if rng.random() < 0.3:
            lines.append(f"intro = {toml_string(summary(rng))}")
        lines.append("")
        leaves.append(sid)
    footnote = 1
    for i in range(count):
        sid = leaves[min(len(leaves) - 1, i * len(leaves) // count)]
        lines += [
            "[[item]]",
            f'id = "item-{i + 1:06d}"',
            f"section = {toml_string(sid)}",
            f"title = {toml_string(title(rng))}",
            f"kind = {toml_string(rng.choice(KINDS))}",
            "issuers = [" + ", ".join(toml_string(x) for x in
                                      rng.sample(ISSUERS, rng.choices([0, 1, 2, 3], [3, 60, 27, 10])[0]))
            + "]",
            f"summary = {toml_string(summary(rng))}",
        ]
        if rng.random() < 0.7:
            lines.append("tags = [" + ", ".join(toml_string(t) for t in
                                                 rng.sample(TAGS, rng.randint(1, 3))) + "]")
        if rng.random() < 0.08:
            lines.append("highlight = true")
        lines.append("")
        last = (rng.randint(2014, 2023), 12, 31)
        for _ in range(rng.choices([0, 1, 2, 3, 4], [12, 50, 25, 9, 4])[0]):
            date, last = partial_date(rng, last)
            if date is None:
                break
            lines += ["[[item.milestone]]", f"label = {toml_string(rng.choice(LABELS))}",
                      f"date = {toml_string(date)}", ""]
        for _ in range(rng.choices([0, 1, 2], [25, 60, 15])[0]):
            path_part = "/".join(rng.choice(ENGLISH) for _ in range(rng.randint(1, 4)))
            url = f"https://{rng.choice(HOSTS)}/{path_part}/{rng.randint(1, 99999)}.html"
            lines += ["[[item.link]]", f"url = {toml_string(url)}", f"footnote = {footnote}"]
            if rng.random() < 0.1:
                lines.append('language = "Japanese only"')
            lines.append("")
            footnote += 1
        if rng.random() < 0.05:
            note = sentence_case(" ".join(words(rng, ENGLISH, rng.randint(8, 30)))) + "."
            lines += ["[[item.note]]", f"text = {toml_string(note)}", f"footnote = {footnote}", ""]
            footnote += 1
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))


if __name__ == "__main__":
    main()
