// format_diagnostics() finds each diagnostic's source line from the one
// before (a large dataset with thousands of errors was quadratic): the lines
// it shows must be those format_diagnostic() finds alone, in any order and
// across several files.
#include <gtest/gtest.h>

#include <string>

#include "base/diagnostic.h"

namespace briefing {
namespace {

TEST(DiagnosticLines, EachListedDiagnosticShowsItsOwnLine) {
  const SourceRef a = make_source("a.toml", "one = 1\ntwo = 2\nthree = 3\nfour = 4\n");
  const SourceRef b = make_source("b.toml", "alpha = 1\r\nbeta = 2\r\n");
  Diagnostics all;
  all.error(a, {3, 1, 3, 6}, "third");
  all.error(a, {1, 1, 1, 4}, "first, after a later line");
  all.error(b, {2, 1, 2, 5}, "beta");
  all.error(a, {4, 1, 4, 5}, "fourth, after another file");
  all.error(a, {4, 8, 4, 9}, "the same line again");
  all.error(a, {9, 1, 9, 2}, "past the end");
  std::string one_by_one;
  for (const Diagnostic& d : all.all()) one_by_one += format_diagnostic(d);
  const std::string listed = format_diagnostics(all);
  EXPECT_EQ(listed, one_by_one);
  for (const char* line : {"3 | three = 3", "1 | one = 1", "2 | beta = 2\n", "4 | four = 4"}) {
    EXPECT_NE(listed.find(line), std::string::npos) << line << "\n" << listed;
  }
}

TEST(DiagnosticLines, ManyErrorsInALargeFileShowTheirLines) {
  std::string text;
  for (int n = 1; n <= 3000; ++n)
    text += "key" + std::to_string(n) + " = " + std::to_string(n) + "\n";
  const SourceRef file = make_source("big.toml", text);
  Diagnostics all;
  for (int n = 1; n <= 3000; n += 7) all.error(file, {n, 1, n, 4}, "line " + std::to_string(n));
  const std::string listed = format_diagnostics(all);
  std::string one_by_one;
  for (const Diagnostic& d : all.all()) one_by_one += format_diagnostic(d);
  EXPECT_EQ(listed, one_by_one);
  EXPECT_NE(listed.find(" 2997 | key2997 = 2997\n"), std::string::npos);
}

}  // namespace
}  // namespace briefing
