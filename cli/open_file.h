// Opens a file named on the command line for reading, the way each
// platform needs: on Linux without blocking on a FIFO and without leaking
// the descriptor into children, on Windows in binary mode and with a
// UTF-8 path.

#ifndef HWFP_CLI_OPEN_FILE_H_
#define HWFP_CLI_OPEN_FILE_H_

#include <string>

namespace hwfp::cli {

// Returns a C runtime descriptor for `path` (close it with close()), or
// -1 with errno set.
int OpenForReading(const std::string& path);

}  // namespace hwfp::cli

#endif  // HWFP_CLI_OPEN_FILE_H_
