// briefing build [FILE]: renders every output of a build file whose inputs changed.
#include <iostream>

#include "regenerate/build_file.h"
#include "regenerate/builder.h"
#include "cli/build_arguments.h"
#include "cli/command.h"

namespace briefing::cli {
namespace {

int run_build_command(const std::vector<std::string>& args) {
  const BuildArguments arguments = parse_build_arguments(args, /*allow_force=*/true);
  const std::string& file = arguments.file;
  const BuildFileLoad load = load_build_file(file);
  std::cerr << load.report();
  if (!load.ok()) {
    const size_t errors = load.diagnostics.error_count();
    std::cerr << errors << (errors == 1 ? " error" : " errors") << " in " << file
              << "; nothing rendered\n";
    return kExitDataError;
  }
  const BuildSummary summary = run_build(*load.build, arguments.options, std::cout, std::cerr);
  return summary.ok() ? kExitOk : kExitDataError;
}

const CommandRegistration registration{{
    "build",
    "render every output of a build file that is out of date (default)",
    "Usage: briefing build [FILE] [--force] [--jobs N] [--quiet | --verbose]\n"
    "       briefing                 (the same with ./briefing.toml)\n\n"
    "Renders the outputs listed in FILE (default: briefing.toml), each in its own\n"
    "process, several at once. An output whose inputs (dataset, layout, fonts,\n"
    "options, program) are unchanged since its last render is not rendered again;\n"
    "the manifest that records this is output/.briefing-manifest.json.\n\n"
    "  -f, --force      render every output, even those up to date\n"
    "  -j, --jobs N     render N outputs at once (default: the number of cores)\n"
    "  -q, --quiet      print only errors\n"
    "  -v, --verbose    also print each renderer's command line and output\n\n"
    "A failed output keeps its previous file and does not stop the others.\n"
    "Exit status: 0 all outputs rendered or up to date, 1 some failed or the build\n"
    "file has errors, 2 bad usage.\n",
    run_build_command,
}};

}  // namespace
}  // namespace briefing::cli
