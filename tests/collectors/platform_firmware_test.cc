// Firmware keys without SMBIOS: which platform fact feeds which key, that
// each fact moves only its own key, and the fallback to the processor
// identity when a key has no source of its own.

#include "collectors/platform_firmware.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "collectors/digest.h"
#include "gtest/gtest.h"

namespace hwfp {
namespace {

constexpr char kPiCpuInfo[] =
    "processor\t: 0\nBogoMIPS\t: 108.00\nCPU implementer\t: 0x41\n"
    "CPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd08\n"
    "CPU revision\t: 3\n\n"
    "Hardware\t: BCM2835\nRevision\t: c03114\n"
    "Serial\t\t: 10000000a1b2c3d4\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n";

constexpr char kVmCpuInfo[] =
    "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
    "model\t\t: 143\nmodel name\t: Intel(R) Xeon(R) Platinum 8481C\n"
    "stepping\t: 8\ncpu MHz\t\t: 2699.998\nbogomips\t: 5399.99\n\n";

PlatformFacts PiFacts() {
  PlatformFacts facts;
  facts.cpuinfo = ParseCpuInfo(kPiCpuInfo);
  facts.cpuinfo_path = "/proc/cpuinfo";
  DeviceTree tree;
  tree.folder = "sys/firmware/devicetree/base";
  tree.model = "Raspberry Pi 4 Model B Rev 1.4";
  tree.serial_number = "10000000a1b2c3d4";
  tree.compatible = {"raspberrypi,4-model-b", "brcm,bcm2711"};
  tree.memory_regs = {{"memory@0", std::string("\0\0\0\0\x3b\x40\0\0", 8)}};
  facts.device_tree = tree;
  facts.device_tree_path = "/sys/firmware/devicetree/base";
  facts.dmi_id_path = "/sys/class/dmi/id";
  facts.why_not_smbios = "no entry point";
  return facts;
}

struct Values {
  std::string processor, memory, bios, system;
  bool operator==(const Values& o) const {
    return processor == o.processor && memory == o.memory && bios == o.bios &&
           system == o.system;
  }
};

Values ValuesOf(const PlatformFacts& facts) {
  const FirmwareKeys keys = PlatformFirmwareKeys(facts);
  return {keys.processor.value, keys.memory.value, keys.bios.value,
          keys.system.value};
}

TEST(PlatformFirmwareTest, PiKeysAndTheirSources) {
  const FirmwareKeys keys = PlatformFirmwareKeys(PiFacts());

  EXPECT_EQ(keys.processor.value,
            Md5Base64("processor-hash\ncpuinfo cpu 0: CPU implementer=0x41; "
                      "CPU variant=0x0; CPU part=0xd08; CPU revision=3\n"));
  EXPECT_EQ(keys.processor.source,
            "/proc/cpuinfo: CPU implementer, CPU variant, CPU part, "
            "CPU revision (no entry point)");
  EXPECT_EQ(keys.memory.value,
            Md5Base64("memory-hash\ndevicetree memory@0/reg=000000003b400000\n"
                      "cpuinfo Revision=c03114\n"));
  EXPECT_EQ(keys.bios.value,
            Md5Base64("bios-hash\ndevicetree compatible=raspberrypi,4-model-b "
                      "brcm,bcm2711\ncpuinfo Hardware=BCM2835\n"));
  EXPECT_EQ(keys.system.value,
            Md5Base64("system-hash\ndevicetree model=Raspberry Pi 4 Model B "
                      "Rev 1.4\ndevicetree serial-number=10000000a1b2c3d4\n"
                      "cpuinfo Model=Raspberry Pi 4 Model B Rev 1.4\n"
                      "cpuinfo Serial=10000000a1b2c3d4\n"));

  EXPECT_EQ(keys.memory.source,
            "device tree /sys/firmware/devicetree/base: memory@0/reg; "
            "/proc/cpuinfo: Revision (no entry point)");
  EXPECT_EQ(keys.system.source,
            "device tree /sys/firmware/devicetree/base: model, serial-number; "
            "/proc/cpuinfo: Model, Serial (no entry point)");
}

TEST(PlatformFirmwareTest, EachFactMovesOnlyItsKey) {
  const Values before = ValuesOf(PiFacts());

  PlatformFacts serial = PiFacts();
  serial.device_tree->serial_number = "10000000ffffffff";
  Values after = ValuesOf(serial);
  EXPECT_NE(after.system, before.system);
  EXPECT_EQ(after.processor, before.processor);
  EXPECT_EQ(after.memory, before.memory);
  EXPECT_EQ(after.bios, before.bios);

  PlatformFacts ram = PiFacts();
  ram.device_tree->memory_regs[0].second[5] = 0x7f;
  after = ValuesOf(ram);
  EXPECT_NE(after.memory, before.memory);
  EXPECT_EQ(after.system, before.system);
  EXPECT_EQ(after.bios, before.bios);
  EXPECT_EQ(after.processor, before.processor);

  PlatformFacts compatible = PiFacts();
  compatible.device_tree->compatible.pop_back();
  after = ValuesOf(compatible);
  EXPECT_NE(after.bios, before.bios);
  EXPECT_EQ(after.system, before.system);
  EXPECT_EQ(after.memory, before.memory);
}

TEST(PlatformFirmwareTest, RebootNoiseAndPathsChangeNothing) {
  const Values before = ValuesOf(PiFacts());
  PlatformFacts rebooted = PiFacts();
  rebooted.cpuinfo = ParseCpuInfo(absl::StrReplaceAll(
      kPiCpuInfo, {{"BogoMIPS\t: 108.00", "BogoMIPS\t: 54.00"}}));
  // The same machine read through another root.
  rebooted.cpuinfo_path = "/mnt/pi/proc/cpuinfo";
  rebooted.device_tree_path = "/mnt/pi/proc/device-tree";
  rebooted.why_not_smbios = "something else";
  EXPECT_EQ(ValuesOf(rebooted), before);
}

TEST(PlatformFirmwareTest, VmWithOnlyCpuInfoDerivesDistinctKeys) {
  PlatformFacts facts;
  facts.cpuinfo = ParseCpuInfo(kVmCpuInfo);
  facts.cpuinfo_path = "/proc/cpuinfo";
  facts.device_tree_path = "no device tree";
  facts.why_not_smbios = "no entry point";

  const FirmwareKeys keys = PlatformFirmwareKeys(facts);
  for (const CollectedKey* key :
       {&keys.processor, &keys.memory, &keys.bios, &keys.system}) {
    EXPECT_FALSE(key->value.empty()) << key->source;
  }
  EXPECT_NE(keys.memory.value, keys.processor.value);
  EXPECT_NE(keys.memory.value, keys.bios.value);
  EXPECT_NE(keys.bios.value, keys.system.value);
  EXPECT_TRUE(absl::StartsWith(keys.memory.source,
                               "none of this key's own sources exists"))
      << keys.memory.source;
  EXPECT_FALSE(absl::StrContains(keys.processor.source, "none of"));
}

TEST(PlatformFirmwareTest, NothingAtAllLeavesKeysEmptyWithReason) {
  PlatformFacts facts;
  facts.cpuinfo_path = "/proc/cpuinfo: No such file or directory";
  facts.device_tree_path = "no device tree at ...";
  const FirmwareKeys keys = PlatformFirmwareKeys(facts);
  EXPECT_EQ(keys.processor.value, "");
  EXPECT_EQ(keys.system.value, "");
  EXPECT_TRUE(absl::StrContains(keys.system.source,
                                "/proc/cpuinfo: No such file or directory"))
      << keys.system.source;
}

TEST(PlatformFirmwareTest, DmiIdFilesFeedBiosAndSystem) {
  PlatformFacts facts;
  facts.cpuinfo = ParseCpuInfo(kVmCpuInfo);
  facts.cpuinfo_path = "/proc/cpuinfo";
  facts.device_tree_path = "no device tree";
  facts.dmi_id_path = "/sys/class/dmi/id";
  facts.dmi_id = {{"bios_vendor", "Dell Inc."},
                  {"bios_version", "2.17.0"},
                  {"sys_vendor", "Dell Inc."},
                  {"product_name", "PowerEdge R630"}};

  const FirmwareKeys keys = PlatformFirmwareKeys(facts);
  EXPECT_EQ(keys.bios.value, Md5Base64("bios-hash\ndmi bios_vendor=Dell Inc.\n"
                                       "dmi bios_version=2.17.0\n"));
  EXPECT_EQ(keys.system.value,
            Md5Base64("system-hash\ndmi sys_vendor=Dell Inc.\n"
                      "dmi product_name=PowerEdge R630\n"));
  EXPECT_EQ(keys.bios.source, "/sys/class/dmi/id: bios_vendor, bios_version");
  // Nothing in dmi/id describes memory.
  EXPECT_TRUE(absl::StartsWith(keys.memory.source, "none of"));
}

}  // namespace
}  // namespace hwfp
