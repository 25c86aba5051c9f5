// Runs one command for the benchmark and reports what it cost, to the
// microsecond (GNU time prints CPU seconds to two decimals only, too coarse
// for 50 ms runs):
//
//   bench_run CPU_LIMIT_SECONDS REPORT_FILE COMMAND [ARG...]
//
// The command runs with RLIMIT_CPU = CPU_LIMIT_SECONDS (each process of its
// tree; SIGXCPU ends it) and its standard output and error as given. Then
// REPORT_FILE gets one line: "CPU_US MAXRSS_KB STATUS", CPU_US the user +
// system time of the command and of every descendant it waited for (wait4's
// rusage, as GNU time's %U + %S), MAXRSS_KB the peak resident set of the
// largest process of that tree (GNU time's %M), STATUS "exit N" or "signal N".
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench_run CPU_LIMIT_SECONDS REPORT_FILE COMMAND [ARG...]\n");
    return 2;
  }
  const rlim_t limit = static_cast<rlim_t>(std::strtoul(argv[1], nullptr, 10));
  const pid_t child = fork();
  if (child < 0) {
    std::perror("bench_run: fork");
    return 2;
  }
  if (child == 0) {
    const rlimit cpu{limit, limit + 5};
    setrlimit(RLIMIT_CPU, &cpu);
    execvp(argv[3], argv + 3);
    std::perror("bench_run: exec");
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) < 0) {
    std::perror("bench_run: wait4");
    return 2;
  }
  const long long cpu_us = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL +
                           usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
  FILE* report = std::fopen(argv[2], "w");
  if (!report) {
    std::perror("bench_run: report file");
    return 2;
  }
  if (WIFSIGNALED(status)) {
    std::fprintf(report, "%lld %ld signal %d\n", cpu_us, usage.ru_maxrss, WTERMSIG(status));
  } else {
    std::fprintf(report, "%lld %ld exit %d\n", cpu_us, usage.ru_maxrss, WEXITSTATUS(status));
  }
  std::fclose(report);
  return 0;
}
