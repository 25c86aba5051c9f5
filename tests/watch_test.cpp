// `briefing watch` end to end, in a temporary folder: a save renders again,
// broken data keeps the old output and prints the error, the fix renders again,
// and SIGTERM stops it cleanly.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::read_file;
using testing::write_file;

/// Saves like an editor: write a new file, then rename it over the old one.
void save(const std::string& path, const std::string& text) {
  write_file(path + ".swp", text);
  fs::rename(path + ".swp", path);
}

bool wait_until(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class Watch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    fs::create_directories(dir_ + "/data");
    save(dir_ + "/data/a.toml", testing::one_item_dataset("2020"));
    write_file(dir_ + "/briefing.toml",
               "[[output]]\npath = \"output/a.svg\"\nkind = \"timeline\"\n"
               "data = \"data/a.toml\"\nlayout = \"slide-4x3\"\n");
    pid_ = fork();
    if (pid_ == 0) {
      if (!freopen((dir_ + "/out.txt").c_str(), "w", stdout)) _exit(126);
      if (!freopen((dir_ + "/err.txt").c_str(), "w", stderr)) _exit(126);
      execl(BRIEFING_BINARY, BRIEFING_BINARY, "watch", (dir_ + "/briefing.toml").c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  std::string out() const {
    return fs::exists(dir_ + "/out.txt") ? read_file(dir_ + "/out.txt") : "";
  }
  std::string err() const {
    return fs::exists(dir_ + "/err.txt") ? read_file(dir_ + "/err.txt") : "";
  }
  std::string output() const { return read_file(dir_ + "/output/a.svg"); }

  std::string dir_;
  pid_t pid_ = -1;
};

TEST_F(Watch, SaveRendersAgainBrokenDataKeepsTheOutputFixRendersAgain) {
  ASSERT_TRUE(wait_until([&] { return out().find("watching") != std::string::npos; }))
      << out() << err();
  ASSERT_EQ(count(out(), "rendered "), 1u) << out() << err();
  const std::string first = output();

  // An edit: rendered again.
  save(dir_ + "/data/a.toml", testing::one_item_dataset("2023-04"));
  ASSERT_TRUE(wait_until([&] { return count(out(), "rendered ") == 2; })) << out() << err();
  EXPECT_NE(out().find("changed: " + dir_ + "/data/a.toml"), std::string::npos) << out();
  const std::string second = output();
  EXPECT_NE(second, first);

  // A broken edit: the located error is printed and the output kept.
  save(dir_ + "/data/a.toml", testing::one_item_dataset("2023-13"));
  ASSERT_TRUE(wait_until([&] {
    return err().find("month 13 is out of range") != std::string::npos;
  })) << out()
      << err();
  EXPECT_NE(err().find(dir_ + "/data/a.toml:"), std::string::npos) << err();
  EXPECT_EQ(output(), second);

  // Fixed: rendered again.
  save(dir_ + "/data/a.toml", testing::one_item_dataset("2021-12"));
  ASSERT_TRUE(wait_until([&] { return count(out(), "rendered ") == 3; })) << out() << err();
  EXPECT_NE(output(), second);

  // Stops cleanly on SIGTERM.
  kill(pid_, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(pid_, &status, 0), pid_);
  pid_ = -1;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_NE(out().find("stopped watching"), std::string::npos) << out();
}

TEST_F(Watch, BurstOfSavesIsOneBuildAndOtherFilesAreIgnored) {
  ASSERT_TRUE(wait_until([&] { return out().find("watching") != std::string::npos; })) << err();
  // Files the build does not read, even in the data folder, change nothing.
  write_file(dir_ + "/data/notes.txt", "unrelated");
  for (const char* date : {"2021", "2022", "2023"})
    save(dir_ + "/data/a.toml", testing::one_item_dataset(date));
  ASSERT_TRUE(wait_until([&] { return count(out(), "rendered ") == 2; })) << out() << err();
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  EXPECT_EQ(count(out(), "rendered "), 2u) << out();
  EXPECT_EQ(count(out(), "changed:"), 1u) << out();

  kill(pid_, SIGINT);
  int status = 0;
  ASSERT_EQ(waitpid(pid_, &status, 0), pid_);
  pid_ = -1;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

}  // namespace
}  // namespace briefing
