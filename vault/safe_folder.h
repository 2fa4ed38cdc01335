// A vault folder opened once and trusted only after checks: a real folder,
// not a symbolic link, owned by the user running hwfp, with no access for
// group or others. Every file operation then goes through the open folder,
// never through a path, so a name swapped for a link afterwards is not
// followed, and every file read or replaced passes the same checks.
//
// Writes are atomic: a temporary file in the same folder, written, flushed
// to disk, renamed over the target, and the folder flushed, so a crash at
// any instant leaves the old file or the new one.

#ifndef HWFP_VAULT_SAFE_FOLDER_H_
#define HWFP_VAULT_SAFE_FOLDER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace hwfp {

// Every temporary file a write creates starts with this; a stale one (left
// by a process killed mid-write) is removed by RemoveStaleTemporaries.
inline constexpr char kTemporaryPrefix[] = ".hwfp-tmp.";

// Identifies a folder on this machine for as long as it exists.
struct FolderId {
  uint64_t device = 0;
  uint64_t inode = 0;
  bool operator==(const FolderId& other) const {
    return device == other.device && inode == other.inode;
  }
};

// An advisory lock on a file of a SafeFolder, held until destroyed.
class FileLock {
 public:
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

  bool exclusive() const { return exclusive_; }
  // The folder holding the lock file.
  const FolderId& folder() const { return folder_; }

 private:
  friend class SafeFolder;
  FileLock(int fd, bool exclusive, FolderId folder)
      : fd_(fd), exclusive_(exclusive), folder_(folder) {}

  int fd_ = -1;
  bool exclusive_ = false;
  FolderId folder_;
};

class SafeFolder {
 public:
  // Opens the folder at `path`. With `create`, a missing folder is created
  // (missing parents too) with mode 0700. Fails with kNotFound when it is
  // missing and `create` is false, kFailedPrecondition when it is a
  // symbolic link, not a folder, owned by another user or open to group or
  // others (the message says how to fix it), kPermissionDenied when it may
  // not be read.
  static absl::StatusOr<SafeFolder> Open(const std::string& path, bool create);

  SafeFolder(SafeFolder&& other) noexcept;
  SafeFolder& operator=(SafeFolder&& other) noexcept;
  SafeFolder(const SafeFolder&) = delete;
  SafeFolder& operator=(const SafeFolder&) = delete;
  ~SafeFolder();

  // The path as given to Open (or parent path + "/" + name), for messages.
  const std::string& path() const { return path_; }
  // The folder's absolute path with no symbolic links, resolved at Open.
  const std::string& real_path() const { return real_path_; }
  const FolderId& id() const { return id_; }

  // Opens the sub-folder `name` with the same checks as Open.
  absl::StatusOr<SafeFolder> OpenChild(absl::string_view name,
                                       bool create) const;

  // Returns the contents of file `name`, or nullopt when there is none.
  // Fails with kFailedPrecondition when it is a symbolic link, not a
  // regular file, owned by another user, open to group or others, or has
  // more than one hard link; with kDataLoss when it is larger than
  // `max_bytes` (checked before reading, so a huge file costs nothing).
  absl::StatusOr<std::optional<std::string>> ReadFile(absl::string_view name,
                                                      size_t max_bytes) const;

  // Atomically replaces (or creates) file `name` with `bytes`, mode 0600.
  absl::Status WriteFileAtomically(absl::string_view name,
                                   absl::string_view bytes) const;

  // Renames file `from` to `to`; fails with kAlreadyExists, changing
  // nothing, when `to` exists.
  absl::Status RenameNoReplace(absl::string_view from,
                               absl::string_view to) const;

  // Removes file `name`; succeeds when there is none.
  absl::Status RemoveFile(absl::string_view name) const;

  // Returns the names of the folder's entries, sorted, "." and ".."
  // excluded.
  absl::StatusOr<std::vector<std::string>> List() const;

  // Removes temporary files left by interrupted writes. Call only while
  // holding the folder's exclusive lock, when no write is under way.
  absl::Status RemoveStaleTemporaries() const;

  // Locks file `name` (created 0600 if missing, checked like ReadFile),
  // shared or exclusive, waiting up to `timeout`. Fails with
  // kDeadlineExceeded when another process holds it that long.
  absl::StatusOr<FileLock> Lock(absl::string_view name, bool exclusive,
                                absl::Duration timeout) const;

 private:
  SafeFolder(int fd, std::string path, std::string real_path, FolderId id)
      : fd_(fd),
        path_(std::move(path)),
        real_path_(std::move(real_path)),
        id_(id) {}

  std::string PathOf(absl::string_view name) const;

  int fd_ = -1;
  std::string path_;
  std::string real_path_;
  FolderId id_;
};

}  // namespace hwfp

#endif  // HWFP_VAULT_SAFE_FOLDER_H_
