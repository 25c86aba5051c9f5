// Helpers shared by the test executables.
#pragma once

#include <string>
#include <vector>

namespace briefing::testing {

/// A path inside the repository, e.g. repo_path("data/x.toml").
std::string repo_path(const std::string& relative);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the built `briefing` binary with `args` (no shell), capturing output.
CommandResult run_briefing(const std::vector<std::string>& args);

/// A fresh empty directory under the system temp folder, removed at exit.
std::string make_temp_dir();

void write_file(const std::string& path, const std::string& contents);

/// A valid one-item dataset (a highlighted law) whose only milestone is on `date`,
/// for tests that edit a date and watch what is rendered again.
std::string one_item_dataset(const std::string& date);
std::string read_file(const std::string& path);

/// Runs a program with `args` (argv[0] included), capturing output.
CommandResult run_program(const std::vector<std::string>& argv);

}  // namespace briefing::testing

#include <gtest/gtest.h>

#include "base/diagnostic.h"

namespace briefing::testing {

/// Succeeds when `diagnostics` holds an error at exactly `line`:`column`
/// with exactly `message` (and, when given, exactly `hint` as its first
/// hint); otherwise fails, listing what there is.
::testing::AssertionResult has_error(const Diagnostics& diagnostics, int line, int column,
                                     const std::string& message, const std::string& hint = {});

}  // namespace briefing::testing
