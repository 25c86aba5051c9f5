// briefing timeline DATA -o OUT ...: a timeline graphic as PNG, SVG or PDF.
#include <algorithm>
#include <cmath>
#include <iostream>

#include "cli/command.h"
#include "layout/layout_dump.h"
#include "layout/timeline/timeline_layout.h"
#include "load/dataset_loader.h"
#include "load/timeline_style_loader.h"
#include "model/dataset_diff.h"
#include "base/atomic_file.h"
#include "base/utf8.h"
#include "paint/document_writer.h"

namespace briefing::cli {
namespace {

const char* const kUsage =
    "Usage: briefing timeline DATA -o OUT [options]\n\n"
    "Draws the dated items of DATA on a proportional time axis. The format follows\n"
    "OUT's extension: .png, .svg or .pdf.\n\n"
    "Options:\n"
    "  -o, --output OUT        the file to write (required)\n"
    "  --layout NAME|FILE      a preset in layouts/ (slide-16x9, slide-4x3, a4-landscape,\n"
    "                          report-figure) or a preset file; default slide-16x9\n"
    "  --from DATE, --to DATE  the visible range (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --only FILTER           keep items with this tag, kind or section (repeatable;\n"
    "                          an item is kept if any filter matches)\n"
    "  --highlights            only the highlighted items, in large text\n"
    "  --theme light|dark|print\n"
    "  --scale N               PNG pixels = N x the preset's (slide-16x9: 1920x1080 at 1)\n"
    "  --transparent           PNG/SVG without the background\n"
    "  --allow-omissions       exit 0 even if some labels could not be placed\n"
    "  --layout-dump FILE      every placed element with its box, as JSON\n"
    "  --compare-with OLD      tag items NEW or CHANGED since dataset OLD (as the report's\n"
    "                          changes page counts them)\n\n"
    "Exit status: 0 success, 1 data, layout or render errors (or omitted labels),\n"
    "2 bad usage.\n";

struct Arguments {
  std::string data, output, layout = "slide-16x9", layout_dump, compare_with;
  TimelineOptions options;
  double scale = 1;
  bool transparent = false;
};

PartialDate parse_date_argument(const std::string& option, const std::string& value) {
  std::string error;
  auto date = PartialDate::parse(value, &error);
  if (!date)
    throw UsageError(option + " \"" + value + "\": " + error +
                     " (use YYYY, YYYY-MM or YYYY-MM-DD)");
  return *date;
}

Arguments parse_arguments(const std::vector<std::string>& args) {
  Arguments a;
  auto value = [&](size_t& i) -> const std::string& {
    if (i + 1 >= args.size()) throw UsageError(args[i] + " needs a value");
    return args[++i];
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-o" || arg == "--output")
      a.output = value(i);
    else if (arg == "--layout")
      a.layout = value(i);
    else if (arg == "--from")
      a.options.from = parse_date_argument(arg, value(i));
    else if (arg == "--to")
      a.options.to = parse_date_argument(arg, value(i));
    else if (arg == "--only")
      a.options.only.push_back(value(i));
    else if (arg == "--highlights")
      a.options.highlights_only = true;
    else if (arg == "--theme") {
      a.options.theme = value(i);
      if (a.options.theme != "light" && a.options.theme != "dark" && a.options.theme != "print") {
        throw UsageError("unknown theme \"" + a.options.theme + "\" (use light, dark or print)");
      }
    } else if (arg == "--scale") {
      const std::string& text = value(i);
      size_t used = 0;
      double scale = 0;
      try {
        scale = std::stod(text, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != text.size() || !(scale > 0 && scale <= 16)) {
        throw UsageError("--scale \"" + text + "\" must be a number above 0 and at most 16");
      }
      a.scale = scale;
    } else if (arg == "--transparent")
      a.transparent = true;
    else if (arg == "--allow-omissions")
      a.options.allow_omissions = true;
    else if (arg == "--layout-dump")
      a.layout_dump = value(i);
    else if (arg == "--compare-with")
      a.compare_with = value(i);
    else if (!arg.empty() && arg[0] == '-')
      throw UsageError("unknown option '" + arg + "'");
    else if (a.data.empty())
      a.data = arg;
    else
      throw UsageError("more than one dataset given ('" + a.data + "' and '" + arg + "')");
  }
  if (a.data.empty()) throw UsageError("no dataset file given");
  if (a.output.empty()) throw UsageError("no output file given (-o OUT)");
  if (!format_for_path(a.output)) {
    throw UsageError("cannot tell the format of '" + a.output + "': use .png, .svg or .pdf");
  }
  if (a.options.from && a.options.to && a.options.to->last_day() < a.options.from->first_day()) {
    throw UsageError("--to " + a.options.to->iso() + " is before --from " + a.options.from->iso());
  }
  if (a.output == a.data || (!a.layout_dump.empty() && a.layout_dump == a.data)) {
    throw UsageError("the output would overwrite the dataset '" + a.data + "'");
  }
  return a;
}

// Items added or changed since `old_data`, as the report's "Changes since"
// page sees them (compare_datasets), so that slides mark the same items.
void mark_changes(const Dataset& old_data, const Dataset& new_data, TimelineOptions& options) {
  const DatasetDiff diff = compare_datasets(old_data, new_data);
  for (const Item& item : diff.added) options.added_ids.insert(item.id);
  for (const ItemChange& change : diff.changed) options.changed_ids.insert(change.id);
}

int run_timeline(const std::vector<std::string>& args) {
  Arguments a = parse_arguments(args);

  const DatasetLoad load = load_dataset_file(a.data);
  if (!load.ok()) {
    std::cerr << load.report();
    return kExitDataError;
  }
  if (!a.compare_with.empty()) {
    const DatasetLoad old_load = load_dataset_file(a.compare_with);
    if (!old_load.ok()) {
      std::cerr << old_load.report();
      return kExitDataError;
    }
    mark_changes(*old_load.dataset, *load.dataset, a.options);
  }

  Diagnostics diagnostics;
  std::string layout_source;
  const std::string layout_path = resolve_layout_path(a.layout);
  auto style = load_timeline_style(layout_path, diagnostics, &layout_source);
  if (!style) {
    std::cerr << format_diagnostics(diagnostics, layout_source);
    return kExitDataError;
  }

  const Dataset& dataset = *load.dataset;
  TimelineLayout layout = layout_timeline(dataset, *style, a.options);

  if (layout.undated_count > 0) {
    std::cerr << "briefing timeline: " << layout.undated_count
              << (layout.undated_count == 1 ? " item has" : " items have") << " no date and "
              << (layout.undated_count == 1 ? "is" : "are") << " left out\n";
  }
  const bool anything_drawn =
      std::any_of(layout.elements.begin(), layout.elements.end(),
                  [](const PlacedElement& e) { return e.kind == "marker"; });
  if (!anything_drawn) {
    std::cerr
        << "briefing timeline: warning: no dated item matches the selection; the chart is empty\n";
  }
  // Each omission on a line of its own, up to a screenful; titles cut short.
  constexpr size_t kListedOmissions = 20;
  for (size_t i = 0; i < layout.omitted.size() && i < kListedOmissions; ++i) {
    const auto& omission = layout.omitted[i];
    std::cerr << "briefing timeline: " << (a.options.allow_omissions ? "warning" : "error")
              << ": left out '" << omission.item_id << "' (" << excerpt(omission.title)
              << "): " << omission.reason << "\n";
  }
  if (layout.omitted.size() > kListedOmissions) {
    std::cerr << "briefing timeline: ... and " << layout.omitted.size() - kListedOmissions
              << " more items left out\n";
  }
  if (!layout.omitted.empty() && !a.options.allow_omissions) {
    std::cerr
        << "briefing timeline: " << layout.omitted.size()
        << " item(s) could not be placed; nothing written (use a larger layout, fewer items with "
           "--only/--from/--to, or --allow-omissions)\n";
    return kExitDataError;
  }

  Document document;
  document.info.title = dataset.title + " — timeline";
  document.info.author = dataset.publisher;
  document.info.subject = "Timeline of " + dataset.title;
  document.info.creator = "briefing " BRIEFING_VERSION;
  document.info.created = publication_time(dataset);
  document.has_background = true;
  document.background = layout.background;
  document.pages.push_back(std::move(layout.page));
  document.outline.push_back({1, dataset.title + " — timeline", "timeline"});

  RasterOptions raster;
  raster.pixels_per_point = style->pixels_per_point * a.scale;
  raster.transparent = a.transparent;
  // Render everything first, so that a failure leaves every output untouched.
  const std::string bytes = render_document(document, *format_for_path(a.output), raster);
  std::string dump_json;
  if (!a.layout_dump.empty()) {
    LayoutDump dump;
    dump.source = "timeline";
    dump.page_sizes.push_back({document.pages[0].width, document.pages[0].height});
    dump.elements = layout.elements;
    dump_json = to_json(dump);
  }
  write_file_atomically(a.output, bytes);
  if (!a.layout_dump.empty()) write_file_atomically(a.layout_dump, dump_json);
  return kExitOk;
}

const CommandRegistration registration{{
    "timeline",
    "draw a timeline graphic (PNG, SVG, PDF)",
    kUsage,
    run_timeline,
}};

}  // namespace
}  // namespace briefing::cli
