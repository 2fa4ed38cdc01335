// The vault environment of a Linux process.

#include <unistd.h>

#include <cstdlib>

#include "vault/default_location.h"

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

}  // namespace hwfp
