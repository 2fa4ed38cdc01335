#include "vault/capped_read.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace hwfp {

int ReadCapped(int fd, size_t size_hint, size_t max_bytes,
               std::string& content) {
  // One byte past the hint (capped), so the end of file is seen without a
  // resize when the file kept its size.
  content.assign(std::min(size_hint, max_bytes) + 1, '\0');
  size_t size = 0;
  int error = 0;
  while (size <= max_bytes) {
    if (size == content.size()) {
      content.resize(std::min(content.size() * 2, max_bytes + 1));
    }
    const ssize_t got = read(fd, &content[size], content.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) error = errno;
    if (got <= 0) break;
    size += static_cast<size_t>(got);
  }
  content.resize(size);
  return error;
}

}  // namespace hwfp
