// Who may open a vault on Windows: SYSTEM, Administrators and the user
// running hwfp, nobody else. Folders hwfp creates get exactly that access
// list, protected from the parent's inheritance; every folder and file it
// opens is checked against it. Windows only.

#ifndef HWFP_VAULT_WINDOWS_SECURITY_H_
#define HWFP_VAULT_WINDOWS_SECURITY_H_

#include <windows.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "collectors/windows_text.h"

namespace hwfp {

// A security descriptor for new vault folders: full control for SYSTEM
// and Administrators, inherited by everything created inside, and for the
// user running hwfp too when that user is neither SYSTEM nor an
// administrator (so a plain user's --vault folder stays theirs).
class PrivateSecurity {
 public:
  PrivateSecurity(PrivateSecurity&& other) noexcept;
  PrivateSecurity& operator=(PrivateSecurity&& other) = delete;
  PrivateSecurity(const PrivateSecurity&) = delete;
  PrivateSecurity& operator=(const PrivateSecurity&) = delete;
  ~PrivateSecurity();

  // For CreateDirectoryW; valid while this object lives.
  SECURITY_ATTRIBUTES* attributes() { return &attributes_; }

 private:
  friend absl::StatusOr<PrivateSecurity> MakePrivateSecurity();
  explicit PrivateSecurity(PSECURITY_DESCRIPTOR descriptor);

  PSECURITY_DESCRIPTOR descriptor_;
  SECURITY_ATTRIBUTES attributes_;
};

// Returns the descriptor above. Fails with kInternal when the process
// token cannot be read or the descriptor cannot be built.
absl::StatusOr<PrivateSecurity> MakePrivateSecurity();

// Checks the object open as `handle` (with READ_CONTROL): owned by
// SYSTEM, Administrators or the user running hwfp, with an access list
// that allows nobody else. `path` names it in the error, which is
// kFailedPrecondition and says how to fix the list.
absl::Status CheckPrivateAccess(HANDLE handle, const std::string& path);

}  // namespace hwfp

#endif  // HWFP_VAULT_WINDOWS_SECURITY_H_
