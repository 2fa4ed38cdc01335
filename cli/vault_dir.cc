#include "cli/vault_dir.h"

#include "absl/flags/flag.h"
#include "cli/flags.h"
#include "vault/default_location.h"

namespace hwfp::cli {

absl::StatusOr<std::string> VaultDirFromFlags() {
  std::string dir = absl::GetFlag(FLAGS_vault);
  if (!dir.empty()) return dir;
  return DefaultVaultDir(CurrentVaultEnvironment());
}

}  // namespace hwfp::cli
