// regenerate/input_hash + manifest: a file whose (device, inode, size,
// modification time) match a stamp from the manifest is not read again; any
// change of those fields reads it; stamps round-trip through the manifest and
// racy ones (modified just before they were read) are not kept.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <utime.h>

#include <filesystem>

#include "regenerate/input_hash.h"
#include "regenerate/manifest.h"
#include "test_support.h"

namespace briefing {
namespace {

using testing::make_temp_dir;
using testing::write_file;

FileStamp stamp_of(const std::string& path, const std::string& digest) {
  struct stat info {};
  EXPECT_EQ(stat(path.c_str(), &info), 0);
  FileStamp stamp;
  stamp.device = static_cast<int64_t>(info.st_dev);
  stamp.inode = static_cast<int64_t>(info.st_ino);
  stamp.size = static_cast<int64_t>(info.st_size);
  stamp.mtime_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  stamp.sha256 = digest;
  return stamp;
}

void set_mtime(const std::string& path, time_t seconds) {
  const utimbuf times{seconds, seconds};
  ASSERT_EQ(utime(path.c_str(), &times), 0);
}

constexpr const char* kHelloSha256 =
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";  // "hello"

TEST(InputStamps, AMatchingStampIsTrustedAChangedFileIsRead) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/a.txt";
  write_file(file, "hello");
  set_mtime(file, 1700000000);
  // A stamp that claims another digest for exactly this file: trusted, so
  // the file was not read.
  remember_file_digests({{file, stamp_of(file, "feedface")}});
  EXPECT_EQ(file_digest(file), "feedface");
  // Same size, other time: read again.
  set_mtime(file, 1700000001);
  EXPECT_EQ(file_digest(file), kHelloSha256);
  // Same time, other size.
  const std::string other = dir + "/b.txt";
  write_file(other, "hello");
  set_mtime(other, 1700000000);
  FileStamp wrong_size = stamp_of(other, "feedface");
  wrong_size.size += 1;
  remember_file_digests({{other, wrong_size}});
  EXPECT_EQ(file_digest(other), kHelloSha256);
  EXPECT_EQ(file_digest(dir + "/missing.txt"), "missing");
}

TEST(InputStamps, KeptOnlyWhenNotRacy) {
  const std::string dir = make_temp_dir();
  const std::string old_file = dir + "/old.txt", fresh_file = dir + "/fresh.txt";
  write_file(old_file, "hello");
  set_mtime(old_file, 1700000000);
  write_file(fresh_file, "hello");  // modified now: a second write in the same tick would hide
  EXPECT_EQ(file_digest(old_file), kHelloSha256);
  EXPECT_EQ(file_digest(fresh_file), kHelloSha256);
  const auto kept = known_file_digests();
  ASSERT_TRUE(kept.count(old_file));
  EXPECT_EQ(kept.at(old_file).sha256, kHelloSha256);
  EXPECT_TRUE(kept.at(old_file).same_file_as(stamp_of(old_file, "")));
  EXPECT_FALSE(kept.count(fresh_file));
  // A stamp from the manifest that nothing asked for is not written back.
  remember_file_digests({{dir + "/gone.txt", FileStamp{1, 2, 3, 4, "abc"}}});
  EXPECT_FALSE(known_file_digests().count(dir + "/gone.txt"));
}

TEST(InputStamps, RoundTripThroughTheManifest) {
  Manifest manifest;
  manifest.outputs["output/a.png"] = {"abc", 3, 4};
  manifest.files["data/\u00e9 \"q\".toml"] = {1, 2, 3, 1700000000123456789, "deadbeef"};
  Manifest back;
  ASSERT_TRUE(manifest_from_json(manifest_to_json(manifest), back));
  ASSERT_EQ(back.files.size(), 1u);
  const FileStamp& stamp = back.files["data/\u00e9 \"q\".toml"];
  EXPECT_EQ(stamp.device, 1);
  EXPECT_EQ(stamp.inode, 2);
  EXPECT_EQ(stamp.size, 3);
  EXPECT_EQ(stamp.mtime_ns, 1700000000123456789);
  EXPECT_EQ(stamp.sha256, "deadbeef");
  EXPECT_EQ(back.outputs["output/a.png"].fingerprint, "abc");
  // A manifest without stamps (as older builds wrote) still reads.
  Manifest old;
  ASSERT_TRUE(manifest_from_json(
      "{\"format\": \"briefing-manifest-1\", \"outputs\": {\"a\": {\"inputs\": \"x\", \"size\": "
      "1, \"mtime_ns\": 2}}}",
      old));
  EXPECT_TRUE(old.files.empty());
  EXPECT_FALSE(manifest_from_json(
      "{\"format\": \"briefing-manifest-1\", \"outputs\": {}, \"files\": {\"a\": {\"what\": 1}}}",
      old));
}

}  // namespace
}  // namespace briefing
