// The public entry point of //collectors: collect a machine's hardware
// hash, the nine values the reference agent stores, each with a note on
// its source.
//
//   hwfp::CollectOptions options;  // root "/": this machine.
//   absl::StatusOr<hwfp::HardwareHash> hash =
//       hwfp::CollectHardwareHash(options);
//   if (!hash.ok()) return hash.status();  // The root is unusable.
//   std::string id = hash->values.at(hwfp::kMachineIdKey);

#ifndef HWFP_COLLECTORS_COLLECT_H_
#define HWFP_COLLECTORS_COLLECT_H_

#include <string>

#include "absl/status/statusor.h"
#include "collectors/hardware_hash.h"

namespace hwfp {

struct CollectOptions {
  // Every file is read under this folder: "/" for the live system, a copy
  // of a machine's tree (etc/, proc/, sys/, dev/) in tests.
  std::string root = "/";
};

// Returns all nine keys of the platform, each with its source. A key whose
// source is missing or unreadable has an empty value and the reason in
// `sources`; that is not an error. Fails only when `options.root` is not a
// folder that can be listed (kNotFound, kFailedPrecondition,
// kPermissionDenied, naming the root). On Windows the keys are the Windows
// set (kUuidKey instead of kMachineIdKey, see windows_keys.h), read through
// the system's APIs; any root but "/" fails with kInvalidArgument.
absl::StatusOr<HardwareHash> CollectHardwareHash(
    const CollectOptions& options);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_COLLECT_H_
