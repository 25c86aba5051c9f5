// A reference image per preset (and the highlights slide), at full size,
// compared with a per-channel tolerance of 2 and at most 0.05 % of pixels
// differing: tight enough that a label moved by 1 pt fails (tested below).
// BRIEFING_UPDATE_REFERENCES=1 rewrites the references; a failure writes a
// diff image under the build directory.
#include <gtest/gtest.h>

#include <filesystem>

#include "paint/document_writer.h"
#include "reference/image_compare.h"
#include "test_support.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

struct Case {
  std::string name;
  std::vector<std::string> arguments;
};

// Names the case in test listings (instead of its bytes).
void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class TimelineReference : public ::testing::TestWithParam<Case> {};

TEST_P(TimelineReference, MatchesTheReferenceImage) {
  const Case& c = GetParam();
  const std::string dir = testing::make_temp_dir();
  const std::string png = dir + "/" + c.name + ".png";
  std::vector<std::string> args = {"timeline", testing::repo_path("data/ai-safety-japan-2024.toml"),
                                   "-o", png, "--allow-omissions"};
  args.insert(args.end(), c.arguments.begin(), c.arguments.end());
  auto result = testing::run_briefing(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string reference =
      std::string(BRIEFING_TEST_DIR) + "/reference/timeline-" + c.name + ".png";
  const std::string diff =
      std::filesystem::current_path().string() + "/timeline-reference-diffs/" + c.name + ".png";
  auto comparison = testing::compare_with_reference(png, reference, diff);
  EXPECT_TRUE(comparison.ok) << comparison.message;
}

// The comparison itself must catch a small change and leave a diff image:
// the slide drawn in-process matches its reference, and with one label
// moved 1 pt to the right it does not.
TEST(TimelineReferenceComparison, DetectsALabelMovedByOnePoint) {
  if (std::getenv("BRIEFING_UPDATE_REFERENCES")) GTEST_SKIP() << "updating references";
  const TimelineStyle style = testing::preset("slide-16x9");
  LayoutResult layout = layout_timeline(testing::fact_sheet(), style, TimelineOptions{});
  const std::string reference =
      std::string(BRIEFING_TEST_DIR) + "/reference/timeline-slide-16x9.png";
  const std::string dir = testing::make_temp_dir();
  auto render = [&](const std::string& name) {
    const std::string png = dir + "/" + name + ".png";
    testing::write_file(
        png, render_document(layout.document, OutputFormat::png, {style.pixels_per_point, false}));
    return testing::compare_with_reference(png, reference, dir + "/diffs/" + name + ".png");
  };
  const auto unchanged = render("unchanged");
  EXPECT_TRUE(unchanged.ok) << unchanged.message;
  bool moved = false;
  for (DisplayItem& item : layout.document.pages[0].items) {
    auto* group = std::get_if<Group>(&item);
    if (!group || group->tag.kind != "label") continue;
    translate(item, 1, 0);  // one point: 2 px on this slide
    moved = true;
    break;
  }
  ASSERT_TRUE(moved);
  const auto nudged = render("nudged");
  EXPECT_FALSE(nudged.ok) << "a label moved by 1 pt went unnoticed";
  EXPECT_TRUE(std::filesystem::exists(dir + "/diffs/nudged.png")) << nudged.message;
}

INSTANTIATE_TEST_SUITE_P(
    Presets, TimelineReference,
    ::testing::Values(Case{"slide-16x9", {}}, Case{"slide-4x3", {"--layout", "slide-4x3"}},
                      Case{"a4-landscape-print", {"--layout", "a4-landscape", "--theme", "print"}},
                      Case{"report-figure", {"--layout", "report-figure"}},
                      Case{"slide-16x9-dark-highlights", {"--theme", "dark", "--highlights"}}),
    [](const ::testing::TestParamInfo<Case>& param_info) {
      std::string name = param_info.param.name;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

}  // namespace
}  // namespace briefing
