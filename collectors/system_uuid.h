// The SMBIOS system UUID (System Information, type 1, offset 08h): the
// machine's identity on Windows, stored under the hardware-hash key `uuid`
// as the reference agent does there.

#ifndef HWFP_COLLECTORS_SYSTEM_UUID_H_
#define HWFP_COLLECTORS_SYSTEM_UUID_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "collectors/collected_key.h"
#include "smbios/table.h"

namespace hwfp {

// Returns the 16 UUID bytes as Windows prints them (Win32_
// ComputerSystemProduct.UUID): uppercase 8-4-4-4-12 hex, the first three
// fields read little-endian. SMBIOS 2.6 made that order the standard
// because Windows always used it, so it is applied to older tables too,
// unlike dmidecode, which keeps their bytes in stored order. Returns
// nullopt unless `bytes` holds exactly 16 bytes.
//
//   FormatSystemUuid("\x33\x22\x11\x00\x55\x44\x77\x66\x88\x99"
//                    "\xAA\xBB\xCC\xDD\xEE\xFF")
//       == "00112233-4455-6677-8899-AABBCCDDEEFF"
std::optional<std::string> FormatSystemUuid(absl::string_view bytes);

// Returns the uuid key from the first System Information structure of
// `table`. Empty, with the reason, when there is none, it is too short to
// hold a UUID (SMBIOS 2.0), or the UUID says "not present" (all FFh) or
// "not set" (all 00h).
CollectedKey CollectSystemUuid(const smbios::Table& table);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_SYSTEM_UUID_H_
