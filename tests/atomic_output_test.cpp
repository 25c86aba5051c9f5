// A render that is killed or fails leaves the previous output byte-identical
// and no temporary file behind.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::read_file;
using testing::repo_path;
using testing::run_briefing;
using testing::write_file;

/// A valid dataset with `count` dated items: big enough that a report of it
/// takes a while to lay out.
std::string generated_dataset(int count) {
  std::string text =
      "[dataset]\ntitle = \"Generated\"\npublisher = \"Test\"\npublished = \"2024\"\n"
      "language = \"en\"\n\n[[section]]\nid = \"1\"\ntitle = \"Everything\"\n";
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    text += "\n[[item]]\nid = \"item-" + n + "\"\nsection = \"1\"\ntitle = \"Generated guideline " +
            n + " on the safe use of systems\"\nkind = \"guideline\"\nissuers = [\"Body " + n +
            "\"]\nsummary = \"A paragraph long enough to be broken into several lines, so that "
            "the report has real work to do for item " + n + ", page after page.\"\n"
            "\n[[item.milestone]]\nlabel = \"published\"\ndate = \"" +
            std::to_string(2000 + i % 25) + "-" + (i % 12 < 9 ? "0" : "") +
            std::to_string(i % 12 + 1) + "\"\n";
  }
  return text;
}

std::vector<std::string> folder_entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

pid_t spawn_briefing(const std::vector<std::string>& args) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(BRIEFING_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

TEST(AtomicOutput, KilledRenderLeavesThePreviousFileAndNoTempFile) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/big.toml", generated_dataset(300));
  const std::string out = dir + "/briefing.pdf";
  // The previous, good output.
  const auto first = run_briefing({"report", repo_path("tests/data/diff-old.toml"), "-o", out});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string previous = read_file(out);
  const auto before = folder_entries(dir);

  int killed_midway = 0;
  for (const int delay_ms : {50, 150, 400}) {
    const pid_t pid = spawn_briefing({"report", dir + "/big.toml", "-o", out});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++killed_midway;
    if (WIFSIGNALED(status)) {
      EXPECT_EQ(read_file(out), previous) << "killed after " << delay_ms << " ms";
    }
    EXPECT_EQ(folder_entries(dir), before) << "a temporary file was left after " << delay_ms << " ms";
  }
  EXPECT_GT(killed_midway, 0) << "every render finished before the kill; make the dataset bigger";
}

TEST(AtomicOutput, InterruptedRenderLeavesThePreviousFile) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/big.toml", generated_dataset(300));
  const std::string out = dir + "/timeline.pdf";
  const auto first = run_briefing({"report", repo_path("tests/data/diff-old.toml"), "-o", out});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string previous = read_file(out);
  const pid_t pid = spawn_briefing({"report", dir + "/big.toml", "-o", out});
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status) || WEXITSTATUS(status) != 0) {
    EXPECT_EQ(read_file(out), previous);
  }
  EXPECT_EQ(folder_entries(dir), (std::vector<std::string>{"big.toml", "timeline.pdf"}));
}

TEST(AtomicOutput, DataErrorLeavesThePreviousFile) {
  const std::string dir = make_temp_dir();
  const std::string out = dir + "/briefing.pdf";
  ASSERT_EQ(run_briefing({"report", repo_path("tests/data/diff-old.toml"), "-o", out}).exit_code, 0);
  const std::string previous = read_file(out);
  const auto result = run_briefing({"report", repo_path("tests/data/dozen-mistakes.toml"), "-o", out});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(read_file(out), previous);
  EXPECT_EQ(folder_entries(dir), std::vector<std::string>{"briefing.pdf"});
}

}  // namespace
}  // namespace briefing
