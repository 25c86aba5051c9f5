#include "regenerate/watcher.h"

#include <glib-unix.h>

#include <algorithm>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "base/c_handles.h"
#include "regenerate/build_file.h"
#include "regenerate/folder_events.h"
#include "regenerate/render_workers.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

std::string absolute_path(const std::string& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  return (error ? fs::path(path) : absolute).lexically_normal().string();
}

std::string clock_time() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%H:%M:%S", &local);
  return buffer;
}

class Watcher {
 public:
  Watcher(std::string build_file, const WatchOptions& options, std::ostream& out, std::ostream& err)
      : build_file_(std::move(build_file)), options_(options), out_(out), err_(err) {
    options_.build.terse = true;
    options_.build.quickest_first = true;
    // Warm workers render each save, unless the build names its own renderer.
    if (options_.build.renderer_command.empty()) {
      workers_ = std::make_unique<RenderWorkers>(this_program_worker_command(),
                                                 parallel_renders(options_.build));
      options_.build.workers = workers_.get();
    }
  }

  int run() {
    const MainLoopPtr loop(g_main_loop_new(nullptr, FALSE));
    const SourceId int_source(g_unix_signal_add(SIGINT, on_signal, loop.get()));
    const SourceId term_source(g_unix_signal_add(SIGTERM, on_signal, loop.get()));
    // Started now, so that they are warm by the first save even when the
    // first build finds everything up to date.
    if (workers_) workers_->start_all();
    build();
    g_main_loop_run(loop.get());
    out_ << "stopped watching" << std::endl;
    return 0;
  }

 private:
  static gboolean on_signal(gpointer loop) {
    g_main_loop_quit(static_cast<GMainLoop*>(loop));
    return G_SOURCE_CONTINUE;
  }

  static gboolean on_quiet(gpointer self) {
    auto* watcher = static_cast<Watcher*>(self);
    watcher->debounce_source_.release();  // it removes itself
    watcher->build();
    return G_SOURCE_REMOVE;
  }

  void changed(const std::string& path, FileEvent event) {
    if (path.empty()) {  // events were lost: anything may have changed
      changed_names_.insert(build_file_);
      still_writing_.insert(build_file_);
    } else {
      const auto it = watched_.find(path);
      if (it == watched_.end()) return;  // an output, a temp file, another file in the folder
      changed_names_.insert(it->second);
      if (event == FileEvent::writing) still_writing_.insert(path);
      if (event == FileEvent::complete) still_writing_.erase(path);
    }
    // Restart the quiet period: build once the burst of events is over, soon
    // when every file changed is complete (a metadata change after the last
    // write does not make it incomplete again).
    const unsigned quiet_ms = still_writing_.empty()
                                  ? std::min(options_.settled_ms, options_.debounce_ms)
                                  : options_.debounce_ms;
    debounce_source_.reset(g_timeout_add(quiet_ms, on_quiet, this));
  }

  void build() {
    if (!changed_names_.empty()) {
      out_ << clock_time() << " changed:";
      for (const auto& name : changed_names_) out_ << " " << name;
      out_ << std::endl;
      changed_names_.clear();
      still_writing_.clear();
    }
    const BuildFileLoad load = load_build_file(build_file_);
    if (load.ok()) {
      run_build(*load.build, options_.build, out_, err_);
    } else {
      err_ << load.report() << "errors in " << build_file_
           << "; nothing rendered, waiting for a fix" << std::endl;
    }
    watch(load);
  }

  /// Watches the folders of the build file and of every input it names.
  void watch(const BuildFileLoad& load) {
    std::vector<std::string> files{build_file_};
    if (load.ok()) {
      for (const auto& output : load.build->outputs) {
        for (auto& file : input_files(output)) files.push_back(std::move(file));
      }
    } else if (last_good_) {
      files = *last_good_;  // keep watching the data while the build file is broken
    }
    if (load.ok()) last_good_ = files;

    watched_.clear();
    std::set<std::string> folders;
    for (const auto& file : files) {
      const std::string absolute = absolute_path(file);
      watched_[absolute] = file;
      folders.insert(fs::path(absolute).parent_path().string());
    }
    for (const auto& [folder, why] : events_.watch(folders)) {
      if (warned_.insert(folder).second) {
        err_ << "warning: cannot watch " << folder << ": " << why << std::endl;
      }
    }
    if (!announced_) {
      out_ << "watching " << watched_.size() << " files in " << events_.size()
           << (events_.size() == 1 ? " folder" : " folders") << "; press Ctrl-C to stop"
           << std::endl;
      announced_ = true;
    }
  }

  std::string build_file_;
  WatchOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  FolderEvents events_{[this](const std::string& path, FileEvent event) { changed(path, event); }};
  std::set<std::string> warned_;                // folders that could not be watched, said once
  std::map<std::string, std::string> watched_;  // absolute path → path as given
  std::optional<std::vector<std::string>> last_good_;
  std::set<std::string> changed_names_;
  std::set<std::string> still_writing_;  // absolute paths whose last event was not a complete write
  SourceId debounce_source_;             // the pending build after a burst of events
  std::unique_ptr<RenderWorkers> workers_;  // nullptr: a process per render
  bool announced_ = false;
};

}  // namespace

int run_watch(const std::string& build_file, const WatchOptions& options, std::ostream& out,
              std::ostream& err) {
  Watcher watcher(build_file, options, out, err);
  return watcher.run();
}

}  // namespace briefing
