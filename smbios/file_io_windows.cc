// Opening table files on Windows: binary mode, or the C runtime would turn
// CR LF pairs inside a dump into LF.

#include <fcntl.h>
#include <io.h>

#include "smbios/file_io.h"

namespace hwfp::smbios::internal {

int OpenForReading(const std::string& path) {
  return _open(path.c_str(), _O_RDONLY | _O_BINARY);
}

}  // namespace hwfp::smbios::internal
