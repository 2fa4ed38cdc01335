// The four firmware keys (processor-hash, memory-hash, bios-hash,
// system-hash) on Linux: from the SMBIOS tables in sysfs when they can be
// read, else from what the platform offers instead (platform_firmware.h).

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
