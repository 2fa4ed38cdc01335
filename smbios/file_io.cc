#include "smbios/file_io.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"

namespace hwfp::smbios::internal {

absl::Status FileError(absl::string_view path, int error) {
  const std::string reason = std::strerror(error);
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(absl::StrCat(path, ": ", reason));
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(absl::StrCat(
          path, ": ", reason,
          " (the SMBIOS tables are readable by root only; run as root)"));
    default:
      return absl::DataLossError(
          absl::StrCat(path, ": cannot be read: ", reason));
  }
}

absl::StatusOr<std::string> ReadFileBytes(const std::string& path,
                                          size_t limit) {
  const int fd = OpenForReading(path);
  if (fd < 0) return FileError(path, errno);
  std::FILE* file = fdopen(fd, "rb");
  if (file == nullptr) {
    const int error = errno;
    close(fd);
    return FileError(path, error);
  }

  std::string bytes;
  char buffer[8192];
  while (bytes.size() < limit) {
    const size_t want = std::min(sizeof(buffer), limit - bytes.size());
    const size_t got = std::fread(buffer, 1, want, file);
    bytes.append(buffer, got);
    if (got < want) break;
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) return FileError(path, error);
  return bytes;
}

absl::Status WriteFileBytes(const std::string& path, absl::string_view bytes) {
  // A new file of our own (O_EXCL under a random name): a fixed name such
  // as PATH.tmp could be a link planted to make us write elsewhere.
  std::string temporary = absl::StrCat(path, ".XXXXXX");
  const int fd = mkstemp(temporary.data());
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat(
        temporary, ": cannot be created: ", std::strerror(errno)));
  }
  auto fail = [&](absl::string_view what, int error) {
    std::remove(temporary.c_str());
    return absl::UnavailableError(
        absl::StrCat(temporary, ": cannot be ", what, ": ",
                     std::strerror(error)));
  };

  absl::string_view rest = bytes;
  while (!rest.empty()) {
    const ssize_t written = write(fd, rest.data(), rest.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) {
      const int error = errno;
      close(fd);
      return fail("written", error);
    }
    rest.remove_prefix(static_cast<size_t>(written));
  }
  if (close(fd) != 0) return fail("written", errno);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::remove(temporary.c_str());
    return absl::UnavailableError(absl::StrCat(
        path, ": cannot be replaced: ", std::strerror(error)));
  }
  return absl::OkStatus();
}

std::string JoinPath(absl::string_view root, absl::string_view relative) {
  if (root.empty()) return std::string(relative);
  if (absl::EndsWith(root, "/")) return absl::StrCat(root, relative);
  return absl::StrCat(root, "/", relative);
}

}  // namespace hwfp::smbios::internal
