// Linear cost on any one field: a 1 MB summary and a 10,000-character title
// fail with an error located at the value and naming the limit (every
// command), 2,000 items on one day render (the timeline leaving labels out,
// the report whole), and stderr stays short however long the user's text.
// No timing here: tests/bench/cost_cliffs.sh prints the CPU seconds.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <sstream>

#include "base/utf8.h"
#include "layout/timeline/packing.h"
#include "load/dataset_limits.h"
#include "load/dataset_loader.h"
#include "test_support.h"

namespace briefing {
namespace {

using testing::run_briefing;

constexpr size_t kShortStderr = 2000;  // bytes: a few located messages

std::string header(const std::string& title) {
  return "[dataset]\ntitle = \"" + title +
         "\"\npublisher = \"Test Office\"\npublished = \"2025-01-01\"\nlanguage = \"en\"\n\n"
         "[[section]]\nid = \"1\"\ntitle = \"Everything\"\n";
}

std::string item(const std::string& id, const std::string& title, const std::string& summary,
                 const std::string& date) {
  return "\n[[item]]\nid = \"" + id + "\"\nsection = \"1\"\ntitle = \"" + title +
         "\"\nkind = \"law\"\nissuers = [\"Test Office\"]\nsummary = \"" + summary +
         "\"\n\n[[item.milestone]]\nlabel = \"enacted\"\ndate = \"" + date + "\"\n";
}

std::string repeated(const std::string& text, size_t count) {
  std::string out;
  out.reserve(text.size() * count);
  for (size_t i = 0; i < count; ++i) out += text;
  return out;
}

// The 1-based line and column where `needle` first starts in `text`.
std::pair<int, int> position_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(at - line_start) + 1};
}

struct Case {
  std::string file;
  std::string located;  // "file:line:col: error: "
};

Case write_case(const std::string& dir, const std::string& name, const std::string& text,
                const std::string& value_start) {
  const std::string file = dir + "/" + name + ".toml";
  testing::write_file(file, text);
  const auto [line, column] = position_of(text, value_start);
  return {file, file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: "};
}

// Every command refuses the file with one short, located message naming the limit.
void expect_located_refusal(const Case& c, const std::string& message) {
  const std::string dir = testing::make_temp_dir();
  const std::vector<std::vector<std::string>> commands = {
      {"check", c.file},
      {"timeline", c.file, "-o", dir + "/x.png"},
      {"timeline", c.file, "-o", dir + "/x.png", "--allow-omissions"},
      {"timeline", c.file, "-o", dir + "/x.pdf"},
      {"report", c.file, "-o", dir + "/x.pdf"},
  };
  for (const auto& args : commands) {
    const auto result = run_briefing(args);
    EXPECT_EQ(result.exit_code, 1) << args[0] << "\n" << result.err;
    EXPECT_EQ(result.err.rfind(c.located + message, 0), 0u) << args[0] << "\n" << result.err;
    EXPECT_LT(result.err.size(), kShortStderr) << args[0];
    // The echoed source line is cut around the column, with an ellipsis.
    EXPECT_NE(result.err.find("…"), std::string::npos) << result.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.png"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.pdf"));
}

TEST(CostLimits, MegabyteSummaryIsALocatedError) {
  const std::string dir = testing::make_temp_dir();
  const std::string summary = repeated("Words of a summary that goes on. ", 31775);  // 1 MB
  const std::string text = header("One huge summary") +
                           item("huge", "A huge item", summary, "2024-03-01") +
                           item("small", "A small item", "Short.", "2024-06-01");
  const Case c = write_case(dir, "summary", text, "\"Words of a summary");
  expect_located_refusal(c,
                         "'summary' is too long: 1,048,575 characters, at most 20,000 are allowed");
}

TEST(CostLimits, TenThousandCharacterTitleIsALocatedError) {
  const std::string dir = testing::make_temp_dir();
  const std::string title(10000, 'x');
  const std::string text = header("One long title") + item("long", title, "Short.", "2024-03-01");
  const Case c = write_case(dir, "title", text, "\"xxxx");
  expect_located_refusal(c, "'title' is too long: 10,000 characters, at most 500 are allowed");
}

TEST(CostLimits, LimitsCountCharactersNotBytes) {
  // 500 Hebrew letters are 1,000 bytes: still within the title's limit.
  std::string title;
  for (int i = 0; i < 500; ++i) title += "\xD7\x90";  // U+05D0
  const std::string at_limit =
      header("Limits") + item("a", title, std::string(limits::kLongText, 's'), "2024");
  auto load = load_dataset_text(at_limit, "limits.toml");
  EXPECT_TRUE(load.ok()) << load.report();
  const std::string over = header("Limits") + item("a", title + "x", "S.", "2024");
  load = load_dataset_text(over, "limits.toml");
  ASSERT_FALSE(load.ok());
  EXPECT_NE(load.report().find("'title' is too long: 501 characters, at most 500"),
            std::string::npos)
      << load.report();
}

TEST(CostLimits, EveryTextFieldHasALimit) {
  struct Field {
    std::string toml;  // with X where the long value goes
    std::string key;
    size_t limit;
  };
  const std::string base_item =
      "\n[[item]]\nid = \"a\"\nsection = \"1\"\ntitle = \"T\"\nkind = \"law\"\n";
  const std::vector<Field> fields = {
      {"[dataset]\ntitle = \"X\"\npublisher = \"P\"\npublished = \"2024\"\nlanguage = \"en\"\n"
       "[[section]]\nid = \"1\"\ntitle = \"S\"\n" +
           base_item + "issuers = []\nsummary = \"S\"\n",
       "title", limits::kShortText},
      {"[dataset]\ntitle = \"T\"\npublisher = \"X\"\npublished = \"2024\"\nlanguage = \"en\"\n"
       "[[section]]\nid = \"1\"\ntitle = \"S\"\n" +
           base_item + "issuers = []\nsummary = \"S\"\n",
       "publisher", limits::kShortText},
      {"[dataset]\ntitle = \"T\"\npublisher = \"P\"\npublished = \"2024\"\nlanguage = \"en\"\n"
       "source = \"X\"\n[[section]]\nid = \"1\"\ntitle = \"S\"\n" +
           base_item + "issuers = []\nsummary = \"S\"\n",
       "source", limits::kSourceText},
      {header("T") + "intro = \"X\"\n" + base_item + "issuers = []\nsummary = \"S\"\n", "intro",
       limits::kLongText},
      {header("T") + base_item + "issuers = [\"I\", \"X\"]\nsummary = \"S\"\n", "issuers",
       limits::kShortText},
      {header("T") + base_item + "issuers = []\nsummary = \"S\"\ntags = [\"X\"]\n", "tags",
       limits::kShortText},
      {header("T") + base_item +
           "issuers = []\nsummary = \"S\"\n\n[[item.milestone]]\n"
           "label = \"X\"\ndate = \"2024\"\n",
       "label", limits::kShortText},
      {header("T") + base_item + "issuers = []\nsummary = \"S\"\n\n[[item.note]]\ntext = \"X\"\n",
       "text", limits::kLongText},
      {header("T") + base_item +
           "issuers = []\nsummary = \"S\"\n\n[[item.link]]\n"
           "url = \"https://example.org/\"\nlanguage = \"X\"\n",
       "language", limits::kShortText},
  };
  for (const Field& field : fields) {
    std::string text = field.toml;
    const size_t at = text.find("\"X\"");
    ASSERT_NE(at, std::string::npos) << field.key;
    text.replace(at + 1, 1, std::string(field.limit, 'x'));
    EXPECT_TRUE(load_dataset_text(text, "f.toml").ok()) << field.key << " at its limit";
    text.insert(at + 1, "x");
    const auto load = load_dataset_text(text, "f.toml");
    ASSERT_FALSE(load.ok()) << field.key;
    const std::string report = load.report();
    const auto [line, column] = position_of(text, "\"xxx");
    EXPECT_NE(report.find("f.toml:" + std::to_string(line) + ":" + std::to_string(column) +
                          ": error: '" + field.key + "' is too long"),
              std::string::npos)
        << report;
    EXPECT_LT(report.size(), kShortStderr) << field.key;
  }
}

class CrowdedDay : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::make_temp_dir());
    std::string text = header("Two thousand items on one day");
    for (int i = 1; i <= 2000; ++i) {
      text += item("item-" + std::to_string(i), "Item number " + std::to_string(i) + " of the day",
                   "Summary " + std::to_string(i) + ".", "2024-05-01");
    }
    file_ = new std::string(*dir_ + "/crowded.toml");
    testing::write_file(*file_, text);
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete file_;
  }
  static std::string* dir_;
  static std::string* file_;
};
std::string* CrowdedDay::dir_ = nullptr;
std::string* CrowdedDay::file_ = nullptr;

TEST_F(CrowdedDay, CheckPasses) {
  const auto result = run_briefing({"check", *file_});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("2000 items"), std::string::npos) << result.out;
}

TEST_F(CrowdedDay, TimelineFailsQuicklyWithABoundedList) {
  for (const std::string ext : {"png", "pdf"}) {
    const std::string out = *dir_ + "/refused." + ext;
    const auto result = run_briefing({"timeline", *file_, "-o", out});
    EXPECT_EQ(result.exit_code, 1) << ext;
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_NE(result.err.find("could not be placed; nothing written"), std::string::npos);
    // 20 items named, then a count: not one line per item.
    EXPECT_NE(result.err.find("\n... and 19"), std::string::npos) << result.err;
    EXPECT_LT(result.err.size(), 5000u);
  }
}

TEST_F(CrowdedDay, TimelineWithOmissionsAllowedRenders) {
  const std::string out = *dir_ + "/allowed.png", dump = *dir_ + "/allowed.json";
  const auto result =
      run_briefing({"timeline", *file_, "-o", out, "--allow-omissions", "--layout-dump", dump});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(out));
  EXPECT_LT(result.err.size(), 5000u);
  // Some labels made it: the chart is not empty.
  EXPECT_NE(testing::read_file(dump).find("\"kind\": \"label\""), std::string::npos);
}

TEST_F(CrowdedDay, ReportRendersEveryItem) {
  const std::string out = *dir_ + "/report.pdf", dump = *dir_ + "/report.json";
  const auto result = run_briefing({"report", *file_, "-o", out, "--layout-dump", dump});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(out));
  EXPECT_LT(result.err.size(), 500u) << result.err;
  const std::string json = testing::read_file(dump);
  EXPECT_NE(json.find("Item number 2000 of the day"), std::string::npos);
  // The figure's caption names a few of the labels it leaves out, then counts the rest.
  const size_t caption = json.find("leaves out the ");
  ASSERT_NE(caption, std::string::npos);
  EXPECT_NE(json.find(" more.", caption), std::string::npos);
}

TEST(CostLimits, OmissionMessagesCutLongTitles) {
  const std::string dir = testing::make_temp_dir();
  std::string text = header("Crowded long titles");
  const std::string long_title = repeated("Word ", 90) + "End";  // 453 characters
  for (int i = 0; i < 200; ++i) {
    text += item("item-" + std::to_string(i), long_title, "S.", "2024-05-01");
  }
  testing::write_file(dir + "/long.toml", text);
  const auto result =
      run_briefing({"timeline", dir + "/long.toml", "-o", dir + "/x.png", "--allow-omissions"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find(long_title), std::string::npos);
  // Located at the title, whose source line is shown cut to a window.
  EXPECT_NE(result.err.find("warning: the label of item 'item-1"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Word Word W…\n"), std::string::npos) << result.err;
  std::istringstream lines(result.err);
  for (std::string line; std::getline(lines, line);) EXPECT_LT(line.size(), 300u) << line;
}

TEST(CostLimits, ExcerptCutsAtACodePoint) {
  EXPECT_EQ(excerpt("short", 10), "short");
  EXPECT_EQ(excerpt("abcdefghij", 10), "abcdefghij");
  EXPECT_EQ(excerpt("abcdefghijk", 10), "abcdefghij…");
  EXPECT_EQ(excerpt("abcd efghijk", 5), "abcd…");  // no space before the ellipsis
  EXPECT_EQ(excerpt("\xD7\x90\xD7\x91\xD7\x92", 2), "\xD7\x90\xD7\x91…");
  EXPECT_EQ(code_point_count("a\xD7\x90\xE3\x81\x82"), 3u);
}

// The packer with items made on demand, and with the marks-only shortcut,
// places everything exactly as with every item made first.
TEST(CostLimits, LazyPackingMatchesEagerPacking) {
  std::mt19937 random(11);
  std::uniform_real_distribution<double> x(0, 400), w(5, 120), h(4, 30), dy(-20, 10);
  size_t made_under_limit = 0;
  for (int round = 0; round < 30; ++round) {
    const size_t count = 60;
    std::vector<PackItem> items(count);
    LazyPackItems lazy;
    for (auto& it : items) {
      const Rect marks{x(random), -4, 8, 8};
      for (int a = 0; a < 3; ++a) {
        it.alternatives.push_back(
            {{marks, Rect{marks.right() + 3, dy(random), w(random), h(random)}}, a * 1.5});
      }
      lazy.common.push_back({marks});
    }
    size_t made = 0;
    lazy.item = [&](size_t i) -> const PackItem& {
      ++made;
      return items[i];
    };
    std::vector<size_t> order(count);
    for (size_t i = 0; i < count; ++i) order[i] = i;
    PackSettings settings;
    settings.max_height = round % 2 ? 1e300 : 80;
    const LanePacking eager = pack_lane(items, order, {Rect{0, 0, 40, 10}}, settings);
    const LanePacking on_demand = pack_lane(lazy, order, {Rect{0, 0, 40, 10}}, settings);
    ASSERT_EQ(eager.placements.size(), on_demand.placements.size());
    for (size_t i = 0; i < count; ++i) {
      EXPECT_EQ(eager.placements[i].alternative, on_demand.placements[i].alternative);
      EXPECT_EQ(eager.placements[i].line_y, on_demand.placements[i].line_y);
    }
    EXPECT_EQ(eager.height, on_demand.height);
    if (round % 2 == 0) made_under_limit += made;
  }
  // Under a height limit, items whose marks cannot fit were never made.
  EXPECT_LT(made_under_limit, 15 * 60u);
}

TEST(CostLimits, StackedHeightBoundsAPileOnOneDay) {
  PackSettings settings;
  std::vector<Rect> marks(100, Rect{50, -4, 8, 8});
  EXPECT_DOUBLE_EQ(stacked_height(marks, settings), 100 * 8 + 99 * settings.gap_y);
  // Side by side, with the clearance between them, they need not stack.
  std::vector<Rect> apart = {Rect{0, 0, 8, 8}, Rect{8 + settings.gap_x, 0, 8, 8}};
  EXPECT_DOUBLE_EQ(stacked_height(apart, settings), 8);
  // Any real packing is at least that tall.
  std::vector<PackItem> items;
  for (const Rect& m : marks) items.push_back({{{{m}, 0}}});
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  EXPECT_GE(pack_lane(items, order, {}, settings).height + 1e-6, stacked_height(marks, settings));
}

TEST(CostLimits, PackingStopsWhenALaneOverflows) {
  PackSettings settings;
  settings.overflow_height = 100;
  std::vector<PackItem> items;
  for (int i = 0; i < 1000; ++i) items.push_back({{{{Rect{0, 0, 10, 10}}, 0}}});
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const LanePacking packing = pack_lane(items, order, {}, settings);
  EXPECT_TRUE(packing.overflowed);
  EXPECT_GT(packing.height, 100);
  EXPECT_EQ(packing.placements[5].alternative, 0);
  EXPECT_EQ(packing.placements[999].alternative, -1);  // never reached
}

}  // namespace
}  // namespace briefing
