// Shell completions and the man page (issue #14.3) come from the option
// table the command line parses with: every command and option is in each,
// bash completes with them, and man renders the page without warnings.
#include <gtest/gtest.h>
#include <unistd.h>

#include "cli/command.h"
#include "cli/shell_completion.h"
#include "test_support.h"

namespace briefing::cli {
namespace {

std::vector<OptionSpec> all_options(const Command& command) {
  std::vector<OptionSpec> options = command.options;
  options.push_back(help_option());
  return options;
}

TEST(Completions, ListEveryCommandAndOptionOfTheTable) {
  const std::string bash = bash_completion(commands());
  const std::string zsh = zsh_completion(commands());
  const std::string fish = fish_completion(commands());
  const std::string man = man_page(commands());
  size_t checked = 0;
  for (const Command& command : commands()) {
    if (command.hidden) {
      EXPECT_EQ(fish.find(" -a " + command.name + " "), std::string::npos) << command.name;
      continue;
    }
    EXPECT_NE(bash.find("    " + command.name + ")\n"), std::string::npos) << command.name;
    EXPECT_NE(zsh.find("    '" + command.name + ":"), std::string::npos) << command.name;
    EXPECT_NE(fish.find("-a " + command.name + " -d"), std::string::npos) << command.name;
    EXPECT_NE(man.find(".SS \"" + command.name + "\""), std::string::npos) << command.name;
    for (const OptionSpec& option : all_options(command)) {
      EXPECT_NE(bash.find("--" + option.name), std::string::npos) << option.name;
      EXPECT_NE(zsh.find("--" + option.name), std::string::npos) << option.name;
      EXPECT_NE(fish.find("'__fish_seen_subcommand_from " + command.name + "' -l " + option.name),
                std::string::npos)
          << command.name << " --" << option.name;
      std::string roff_name;
      for (char c : option.name) roff_name += c == '-' ? std::string("\\-") : std::string(1, c);
      EXPECT_NE(man.find("\\fB\\-\\-" + roff_name + "\\fR"), std::string::npos) << option.name;
      ++checked;
    }
  }
  EXPECT_GT(checked, 40u);
}

TEST(Completions, TheBuildWroteThemFromTheSameTable) {
  const std::string share = std::string(BRIEFING_BUILD_DIR) + "/share/";
  EXPECT_EQ(testing::read_file(share + "bash-completion/completions/briefing"),
            bash_completion(commands()));
  EXPECT_EQ(testing::read_file(share + "zsh/site-functions/_briefing"), zsh_completion(commands()));
  EXPECT_EQ(testing::read_file(share + "fish/vendor_completions.d/briefing.fish"),
            fish_completion(commands()));
  EXPECT_EQ(testing::read_file(share + "man/man1/briefing.1"), man_page(commands()));
}

std::string complete(const std::string& words, int index) {
  const std::string script =
      std::string(BRIEFING_BUILD_DIR) + "/share/bash-completion/completions/briefing";
  const auto r = testing::run_program({"/bin/bash", "-c",
                                       "source \"$0\"; COMP_WORDS=(" + words +
                                           "); COMP_CWORD=" + std::to_string(index) +
                                           "; _briefing; echo \"${COMPREPLY[*]}\"",
                                       script});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return r.out;
}

TEST(Completions, BashCompletesCommandsOptionsAndChoices) {
  EXPECT_EQ(complete("briefing tim", 1), "timeline\n");
  EXPECT_EQ(complete("briefing ba", 1), "baseline\n");
  EXPECT_EQ(complete("briefing timeline data.toml --layout-", 3), "--layout-dump\n");
  EXPECT_EQ(complete("briefing import x.csv --date-order ''", 4), "dmy mdy\n");
  EXPECT_EQ(complete("briefing report x.toml --format ''", 4), "pdf\n");
  EXPECT_EQ(complete("briefing help rep", 2), "report\n");
  EXPECT_EQ(complete("briefing check --", 2), "--layout --help\n");
}

TEST(Completions, FishCompletesAndZshParsesTheScript) {
  const std::string share = std::string(BRIEFING_BUILD_DIR) + "/share/";
  if (access("/usr/bin/fish", X_OK) != 0 || access("/usr/bin/zsh", X_OK) != 0) {
    GTEST_SKIP() << "fish or zsh is not installed (./run.sh installs both)";
  }
  const auto fish = testing::run_program(
      {"/usr/bin/fish", "-c",
       "source $argv[1]; complete -C 'briefing tim'; complete -C 'briefing import x.csv "
       "--date-order '",
       share + "fish/vendor_completions.d/briefing.fish"});
  EXPECT_EQ(fish.exit_code, 0) << fish.err;
  EXPECT_EQ(fish.out,
            "timeline\tdraw a timeline graphic (PNG, SVG, PDF)\n"
            "dmy\thow to read 03/04/2024: day first or month first\n"
            "mdy\thow to read 03/04/2024: day first or month first\n");
  const auto zsh =
      testing::run_program({"/usr/bin/zsh", "-n", share + "zsh/site-functions/_briefing"});
  EXPECT_EQ(zsh.exit_code, 0) << zsh.err;
}

TEST(ManPage, RendersWithManAndGroffWithoutWarnings) {
  const std::string page = std::string(BRIEFING_BUILD_DIR) + "/share/man/man1/briefing.1";
  const auto groff = testing::run_program({"/usr/bin/groff", "-man", "-Tutf8", "-ww", "-z", page});
  EXPECT_EQ(groff.exit_code, 0);
  EXPECT_EQ(groff.err, "") << "groff warnings";
  const auto man = testing::run_program({"/usr/bin/env", "MANPAGER=cat", "MANWIDTH=100",
                                         "LC_ALL=C.UTF-8", "/usr/bin/man", "-l", page});
  ASSERT_EQ(man.exit_code, 0) << man.err;
  EXPECT_NE(man.out.find("BRIEFING(1)"), std::string::npos) << man.out;
  EXPECT_NE(man.out.find("--date-order dmy|mdy"), std::string::npos) << man.out;
  EXPECT_NE(man.out.find("briefing import"), std::string::npos);
}

}  // namespace
}  // namespace briefing::cli
