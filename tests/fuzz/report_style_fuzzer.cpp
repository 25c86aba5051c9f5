// libFuzzer target: any bytes as a report layout (layouts/briefing-*.toml).
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/report_style_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  briefing::Diagnostics diagnostics;
  const auto style = briefing::load_report_style_text(text, "fuzz.toml", diagnostics);
  const std::string report = briefing::format_diagnostics(diagnostics);
  if (style.has_value() == diagnostics.has_errors()) __builtin_trap();  // a style means no errors
  return 0;
}
