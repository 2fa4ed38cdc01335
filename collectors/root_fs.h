// Read-only access to a machine's files through a root folder ("/" for the
// live system, a copied tree in tests and fixtures). Every collector reads
// through this, so the same code runs on the live system and on a tree.
//
// Paths given to RootFs are relative to the root ("etc/machine-id"); errors
// name the full path that was tried.

#ifndef HWFP_COLLECTORS_ROOT_FS_H_
#define HWFP_COLLECTORS_ROOT_FS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hwfp {

class RootFs {
 public:
  // Files larger than this are refused: nothing a collector reads comes
  // near it (a 256-CPU /proc/cpuinfo is about 300 KiB), and a hostile tree
  // must not make us allocate without bound.
  static constexpr size_t kMaxFileBytes = 8 << 20;

  // `root` may be "/" or any folder; a trailing slash is ignored. The
  // folder is opened once here and every read is made relative to it, so
  // the kernel does not walk the root's own path again for each file.
  explicit RootFs(std::string root);
  ~RootFs();
  RootFs(RootFs&& other) noexcept;
  RootFs& operator=(RootFs&& other) = delete;
  RootFs(const RootFs&) = delete;
  RootFs& operator=(const RootFs&) = delete;

  // Returns OK when the root is a folder that can be listed; otherwise
  // kNotFound (absent), kFailedPrecondition (not a folder) or
  // kPermissionDenied, naming the root.
  absl::Status CheckUsable() const;

  const std::string& root() const { return root_; }

  // Returns the full path of `relative` under the root:
  // RootFs("/srv/tree").Path("etc/machine-id") == "/srv/tree/etc/machine-id".
  std::string Path(absl::string_view relative) const;

  // Returns the whole content of a file. Fails with kNotFound,
  // kPermissionDenied, kFailedPrecondition (a folder, or larger than
  // kMaxFileBytes) or kInternal, each naming the file. Reads until end of
  // file, since /proc and /sys files report a size of 0 or 4096.
  absl::StatusOr<std::string> ReadFile(absl::string_view relative) const;

  // Returns the names in a folder, sorted bytewise, without "." and "..".
  // Sorted so that nothing depends on the order the kernel lists entries
  // in, which can change between boots.
  absl::StatusOr<std::vector<std::string>> ListFolder(
      absl::string_view relative) const;

  // Returns true when something (file, folder, link, even a dangling link)
  // exists at `relative`; links are not followed for the last component.
  bool Exists(absl::string_view relative) const;

  // Returns true when `relative` is a folder (following links).
  bool IsFolder(absl::string_view relative) const;

  // Returns the target of a symbolic link. A tree copied without links
  // (some archives and fixture stores do this) keeps a link as a small
  // regular file holding the target's text; that text is returned too,
  // without a trailing newline. Fails with kNotFound, kPermissionDenied or
  // kFailedPrecondition (a folder, a file too long to be a link target, or
  // a link whose target does not fit in PATH_MAX bytes).
  absl::StatusOr<std::string> ReadLink(absl::string_view relative) const;

 private:
  // `relative` without leading slashes; "." for the root itself.
  static std::string Relative(absl::string_view relative);

  std::string root_;
  // The root opened with O_PATH; -1 when it could not be opened, and then
  // every read fails with root_errno_ (absent root: kNotFound).
  int root_fd_ = -1;
  int root_errno_ = 0;
};

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_ROOT_FS_H_
