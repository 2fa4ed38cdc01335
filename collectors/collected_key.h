// One collected hardware-hash value and the note on where it came from.
// Collectors return this per key; CollectHardwareHash gathers them into a
// HardwareHash.

#ifndef HWFP_COLLECTORS_COLLECTED_KEY_H_
#define HWFP_COLLECTORS_COLLECTED_KEY_H_

#include <string>

namespace hwfp {

struct CollectedKey {
  // Empty when the source was missing or unreadable, as the reference
  // agent leaves it.
  std::string value;
  // What fed the value ("/etc/machine-id"), or why it is empty.
  std::string source;
};

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_COLLECTED_KEY_H_
