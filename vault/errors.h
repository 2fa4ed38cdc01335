// Vault errors are absl::Status values tagged with a payload, so the CLI can
// tell a vault problem (exit status 6) from a collector problem travelling
// through the same call.

#ifndef HWFP_VAULT_ERRORS_H_
#define HWFP_VAULT_ERRORS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace hwfp {

// Returns a status with `code` and `message`, tagged as a vault error.
absl::Status VaultError(absl::StatusCode code, absl::string_view message);

// Returns `status` tagged as a vault error (OK stays OK).
absl::Status AsVaultError(absl::Status status);

// Returns true when `status` failed in the vault.
bool IsVaultError(const absl::Status& status);

// Returns a vault error for the errno value `error_number` of a failed
// `operation` on `path`: EACCES and EPERM give kPermissionDenied, ENOENT
// kNotFound, others kInternal. The message reads
// "PATH: OPERATION: strerror".
absl::Status VaultErrnoError(int error_number, absl::string_view operation,
                             absl::string_view path);

}  // namespace hwfp

#endif  // HWFP_VAULT_ERRORS_H_
