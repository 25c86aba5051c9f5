// Builds of one manifest at the same time: they take turns on the manifest's
// lock, the second says that it waits, and the manifest they leave is fresh.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "regenerate/build_file.h"
#include "regenerate/builder.h"
#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::read_file;
using testing::write_file;

constexpr const char* kWaiting = "waiting for another build of ";

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string read_if_exists(const std::string& path) {
  return fs::exists(path) ? read_file(path) : "";
}

bool wait_until(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

int wait_for_exit(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// Starts `argv` (argv[0] a path) with stdout and stderr into files; does not wait.
pid_t spawn(const std::vector<std::string>& argv, const std::string& out_file,
            const std::string& err_file) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(out_file.c_str(), "w", stdout) || !freopen(err_file.c_str(), "w", stderr)) {
      _exit(126);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

/// The test's own hold on a manifest's lock, as another build would have it.
class HeldLock {
 public:
  explicit HeldLock(const std::string& manifest) {
    fs::create_directories(fs::path(manifest).parent_path());
    fd_ = open((manifest + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0 || flock(fd_, LOCK_EX | LOCK_NB) != 0) ADD_FAILURE() << "cannot take the lock";
  }
  ~HeldLock() { release(); }
  void release() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

class BuildConcurrency : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    manifest_ = dir_ + "/output/.briefing-manifest.json";
    fs::create_directories(dir_ + "/data");
    write_file(dir_ + "/data/a.toml", testing::one_item_dataset("2000"));
    write_file(
        dir_ + "/briefing.toml",
        "[[output]]\npath = \"output/a.svg\"\nkind = \"timeline\"\ndata = \"data/a.toml\"\n\n"
        "[[output]]\npath = \"output/b.svg\"\nkind = \"timeline\"\ndata = \"data/a.toml\"\n"
        "theme = \"dark\"\n");
  }

  std::vector<std::string> build_argv() const {
    return {BRIEFING_BINARY, "build", dir_ + "/briefing.toml"};
  }

  std::string dir_, manifest_;
};

/// A stand-in renderer that holds its build (and so the lock) until the other
/// build of the round has said that it waits, or 3 s have passed: every round
/// then has a second build that really has to wait, however the two start.
const char* kPatientRenderer =
    "#!/bin/sh\n"
    "out=$4\n"
    "i=0\n"
    "while ! grep -qs 'waiting for another build' \"$ROUND_OUT_1\" \"$ROUND_OUT_2\" &&\n"
    "      [ $i -lt 150 ]; do sleep 0.02; i=$((i + 1)); done\n"
    "printf '%s\\n' \"$*\" > \"$out\"\n"
    "cat \"$2\" >> \"$out\"\n";

/// Runs run_build() in a child process (flock locks are per process, and
/// run_jobs reaps any child, so two builds in one process would not do).
pid_t fork_build(const BuildFile& build, const BuildOptions& options, const std::string& out_file) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::ofstream out(out_file), err(out_file + ".err");
    const BuildSummary summary = run_build(build, options, out, err);
    out.close();
    err.close();
    _exit(summary.ok() ? 0 : 1);
  }
  return pid;
}

// The finding of issue #8: two builds at once left a stale manifest in 6 of
// 20 rounds. Each round edits the data, so that both builds find both outputs
// stale, and starts them at the same moment.
TEST_F(BuildConcurrency, TwoBuildsAtOnceTakeTurnsAndLeaveAFreshManifest) {
  const std::string renderer = dir_ + "/renderer.sh";
  write_file(renderer, kPatientRenderer);
  const std::string out_1 = dir_ + "/round-1.txt", out_2 = dir_ + "/round-2.txt";
  setenv("ROUND_OUT_1", out_1.c_str(), 1);
  setenv("ROUND_OUT_2", out_2.c_str(), 1);
  BuildOptions options;
  options.jobs = 2;
  options.renderer_command = {"/bin/sh", renderer};

  size_t stale_rounds = 0;
  for (int round = 1; round <= 20; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    write_file(dir_ + "/data/a.toml", testing::one_item_dataset(std::to_string(2000 + round)));
    fs::remove(out_1);
    fs::remove(out_2);
    const BuildFileLoad load = load_build_file(dir_ + "/briefing.toml");
    ASSERT_TRUE(load.ok()) << load.report();
    const pid_t first = fork_build(*load.build, options, out_1);
    const pid_t second = fork_build(*load.build, options, out_2);
    EXPECT_EQ(wait_for_exit(first), 0) << read_if_exists(out_1 + ".err");
    EXPECT_EQ(wait_for_exit(second), 0) << read_if_exists(out_2 + ".err");
    const std::string a = read_if_exists(out_1), b = read_if_exists(out_2);

    // One of them rendered both outputs without waiting; the other waited,
    // said so once, re-read the manifest and found nothing to do.
    EXPECT_EQ(count(a, kWaiting) + count(b, kWaiting), 1u) << a << "--\n" << b;
    const std::string& waited = count(a, kWaiting) ? a : b;
    const std::string& went_first = count(a, kWaiting) ? b : a;
    EXPECT_NE(waited.find(kWaiting + manifest_ + "\n"), std::string::npos) << waited;
    EXPECT_NE(waited.find("2 outputs: 0 rendered, 2 up to date"), std::string::npos) << waited;
    EXPECT_NE(went_first.find("2 outputs: 2 rendered, 0 up to date"), std::string::npos)
        << went_first;

    // The manifest is fresh: a third build, alone, renders nothing and does not wait.
    std::ostringstream out, err;
    const BuildSummary third = run_build(*load.build, options, out, err);
    EXPECT_EQ(third.up_to_date, 2u) << out.str() << err.str();
    EXPECT_EQ(out.str().find(kWaiting), std::string::npos) << out.str();
    if (third.rendered != 0) ++stale_rounds;
  }
  EXPECT_EQ(stale_rounds, 0u) << "rounds that left a stale manifest, of 20";
  unsetenv("ROUND_OUT_1");
  unsetenv("ROUND_OUT_2");
}

// The real program, lock held by "another build" (the test): it says that it
// waits, renders nothing while it waits, then builds.
TEST_F(BuildConcurrency, ABuildWaitsForTheLockThenBuilds) {
  HeldLock lock(manifest_);
  const std::string out = dir_ + "/out.txt", err = dir_ + "/err.txt";
  const pid_t pid = spawn(build_argv(), out, err);
  ASSERT_TRUE(wait_until([&] { return read_if_exists(out).find(kWaiting) != std::string::npos; }))
      << read_if_exists(out) << read_if_exists(err);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(waitpid(pid, nullptr, WNOHANG), 0) << "it must wait for the lock";
  EXPECT_FALSE(fs::exists(dir_ + "/output/a.svg")) << "nothing is rendered while it waits";
  EXPECT_FALSE(fs::exists(manifest_)) << "nor the manifest written";
  lock.release();
  EXPECT_EQ(wait_for_exit(pid), 0) << read_if_exists(err);
  const std::string printed = read_file(out);
  EXPECT_EQ(count(printed, kWaiting + manifest_ + "\n"), 1u) << printed;
  EXPECT_NE(printed.find("2 outputs: 2 rendered, 0 up to date"), std::string::npos) << printed;

  // Unopposed, it takes the lock at once and says nothing about waiting.
  const auto again = testing::run_program(build_argv());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.find(kWaiting), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("2 outputs: 0 rendered, 2 up to date"), std::string::npos) << again.out;
}

// The real program twice at once, with real renders: a few rounds (each
// costs a second of hashing the program and fonts).
TEST_F(BuildConcurrency, TwoRealBuildsAtOnceLeaveAFreshManifest) {
  for (int round = 1; round <= 4; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    write_file(dir_ + "/data/a.toml", testing::one_item_dataset(std::to_string(2000 + round)));
    const std::string out_1 = dir_ + "/out-1.txt", out_2 = dir_ + "/out-2.txt";
    const pid_t first = spawn(build_argv(), out_1, out_1 + ".err");
    const pid_t second = spawn(build_argv(), out_2, out_2 + ".err");
    EXPECT_EQ(wait_for_exit(first), 0) << read_file(out_1 + ".err");
    EXPECT_EQ(wait_for_exit(second), 0) << read_file(out_2 + ".err");
    const std::string a = read_file(out_1), b = read_file(out_2);
    // Whichever went second, waiting or not, found the first one's work done.
    const bool a_first = a.find("2 outputs: 2 rendered") != std::string::npos;
    const std::string& second_out = a_first ? b : a;
    EXPECT_NE((a_first ? a : b).find("2 outputs: 2 rendered, 0 up to date"), std::string::npos)
        << a << "--\n"
        << b;
    EXPECT_NE(second_out.find("2 outputs: 0 rendered, 2 up to date"), std::string::npos)
        << a << "--\n"
        << b;
    EXPECT_EQ(count(a_first ? a : b, kWaiting), 0u) << "the one that rendered did not wait";

    const auto third = testing::run_program(build_argv());
    EXPECT_NE(third.out.find("2 outputs: 0 rendered, 2 up to date"), std::string::npos)
        << third.out << third.err;
  }
}

// Watch's builds take the same lock, and only while they build.
TEST_F(BuildConcurrency, WatchWaitsForTheLockAndHoldsItOnlyWhileBuilding) {
  HeldLock lock(manifest_);
  const std::string out = dir_ + "/watch.txt", err = dir_ + "/watch-err.txt";
  const pid_t pid = spawn({BRIEFING_BINARY, "watch", dir_ + "/briefing.toml"}, out, err);
  EXPECT_TRUE(wait_until([&] { return read_if_exists(out).find(kWaiting) != std::string::npos; }))
      << read_if_exists(out) << read_if_exists(err);
  EXPECT_EQ(read_if_exists(out).find("rendered "), std::string::npos) << read_if_exists(out);
  lock.release();
  EXPECT_TRUE(wait_until([&] { return read_if_exists(out).find("watching") != std::string::npos; }))
      << read_if_exists(out) << read_if_exists(err);
  EXPECT_EQ(count(read_if_exists(out), "rendered "), 2u) << read_if_exists(out);

  // Between its builds, watch holds no lock: a build does not wait.
  const auto build = testing::run_program(build_argv());
  EXPECT_EQ(build.out.find(kWaiting), std::string::npos) << build.out;
  EXPECT_NE(build.out.find("2 outputs: 0 rendered, 2 up to date"), std::string::npos) << build.out;

  kill(pid, SIGTERM);
  EXPECT_EQ(wait_for_exit(pid), 0) << read_if_exists(err);
}

}  // namespace
}  // namespace briefing
