// "-" on the command line: the dataset from standard input, the output to
// standard output (POSIX utility convention). One place decides, so that
// check, timeline and report treat "-" alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "load/dataset_loader.h"
#include "paint/document_writer.h"

namespace briefing::cli {

/// The name diagnostics give standard input.
inline constexpr const char* kStdinName = "<stdin>";

inline bool is_standard_stream(const std::string& path) { return path == "-"; }

/// Loads the dataset `path`, or reads it from io.in when `path` is "-".
/// Standard input is read once: a second "-" in the same command is a usage error
/// the caller must catch first.
DatasetLoad load_dataset_argument(const std::string& path, CommandIo& io);

/// The output's format: --format when given (png, svg, pdf), else from the
/// file name's extension. Throws UsageError when neither says, naming both ways.
OutputFormat output_format(const std::string& path, const std::string& format_option);

/// Writes rendered bytes: to io.out for "-" (all at once, after rendering is
/// done, so a failed render writes nothing), else atomically replacing `path`.
void write_output(const std::string& path, std::string_view bytes, CommandIo& io);

/// The --format option, for the commands that take it: `formats` such as {"png", "svg", "pdf"}.
OptionSpec format_option_spec(const std::vector<std::string>& formats);

}  // namespace briefing::cli
