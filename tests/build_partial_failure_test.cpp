// One output's folder or history that cannot be written fails that output
// only: the others are built, and the build exits 1 at the end.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "regenerate/build_file.h"
#include "regenerate/builder.h"
#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::read_file;
using testing::repo_path;
using testing::write_file;

/// Makes the folder `folder` one that no file can be created in. chmod does
/// not stop root, so where a probe still gets in, the folder is replaced by a
/// regular file, which stops everyone. Returns the OS's reason to expect.
std::string make_unwritable(const std::string& folder) {
  fs::create_directories(folder);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
  const std::string probe = folder + "/.probe";
  const int fd = open(probe.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return "Permission denied";
  close(fd);
  fs::permissions(folder, fs::perms::owner_all);
  fs::remove_all(folder);
  write_file(folder, "a file where a folder is expected\n");
  return "Not a directory";
}

void make_writable_again(const std::string& folder) {
  if (fs::is_regular_file(folder)) {
    fs::remove(folder);
    fs::create_directories(folder);
  } else {
    fs::permissions(folder, fs::perms::owner_all);
  }
}

class BuildPartialFailure : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    fs::create_directories(dir_ + "/data");
    write_file(dir_ + "/data/a.toml", testing::one_item_dataset("2020"));
    write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2021"));
    setenv("FAKE_RENDER_LOG", (dir_ + "/render.log").c_str(), 1);
  }
  void TearDown() override {
    for (const auto& folder : broken_) make_writable_again(folder);  // so it can be removed
    unsetenv("FAKE_RENDER_LOG");
  }

  std::string output(const std::string& path, const std::string& kind, const std::string& data,
                     const std::string& extra = "") {
    return "[[output]]\npath = \"" + path + "\"\nkind = \"" + kind + "\"\ndata = \"" + data +
           "\"\n" + extra + "\n";
  }

  /// Makes `folder` (under the project) unwritable, undone at the end.
  std::string break_folder(const std::string& folder) {
    broken_.push_back(dir_ + "/" + folder);
    return make_unwritable(dir_ + "/" + folder);
  }
  void fix_folder(const std::string& folder) {
    make_writable_again(dir_ + "/" + folder);
    broken_.erase(std::find(broken_.begin(), broken_.end(), dir_ + "/" + folder));
  }

  /// One build with the stand-in renderer; returns the outputs it tried.
  std::string build() {
    fs::remove(dir_ + "/render.log");
    const BuildFileLoad load = load_build_file(dir_ + "/briefing.toml");
    EXPECT_TRUE(load.ok()) << load.report();
    BuildOptions options;
    options.jobs = 2;
    options.renderer_command = {"/bin/sh", repo_path("tests/data/build-fake-renderer.sh")};
    std::ostringstream out, err;
    summary_ = BuildSummary{};
    try {
      summary_ = run_build(*load.build, options, out, err);
    } catch (const std::exception& error) {
      ADD_FAILURE() << "the whole build stopped: " << error.what();
    }
    out_ = out.str();
    err_ = err.str();
    return fs::exists(dir_ + "/render.log") ? read_file(dir_ + "/render.log") : "";
  }

  std::string dir_;
  std::vector<std::string> broken_;
  BuildSummary summary_;
  std::string out_, err_;
};

TEST_F(BuildPartialFailure, UnwritableHistoryFailsOnlyTheOutputThatKeepsIt) {
  write_file(dir_ + "/briefing.toml",
             output("output/r.pdf", "report", "data/a.toml", "compare_with_previous = true") +
                 output("output/a.png", "timeline", "data/a.toml") +
                 output("output/b.svg", "timeline", "data/b.toml"));
  build();
  ASSERT_EQ(summary_.rendered, 3u) << err_;
  const std::string old_report = read_file(dir_ + "/output/r.pdf");

  // A new edit moves the history on: its folder must take a file now.
  write_file(dir_ + "/data/a.toml", testing::one_item_dataset("2022"));
  write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2023"));
  const std::string reason = break_folder("output/.briefing-history");
  const std::string tried = build();
  EXPECT_EQ(summary_.failed, 1u) << err_;
  EXPECT_EQ(summary_.rendered, 2u) << out_ << err_;
  EXPECT_FALSE(summary_.ok());
  const std::string history = dir_ + "/output/.briefing-history";
  const size_t line = err_.find("failed " + dir_ + "/output/r.pdf: ");
  ASSERT_NE(line, std::string::npos) << err_;
  const std::string message = err_.substr(line, err_.find('\n', line) - line);
  EXPECT_NE(message.find(history), std::string::npos) << "names the folder: " << message;
  EXPECT_NE(message.find(reason), std::string::npos) << "and the OS's reason: " << message;
  EXPECT_NE(out_.find("rendered " + dir_ + "/output/a.png  "), std::string::npos) << out_;
  EXPECT_NE(out_.find("rendered " + dir_ + "/output/b.svg  "), std::string::npos) << out_;
  EXPECT_EQ(tried.find("r.pdf"), std::string::npos) << "not rendered without its history";
  EXPECT_EQ(read_file(dir_ + "/output/r.pdf"), old_report);

  fix_folder("output/.briefing-history");
  EXPECT_EQ(build(), dir_ + "/output/r.pdf\n");
  EXPECT_TRUE(summary_.ok()) << err_;
}

TEST_F(BuildPartialFailure, UnwritableOutputFolderFailsOnlyItsOutputs) {
  write_file(dir_ + "/briefing.toml", output("output/slides/x.png", "timeline", "data/a.toml") +
                                          output("output/a.png", "timeline", "data/a.toml") +
                                          output("output/b.svg", "timeline", "data/b.toml"));
  build();
  ASSERT_EQ(summary_.rendered, 3u) << err_;

  write_file(dir_ + "/data/a.toml", testing::one_item_dataset("2022"));
  write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2023"));
  const std::string reason = break_folder("output/slides");
  const std::string tried = build();
  EXPECT_EQ(summary_.failed, 1u) << err_;
  EXPECT_EQ(summary_.rendered, 2u) << out_ << err_;
  const size_t line = err_.find("failed " + dir_ + "/output/slides/x.png: ");
  ASSERT_NE(line, std::string::npos) << err_;
  const std::string message = err_.substr(line, err_.find('\n', line) - line);
  EXPECT_NE(message.find(dir_ + "/output/slides"), std::string::npos) << message;
  EXPECT_NE(message.find(reason), std::string::npos) << message;
  EXPECT_NE(out_.find("rendered " + dir_ + "/output/a.png  "), std::string::npos) << out_;
  EXPECT_NE(out_.find("rendered " + dir_ + "/output/b.svg  "), std::string::npos) << out_;
  EXPECT_EQ(tried.find("x.png"), std::string::npos) << "no render that cannot succeed: " << tried;

  fix_folder("output/slides");
  EXPECT_EQ(build(), dir_ + "/output/slides/x.png\n");
  EXPECT_TRUE(summary_.ok()) << err_;
}

// Where the manifest cannot be kept, the outputs are still rendered; the
// build warns (once each) that it could neither lock nor record them.
TEST_F(BuildPartialFailure, UnusableManifestFolderStillRendersEverything) {
  write_file(dir_ + "/state", "a file where the manifest's folder should be\n");
  write_file(dir_ + "/briefing.toml", "manifest = \"state/manifest.json\"\n\n" +
                                          output("output/a.png", "timeline", "data/a.toml") +
                                          output("output/b.svg", "timeline", "data/b.toml"));
  build();
  EXPECT_EQ(summary_.rendered, 2u) << err_;
  EXPECT_TRUE(summary_.ok()) << err_;
  const std::string lock_warning =
      "warning: cannot create folder " + dir_ + "/state: Not a directory";
  EXPECT_NE(err_.find(lock_warning), std::string::npos) << err_;
  EXPECT_EQ(err_.find("warning: cannot write the manifest: "),
            err_.rfind("warning: cannot write the manifest: "))
      << "once, not after every output:\n"
      << err_;
  EXPECT_NE(err_.find("warning: cannot write the manifest: "), std::string::npos) << err_;
}

// The real program: a message naming the folder and the reason, the other
// outputs rendered, exit status 1.
TEST_F(BuildPartialFailure, RealBuildExitsOneAfterBuildingTheOthers) {
  write_file(dir_ + "/briefing.toml", output("output/slides/a.svg", "timeline", "data/a.toml") +
                                          output("output/b.svg", "timeline", "data/b.toml"));
  const std::string reason = break_folder("output/slides");
  const auto r = testing::run_briefing({"build", dir_ + "/briefing.toml"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("failed " + dir_ + "/output/slides/a.svg: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir_ + "/output/slides: " + reason), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("rendered " + dir_ + "/output/b.svg  "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 outputs: 1 rendered, 0 up to date, 1 failed"), std::string::npos)
      << r.out;
  EXPECT_EQ(std::string(read_file(dir_ + "/output/b.svg"), 0, 5), "<?xml") << "a real render";
}

}  // namespace
}  // namespace briefing
