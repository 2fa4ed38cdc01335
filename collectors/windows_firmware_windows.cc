// The RSMB firmware table and the host name on Windows, and the facts
// gathered in one call.

// First, before windows.h: COM headers #define `interface`, a name the
// network rules use.
#include "collectors/windows_machine.h"

#include <windows.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "collectors/windows_text.h"

namespace hwfp {
namespace {

// The provider signature 'RSMB', spelled out as the DWORD it stands for.
constexpr DWORD kRsmbProvider = (DWORD{'R'} << 24) | (DWORD{'S'} << 16) |
                                (DWORD{'M'} << 8) | DWORD{'B'};

}  // namespace

absl::StatusOr<std::string> ReadRsmbTable() {
  // The size can change between the two calls only if firmware tables are
  // rewritten at run time; a second short read is reported, not retried.
  const UINT size = GetSystemFirmwareTable(kRsmbProvider, 0, nullptr, 0);
  if (size == 0) {
    return absl::NotFoundError(
        absl::StrCat(kRsmbSource, " returned no table: ",
                     DescribeWin32Error(GetLastError())));
  }
  std::string buffer(size, '\0');
  const UINT got = GetSystemFirmwareTable(kRsmbProvider, 0, buffer.data(),
                                          size);
  if (got == 0 || got > size) {
    return absl::DataLossError(
        absl::StrCat(kRsmbSource, " announced ", size, " bytes, then gave ",
                     got, ": ", DescribeWin32Error(GetLastError())));
  }
  buffer.resize(got);
  return buffer;
}

absl::StatusOr<std::string> ReadDnsHostName() {
  DWORD size = 0;
  GetComputerNameExW(ComputerNameDnsHostname, nullptr, &size);
  std::wstring name(size + 1, L'\0');
  if (!GetComputerNameExW(ComputerNameDnsHostname, name.data(), &size)) {
    return absl::UnavailableError(
        absl::StrCat("GetComputerNameExW(ComputerNameDnsHostname): ",
                     DescribeWin32Error(GetLastError())));
  }
  name.resize(size);
  return Utf8FromWide(name.c_str());
}

WindowsFacts ReadWindowsFacts() {
  WindowsFacts facts;
  facts.rsmb = ReadRsmbTable();
  facts.host_name = ReadDnsHostName();
  facts.adapters = ReadAdapters();
  facts.disks = ReadDiskDrives();
  facts.processors = ReadProcessors();
  return facts;
}

}  // namespace hwfp
