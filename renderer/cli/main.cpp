// briefing: timeline graphics and briefing PDFs from a TOML dataset of dated events.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  briefing::cli::CommandIo io{std::cin, std::cout, std::cerr};
  return briefing::cli::run_cli(std::vector<std::string>(argv + 1, argv + argc), io);
}
