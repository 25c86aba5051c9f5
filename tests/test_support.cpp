#include "test_support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace briefing::testing {
namespace {

std::string drain(int fd) {
  std::string out;
  char buffer[65536];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  return out;
}

struct TempDirs {
  std::vector<std::string> paths;
  ~TempDirs() {
    if (std::getenv("BRIEFING_KEEP_TEMP")) return;
    for (const auto& p : paths) {
      std::error_code ignored;
      std::filesystem::remove_all(p, ignored);
    }
  }
};

}  // namespace

std::string repo_path(const std::string& relative) {
  return std::string(BRIEFING_SOURCE_DIR) + "/" + relative;
}

CommandResult run_program(const std::vector<std::string>& argv) {
  // Capture to temp files rather than pipes: no deadlock on large outputs.
  char out_name[] = "/tmp/briefing-test-out-XXXXXX";
  char err_name[] = "/tmp/briefing-test-err-XXXXXX";
  const int out_fd = mkstemp(out_name);
  const int err_fd = mkstemp(err_name);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    const int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    std::vector<char*> c_args;
    for (const auto& a : argv) c_args.push_back(const_cast<char*>(a.c_str()));
    c_args.push_back(nullptr);
    execv(c_args[0], c_args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  lseek(out_fd, 0, SEEK_SET);
  lseek(err_fd, 0, SEEK_SET);
  result.out = drain(out_fd);
  result.err = drain(err_fd);
  close(out_fd);
  close(err_fd);
  unlink(out_name);
  unlink(err_name);
  return result;
}

CommandResult run_briefing(const std::vector<std::string>& args) {
  std::vector<std::string> argv{BRIEFING_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv);
}

std::string make_temp_dir() {
  static TempDirs dirs;
  std::string pattern = (std::filesystem::temp_directory_path() / "briefing-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dirs.paths.push_back(pattern);
  return pattern;
}

void write_file(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string one_item_dataset(const std::string& date) {
  return "[dataset]\ntitle = \"Fixture\"\npublisher = \"Test\"\npublished = \"2024\"\n"
         "language = \"en\"\n\n[[section]]\nid = \"1\"\ntitle = \"Laws\"\n\n"
         "[[item]]\nid = \"an-act\"\nsection = \"1\"\ntitle = \"An Act\"\nkind = \"law\"\n"
         "issuers = [\"Diet\"]\nsummary = \"An act.\"\nhighlight = true\n\n"
         "[[item.milestone]]\nlabel = \"enacted\"\ndate = \"" +
         date + "\"\n";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace briefing::testing

namespace briefing::testing {

::testing::AssertionResult has_error(const Diagnostics& diagnostics, int line, int column,
                                     const std::string& message, const std::string& hint) {
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity != Severity::error || d.range.line != line || d.range.column != column ||
        d.message != message) {
      continue;
    }
    if (!hint.empty() && (d.hints.empty() || d.hints.front() != hint)) {
      return ::testing::AssertionFailure()
             << "the error at " << line << ":" << column << " has the hint \""
             << (d.hints.empty() ? "" : d.hints.front()) << "\", not \"" << hint << "\"";
    }
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "no error " << line << ":" << column << " \"" << message << "\"; got:\n"
         << format_diagnostics(diagnostics);
}

}  // namespace briefing::testing
