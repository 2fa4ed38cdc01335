// SafeFolder on Linux: every access is relative to an open folder
// descriptor, with O_NOFOLLOW on the last component and fstat checks on the
// open file, so what is checked is what is read.

// 64-bit file sizes and directory offsets on 32-bit ARM too: without them
// fstat and readdir fail with EOVERFLOW on large files and file systems.
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/functional/function_ref.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "vault/capped_read.h"
#include "vault/errors.h"
#include "vault/safe_folder.h"

namespace hwfp {
namespace {

// Closes a descriptor on every return path.
class ScopedFd {
 public:
  explicit ScopedFd(int fd) : fd_(fd) {}
  ScopedFd(const ScopedFd&) = delete;
  ScopedFd& operator=(const ScopedFd&) = delete;
  ~ScopedFd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

bool IsPlainName(absl::string_view name) {
  return !name.empty() && name != "." && name != ".." &&
         !absl::StrContains(name, '/') &&
         !absl::StrContains(name, absl::string_view("\0", 1));
}

absl::Status CheckName(absl::string_view name, absl::string_view folder) {
  if (IsPlainName(name)) return absl::OkStatus();
  return VaultError(
      absl::StatusCode::kInvalidArgument,
      absl::StrCat(folder, ": \"", name, "\" is not a plain file name"));
}

// The checks every folder and file of a vault passes once open.
absl::Status CheckSafe(const struct stat& info, const std::string& path,
                       bool folder) {
  if (folder && !S_ISDIR(info.st_mode)) {
    return VaultError(absl::StatusCode::kFailedPrecondition,
                      absl::StrCat(path, " is not a folder"));
  }
  if (!folder && !S_ISREG(info.st_mode)) {
    return VaultError(absl::StatusCode::kFailedPrecondition,
                      absl::StrCat(path, " is not a regular file"));
  }
  if (info.st_uid != geteuid()) {
    return VaultError(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat(path, " is owned by uid ", info.st_uid, ", not by uid ",
                     geteuid(),
                     " running hwfp; a vault must belong to the user who "
                     "uses it, so hwfp refuses it"));
  }
  const mode_t mode = info.st_mode & 07777;
  if ((mode & 077) != 0) {
    return VaultError(
        absl::StatusCode::kFailedPrecondition,
        absl::StrFormat("%s has mode %04o; a vault %s must give nothing to "
                        "group or others (chmod %s %s)",
                        path, mode, folder ? "folder" : "file",
                        folder ? "700" : "600", path));
  }
  if (!folder && info.st_nlink != 1) {
    return VaultError(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat(path, " has ", info.st_nlink,
                     " hard links; a vault file must have exactly one"));
  }
  return absl::OkStatus();
}

// Explains why opening `name` in `dir_fd` failed with `error_number`.
absl::Status OpenError(int error_number, int dir_fd, const char* name,
                       const std::string& path, bool folder) {
  struct stat info;
  const bool is_link = fstatat(dir_fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 &&
                       S_ISLNK(info.st_mode);
  if (error_number == ELOOP || is_link) {
    return VaultError(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat(path,
                     " is a symbolic link; a vault holds real folders "
                     "and files only, so hwfp does not follow it"));
  }
  if (error_number == ENOTDIR && folder) {
    return VaultError(absl::StatusCode::kFailedPrecondition,
                      absl::StrCat(path, " is not a folder"));
  }
  return VaultErrnoError(error_number, "open", path);
}

absl::Status SyncFolder(int fd, const std::string& path) {
  if (fsync(fd) != 0) return VaultErrnoError(errno, "fsync", path);
  return absl::OkStatus();
}

absl::Status WriteAll(int fd, absl::string_view bytes,
                      const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t written = write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return VaultErrnoError(errno, "write", path);
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return absl::OkStatus();
}

FolderId IdOf(const struct stat& info) {
  return {static_cast<uint64_t>(info.st_dev),
          static_cast<uint64_t>(info.st_ino)};
}

// Creates every missing folder above `path` with mode 0700 (whatever the
// umask). Failures are left for the final open to report, with the path
// that matters.
void CreateParents(const std::string& path) {
  for (size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string parent = path.substr(0, slash);
    if (mkdir(parent.c_str(), 0700) == 0) chmod(parent.c_str(), 0700);
  }
}

// Calls `visit` with the name of every entry of the folder open as `fd`
// ("." and ".." excluded), stopping at the first error.
absl::Status ForEachEntry(
    int fd, const std::string& path,
    absl::FunctionRef<absl::Status(const char* name)> visit) {
  // fdopendir owns the descriptor it is given; give it a duplicate.
  const int duplicate = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (duplicate < 0) return VaultErrnoError(errno, "dup", path);
  DIR* dir = fdopendir(duplicate);
  if (dir == nullptr) {
    const int error_number = errno;
    close(duplicate);
    return VaultErrnoError(error_number, "list", path);
  }
  rewinddir(dir);
  absl::Status status;
  errno = 0;
  while (const struct dirent* entry = readdir(dir)) {
    const absl::string_view name(entry->d_name);
    if (name == "." || name == "..") continue;
    status = visit(entry->d_name);
    if (!status.ok()) break;
    errno = 0;
  }
  const int error_number = errno;
  closedir(dir);
  if (!status.ok()) return status;
  if (error_number != 0) return VaultErrnoError(error_number, "list", path);
  return absl::OkStatus();
}

}  // namespace

FileLock::FileLock(FileLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      exclusive_(other.exclusive_),
      folder_(other.folder_) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    exclusive_ = other.exclusive_;
    folder_ = other.folder_;
  }
  return *this;
}

FileLock::~FileLock() {
  if (fd_ >= 0) close(fd_);
}

SafeFolder::SafeFolder(SafeFolder&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::move(other.path_)),
      real_path_(std::move(other.real_path_)),
      id_(other.id_) {}

SafeFolder& SafeFolder::operator=(SafeFolder&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    real_path_ = std::move(other.real_path_);
    id_ = other.id_;
  }
  return *this;
}

SafeFolder::~SafeFolder() {
  if (fd_ >= 0) close(fd_);
}

std::string SafeFolder::PathOf(absl::string_view name) const {
  return absl::StrCat(path_, path_ == "/" ? "" : "/", name);
}

absl::StatusOr<SafeFolder> SafeFolder::Open(const std::string& path,
                                            bool create) {
  if (path.empty()) {
    return VaultError(absl::StatusCode::kInvalidArgument,
                      "the vault folder path is empty");
  }
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();

  bool created = false;
  if (create) {
    CreateParents(trimmed);
    if (mkdir(trimmed.c_str(), 0700) == 0) {
      created = true;
    } else if (errno != EEXIST) {
      return VaultErrnoError(errno, "create folder", trimmed);
    }
  }

  ScopedFd fd(
      open(trimmed.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) {
    return OpenError(errno, AT_FDCWD, trimmed.c_str(), trimmed, true);
  }
  // mkdir's mode passes through the umask; the vault's must be exact.
  if (created && fchmod(fd.get(), 0700) != 0) {
    return VaultErrnoError(errno, "chmod", trimmed);
  }
  struct stat info;
  if (fstat(fd.get(), &info) != 0) {
    return VaultErrnoError(errno, "stat", trimmed);
  }
  if (absl::Status safe = CheckSafe(info, trimmed, true); !safe.ok()) {
    return safe;
  }

  // The resolved path is what the Manifest records; it must name the folder
  // just checked, not one swapped in since.
  char* resolved = realpath(trimmed.c_str(), nullptr);
  if (resolved == nullptr) return VaultErrnoError(errno, "realpath", trimmed);
  std::string real_path(resolved);
  std::free(resolved);
  struct stat real_info;
  if (stat(real_path.c_str(), &real_info) != 0 ||
      !(IdOf(real_info) == IdOf(info))) {
    return VaultError(absl::StatusCode::kAborted,
                      absl::StrCat(trimmed,
                                   " was replaced while hwfp opened "
                                   "it; try again"));
  }
  return SafeFolder(fd.release(), trimmed, real_path, IdOf(info));
}

absl::StatusOr<SafeFolder> SafeFolder::OpenChild(absl::string_view name,
                                                 bool create) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  const std::string child(name);
  const std::string path = PathOf(name);

  bool created = false;
  if (create) {
    if (mkdirat(fd_, child.c_str(), 0700) == 0) {
      created = true;
    } else if (errno != EEXIST) {
      return VaultErrnoError(errno, "create folder", path);
    }
  }
  ScopedFd fd(openat(fd_, child.c_str(),
                     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) return OpenError(errno, fd_, child.c_str(), path, true);
  if (created && fchmod(fd.get(), 0700) != 0) {
    return VaultErrnoError(errno, "chmod", path);
  }
  struct stat info;
  if (fstat(fd.get(), &info) != 0) return VaultErrnoError(errno, "stat", path);
  if (absl::Status safe = CheckSafe(info, path, true); !safe.ok()) {
    return safe;
  }
  if (created) {
    if (absl::Status synced = SyncFolder(fd_, path_); !synced.ok()) {
      return synced;
    }
  }
  return SafeFolder(
      fd.release(), path,
      absl::StrCat(real_path_, real_path_ == "/" ? "" : "/", name), IdOf(info));
}

absl::StatusOr<std::optional<std::string>> SafeFolder::ReadFile(
    absl::string_view name, size_t max_bytes) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  const std::string file(name);
  const std::string path = PathOf(name);

  // O_NONBLOCK: a FIFO planted here must not hang the open; it fails the
  // regular-file check below instead.
  ScopedFd fd(
      openat(fd_, file.c_str(),
             O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return std::nullopt;
    return OpenError(errno, fd_, file.c_str(), path, false);
  }
  struct stat info;
  if (fstat(fd.get(), &info) != 0) return VaultErrnoError(errno, "stat", path);
  if (absl::Status safe = CheckSafe(info, path, false); !safe.ok()) {
    return safe;
  }
  auto too_large = [&](uint64_t size) {
    return VaultError(absl::StatusCode::kDataLoss,
                      absl::StrCat(path, " is ", size, " bytes, more than the ",
                                   max_bytes, " a vault file may hold"));
  };
  if (static_cast<uint64_t>(info.st_size) > max_bytes) {
    return too_large(static_cast<uint64_t>(info.st_size));
  }

  std::string content;
  if (const int error = ReadCapped(fd.get(), static_cast<size_t>(info.st_size),
                                   max_bytes, content);
      error != 0) {
    return VaultErrnoError(error, "read", path);
  }
  // The file may still grow after fstat.
  if (content.size() > max_bytes) return too_large(content.size());
  return content;
}

absl::Status SafeFolder::WriteFileAtomically(absl::string_view name,
                                             absl::string_view bytes) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  static std::atomic<uint64_t> counter{0};
  const std::string target(name);
  const std::string temporary =
      absl::StrCat(kTemporaryPrefix, name, ".", getpid(), ".", counter++);
  const std::string path = PathOf(name);

  ScopedFd fd(openat(fd_, temporary.c_str(),
                     O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                     0600));
  if (fd.get() < 0) return VaultErrnoError(errno, "create", PathOf(temporary));
  auto fail = [&](absl::Status status) {
    unlinkat(fd_, temporary.c_str(), 0);
    return status;
  };

  if (fchmod(fd.get(), 0600) != 0) {
    return fail(VaultErrnoError(errno, "chmod", PathOf(temporary)));
  }
  if (absl::Status written = WriteAll(fd.get(), bytes, PathOf(temporary));
      !written.ok()) {
    return fail(written);
  }
  // The data must be on disk before the rename makes it the file.
  if (fsync(fd.get()) != 0) {
    return fail(VaultErrnoError(errno, "fsync", PathOf(temporary)));
  }
  if (close(fd.release()) != 0) {
    return fail(VaultErrnoError(errno, "close", PathOf(temporary)));
  }
  if (renameat(fd_, temporary.c_str(), fd_, target.c_str()) != 0) {
    return fail(VaultErrnoError(errno, "rename into place", path));
  }
  return SyncFolder(fd_, path_);
}

absl::Status SafeFolder::RenameNoReplace(absl::string_view from,
                                         absl::string_view to) const {
  for (absl::string_view name : {from, to}) {
    if (absl::Status status = CheckName(name, path_); !status.ok()) {
      return status;
    }
  }
  const std::string source(from);
  const std::string target(to);
  if (renameat2(fd_, source.c_str(), fd_, target.c_str(), RENAME_NOREPLACE) !=
      0) {
    if (errno == EEXIST) {
      return VaultError(absl::StatusCode::kAlreadyExists,
                        absl::StrCat(PathOf(to), " already exists"));
    }
    if (errno != EINVAL && errno != ENOSYS) {
      return VaultErrnoError(errno, "rename", PathOf(from));
    }
    // A file system without RENAME_NOREPLACE: check, then rename. Only
    // hwfp renames inside a vault, and it holds the vault's lock.
    struct stat info;
    if (fstatat(fd_, target.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0) {
      return VaultError(absl::StatusCode::kAlreadyExists,
                        absl::StrCat(PathOf(to), " already exists"));
    }
    if (renameat(fd_, source.c_str(), fd_, target.c_str()) != 0) {
      return VaultErrnoError(errno, "rename", PathOf(from));
    }
  }
  return SyncFolder(fd_, path_);
}

absl::Status SafeFolder::RemoveFile(absl::string_view name) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  const std::string file(name);
  if (unlinkat(fd_, file.c_str(), 0) != 0) {
    if (errno == ENOENT) return absl::OkStatus();
    return VaultErrnoError(errno, "remove", PathOf(name));
  }
  return SyncFolder(fd_, path_);
}

absl::StatusOr<std::vector<std::string>> SafeFolder::List() const {
  std::vector<std::string> names;
  if (absl::Status listed = ForEachEntry(fd_, path_,
                                         [&](const char* name) {
                                           names.emplace_back(name);
                                           return absl::OkStatus();
                                         });
      !listed.ok()) {
    return listed;
  }
  std::sort(names.begin(), names.end());
  return names;
}

absl::Status SafeFolder::RemoveStaleTemporaries() const {
  // Streamed, not listed first: a folder flooded with files costs time
  // here, never memory.
  return ForEachEntry(fd_, path_, [&](const char* name) {
    if (!absl::StartsWith(name, kTemporaryPrefix)) return absl::OkStatus();
    if (unlinkat(fd_, name, 0) != 0 && errno != ENOENT) {
      return VaultErrnoError(errno, "remove stale temporary", PathOf(name));
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<FileLock> SafeFolder::Lock(absl::string_view name,
                                          bool exclusive,
                                          absl::Duration timeout) const {
  if (absl::Status status = CheckName(name, path_); !status.ok()) {
    return status;
  }
  const std::string file(name);
  const std::string path = PathOf(name);

  int raw = openat(fd_, file.c_str(),
                   O_RDONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  const bool created = raw >= 0;
  if (!created && errno == EEXIST) {
    raw = openat(fd_, file.c_str(),
                 O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  }
  ScopedFd fd(raw);
  if (fd.get() < 0) return OpenError(errno, fd_, file.c_str(), path, false);
  if (created && fchmod(fd.get(), 0600) != 0) {
    return VaultErrnoError(errno, "chmod", path);
  }
  struct stat info;
  if (fstat(fd.get(), &info) != 0) return VaultErrnoError(errno, "stat", path);
  if (absl::Status safe = CheckSafe(info, path, false); !safe.ok()) {
    return safe;
  }

  // Polling rather than a blocking flock, so the wait has a limit.
  const absl::Time deadline = absl::Now() + timeout;
  absl::Duration pause = absl::Milliseconds(1);
  const int operation = (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
  while (flock(fd.get(), operation) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) return VaultErrnoError(errno, "lock", path);
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
  return FileLock(fd.release(), exclusive, id_);
}

}  // namespace hwfp
