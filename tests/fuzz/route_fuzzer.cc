// Fuzzes the /proc/net/route parser. Seeds: every host fixture's
// proc/net/route (tools/test-fuzz).

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "collectors/proc_net.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const hwfp::RouteTable table = hwfp::ParseRouteTable(text);
  volatile size_t sink = table.routes.size();
  for (const std::string& warning : table.warnings) sink = warning.size();
  // The primary-address rules run on whatever the file held.
  if (hwfp::FindDefaultRoute(table.routes) != nullptr) sink = 1;
  for (const hwfp::Ipv4Route& route : table.routes) {
    if (hwfp::FindSubnetRoute(table.routes, route.gateway) != nullptr) {
      sink = 2;
    }
  }
  (void)sink;
  return 0;
}
