// Reads the device tree Linux exposes under /sys and /proc.

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "collectors/device_tree.h"

namespace hwfp {
namespace {

constexpr char kSysFolder[] = "sys/firmware/devicetree/base";
constexpr char kProcLink[] = "proc/device-tree";

std::optional<std::string> StringProperty(const RootFs& root,
                                          const std::string& path) {
  absl::StatusOr<std::string> bytes = root.ReadFile(path);
  if (!bytes.ok()) return std::nullopt;
  std::vector<std::string> strings = DeviceTreeStrings(*bytes);
  if (strings.empty()) return std::nullopt;
  return strings.front();
}

absl::StatusOr<std::string> FindFolder(const RootFs& root) {
  if (root.IsFolder(kSysFolder)) return std::string(kSysFolder);

  if (absl::StatusOr<std::string> target = root.ReadLink(kProcLink);
      target.ok()) {
    const std::string resolved = ResolveUnderRoot(kProcLink, *target);
    if (root.IsFolder(resolved)) return resolved;
  }
  if (root.IsFolder(kProcLink)) return std::string(kProcLink);

  return absl::NotFoundError(absl::StrCat("no device tree at ",
                                          root.Path(kSysFolder), " or ",
                                          root.Path(kProcLink)));
}

}  // namespace

absl::StatusOr<DeviceTree> ReadDeviceTree(const RootFs& root) {
  absl::StatusOr<std::string> folder = FindFolder(root);
  if (!folder.ok()) return folder.status();

  DeviceTree tree;
  tree.folder = *folder;
  tree.model = StringProperty(root, tree.folder + "/model");
  tree.serial_number = StringProperty(root, tree.folder + "/serial-number");
  if (absl::StatusOr<std::string> compatible =
          root.ReadFile(tree.folder + "/compatible");
      compatible.ok()) {
    tree.compatible = DeviceTreeStrings(*compatible);
  }

  absl::StatusOr<std::vector<std::string>> nodes = root.ListFolder(tree.folder);
  if (nodes.ok()) {
    for (const std::string& node : *nodes) {
      if (node != "memory" && !absl::StartsWith(node, "memory@")) continue;
      absl::StatusOr<std::string> reg =
          root.ReadFile(absl::StrCat(tree.folder, "/", node, "/reg"));
      if (reg.ok() && !reg->empty()) {
        tree.memory_regs.emplace_back(node, *std::move(reg));
      }
    }
  }
  return tree;
}

}  // namespace hwfp
