#include "regenerate/worker_protocol.h"

#include <cstdio>
#include <stdexcept>

namespace briefing {
namespace {

// A header line is short: a few decimal numbers.
constexpr size_t kMaxHeader = 64;

/// The numbers of the header line at the front of `buffer`, and where the
/// body starts; nullopt while the line is incomplete.
std::optional<std::pair<std::vector<unsigned long long>, size_t>> take_header(
    const std::string& buffer, size_t count, const char* what) {
  const size_t end = buffer.find('\n');
  if (end == std::string::npos) {
    if (buffer.size() > kMaxHeader) throw std::runtime_error(std::string("bad ") + what);
    return std::nullopt;
  }
  std::vector<unsigned long long> numbers;
  size_t at = 0;
  while (at < end) {
    size_t used = 0;
    const std::string rest = buffer.substr(at, end - at);
    unsigned long long value = 0;
    try {
      value = std::stoull(rest, &used);
    } catch (const std::exception&) {
      throw std::runtime_error(std::string("bad ") + what);
    }
    numbers.push_back(value);
    at += used;
    if (at < end && buffer[at] == ' ') ++at;
  }
  if (numbers.size() != count) throw std::runtime_error(std::string("bad ") + what);
  return std::make_pair(std::move(numbers), end + 1);
}

}  // namespace

std::string encode_job(const std::vector<std::string>& args) {
  std::string out = std::to_string(args.size()) + "\n";
  for (const auto& arg : args) {
    out += arg;
    out += '\0';
  }
  return out;
}

std::optional<std::vector<std::string>> take_job(std::string& buffer) {
  const auto header = take_header(buffer, 1, "job");
  if (!header) return std::nullopt;
  const size_t count = header->first[0];
  std::vector<std::string> args;
  size_t at = header->second;
  for (size_t i = 0; i < count; ++i) {
    const size_t end = buffer.find('\0', at);
    if (end == std::string::npos) return std::nullopt;
    args.push_back(buffer.substr(at, end - at));
    at = end + 1;
  }
  buffer.erase(0, at);
  return args;
}

std::string encode_reply(const WorkerReply& reply) {
  char header[kMaxHeader];
  std::snprintf(header, sizeof header, "%d %d %zu %zu\n",
                reply.exit_code < 0 ? 255 : reply.exit_code, reply.retiring ? 1 : 0,
                reply.out.size(), reply.err.size());
  return header + reply.out + reply.err;
}

std::optional<WorkerReply> take_reply(std::string& buffer) {
  const auto header = take_header(buffer, 4, "reply");
  if (!header) return std::nullopt;
  const auto& n = header->first;
  const size_t body = header->second;
  if (buffer.size() - body < n[2] + n[3]) return std::nullopt;
  WorkerReply reply;
  reply.exit_code = static_cast<int>(n[0]);
  reply.retiring = n[1] != 0;
  reply.out = buffer.substr(body, n[2]);
  reply.err = buffer.substr(body + n[2], n[3]);
  buffer.erase(0, body + n[2] + n[3]);
  return reply;
}

}  // namespace briefing
