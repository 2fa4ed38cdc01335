#include <fcntl.h>
#include <io.h>

#include "cli/open_file.h"
#include "collectors/windows_text.h"

namespace hwfp::cli {

int OpenForReading(const std::string& path) {
  return _wopen(WideFromUtf8(path).c_str(), _O_RDONLY | _O_BINARY |
                                                _O_NOINHERIT);
}

}  // namespace hwfp::cli
