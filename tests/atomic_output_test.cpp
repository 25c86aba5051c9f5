// A render that is killed or fails leaves the previous output byte-identical
// and no temporary file behind.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
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
            "the report has real work to do for item " +
            n +
            ", page after page.\"\n"
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

// CPU time (user + system) a running process has used, in clock ticks; -1
// once it has ended.
long cpu_ticks(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  const size_t close = text.rfind(')');  // the command name may hold spaces
  if (close == std::string::npos) return -1;
  std::istringstream fields(text.substr(close + 2));
  std::string state;
  fields >> state;
  if (state == "Z" || state == "X") return -1;
  std::string skip;
  for (int i = 0; i < 10; ++i) fields >> skip;  // ppid .. cmajflt
  long utime = 0, stime = 0;
  fields >> utime >> stime;
  return utime + stime;
}

TEST(AtomicOutput, KilledRenderLeavesThePreviousFileAndNoTempFile) {
  const std::string dir = make_temp_dir();
  const std::string out = dir + "/briefing.pdf";
  // The previous, good output.
  const auto first = run_briefing({"report", repo_path("tests/data/diff-old.toml"), "-o", out});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string previous = read_file(out);

  // Kill the render once it has been working for a while (0.1 s of CPU:
  // past loading, in layout or painting); when it finishes first, try again
  // with a dataset four times larger, until the kill lands mid-render.
  bool killed_midway = false;
  for (int items = 300; items <= 19200 && !killed_midway; items *= 4) {
    write_file(dir + "/big.toml", generated_dataset(items));
    const auto before = folder_entries(dir);
    const pid_t pid = spawn_briefing({"report", dir + "/big.toml", "-o", out});
    const long ticks_per_second = sysconf(_SC_CLK_TCK);
    long ticks = 0;
    while ((ticks = cpu_ticks(pid)) >= 0 && ticks < ticks_per_second / 10) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (ticks >= 0) kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFSIGNALED(status)) {
      // Finished before the kill: its output is the new report; start again from it.
      ASSERT_EQ(WEXITSTATUS(status), 0);
      previous = read_file(out);
      continue;
    }
    killed_midway = true;
    EXPECT_EQ(read_file(out), previous) << "killed mid-render of " << items << " items";
    EXPECT_EQ(folder_entries(dir), before) << "a temporary file was left (" << items << " items)";
  }
  EXPECT_TRUE(killed_midway) << "no render of up to 19,200 items lasted 0.1 s of CPU";
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
  ASSERT_EQ(run_briefing({"report", repo_path("tests/data/diff-old.toml"), "-o", out}).exit_code,
            0);
  const std::string previous = read_file(out);
  const auto result =
      run_briefing({"report", repo_path("tests/data/dozen-mistakes.toml"), "-o", out});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(read_file(out), previous);
  EXPECT_EQ(folder_entries(dir), std::vector<std::string>{"briefing.pdf"});
}

}  // namespace
}  // namespace briefing
