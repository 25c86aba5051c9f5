#include "base/file_io.h"
#include "regenerate/builder.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "regenerate/build_lock.h"
#include "regenerate/input_hash.h"
#include "regenerate/job_runner.h"
#include "regenerate/manifest.h"
#include "load/dataset_loader.h"
#include "base/atomic_file.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string command_line(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& arg : argv) {
    if (!line.empty()) line += ' ';
    const bool plain = !arg.empty() && arg.find_first_of(" \t\"'\\$*?;&|<>()") == std::string::npos;
    line += plain ? arg : "'" + arg + "'";
  }
  return line;
}

/// Loads each dataset once, before any render, so that an error is printed
/// once rather than by every output that reads the file. Returns the files with errors.
std::set<std::string> check_datasets(const BuildFile& build, std::ostream& err) {
  std::set<std::string> checked, broken;
  for (const auto& output : build.outputs) {
    for (const std::string& relative : {output.data, output.compare_with}) {
      if (relative.empty()) continue;
      const std::string file = output.file(relative);
      if (!checked.insert(file).second) continue;
      const DatasetLoad load = load_dataset_file(file);
      if (!load.ok()) {
        err << load.report();
        broken.insert(file);
      }
    }
  }
  return broken;
}

/// The snapshots of one output's dataset for compare_with_previous.
struct History {
  std::string rendered;  // the data of its last successful render
  std::string base;      // what its change page compares with
};

History history_of(const BuildFile& build, const OutputSpec& output) {
  std::string key = output.path;
  for (char& c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
  }
  const auto folder = fs::path(build.manifest_path).parent_path() / ".briefing-history";
  return {(folder / (key + ".rendered.toml")).string(), (folder / (key + ".base.toml")).string()};
}

/// Moves the history on if the data changed since the last render; returns
/// the extra render arguments and, in `snapshot`, the data to record on success.
std::vector<std::string> prepare_history(const BuildFile& build, const OutputSpec& output,
                                         std::string& snapshot) {
  const History history = history_of(build, output);
  const auto current = read_text_file(output.file(output.data));
  const auto rendered = read_text_file(history.rendered);
  snapshot = current.value_or("");
  if (current && rendered && *rendered != *current) {
    write_file_atomically(history.base, *rendered);
  }
  if (!fs::exists(history.base)) return {};
  return {"--compare-with", history.base};
}

}  // namespace

std::string format_seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
  return buffer;
}

std::string BuildSummary::describe() const {
  const size_t total = rendered + up_to_date + failed;
  std::string text = std::to_string(total) + (total == 1 ? " output: " : " outputs: ") +
                     std::to_string(rendered) + " rendered, " + std::to_string(up_to_date) +
                     " up to date";
  if (failed > 0) text += ", " + std::to_string(failed) + " failed";
  return text + " (" + format_seconds(seconds) + ")";
}

BuildSummary run_build(const BuildFile& build, const BuildOptions& options, std::ostream& out,
                       std::ostream& err) {
  const auto start = Clock::now();
  const bool quiet = options.verbosity == Verbosity::quiet;
  const bool verbose = options.verbosity == Verbosity::verbose;
  std::vector<std::string> renderer = options.renderer_command;
  if (renderer.empty()) renderer = {current_executable()};

  // Held from the manifest's read to its last write, so that a second build
  // decides from what the first one left, never from what it read before.
  const BuildLock lock(build.manifest_path, [&] {
    if (!quiet) out << "waiting for another build of " << build.manifest_path << std::endl;
  });
  if (!lock.held()) {
    err << "warning: " << lock.error()
        << "; building unlocked, a build of the same manifest at the same time may make it stale\n";
  }

  BuildSummary summary;
  Manifest manifest = read_manifest(build.manifest_path);
  const std::string environment = environment_digest(renderer);
  const std::set<std::string> broken = check_datasets(build, err);

  std::vector<Job> jobs;
  std::vector<const OutputSpec*> job_outputs;
  std::vector<std::string> job_fingerprints;
  std::vector<std::string> job_snapshots;  // compare_with_previous: the data rendered
  for (const auto& output : build.outputs) {
    const std::string file = output.output_file();
    const bool data_broken = broken.count(output.file(output.data)) ||
                             (!output.compare_with.empty() &&
                              broken.count(output.file(output.compare_with)));
    if (data_broken) {
      ++summary.failed;
      err << "failed " << file << ": errors in its data; the previous file is kept\n";
      continue;
    }
    const std::string fingerprint = output_fingerprint(output, environment);
    if (!options.force && manifest.up_to_date(output.path, file, fingerprint)) {
      ++summary.up_to_date;
      if (!quiet && !options.terse) out << "up to date " << file << "\n";
      continue;
    }
    Job job{renderer};
    for (auto& arg : render_arguments(output)) job.argv.push_back(std::move(arg));
    std::string snapshot;
    if (output.compare_with_previous) {
      fs::create_directories(fs::path(history_of(build, output).base).parent_path());
      for (auto& arg : prepare_history(build, output, snapshot)) job.argv.push_back(std::move(arg));
    }
    jobs.push_back(std::move(job));
    job_outputs.push_back(&output);
    job_fingerprints.push_back(fingerprint);
    job_snapshots.push_back(std::move(snapshot));
  }
  out.flush();

  std::map<std::string, std::string> printed_errors;  // a failed render's messages → its output
  const int parallel = options.jobs > 0 ? options.jobs : available_cores();
  run_jobs(
      jobs, parallel,
      [&](size_t index) {
        const OutputSpec& output = *job_outputs[index];
        std::error_code ignored;  // the renderer reports a folder it cannot write in
        const auto folder = std::filesystem::path(output.output_file()).parent_path();
        if (!folder.empty()) std::filesystem::create_directories(folder, ignored);
        if (verbose) out << "$ " << command_line(jobs[index].argv) << std::endl;
      },
      [&](size_t index, const JobResult& result) {
        const OutputSpec& output = *job_outputs[index];
        const std::string file = output.output_file();
        const bool written = result.ok() && std::filesystem::exists(file);
        if (written) {
          ++summary.rendered;
          manifest.record(output.path, file, job_fingerprints[index]);
          try {
            if (output.compare_with_previous) {
              write_file_atomically(history_of(build, output).rendered, job_snapshots[index]);
            }
          } catch (const std::exception& error) {
            err << "warning: cannot keep the data of " << file << " for its next change page: "
                << error.what() << "\n";
          }
          if (!quiet) out << "rendered " << file << "  " << format_seconds(result.seconds) << "\n";
          if (verbose) out << result.out;
          if (!quiet) err << result.err;  // warnings, e.g. omitted items
        } else {
          ++summary.failed;
          manifest.forget(output.path);
          err << "failed " << file << " ("
              << (result.ok() ? "no file written" : result.describe_failure()) << ")  "
              << format_seconds(result.seconds) << "\n";
          // Outputs of one dataset and layout often fail alike: say it once.
          const auto same = printed_errors.find(result.err);
          if (!result.err.empty() && same != printed_errors.end()) {
            err << "  (the same messages as for " << same->second << ")\n";
          } else if (!result.err.empty()) {
            err << result.err;
            printed_errors.emplace(result.err, file);
          }
          if (verbose) out << result.out;
        }
        out.flush();
        err.flush();
        // After each output, so that an interrupted build keeps what it did.
        try {
          write_manifest(build.manifest_path, manifest);
        } catch (const std::exception& error) {
          err << "warning: cannot write the manifest: " << error.what() << "\n";
        }
      });

  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!quiet) {
    out << summary.describe() << "\n";
  } else if (!summary.ok()) {
    err << summary.describe() << "\n";  // --quiet: errors only
  }
  out.flush();
  return summary;
}

}  // namespace briefing
