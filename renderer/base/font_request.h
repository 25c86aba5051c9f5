// The fonts a layout asks for: font folders and files (paths already
// resolved against the layout's own folder), the machine's fonts when it
// says `system = true`, and the families its text roles name, each with
// where it stands, so that a family no font has is an error at its name.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/source.h"

namespace briefing {

struct FontRequest {
  SourceRef source;  // the layout file, for errors
  /// Font folders and files, with where each was named.
  std::vector<std::pair<std::string, SourceRange>> paths;
  bool system = false;
  /// Every family the layout names, with where.
  std::vector<std::pair<std::string, SourceRange>> families;
};

}  // namespace briefing
