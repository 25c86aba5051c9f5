// The words a report and a timeline add come from a catalogue per language
// (layouts/messages/LANG.toml), dates formatted per locale; a Japanese
// dataset's report reads as Japanese from cover to chronology.
#include "text/messages.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace briefing {
namespace {

TEST(Messages, EveryCatalogueHasExactlyTheEnglishKeys) {
  const std::vector<std::string> english = messages_for("en").keys();
  ASSERT_GT(english.size(), 60u);
  const auto languages = catalogue_languages();
  EXPECT_NE(std::find(languages.begin(), languages.end(), "ja"), languages.end());
  for (const std::string& language : languages) {
    EXPECT_EQ(messages_for(language).language(), language);
    EXPECT_EQ(messages_for(language).keys(), english) << language << ".toml";
  }
}

TEST(Messages, DatesFollowTheLanguage) {
  const Messages& en = messages_for("en");
  const Messages& ja = messages_for("ja");
  EXPECT_EQ(en.date(PartialDate::day(2024, 5, 21)), "21 May 2024");
  EXPECT_EQ(en.date(PartialDate::month(2024, 5)), "May 2024");
  EXPECT_EQ(en.date(PartialDate::year(2024)), "2024");
  EXPECT_EQ(en.date_short(PartialDate::day(2024, 9, 22)), "22 Sep 2024");
  EXPECT_EQ(ja.date(PartialDate::day(2024, 5, 21)), "2024年5月21日");
  EXPECT_EQ(ja.date(PartialDate::month(2024, 5)), "2024年5月");
  EXPECT_EQ(ja.date(PartialDate::year(2024)), "2024年");
  EXPECT_EQ(ja.month_short(12), "12月");
  // The English catalogue says what PartialDate::format says, for every month.
  for (int m = 1; m <= 12; ++m) {
    EXPECT_EQ(en.date(PartialDate::day(2023, m, 1)), PartialDate::day(2023, m, 1).format());
    EXPECT_EQ(en.date_short(PartialDate::month(2023, m)),
              PartialDate::month(2023, m).format_short());
  }
}

TEST(Messages, PlaceholdersCountsAndKinds) {
  const Messages& en = messages_for("en");
  const Messages& ja = messages_for("ja");
  EXPECT_EQ(en.get("page.main", {{"page", "2"}, {"total", "3"}}), "Page 2 of 3");
  EXPECT_EQ(ja.get("page.main", {{"page", "2"}, {"total", "3"}}), "2 / 3ページ");
  EXPECT_EQ(en.count("cover.items", 1), "1 item");
  EXPECT_EQ(en.count("cover.items", 41), "41 items");
  EXPECT_EQ(en.kind("law"), "Law");
  EXPECT_EQ(ja.kind("law"), "法律");
  EXPECT_EQ(en.kind("treaty"), "treaty");  // not in the catalogue: as written
  // A key no catalogue has shows as itself, so that it is found.
  EXPECT_EQ(ja.get("no.such.key"), "no.such.key");
}

TEST(Messages, CataloguesAreFoundByPrimarySubtagOnly) {
  EXPECT_EQ(messages_for("ja-JP").language(), "ja");
  EXPECT_EQ(messages_for("JA").language(), "ja");
  EXPECT_EQ(messages_for("en-GB").language(), "en");
  EXPECT_EQ(messages_for("tlh").language(), "en");  // no catalogue: English
  EXPECT_EQ(messages_for("").language(), "en");
  // A language is data, never a path.
  EXPECT_EQ(messages_for("../messages/ja").language(), "en");
  EXPECT_EQ(messages_for("ja/../../x").language(), "en");
}

// ---- a report in Japanese ----------------------------------------------------

const char* const kEnglishChrome[] = {
    "Contents",  "Chronology", "Timeline",        "Page ",    "Key item", "No date given",
    "Published", "Data as of", "Briefing report", "Figure 1", "Source:",  "Undated",
    "Issuer",    "Guideline",  "Principle",       "items in", " May ",    "Date"};

std::string report_text(const std::vector<std::string>& extra, const std::string& dir) {
  std::vector<std::string> args = {"report", testing::repo_path("tests/data/ja-fixture.toml"), "-o",
                                   dir + "/ja.pdf"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = testing::run_briefing(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return testing::run_program({"/usr/bin/pdftotext", "-layout", dir + "/ja.pdf", "-"}).out;
}

TEST(JapaneseReport, ReadsAsJapaneseFromCoverToChronology) {
  const std::string text = report_text({}, testing::make_temp_dir());
  for (const char* words :
       {"ブリーフィング・レポート", "発行：2024年5月21日", "目次", "年表", "時系列一覧", "重要項目",
        "原則", "法律", "日付の記載なし", "改定 2024年5月21日", "図1", "1 / ", "ページ", "日付",
        "発行者", "出典：", "2019年", "2024年6月"}) {
    EXPECT_NE(text.find(words), std::string::npos) << words;
  }
  for (const char* english : kEnglishChrome) {
    EXPECT_EQ(text.find(english), std::string::npos) << "English left: " << english;
  }
}

TEST(JapaneseReport, TheCommandLineAndTheLayoutOverrideTheLanguage) {
  const std::string dir = testing::make_temp_dir();
  const std::string english = report_text({"--language", "en"}, dir);
  EXPECT_NE(english.find("Contents"), std::string::npos);
  EXPECT_NE(english.find("Published 21 May 2024"), std::string::npos);
  EXPECT_EQ(english.find("目次"), std::string::npos);

  std::string layout = testing::read_file(testing::repo_path("layouts/briefing-a4.toml"));
  layout.replace(layout.find("name = \"briefing-a4\""), 20, "name = \"x\"\nlanguage = \"en\"");
  testing::write_file(dir + "/en-layout.toml", layout);
  const std::string by_layout = report_text({"--layout", dir + "/en-layout.toml"}, dir);
  EXPECT_NE(by_layout.find("Chronology"), std::string::npos);
  // The command line wins over the layout.
  const std::string both =
      report_text({"--layout", dir + "/en-layout.toml", "--language", "ja"}, dir);
  EXPECT_NE(both.find("時系列一覧"), std::string::npos);
}

}  // namespace
}  // namespace briefing
