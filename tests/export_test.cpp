// Spreadsheet export and the round trip (issue #14.4): the fact sheet
// exported to CSV and imported back checks clean and lays out the same timeline.
#include <gtest/gtest.h>

#include <sstream>

#include "base/color.h"
#include "cli/command.h"
#include "import/csv_reader.h"
#include "import/spreadsheet_export.h"
#include "load/dataset_loader.h"
#include "model/dataset_diff.h"
#include "test_support.h"

namespace briefing {
namespace {

struct CliRun {
  int exit_code;
  std::string out, err;
};

CliRun run(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  cli::CommandIo io{in, out, err};
  const int code = cli::run_cli(args, io);
  return {code, out.str(), err.str()};
}

const std::string kFactSheet = testing::repo_path("data/ai-safety-japan-2024.toml");

TEST(SpreadsheetExport, OneRowPerSectionThenPerItem) {
  const DatasetLoad load = load_dataset_file(kFactSheet);
  ASSERT_TRUE(load.ok());
  const std::string csv = export_spreadsheet(*load.dataset, ',');
  Diagnostics diagnostics;
  const std::vector<CsvRow> rows = read_csv(csv, ',', make_source("x.csv"), diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  ASSERT_EQ(rows.size(), 1 + 15 + 41u);
  const std::vector<std::string>& header = rows[0].cells;
  EXPECT_EQ(std::vector<std::string>(header.begin(), header.begin() + 11),
            (std::vector<std::string>{"Section", "Section title", "ID", "Title", "Kind", "Issuers",
                                      "Summary", "Tags", "Highlight", "Date", "Label"}));
  EXPECT_EQ(rows[1].cells[0], "1");
  EXPECT_EQ(rows[1].cells[1], "Major AI strategies, action plans, and institutions");
  EXPECT_EQ(rows[16].cells[2], "social-principles-human-centric-ai");
  EXPECT_EQ(rows[16].cells[9], "2019");
  EXPECT_EQ(rows[16].cells[10], "adopted");
  // A summary with quotes survives libcsv's quoting.
  EXPECT_NE(rows[16].cells[6].find("\"AI\""), std::string::npos);
}

TEST(SpreadsheetExport, TheFactSheetSurvivesARoundTrip) {
  const std::string dir = testing::make_temp_dir();
  // The fact sheet with one item given its own colour (the data's `colour`).
  std::string text = testing::read_file(kFactSheet);
  const size_t first_item = text.find("[[item]]\n");
  ASSERT_NE(first_item, std::string::npos);
  text.insert(first_item + 9, "colour = \"#aa3300\"\n");
  const std::string coloured = dir + "/coloured.toml";
  testing::write_file(coloured, text);
  ASSERT_EQ(run({"export", coloured, "-o", dir + "/chronology.csv"}).exit_code, 0);
  EXPECT_NE(testing::read_file(dir + "/chronology.csv").find("\"Colour\""), std::string::npos);
  const CliRun imported = run(
      {"import", dir + "/chronology.csv", "--details-from", coloured, "-o", dir + "/back.toml"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const CliRun check = run({"check", dir + "/back.toml"});
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find(": ok: 15 sections, 41 items"), std::string::npos) << check.out;

  // Everything a spreadsheet has a column for comes back as it was.
  const DatasetLoad before = load_dataset_file(coloured);
  const DatasetLoad after = load_dataset_file(dir + "/back.toml");
  ASSERT_TRUE(before.ok() && after.ok());
  ASSERT_EQ(after.dataset->items.size(), before.dataset->items.size());
  for (size_t i = 0; i < before.dataset->items.size(); ++i) {
    const Item& a = before.dataset->items[i];
    const Item& b = after.dataset->items[i];
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.section, a.section);
    EXPECT_EQ(b.title, a.title);
    EXPECT_EQ(b.kind, a.kind);
    EXPECT_EQ(b.issuers, a.issuers);
    EXPECT_EQ(b.summary, a.summary);
    EXPECT_EQ(b.tags, a.tags);
    EXPECT_EQ(b.highlight, a.highlight);
    ASSERT_EQ(b.colour.has_value(), a.colour.has_value()) << a.id;
    if (a.colour) {
      EXPECT_EQ(color_hex(*b.colour), color_hex(*a.colour)) << a.id;
    }
    ASSERT_EQ(b.milestones.size(), a.milestones.size()) << a.id;
    for (size_t m = 0; m < a.milestones.size(); ++m) {
      EXPECT_EQ(b.milestones[m].date, a.milestones[m].date) << a.id;
      EXPECT_EQ(b.milestones[m].label, a.milestones[m].label) << a.id;
    }
    ASSERT_EQ(b.links.size(), a.links.size()) << a.id;
    for (size_t m = 0; m < a.milestones.size(); ++m) {
      EXPECT_EQ(b.milestones[m].source_url, a.milestones[m].source_url) << a.id;
    }
    for (size_t l = 0; l < a.links.size(); ++l) {
      EXPECT_EQ(b.links[l].url, a.links[l].url);
      EXPECT_EQ(b.links[l].language_note, a.links[l].language_note) << a.id;
      EXPECT_EQ(b.links[l].footnote, a.links[l].footnote) << a.id;
    }
    ASSERT_EQ(b.notes.size(), a.notes.size()) << a.id;
    for (size_t n = 0; n < a.notes.size(); ++n) {
      EXPECT_EQ(b.notes[n].text, a.notes[n].text);
      EXPECT_EQ(b.notes[n].footnote, a.notes[n].footnote);
    }
  }
  // What `briefing diff` compares finds nothing either.
  const DatasetDiff diff = compare_datasets(*before.dataset, *after.dataset);
  EXPECT_TRUE(diff.empty()) << format_diff(diff);
  for (size_t s = 0; s < before.dataset->sections.size(); ++s) {
    EXPECT_EQ(after.dataset->sections[s].title, before.dataset->sections[s].title);
    EXPECT_EQ(after.dataset->sections[s].intro, before.dataset->sections[s].intro);
  }

  // The same timeline, element by element.
  ASSERT_TRUE(before.dataset->items[0].colour.has_value());
  EXPECT_EQ(color_hex(*after.dataset->items[0].colour), "#aa3300");
  ASSERT_EQ(
      run({"timeline", coloured, "-o", dir + "/a.svg", "--layout-dump", dir + "/a.json"}).exit_code,
      0);
  ASSERT_EQ(
      run({"timeline", dir + "/back.toml", "-o", dir + "/b.svg", "--layout-dump", dir + "/b.json"})
          .exit_code,
      0);
  EXPECT_EQ(testing::read_file(dir + "/b.json"), testing::read_file(dir + "/a.json"));
  EXPECT_EQ(testing::read_file(dir + "/b.svg"), testing::read_file(dir + "/a.svg"));
}

TEST(SpreadsheetExport, ShortTitlesSurviveARoundTrip) {
  const std::string rulebook = BRIEFING_TEST_DIR "/data/eu-digital-rulebook.toml";
  const std::string dir = testing::make_temp_dir();
  ASSERT_EQ(run({"export", rulebook, "-o", dir + "/rulebook.csv"}).exit_code, 0);
  EXPECT_NE(testing::read_file(dir + "/rulebook.csv").find("Short title"), std::string::npos);
  const CliRun imported =
      run({"import", dir + "/rulebook.csv", "--details-from", rulebook, "-o", dir + "/back.toml"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const DatasetLoad before = load_dataset_file(rulebook);
  const DatasetLoad after = load_dataset_file(dir + "/back.toml");
  ASSERT_TRUE(before.ok() && after.ok());
  ASSERT_EQ(after.dataset->items.size(), before.dataset->items.size());
  size_t with_short_title = 0;
  for (size_t i = 0; i < before.dataset->items.size(); ++i) {
    EXPECT_EQ(after.dataset->items[i].short_title, before.dataset->items[i].short_title);
    with_short_title += !before.dataset->items[i].short_title.empty();
  }
  EXPECT_GT(with_short_title, 10u);
  const DatasetDiff diff = compare_datasets(*before.dataset, *after.dataset);
  EXPECT_TRUE(diff.empty()) << format_diff(diff);
}

TEST(SpreadsheetExport, TsvByExtensionAndStandardOutput) {
  const CliRun tsv = run({"export", kFactSheet, "-o", "-", "--delimiter", "tab"});
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(tsv.out.rfind("\"Section\"\t\"Section title\"\t", 0), 0u) << tsv.out.substr(0, 80);
  const CliRun unknown = run({"export", kFactSheet, "-o", "x.xlsx"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("name it .csv or .tsv"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace briefing
