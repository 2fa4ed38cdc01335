#include "vault/windows_security.h"

#include <aclapi.h>
#include <sddl.h>

#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vault/errors.h"

namespace hwfp {
namespace {

// SYSTEM and Administrators, full control, for this folder, its sub-
// folders (CI) and files (OI); "P" protects the list from inheritance.
constexpr wchar_t kVaultDacl[] = L"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";

// The SID of the user this process runs as.
absl::StatusOr<std::vector<unsigned char>> TokenUserSid() {
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) {
    return VaultError(absl::StatusCode::kInternal,
                      absl::StrCat("cannot read the process token: ",
                                   DescribeWin32Error(GetLastError())));
  }
  DWORD size = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  std::vector<unsigned char> buffer(size);
  const bool read = size != 0 && GetTokenInformation(token, TokenUser,
                                                     buffer.data(), size,
                                                     &size);
  const DWORD error = GetLastError();
  CloseHandle(token);
  if (!read) {
    return VaultError(absl::StatusCode::kInternal,
                      absl::StrCat("cannot read the process user: ",
                                   DescribeWin32Error(error)));
  }
  const PSID sid = reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid;
  const DWORD length = GetLengthSid(sid);
  const auto* bytes = static_cast<const unsigned char*>(sid);
  return std::vector<unsigned char>(bytes, bytes + length);
}

std::vector<unsigned char> WellKnownSid(WELL_KNOWN_SID_TYPE type) {
  std::vector<unsigned char> sid(SECURITY_MAX_SID_SIZE);
  DWORD size = static_cast<DWORD>(sid.size());
  if (!CreateWellKnownSid(type, nullptr, sid.data(), &size)) return {};
  sid.resize(size);
  return sid;
}

std::string SidText(PSID sid) {
  wchar_t* text = nullptr;
  std::string result = "an unreadable SID";
  if (ConvertSidToStringSidW(sid, &text)) {
    result = Utf8FromWide(text);
    LocalFree(text);
  }
  wchar_t name[256];
  wchar_t domain[256];
  DWORD name_size = 256;
  DWORD domain_size = 256;
  SID_NAME_USE use;
  if (LookupAccountSidW(nullptr, sid, name, &name_size, domain, &domain_size,
                        &use)) {
    const std::string account = Utf8FromWide(name);
    const std::string where = Utf8FromWide(domain);
    result = absl::StrCat(where.empty() ? "" : where + "\\", account, " (",
                          result, ")");
  }
  return result;
}

}  // namespace

PrivateSecurity::PrivateSecurity(PSECURITY_DESCRIPTOR descriptor)
    : descriptor_(descriptor) {
  attributes_.nLength = sizeof(attributes_);
  attributes_.lpSecurityDescriptor = descriptor_;
  attributes_.bInheritHandle = FALSE;
}

PrivateSecurity::PrivateSecurity(PrivateSecurity&& other) noexcept
    : descriptor_(std::exchange(other.descriptor_, nullptr)),
      attributes_(other.attributes_) {
  attributes_.lpSecurityDescriptor = descriptor_;
}

PrivateSecurity::~PrivateSecurity() {
  if (descriptor_ != nullptr) LocalFree(descriptor_);
}

absl::StatusOr<PrivateSecurity> MakePrivateSecurity() {
  std::wstring sddl = kVaultDacl;

  absl::StatusOr<std::vector<unsigned char>> user = TokenUserSid();
  if (!user.ok()) return user.status();
  std::vector<unsigned char> administrators =
      WellKnownSid(WinBuiltinAdministratorsSid);
  std::vector<unsigned char> system = WellKnownSid(WinLocalSystemSid);
  BOOL is_administrator = FALSE;
  CheckTokenMembership(nullptr, administrators.data(), &is_administrator);
  if (!is_administrator && !EqualSid(user->data(), system.data())) {
    wchar_t* text = nullptr;
    if (!ConvertSidToStringSidW(user->data(), &text)) {
      return VaultError(absl::StatusCode::kInternal,
                        absl::StrCat("cannot spell the user's SID: ",
                                     DescribeWin32Error(GetLastError())));
    }
    sddl += L"(A;OICI;FA;;;";
    sddl += text;
    sddl += L")";
    LocalFree(text);
  }

  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(
          sddl.c_str(), SDDL_REVISION_1, &descriptor, nullptr)) {
    return VaultError(absl::StatusCode::kInternal,
                      absl::StrCat("cannot build the vault's access list: ",
                                   DescribeWin32Error(GetLastError())));
  }
  return PrivateSecurity(descriptor);
}

absl::Status CheckPrivateAccess(HANDLE handle, const std::string& path) {
  PSID owner = nullptr;
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  const DWORD read = GetSecurityInfo(
      handle, SE_FILE_OBJECT,
      OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner, nullptr,
      &dacl, nullptr, &descriptor);
  if (read != ERROR_SUCCESS) {
    return VaultError(absl::StatusCode::kPermissionDenied,
                      absl::StrCat(path, ": cannot read its access list: ",
                                   DescribeWin32Error(read)));
  }
  std::unique_ptr<void, decltype(&LocalFree)> free_descriptor(descriptor,
                                                              &LocalFree);

  absl::StatusOr<std::vector<unsigned char>> user = TokenUserSid();
  if (!user.ok()) return user.status();
  const std::vector<unsigned char> system = WellKnownSid(WinLocalSystemSid);
  const std::vector<unsigned char> administrators =
      WellKnownSid(WinBuiltinAdministratorsSid);
  auto trusted = [&](PSID sid) {
    return EqualSid(sid, const_cast<unsigned char*>(user->data())) ||
           EqualSid(sid, const_cast<unsigned char*>(system.data())) ||
           EqualSid(sid, const_cast<unsigned char*>(administrators.data()));
  };
  const std::string fix = absl::StrCat(
      "; a vault may be open only to SYSTEM, Administrators and the user "
      "running hwfp (icacls \"", path,
      "\" /inheritance:r /grant:r SYSTEM:(OI)(CI)F "
      "Administrators:(OI)(CI)F)");

  if (owner != nullptr && !trusted(owner)) {
    return VaultError(absl::StatusCode::kFailedPrecondition,
                      absl::StrCat(path, " is owned by ", SidText(owner),
                                   fix));
  }
  if (dacl == nullptr) {
    return VaultError(absl::StatusCode::kFailedPrecondition,
                      absl::StrCat(path,
                                   " has no access list, which lets everyone "
                                   "in",
                                   fix));
  }
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* entry = nullptr;
    if (!GetAce(dacl, i, &entry)) continue;
    const auto* header = static_cast<const ACE_HEADER*>(entry);
    // Entries only passed on to new children grant nothing here; deny
    // entries only take access away.
    if ((header->AceFlags & INHERIT_ONLY_ACE) != 0) continue;
    if (header->AceType == ACCESS_DENIED_ACE_TYPE) continue;
    if (header->AceType != ACCESS_ALLOWED_ACE_TYPE) {
      return VaultError(
          absl::StatusCode::kFailedPrecondition,
          absl::StrCat(path, " has an access entry of type ",
                       static_cast<int>(header->AceType),
                       " that hwfp cannot judge", fix));
    }
    auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(entry);
    PSID sid = &allowed->SidStart;
    if (!trusted(sid)) {
      return VaultError(absl::StatusCode::kFailedPrecondition,
                        absl::StrCat(path, " grants access to ", SidText(sid),
                                     fix));
    }
  }
  return absl::OkStatus();
}

}  // namespace hwfp
