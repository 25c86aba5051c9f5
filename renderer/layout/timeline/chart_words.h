// Words the timeline draws that stand for an internal marker: the NEW and
// CHANGED badges (entries.h's tag_for gives "NEW" or "CHANGED"), in the
// document's language (text/messages.h).
#pragma once

#include <string>

#include "text/messages.h"

namespace briefing::timeline_detail {

/// The badge's text for a tag from tag_for ("NEW" → "NEW", "新規"); empty for none.
inline std::string badge_text(const std::string& tag) {
  if (tag == "NEW") return document_messages().get("timeline.badge_new");
  if (tag == "CHANGED") return document_messages().get("timeline.badge_changed");
  return tag;
}

}  // namespace briefing::timeline_detail
