// Where SMBIOS tables come from: the Linux sysfs pair under a root folder,
// a `dmidecode --dump-bin` file, or the buffer Windows'
// GetSystemFirmwareTable('RSMB') returns. Each returns a walked Table, and
// a Table can be written back as a dump dmidecode reads.
//
// Errors name the file and the problem, with codes the CLI maps to exit
// statuses: NotFoundError (no tables), PermissionDeniedError (tables that
// may not be read), DataLossError (tables that cannot be decoded).

#ifndef HWFP_SMBIOS_SOURCES_H_
#define HWFP_SMBIOS_SOURCES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "smbios/table.h"

namespace hwfp::smbios {

// The sysfs files, relative to the root folder.
inline constexpr char kSysfsEntryPoint[] =
    "sys/firmware/dmi/tables/smbios_entry_point";
inline constexpr char kSysfsTable[] = "sys/firmware/dmi/tables/DMI";

// Reads root/sys/firmware/dmi/tables/{smbios_entry_point,DMI}; root "/"
// reads this machine.
//
// Fails with NotFoundError when the entry point file does not exist (no
// SMBIOS, e.g. a Raspberry Pi or a VM without firmware tables),
// PermissionDeniedError when a file may not be read (they are root-only on
// Linux), DataLossError when the entry point is broken, the table file is
// missing beside it, or no structure can be read.
absl::StatusOr<Table> ReadSysfsTable(absl::string_view root);

// Reads a `dmidecode --dump-bin` file: entry point at offset 0, the table
// at the offset its address field gives (0x20 as dmidecode writes it).
//
// Fails with NotFoundError when the file does not exist,
// PermissionDeniedError when it may not be read, DataLossError when it is
// not a dump or its table cannot be read.
absl::StatusOr<Table> ReadDumpFile(absl::string_view path);

// Parses what GetSystemFirmwareTable('RSMB') returns (RawSMBIOSData):
// Used20CallingMethod, SMBIOSMajorVersion, SMBIOSMinorVersion, DmiRevision
// (bytes), Length (dword), then Length bytes of table. DmiRevision is not
// the SMBIOS docrev, so the version has none. `source` names the
// buffer in messages. Windows gives no structure count, so the walk stops
// at the End-of-Table structure.
//
// Fails with NotFoundError for an empty buffer (Windows had no table),
// DataLossError when the header or table is cut short or unreadable.
absl::StatusOr<Table> ParseRawSmbiosData(absl::string_view buffer,
                                         absl::string_view source);

// Returns `table` in dmidecode's --dump-bin layout: the entry point at
// offset 0 with its table address set to 0x20 and checksums redone, zero
// padding to 0x20, then the table bytes. A table without an entry point
// (RSMB) gets an _SM3_ (version 3+, or a 2.x table over 64 KiB) or _SM_
// one made for it.
std::string DumpBin(const Table& table);

// Writes DumpBin(table) to `path`. Fails, naming the file, when it cannot
// be written.
absl::Status WriteDumpFile(const Table& table, absl::string_view path);

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_SOURCES_H_
