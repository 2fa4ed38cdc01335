// The kernel's random source: getrandom(2), which needs no /dev (hwfp runs
// in an empty chroot), and /dev/urandom for kernels older than 3.17.

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "fingerprint/uuid.h"

namespace hwfp {
namespace {

absl::Status ReadUrandom(absl::Span<uint8_t> bytes) {
  const int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat(
        "no secure random source: getrandom is missing and /dev/urandom: ",
        std::strerror(errno)));
  }
  size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t got = read(fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      const int error_number = got < 0 ? errno : EIO;
      close(fd);
      return absl::UnavailableError(
          absl::StrCat("/dev/urandom: ", std::strerror(error_number)));
    }
    filled += static_cast<size_t>(got);
  }
  close(fd);
  return absl::OkStatus();
}

}  // namespace

absl::Status FillSecureRandom(absl::Span<uint8_t> bytes) {
  size_t filled = 0;
  while (filled < bytes.size()) {
    // Flags 0: blocks only until the kernel's pool is first initialised.
    const ssize_t got =
        getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      if (errno == ENOSYS) return ReadUrandom(bytes);
      return absl::UnavailableError(
          absl::StrCat("getrandom: ", std::strerror(errno)));
    }
    filled += static_cast<size_t>(got);
  }
  return absl::OkStatus();
}

}  // namespace hwfp
