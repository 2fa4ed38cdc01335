// Parsers for the two /proc/net files that describe IPv4 on Linux:
// `route` (the main routing table) and `fib_trie` (every address the
// kernel knows, local ones marked "/32 host LOCAL"). Pure text in, data
// out; a line that does not parse becomes a warning, never an error.

#ifndef HWFP_COLLECTORS_PROC_NET_H_
#define HWFP_COLLECTORS_PROC_NET_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "collectors/network_rules.h"

namespace hwfp {

struct RouteTable {
  std::vector<Ipv4Route> routes;
  std::vector<std::string> warnings;  // "line 3: ..."
};

// Parses /proc/net/route. The kernel prints each address as the host's
// 32-bit integer in hex (%08X of a network-order value), so on the
// little-endian machines hwfp runs on, "0101A8C0" is 192.168.1.1; the
// bytes are read back in this host's order, which is the order of the
// kernel that wrote the file.
RouteTable ParseRouteTable(absl::string_view text);

// Returns the local IPv4 addresses in /proc/net/fib_trie (leaves followed
// by a "/32 host LOCAL" line), sorted and without duplicates: the kernel
// prints the same leaf once per table (Main, Local, ...). 127.0.0.0/8
// addresses are included; callers skip them.
std::vector<Ipv4> ParseFibTrieLocalAddresses(absl::string_view text);

// Parses "a.b.c.d"; returns false for anything else.
bool ParseIpv4(absl::string_view text, Ipv4* address);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_PROC_NET_H_
