// Firmware keys on Linux: SMBIOS from sysfs first, the platform's own
// description otherwise.

#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "collectors/device_tree.h"
#include "collectors/firmware.h"

namespace hwfp {
namespace {

constexpr char kCpuInfoFile[] = "proc/cpuinfo";
constexpr char kDmiIdFolder[] = "sys/class/dmi/id";
constexpr char kSmbiosTable[] = "sys/firmware/dmi/tables/DMI";

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
  absl::StatusOr<std::string> table = root.ReadFile(kSmbiosTable);
  if (table.ok()) {
    // The SMBIOS hashing lands with the smbios library; until then the
    // keys say so rather than hash something else.
    const std::string reason = absl::StrCat(
        root.Path(kSmbiosTable),
        ": SMBIOS hashing is not part of this build yet");
    return {{"", reason}, {"", reason}, {"", reason}, {"", reason}};
  }
  std::string why = absl::StrCat("no SMBIOS: ", table.status().message());
  if (absl::IsPermissionDenied(table.status())) {
    absl::StrAppend(&why, " (root only)");
  }
  return PlatformFirmwareKeys(ReadPlatformFacts(root, std::move(why)));
}

}  // namespace hwfp
