// CollectHardwareHash on Windows: the facts from Win32 and WMI
// (windows_machine.h), the keys from the shared rules (windows_keys.h).

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "collectors/collect.h"
#include "collectors/windows_keys.h"
#include "collectors/windows_machine.h"

namespace hwfp {

absl::StatusOr<HardwareHash> CollectHardwareHash(
    const CollectOptions& options) {
  // Windows hands its facts out through APIs, not files: there is no
  // folder a captured machine could be read through.
  if (!options.root.empty() && options.root != "/") {
    return absl::InvalidArgumentError(absl::StrCat(
        "--root ", options.root,
        ": Windows reads the machine through its APIs; only / is accepted"));
  }
  return WindowsHardwareHash(ReadWindowsFacts());
}

}  // namespace hwfp
