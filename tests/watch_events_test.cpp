// The file events `briefing watch` reacts to (regenerate/folder_events.h):
// how each way of saving is seen — a new file renamed into place, a file
// written in place, an editor that renames the old file away first, a
// chmod — and that only the watched folders report.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <vector>

#include "regenerate/folder_events.h"
#include "test_support.h"

namespace briefing {

// How gtest shows an event in a failure.
void PrintTo(FileEvent event, std::ostream* out) {
  const char* names[] = {"complete", "writing", "attributes"};
  *out << names[static_cast<int>(event)];
}

namespace {

namespace fs = std::filesystem;

struct Seen {
  std::string path;
  FileEvent event;
};

class FolderEventsTest : public ::testing::Test {
 protected:
  /// Runs the main loop until no event has come for 100 ms; returns what came.
  std::vector<Seen> drain() {
    std::vector<Seen> out;
    auto quiet_since = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - quiet_since < std::chrono::milliseconds(100)) {
      if (g_main_context_iteration(nullptr, FALSE)) {
        quiet_since = std::chrono::steady_clock::now();
      } else {
        g_usleep(2000);
      }
      for (auto& s : seen_) out.push_back(std::move(s));
      seen_.clear();
    }
    return out;
  }

  /// The events on `path` only.
  static std::vector<FileEvent> of(const std::vector<Seen>& seen, const std::string& path) {
    std::vector<FileEvent> out;
    for (const Seen& s : seen) {
      if (s.path == path) out.push_back(s.event);
    }
    return out;
  }

  std::string dir_ = fs::canonical(testing::make_temp_dir()).string();
  std::vector<Seen> seen_;
  FolderEvents events_{[this](const std::string& path, FileEvent event) {
    seen_.push_back({path, event});
  }};
};

TEST_F(FolderEventsTest, ANewFileRenamedIntoPlaceIsCompleteAtTheRename) {
  ASSERT_TRUE(events_.watch({dir_}).empty());
  EXPECT_EQ(events_.size(), 1u);
  const std::string file = dir_ + "/data.toml";
  testing::write_file(file + ".new", "a = 1\n");
  drain();
  fs::rename(file + ".new", file);
  const auto seen = drain();
  EXPECT_EQ(of(seen, file), std::vector<FileEvent>{FileEvent::complete});
  EXPECT_EQ(of(seen, file + ".new"), std::vector<FileEvent>{FileEvent::writing});
}

TEST_F(FolderEventsTest, AFileWrittenInPlaceIsWritingUntilClosed) {
  const std::string file = dir_ + "/data.toml";
  testing::write_file(file, "a = 1\n");
  ASSERT_TRUE(events_.watch({dir_}).empty());
  testing::write_file(file, "a = 2\n");  // truncate, write, close
  const auto seen = of(drain(), file);
  ASSERT_GE(seen.size(), 2u);
  EXPECT_EQ(seen.front(), FileEvent::writing);
  EXPECT_EQ(seen.back(), FileEvent::complete);
}

TEST_F(FolderEventsTest, AnEditorThatRenamesTheOldFileAwayIsWritingUntilTheNewOneIsClosed) {
  const std::string file = dir_ + "/data.toml";
  testing::write_file(file, "a = 1\n");
  ASSERT_TRUE(events_.watch({dir_}).empty());
  fs::rename(file, file + "~");
  const auto away = of(drain(), file);
  EXPECT_EQ(away, std::vector<FileEvent>{FileEvent::writing});
  testing::write_file(file, "a = 2\n");
  const auto written = of(drain(), file);
  ASSERT_FALSE(written.empty());
  EXPECT_EQ(written.back(), FileEvent::complete);
}

TEST_F(FolderEventsTest, AChmodOnlyChangesAttributesAndUnwatchedFoldersAreSilent) {
  const std::string file = dir_ + "/data.toml";
  const std::string other = fs::canonical(testing::make_temp_dir()).string();
  testing::write_file(file, "a = 1\n");
  ASSERT_TRUE(events_.watch({dir_, other}).empty());
  ASSERT_EQ(chmod(file.c_str(), 0600), 0);
  EXPECT_EQ(of(drain(), file), std::vector<FileEvent>{FileEvent::attributes});

  // No longer watched: nothing from it; the other folder still reports.
  ASSERT_TRUE(events_.watch({other}).empty());
  EXPECT_EQ(events_.size(), 1u);
  drain();
  testing::write_file(file, "a = 2\n");
  testing::write_file(other + "/x.toml", "b = 1\n");
  const auto seen = drain();
  EXPECT_TRUE(of(seen, file).empty());
  EXPECT_FALSE(of(seen, other + "/x.toml").empty());
}

TEST_F(FolderEventsTest, AFolderThatCannotBeWatchedSaysWhy) {
  const auto problems = events_.watch({dir_ + "/missing"});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.begin()->first, dir_ + "/missing");
  EXPECT_NE(problems.begin()->second.find("No such file"), std::string::npos)
      << problems.begin()->second;
  EXPECT_EQ(events_.size(), 0u);
}

}  // namespace
}  // namespace briefing
