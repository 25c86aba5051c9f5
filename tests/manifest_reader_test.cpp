// The manifest reader takes whatever is on disk: a malformed manifest is an
// empty one (everything is rendered again), never an exception.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <sstream>

#include "regenerate/build_file.h"
#include "regenerate/builder.h"
#include "regenerate/manifest.h"
#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::write_file;

/// A manifest with one output whose entry is `entry` (the text inside its braces).
std::string manifest_with(const std::string& entry) {
  return "{\"format\": \"briefing-manifest-1\", \"outputs\": {\"output/a.png\": {" + entry + "}}}";
}

const char* const kMalformed[] = {
    // integers beyond int64_t
    R"("inputs": "abc", "size": 99999999999999999999, "mtime_ns": 1)",
    R"("inputs": "abc", "size": 1, "mtime_ns": -99999999999999999999)",
    R"("inputs": "abc", "size": 1, "mtime_ns": 9223372036854775808)",
    R"("inputs": "abc", "size": 184467440737095516160000000000000000000000, "mtime_ns": 1)",
    // not integers
    R"("inputs": "abc", "size": -, "mtime_ns": 1)", R"("inputs": "abc", "size": +5, "mtime_ns": 1)",
    R"("inputs": "abc", "size": 1.5, "mtime_ns": 1)",
    R"("inputs": "abc", "size": "1", "mtime_ns": 1)",
    // bad \u escapes
    R"("inputs": "\uZZZZ", "size": 1, "mtime_ns": 1)",
    R"("inputs": "\u12", "size": 1, "mtime_ns": 1)",
    R"("inputs": "\u-123", "size": 1, "mtime_ns": 1)",
    R"("inputs": "\u+fff", "size": 1, "mtime_ns": 1)",
    R"("inputs": "\u 123", "size": 1, "mtime_ns": 1)",
    R"("inputs": "\ud800", "size": 1, "mtime_ns": 1)",        // high surrogate alone
    R"("inputs": "\ud800\u0041", "size": 1, "mtime_ns": 1)",  // not followed by a low one
    R"("inputs": "\udc00", "size": 1, "mtime_ns": 1)",        // low surrogate alone
    R"("inputs": "\q", "size": 1, "mtime_ns": 1)",            // no such escape
    R"("inputs": "abc\)",  // an escaped brace, and then no closing quote
};

TEST(ManifestReader, MalformedEntriesAreRejectedWithoutThrowing) {
  for (const char* entry : kMalformed) {
    SCOPED_TRACE(entry);
    Manifest manifest;
    bool parsed = true;
    EXPECT_NO_THROW(parsed = manifest_from_json(manifest_with(entry), manifest));
    EXPECT_FALSE(parsed);
    EXPECT_TRUE(manifest.outputs.empty());
  }
}

TEST(ManifestReader, EveryTruncationIsRejectedWithoutThrowing) {
  Manifest manifest;
  manifest.outputs["output/\u00e9t\u00e9 \"x\".pdf"] = {"abc123", 42, 1700000000123456789};
  manifest.outputs["output/b.png"] = {"def456", 7, -5};
  const std::string json = manifest_to_json(manifest);
  const size_t complete = json.rfind('}') + 1;
  for (size_t length = 0; length < complete; ++length) {
    SCOPED_TRACE("first " + std::to_string(length) + " bytes");
    Manifest back;
    bool parsed = true;
    EXPECT_NO_THROW(parsed = manifest_from_json(json.substr(0, length), back));
    EXPECT_FALSE(parsed);
  }
  Manifest back;
  ASSERT_TRUE(manifest_from_json(json.substr(0, complete), back));
  EXPECT_EQ(back.outputs["output/b.png"].mtime_ns, -5);
}

TEST(ManifestReader, EscapesDecodeAndExtremeIntegersFit) {
  Manifest manifest;
  ASSERT_TRUE(manifest_from_json(
      manifest_with(R"("inputs": "\u00e9\ud83d\ude00\n\t\/\\\"\u0041", )"
                    R"("size": 9223372036854775807, "mtime_ns": -9223372036854775808)"),
      manifest));
  const ManifestEntry& entry = manifest.outputs["output/a.png"];
  EXPECT_EQ(entry.fingerprint, "\u00e9\U0001F600\n\t/\\\"A");
  EXPECT_EQ(entry.size, INT64_MAX);
  EXPECT_EQ(entry.mtime_ns, INT64_MIN);

  // What the writer escapes (a newline, a control character) comes back as it was.
  Manifest written;
  written.outputs["output/odd\nname\x01.png"] = {"f", 1, 2};
  Manifest back;
  ASSERT_TRUE(manifest_from_json(manifest_to_json(written), back));
  EXPECT_EQ(back.outputs.count("output/odd\nname\x01.png"), 1u);
}

TEST(ManifestReader, ReadManifestOfABadFileIsEmpty) {
  const std::string dir = make_temp_dir();
  const std::string path = dir + "/manifest.json";
  for (const char* entry : kMalformed) {
    SCOPED_TRACE(entry);
    write_file(path, manifest_with(entry));
    Manifest manifest;
    EXPECT_NO_THROW(manifest = read_manifest(path));
    EXPECT_TRUE(manifest.outputs.empty());
  }
  EXPECT_NO_THROW(read_manifest(dir));  // a folder
  EXPECT_TRUE(read_manifest(dir + "/missing.json").outputs.empty());
}

// A build whose manifest holds a huge number renders everything, as after
// any corrupt manifest, instead of stopping with an exception.
TEST(ManifestReader, BuildWithAMalformedManifestRendersEverything) {
  const std::string dir = make_temp_dir();
  fs::create_directories(dir + "/data");
  fs::create_directories(dir + "/output");
  write_file(dir + "/data/a.toml", testing::one_item_dataset("2020"));
  write_file(dir + "/briefing.toml",
             "[[output]]\npath = \"output/a.png\"\nkind = \"timeline\"\ndata = \"data/a.toml\"\n");
  write_file(dir + "/output/.briefing-manifest.json",
             manifest_with(R"("inputs": "abc", "size": 99999999999999999999, "mtime_ns": 1)"));
  setenv("FAKE_RENDER_LOG", (dir + "/render.log").c_str(), 1);
  const BuildFileLoad load = load_build_file(dir + "/briefing.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  BuildOptions options;
  options.renderer_command = {"/bin/sh", testing::repo_path("tests/data/build-fake-renderer.sh")};
  std::ostringstream out, err;
  BuildSummary summary;
  EXPECT_NO_THROW(summary = run_build(*load.build, options, out, err));
  EXPECT_EQ(summary.rendered, 1u) << out.str() << err.str();
  EXPECT_TRUE(summary.ok()) << err.str();
  unsetenv("FAKE_RENDER_LOG");
}

}  // namespace
}  // namespace briefing
