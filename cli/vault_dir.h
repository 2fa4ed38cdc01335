// The vault folder a command works on: --vault DIR when given, else the
// per-user default (/var/lib/hwfp/vault for root, the XDG state folder
// otherwise).

#ifndef HWFP_CLI_VAULT_DIR_H_
#define HWFP_CLI_VAULT_DIR_H_

#include <string>

#include "absl/status/statusor.h"

namespace hwfp::cli {

// Returns --vault, or the default vault folder; fails with
// kFailedPrecondition when there is no default (no HOME, not root).
absl::StatusOr<std::string> VaultDirFromFlags();

}  // namespace hwfp::cli

#endif  // HWFP_CLI_VAULT_DIR_H_
