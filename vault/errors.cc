#include "vault/errors.h"

#include <cerrno>
#include <cstring>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"

namespace hwfp {
namespace {

constexpr char kVaultPayloadUrl[] = "hwfp/vault";

}  // namespace

absl::Status VaultError(absl::StatusCode code, absl::string_view message) {
  return AsVaultError(absl::Status(code, message));
}

absl::Status AsVaultError(absl::Status status) {
  if (!status.ok()) status.SetPayload(kVaultPayloadUrl, absl::Cord("1"));
  return status;
}

bool IsVaultError(const absl::Status& status) {
  return status.GetPayload(kVaultPayloadUrl).has_value();
}

absl::Status VaultErrnoError(int error_number, absl::string_view operation,
                             absl::string_view path) {
  absl::StatusCode code = absl::StatusCode::kInternal;
  if (error_number == EACCES || error_number == EPERM) {
    code = absl::StatusCode::kPermissionDenied;
  } else if (error_number == ENOENT) {
    code = absl::StatusCode::kNotFound;
  }
  return VaultError(code, absl::StrCat(path, ": ", operation, ": ",
                                       std::strerror(error_number)));
}

}  // namespace hwfp
