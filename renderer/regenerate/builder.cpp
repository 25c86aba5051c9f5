#include "regenerate/builder.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "load/dataset_loader.h"
#include "regenerate/build_lock.h"
#include "regenerate/history.h"
#include "regenerate/input_hash.h"
#include "regenerate/job_runner.h"
#include "regenerate/manifest.h"
#include "regenerate/output_fonts.h"
#include "regenerate/render_workers.h"
#include "regenerate/writable_folder.h"
#include "text/glyph_coverage.h"
#include "text/layout_fonts.h"

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
  // The glyph check sees every layout's own fonts: a house face may draw a
  // script the bundled ones do not. Each render checks again with its own.
  std::vector<FontRequest> fonts;
  for (const auto& output : build.outputs) {
    for (FontRequest& request : output_font_requests(output)) fonts.push_back(std::move(request));
  }
  if (!fonts.empty()) {
    std::vector<const FontRequest*> requests;
    for (const FontRequest& request : fonts) requests.push_back(&request);
    Diagnostics ignored;  // a layout's errors are its render's to report
    use_layout_fonts(requests, ignored);
  }
  for (const auto& output : build.outputs) {
    for (const std::string& relative : {output.data, output.compare_with}) {
      if (relative.empty()) continue;
      const std::string file = output.file(relative);
      if (!checked.insert(file).second) continue;
      try {
        DatasetLoad load = load_dataset_file(file);
        require_drawable_text(load);
        if (load.ok()) continue;
        err << load.report();
      } catch (const std::exception& error) {  // a bug, but one dataset's only
        err << file << ": error: cannot load it: " << error.what() << "\n";
      }
      broken.insert(file);
    }
  }
  return broken;
}

/// What a render needs once it has finished.
struct PendingRender {
  const OutputSpec* output;
  std::string fingerprint;
  std::string snapshot;  // compare_with_previous: the data rendered
};

/// The job that renders one output, or why it cannot start.
struct Preparation {
  Job job;
  std::string snapshot;  // compare_with_previous: the data it renders
  std::string error;     // its folder or its history cannot be written; "" if it can start
};

Preparation prepare_render(const BuildFile& build, const OutputSpec& output,
                           const std::vector<std::string>& renderer) {
  Preparation prepared{{renderer}, "", ""};
  prepared.error = writable_folder_error(fs::path(output.output_file()).parent_path().string());
  if (!prepared.error.empty()) return prepared;
  for (auto& arg : render_arguments(output)) prepared.job.argv.push_back(std::move(arg));
  if (output.compare_with_previous) {
    HistoryPreparation history = prepare_history(build, output);
    prepared.error = std::move(history.error);
    for (auto& arg : history.render_arguments) prepared.job.argv.push_back(std::move(arg));
    prepared.snapshot = std::move(history.snapshot);
  }
  return prepared;
}

/// Outputs that would render the same chart, each into its own file, share a
/// key: the job's arguments without its output file. Only timelines (a
/// report is one file) and only without a history (its arguments name the
/// output's own files). nullopt: the output gets a job of its own.
std::optional<std::vector<std::string>> chart_key(const OutputSpec& output, const Job& job) {
  if (output.kind != OutputKind::timeline || output.compare_with_previous) return std::nullopt;
  std::vector<std::string> key = job.argv;
  // render_arguments(): KIND DATA -o OUT ...; after the renderer's own words.
  const auto out = std::find(key.begin(), key.end(), "-o");
  if (out == key.end() || out + 1 == key.end()) return std::nullopt;
  key.erase(out, out + 2);
  return key;
}

/// Adds the output file of `single` (its -o OUT) to `shared`, after the -o
/// options it has.
void add_output_file(Job& shared, const Job& single) {
  const auto out = std::find(single.argv.begin(), single.argv.end(), "-o");
  auto at = std::find(shared.argv.begin(), shared.argv.end(), "-o");
  while (at != shared.argv.end() && *at == "-o" && at + 1 != shared.argv.end()) at += 2;
  shared.argv.insert(at, {"-o", *(out + 1)});
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

int parallel_renders(const BuildOptions& options) {
  return options.jobs > 0 ? options.jobs : available_cores();
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
  // Files unchanged since the last build (same stat fields) are not read again.
  remember_file_digests(manifest.files);
  const std::string environment = environment_digest(renderer);
  const std::set<std::string> broken = check_datasets(build, err);

  // One job per chart: outputs that differ only in their file share a job
  // (see chart_key), so that the chart is laid out once for all its formats.
  std::vector<Job> jobs;
  std::vector<std::vector<PendingRender>> pending;  // the outputs of each job
  std::map<std::vector<std::string>, size_t> job_of_chart;
  for (const auto& output : build.outputs) {
    const std::string file = output.output_file();
    const bool data_broken =
        broken.count(output.file(output.data)) ||
        (!output.compare_with.empty() && broken.count(output.file(output.compare_with)));
    if (data_broken) {
      ++summary.failed;
      err << "failed " << file << ": errors in its data; the previous file is kept\n";
      continue;
    }
    // One output's trouble (a folder it cannot write in, a file that cannot
    // be read) is its failure only: the others are still built.
    std::string error;
    try {
      const std::string fingerprint = output_fingerprint(output, environment);
      if (!options.force && manifest.up_to_date(output.path, file, fingerprint)) {
        ++summary.up_to_date;
        if (!quiet && !options.terse) out << "up to date " << file << "\n";
        continue;
      }
      Preparation prepared = prepare_render(build, output, renderer);
      if (prepared.error.empty()) {
        PendingRender render{&output, fingerprint, std::move(prepared.snapshot)};
        const auto key = chart_key(output, prepared.job);
        const auto same = key ? job_of_chart.find(*key) : job_of_chart.end();
        if (same != job_of_chart.end()) {
          add_output_file(jobs[same->second], prepared.job);
          pending[same->second].push_back(std::move(render));
          continue;
        }
        if (key) job_of_chart.emplace(*key, jobs.size());
        jobs.push_back(std::move(prepared.job));
        pending.push_back({});
        pending.back().push_back(std::move(render));
        continue;
      }
      error = std::move(prepared.error);
    } catch (const std::exception& exception) {
      error = exception.what();
    }
    ++summary.failed;
    err << "failed " << file << ": " << error << "; the previous file is kept\n";
  }
  out.flush();
  err.flush();

  // Last render times (s) by output path, kept by a long-lived process (watch).
  static std::map<std::string, double> last_seconds;
  if (options.quickest_first) {
    std::vector<size_t> order(jobs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    // Until every job has a time of its own (the watch's first renders), all
    // are ranked by a guess instead, in units of one timeline: a report lays
    // out a timeline figure and pages of text besides; each further file of
    // a chart is only painted.
    const bool all_timed = std::all_of(pending.begin(), pending.end(), [&](const auto& renders) {
      return std::any_of(renders.begin(), renders.end(), [&](const PendingRender& render) {
        return last_seconds.count(render.output->path) > 0;
      });
    });
    auto seconds_of = [&](size_t i) {
      double seconds = 0;
      for (const PendingRender& render : pending[i]) {
        const auto it = last_seconds.find(render.output->path);
        if (!all_timed) {
          const bool report = render.output->kind == OutputKind::report;
          seconds += report ? 2.0 : &render == &pending[i].front() ? 1.0 : 0.3;
        } else if (it != last_seconds.end()) {
          seconds = std::max(seconds, it->second);
        }
      }
      return seconds;
    };
    // The quickest first: the first new file is on disk soonest. Then the
    // longest first, so that the last one ends soonest on the cores there are
    // (longest processing time first: the long ones do not start last, alone).
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return seconds_of(a) < seconds_of(b); });
    if (order.size() > 2) {
      std::stable_sort(order.begin() + 1, order.end(),
                       [&](size_t a, size_t b) { return seconds_of(a) > seconds_of(b); });
    }
    std::vector<Job> sorted_jobs;
    std::vector<std::vector<PendingRender>> sorted_pending;
    for (size_t i : order) {
      sorted_jobs.push_back(std::move(jobs[i]));
      sorted_pending.push_back(std::move(pending[i]));
    }
    jobs = std::move(sorted_jobs);
    pending = std::move(sorted_pending);
  }

  std::map<std::string, std::string> printed_errors;  // a failed render's messages → its output
  bool manifest_warned = false;
  const auto on_start = [&](size_t index) {
    if (verbose) out << "$ " << command_line(jobs[index].argv) << std::endl;
  };
  const auto on_finish = [&](size_t index, const JobResult& result) {
    for (const PendingRender& render : pending[index]) {
      const OutputSpec& output = *render.output;
      const std::string file = output.output_file();
      last_seconds[output.path] = result.seconds;
      std::error_code unreadable;
      const bool written = result.ok() && fs::exists(file, unreadable);
      if (written) {
        ++summary.rendered;
        manifest.record(output.path, file, render.fingerprint);
        if (output.compare_with_previous) {
          const std::string error = record_history(build, output, render.snapshot);
          if (!error.empty()) {
            err << "warning: cannot keep the data of " << file
                << " for its next change page: " << error << "\n";
          }
        }
        if (!quiet) out << "rendered " << file << "  " << format_seconds(result.seconds) << "\n";
        // What the job printed, once for all its outputs.
        if (verbose && &render == &pending[index].back()) out << result.out;
        if (!quiet && &render == &pending[index].back()) err << result.err;  // warnings
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
        if (verbose && &render == &pending[index].back()) out << result.out;
      }
    }
    out.flush();
    err.flush();
    // After each output, so that an interrupted build keeps what it did.
    manifest.files = known_file_digests();
    try {
      write_manifest(build.manifest_path, manifest);
    } catch (const std::exception& error) {
      if (!manifest_warned) {
        err << "warning: cannot write the manifest: " << error.what() << "\n";
      }
      manifest_warned = true;
    }
  };
  const int parallel = parallel_renders(options);
  // More renders than run at once: warm workers, so that a worker's second
  // render does not pay for a new process (dynamic linking, Fontconfig,
  // fonts, hyphenation patterns: 80–210 M instructions). A renderer named by
  // the caller is run as it is, one process per render.
  std::unique_ptr<RenderWorkers> own_workers;
  RenderWorkers* workers = options.workers;
  if (!workers && options.renderer_command.empty() && jobs.size() > static_cast<size_t>(parallel)) {
    own_workers = std::make_unique<RenderWorkers>(this_program_worker_command(), parallel);
    workers = own_workers.get();
    if (verbose) {
      out << "(" << jobs.size() << " renders on " << parallel << " warm render "
          << (parallel == 1 ? "process" : "processes") << ")" << std::endl;
    }
  }
  if (workers) {
    // The same jobs without the program: a worker runs the command line itself.
    std::vector<Job> commands;
    for (const Job& job : jobs) {
      commands.push_back({std::vector<std::string>(
          job.argv.begin() + static_cast<long>(renderer.size()), job.argv.end())});
    }
    workers->use_environment(environment);
    const auto timeout = [&](size_t index) {
      // A one-off build waits for its renders as a process per render would.
      if (own_workers) return 0.0;
      double known = 0;
      for (const PendingRender& render : pending[index]) {
        const auto it = last_seconds.find(render.output->path);
        if (it != last_seconds.end()) known = std::max(known, it->second);
      }
      if (options.first_render_timeout <= 0) return 0.0;
      return known > 0 ? std::max(60.0, 20 * known) : options.first_render_timeout;
    };
    workers->run(commands, timeout, on_start, on_finish);
  } else {
    run_jobs(jobs, parallel, on_start, on_finish);
  }

  // A build that rendered nothing still keeps the digests it took.
  if (jobs.empty()) {
    auto stamps = known_file_digests();
    if (stamps.size() != manifest.files.size() ||
        !std::equal(stamps.begin(), stamps.end(), manifest.files.begin(),
                    [](const auto& a, const auto& b) {
                      return a.first == b.first && a.second.same_file_as(b.second) &&
                             a.second.sha256 == b.second.sha256;
                    })) {
      manifest.files = std::move(stamps);
      try {
        write_manifest(build.manifest_path, manifest);
      } catch (const std::exception&) {
        // Only a cache: the next build reads the files again.
      }
    }
  }
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
