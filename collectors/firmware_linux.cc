// Firmware keys on Linux: SMBIOS from sysfs first, the platform's own
// description otherwise.

#include <optional>
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

constexpr std::pair<const char*, CollectedKey FirmwareKeys::*> kKeyMembers[] = {
    {kProcessorHashKey, &FirmwareKeys::processor},
    {kMemoryHashKey, &FirmwareKeys::memory},
    {kBiosHashKey, &FirmwareKeys::bios},
    {kSystemHashKey, &FirmwareKeys::system}};

void ReadDmiIdFiles(const RootFs& root, const std::vector<const char*>& files,
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

  // Some hypervisors publish tables without a group's structures (no
  // type 4 or 17): that key alone comes from the platform, and its note
  // says what the table lacked.
  HardwareHash smbios_keys = SmbiosKeys(*table);
  FirmwareKeys keys;
  std::optional<FirmwareKeys> platform;
  for (const auto& [name, member] : kKeyMembers) {
    CollectedKey& key = keys.*member;
    key = {smbios_keys.values[name], smbios_keys.sources[name]};
    if (!key.value.empty()) continue;

    if (!platform) platform = PlatformFirmwareKeys(ReadPlatformFacts(root, ""));
    const CollectedKey& fallback = *platform.*member;
    key = {fallback.value,
           absl::StrCat(fallback.source, " (", key.source, ")")};
  }
  return keys;
}

}  // namespace hwfp
