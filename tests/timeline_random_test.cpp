// Random datasets: clean layouts, and every dated item labelled or named as left out.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

TEST(TimelineLayout, RandomDatasetsAreCleanAndReportOmissions) {
  const TimelineStyle style = preset("slide-16x9");
  unsigned seed = 1;
  for (int events : {10, 40, 120, 500}) {
    for (int k = 0; k < 2; ++k, ++seed) {
      Dataset data = random_dataset(seed, events);
      size_t dated = 0;
      for (const auto& item : data.items) dated += item.is_dated();
      LaidOutTimeline layout = lay_out(data, style, {});
      const std::string context = std::to_string(events) + " events, seed " + std::to_string(seed);
      expect_clean(layout, context);
      expect_labels_by_their_marks(layout, context);
      expect_one_label_size(layout, data, context);
      EXPECT_EQ(layout.undated_count, data.items.size() - dated) << context;
      EXPECT_EQ(count(layout, "label") + layout.omitted.size(), dated) << context;
      for (const auto& omission : layout.omitted) {
        EXPECT_FALSE(omission.reason.empty());
        EXPECT_NE(data.find_item(omission.item_id), nullptr);
      }
      if (events >= 500) {
        EXPECT_FALSE(layout.omitted.empty()) << "500 events cannot all fit a slide";
      }
    }
  }
}

}  // namespace
}  // namespace briefing
