// libFuzzer target: any bytes as a dataset file, through the loader and the
// compiler-style report (source lines and carets).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/dataset_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const briefing::DatasetLoad load = briefing::load_dataset_text(text, "fuzz.toml");
  const std::string report = load.report();
  if (load.ok() != !load.diagnostics.has_errors()) __builtin_trap();  // ok() means no errors
  return 0;
}
