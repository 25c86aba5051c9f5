// model/dataset: lookups by id through the lazy index agree with a scan as
// the dataset grows, is copied and is edited; the loader's duplicate-id check
// stays correct with it.
#include <gtest/gtest.h>

#include <string>

#include "load/dataset_loader.h"
#include "model/dataset.h"

namespace briefing {
namespace {

Item item(const std::string& id, const std::string& title) {
  Item i;
  i.id = id;
  i.title = title;
  return i;
}

TEST(DatasetIndex, FindsItemsAppendedAfterEarlierLookups) {
  Dataset data;
  EXPECT_EQ(data.find_item("a"), nullptr);
  data.items.push_back(item("a", "first"));
  ASSERT_NE(data.find_item("a"), nullptr);
  EXPECT_EQ(data.find_item("b"), nullptr);
  for (int i = 0; i < 1000; ++i) data.items.push_back(item("n" + std::to_string(i), "x"));
  ASSERT_NE(data.find_item("n999"), nullptr);
  EXPECT_EQ(data.find_item("n999")->id, "n999");
  EXPECT_EQ(data.find_item("a")->title, "first");
  EXPECT_EQ(data.find_item("n1000"), nullptr);
}

TEST(DatasetIndex, FirstOfEqualIdsWins) {
  Dataset data;
  data.items.push_back(item("a", "first"));
  data.items.push_back(item("a", "second"));
  ASSERT_NE(data.find_item("a"), nullptr);
  EXPECT_EQ(data.find_item("a")->title, "first");
}

TEST(DatasetIndex, CopiesAndEditsAreLookedUpAfresh) {
  Dataset data;
  for (const char* id : {"a", "b", "c"}) data.items.push_back(item(id, id));
  ASSERT_NE(data.find_item("b"), nullptr);
  Dataset copy = data;
  copy.items[1].id = "renamed";
  EXPECT_EQ(copy.find_item("b"), nullptr);
  ASSERT_NE(copy.find_item("renamed"), nullptr);
  EXPECT_EQ(copy.find_item("renamed"), &copy.items[1]);  // points into the copy
  EXPECT_EQ(data.find_item("b"), &data.items[1]);
  // Erased and reordered in place: a stale position is noticed.
  data.items.erase(data.items.begin());
  ASSERT_NE(data.find_item("c"), nullptr);
  EXPECT_EQ(data.find_item("c")->id, "c");
  EXPECT_EQ(data.find_item("a"), nullptr);
  data.items.clear();
  EXPECT_EQ(data.find_item("c"), nullptr);
}

TEST(DatasetIndex, SectionsToo) {
  Dataset data;
  Section one;
  one.id = "1";
  data.sections.push_back(one);
  EXPECT_NE(data.find_section("1"), nullptr);
  Section two;
  two.id = "1.2";
  data.sections.push_back(two);
  ASSERT_NE(data.find_section("1.2"), nullptr);
  EXPECT_EQ(data.find_section("1.2")->depth(), 2);
  EXPECT_EQ(data.find_section("2"), nullptr);
}

TEST(DatasetIndex, LoaderStillReportsADuplicateIdWithTheFirstLine) {
  std::string text =
      "title = \"T\"\npublisher = \"P\"\npublished = \"2024-05-01\"\nlanguage = \"en\"\n"
      "[[section]]\nid = \"1\"\ntitle = \"S\"\n";
  for (int i = 0; i < 300; ++i) {
    const std::string id = i == 299 ? "item-7" : "item-" + std::to_string(i);
    text += "[[item]]\nid = \"" + id +
            "\"\nsection = \"1\"\ntitle = \"A\"\nkind = \"law\"\nissuers = [\"X\"]\n"
            "summary = \"S.\"\n";
  }
  const DatasetLoad load = load_dataset_text(text, "fixture.toml");
  ASSERT_FALSE(load.ok());
  const std::string report = load.report();
  EXPECT_NE(report.find("duplicate item id \"item-7\""), std::string::npos) << report;
  // item-7 is the 8th item: its header is line 8 + 7 * 7 of the text.
  EXPECT_NE(report.find("first defined on line 57"), std::string::npos) << report;
}

}  // namespace
}  // namespace briefing
