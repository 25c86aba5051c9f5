#include "regenerate/folder_events.h"

#include <glib-unix.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace briefing {
namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                           IN_MODIFY | IN_ATTRIB | IN_ONLYDIR;

FileEvent event_kind(uint32_t mask) {
  if (mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) return FileEvent::complete;
  if (mask == IN_ATTRIB) return FileEvent::attributes;
  return FileEvent::writing;
}

}  // namespace

FolderEvents::FolderEvents(std::function<void(const std::string&, FileEvent)> on_event)
    : on_event_(std::move(on_event)), fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
  if (!fd_) throw std::runtime_error(std::string("inotify_init1: ") + std::strerror(errno));
  source_.reset(g_unix_fd_add(fd_.get(), G_IO_IN, on_readable, this));
}

std::map<std::string, std::string> FolderEvents::watch(const std::set<std::string>& folders) {
  for (auto it = folder_of_watch_.begin(); it != folder_of_watch_.end();) {
    if (folders.count(it->second)) {
      ++it;
      continue;
    }
    inotify_rm_watch(fd_.get(), it->first);
    it = folder_of_watch_.erase(it);
  }
  std::map<std::string, std::string> problems;
  for (const auto& folder : folders) {
    // Watching a folder twice gives its descriptor again: nothing changes.
    const int watch = inotify_add_watch(fd_.get(), folder.c_str(), kMask);
    if (watch < 0) {
      problems[folder] = std::strerror(errno);
      continue;
    }
    folder_of_watch_[watch] = folder;
  }
  return problems;
}

gboolean FolderEvents::on_readable(gint, GIOCondition, gpointer self) {
  static_cast<FolderEvents*>(self)->read_events();
  return G_SOURCE_CONTINUE;
}

void FolderEvents::read_events() {
  // Aligned for struct inotify_event; room for many events at once.
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    const ssize_t n = read(fd_.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        on_event_("", FileEvent::writing);
        continue;
      }
      const auto folder = folder_of_watch_.find(event->wd);
      if (folder == folder_of_watch_.end()) continue;
      if (event->mask & IN_IGNORED) {  // the folder went away: watch() adds it again
        folder_of_watch_.erase(folder);
        continue;
      }
      if (event->len == 0) continue;  // the folder itself
      on_event_(folder->second + "/" + event->name, event_kind(event->mask & ~IN_ISDIR));
    }
  }
}

}  // namespace briefing
