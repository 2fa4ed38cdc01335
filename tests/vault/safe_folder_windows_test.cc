// The Windows vault folder under wine (or Windows): the access list hwfp
// gives it, refusal of folders open to others, of hard links and of
// reparse points, atomic replace, rename without replace, and LockFileEx
// locks that exclude each other.

#include <windows.h>
// After windows.h, which they need.
#include <aclapi.h>
#include <sddl.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "collectors/windows_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "vault/safe_folder.h"
#include "vault/vault.h"

namespace hwfp {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

std::string TempPath(const char* name) {
  const char* base = std::getenv("TEST_TMPDIR");
  static int serial = 0;
  return absl::StrCat(base != nullptr ? base : "C:\\Temp", "\\", name, "-",
                      ++serial);
}

// The access list entries of `path`: "A;OICI;FA;;;SY"-like SDDL strings.
std::vector<std::string> DaclEntries(const std::string& path) {
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  std::vector<std::string> entries;
  if (GetNamedSecurityInfoW(WideFromUtf8(path).c_str(), SE_FILE_OBJECT,
                            DACL_SECURITY_INFORMATION, nullptr, nullptr,
                            nullptr, nullptr, &descriptor) != ERROR_SUCCESS) {
    return entries;
  }
  wchar_t* sddl = nullptr;
  if (ConvertSecurityDescriptorToStringSecurityDescriptorW(
          descriptor, SDDL_REVISION_1, DACL_SECURITY_INFORMATION, &sddl,
          nullptr)) {
    // "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)" -> the parenthesised parts.
    const std::string text = Utf8FromWide(sddl);
    for (size_t open = text.find('('); open != std::string::npos;
         open = text.find('(', open + 1)) {
      entries.push_back(text.substr(open + 1, text.find(')', open) - open - 1));
    }
    LocalFree(sddl);
  }
  LocalFree(descriptor);
  return entries;
}

// Gives Everyone read access to `path`, as a careless installer might.
void GrantEveryone(const std::string& path) {
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  ASSERT_TRUE(ConvertStringSecurityDescriptorToSecurityDescriptorW(
      L"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FR;;;WD)", SDDL_REVISION_1,
      &descriptor, nullptr));
  BOOL present = FALSE;
  BOOL defaulted = FALSE;
  PACL dacl = nullptr;
  GetSecurityDescriptorDacl(descriptor, &present, &dacl, &defaulted);
  EXPECT_EQ(SetNamedSecurityInfoW(
                const_cast<wchar_t*>(WideFromUtf8(path).c_str()),
                SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION |
                    PROTECTED_DACL_SECURITY_INFORMATION,
                nullptr, nullptr, dacl, nullptr),
            static_cast<DWORD>(ERROR_SUCCESS));
  LocalFree(descriptor);
}

// The SID of the user running the test, as SDDL spells it.
std::string UserSid() {
  HANDLE token = nullptr;
  OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
  unsigned char buffer[256];
  DWORD size = sizeof(buffer);
  std::string text;
  wchar_t* sid = nullptr;
  if (GetTokenInformation(token, TokenUser, buffer, size, &size) &&
      ConvertSidToStringSidW(
          reinterpret_cast<TOKEN_USER*>(buffer)->User.Sid, &sid)) {
    text = Utf8FromWide(sid);
    LocalFree(sid);
  }
  CloseHandle(token);
  return text;
}

// Every entry allows SYSTEM, Administrators or the user and nobody else.
// Windows keeps the list hwfp set (SYSTEM and Administrators); wine keeps
// Unix modes and reports them as entries for SYSTEM and the owner, which
// says the same: no one else may enter.
void ExpectPrivate(const std::string& path) {
  const std::vector<std::string> entries = DaclEntries(path);
  EXPECT_FALSE(entries.empty()) << path;
  bool system = false;
  for (const std::string& entry : entries) {
    const std::string trustee = entry.substr(entry.rfind(';') + 1);
    system = system || trustee == "SY";
    EXPECT_TRUE(trustee == "SY" || trustee == "BA" || trustee == UserSid())
        << path << " allows " << entry;
  }
  EXPECT_TRUE(system) << path;
}

TEST(SafeFolderWindowsTest, NewFolderIsOpenToSystemAndAdministratorsOnly) {
  const std::string path = TempPath("vault") + "\\nested\\vault";
  absl::StatusOr<SafeFolder> folder = SafeFolder::Open(path, true);
  ASSERT_TRUE(folder.ok()) << folder.status();

  ExpectPrivate(path);
  ASSERT_TRUE(folder->WriteFileAtomically("Manifest", "{}").ok());
  ExpectPrivate(path + "\\Manifest");
  ASSERT_TRUE(folder->Lock(".hwfp.lock", true, absl::Seconds(1)).ok());
  ExpectPrivate(path + "\\.hwfp.lock");
  EXPECT_THAT(folder->real_path(), HasSubstr(":\\"));
}

TEST(SafeFolderWindowsTest, FolderOpenToEveryoneIsRefused) {
  const std::string path = TempPath("open");
  ASSERT_TRUE(SafeFolder::Open(path, true).ok());
  GrantEveryone(path);

  const absl::StatusOr<SafeFolder> folder = SafeFolder::Open(path, false);
  EXPECT_EQ(folder.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(folder.status().message(), HasSubstr("grants access to"));
  EXPECT_THAT(folder.status().message(), HasSubstr("S-1-1-0"));
}

TEST(SafeFolderWindowsTest, MissingFolderIsNotFound) {
  EXPECT_EQ(SafeFolder::Open(TempPath("missing"), false).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(SafeFolderWindowsTest, AtomicReplaceLeavesOneFileAndNoTemporaries) {
  absl::StatusOr<SafeFolder> folder = SafeFolder::Open(TempPath("w"), true);
  ASSERT_TRUE(folder.ok()) << folder.status();
  ASSERT_TRUE(folder->WriteFileAtomically("Record", "first").ok());
  ASSERT_TRUE(folder->WriteFileAtomically("Record", "second, longer").ok());

  EXPECT_EQ(**folder->ReadFile("Record", 100), "second, longer");
  EXPECT_THAT(*folder->List(), UnorderedElementsAre("Record"));
  EXPECT_EQ(*folder->ReadFile("Absent", 100), std::nullopt);
  EXPECT_EQ(folder->ReadFile("Record", 5).status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(folder->WriteFileAtomically("..\\escape", "x").code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SafeFolderWindowsTest, HardLinkedFileIsRefused) {
  const std::string path = TempPath("links");
  absl::StatusOr<SafeFolder> folder = SafeFolder::Open(path, true);
  ASSERT_TRUE(folder.ok()) << folder.status();
  ASSERT_TRUE(folder->WriteFileAtomically("Record", "data").ok());
  ASSERT_TRUE(CreateHardLinkW(WideFromUtf8(path + "\\Second").c_str(),
                              WideFromUtf8(path + "\\Record").c_str(),
                              nullptr));

  const auto read = folder->ReadFile("Record", 100);
  EXPECT_EQ(read.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(read.status().message(), HasSubstr("2 hard links"));
}

TEST(SafeFolderWindowsTest, RenameNoReplaceKeepsTheTarget) {
  absl::StatusOr<SafeFolder> folder = SafeFolder::Open(TempPath("r"), true);
  ASSERT_TRUE(folder.ok()) << folder.status();
  ASSERT_TRUE(folder->WriteFileAtomically("a", "A").ok());
  ASSERT_TRUE(folder->WriteFileAtomically("b", "B").ok());

  EXPECT_EQ(folder->RenameNoReplace("a", "b").code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(**folder->ReadFile("b", 10), "B");
  ASSERT_TRUE(folder->RenameNoReplace("a", "c").ok());
  EXPECT_THAT(*folder->List(), UnorderedElementsAre("b", "c"));
  ASSERT_TRUE(folder->RemoveFile("c").ok());
  EXPECT_TRUE(folder->RemoveFile("c").ok());
}

TEST(SafeFolderWindowsTest, LocksExcludeEachOther) {
  absl::StatusOr<SafeFolder> folder = SafeFolder::Open(TempPath("l"), true);
  ASSERT_TRUE(folder.ok()) << folder.status();
  {
    absl::StatusOr<FileLock> held =
        folder->Lock(".hwfp.lock", true, absl::Seconds(1));
    ASSERT_TRUE(held.ok()) << held.status();

    // LockFileEx ranges belong to a handle, so a second handle conflicts
    // even in this process, as one in another process would.
    const absl::StatusOr<FileLock> second =
        folder->Lock(".hwfp.lock", false, absl::Milliseconds(100));
    EXPECT_EQ(second.status().code(), absl::StatusCode::kDeadlineExceeded);
    EXPECT_THAT(second.status().message(), HasSubstr("stayed locked"));
  }
  absl::StatusOr<FileLock> shared =
      folder->Lock(".hwfp.lock", false, absl::Seconds(1));
  ASSERT_TRUE(shared.ok()) << shared.status();
  EXPECT_TRUE(folder->Lock(".hwfp.lock", false, absl::Seconds(1)).ok());
  EXPECT_EQ(folder->Lock(".hwfp.lock", true, absl::Milliseconds(50))
                .status()
                .code(),
            absl::StatusCode::kDeadlineExceeded);
}

TEST(VaultWindowsTest, WriteReadThroughAWindowsManifest) {
  const std::string path = TempPath("vault");
  absl::StatusOr<Vault> vault = Vault::Open(path, VaultAccess::kCreate);
  ASSERT_TRUE(vault.ok()) << vault.status();
  absl::StatusOr<VaultLock> lock = vault->Lock(LockKind::kExclusive);
  ASSERT_TRUE(lock.ok()) << lock.status();
  ASSERT_TRUE(vault->Write(*lock, "InstanceFingerprint", "record").ok());

  EXPECT_EQ(**vault->Read("InstanceFingerprint", 100), "record");
  absl::StatusOr<SafeFolder> folder = SafeFolder::Open(path, false);
  ASSERT_TRUE(folder.ok()) << folder.status();
  const std::string manifest = **folder->ReadFile("Manifest", 1000);
  EXPECT_THAT(manifest, HasSubstr("\\\\Store\\\\InstanceFingerprint\""));
  EXPECT_THAT(manifest, HasSubstr(":\\\\"));
}

}  // namespace
}  // namespace hwfp
