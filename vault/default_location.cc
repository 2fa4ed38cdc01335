#include "vault/default_location.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace hwfp {

namespace {

bool IsAbsoluteWindowsPath(absl::string_view path) {
  const bool drive = path.size() >= 3 && absl::ascii_isalpha(path[0]) &&
                     path[1] == ':' && (path[2] == '\\' || path[2] == '/');
  return drive || absl::StartsWith(path, "\\\\");
}

}  // namespace

absl::StatusOr<std::string> DefaultVaultDir(const VaultEnvironment& env) {
  if (!env.program_data.empty()) {
    if (!IsAbsoluteWindowsPath(env.program_data)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "no default vault folder: ProgramData is \"", env.program_data,
          "\", not an absolute folder; pass --vault DIR"));
    }
    return absl::StrCat(absl::StripSuffix(env.program_data, "\\"),
                        "\\hwfp\\vault");
  }
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
