// /proc/net/route and /proc/net/fib_trie parsers.

#include "collectors/proc_net.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace hwfp {
namespace {

// Columns of /proc/net/route, fixed since Linux 2.2.
enum RouteColumn {
  kIface = 0,
  kDestination = 1,
  kGateway = 2,
  kFlags = 3,
  kMetric = 6,
  kMask = 7,
  kMinimumColumns = 8,
};

// "0101A8C0" -> 192.168.1.1 on a little-endian host (see header).
bool ParseRouteAddress(absl::string_view hex, Ipv4* address) {
  uint32_t printed = 0;
  if (hex.size() != 8 || !absl::SimpleHexAtoi(hex, &printed)) return false;
  unsigned char octets[4];
  std::memcpy(octets, &printed, sizeof(octets));
  *address = (Ipv4{octets[0]} << 24) | (Ipv4{octets[1]} << 16) |
             (Ipv4{octets[2]} << 8) | Ipv4{octets[3]};
  return true;
}

}  // namespace

bool ParseIpv4(absl::string_view text, Ipv4* address) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '.');
  if (parts.size() != 4) return false;
  Ipv4 value = 0;
  for (absl::string_view part : parts) {
    uint32_t octet = 0;
    if (part.empty() || part.size() > 3 ||
        !std::all_of(part.begin(), part.end(), absl::ascii_isdigit) ||
        !absl::SimpleAtoi(part, &octet) || octet > 255) {
      return false;
    }
    value = (value << 8) | octet;
  }
  *address = value;
  return true;
}

RouteTable ParseRouteTable(absl::string_view text) {
  RouteTable table;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    // The kernel pads every line with spaces to 127 characters.
    const std::vector<absl::string_view> columns =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (columns.empty()) continue;
    if (line_number == 1 && columns[0] == "Iface") continue;

    if (columns.size() < kMinimumColumns) {
      table.warnings.push_back(absl::StrCat("line ", line_number, ": ",
                                            columns.size(), " columns, not ",
                                            int{kMinimumColumns}));
      continue;
    }
    Ipv4Route route;
    route.interface = std::string(columns[kIface]);
    if (!ParseRouteAddress(columns[kDestination], &route.destination) ||
        !ParseRouteAddress(columns[kGateway], &route.gateway) ||
        !ParseRouteAddress(columns[kMask], &route.mask) ||
        !absl::SimpleHexAtoi(columns[kFlags], &route.flags) ||
        !absl::SimpleAtoi(columns[kMetric], &route.metric)) {
      table.warnings.push_back(
          absl::StrCat("line ", line_number, ": malformed route"));
      continue;
    }
    table.routes.push_back(std::move(route));
  }
  return table;
}

std::vector<Ipv4> ParseFibTrieLocalAddresses(absl::string_view text) {
  std::vector<Ipv4> addresses;
  // The leaf ("|-- 10.0.0.42") the following "/32 host LOCAL" lines
  // describe; cleared by anything else so a stray line is not misread.
  bool have_leaf = false;
  Ipv4 leaf = 0;

  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (absl::StartsWith(trimmed, "|-- ")) {
      have_leaf = ParseIpv4(trimmed.substr(4), &leaf);
      continue;
    }
    if (!trimmed.empty() && trimmed.front() == '/') {
      if (!have_leaf) continue;
      const std::vector<absl::string_view> words =
          absl::StrSplit(trimmed, ' ', absl::SkipEmpty());
      if (words.size() >= 3 && words[0] == "/32" && words[1] == "host" &&
          words.back() == "LOCAL") {
        addresses.push_back(leaf);
      }
      continue;
    }
    have_leaf = false;
  }

  std::sort(addresses.begin(), addresses.end());
  addresses.erase(std::unique(addresses.begin(), addresses.end()),
                  addresses.end());
  return addresses;
}

}  // namespace hwfp
