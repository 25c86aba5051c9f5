// Warm render workers (regenerate/render_workers.h), which `briefing watch`
// renders on: a job rendered by a worker that has rendered others before —
// a report, then a timeline, then a Japanese dataset, then a layout with
// fonts of its own, then that font or layout changed — gives the bytes of
// a fresh `briefing` process; a worker that dies or hangs fails its job and
// is replaced; and watch's first build of the default outputs, on workers,
// gives the recorded bytes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <thread>

#include "regenerate/job_runner.h"
#include "regenerate/render_workers.h"
#include "regenerate/worker_protocol.h"
#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::read_file;
using testing::repo_path;
using testing::write_file;

const std::string kDejaVu = "/usr/share/fonts/truetype/dejavu";

std::vector<std::string> worker_command() { return {BRIEFING_BINARY, kWorkerCommandName}; }

/// Runs one job on `workers` and returns its result.
JobResult run_on(RenderWorkers& workers, const std::vector<std::string>& args, double timeout = 0) {
  JobResult out;
  bool finished = false;
  workers.run(
      {Job{args}}, [&](size_t) { return timeout; }, [](size_t) {},
      [&](size_t, const JobResult& result) {
        out = result;
        finished = true;
      });
  EXPECT_TRUE(finished);
  return out;
}

/// The dataset's text with its `published` date replaced by `date`.
std::string with_published(std::string text, const std::string& date) {
  const std::string key = "\npublished = \"";
  const size_t at = text.find(key);
  EXPECT_NE(at, std::string::npos);
  if (at == std::string::npos) return text;
  const size_t end = text.find('"', at + key.size());
  text.replace(at + key.size(), end - at - key.size(), date);
  return text;
}

class WarmWorker : public ::testing::Test {
 protected:
  /// Renders `args` (whose outputs are `files`) first in a fresh process,
  /// then on the worker, and expects the same exit status, messages and
  /// bytes of every file.
  void expect_same_as_fresh_process(const std::vector<std::string>& args,
                                    const std::vector<std::string>& files) {
    for (const auto& file : files) fs::remove(file);
    const auto fresh = testing::run_briefing(args);
    std::vector<std::string> fresh_bytes;
    for (const auto& file : files) {
      fresh_bytes.push_back(fs::exists(file) ? read_file(file) : "(missing)");
      fs::remove(file);
    }
    const JobResult warm = run_on(workers_, args);
    EXPECT_EQ(warm.exit_code, fresh.exit_code) << warm.err;
    EXPECT_EQ(warm.err, fresh.err);
    EXPECT_EQ(warm.out, fresh.out);
    for (size_t i = 0; i < files.size(); ++i) {
      ASSERT_TRUE(fs::exists(files[i])) << files[i] << "\n" << warm.err;
      EXPECT_TRUE(read_file(files[i]) == fresh_bytes[i]) << files[i] << " differs";
    }
  }

  pid_t only_worker() const {
    const auto ids = workers_.worker_ids();
    return ids.size() == 1 ? ids[0] : -1;
  }

  std::string dir_ = make_temp_dir();
  RenderWorkers workers_{worker_command(), 1};
  const std::string data_ = repo_path("data/ai-safety-japan-2024.toml");
  const std::string japanese_ = repo_path("tests/data/ja-fixture.toml");
};

TEST_F(WarmWorker, ReportThenTimelineThenJapaneseInOneProcessGiveFreshProcessBytes) {
  expect_same_as_fresh_process({"report", data_, "-o", dir_ + "/a4.pdf", "--layout", "briefing-a4"},
                               {dir_ + "/a4.pdf"});
  const pid_t worker = only_worker();
  ASSERT_GT(worker, 0);
  expect_same_as_fresh_process({"timeline", data_, "-o", dir_ + "/t.png", "-o", dir_ + "/t.svg",
                                "-o", dir_ + "/t.pdf", "--layout", "slide-16x9"},
                               {dir_ + "/t.png", dir_ + "/t.svg", dir_ + "/t.pdf"});
  // Another language: its messages, dates, fonts and line breaking.
  expect_same_as_fresh_process(
      {"report", japanese_, "-o", dir_ + "/ja.pdf", "--layout", "briefing-a4"}, {dir_ + "/ja.pdf"});
  expect_same_as_fresh_process(
      {"timeline", japanese_, "-o", dir_ + "/ja.svg", "--layout", "slide-4x3"}, {dir_ + "/ja.svg"});
  // Back to English after Japanese: nothing of it is left over.
  expect_same_as_fresh_process(
      {"report", data_, "-o", dir_ + "/letter.pdf", "--layout", "briefing-letter"},
      {dir_ + "/letter.pdf"});
  expect_same_as_fresh_process({"timeline", data_, "-o", dir_ + "/h.png", "--highlights"},
                               {dir_ + "/h.png"});
  // All of it in the one warm process.
  EXPECT_EQ(only_worker(), worker);
}

TEST_F(WarmWorker, ErrorsAndExitStatusAreThoseOfAFreshProcess) {
  const std::string broken = dir_ + "/broken.toml";
  write_file(broken, with_published(read_file(data_), "2024-13-01"));
  // A good render first, so that the failing one runs in a warm process.
  expect_same_as_fresh_process({"timeline", data_, "-o", dir_ + "/ok.svg"}, {dir_ + "/ok.svg"});
  const std::vector<std::string> args = {"timeline", broken, "-o", dir_ + "/bad.svg"};
  const auto fresh = testing::run_briefing(args);
  const JobResult warm = run_on(workers_, args);
  EXPECT_EQ(fresh.exit_code, 1);
  EXPECT_EQ(warm.exit_code, fresh.exit_code);
  EXPECT_EQ(warm.err, fresh.err);
  EXPECT_NE(warm.err.find(broken + ":"), std::string::npos) << warm.err;
  EXPECT_FALSE(fs::exists(dir_ + "/bad.svg"));
  // A usage error too.
  const JobResult usage = run_on(workers_, {"timeline", data_});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(usage.err, testing::run_briefing({"timeline", data_}).err);
}

TEST_F(WarmWorker, ChangedLayoutAndDatasetGiveFreshProcessBytes) {
  const std::string layout = dir_ + "/slide.toml";
  const std::string preset = read_file(repo_path("layouts/slide-16x9.toml"));
  write_file(layout, preset);
  const std::string data = dir_ + "/data.toml";
  write_file(data, read_file(data_));
  const std::vector<std::string> args = {"timeline",      data,       "-o",  dir_ + "/s.pdf", "-o",
                                         dir_ + "/s.png", "--layout", layout};
  const std::vector<std::string> files = {dir_ + "/s.pdf", dir_ + "/s.png"};
  expect_same_as_fresh_process(args, files);
  const std::string before = read_file(dir_ + "/s.pdf");

  // The same files, rewritten: a larger title (20 → 28 pt), another year.
  const std::string title = "\ntitle = 20\n";
  const size_t size = preset.find(title);
  ASSERT_NE(size, std::string::npos) << "slide-16x9's title size is no longer 20";
  std::string changed = preset;
  changed.replace(size, title.size(), "\ntitle = 28\n");
  write_file(layout, changed);
  write_file(data, with_published(read_file(data), "2025-02-04"));
  expect_same_as_fresh_process(args, files);
  EXPECT_NE(read_file(dir_ + "/s.pdf"), before);
}

TEST_F(WarmWorker, HouseFontsGiveFreshProcessBytesAndNeverReachALaterJob) {
  if (!fs::exists(kDejaVu + "/DejaVuSans.ttf")) GTEST_SKIP() << "fonts-dejavu-core is missing";
  fs::create_directories(dir_ + "/house");
  fs::copy_file(kDejaVu + "/DejaVuSans.ttf", dir_ + "/house/DejaVuSans.ttf");
  fs::copy_file(kDejaVu + "/DejaVuSans-Bold.ttf", dir_ + "/house/DejaVuSans-Bold.ttf");
  std::string text = read_file(repo_path("layouts/slide-16x9.toml"));
  const std::string families = "family = \"Noto Sans\"\ntitle_family = \"Noto Sans\"";
  const size_t at = text.find(families);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, families.size(),
               "dirs = [\"house\"]\nfamily = \"DejaVu Sans\"\ntitle_family = \"DejaVu Sans\"");
  const std::string layout = dir_ + "/house.toml";
  write_file(layout, text);

  // Warm on the bundled fonts, then a layout with its own.
  expect_same_as_fresh_process({"timeline", data_, "-o", dir_ + "/plain.svg"},
                               {dir_ + "/plain.svg"});
  const pid_t warm = only_worker();
  const std::vector<std::string> house = {"timeline",          data_,      "-o",
                                          dir_ + "/house.pdf", "--layout", layout};
  expect_same_as_fresh_process(house, {dir_ + "/house.pdf"});
  const std::string first = read_file(dir_ + "/house.pdf");
  // Its worker has gone: its font configuration is not a fresh process's.
  EXPECT_NE(only_worker(), warm);
  EXPECT_TRUE(workers_.worker_ids().empty());
  // The bundled fonts again, in a new worker: as before.
  expect_same_as_fresh_process({"timeline", data_, "-o", dir_ + "/plain.svg"},
                               {dir_ + "/plain.svg"});

  // The house face changed under the same name: the new bytes are used.
  fs::copy_file(kDejaVu + "/DejaVuSans-Bold.ttf", dir_ + "/house/DejaVuSans.ttf",
                fs::copy_options::overwrite_existing);
  expect_same_as_fresh_process(house, {dir_ + "/house.pdf"});
  EXPECT_NE(read_file(dir_ + "/house.pdf"), first);
}

TEST(RenderWorkers, AWorkerThatDiesFailsItsJobAndIsReplaced) {
  // A worker that reads its job, then kills itself.
  RenderWorkers workers({"/bin/sh", "-c", "head -c 1 <&3 >/dev/null; kill -KILL $$"}, 1);
  const JobResult first = run_on(workers, {"timeline", "x.toml", "-o", "x.png"});
  EXPECT_FALSE(first.ok());
  EXPECT_EQ(first.signal, SIGKILL);
  EXPECT_NE(first.err.find("render worker ended before it finished the job"), std::string::npos)
      << first.err;
  EXPECT_TRUE(workers.worker_ids().empty());
  const JobResult second = run_on(workers, {"timeline", "x.toml", "-o", "x.png"});
  EXPECT_EQ(second.signal, SIGKILL);  // a new worker took it (and died the same way)
}

TEST(RenderWorkers, AWorkerThatHangsIsStoppedAfterTheTimeoutAndItsJobFails) {
  RenderWorkers workers({"/bin/sh", "-c", "exec sleep 60"}, 1);
  const auto start = std::chrono::steady_clock::now();
  const JobResult result = run_on(workers, {"report", "x.toml", "-o", "x.pdf"}, 0.3);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_GE(result.seconds, 0.3);
  EXPECT_EQ(result.signal, SIGKILL);
  EXPECT_NE(result.err.find("took longer than 0.30 s"), std::string::npos) << result.err;
  EXPECT_TRUE(workers.worker_ids().empty());
}

TEST(RenderWorkers, AProgramThatCannotStartFailsEachJob) {
  RenderWorkers workers({"/nonexistent/briefing", kWorkerCommandName}, 2);
  std::vector<JobResult> results(3);
  workers.run(
      {Job{{"a"}}, Job{{"b"}}, Job{{"c"}}}, [](size_t) { return 0.0; }, [](size_t) {},
      [&](size_t index, const JobResult& result) { results[index] = result; });
  for (const JobResult& result : results) {
    EXPECT_EQ(result.exit_code, 127);
    EXPECT_NE(result.err.find("cannot run /nonexistent/briefing"), std::string::npos) << result.err;
  }
}

TEST(RenderWorkers, JobsRunInParallelOnTwoWorkersInListOrder) {
  // Each fake worker answers after 1 s with exit status 3.
  RenderWorkers workers(
      {"/bin/sh", "-c",
       "head -c 1 <&3 >/dev/null; sleep 1; printf '3 0 2 0\\nhi' >&3; exec cat <&3 >/dev/null"},
      2);
  std::vector<size_t> started;
  std::vector<JobResult> results(2);
  const auto start = std::chrono::steady_clock::now();
  workers.run(
      {Job{{"a"}}, Job{{"b"}}}, [](size_t) { return 0.0; },
      [&](size_t index) { started.push_back(index); },
      [&](size_t index, const JobResult& result) { results[index] = result; });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(started, (std::vector<size_t>{0, 1}));
  for (const JobResult& result : results) {
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(result.out, "hi");
  }
  EXPECT_LT(seconds, 1.9);  // not one after the other (2 s)
}

TEST(WorkerProtocol, JobsAndRepliesSurviveBeingSplitAnywhere) {
  const std::vector<std::string> job = {"timeline", "", "a b\n", "日本"};
  const std::string bytes = encode_job(job) + encode_job({"x"});
  std::string buffer;
  std::vector<std::vector<std::string>> jobs;
  for (char c : bytes) {
    buffer += c;
    while (auto taken = take_job(buffer)) jobs.push_back(*taken);
  }
  EXPECT_EQ(jobs, (std::vector<std::vector<std::string>>{job, {"x"}}));
  EXPECT_TRUE(buffer.empty());

  const WorkerReply reply{1, true, "out\n", std::string("err\0x", 5)};
  const std::string reply_bytes = encode_reply(reply);
  buffer.clear();
  std::optional<WorkerReply> taken;
  for (size_t i = 0; i < reply_bytes.size(); ++i) {
    EXPECT_FALSE(taken);
    buffer += reply_bytes[i];
    taken = take_reply(buffer);
  }
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->exit_code, 1);
  EXPECT_TRUE(taken->retiring);
  EXPECT_EQ(taken->out, "out\n");
  EXPECT_EQ(taken->err, std::string("err\0x", 5));

  std::string garbage = "hello world\n";
  EXPECT_THROW(take_reply(garbage), std::runtime_error);
}

TEST(RenderWorkerCommand, RefusesToRunWithoutAJobSocket) {
  const auto result = testing::run_briefing({kWorkerCommandName});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("for `briefing watch` only"), std::string::npos) << result.err;
}

std::map<std::string, std::string> hashes_in(const std::string& listing) {
  std::map<std::string, std::string> hashes;
  std::istringstream lines(listing);
  std::string hash, name;
  while (lines >> hash >> name) hashes[name] = hash;
  return hashes;
}

TEST(WatchOnWorkers, DefaultOutputsAreTheRecordedBytesAndTheWorkersStayForTheNextSave) {
  const std::string dir = make_temp_dir();
  fs::copy(repo_path("briefing.toml"), dir + "/briefing.toml");
  fs::copy(repo_path("data"), dir + "/data", fs::copy_options::recursive);
  const pid_t pid = fork();
  if (pid == 0) {
    if (!freopen((dir + "/out.txt").c_str(), "w", stdout)) _exit(126);
    if (!freopen((dir + "/err.txt").c_str(), "w", stderr)) _exit(126);
    execl(BRIEFING_BINARY, BRIEFING_BINARY, "watch", (dir + "/briefing.toml").c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  auto out = [&] { return fs::exists(dir + "/out.txt") ? read_file(dir + "/out.txt") : ""; };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (out().find("watching") == std::string::npos && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto children = [&] {
    std::ifstream file("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) +
                       "/children");
    std::vector<std::string> ids;
    std::string id;
    while (file >> id) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  const auto workers = children();
  std::vector<std::string> commands;
  for (const auto& worker : workers) commands.push_back(read_file("/proc/" + worker + "/cmdline"));
  const std::string error_text = fs::exists(dir + "/err.txt") ? read_file(dir + "/err.txt") : "";
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ASSERT_NE(out().find("6 outputs: 6 rendered"), std::string::npos) << out() << error_text;
  // One worker a core, alive after the build, for the next save.
  EXPECT_EQ(workers.size(), static_cast<size_t>(available_cores())) << out();
  for (const auto& command : commands) {
    EXPECT_NE(command.find(kWorkerCommandName), std::string::npos) << command;
  }
  // They end with the watch.
  for (const auto& worker : workers) {
    for (int i = 0; i < 100 && fs::exists("/proc/" + worker + "/cmdline"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_FALSE(fs::exists("/proc/" + worker + "/cmdline")) << worker;
  }

  const auto expected = hashes_in(read_file(repo_path("tests/reference/default-outputs.sha256")));
  ASSERT_EQ(expected.size(), 6u);
  std::vector<std::string> argv = {"/usr/bin/sha256sum"};
  for (const auto& [name, hash] : expected) argv.push_back(name);
  const std::string here = fs::current_path().string();
  fs::current_path(dir + "/output");
  const auto sums = testing::run_program(argv);
  fs::current_path(here);
  ASSERT_EQ(sums.exit_code, 0) << sums.err;
  EXPECT_EQ(hashes_in(sums.out), expected);
}

TEST(WatchOnWorkers, AKilledWorkerIsReplacedAndTheNextSaveRendersAsBefore) {
  const std::string dir = make_temp_dir();
  fs::create_directories(dir + "/data");
  write_file(dir + "/data/a.toml", testing::one_item_dataset("2020"));
  write_file(dir + "/briefing.toml",
             "[[output]]\npath = \"output/a.svg\"\nkind = \"timeline\"\n"
             "data = \"data/a.toml\"\nlayout = \"slide-4x3\"\n");
  const pid_t pid = fork();
  if (pid == 0) {
    if (!freopen((dir + "/out.txt").c_str(), "w", stdout)) _exit(126);
    if (!freopen((dir + "/err.txt").c_str(), "w", stderr)) _exit(126);
    execl(BRIEFING_BINARY, BRIEFING_BINARY, "watch", "--jobs", "1",
          (dir + "/briefing.toml").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  auto out = [&] { return fs::exists(dir + "/out.txt") ? read_file(dir + "/out.txt") : ""; };
  auto wait_for = [&](const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!condition() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return condition();
  };
  auto rendered = [&] {
    size_t n = 0;
    const std::string text = out();
    for (size_t at = text.find("rendered "); at != std::string::npos;
         at = text.find("rendered ", at + 1))
      ++n;
    return n;
  };
  EXPECT_TRUE(wait_for([&] { return rendered() == 1; })) << out();
  std::ifstream children("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) +
                         "/children");
  pid_t worker = 0;
  children >> worker;
  ASSERT_GT(worker, 0);
  ASSERT_EQ(kill(worker, SIGKILL), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));

  // Saved like an editor: a new file renamed into place.
  write_file(dir + "/data/a.toml.new", testing::one_item_dataset("2023-04"));
  fs::rename(dir + "/data/a.toml.new", dir + "/data/a.toml");
  EXPECT_TRUE(wait_for([&] { return rendered() == 2; })) << out();
  const std::string fresh =
      dir + "/fresh.svg";  // the same render in a fresh process: the same bytes
  const auto cold = testing::run_briefing(
      {"timeline", dir + "/data/a.toml", "-o", fresh, "--layout", "slide-4x3"});
  ASSERT_EQ(cold.exit_code, 0) << cold.err;
  EXPECT_TRUE(read_file(dir + "/output/a.svg") == read_file(fresh));
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(out().find("failed"), std::string::npos) << out();
}

}  // namespace
}  // namespace briefing
