#include <fcntl.h>

#include "cli/open_file.h"

namespace hwfp::cli {

int OpenForReading(const std::string& path) {
  // O_NONBLOCK: a FIFO must not hang the open; the caller's regular-file
  // check refuses it instead.
  return open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
}

}  // namespace hwfp::cli
