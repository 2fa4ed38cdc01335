// The four firmware keys (processor-hash, memory-hash, bios-hash,
// system-hash) on Linux, in this order of preference:
//  1. the SMBIOS tables in sys/firmware/dmi/tables (smbios_keys.h: raw
//     structure bytes, run-time fields masked);
//  2. when those are absent, root-only for this user, or too broken to
//     walk, or lack a key's structures: what the platform offers instead
//     (platform_firmware.h: /sys/class/dmi/id, the device tree,
//     /proc/cpuinfo), with the reason SMBIOS was not used in the note.

#ifndef HWFP_COLLECTORS_FIRMWARE_H_
#define HWFP_COLLECTORS_FIRMWARE_H_

#include <string>

#include "collectors/platform_firmware.h"
#include "collectors/root_fs.h"

namespace hwfp {

// Returns the four keys with their sources. Never fails: a key without
// any source is empty, with the reason.
FirmwareKeys CollectFirmwareKeys(const RootFs& root);

// Reads proc/cpuinfo, the device tree and sys/class/dmi/id through `root`.
// `why_not_smbios` is carried into every key's note.
PlatformFacts ReadPlatformFacts(const RootFs& root, std::string why_not_smbios);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_FIRMWARE_H_
