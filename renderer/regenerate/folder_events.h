// File events in a set of folders, from Linux inotify, read on the calling
// thread's GLib main loop: no helper thread and no batching, so that a save
// reaches `briefing watch` within a millisecond (GIO's file monitors took
// 50–70 ms, and woke the process ten times a second while idle).
#pragma once

#include <glib.h>

#include <functional>
#include <map>
#include <set>
#include <string>

#include "base/c_handles.h"

namespace briefing {

enum class FileEvent {
  complete,    // renamed into place, or closed after writing: as it will be
  writing,     // created, written, renamed away or deleted: more may follow
  attributes,  // only its metadata (chmod, touch): the bytes are as they were
};

class FolderEvents {
 public:
  /// `on_event(absolute_path, event)` is called from the default main
  /// context for every event on a file in a watched folder; after a lost
  /// batch of events (the kernel's queue overflowed) it is called once with
  /// an empty path and FileEvent::writing.
  explicit FolderEvents(std::function<void(const std::string&, FileEvent)> on_event);
  FolderEvents(const FolderEvents&) = delete;
  FolderEvents& operator=(const FolderEvents&) = delete;

  /// Watches exactly `folders` (absolute paths): stops watching the others.
  /// Returns, for each folder that cannot be watched, why.
  std::map<std::string, std::string> watch(const std::set<std::string>& folders);

  size_t size() const { return folder_of_watch_.size(); }

 private:
  static gboolean on_readable(gint fd, GIOCondition condition, gpointer self);
  void read_events();

  std::function<void(const std::string&, FileEvent)> on_event_;
  UniqueFd fd_;
  SourceId source_;
  std::map<int, std::string> folder_of_watch_;  // inotify watch descriptor → folder
};

}  // namespace briefing
