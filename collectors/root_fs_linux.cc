// RootFs on POSIX calls. Reads use open/read rather than streams: most
// files here are tiny /proc and /sys entries, and the whole collection has
// a budget of a few hundred microseconds.

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "collectors/root_fs.h"

namespace hwfp {
namespace {

// A link target longer than PATH_MAX is not a link target.
constexpr size_t kMaxLinkBytes = PATH_MAX;

absl::Status ErrnoStatus(int error, const std::string& path) {
  const std::string message = absl::StrCat(path, ": ", std::strerror(error));
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(message);
    case EISDIR:
      return absl::FailedPreconditionError(message);
    default:
      return absl::InternalError(message);
  }
}

// Closes a file descriptor on every return path.
class FileCloser {
 public:
  explicit FileCloser(int fd) : fd_(fd) {}
  ~FileCloser() { close(fd_); }
  FileCloser(const FileCloser&) = delete;
  FileCloser& operator=(const FileCloser&) = delete;

 private:
  int fd_;
};

}  // namespace

RootFs::RootFs(std::string root) : root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  if (root_.empty()) root_ = ".";
  root_fd_ = open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root_fd_ < 0) root_errno_ = errno;
}

RootFs::~RootFs() {
  if (root_fd_ >= 0) close(root_fd_);
}

RootFs::RootFs(RootFs&& other) noexcept
    : root_(std::move(other.root_)),
      root_fd_(other.root_fd_),
      root_errno_(other.root_errno_) {
  other.root_fd_ = -1;
}

std::string RootFs::Relative(absl::string_view relative) {
  while (!relative.empty() && relative.front() == '/') {
    relative.remove_prefix(1);
  }
  return relative.empty() ? std::string(".") : std::string(relative);
}

absl::Status RootFs::CheckUsable() const {
  struct stat info;
  if (stat(root_.c_str(), &info) != 0) {
    return ErrnoStatus(errno, absl::StrCat("root folder ", root_));
  }
  if (!S_ISDIR(info.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat("root folder ", root_, ": not a folder"));
  }
  DIR* folder = opendir(root_.c_str());
  if (folder == nullptr) {
    return ErrnoStatus(errno, absl::StrCat("root folder ", root_));
  }
  closedir(folder);
  return absl::OkStatus();
}

std::string RootFs::Path(absl::string_view relative) const {
  while (!relative.empty() && relative.front() == '/') {
    relative.remove_prefix(1);
  }
  if (root_ == "/") return absl::StrCat("/", relative);
  if (relative.empty()) return root_;
  return absl::StrCat(root_, "/", relative);
}

absl::StatusOr<std::string> RootFs::ReadFile(absl::string_view relative) const {
  if (root_fd_ < 0) return ErrnoStatus(root_errno_, Path(relative));
  // O_NONBLOCK: a FIFO planted in a tree must not hang the open. Every
  // file a collector reads, /proc and /sys entries included, is a regular
  // file; anything else is refused before a read can block.
  const int fd = openat(root_fd_, Relative(relative).c_str(),
                        O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(errno, Path(relative));
  FileCloser closer(fd);
  struct stat info;
  if (fstat(fd, &info) != 0) return ErrnoStatus(errno, Path(relative));
  if (S_ISDIR(info.st_mode)) return ErrnoStatus(EISDIR, Path(relative));
  if (!S_ISREG(info.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(
        Path(relative), ": not a regular file (a FIFO, socket or device), "
        "not read"));
  }

  std::string content;
  char buffer[16384];
  while (true) {
    const ssize_t got = read(fd, buffer, sizeof(buffer));
    if (got < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, Path(relative));
    }
    if (got == 0) break;
    if (content.size() + static_cast<size_t>(got) > kMaxFileBytes) {
      return absl::FailedPreconditionError(absl::StrCat(
          Path(relative), ": larger than ", kMaxFileBytes, " bytes, not read"));
    }
    content.append(buffer, static_cast<size_t>(got));
  }
  return content;
}

absl::StatusOr<std::vector<std::string>> RootFs::ListFolder(
    absl::string_view relative) const {
  if (root_fd_ < 0) return ErrnoStatus(root_errno_, Path(relative));
  const int fd = openat(root_fd_, Relative(relative).c_str(),
                        O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(errno, Path(relative));
  DIR* folder = fdopendir(fd);
  if (folder == nullptr) {
    const int error = errno;
    close(fd);
    return ErrnoStatus(error, Path(relative));
  }

  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = readdir(folder)) {
    if (std::strcmp(entry->d_name, ".") != 0 &&
        std::strcmp(entry->d_name, "..") != 0) {
      names.emplace_back(entry->d_name);
    }
  }
  const int error = errno;
  closedir(folder);
  if (error != 0) return ErrnoStatus(error, Path(relative));

  std::sort(names.begin(), names.end());
  return names;
}

bool RootFs::Exists(absl::string_view relative) const {
  struct stat info;
  return fstatat(root_fd_, Relative(relative).c_str(), &info,
                 AT_SYMLINK_NOFOLLOW) == 0;
}

bool RootFs::IsFolder(absl::string_view relative) const {
  struct stat info;
  return fstatat(root_fd_, Relative(relative).c_str(), &info, 0) == 0 &&
         S_ISDIR(info.st_mode);
}

absl::StatusOr<std::string> RootFs::ReadLink(absl::string_view relative) const {
  const std::string name = Relative(relative);
  const std::string path = Path(relative);
  if (root_fd_ < 0) return ErrnoStatus(root_errno_, path);
  struct stat info;
  if (fstatat(root_fd_, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
    return ErrnoStatus(errno, path);
  }

  if (S_ISLNK(info.st_mode)) {
    char target[kMaxLinkBytes];
    const ssize_t got =
        readlinkat(root_fd_, name.c_str(), target, sizeof(target));
    if (got < 0) return ErrnoStatus(errno, path);
    // readlink fills the buffer without saying it cut the target short.
    if (static_cast<size_t>(got) == sizeof(target)) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, ": link target longer than ", kMaxLinkBytes - 1,
          " bytes, not read cut short"));
    }
    return std::string(target, static_cast<size_t>(got));
  }
  if (!S_ISREG(info.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": neither a link nor a file holding a target"));
  }
  if (static_cast<size_t>(info.st_size) >= kMaxLinkBytes) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": a ", info.st_size,
                     "-byte file is too long to stand in for a link"));
  }

  absl::StatusOr<std::string> target = ReadFile(relative);
  if (!target.ok()) return target.status();
  while (!target->empty() &&
         (target->back() == '\n' || target->back() == '\0')) {
    target->pop_back();
  }
  return target;
}

}  // namespace hwfp
