// Firmware keys on Linux: SMBIOS from sysfs first, the platform's own
// description otherwise.

#include <algorithm>
#include <iterator>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "collectors/device_tree.h"
#include "collectors/firmware.h"
#include "collectors/hardware_hash.h"
#include "collectors/smbios_keys.h"
#include "smbios/sources.h"
#include "smbios/table.h"

namespace hwfp {
namespace {

constexpr char kCpuInfoFile[] = "proc/cpuinfo";
constexpr char kDmiIdFolder[] = "sys/class/dmi/id";

void ReadDmiIdFiles(const RootFs& root,
                    const std::vector<const char*>& files,
                    PlatformFacts& facts) {
  for (const char* file : files) {
    absl::StatusOr<std::string> value =
        root.ReadFile(absl::StrCat(kDmiIdFolder, "/", file));
    if (!value.ok()) continue;
    facts.dmi_id.emplace_back(file,
                              std::string(absl::StripAsciiWhitespace(*value)));
  }
}

}  // namespace

PlatformFacts ReadPlatformFacts(const RootFs& root,
                                std::string why_not_smbios) {
  PlatformFacts facts;
  facts.why_not_smbios = std::move(why_not_smbios);

  if (absl::StatusOr<std::string> text = root.ReadFile(kCpuInfoFile);
      text.ok()) {
    facts.cpuinfo = ParseCpuInfo(*text);
    facts.cpuinfo_path = root.Path(kCpuInfoFile);
  } else {
    facts.cpuinfo_path = std::string(text.status().message());
  }

  if (absl::StatusOr<DeviceTree> tree = ReadDeviceTree(root); tree.ok()) {
    facts.device_tree_path = root.Path(tree->folder);
    facts.device_tree = *std::move(tree);
  } else {
    facts.device_tree_path = std::string(tree.status().message());
  }

  facts.dmi_id_path = root.Path(kDmiIdFolder);
  ReadDmiIdFiles(root, DmiIdBiosFiles(), facts);
  ReadDmiIdFiles(root, DmiIdSystemFiles(), facts);
  return facts;
}

FirmwareKeys CollectFirmwareKeys(const RootFs& root) {
  absl::StatusOr<smbios::Table> table = smbios::ReadSysfsTable(root.root());
  if (!table.ok()) {
    // No tables (ARM, some VMs), root-only tables read by a user, or
    // tables too broken to walk: the platform's own description instead.
    return PlatformFirmwareKeys(ReadPlatformFacts(
        root, absl::StrCat("SMBIOS unused: ", table.status().message())));
  }

  HardwareHash smbios_keys = SmbiosKeys(*table);
  FirmwareKeys keys = {
      {smbios_keys.values[kProcessorHashKey],
       smbios_keys.sources[kProcessorHashKey]},
      {smbios_keys.values[kMemoryHashKey], smbios_keys.sources[kMemoryHashKey]},
      {smbios_keys.values[kBiosHashKey], smbios_keys.sources[kBiosHashKey]},
      {smbios_keys.values[kSystemHashKey], smbios_keys.sources[kSystemHashKey]},
  };

  // Some hypervisors publish tables without a group's structures (no
  // type 4 or 17): that key alone comes from the platform.
  CollectedKey* const all[] = {&keys.processor, &keys.memory, &keys.bios,
                               &keys.system};
  if (std::none_of(std::begin(all), std::end(all),
                   [](const CollectedKey* key) { return key->value.empty(); })) {
    return keys;
  }
  std::string why;
  for (const CollectedKey* key : all) {
    if (key->value.empty()) absl::StrAppend(&why, why.empty() ? "" : "; ",
                                            key->source);
  }
  FirmwareKeys platform = PlatformFirmwareKeys(ReadPlatformFacts(root, why));
  CollectedKey* const fallbacks[] = {&platform.processor, &platform.memory,
                                     &platform.bios, &platform.system};
  for (size_t i = 0; i < 4; ++i) {
    if (all[i]->value.empty()) *all[i] = std::move(*fallbacks[i]);
  }
  return keys;
}

}  // namespace hwfp
