// Opening table files on Linux, where a root folder may hold a FIFO.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "smbios/file_io.h"

namespace hwfp::smbios::internal {

int OpenForReading(const std::string& path) {
  // O_NONBLOCK so that opening a FIFO nobody writes to cannot hang; it is
  // cleared again, so a pipe that has a writer (`--from-dump <(...)`) is
  // read whole, and one that has none reads as empty.
  const int fd =
      open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return -1;

  const int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
    const int error = errno;
    close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

}  // namespace hwfp::smbios::internal
