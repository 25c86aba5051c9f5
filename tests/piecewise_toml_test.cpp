// A dataset of many [[item]] tables is parsed in pieces (load/table_reader.h,
// parse_toml_in_pieces()): the same tree and the same positions as one
// parse of the whole text, and the same located errors.
#include <gtest/gtest.h>

#include <string>

#include "load/dataset_loader.h"
#include "load/table_reader.h"

namespace briefing {
namespace {

// A fictional fixture: `count` items, item i with one milestone.
std::string many_items(int count) {
  std::string text = R"([dataset]
title = "Test"
publisher = "Tester"
published = "2025-02-05"
language = "en"

[[section]]
id = "1"
title = "First"
)";
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    text += "\n[[item]]\nid = \"item-" + n + "\"\nsection = \"1\"\ntitle = \"Item " + n +
            "\"\nkind = \"law\"\nissuers = [\"Diet\", \"Cabinet\"]\nsummary = \"Summary " + n +
            ".\"\n\n[[item.milestone]]\ndate = \"2020-01-0" + std::to_string(1 + i % 9) +
            "\"\nlabel = \"adopted\"\n";
  }
  return text;
}

// The 1-based line on which the `occurrence`-th (0-based) `needle` starts.
int line_of(const std::string& text, const std::string& needle, int occurrence = 0) {
  size_t at = text.find(needle);
  for (int i = 0; i < occurrence && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  if (at == std::string::npos) return -1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

TEST(PiecewiseToml, SameTreeAndPositionsAsOneParse) {
  const std::string text = many_items(200);
  const SourceRef source = make_source("many.toml", text);
  Diagnostics whole_diagnostics, piece_diagnostics;
  const auto whole = parse_toml(source, whole_diagnostics);
  const auto pieces = parse_toml_in_pieces(source, piece_diagnostics, "item");
  ASSERT_TRUE(whole && pieces);
  EXPECT_TRUE(whole_diagnostics.empty() && piece_diagnostics.empty());
  EXPECT_TRUE(*whole == pieces->root);  // values, not positions
  const toml::array& whole_items = *whole->get_as<toml::array>("item");
  const toml::array& piece_items = *pieces->root.get_as<toml::array>("item");
  ASSERT_EQ(piece_items.size(), 200u);
  ASSERT_EQ(pieces->line_shifts.size(), 200u);
  EXPECT_GT(pieces->line_shifts.back(), 0);  // it was cut into pieces
  for (size_t i = 0; i < piece_items.size(); ++i) {
    const toml::table& w = *whole_items[i].as_table();
    const toml::table& p = *piece_items[i].as_table();
    Diagnostics unused;
    const TableReader whole_reader(w, "[[item]]", source, unused);
    const TableReader piece_reader(p, "[[item]]", source, unused, pieces->line_shifts[i]);
    for (const char* key : {"id", "summary", "issuers", "milestone"}) {
      const SourceRange a = whole_reader.value_position(key);
      const SourceRange b = piece_reader.value_position(key);
      EXPECT_EQ(std::tie(a.line, a.column, a.end_line, a.end_column),
                std::tie(b.line, b.column, b.end_line, b.end_column))
          << "item " << i << " key " << key;
    }
    const SourceRange a = whole_reader.table_position();
    const SourceRange b = piece_reader.table_position();
    EXPECT_EQ(std::tie(a.line, a.column, a.end_column), std::tie(b.line, b.column, b.end_column));
    EXPECT_EQ(b.line, line_of(text, "[[item]]", static_cast<int>(i)));
  }
}

TEST(PiecewiseToml, DatasetErrorsFarIntoTheFileAreLocated) {
  const std::string text = many_items(150);
  // A schema error in the 120th item's milestone, a misspelt key in the 90th.
  std::string bad = text;
  const std::string date = "date = \"2020-01-0" + std::to_string(1 + 120 % 9) + "\"";
  size_t at = 0;
  for (int i = 0; i <= 120; ++i) at = bad.find("date = ", at + 1);
  bad.replace(at, date.size(), "date = \"2020-13-01\"");
  size_t summary = 0;
  for (int i = 0; i <= 90; ++i) summary = bad.find("\nsummary = ", summary + 1);
  bad.replace(summary + 1, 7, "sumary ");
  const DatasetLoad load = load_dataset_text(bad, "bad.toml");
  ASSERT_FALSE(load.ok());
  ASSERT_EQ(load.diagnostics.all().size(), 2u) << load.report();
  EXPECT_EQ(load.diagnostics.all()[0].range.line, line_of(bad, "sumary "));
  EXPECT_EQ(load.diagnostics.all()[0].range.column, 1);
  EXPECT_EQ(load.diagnostics.all()[1].range.line, line_of(bad, "2020-13-01"));
  EXPECT_EQ(load.diagnostics.all()[1].range.column, 8);
}

TEST(PiecewiseToml, WhatOnlyTheWholeTextCanJudgeGetsItsError) {
  const std::string text = many_items(100);
  const size_t cut = text.find("[[item]]", text.size() / 2);
  // A syntax error, a table defined twice and a late [[section]], after the cut.
  for (const std::string& insert :
       {std::string("x = = 1\n"), std::string("[dataset]\ntitle = \"Again\"\n"),
        std::string("[[section]]\nid = \"2\"\ntitle = \"Late\"\n")}) {
    std::string changed = text;
    changed.insert(cut, insert);
    const SourceRef source = make_source("changed.toml", changed);
    Diagnostics whole_diagnostics, piece_diagnostics;
    const auto whole = parse_toml(source, whole_diagnostics);
    const auto pieces = parse_toml_in_pieces(source, piece_diagnostics, "item");
    EXPECT_EQ(format_diagnostics(whole_diagnostics), format_diagnostics(piece_diagnostics));
    EXPECT_EQ(whole.has_value(), pieces.has_value()) << insert;
    if (whole && pieces) {
      EXPECT_TRUE(*whole == pieces->root) << insert;
    }
  }
  // The late section loads as if parsed whole: two sections, no error.
  std::string late = text;
  late.insert(cut, "[[section]]\nid = \"2\"\ntitle = \"Late\"\n");
  const DatasetLoad load = load_dataset_text(late, "late.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  EXPECT_EQ(load.dataset->sections.size(), 2u);
  EXPECT_EQ(load.dataset->items.size(), 100u);
}

}  // namespace
}  // namespace briefing
