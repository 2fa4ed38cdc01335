// Reads the facts the Windows keys are computed from (windows_keys.h) on
// the machine this runs on, through Win32 and WMI only: no wmic, no
// PowerShell, nothing that Windows Server 2025 removed. Windows only.

#ifndef HWFP_COLLECTORS_WINDOWS_MACHINE_H_
#define HWFP_COLLECTORS_WINDOWS_MACHINE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "collectors/windows_keys.h"

namespace hwfp {

// Returns the SMBIOS table as GetSystemFirmwareTable('RSMB') hands it out
// (RawSMBIOSData). Fails with NotFoundError when Windows has no table.
absl::StatusOr<std::string> ReadRsmbTable();

// Returns the DNS host name (GetComputerNameExW), in UTF-8.
absl::StatusOr<std::string> ReadDnsHostName();

// Returns the IPv4 view of every adapter GetAdaptersAddresses lists.
// Fails, with the Win32 error, when the call does.
absl::StatusOr<std::vector<WindowsAdapter>> ReadAdapters();

// Returns Model, SerialNumber and Size of every WMI Win32_DiskDrive.
// Fails, naming the COM call and its HRESULT, when WMI cannot be asked.
absl::StatusOr<std::vector<WindowsDisk>> ReadDiskDrives();

// Returns the logical processors the registry lists, in processor order.
// Fails with NotFoundError when the key is missing.
absl::StatusOr<std::vector<WindowsProcessor>> ReadProcessors();

// Returns all five, each read independently so one failure loses one key.
WindowsFacts ReadWindowsFacts();

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_WINDOWS_MACHINE_H_
