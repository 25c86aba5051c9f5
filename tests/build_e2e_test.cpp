// `briefing build` with the real renderers: what it redoes after each kind of
// edit (data, layout, font, option, program), in a temporary project.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::read_file;
using testing::repo_path;
using testing::run_program;
using testing::write_file;

class BuildEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    // A private copy of the program: the test "rebuilds" it by editing the copy.
    binary_ = dir_ + "/briefing";
    fs::copy_file(BRIEFING_BINARY, binary_);
    fs::permissions(binary_, fs::perms::owner_all, fs::perm_options::add);
    // The copy finds fonts/ and layouts/ the way an installed program does: share/briefing
    // beside it (base/data_paths.h), linked to the build tree's.
    fs::create_directories(dir_ + "/share");
    fs::create_directory_symlink(std::string(BRIEFING_BUILD_DIR) + "/share/briefing",
                                 dir_ + "/share/briefing");
    fs::create_directories(dir_ + "/data");
    fs::create_directories(dir_ + "/layouts");
    write_file(dir_ + "/data/a.toml", testing::one_item_dataset("2020-05"));
    write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2022"));
    fs::copy_file(repo_path("layouts/slide-4x3.toml"), dir_ + "/layouts/mine.toml");
    write_build_file("");
  }
  void write_build_file(const std::string& extra) {
    write_file(
        dir_ + "/briefing.toml",
        "[[output]]\npath = \"output/a.svg\"\nkind = \"timeline\"\ndata = \"data/a.toml\"\n"
        "layout = \"layouts/mine.toml\"\n\n"
        "[[output]]\npath = \"output/b.svg\"\nkind = \"timeline\"\ndata = \"data/b.toml\"\n"
        "layout = \"slide-4x3\"\n" +
            extra +
            "\n"
            "[[output]]\npath = \"output/b.pdf\"\nkind = \"report\"\ndata = \"data/b.toml\"\n");
  }
  testing::CommandResult build(std::vector<std::string> extra = {}) {
    std::vector<std::string> argv{binary_, "build", dir_ + "/briefing.toml"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run_program(argv);
  }
  size_t rendered(const testing::CommandResult& r) {
    size_t n = 0;
    for (size_t at = r.out.find("rendered "); at != std::string::npos;
         at = r.out.find("rendered ", at + 1))
      ++n;
    return n;
  }
  bool rendered(const testing::CommandResult& r, const std::string& name) {
    return r.out.find("rendered " + dir_ + "/output/" + name + "  ") != std::string::npos;
  }

  std::string dir_, binary_;
};

TEST_F(BuildEndToEnd, RendersOnlyWhatEachEditTouches) {
  auto r = build();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(rendered(r), 3u) << r.out;
  EXPECT_EQ(std::string(read_file(dir_ + "/output/b.pdf"), 0, 5), "%PDF-");

  r = build();
  EXPECT_EQ(rendered(r), 0u) << r.out;
  EXPECT_NE(r.out.find("3 outputs: 0 rendered, 3 up to date"), std::string::npos) << r.out;

  write_file(dir_ + "/data/a.toml", testing::one_item_dataset("2021-05"));  // a date
  r = build();
  EXPECT_EQ(rendered(r), 1u) << r.out;
  EXPECT_TRUE(rendered(r, "a.svg")) << r.out;

  write_file(dir_ + "/layouts/mine.toml", read_file(dir_ + "/layouts/mine.toml") + "\n# edited\n");
  r = build();
  EXPECT_EQ(rendered(r), 1u) << r.out;
  EXPECT_TRUE(rendered(r, "a.svg")) << r.out;

  write_build_file("theme = \"dark\"\n");  // an option of b.svg
  r = build();
  EXPECT_EQ(rendered(r), 1u) << r.out;
  EXPECT_TRUE(rendered(r, "b.svg")) << r.out;

  write_file(binary_, read_file(binary_) + std::string(16, '\0'));  // a rebuilt program
  r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rendered(r), 3u) << r.out;

  r = build({"--force", "--quiet"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "") << "--quiet prints nothing when all is well";
}

TEST_F(BuildEndToEnd, VerboseShowsTheRendererCommandLines) {
  const auto r = build({"--verbose", "--jobs", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("$ " + binary_ + " timeline " + dir_ + "/data/a.toml -o " + dir_ +
                       "/output/a.svg --layout " + dir_ + "/layouts/mine.toml"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(" report " + dir_ + "/data/b.toml -o " + dir_ +
                       "/output/b.pdf --layout briefing-a4"),
            std::string::npos)
      << r.out;
}

TEST_F(BuildEndToEnd, AFailingOutputDoesNotStopTheOthers) {
  ASSERT_EQ(build().exit_code, 0);
  const std::string old_a = read_file(dir_ + "/output/a.svg");
  write_file(dir_ + "/layouts/mine.toml", "[page]\nwidht = 3\n");  // a broken layout
  write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2023"));
  const auto r = build();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("failed " + dir_ + "/output/a.svg"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir_ + "/layouts/mine.toml:"), std::string::npos) << "located: " << r.err;
  EXPECT_EQ(read_file(dir_ + "/output/a.svg"), old_a);
  EXPECT_TRUE(rendered(r, "b.svg")) << r.out;
  EXPECT_TRUE(rendered(r, "b.pdf")) << r.out;
  EXPECT_NE(r.out.find("2 rendered, 0 up to date, 1 failed"), std::string::npos) << r.out;
}

/// Runs `program` with no arguments in `folder`, returning its exit status
/// and writing its standard output to `out_file`.
int run_in_folder(const std::string& program, const std::string& folder,
                  const std::string& out_file) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(folder.c_str()) != 0 || !freopen(out_file.c_str(), "w", stdout)) _exit(126);
    execl(program.c_str(), program.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(BuildEndToEnd, NoArgumentsBuildsTheBuildFileHereWithTheSameManifest) {
  ASSERT_EQ(build().exit_code, 0);  // from another folder, through the file's path
  const std::string out = make_temp_dir() + "/out.txt";
  EXPECT_EQ(run_in_folder(binary_, dir_, out), 0);
  const std::string text = read_file(out);
  EXPECT_NE(text.find("up to date output/b.pdf\n"), std::string::npos) << text;
  EXPECT_NE(text.find("3 outputs: 0 rendered, 3 up to date"), std::string::npos) << text;
}

std::string pdf_text(const std::string& pdf) {
  const auto r = run_program({"/usr/bin/pdftotext", "-layout", pdf, "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST_F(BuildEndToEnd, ReportShowsTheEditSinceThePreviousRender) {
  write_file(dir_ + "/briefing.toml",
             "[[output]]\npath = \"output/r.pdf\"\nkind = \"report\"\ndata = \"data/b.toml\"\n"
             "compare_with_previous = true\n");
  ASSERT_EQ(build().exit_code, 0);
  EXPECT_EQ(pdf_text(dir_ + "/output/r.pdf").find("Changes since"), std::string::npos);

  write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2023-07"));  // one date moves
  auto r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(rendered(r, "r.pdf"));
  std::string text = pdf_text(dir_ + "/output/r.pdf");
  EXPECT_NE(text.find("Changes since"), std::string::npos) << text;
  EXPECT_NE(text.find("July 2023"), std::string::npos) << text;

  EXPECT_EQ(rendered(build()), 0u) << "the snapshot does not make the report stale";
  r = build({"--force"});
  text = pdf_text(dir_ + "/output/r.pdf");
  EXPECT_NE(text.find("Changes since"), std::string::npos) << "kept after --force:\n" << text;
}

}  // namespace
}  // namespace briefing
