#include "text/hyphenator.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "text/rich_paragraph.h"

namespace briefing {
namespace {

const std::string kShy = "\xC2\xAD";

const Hyphenator& english() {
  const Hyphenator* h = english_hyphenator();
  if (!h) throw std::runtime_error("hyphen-en-us is not installed");
  return *h;
}

TEST(Hyphenator, BreaksLongWordsWithSoftHyphens) {
  const std::string out = english().hyphenate("hyphenation");
  EXPECT_NE(out.find(kShy), std::string::npos) << out;
  EXPECT_EQ(visible_text(out), "hyphenation");
  // Patterns, not guesses: "hy-phen-ation" from hyph_en_US.
  EXPECT_EQ(out, "hy" + kShy + "phen" + kShy + "ation");
}

TEST(Hyphenator, KeepsTwoLettersLeftAndThreeRight) {
  for (const std::string word :
       {"international", "development", "responsibilities", "guidelines"}) {
    const std::string mask = english().break_mask(word);
    ASSERT_EQ(mask.size(), word.size());
    EXPECT_FALSE(mask[0]) << word;
    for (size_t i = word.size() - 3; i < word.size(); ++i) EXPECT_FALSE(mask[i]) << word;
    EXPECT_NE(mask.find('\1'), std::string::npos) << word << " has no break at all";
  }
}

TEST(Hyphenator, LeavesShortWordsAcronymsAndNonLatinTextAlone) {
  const std::string text = "AI and OECD in GPAI, G7 2024; JavaScript naïve 人工知能の安全性 x";
  EXPECT_EQ(english().hyphenate(text), text);
}

TEST(Hyphenator, HyphenatesCapitalisedWordsAndKeepsEverythingElse) {
  const std::string text = "Recommendation on the “Ethics” of Artificial Intelligence.";
  const std::string out = english().hyphenate(text);
  EXPECT_EQ(visible_text(out), text);
  EXPECT_NE(out.find("Rec" + kShy + "om" + kShy + "men" + kShy + "da" + kShy + "tion"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Ethics"), std::string::npos);  // six letters but no allowed break
  EXPECT_NE(out.find("In" + kShy + "tel" + kShy + "li" + kShy + "gence"), std::string::npos) << out;
}

TEST(Hyphenator, MissingDictionaryIsAnError) {
  EXPECT_THROW(Hyphenator("/nonexistent/hyph_xx.dic"), std::runtime_error);
}

}  // namespace
}  // namespace briefing
