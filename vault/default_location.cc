#include "vault/default_location.h"

#include <unistd.h>

#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace hwfp {

VaultEnvironment CurrentVaultEnvironment() {
  VaultEnvironment env;
  env.root = geteuid() == 0;
  if (const char* state = std::getenv("XDG_STATE_HOME")) {
    env.xdg_state_home = state;
  }
  // HOME only: the password database would pull NSS into the static
  // binary, which cannot load it in an empty chroot.
  if (const char* home = std::getenv("HOME")) env.home = home;
  return env;
}

absl::StatusOr<std::string> DefaultVaultDir(const VaultEnvironment& env) {
  if (env.root) return std::string(kRootVaultDir);
  if (absl::StartsWith(env.xdg_state_home, "/")) {
    return absl::StrCat(absl::StripSuffix(env.xdg_state_home, "/"),
                        "/hwfp/vault");
  }
  if (absl::StartsWith(env.home, "/")) {
    return absl::StrCat(absl::StripSuffix(env.home, "/"),
                        "/.local/state/hwfp/vault");
  }
  return absl::FailedPreconditionError(
      "no default vault folder: neither XDG_STATE_HOME nor HOME is an "
      "absolute folder; pass --vault DIR");
}

}  // namespace hwfp
