// A reference image per preset (and the highlights slide), compared with a
// per-pixel tolerance. BRIEFING_UPDATE_REFERENCES=1 rewrites the references;
// a failure writes a diff image under the build directory.
#include <gtest/gtest.h>

#include <filesystem>

#include "reference/image_compare.h"
#include "test_support.h"

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
  std::vector<std::string> args = {"timeline",
                                   testing::repo_path("data/ai-safety-japan-2024.toml"),
                                   "-o",
                                   png,
                                   "--scale",
                                   "0.5",
                                   "--allow-omissions"};
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

// The comparison itself must catch a change and leave a diff image.
TEST(TimelineReferenceComparison, DetectsAChangeAndWritesADiff) {
  if (std::getenv("BRIEFING_UPDATE_REFERENCES")) GTEST_SKIP() << "updating references";
  const std::string dir = testing::make_temp_dir();
  const std::string png = dir + "/dark.png";
  auto result =
      testing::run_briefing({"timeline", testing::repo_path("data/ai-safety-japan-2024.toml"), "-o",
                             png, "--scale", "0.5", "--allow-omissions", "--theme", "dark"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string diff = dir + "/diffs/dark-vs-light.png";
  auto comparison = testing::compare_with_reference(
      png, std::string(BRIEFING_TEST_DIR) + "/reference/timeline-slide-16x9.png", diff);
  EXPECT_FALSE(comparison.ok);
  EXPECT_TRUE(std::filesystem::exists(diff)) << comparison.message;
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
