// Fuzzes the /proc/net/fib_trie parser and the dotted-quad reader it
// uses. Seeds: every host fixture's proc/net/fib_trie (tools/test-fuzz).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "absl/strings/string_view.h"
#include "collectors/proc_net.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<hwfp::Ipv4> addresses =
      hwfp::ParseFibTrieLocalAddresses(text);
  // Promised: sorted, no duplicates.
  for (size_t i = 1; i < addresses.size(); ++i) {
    if (!(addresses[i - 1] < addresses[i])) std::abort();
  }
  hwfp::Ipv4 address = 0;
  (void)hwfp::ParseIpv4(text.substr(0, 32), &address);

  // Any address printed and read back is the same address.
  if (size >= 4) {
    const hwfp::Ipv4 x = (hwfp::Ipv4{data[0]} << 24) | (data[1] << 16) |
                         (data[2] << 8) | data[3];
    hwfp::Ipv4 back = 0;
    if (!hwfp::ParseIpv4(hwfp::FormatIpv4(x), &back) || back != x) {
      std::abort();
    }
  }
  return 0;
}
