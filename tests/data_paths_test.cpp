// Where the program finds fonts/ and layouts/ (issue #11.1): from its own
// location or $BRIEFING_DATA_DIR, never from a path compiled into it; a
// build file's own layouts/NAME.toml wins over the installed preset.
#include "base/data_paths.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "load/layout_paths.h"
#include "test_support.h"

namespace fs = std::filesystem;
using briefing::testing::make_temp_dir;
using briefing::testing::write_file;

namespace {

// Sets an environment variable for one scope, restoring the old value.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST(DataPaths, WithoutOverrideTheDataIsShareBriefingBesideTheProgram) {
  unsetenv("BRIEFING_DATA_DIR");
  // The test executable lives in BUILD/tests; the build tree has BUILD/share/briefing.
  EXPECT_EQ(fs::canonical(briefing::data_directory()),
            fs::canonical(fs::path(BRIEFING_BUILD_DIR) / "share" / "briefing"));
  EXPECT_TRUE(fs::is_regular_file(briefing::layouts_directory() + "/slide-16x9.toml"));
}

TEST(DataPaths, TheEnvironmentOverridesTheLocation) {
  const std::string dir = make_temp_dir();
  ScopedEnv env("BRIEFING_DATA_DIR", dir);
  EXPECT_EQ(briefing::data_directory(), dir);
  EXPECT_EQ(briefing::layouts_directory(), dir + "/layouts");
}

TEST(DataPaths, ALocalPresetWinsOverTheInstalledOneOfTheSameName) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/slide-16x9.toml", "# mine\n");
  EXPECT_EQ(briefing::resolve_layout_path("slide-16x9", dir), dir + "/slide-16x9.toml");
  EXPECT_EQ(briefing::resolve_layout_path("slide-4x3", dir),
            briefing::layouts_directory() + "/slide-4x3.toml");
  EXPECT_EQ(briefing::resolve_layout_path("slide-16x9"),
            briefing::layouts_directory() + "/slide-16x9.toml");
  EXPECT_EQ(briefing::resolve_layout_path("my/own.toml", dir), "my/own.toml");
}
