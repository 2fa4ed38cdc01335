// Whole-file reads and writes with errors that name the file and say what
// the failure means for SMBIOS tables. Internal to smbios/.

#ifndef HWFP_SMBIOS_FILE_IO_H_
#define HWFP_SMBIOS_FILE_IO_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hwfp::smbios::internal {

// Returns the status for a failed open or read of `path` with `error`
// (an errno value): NotFoundError for ENOENT/ENOTDIR,
// PermissionDeniedError for EACCES/EPERM (saying SMBIOS tables are
// readable by root only), DataLossError for anything else.
absl::Status FileError(absl::string_view path, int error);

// Opens `path` for reading in binary mode and returns a C runtime
// descriptor, or -1 with errno set. On Linux a FIFO nobody writes to
// cannot make it hang (file_io_linux.cc).
int OpenForReading(const std::string& path);

// Returns the bytes of `path`, at most `limit` of them.
absl::StatusOr<std::string> ReadFileBytes(const std::string& path,
                                          size_t limit = ~size_t{0});

// Replaces `path` with `bytes`: writes a new temporary file beside it
// (PATH.XXXXXX, created exclusively, mode 0600 as the tables themselves
// are root-only) and renames it over `path`, so a failed write leaves any
// old file intact. Fails with UnavailableError naming the file.
absl::Status WriteFileBytes(const std::string& path, absl::string_view bytes);

// Returns root joined with a relative path ("/" + "sys/x" -> "/sys/x").
std::string JoinPath(absl::string_view root, absl::string_view relative);

}  // namespace hwfp::smbios::internal

#endif  // HWFP_SMBIOS_FILE_IO_H_
