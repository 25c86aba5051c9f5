// One source of truth for the dataset format: every case of
// tests/data/schema-corpus/ goes through `briefing check` and through
// data/schema.json (Debian's python3-jsonschema, tests/schema_validate.py),
// and both must give the verdict its `# expect:` header states. A case the
// schema cannot judge (a rule across entries: order, uniqueness,
// references, membership in a declared list) says so in a `# schema:`
// header; data/README.md lists those rules as the loader's alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

struct CorpusCase {
  std::string name;  // file name
  std::string path;
  bool valid = false;         // what `check` must say
  bool schema_valid = false;  // what the schema must say
  std::string check_says;     // a part of check's message, for an invalid case
};

std::string header(const std::string& text, const std::string& key) {
  const std::string prefix = "# " + key + ": ";
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  return {};
}

std::vector<CorpusCase> corpus() {
  std::vector<CorpusCase> cases;
  for (const auto& entry : fs::directory_iterator(testing::repo_path("tests/data/schema-corpus"))) {
    if (entry.path().extension() != ".toml") continue;
    const std::string text = testing::read_file(entry.path());
    CorpusCase c;
    c.name = entry.path().filename().string();
    c.path = entry.path().string();
    const std::string expect = header(text, "expect");
    EXPECT_TRUE(expect == "valid" || expect == "invalid") << c.name << ": no # expect: header";
    c.valid = expect == "valid";
    const std::string schema = header(text, "schema");
    c.schema_valid = schema.empty() ? c.valid : schema.rfind("valid", 0) == 0;
    c.check_says = header(text, "check-says");
    if (!c.valid) {
      EXPECT_FALSE(c.check_says.empty()) << c.name << ": no # check-says: header";
    }
    cases.push_back(c);
  }
  std::sort(cases.begin(), cases.end(),
            [](const CorpusCase& a, const CorpusCase& b) { return a.name < b.name; });
  return cases;
}

// "valid NAME" / "invalid NAME: why", one line per file.
std::map<std::string, std::pair<bool, std::string>> schema_verdicts(
    const std::vector<CorpusCase>& cases) {
  std::vector<std::string> argv = {"/usr/bin/python3",
                                   testing::repo_path("tests/schema_validate.py"),
                                   testing::repo_path("data/schema.json")};
  for (const auto& c : cases) argv.push_back(c.path);
  const testing::CommandResult result = testing::run_program(argv);
  EXPECT_EQ(result.exit_code, 0) << "python3-jsonschema (Debian) is needed: " << result.err;
  std::map<std::string, std::pair<bool, std::string>> verdicts;
  std::istringstream lines(result.out);
  std::string line;
  while (std::getline(lines, line)) {
    const bool valid = line.rfind("valid ", 0) == 0;
    const std::string rest = line.substr(line.find(' ') + 1);
    const std::string name = rest.substr(0, rest.find(':'));
    verdicts[name] = {valid, rest};
  }
  return verdicts;
}

TEST(SchemaAgreement, CorpusIsLargeAndCoversBothVerdicts) {
  const auto cases = corpus();
  const auto valid = std::count_if(cases.begin(), cases.end(), [](auto& c) { return c.valid; });
  EXPECT_GE(cases.size(), 60u);
  EXPECT_GE(valid, 20);
  EXPECT_GE(static_cast<long>(cases.size()) - valid, 40);
}

TEST(SchemaAgreement, CheckAndSchemaGiveTheSameVerdictOnEveryCase) {
  const auto cases = corpus();
  const auto verdicts = schema_verdicts(cases);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto found = verdicts.find(c.name);
    ASSERT_NE(found, verdicts.end()) << "the schema validator said nothing about it";
    EXPECT_EQ(found->second.first, c.schema_valid) << "schema: " << found->second.second;
    const testing::CommandResult check = testing::run_briefing({"check", c.path});
    EXPECT_EQ(check.exit_code, c.valid ? 0 : 1) << check.err;
    if (!c.valid) {
      EXPECT_NE(check.err.find(c.check_says), std::string::npos)
          << "expected check to say: " << c.check_says << "\ngot:\n"
          << check.err;
    }
  }
}

// The shipped dataset and schema agree too.
TEST(SchemaAgreement, BundledDatasetIsValidForBoth) {
  const std::string path = testing::repo_path("data/ai-safety-japan-2024.toml");
  const testing::CommandResult schema =
      testing::run_program({"/usr/bin/python3", testing::repo_path("tests/schema_validate.py"),
                            testing::repo_path("data/schema.json"), path});
  EXPECT_EQ(schema.out, "valid ai-safety-japan-2024.toml\n") << schema.err;
  EXPECT_EQ(testing::run_briefing({"check", path}).exit_code, 0);
}

}  // namespace
}  // namespace briefing
