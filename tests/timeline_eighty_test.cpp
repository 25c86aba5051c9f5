// Issue #13's contract at its edge: random datasets of 80 dated items
// (titles of 20-200 characters) and the rulebook (67 dated) on the slides.
// Counts how many items each names (printed, for the figures), and
// holds every chart to the rules: no overlaps, in bounds, labels by their
// marks at the minimum size or above, nothing drawn without its name.
// BRIEFING_TIMELINE_PNG_DIR=DIR also writes each chart as a PNG, to look at.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "paint/document_writer.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

struct Named {
  size_t labelled = 0, dated = 0;
};

Named check_chart(const Dataset& data, const std::string& preset_name, const std::string& name) {
  const TimelineStyle style = preset(preset_name);
  TimelineOptions options;
  options.allow_omissions = true;
  const LaidOutTimeline layout = lay_out(data, style, options);
  const std::string context = name + ", " + preset_name;
  expect_clean(layout, context);
  expect_labels_by_their_marks(layout, context);
  expect_one_label_size(layout, data, context);
  std::set<std::string> labelled, marked;
  for (const auto& e : layout.elements) {
    if (e.kind == "label") {
      labelled.insert(e.item_id);
      EXPECT_GE(e.size, style.min_text_size - 1e-9) << context;
    }
    if (e.kind == "marker") marked.insert(e.item_id);
  }
  for (const auto& id : marked) EXPECT_TRUE(labelled.count(id)) << context << ": unnamed " << id;
  Named named;
  for (const auto& item : data.items) named.dated += item.is_dated();
  named.labelled = labelled.size();
  EXPECT_EQ(labelled.size() + layout.omitted.size(), named.dated) << context;
  if (const char* dir = std::getenv("BRIEFING_TIMELINE_PNG_DIR")) {
    Document document;
    document.pages.push_back(layout.page);
    write_document(document, std::string(dir) + "/" + name + "-" + preset_name + ".png");
  }
  std::printf("%s: %zu of %zu dated items named\n", context.c_str(), named.labelled, named.dated);
  return named;
}

// The four seeds of 80 items the contract tests use (RandomSixtyAndEighty...
// and RandomDatasetsUpToForty...): how many of them each names.
TEST(TimelineEighty, RandomEightyItemSetsOnTheSlide) {
  size_t named = 0;
  for (unsigned seed : {87u, 94u, 101u, 110u}) {
    named += check_chart(realistic_dataset(seed, 80), "slide-16x9",
                         "random-80-seed-" + std::to_string(seed))
                 .labelled;
  }
  EXPECT_GE(named, 300u);  // of 320: 65, 80, 75 and 80 today (63, 80, 75, 80 before trading rows)
}

TEST(TimelineEighty, RulebookOnBothSlides) {
  // 62 and 58 of 67 today (61 and 57 before trading rows between lanes).
  EXPECT_GE(check_chart(rulebook(), "slide-16x9", "rulebook").labelled, 62u);
  EXPECT_GE(check_chart(rulebook(), "slide-4x3", "rulebook").labelled, 58u);
}

}  // namespace
}  // namespace briefing
