// Spreadsheet import (issue #14.4): dates in spreadsheet forms at their
// precision, header names in any case, every problem at file:row:column,
// ids from titles, and a result that `briefing check` passes.
#include <gtest/gtest.h>

#include <sstream>

#include "base/color.h"
#include "cli/command.h"
#include "import/item_ids.h"
#include "import/spreadsheet_dates.h"
#include "import/spreadsheet_import.h"
#include "load/dataset_loader.h"
#include "test_support.h"

namespace briefing {
namespace {

std::string iso(std::string_view text, DateOrder order = DateOrder::unknown) {
  const SpreadsheetDate date = read_spreadsheet_date(text, order);
  return date.date ? date.date->iso() : "error: " + date.error;
}

TEST(SpreadsheetDates, CommonFormsKeepTheirPrecision) {
  EXPECT_EQ(iso("2024-05-01"), "2024-05-01");
  EXPECT_EQ(iso("2024/05/01"), "2024-05-01");
  EXPECT_EQ(iso("2024/5/1"), "2024-05-01");
  EXPECT_EQ(iso("2024-05"), "2024-05");
  EXPECT_EQ(iso("2024"), "2024");
  EXPECT_EQ(iso("May 2024"), "2024-05");
  EXPECT_EQ(iso("Sept 2019"), "2019-09");
  EXPECT_EQ(iso("sep. 2019"), "2019-09");
  EXPECT_EQ(iso("1 May 2024"), "2024-05-01");
  EXPECT_EQ(iso("22nd September 2024"), "2024-09-22");
  EXPECT_EQ(iso("May 1, 2024"), "2024-05-01");
  EXPECT_EQ(iso("05/2024"), "2024-05");
  EXPECT_EQ(iso("2024-05-01 00:00:00"), "2024-05-01");  // a spreadsheet date-time
  EXPECT_EQ(iso("  2024 "), "2024");
}

TEST(SpreadsheetDates, DayAndMonthOrderOnlyWhenTheNumbersDecide) {
  EXPECT_EQ(iso("12/12/2015"), "2015-12-12");  // the same either way
  EXPECT_EQ(iso("13/04/2024"), "2024-04-13");  // only day-first fits
  EXPECT_EQ(iso("04/13/2024"), "2024-04-13");  // only month-first fits
  const SpreadsheetDate ambiguous = read_spreadsheet_date("03/04/2024", DateOrder::unknown);
  ASSERT_FALSE(ambiguous.date);
  EXPECT_EQ(ambiguous.error, "\"03/04/2024\" could be 3 April or 4 March 2024");
  EXPECT_NE(ambiguous.hint.find("--date-order dmy"), std::string::npos);
  EXPECT_EQ(iso("03/04/2024", DateOrder::day_month_year), "2024-04-03");
  EXPECT_EQ(iso("03/04/2024", DateOrder::month_day_year), "2024-03-04");
  EXPECT_EQ(iso("03.04.2024", DateOrder::day_month_year), "2024-04-03");
}

TEST(SpreadsheetDates, WhatIsNotADateIsSaidSo) {
  EXPECT_EQ(iso("2024-02-30"), "error: \"2024-02-30\": February 2024 has no day 30");
  EXPECT_EQ(iso("2023-02-29"), "error: \"2023-02-29\": February 2023 has no day 29");
  EXPECT_EQ(iso("2024-02-29"), "2024-02-29");
  EXPECT_EQ(iso("soon"), "error: cannot read \"soon\" as a date");
  EXPECT_EQ(iso("45413"), "error: \"45413\" looks like a spreadsheet's day number");
  EXPECT_EQ(iso("13/13/2024"), "error: \"13/13/2024\" has no month 13");
  EXPECT_EQ(iso("0999"), "error: \"0999\" has the year 999");
}

TEST(ItemIds, StableFromTitles) {
  EXPECT_EQ(id_from_title("Hiroshima AI Process: Guiding Principles"),
            "hiroshima-ai-process-guiding-principles");
  EXPECT_EQ(id_from_title("Japan's AI Strategy 2022"), "japans-ai-strategy-2022");
  EXPECT_EQ(id_from_title("AI事業者ガイドライン"), "ai");
  EXPECT_EQ(id_from_title("個人情報保護法"), id_from_title("個人情報保護法"));
  EXPECT_EQ(id_from_title("個人情報保護法").rfind("item-", 0), 0u);
  EXPECT_LE(id_from_title(std::string(200, 'a') + " b").size(), 60u);
  std::set<std::string> taken;
  EXPECT_EQ(unique_id("act", taken), "act");
  EXPECT_EQ(unique_id("act", taken), "act-2");
  EXPECT_EQ(unique_id("act", taken), "act-3");
}

ImportOptions details() {
  ImportOptions options;
  options.title = "Fixture: a fictional chronology";
  options.publisher = "Test";
  options.published = *PartialDate::parse("2024");
  return options;
}

// Fictional fixture rows (the dates are made up and marked as such in the titles).
const std::string kSheet =
    "SECTION,Section Title,title,Kind,ISSUERS,date,label,Date 2,Label 2,url,Tags,highlight,"
    "summary\n"
    "1,Laws,,,,,,,,,,,\n"
    "1,,Fictional Act on Examples,Law,Diet; Cabinet Office,1 May 2024,enacted,2024/06,"
    "in force,https://example.org/act,Law; examples,yes,\"An act, with a comma.\"\n"
    "1.1 Guidelines,,Fictional Guideline,guideline,Ministry,2023,published,,,,,,"
    "\"Quoted \"\"words\"\" kept.\"\n";

TEST(SpreadsheetImport, ColumnsInAnyCaseBecomeACleanDataset) {
  const ImportResult result = import_spreadsheet(kSheet, "items.csv", details());
  ASSERT_TRUE(result.toml) << format_diagnostics(result.diagnostics);
  EXPECT_EQ(result.sections, 2u);
  EXPECT_EQ(result.items, 2u);
  EXPECT_EQ(result.milestones, 3u);
  const DatasetLoad load = load_dataset_text(*result.toml, "out.toml");
  ASSERT_TRUE(load.ok()) << load.report() << *result.toml;
  const Dataset& d = *load.dataset;
  ASSERT_EQ(d.sections.size(), 2u);
  EXPECT_EQ(d.sections[1].id, "1.1");
  EXPECT_EQ(d.sections[1].title, "Guidelines");  // from "1.1 Guidelines"
  const Item& act = d.items[0];
  EXPECT_EQ(act.id, "fictional-act-on-examples");
  EXPECT_EQ(act.kind, "law");
  EXPECT_EQ(act.issuers, (std::vector<std::string>{"Diet", "Cabinet Office"}));
  ASSERT_EQ(act.milestones.size(), 2u);
  EXPECT_EQ(act.milestones[0].date.iso(), "2024-05-01");
  EXPECT_EQ(act.milestones[1].date.iso(), "2024-06");
  EXPECT_EQ(act.milestones[1].label, "in force");
  EXPECT_EQ(act.tags, (std::vector<std::string>{"law", "examples"}));
  EXPECT_TRUE(act.highlight);
  EXPECT_EQ(act.summary, "An act, with a comma.");
  ASSERT_EQ(act.links.size(), 1u);
  EXPECT_EQ(act.links[0].url, "https://example.org/act");
  EXPECT_EQ(d.items[1].section, "1.1");
  EXPECT_EQ(d.items[1].milestones[0].date.iso(), "2023");
  EXPECT_FALSE(d.items[1].highlight);
  EXPECT_EQ(d.items[1].summary, "Quoted \"words\" kept.");
}

TEST(SpreadsheetImport, EveryProblemIsAtFileRowColumn) {
  const std::string sheet =
      "Section,Section title,Title,Kind,Issuers,Date,Label,Summary,Highlight,Sumary\n"
      "1,Laws,Act A,law,Diet,03/04/2024,enacted,An act.,,\n";
  const ImportResult header = import_spreadsheet(sheet, "s.csv", details());
  EXPECT_FALSE(header.toml);
  EXPECT_TRUE(testing::has_error(header.diagnostics, 1, 10, "unknown column \"Sumary\"",
                                 "did you mean \"summary\"?"));

  const std::string rows =
      "Section,Section title,Title,Kind,Issuers,Date,Label,Summary,Highlight\n"
      "1,Laws,Act A,law,Diet,03/04/2024,enacted,An act.,\n"
      "1,,Act B,law,Diet,2024,,An act.,maybe\n"
      "1,,Act C,law,Diet,2024,enacted,An act.,\n"
      "2,,Act D,law,Diet,2024,enacted,An act.,\n";
  const ImportResult result = import_spreadsheet(rows, "s.csv", details());
  EXPECT_FALSE(result.toml);
  EXPECT_TRUE(testing::has_error(result.diagnostics, 2, 6,
                                 "\"03/04/2024\" could be 3 April or 4 March 2024",
                                 "give --date-order dmy (day first) or --date-order mdy (month "
                                 "first), or write the date as yyyy-mm-dd"));
  EXPECT_TRUE(testing::has_error(result.diagnostics, 3, 7, "the date 2024 has no label",
                                 "say what happened then: adopted, published, revised, ..."));
  EXPECT_TRUE(testing::has_error(
      result.diagnostics, 3, 9, "highlight is yes or no, not \"maybe\"",
      "write yes (or true, x) to highlight the item; leave the cell empty otherwise"));
  EXPECT_TRUE(testing::has_error(result.diagnostics, 5, 1, "section 2 has no title"));
}

TEST(SpreadsheetImport, TheLoadersFindingsPointAtTheCell) {
  // A link that is no URL is found by the dataset loader, in the written
  // TOML, and reported at the spreadsheet cell it came from.
  const std::string rows =
      "Section,Section title,Title,Kind,Issuers,Date,Label,Summary,Notes,URL\n"
      "1,Laws,Act C,law,Diet,2024,enacted,An act.,,www.example.org/act\n";
  const ImportResult result = import_spreadsheet(rows, "s.csv", details());
  ASSERT_FALSE(result.toml);
  ASSERT_FALSE(result.diagnostics.all().empty());
  const Diagnostic& d = result.diagnostics.all().front();
  EXPECT_EQ(d.file(), "s.csv");
  EXPECT_EQ(d.range.line, 2);
  EXPECT_EQ(d.range.column, 10) << format_diagnostics(result.diagnostics);
}

TEST(SpreadsheetImport, AColourCellIsTheItemsColourAndABadOneIsAtItsCell) {
  const std::string good =
      "Section,Section title,Title,Kind,Issuers,Date,Label,Summary,Color\n"
      "1,Laws,Act C,law,Diet,2024,enacted,An act.,#AA3300\n"
      "1,,Act D,law,Diet,2024,enacted,An act.,\n";
  const ImportResult imported = import_spreadsheet(good, "s.csv", details());
  ASSERT_TRUE(imported.toml) << format_diagnostics(imported.diagnostics);
  const DatasetLoad load = load_dataset_text(*imported.toml, "out.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  ASSERT_TRUE(load.dataset->items[0].colour.has_value());
  EXPECT_EQ(color_hex(*load.dataset->items[0].colour), "#aa3300");
  EXPECT_FALSE(load.dataset->items[1].colour.has_value());

  const std::string bad =
      "Section,Section title,Title,Kind,Issuers,Date,Label,Summary,Colour\n"
      "1,Laws,Act C,law,Diet,2024,enacted,An act.,\n"
      "1,,Act D,law,Diet,2024,enacted,An act.,dark red\n";
  const ImportResult refused = import_spreadsheet(bad, "s.csv", details());
  EXPECT_FALSE(refused.toml);
  EXPECT_TRUE(testing::has_error(refused.diagnostics, 3, 9, "\"dark red\" is not a colour",
                                 "write it as \"#rrggbb\", e.g. \"#aa3300\""))
      << format_diagnostics(refused.diagnostics);
}

TEST(SpreadsheetImport, BrokenFilesAreRefusedWithTheReason) {
  const ImportResult quote =
      import_spreadsheet("Title,Summary\nAct,\"never closed\n", "q.csv", details());
  EXPECT_FALSE(quote.toml);
  EXPECT_TRUE(testing::has_error(quote.diagnostics, 2, 1,
                                 "a quote in row 2 is not closed or stands inside an unquoted cell",
                                 "quote a cell that holds quotes, the delimiter or line breaks, "
                                 "and double the quotes inside it (\"say \"\"yes\"\"\")"));
  const ImportResult latin1 = import_spreadsheet("Title\nCaf\xE9\n", "l.csv", details());
  EXPECT_FALSE(latin1.toml);
  ASSERT_FALSE(latin1.diagnostics.all().empty());
  EXPECT_EQ(latin1.diagnostics.all()[0].message,
            "the file is not UTF-8 text (invalid byte at line 2)");
}

TEST(SpreadsheetImport, TsvAndByteOrderMark) {
  ImportOptions options = details();
  options.delimiter = '\t';
  const ImportResult result = import_spreadsheet(
      "\xEF\xBB\xBFSection\tSection title\tTitle\tKind\tIssuers\tSummary\n"
      "1\tLaws\tAn undated act\tlaw\t\tNo date is known.\n",
      "t.tsv", options);
  ASSERT_TRUE(result.toml) << format_diagnostics(result.diagnostics);
  const DatasetLoad load = load_dataset_text(*result.toml, "t.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  EXPECT_TRUE(load.dataset->items[0].issuers.empty());
  EXPECT_FALSE(load.dataset->items[0].is_dated());
}

struct CliRun {
  int exit_code;
  std::string out, err;
};

CliRun run(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  cli::CommandIo io{in, out, err};
  const int code = cli::run_cli(args, io);
  return {code, out.str(), err.str()};
}

TEST(ImportCommand, WritesADatasetThatChecksClean) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/items.csv", kSheet);
  const CliRun r = run({"import", dir + "/items.csv", "-o", dir + "/items.toml", "--title",
                        "Fixture", "--publisher", "Test", "--published", "5 February 2025"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, dir + "/items.toml: 2 sections, 2 items, 3 milestones\n");
  const CliRun check = run({"check", dir + "/items.toml"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(testing::read_file(dir + "/items.toml").find("published = \"2025-02-05\""),
            std::string::npos);
  // Standard input to standard output.
  const CliRun piped = run({"import", "-", "--details-from", dir + "/items.toml"}, kSheet);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  // The same dataset; only the first line (where from) differs.
  const auto body = [](const std::string& text) { return text.substr(text.find('\n')); };
  EXPECT_EQ(piped.out.rfind("# Imported from <stdin> by `briefing import`.\n", 0), 0u);
  EXPECT_EQ(body(piped.out), body(testing::read_file(dir + "/items.toml")));
}

TEST(ImportCommand, ErrorsAreLocatedAndNothingIsWritten) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/items.csv",
                      "Section,Section title,Title,Kind,Issuers,Date,Label,Summary\n"
                      "1,Laws,Act,law,Diet,03/04/2024,enacted,An act.\n");
  testing::write_file(dir + "/items.toml", "earlier");
  const CliRun r = run({"import", dir + "/items.csv", "-o", dir + "/items.toml", "--title", "F",
                        "--publisher", "T", "--published", "2024"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind(dir + "/items.csv:2:6: error: \"03/04/2024\" could be", 0), 0u) << r.err;
  EXPECT_EQ(testing::read_file(dir + "/items.toml"), "earlier");
  const CliRun fixed = run({"import", dir + "/items.csv", "-o", dir + "/items.toml", "--title", "F",
                            "--publisher", "T", "--published", "2024", "--date-order=dmy"});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_NE(testing::read_file(dir + "/items.toml").find("date = \"2024-04-03\""),
            std::string::npos);
  const CliRun usage = run({"import", dir + "/items.csv"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_NE(usage.err.find("--title, --publisher and --published"), std::string::npos);
}

}  // namespace
}  // namespace briefing
