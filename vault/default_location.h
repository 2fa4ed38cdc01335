// Where the vault lives when no --vault is given: /var/lib/hwfp/vault for
// root, and the XDG state folder of the user otherwise, so the main job
// works without root; on Windows %ProgramData%\hwfp\vault, which hwfp
// makes readable by SYSTEM and Administrators only.

#ifndef HWFP_VAULT_DEFAULT_LOCATION_H_
#define HWFP_VAULT_DEFAULT_LOCATION_H_

#include <string>

#include "absl/status/statusor.h"

namespace hwfp {

inline constexpr char kRootVaultDir[] = "/var/lib/hwfp/vault";

// What the default depends on.
struct VaultEnvironment {
  bool root = false;           // Effective user id 0.
  std::string xdg_state_home;  // $XDG_STATE_HOME, may be empty.
  std::string home;            // $HOME, may be empty.
  // Windows only: the ProgramData folder (FOLDERID_ProgramData,
  // "C:\ProgramData"); empty on other systems.
  std::string program_data;
};

// Returns the environment of this process.
VaultEnvironment CurrentVaultEnvironment();

// Returns PROGRAM_DATA\hwfp\vault when `env.program_data` is set (it must
// be absolute: "C:\..." or "\\server\..."); else kRootVaultDir for root;
// otherwise $XDG_STATE_HOME/hwfp/vault, with
// XDG_STATE_HOME defaulting to $HOME/.local/state (a relative
// XDG_STATE_HOME is ignored, as the XDG specification says). Fails with
// kFailedPrecondition when neither gives an absolute folder.
//
//   DefaultVaultDir({.home = "/home/ada"}) ==
//   "/home/ada/.local/state/hwfp/vault"
absl::StatusOr<std::string> DefaultVaultDir(const VaultEnvironment& env);

}  // namespace hwfp

#endif  // HWFP_VAULT_DEFAULT_LOCATION_H_
