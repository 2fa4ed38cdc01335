#include "vault/default_location.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace hwfp {
namespace {

std::string HomeFromPasswordDatabase() {
  std::vector<char> buffer(16384);
  struct passwd entry;
  struct passwd* found = nullptr;
  if (getpwuid_r(geteuid(), &entry, buffer.data(), buffer.size(), &found) !=
          0 ||
      found == nullptr || found->pw_dir == nullptr) {
    return "";
  }
  return found->pw_dir;
}

}  // namespace

VaultEnvironment CurrentVaultEnvironment() {
  VaultEnvironment env;
  env.root = geteuid() == 0;
  if (const char* state = std::getenv("XDG_STATE_HOME")) {
    env.xdg_state_home = state;
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home) {
    env.home = home;
  } else {
    env.home = HomeFromPasswordDatabase();
  }
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
