// The flattened device tree as Linux exposes it (sys/firmware/devicetree/
// base, also reachable as proc/device-tree): the few properties that
// identify a board without SMBIOS. ARM boards such as the Raspberry Pi
// describe themselves this way.

#ifndef HWFP_COLLECTORS_DEVICE_TREE_H_
#define HWFP_COLLECTORS_DEVICE_TREE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "collectors/root_fs.h"

namespace hwfp {

struct DeviceTree {
  // The folder read, under the root ("sys/firmware/devicetree/base").
  std::string folder;
  // /model and /serial-number, without their terminating NUL.
  std::optional<std::string> model;
  std::optional<std::string> serial_number;
  // /compatible's strings, most specific first.
  std::vector<std::string> compatible;
  // Each memory node ("memory", "memory@0") and its raw `reg` property:
  // big-endian base/size cells, as the firmware wrote them. Sorted by
  // node name.
  std::vector<std::pair<std::string, std::string>> memory_regs;
};

// Returns the strings of a device tree string-list property: NUL-separated,
// NUL-terminated; empty strings dropped. "a\0b\0" -> {"a", "b"}.
std::vector<std::string> DeviceTreeStrings(absl::string_view property);

// Resolves a link target found at `link` (a path under the root, such as
// "proc/device-tree") to a path under the root, without leaving it: an
// absolute target is taken from the root, ".." never climbs above it.
// ResolveUnderRoot("proc/device-tree", "../sys/firmware/devicetree/base")
//   == "sys/firmware/devicetree/base".
std::string ResolveUnderRoot(absl::string_view link, absl::string_view target);

// Returns the board's device tree: sys/firmware/devicetree/base when it is
// a folder, else wherever proc/device-tree points (a link, or a file
// holding the target in trees copied without links), else proc/device-tree
// itself when it is a folder (kernels before 3.15). Fails with kNotFound
// when the machine has none (x86, most VMs). Missing properties are left
// unset, never an error.
absl::StatusOr<DeviceTree> ReadDeviceTree(const RootFs& root);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_DEVICE_TREE_H_
