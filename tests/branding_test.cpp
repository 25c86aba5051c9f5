// Branding in a report layout: organisation, subtitle and author on the
// cover, a cover band in the house colour, and a marking ("DRAFT") on every
// page; the example layout layouts/example-branded.toml shows them all.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace briefing {
namespace {

struct Render {
  nlohmann::json dump;
  std::string pdf;
};

Render render(const std::string& layout) {
  const std::string dir = testing::make_temp_dir();
  const auto result =
      testing::run_briefing({"report", testing::repo_path("data/ai-safety-japan-2024.toml"), "-o",
                             dir + "/b.pdf", "--layout", layout, "--layout-dump", dir + "/b.json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return {nlohmann::json::parse(testing::read_file(dir + "/b.json")), dir + "/b.pdf"};
}

// The texts of the items of `kind` on page `page`.
std::vector<std::string> texts_of(const nlohmann::json& dump, size_t page,
                                  const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& item : dump["pages"][page]["elements"]) {
    if (item.value("kind", "") == kind) out.push_back(item.value("text", ""));
  }
  return out;
}

TEST(Branding, TheExampleLayoutMarksEveryPageAndBrandsTheCover) {
  const Render r = render("example-branded");
  const size_t pages = r.dump["pages"].size();
  ASSERT_GT(pages, 5u);
  for (size_t p = 0; p < pages; ++p) {
    EXPECT_EQ(texts_of(r.dump, p, "marking"), std::vector<std::string>{"DRAFT"}) << "page " << p;
  }
  EXPECT_EQ(texts_of(r.dump, 0, "cover-organisation").size(), 1u);
  EXPECT_EQ(texts_of(r.dump, 0, "cover-subtitle").size(), 1u);
  EXPECT_EQ(texts_of(r.dump, 0, "cover-author").size(), 1u);
  // The words reach the PDF, the marking once per page.
  const auto text = testing::run_program({"/usr/bin/pdftotext", r.pdf, "-"}).out;
  EXPECT_NE(text.find("Example Policy Unit"), std::string::npos);
  EXPECT_NE(text.find("Prepared for the quarterly review"), std::string::npos);
  EXPECT_NE(text.find("Prepared by Research and Analysis Team"), std::string::npos);
  size_t markings = 0;
  for (size_t at = text.find("DRAFT"); at != std::string::npos; at = text.find("DRAFT", at + 1))
    ++markings;
  EXPECT_EQ(markings, pages);
}

TEST(Branding, TheMarkingStaysClearOfTheFooter) {
  const Render r = render("example-branded");
  for (size_t p = 1; p < r.dump["pages"].size(); ++p) {
    const nlohmann::json* marking = nullptr;
    const nlohmann::json* footer = nullptr;
    for (const auto& item : r.dump["pages"][p]["elements"]) {
      if (item.value("kind", "") == "marking") marking = &item;
      if (item.value("kind", "") == "footer") footer = &item;
    }
    ASSERT_TRUE(marking && footer) << "page " << p;
    const double m_right = (*marking)["x"].get<double>() + (*marking)["width"].get<double>();
    EXPECT_LT(m_right + 10, (*footer)["x"].get<double>()) << "page " << p;
    EXPECT_NEAR((*marking)["y"].get<double>(), (*footer)["y"].get<double>(), 3) << "page " << p;
  }
}

TEST(Branding, APlainLayoutHasNone) {
  const Render r = render("briefing-a4");
  for (size_t p = 0; p < r.dump["pages"].size(); ++p) {
    EXPECT_TRUE(texts_of(r.dump, p, "marking").empty());
  }
  EXPECT_TRUE(texts_of(r.dump, 0, "cover-subtitle").empty());
}

TEST(Branding, BadBrandingValuesAreLocated) {
  const std::string dir = testing::make_temp_dir();
  std::string layout = testing::read_file(testing::repo_path("layouts/example-branded.toml"));
  layout.replace(layout.find("marking_color = \"#b3121f\""), 25, "marking_colour = \"red\"");
  testing::write_file(dir + "/bad.toml", layout);
  const auto result =
      testing::run_briefing({"report", testing::repo_path("data/ai-safety-japan-2024.toml"), "-o",
                             dir + "/x.pdf", "--layout", dir + "/bad.toml"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("unknown key 'marking_colour' in [branding]"), std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace briefing
