// SafeFolder on Windows. The checks are the access list's: a vault folder
// or file may grant access only to SYSTEM, Administrators and the user
// running hwfp, and must be owned by one of them; folders hwfp creates get
// exactly that list, protected from inheritance, so %ProgramData%\hwfp\vault
// is readable by SYSTEM and Administrators only. The folder stays open
// without delete sharing while the SafeFolder lives, so it cannot be
// renamed or replaced under us; reparse points (symbolic links, junctions)
// are refused, not followed. Writes go to a temporary file, flushed, then
// MoveFileExW(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH); locks
// are LockFileEx byte-range locks, released when the handle closes.
//
// Handles live in the header's descriptor fields as C runtime descriptors
// (_open_osfhandle), so the class keeps one layout on every platform.

#include "vault/safe_folder.h"

#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <algorithm>
#include <atomic>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "vault/errors.h"
#include "vault/windows_security.h"

namespace hwfp {
namespace {

// Closes a handle on every return path.
class ScopedHandle {
 public:
  explicit ScopedHandle(HANDLE handle) : handle_(handle) {}
  ScopedHandle(const ScopedHandle&) = delete;
  ScopedHandle& operator=(const ScopedHandle&) = delete;
  ~ScopedHandle() {
    if (valid()) CloseHandle(handle_);
  }
  bool valid() const { return handle_ != INVALID_HANDLE_VALUE; }
  HANDLE get() const { return handle_; }
  HANDLE release() { return std::exchange(handle_, INVALID_HANDLE_VALUE); }

 private:
  HANDLE handle_;
};

// Hands `handle` to the C runtime; returns -1 (closing it) on failure.
int ToDescriptor(ScopedHandle& handle) {
  const int fd =
      _open_osfhandle(reinterpret_cast<intptr_t>(handle.get()), _O_RDONLY);
  if (fd >= 0) handle.release();
  return fd;
}

bool IsSeparator(char c) { return c == '/' || c == '\\'; }

bool IsPlainName(absl::string_view name) {
  if (name.empty() || name == "." || name == "..") return false;
  for (const char c : name) {
    if (IsSeparator(c) || c == ':' || c == '\0') return false;
  }
  return true;
}

absl::Status CheckName(absl::string_view name, absl::string_view folder) {
  if (IsPlainName(name)) return absl::OkStatus();
  return VaultError(
      absl::StatusCode::kInvalidArgument,
      absl::StrCat(folder, ": \"", name, "\" is not a plain file name"));
}

// The vault's view of a Win32 error: missing things are kNotFound, refused
// access kPermissionDenied, a file another program holds kUnavailable.
absl::Status Win32VaultError(DWORD error, absl::string_view operation,
                             absl::string_view path) {
  absl::StatusCode code = absl::StatusCode::kInternal;
  switch (error) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
      code = absl::StatusCode::kNotFound;
      break;
    case ERROR_ACCESS_DENIED:
    case ERROR_PRIVILEGE_NOT_HELD:
      code = absl::StatusCode::kPermissionDenied;
      break;
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION:
      code = absl::StatusCode::kUnavailable;
      break;
    case ERROR_ALREADY_EXISTS:
    case ERROR_FILE_EXISTS:
      code = absl::StatusCode::kAlreadyExists;
      break;
    default:
      break;
  }
  return VaultError(code, absl::StrCat(path, ": ", operation, ": ",
                                       DescribeWin32Error(error)));
}

// The checks every folder and file of a vault passes once open.
absl::Status CheckSafe(HANDLE handle, const std::string& path, bool folder,
                       BY_HANDLE_FILE_INFORMATION& info) {
  if (!GetFileInformationByHandle(handle, &info)) {
    return Win32VaultError(GetLastError(), "query", path);
  }
  if ((info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0) {
    return VaultError(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat(path,
                     " is a symbolic link or junction; a vault holds real "
                     "folders and files only, so hwfp does not follow it"));
  }
  const bool is_folder =
      (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
  if (folder && !is_folder) {
    return VaultError(absl::StatusCode::kFailedPrecondition,
                      absl::StrCat(path, " is not a folder"));
  }
  if (!folder && is_folder) {
    return VaultError(absl::StatusCode::kFailedPrecondition,
                      absl::StrCat(path, " is not a regular file"));
  }
  if (!folder && info.nNumberOfLinks != 1) {
    return VaultError(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat(path, " has ", info.nNumberOfLinks,
                     " hard links; a vault file must have exactly one"));
  }
  return CheckPrivateAccess(handle, path);
}

FolderId IdOf(const BY_HANDLE_FILE_INFORMATION& info) {
  return {info.dwVolumeSerialNumber,
          (uint64_t{info.nFileIndexHigh} << 32) | info.nFileIndexLow};
}

// Opens `path` (a folder when `folder`) without following a reparse
// point at its last component. Folders are shared for reading and writing
// but not deletion, so they cannot be renamed while open.
HANDLE OpenNoFollow(const std::wstring& path, bool folder, DWORD access) {
  const DWORD share = folder ? FILE_SHARE_READ | FILE_SHARE_WRITE
                             : FILE_SHARE_READ | FILE_SHARE_DELETE;
  const DWORD flags = FILE_FLAG_OPEN_REPARSE_POINT |
                      (folder ? FILE_FLAG_BACKUP_SEMANTICS : 0);
  return CreateFileW(path.c_str(), access | READ_CONTROL, share, nullptr,
                     OPEN_EXISTING, flags, nullptr);
}

// Creates folder `path` with the vault's access list; returns true when it
// was created, false when it existed.
absl::StatusOr<bool> CreateFolder(const std::string& path) {
  absl::StatusOr<PrivateSecurity> security = MakePrivateSecurity();
  if (!security.ok()) return security.status();
  if (CreateDirectoryW(WideFromUtf8(path).c_str(),
                       security->attributes())) {
    return true;
  }
  const DWORD error = GetLastError();
  if (error == ERROR_ALREADY_EXISTS) return false;
  return Win32VaultError(error, "create folder", path);
}

// Creates every missing folder above `path` with the vault's access list.
// Failures are left for the final open to report, with the path that
// matters.
void CreateParents(const std::string& path) {
  for (size_t i = 1; i < path.size(); ++i) {
    if (!IsSeparator(path[i])) continue;
    const std::string parent = path.substr(0, i);
    // "C:" and "\\server\share" name no folder to create.
    if (parent.size() == 2 && parent[1] == ':') continue;
    (void)CreateFolder(parent);
  }
}

// The folder's final path ("C:\ProgramData\hwfp\vault"), from the open
// handle, so it names the folder just checked.
absl::StatusOr<std::string> FinalPath(HANDLE handle, const std::string& path) {
  const DWORD flags = FILE_NAME_NORMALIZED | VOLUME_NAME_DOS;
  const DWORD size = GetFinalPathNameByHandleW(handle, nullptr, 0, flags);
  if (size == 0) return Win32VaultError(GetLastError(), "resolve", path);
  std::wstring wide(size, L'\0');
  const DWORD length =
      GetFinalPathNameByHandleW(handle, wide.data(), size, flags);
  if (length == 0 || length >= size) {
    return Win32VaultError(GetLastError(), "resolve", path);
  }
  wide.resize(length);
  std::string resolved = Utf8FromWide(wide.c_str());
  if (absl::StartsWith(resolved, "\\\\?\\UNC\\")) {
    return absl::StrCat("\\\\", resolved.substr(8));
  }
  if (absl::StartsWith(resolved, "\\\\?\\")) return resolved.substr(4);
  return resolved;
}

absl::Status WriteAll(HANDLE handle, absl::string_view bytes,
                      const std::string& path) {
  while (!bytes.empty()) {
    const DWORD chunk =
        static_cast<DWORD>(std::min<size_t>(bytes.size(), 1u << 30));
    DWORD written = 0;
    if (!WriteFile(handle, bytes.data(), chunk, &written, nullptr)) {
      return Win32VaultError(GetLastError(), "write", path);
    }
    bytes.remove_prefix(written);
  }
  return absl::OkStatus();
}

}  // namespace

FileLock::FileLock(FileLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      exclusive_(other.exclusive_),
      folder_(other.folder_) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) _close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    exclusive_ = other.exclusive_;
    folder_ = other.folder_;
  }
  return *this;
}

FileLock::~FileLock() {
  // Closing the handle releases its LockFileEx range.
  if (fd_ >= 0) _close(fd_);
}

SafeFolder::SafeFolder(SafeFolder&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::move(other.path_)),
      real_path_(std::move(other.real_path_)),
      id_(other.id_) {}

SafeFolder& SafeFolder::operator=(SafeFolder&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) _close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    real_path_ = std::move(other.real_path_);
    id_ = other.id_;
  }
  return *this;
}

SafeFolder::~SafeFolder() {
  if (fd_ >= 0) _close(fd_);
}

std::string SafeFolder::PathOf(absl::string_view name) const {
  return absl::StrCat(path_, IsSeparator(path_.back()) ? "" : "\\", name);
}

absl::StatusOr<SafeFolder> SafeFolder::Open(const std::string& path,
                                            bool create) {
  if (path.empty()) {
    return VaultError(absl::StatusCode::kInvalidArgument,
                      "the vault folder path is empty");
  }
  std::string trimmed = path;
  // Keep "C:\" and "\" whole: they are roots, not a folder plus separator.
  while (trimmed.size() > 1 && IsSeparator(trimmed.back()) &&
         !(trimmed.size() == 3 && trimmed[1] == ':')) {
    trimmed.pop_back();
  }

  if (create) {
    CreateParents(trimmed);
    absl::StatusOr<bool> created = CreateFolder(trimmed);
    if (!created.ok()) return created.status();
  }

  ScopedHandle handle(OpenNoFollow(WideFromUtf8(trimmed), /*folder=*/true,
                                   FILE_LIST_DIRECTORY | FILE_TRAVERSE));
  if (!handle.valid()) {
    return Win32VaultError(GetLastError(), "open", trimmed);
  }
  BY_HANDLE_FILE_INFORMATION info;
  if (absl::Status safe = CheckSafe(handle.get(), trimmed, true, info);
      !safe.ok()) {
    return safe;
  }
  absl::StatusOr<std::string> real_path = FinalPath(handle.get(), trimmed);
  if (!real_path.ok()) return real_path.status();

  const int fd = ToDescriptor(handle);
  if (fd < 0) {
    return VaultError(absl::StatusCode::kInternal,
                      absl::StrCat(trimmed, ": no descriptor for the folder"));
  }
  return SafeFolder(fd, trimmed, *std::move(real_path), IdOf(info));
}

absl::StatusOr<SafeFolder> SafeFolder::OpenChild(absl::string_view name,
                                                 bool create) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  const std::string path = PathOf(name);
  if (create) {
    absl::StatusOr<bool> created = CreateFolder(path);
    if (!created.ok()) return created.status();
  }
  ScopedHandle handle(OpenNoFollow(WideFromUtf8(path), /*folder=*/true,
                                   FILE_LIST_DIRECTORY | FILE_TRAVERSE));
  if (!handle.valid()) return Win32VaultError(GetLastError(), "open", path);
  BY_HANDLE_FILE_INFORMATION info;
  if (absl::Status safe = CheckSafe(handle.get(), path, true, info);
      !safe.ok()) {
    return safe;
  }
  const int fd = ToDescriptor(handle);
  if (fd < 0) {
    return VaultError(absl::StatusCode::kInternal,
                      absl::StrCat(path, ": no descriptor for the folder"));
  }
  return SafeFolder(fd, path,
                    absl::StrCat(real_path_,
                                 IsSeparator(real_path_.back()) ? "" : "\\",
                                 name),
                    IdOf(info));
}

absl::StatusOr<std::optional<std::string>> SafeFolder::ReadFile(
    absl::string_view name, size_t max_bytes) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  const std::string path = PathOf(name);
  ScopedHandle handle(
      OpenNoFollow(WideFromUtf8(path), /*folder=*/false, GENERIC_READ));
  if (!handle.valid()) {
    const DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND) return std::nullopt;
    return Win32VaultError(error, "open", path);
  }
  BY_HANDLE_FILE_INFORMATION info;
  if (absl::Status safe = CheckSafe(handle.get(), path, false, info);
      !safe.ok()) {
    return safe;
  }
  auto too_large = [&](uint64_t size) {
    return VaultError(absl::StatusCode::kDataLoss,
                      absl::StrCat(path, " is ", size, " bytes, more than the ",
                                   max_bytes, " a vault file may hold"));
  };
  const uint64_t size_now =
      (uint64_t{info.nFileSizeHigh} << 32) | info.nFileSizeLow;
  if (size_now > max_bytes) return too_large(size_now);

  // The file may still grow after the query: read one byte past the cap.
  std::string content(static_cast<size_t>(size_now) + 1, '\0');
  size_t size = 0;
  while (true) {
    if (size == content.size()) {
      if (size > max_bytes) return too_large(size);
      content.resize(std::min(content.size() * 2, max_bytes + 1));
    }
    DWORD got = 0;
    const DWORD want = static_cast<DWORD>(
        std::min<size_t>(content.size() - size, 1u << 30));
    if (!::ReadFile(handle.get(), &content[size], want, &got, nullptr)) {
      return Win32VaultError(GetLastError(), "read", path);
    }
    if (got == 0) break;
    size += got;
  }
  if (size > max_bytes) return too_large(size);
  content.resize(size);
  return content;
}

absl::Status SafeFolder::WriteFileAtomically(absl::string_view name,
                                             absl::string_view bytes) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  static std::atomic<uint64_t> counter{0};
  const std::string temporary = PathOf(absl::StrCat(
      kTemporaryPrefix, name, ".", GetCurrentProcessId(), ".", counter++));
  const std::string path = PathOf(name);
  const std::wstring wide_temporary = WideFromUtf8(temporary);

  // The access list is given, not left to inheritance: wine, for one,
  // gives new files a list of its own.
  absl::StatusOr<PrivateSecurity> security = MakePrivateSecurity();
  if (!security.ok()) return security.status();
  ScopedHandle handle(CreateFileW(wide_temporary.c_str(), GENERIC_WRITE, 0,
                                  security->attributes(), CREATE_NEW,
                                  FILE_ATTRIBUTE_NORMAL, nullptr));
  if (!handle.valid()) {
    return Win32VaultError(GetLastError(), "create", temporary);
  }
  auto fail = [&](absl::Status status) {
    CloseHandle(handle.release());
    DeleteFileW(wide_temporary.c_str());
    return status;
  };
  if (absl::Status written = WriteAll(handle.get(), bytes, temporary);
      !written.ok()) {
    return fail(written);
  }
  // The data must be on disk before the rename makes it the file.
  if (!FlushFileBuffers(handle.get())) {
    return fail(Win32VaultError(GetLastError(), "flush", temporary));
  }
  CloseHandle(handle.release());
  if (!MoveFileExW(wide_temporary.c_str(), WideFromUtf8(path).c_str(),
                   MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    const DWORD error = GetLastError();
    DeleteFileW(wide_temporary.c_str());
    return Win32VaultError(error, "replace", path);
  }
  return absl::OkStatus();
}

absl::Status SafeFolder::RenameNoReplace(absl::string_view from,
                                         absl::string_view to) const {
  for (absl::string_view name : {from, to}) {
    if (absl::Status status = CheckName(name, path_); !status.ok()) {
      return status;
    }
  }
  // Without MOVEFILE_REPLACE_EXISTING the move fails when `to` exists.
  if (!MoveFileExW(WideFromUtf8(PathOf(from)).c_str(),
                   WideFromUtf8(PathOf(to)).c_str(),
                   MOVEFILE_WRITE_THROUGH)) {
    const DWORD error = GetLastError();
    if (error == ERROR_ALREADY_EXISTS || error == ERROR_FILE_EXISTS) {
      return VaultError(absl::StatusCode::kAlreadyExists,
                        absl::StrCat(PathOf(to), " already exists"));
    }
    return Win32VaultError(error, "rename", PathOf(from));
  }
  return absl::OkStatus();
}

absl::Status SafeFolder::RemoveFile(absl::string_view name) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  if (!DeleteFileW(WideFromUtf8(PathOf(name)).c_str())) {
    const DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND) return absl::OkStatus();
    return Win32VaultError(error, "remove", PathOf(name));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> SafeFolder::List() const {
  WIN32_FIND_DATAW entry;
  HANDLE search = FindFirstFileExW(WideFromUtf8(PathOf("*")).c_str(),
                                   FindExInfoBasic, &entry,
                                   FindExSearchNameMatch, nullptr, 0);
  std::vector<std::string> names;
  if (search == INVALID_HANDLE_VALUE) {
    const DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND) return names;
    return Win32VaultError(error, "list", path_);
  }
  do {
    const std::string name = Utf8FromWide(entry.cFileName);
    if (name != "." && name != "..") names.push_back(name);
  } while (FindNextFileW(search, &entry));
  const DWORD error = GetLastError();
  FindClose(search);
  if (error != ERROR_NO_MORE_FILES) {
    return Win32VaultError(error, "list", path_);
  }
  std::sort(names.begin(), names.end());
  return names;
}

absl::Status SafeFolder::RemoveStaleTemporaries() const {
  absl::StatusOr<std::vector<std::string>> names = List();
  if (!names.ok()) return names.status();
  for (const std::string& name : *names) {
    if (!absl::StartsWith(name, kTemporaryPrefix)) continue;
    if (!DeleteFileW(WideFromUtf8(PathOf(name)).c_str()) &&
        GetLastError() != ERROR_FILE_NOT_FOUND) {
      return Win32VaultError(GetLastError(), "remove stale temporary",
                             PathOf(name));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<FileLock> SafeFolder::Lock(absl::string_view name,
                                          bool exclusive,
                                          absl::Duration timeout) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  const std::string path = PathOf(name);

  // OPEN_ALWAYS creates it with the vault's access list; every process
  // shares it so each can take its own byte-range lock.
  absl::StatusOr<PrivateSecurity> security = MakePrivateSecurity();
  if (!security.ok()) return security.status();
  ScopedHandle handle(CreateFileW(
      WideFromUtf8(path).c_str(), GENERIC_READ | READ_CONTROL,
      FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
      security->attributes(), OPEN_ALWAYS, FILE_FLAG_OPEN_REPARSE_POINT,
      nullptr));
  if (!handle.valid()) return Win32VaultError(GetLastError(), "open", path);
  BY_HANDLE_FILE_INFORMATION info;
  if (absl::Status safe = CheckSafe(handle.get(), path, false, info);
      !safe.ok()) {
    return safe;
  }

  // Polling rather than a blocking LockFileEx, so the wait has a limit.
  const absl::Time deadline = absl::Now() + timeout;
  absl::Duration pause = absl::Milliseconds(1);
  const DWORD flags = LOCKFILE_FAIL_IMMEDIATELY |
                      (exclusive ? LOCKFILE_EXCLUSIVE_LOCK : 0);
  while (true) {
    OVERLAPPED whole_file = {};
    if (LockFileEx(handle.get(), flags, 0, MAXDWORD, MAXDWORD,
                   &whole_file)) {
      break;
    }
    const DWORD error = GetLastError();
    if (error != ERROR_LOCK_VIOLATION && error != ERROR_IO_PENDING) {
      return Win32VaultError(error, "lock", path);
    }
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) {
      return VaultError(
          absl::StatusCode::kDeadlineExceeded,
          absl::StrCat(path, " stayed locked by another hwfp process for ",
                       absl::FormatDuration(timeout), "; try again later"));
    }
    absl::SleepFor(std::min(pause, left));
    pause = std::min(pause * 2, absl::Milliseconds(50));
  }
  const int fd = ToDescriptor(handle);
  if (fd < 0) {
    return VaultError(absl::StatusCode::kInternal,
                      absl::StrCat(path, ": no descriptor for the lock"));
  }
  return FileLock(fd, exclusive, id_);
}

}  // namespace hwfp
