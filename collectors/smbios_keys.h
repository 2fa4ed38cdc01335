// The four hardware-hash keys that come from SMBIOS firmware tables:
// processor-hash, memory-hash, bios-hash and system-hash. Each is
// Md5Base64 over the raw bytes (formatted area and string set) of the
// structures of its group, in table order, with the bytes firmware
// rewrites on every boot masked to zero so the hash changes only when the
// hardware or firmware does.
//
//   absl::StatusOr<smbios::Table> table = smbios::ReadSysfsTable("/");
//   if (table.ok()) {
//     HardwareHash keys = SmbiosKeys(*table);
//     keys.values[kProcessorHashKey];  // "1B2M2Y8AsgTpgAmY7PhCfg=="-like
//   }

#ifndef HWFP_COLLECTORS_SMBIOS_KEYS_H_
#define HWFP_COLLECTORS_SMBIOS_KEYS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "collectors/hardware_hash.h"
#include "smbios/structure.h"
#include "smbios/table.h"

namespace hwfp {

// A hash key and the SMBIOS structure types whose bytes feed it.
struct SmbiosKeyGroup {
  const char* key;
  std::vector<uint8_t> types;
};

// The groups, in the order keys are reported: processor = 4;
// memory = 5, 6, 16, 17; bios = 0, 13; system = 1, 12, 15, 23, 32.
const std::vector<SmbiosKeyGroup>& SmbiosKeyGroups();

// Returns the raw bytes of `structure` with its run-time fields (see
// smbios_keys.cc for each, with its spec section) set to zero. Fields the
// structure is too short to hold are simply absent.
std::string MaskedStructureBytes(const smbios::Structure& structure);

// Returns the four SMBIOS keys of `table` in values, and in sources what
// fed each ("SMBIOS 3.0.0, 2 structures of type 4 from
// /sys/firmware/dmi/tables/DMI"). A group with no structure in the table
// gets an empty value and a source saying so, never the MD5 of nothing.
HardwareHash SmbiosKeys(const smbios::Table& table);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_SMBIOS_KEYS_H_
