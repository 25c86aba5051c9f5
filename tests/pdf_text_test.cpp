// The text a reader copies or searches in a report PDF is the text shown:
// every word of every summary is found whole (or split by a visible hyphen
// and a line break where it was hyphenated), no soft hyphen or zero-width
// space appears, and a URL broken across lines loses and gains nothing.
// Checked with poppler's pdftotext, in its reading mode (which joins a word
// hyphenated at a line end) and in -raw mode (which keeps every line).
#include "paint/pdf_text.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "load/dataset_loader.h"
#include "test_support.h"
#include "text/rich_paragraph.h"

namespace briefing {
namespace {

using testing::run_briefing;
using testing::run_program;

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr std::string_view kZeroWidthSpace = "\xE2\x80\x8B";

// --- the cleaned run text -------------------------------------------------

TEST(CleanRunText, DropsSoftHyphensInsideALine) {
  const auto clean = clean_run_text(
      "ef\xC2\xAD"
      "fect",
      false);
  EXPECT_EQ(clean.text, "effect");
  EXPECT_EQ(clean.offset_of[1], 1);
  EXPECT_EQ(clean.offset_of[2], CleanRunText::kDropped);
  EXPECT_EQ(clean.offset_of[4], 2);  // the second "f"
}

TEST(CleanRunText, ShowsTheHyphenWhereTheLineBroke) {
  EXPECT_EQ(clean_run_text("Of\xC2\xAD"
                           "fi\xC2\xAD",
                           true)
                .text,
            "Offi-");
  // Broken between letters without a soft hyphen (a word too long for the
  // line): Pango draws a hyphen after the last letter.
  EXPECT_EQ(clean_run_text("abc", true).text, "abc-");
  // After a real hyphen it adds none.
  EXPECT_EQ(clean_run_text("well-", true).text, "well-");
}

TEST(CleanRunText, DropsZeroWidthSpacesAndBidiControls) {
  const std::string url = breakable_url("https://example.org/a-b/c");
  EXPECT_NE(url.find(kZeroWidthSpace), std::string::npos);
  EXPECT_EQ(clean_run_text(url, false).text, "https://example.org/a-b/c");
  // A URL breaks before a hyphen, never after it.
  EXPECT_NE(url.find("a\xE2\x80\x8B-\xE2\x81\xA0"
                     "b"),
            std::string::npos)
      << url;
  EXPECT_EQ(url.find("-\xE2\x80\x8B"), std::string::npos) << url;
  EXPECT_EQ(clean_run_text("\xE2\x80\x8E"
                           "abc\xE2\x81\xA9",
                           false)
                .text,
            "abc");
  // A run of nothing but controls has no text (drawn without any).
  EXPECT_EQ(clean_run_text("\xE2\x80\x8B", false).text, "");
  const auto clean = clean_run_text("\xE2\x80\x8Bx", false);
  EXPECT_EQ(clean.offset_of[0], CleanRunText::kDropped);
  EXPECT_EQ(clean.offset_of[3], 0);
}

// --- whole reports --------------------------------------------------------

struct Extracted {
  std::string flowing;  // pdftotext's reading mode
  std::string raw;      // pdftotext -raw
};

// Without directional marks and embeddings (pdftotext puts embeddings
// around right-to-left runs; a dataset may start a summary with an RLM).
std::string without_embeddings(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\xE2\x80") == 0 && i + 2 < text.size()) {
      const auto c = static_cast<unsigned char>(text[i + 2]);
      if ((c >= 0xAA && c <= 0xAE) || c == 0x8E || c == 0x8F) {
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

Extracted render_and_extract(const std::string& dataset, const std::string& pdf) {
  const auto result = run_briefing({"report", dataset, "-o", pdf});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return {without_embeddings(run_program({"/usr/bin/pdftotext", pdf, "-"}).out),
          run_program({"/usr/bin/pdftotext", "-raw", pdf, "-"}).out};
}

std::string without_newlines(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != '\n') out += c;
  }
  return out;
}

// The words of a summary as the report shows them: split at spaces, with
// the punctuation around them removed.
std::vector<std::string> words_of(const std::string& summary) {
  static const std::string kEdge = ".,;:!?()[]\"'\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x98\xE2\x80\x99";
  std::vector<std::string> words;
  const std::string shown = without_embeddings(visible_text(typographic_quotes(summary)));
  size_t at = 0;
  while (at < shown.size()) {
    size_t end = shown.find(' ', at);
    if (end == std::string::npos) end = shown.size();
    std::string word = shown.substr(at, end - at);
    at = end + 1;
    // Trim ASCII punctuation and the typographic quotes (3 bytes each).
    bool trimmed = true;
    while (trimmed && !word.empty()) {
      trimmed = false;
      for (size_t n : {size_t{3}, size_t{1}}) {
        if (word.size() >= n && kEdge.find(word.substr(0, n)) != std::string::npos &&
            (n == 1 || word.compare(0, 3, "\xE2\x80", 0, 2) == 0)) {
          word.erase(0, n);
          trimmed = true;
          break;
        }
        if (word.size() >= n && kEdge.find(word.substr(word.size() - n)) != std::string::npos &&
            (n == 1 || word.compare(word.size() - 3, 2, "\xE2\x80") == 0)) {
          word.erase(word.size() - n);
          trimmed = true;
          break;
        }
      }
    }
    if (word.size() >= 2) words.push_back(word);
  }
  return words;
}

// Found whole, or split at a line end after a hyphen: one the hyphenation
// added ("ef-" / "fect") or the word's own ("well-" / "known"). A split across
// a page break has running text between the parts, so the halves are looked
// for as a line's end and a line's start.
bool found_in_raw(const std::string& raw, const std::string& word) {
  if (raw.find(word) != std::string::npos) return true;
  for (size_t k = 1; k < word.size(); ++k) {
    const std::string head = word.substr(0, k), tail = word.substr(k);
    for (const std::string& end :
         {head + "-\n", head.back() == '-' ? head + "\n" : std::string()}) {
      if (end.empty()) continue;
      if (raw.find(end + tail) != std::string::npos) return true;
      if (raw.find(end) != std::string::npos && raw.find("\n" + tail) != std::string::npos)
        return true;
    }
  }
  return false;
}

// `raw_order`: check -raw too; pdftotext -raw gives right-to-left text one
// letter a line (with or without this change), so it cannot be searched.
void expect_clean_text(const std::string& dataset_path, bool raw_order = true) {
  SCOPED_TRACE(dataset_path);
  auto loaded = load_dataset_file(dataset_path);
  ASSERT_TRUE(loaded.ok());
  const std::string dir = testing::make_temp_dir();
  const Extracted text = render_and_extract(dataset_path, dir + "/report.pdf");
  ASSERT_FALSE(text.raw.empty());
  for (const std::string* mode : {&text.flowing, &text.raw}) {
    EXPECT_EQ(mode->find(kSoftHyphen), std::string::npos) << "a soft hyphen in the text";
    EXPECT_EQ(mode->find(kZeroWidthSpace), std::string::npos) << "a zero-width space";
  }
  size_t words = 0;
  for (const Item& item : loaded.dataset->items) {
    for (const std::string& word : words_of(item.summary)) {
      // pdftotext gives Arabic words in shaped presentation forms (as before
      // this change), so they cannot be matched by their letters.
      if (!raw_order && std::any_of(word.begin(), word.end(), [](char c) {
            const auto b = static_cast<unsigned char>(c);
            return b >= 0xD8 && b <= 0xDB;
          })) {
        continue;
      }
      ++words;
      if (raw_order) {
        EXPECT_TRUE(found_in_raw(text.raw, word)) << item.id << ": \"" << word << "\"";
      }
      // Searching the reading-mode text finds every word without a hyphen
      // of its own whole: pdftotext joins a line-end hyphenation.
      if (word.find('-') == std::string::npos) {
        EXPECT_NE(text.flowing.find(word), std::string::npos) << item.id << ": \"" << word << "\"";
      }
    }
    for (const Link& link : item.links) {
      // Broken lines joined, the URL is there to the character, in both modes.
      if (raw_order) {
        EXPECT_NE(without_newlines(text.raw).find(link.url), std::string::npos) << link.url;
      }
      EXPECT_NE(without_newlines(text.flowing).find(link.url), std::string::npos) << link.url;
    }
  }
  EXPECT_GT(words, 20u);
}

TEST(PdfText, FactSheetWordsAreFoundWhole) {
  expect_clean_text(testing::repo_path("data/ai-safety-japan-2024.toml"));
}

TEST(PdfText, StressReportWordsAreFoundWhole) {
  expect_clean_text(testing::repo_path("tests/data/report-stress.toml"));
}

TEST(PdfText, RightToLeftReportWordsAreFoundWhole) {
  expect_clean_text(testing::repo_path("tests/data/bidi.toml"), false);
}

// The line ends the hyphenation made are still there: the text now shows a
// plain "-" at each of them, and the fact sheet has many.
TEST(PdfText, HyphenatedLineEndsShowAHyphen) {
  const std::string dir = testing::make_temp_dir();
  const Extracted text =
      render_and_extract(testing::repo_path("data/ai-safety-japan-2024.toml"), dir + "/r.pdf");
  size_t hyphen_line_ends = 0;
  for (size_t at = text.raw.find("-\n"); at != std::string::npos; at = text.raw.find("-\n", at + 1))
    ++hyphen_line_ends;
  EXPECT_GE(hyphen_line_ends, 20u);
}

}  // namespace
}  // namespace briefing
