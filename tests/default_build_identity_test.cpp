// The default build's outputs, byte for byte: a refactoring must not change
// them. The SHA-256 of each is in tests/reference/default-outputs.sha256;
// BRIEFING_UPDATE_REFERENCES=1 rewrites it when a change is meant.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> hashes_in(const std::string& listing) {
  std::map<std::string, std::string> hashes;
  std::istringstream lines(listing);
  std::string hash, name;
  while (lines >> hash >> name) hashes[name] = hash;
  return hashes;
}

TEST(DefaultBuild, OutputsAreByteIdenticalToTheRecordedOnes) {
  const std::string dir = testing::make_temp_dir();
  fs::copy(testing::repo_path("briefing.toml"), dir + "/briefing.toml");
  fs::copy(testing::repo_path("data"), dir + "/data", fs::copy_options::recursive);
  const auto build = testing::run_briefing({"build", dir + "/briefing.toml", "--quiet"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir + "/output")) {
    const std::string extension = entry.path().extension().string();
    if (extension == ".pdf" || extension == ".png" || extension == ".svg") {
      files.push_back(entry.path().filename().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> argv = {"/usr/bin/sha256sum"};
  for (const auto& f : files) argv.push_back(dir + "/output/" + f);
  const auto sums = testing::run_program(argv);
  ASSERT_EQ(sums.exit_code, 0) << sums.err;
  std::string listing;
  for (const auto& [name, hash] : hashes_in(sums.out)) {
    listing += hash + "  " + fs::path(name).filename().string() + "\n";
  }
  const std::string recorded_path =
      std::string(BRIEFING_TEST_DIR) + "/reference/default-outputs.sha256";
  if (const char* update = std::getenv("BRIEFING_UPDATE_REFERENCES");
      update && std::string(update) == "1") {
    testing::write_file(recorded_path, listing);
    GTEST_SKIP() << "updated " << recorded_path;
  }
  EXPECT_EQ(hashes_in(listing), hashes_in(testing::read_file(recorded_path)))
      << "an output changed; if that is meant, run with BRIEFING_UPDATE_REFERENCES=1\nnow:\n"
      << listing;
}

}  // namespace
}  // namespace briefing
