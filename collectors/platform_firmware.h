// The four firmware keys on machines whose SMBIOS tables are absent or
// unreadable: ARM boards, VMs without firmware tables, and ordinary users
// (the tables are root-only). Each key hashes the platform facts that come
// closest to what its SMBIOS structures describe:
//
//   key             sources, in the order they are hashed
//   processor-hash  /proc/cpuinfo, per CPU: the stable identity fields of
//                   cpuinfo.h (x86: vendor_id, cpu family, model,
//                   stepping, model name; ARM: CPU implementer, variant,
//                   part, revision)
//   memory-hash     device tree memory nodes' `reg` (base and size of
//                   each bank); /proc/cpuinfo `Revision` (a Raspberry Pi's
//                   board revision code carries its RAM size)
//   bios-hash       /sys/class/dmi/id bios_vendor, bios_version,
//                   bios_date, bios_release; device tree `compatible`;
//                   /proc/cpuinfo `Hardware`
//   system-hash     /sys/class/dmi/id sys_vendor, product_name,
//                   product_version, product_family, product_sku,
//                   board_vendor, board_name, board_version,
//                   chassis_vendor, chassis_type, chassis_version; device
//                   tree `model`, `serial-number`; /proc/cpuinfo `Model`,
//                   `Serial`
//
// A key none of whose sources exists (an x86 VM without SMBIOS has only
// /proc/cpuinfo) is derived from the processor identity, prefixed with
// the key's name so the four values differ; its `sources` note says so.
// Only the world-readable dmi/id files are used, so the value does not
// depend on which root-only ones (serials, UUID) happen to be readable.
//
// Every hashed text starts with the key name and has one "SOURCE
// FIELD=VALUE" line per fact; Md5Base64 of it is the value.

#ifndef HWFP_COLLECTORS_PLATFORM_FIRMWARE_H_
#define HWFP_COLLECTORS_PLATFORM_FIRMWARE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "collectors/collected_key.h"
#include "collectors/cpuinfo.h"
#include "collectors/device_tree.h"

namespace hwfp {

struct FirmwareKeys {
  CollectedKey processor;
  CollectedKey memory;
  CollectedKey bios;
  CollectedKey system;
};

// What the platform offers instead of SMBIOS, as read by the caller.
struct PlatformFacts {
  std::optional<CpuInfo> cpuinfo;
  std::string cpuinfo_path;  // Where it was read, or why it is absent.
  std::optional<DeviceTree> device_tree;
  std::string device_tree_path;  // Likewise.
  // Readable /sys/class/dmi/id files: name -> value without surrounding
  // whitespace. Empty when the folder is absent.
  std::vector<std::pair<std::string, std::string>> dmi_id;
  std::string dmi_id_path;
  // Why SMBIOS was not used; appended to every key's note.
  std::string why_not_smbios;
};

// Returns the four keys from `facts` per the table above. A key is empty,
// with the reason, only when neither its own sources nor a processor
// identity exist.
FirmwareKeys PlatformFirmwareKeys(const PlatformFacts& facts);

// The dmi/id files each key uses, in hashing order.
const std::vector<const char*>& DmiIdBiosFiles();
const std::vector<const char*>& DmiIdSystemFiles();

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_PLATFORM_FIRMWARE_H_
