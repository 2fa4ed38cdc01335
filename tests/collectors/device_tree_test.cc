// Device tree reading through a root: where the tree is found (sysfs,
// the proc link, a file standing in for the link), that a link never
// leads out of the root, and the properties decoded.

#include "collectors/device_tree.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;
using namespace std::string_literals;

TEST(DeviceTreeStringsTest, SplitsOnNulAndDropsEmpties) {
  EXPECT_EQ(
      DeviceTreeStrings("raspberrypi,4-model-b\0brcm,bcm2711\0"s),
      (std::vector<std::string>{"raspberrypi,4-model-b", "brcm,bcm2711"}));
  EXPECT_EQ(DeviceTreeStrings("model\0\0"s), std::vector<std::string>{"model"});
  EXPECT_TRUE(DeviceTreeStrings(""s).empty());
}

TEST(ResolveUnderRootTest, StaysUnderTheRoot) {
  EXPECT_EQ(
      ResolveUnderRoot("proc/device-tree", "../sys/firmware/devicetree/base"),
      "sys/firmware/devicetree/base");
  EXPECT_EQ(
      ResolveUnderRoot("proc/device-tree", "/sys/firmware/devicetree/base"),
      "sys/firmware/devicetree/base");
  EXPECT_EQ(ResolveUnderRoot("proc/device-tree", "../../../../etc/./dt"),
            "etc/dt");
  EXPECT_EQ(ResolveUnderRoot("a/b/link", "c"), "a/b/c");
}

void WritePiTree(HostTree& tree, const std::string& folder) {
  tree.File(folder + "/model", "Raspberry Pi 4 Model B Rev 1.4\0"s)
      .File(folder + "/serial-number", "10000000a1b2c3d4\0"s)
      .File(folder + "/compatible", "raspberrypi,4-model-b\0brcm,bcm2711\0"s)
      .File(folder + "/memory@0/reg", "\0\0\0\0\0\0\0\0\x3b\x40\0\0"s)
      .File(folder + "/memory@80000000/reg", "\0\0\0\0\x80\0\0\0\x40\0\0\0"s)
      .File(folder + "/memory-controller/reg", "ignored"s);
}

TEST(ReadDeviceTreeTest, ReadsSysfsTree) {
  HostTree tree("dt-sysfs");
  WritePiTree(tree, "sys/firmware/devicetree/base");

  const absl::StatusOr<DeviceTree> dt = ReadDeviceTree(RootFs(tree.root()));
  ASSERT_TRUE(dt.ok()) << dt.status();
  EXPECT_EQ(dt->folder, "sys/firmware/devicetree/base");
  EXPECT_EQ(dt->model, "Raspberry Pi 4 Model B Rev 1.4");
  EXPECT_EQ(dt->serial_number, "10000000a1b2c3d4");
  EXPECT_EQ(dt->compatible, (std::vector<std::string>{"raspberrypi,4-model-b",
                                                      "brcm,bcm2711"}));
  ASSERT_EQ(dt->memory_regs.size(), 2u);
  EXPECT_EQ(dt->memory_regs[0].first, "memory@0");
  EXPECT_EQ(dt->memory_regs[0].second, "\0\0\0\0\0\0\0\0\x3b\x40\0\0"s);
  EXPECT_EQ(dt->memory_regs[1].first, "memory@80000000");
}

TEST(ReadDeviceTreeTest, FollowsAnAbsoluteProcLinkInsideTheRoot) {
  // On a live system proc/device-tree -> /sys/firmware/devicetree/base;
  // under a root that must mean root/..., never this machine's /.
  HostTree tree("dt-proc-link");
  WritePiTree(tree, "boot/dt");
  tree.Link("proc/device-tree", "/boot/dt");

  const absl::StatusOr<DeviceTree> dt = ReadDeviceTree(RootFs(tree.root()));
  ASSERT_TRUE(dt.ok()) << dt.status();
  EXPECT_EQ(dt->folder, "boot/dt");
  EXPECT_EQ(dt->serial_number, "10000000a1b2c3d4");
}

TEST(ReadDeviceTreeTest, FileStandingInForTheLink) {
  HostTree tree("dt-stand-in");
  WritePiTree(tree, "firmware/base");
  tree.File("proc/device-tree", "../firmware/base");

  const absl::StatusOr<DeviceTree> dt = ReadDeviceTree(RootFs(tree.root()));
  ASSERT_TRUE(dt.ok()) << dt.status();
  EXPECT_EQ(dt->folder, "firmware/base");
}

TEST(ReadDeviceTreeTest, OldKernelProcFolder) {
  HostTree tree("dt-proc-folder");
  WritePiTree(tree, "proc/device-tree");
  const absl::StatusOr<DeviceTree> dt = ReadDeviceTree(RootFs(tree.root()));
  ASSERT_TRUE(dt.ok()) << dt.status();
  EXPECT_EQ(dt->folder, "proc/device-tree");
}

TEST(ReadDeviceTreeTest, AbsentIsNotFoundNamingBothPlaces) {
  HostTree tree("dt-absent");
  tree.Folder("proc").Folder("sys");
  const absl::StatusOr<DeviceTree> dt = ReadDeviceTree(RootFs(tree.root()));
  ASSERT_TRUE(absl::IsNotFound(dt.status())) << dt.status();
  EXPECT_NE(dt.status().message().find("sys/firmware/devicetree/base"),
            std::string::npos);
  EXPECT_NE(dt.status().message().find("proc/device-tree"), std::string::npos);
}

TEST(ReadDeviceTreeTest, MissingPropertiesAreUnset) {
  HostTree tree("dt-sparse");
  tree.File("sys/firmware/devicetree/base/compatible", "acme,board\0"s);
  const absl::StatusOr<DeviceTree> dt = ReadDeviceTree(RootFs(tree.root()));
  ASSERT_TRUE(dt.ok()) << dt.status();
  EXPECT_EQ(dt->model, std::nullopt);
  EXPECT_EQ(dt->serial_number, std::nullopt);
  EXPECT_TRUE(dt->memory_regs.empty());
  EXPECT_EQ(dt->compatible, std::vector<std::string>{"acme,board"});
}

}  // namespace
}  // namespace hwfp
