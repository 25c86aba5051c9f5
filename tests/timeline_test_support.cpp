#include "timeline_test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "load/dataset_loader.h"
#include "load/timeline_style_loader.h"
#include "test_support.h"
#include "text/messages.h"
#include "text/text_block.h"

namespace briefing::testing {

LaidOutTimeline lay_out(const Dataset& dataset, const TimelineStyle& style,
                        const TimelineOptions& options) {
  // As the CLI does (layout_timeline): the dataset's language picks fonts and words.
  set_text_language(dataset.language);
  set_document_language(dataset.language);
  TimelinePage timeline = layout_timeline_page(dataset, style, options);
  LaidOutTimeline laid;
  laid.elements = placed_elements(timeline.page.items);
  laid.page = std::move(timeline.page);
  laid.omitted = std::move(timeline.omitted);
  laid.undated_count = timeline.undated_count;
  return laid;
}

TimelineStyle preset(const std::string& name) {
  Diagnostics diagnostics;
  auto style = load_timeline_style(resolve_layout_path(name), diagnostics);
  EXPECT_TRUE(style.has_value()) << format_diagnostics(diagnostics);
  return style.value_or(TimelineStyle{});
}

const Dataset& fact_sheet() {
  static const Dataset dataset = [] {
    auto load = load_dataset_file(repo_path("data/ai-safety-japan-2024.toml"));
    EXPECT_TRUE(load.ok()) << load.report();
    return load.dataset.value_or(Dataset{});
  }();
  return dataset;
}

bool is_text(const std::string& kind) {
  return kind == "label" || kind == "tick-label" || kind == "lane-title" || kind == "legend" ||
         kind == "title" || kind == "omission-note";
}

// Every text box is clear of every other text and marker box; markers of
// different items do not overlap; everything lies inside the page.
void expect_clean(const LaidOutTimeline& layout, const std::string& context) {
  const auto& elements = layout.elements;
  const Rect page{0, 0, layout.page.width, layout.page.height};
  for (size_t i = 0; i < elements.size(); ++i) {
    const auto& a = elements[i];
    EXPECT_TRUE(page.contains(a.box))
        << context << ": " << a.kind << " '" << a.text << "' outside the page";
    for (size_t j = i + 1; j < elements.size(); ++j) {
      const auto& b = elements[j];
      const bool texts = is_text(a.kind) || is_text(b.kind);
      const bool markers = a.kind == "marker" && b.kind == "marker" && a.item_id != b.item_id;
      if (!texts && !markers) continue;
      if (a.kind == "lane" || b.kind == "lane") continue;  // a region, not a drawn element
      EXPECT_FALSE(a.box.intersects(b.box, -0.01))
          << context << ": " << a.kind << " '" << a.text << "' (" << a.item_id << ") overlaps "
          << b.kind << " '" << b.text << "' (" << b.item_id << ")";
    }
  }
}

size_t count(const LaidOutTimeline& layout, const std::string& kind) {
  return static_cast<size_t>(std::count_if(layout.elements.begin(), layout.elements.end(),
                                           [&](const PlacedElement& e) { return e.kind == kind; }));
}

// Every label lies inside the band of the lane its marks are in, and right
// next to its marks: beside them on their line, or just above or below them.
void expect_labels_by_their_marks(const LaidOutTimeline& layout, const std::string& context) {
  std::vector<Rect> lanes;
  std::map<std::string, Rect> marks;  // item id -> the union of its marker boxes
  for (const auto& e : layout.elements) {
    if (e.kind == "lane") lanes.push_back(e.box);
    if (e.kind != "marker") continue;
    // A "continues before/after" chevron marks the range's cut, not a date the label is beside.
    if (e.text.rfind("continues ", 0) == 0) continue;
    auto [it, added] = marks.emplace(e.item_id, e.box);
    if (!added) {
      Rect& u = it->second;
      const double right = std::max(u.right(), e.box.right());
      const double bottom = std::max(u.bottom(), e.box.bottom());
      u.x = std::min(u.x, e.box.x);
      u.y = std::min(u.y, e.box.y);
      u.width = right - u.x;
      u.height = bottom - u.y;
    }
  }
  ASSERT_FALSE(lanes.empty()) << context;
  std::map<std::string, std::vector<Rect>> legs;  // item id -> its leader lines' boxes
  for (const auto& e : layout.elements) {
    if (e.kind == "leader") legs[e.item_id].push_back(e.box);
  }
  std::map<std::string, Rect> leaders;  // item id -> its first leader line's box
  for (const auto& [id, boxes] : legs) leaders.emplace(id, boxes.front());
  for (const auto& e : layout.elements) {
    if (e.kind != "label") continue;
    ASSERT_TRUE(marks.count(e.item_id)) << context << ": label without marks " << e.item_id;
    const Rect& m = marks[e.item_id];
    const double line = m.y + m.height / 2;
    const Rect* lane = nullptr;
    for (const Rect& band : lanes) {
      if (line >= band.y && line <= band.bottom()) lane = &band;
    }
    ASSERT_NE(lane, nullptr) << context << ": marks of " << e.item_id << " in no lane";
    EXPECT_TRUE(lane->contains(e.box, 0.01))
        << context << ": label '" << e.text << "' leaves its lane (label y " << e.box.y << ".."
        << e.box.bottom() << ", lane " << lane->y << ".." << lane->bottom() << ")";
    const double gap_x = std::max(e.box.x - m.right(), m.x - e.box.right());
    const double gap_y = std::max(e.box.y - m.bottom(), m.y - e.box.bottom());
    const bool beside = gap_x >= 0 && gap_x <= 6 && e.box.y <= line && e.box.bottom() >= line;
    const bool over_or_under = gap_y >= 0 && gap_y <= 4 && gap_x < 0;
    // Set away: a vertical leader from the marks reaches the label.
    bool led = false;
    if (auto leader = leaders.find(e.item_id); leader != leaders.end()) {
      const Rect& l = leader->second;
      const bool over_both =
          l.x >= std::max(e.box.x, m.x) - 1 && l.right() <= std::min(e.box.right(), m.right()) + 1;
      const bool joins =
          std::min(std::abs(l.y - e.box.bottom()), std::abs(l.bottom() - e.box.y)) <= 1.5 &&
          l.y <= m.bottom() + 1.5 && l.bottom() >= m.y - 1.5;  // it may start just off the mark
      led = over_both && joins;
    }
    // Set aside in time: one straight leader (on the marks' line) or an
    // elbow of two legs, from the marks to the label's side, each leg
    // touching the next.
    if (auto found = legs.find(e.item_id); !led && found != legs.end()) {
      const std::vector<Rect>& path = found->second;
      bool chained = path.size() <= 2;
      for (size_t k = 0; k + 1 < path.size(); ++k) {
        chained = chained && path[k].intersects(path[k + 1], 0.5);
      }
      const double label_gap_x = std::min(std::abs(path.back().x - e.box.right()),
                                          std::abs(path.back().right() - e.box.x));
      led = chained && path.front().intersects(m, 1.5) && path.back().intersects(e.box, 1.5) &&
            label_gap_x <= 1.5 && path.back().y >= e.box.y &&
            path.back().bottom() <= e.box.bottom();
    }
    EXPECT_TRUE(beside || over_or_under || led)
        << context << ": label '" << e.text << "' is not next to its marks (gap x " << gap_x
        << ", gap y " << gap_y << "; label y " << e.box.y << ".." << e.box.bottom() << ", marks y "
        << m.y << ".." << m.bottom()
        << (leaders.count(e.item_id) ? ", leader y " + std::to_string(leaders[e.item_id].y) + ".." +
                                           std::to_string(leaders[e.item_id].bottom())
                                     : std::string(", no leader"))
        << ")";
  }
}

// The text size of every item title on the chart (one entry per label).
std::vector<double> label_sizes(const LaidOutTimeline& layout, const Dataset& data) {
  std::vector<double> sizes;
  for (const auto& e : layout.elements) {
    if (e.kind == "label" && data.find_item(e.item_id)) sizes.push_back(e.size);
  }
  return sizes;
}

void expect_one_label_size(const LaidOutTimeline& layout, const Dataset& data,
                           const std::string& context) {
  const std::vector<double> sizes = label_sizes(layout, data);
  ASSERT_EQ(sizes.size(), count(layout, "label")) << context;
  for (double size : sizes) EXPECT_DOUBLE_EQ(size, sizes.front()) << context;
}

Dataset precision_dataset() {
  Dataset d;
  d.title = "Precision";
  d.publisher = "Test";
  d.sections.push_back({"1", "Only", "", {}});
  auto add = [&](const std::string& id, const std::string& date) {
    Item item;
    item.id = id;
    item.section = "1";
    item.title = "Item " + id;
    item.kind = "law";
    item.milestones.push_back({"adopted", *PartialDate::parse(date), "", {}});
    d.items.push_back(item);
  };
  add("year", "2022");
  add("month", "2023-06");
  add("day", "2023-09-15");
  return d;
}

// Random datasets: long and mixed English/Japanese titles, all precisions.
Dataset random_dataset(unsigned seed, int events) {
  std::mt19937 random(seed);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::vector<std::string> words = {
      "Guidelines", "for",           "the",          "Safe",    "Use",   "of",  "Generative",
      "AI",         "人工知能",      "ガイドライン", "安全性",  "評価",  "Act", "on",
      "Protection", "International", "Framework",    "Interim", "Report"};
  Dataset d;
  d.title = "Random " + std::to_string(seed);
  d.publisher = "Test";
  for (int s = 1; s <= 4; ++s)
    d.sections.push_back({std::to_string(s), "Section " + std::to_string(s), "", {}});
  const int first_year = 1990 + pick(30);
  const int span = 1 + pick(25);
  for (int i = 0; i < events; ++i) {
    Item item;
    item.id = "item-" + std::to_string(i);
    item.section = std::to_string(1 + pick(4));
    const int length = 2 + pick(14);
    for (int w = 0; w < length; ++w)
      item.title +=
          (w ? " " : "") + words[static_cast<size_t>(pick(static_cast<int>(words.size())))];
    item.kind = pick(2) ? "law" : "guideline";
    item.highlight = pick(10) == 0;
    int year = first_year + pick(span);
    const int count = 1 + (pick(4) == 0);
    for (int m = 0; m < count; ++m) {
      const int precision = pick(3);
      PartialDate date = precision == 0   ? PartialDate::year(year)
                         : precision == 1 ? PartialDate::month(year, 1 + pick(12))
                                          : PartialDate::day(year, 1 + pick(12), 1 + pick(28));
      item.milestones.push_back({m ? "revised" : "adopted", date, "", {}});
      year += 1 + pick(3);
    }
    if (pick(8) == 0) item.milestones.clear();  // undated
    const std::string url = "https://example.org/" + item.id;
    item.links.push_back({url, url, "", 0});
    d.items.push_back(item);
  }
  return d;
}

Dataset realistic_dataset(unsigned seed, int dated) {
  std::mt19937 random(seed);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::vector<std::string> words = {
      "Regulation", "(EU)",       "2024/1689",      "on",   "harmonised", "rules",
      "for",        "artificial", "intelligence",   "and",  "amending",   "Directive",
      "Gesetz",     "zur",        "Verbesserung",   "der",  "Sicherheit", "Loi",
      "relative",   "à",          "l'informatique", "aux",  "libertés",   "個人情報",
      "保護",       "に関する",   "法律",           "協定", "Act",        "(Data Act)"};
  Dataset d;
  d.title = "Realistic " + std::to_string(seed);
  d.publisher = "Test";
  const int sections = 3 + pick(4);
  for (int s = 1; s <= sections; ++s)
    d.sections.push_back(
        {std::to_string(s), "Section " + std::to_string(s) + " of the rulebook", "", {}});
  const int first_year = 1995 + pick(20);
  const int span = 5 + pick(25);
  const int undated = pick(6);
  for (int i = 0; i < dated + undated; ++i) {
    Item item;
    item.id = "item-" + std::to_string(i);
    item.section = std::to_string(1 + pick(sections));
    const size_t length = static_cast<size_t>(20 + pick(181));  // bytes, about characters
    while (item.title.size() < length) {
      item.title += (item.title.empty() ? "" : " ") +
                    words[static_cast<size_t>(pick(static_cast<int>(words.size())))];
    }
    item.kind = pick(2) ? "law" : "agreement";
    item.highlight = pick(7) == 0;
    if (pick(5) == 0) item.short_title = "Act " + std::to_string(i);
    if (i < dated) {
      int day = pick(365 * span);
      const int count = pick(4) == 0 ? 2 + pick(6) : 1;
      for (int m = 0; m < count; ++m) {
        const int year = first_year + day / 365, month = 1 + (day % 365) / 31 % 12;
        const int precision = pick(3);
        PartialDate date = precision == 0   ? PartialDate::year(year)
                           : precision == 1 ? PartialDate::month(year, month)
                                            : PartialDate::day(year, month, 1 + day % 28);
        if (!item.milestones.empty() && date < item.milestones.back().date)
          date = item.milestones.back().date;
        item.milestones.push_back({m ? "applies" : "adopted", date, "", {}});
        day += 30 + pick(700);
      }
    }
    const std::string url = "https://example.org/" + item.id;
    item.links.push_back({url, url, "", 0});
    d.items.push_back(item);
  }
  return d;
}

const Dataset& rulebook() {
  static const Dataset dataset = [] {
    auto load = load_dataset_file(repo_path("tests/data/eu-digital-rulebook.toml"));
    EXPECT_TRUE(load.ok()) << load.report();
    return load.dataset.value_or(Dataset{});
  }();
  return dataset;
}

void expect_every_item_named(const LaidOutTimeline& layout, const Dataset& data, double min_size,
                             const std::string& context) {
  std::set<std::string> labelled, marked;
  for (const auto& e : layout.elements) {
    if (e.kind == "label") {
      labelled.insert(e.item_id);
      EXPECT_GE(e.size, min_size - 1e-9) << context << ": label of " << e.item_id;
    }
    if (e.kind == "marker") marked.insert(e.item_id);
  }
  size_t dated = 0;
  for (const auto& item : data.items) {
    if (!item.is_dated()) continue;
    ++dated;
    EXPECT_TRUE(labelled.count(item.id)) << context << ": no label for " << item.id;
  }
  EXPECT_EQ(labelled.size(), dated) << context;
  for (const auto& id : marked) {
    EXPECT_TRUE(labelled.count(id)) << context << ": marks without a label for " << id;
  }
  EXPECT_TRUE(layout.omitted.empty()) << context << ": " << layout.omitted.size() << " left out";
}

}  // namespace briefing::testing
