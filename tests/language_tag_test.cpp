// BCP 47 tags by the grammar of RFC 5646: the parts are found, ill-formed
// tags are refused with a reason, and the fix-its are the intended tags.
#include "base/language_tag.h"

#include <gtest/gtest.h>

namespace briefing {
namespace {

TEST(LanguageTag, FindsEveryPart) {
  const LanguageTagParse p = parse_language_tag("zh-yue-Hant-HK-1996-u-ca-chinese-x-mine");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.tag.language, "zh");
  EXPECT_EQ(p.tag.extlangs, std::vector<std::string>{"yue"});
  EXPECT_EQ(p.tag.script, "Hant");
  EXPECT_EQ(p.tag.region, "HK");
  EXPECT_EQ(p.tag.variants, std::vector<std::string>{"1996"});
  EXPECT_EQ(p.tag.extensions, std::vector<std::string>{"u-ca-chinese"});
  EXPECT_EQ(p.tag.private_use, "x-mine");
}

TEST(LanguageTag, AcceptsWellFormedTags) {
  for (const char* tag : {"en", "EN", "en-GB", "en-gb", "ja", "haw", "sr-Latn-RS", "es-419",
                          "de-CH-1996", "sl-rozaj-biske", "x-internal", "i-klingon", "en-GB-oed",
                          "zh-min-nan", "en-US-u-ca-gregory-t-ja"}) {
    EXPECT_TRUE(parse_language_tag(tag).ok) << tag << ": " << parse_language_tag(tag).error;
  }
}

TEST(LanguageTag, RefusesIllFormedTagsWithAReason) {
  const struct {
    const char* tag;
    const char* error;
  } cases[] = {
      {"English",
       "\"English\" is not a language code: BCP 47 language subtags have two or three "
       "letters"},
      {"en_GB", "\"en_GB\" separates its parts with '_'; BCP 47 uses '-'"},
      {"en-", "\"en-\" has an empty part (two '-' in a row, or one at an end)"},
      {"en--GB", "\"en--GB\" has an empty part (two '-' in a row, or one at an end)"},
      {"e", "\"e\" does not start with a language code (two or three letters)"},
      {"1en", "\"1en\" does not start with a language code (two or three letters)"},
      {"en-GB-US", "\"en-GB-US\" is not a BCP 47 language tag: \"US\" cannot stand there"},
      {"en-Latn-Cyrl",
       "\"en-Latn-Cyrl\" is not a BCP 47 language tag: \"Cyrl\" cannot stand there"},
      {"en-u", "\"en-u\" has the extension 'u' with nothing after it"},
      {"en-x", "\"en-x\" has 'x' with no private-use part after it"},
      {"en-abcdefghi",
       "\"en-abcdefghi\" is not a BCP 47 language tag: \"abcdefghi\" is longer "
       "than 8 characters"},
      {"en-G\xC3\xBC",
       "\"en-G\xC3\xBC\" is not a BCP 47 language tag: \"G\xC3\xBC\" holds a "
       "character other than a letter or a digit"},
      {"", "the language tag is empty"},
  };
  for (const auto& c : cases) {
    const LanguageTagParse p = parse_language_tag(c.tag);
    EXPECT_FALSE(p.ok) << c.tag;
    EXPECT_EQ(p.error, c.error) << c.tag;
  }
}

TEST(LanguageTag, FixItsOnlyWhereTheIntentIsClear) {
  EXPECT_EQ(parse_language_tag("en_GB").hint, "write \"en-GB\"");
  EXPECT_EQ(parse_language_tag("English").hint, "write \"en\"");
  EXPECT_EQ(parse_language_tag("japanese").hint, "write \"ja\"");
  EXPECT_EQ(parse_language_tag("Klingon").hint,
            "write the language's code, such as \"en\" or \"ja\"");
  EXPECT_EQ(parse_language_tag("en_XYZ_Q").hint, "");  // "en-XYZ-Q" is no tag either
}

}  // namespace
}  // namespace briefing
