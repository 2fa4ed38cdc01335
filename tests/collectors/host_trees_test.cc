// The shared host trees (../shared/fixtures/hosts) as they are: all nine
// keys, the firmware keys never empty, the NIC's address and MAC rather
// than docker0's, and the R630's SMBIOS keys the same as from its dump.
// Skipped, saying why, when the fixtures are absent.

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "collectors/collect.h"
#include "collectors/smbios_keys.h"
#include "gtest/gtest.h"
#include "smbios/sources.h"
#include "tests/testing/fixtures.h"
#include "tests/testing/host_tree.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;

constexpr const char* kFirmwareKeys[] = {kProcessorHashKey, kMemoryHashKey,
                                         kBiosHashKey, kSystemHashKey};

class HostTreesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = hwfp::testing::FixturesDir();
    if (!dir_) GTEST_SKIP() << hwfp::testing::kNoFixtures;
  }

  std::string Host(const char* name) const { return *dir_ + "/hosts/" + name; }

  HardwareHash Collect(const std::string& root) const {
    absl::StatusOr<HardwareHash> hash = CollectHardwareHash({root});
    EXPECT_TRUE(hash.ok()) << hash.status();
    if (!hash.ok()) return HardwareHash();
    EXPECT_EQ(hash->values.size(), 9u);
    for (const char* key : kFirmwareKeys) {
      EXPECT_FALSE(hash->values.at(key).empty())
          << key << ": " << hash->sources.at(key);
    }
    return *std::move(hash);
  }

  std::optional<std::string> dir_;
};

TEST_F(HostTreesTest, DellR630) {
  const HardwareHash hash = Collect(Host("dell-r630"));
  EXPECT_EQ(hash.values.at(kMachineIdKey),
            "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f\n");
  EXPECT_EQ(hash.values.at(kHostnameKey), "r630-db-01");
  EXPECT_EQ(hash.values.at(kIpAddressKey), "192.168.1.23");
  EXPECT_EQ(hash.values.at(kMacAddressKey), "18:66:da:10:20:30");
  EXPECT_FALSE(hash.values.at(kDiskKey).empty());
  for (const char* key : kFirmwareKeys) {
    EXPECT_TRUE(absl::StartsWith(hash.sources.at(key), "SMBIOS 3.3.0"))
        << hash.sources.at(key);
  }
}

TEST_F(HostTreesTest, DellR630SysfsTreeHashesLikeItsDump) {
  const HardwareHash hash = Collect(Host("dell-r630"));
  absl::StatusOr<smbios::Table> dump = smbios::ReadDumpFile(
      *dir_ + "/smbios/dell-poweredge-r630-dual-xeon/dump.bin");
  ASSERT_TRUE(dump.ok()) << dump.status();
  const HardwareHash from_dump = SmbiosKeys(*dump);
  for (const char* key : kFirmwareKeys) {
    EXPECT_EQ(hash.values.at(key), from_dump.values.at(key)) << key;
  }
}

TEST_F(HostTreesTest, DellR630OneDimmSerialChangesMemoryHashOnly) {
  const HardwareHash before = Collect(Host("dell-r630"));

  HostTree copy("r630-copy");
  copy.CopyFrom(Host("dell-r630"), "");
  absl::StatusOr<smbios::Table> table = smbios::ReadSysfsTable(copy.root());
  ASSERT_TRUE(table.ok()) << table.status();

  // The first installed DIMM's serial number (type 17, offset 18h).
  std::optional<absl::string_view> serial;
  for (const smbios::Structure* dimm : table->OfType(17)) {
    if (std::optional<uint8_t> index = dimm->Byte(0x18)) {
      serial = dimm->String(*index);
      if (serial && *serial != "Not Specified") break;
    }
  }
  ASSERT_TRUE(serial.has_value());
  ASSERT_EQ(*serial, "13BYW774");
  const size_t at = serial->data() - table->bytes().data();

  std::string bytes(table->bytes());
  bytes[at] = '2';  // "23BYW774": same length, same layout.
  copy.File("sys/firmware/dmi/tables/DMI", bytes);

  const HardwareHash after = Collect(copy.root());
  for (const auto& [key, value] : before.values) {
    if (key == kMemoryHashKey) {
      EXPECT_NE(after.values.at(key), value);
    } else {
      EXPECT_EQ(after.values.at(key), value) << key;
    }
  }
}

TEST_F(HostTreesTest, RaspberryPi4) {
  const HardwareHash hash = Collect(Host("pi4"));
  EXPECT_EQ(hash.values.at(kHostnameKey), "raspberrypi");
  EXPECT_EQ(hash.values.at(kIpAddressKey), "10.0.0.42");
  // eth0 carries the default route and has a device; wlan0 has none.
  EXPECT_EQ(hash.values.at(kMacAddressKey), "dc:a6:32:11:22:33");
  EXPECT_FALSE(hash.values.at(kDiskKey).empty());
  EXPECT_TRUE(absl::StrContains(hash.sources.at(kSystemHashKey),
                                "model, serial-number"))
      << hash.sources.at(kSystemHashKey);
  EXPECT_TRUE(
      absl::StrContains(hash.sources.at(kProcessorHashKey), "CPU implementer"))
      << hash.sources.at(kProcessorHashKey);
}

TEST_F(HostTreesTest, VmWithoutFirmwareTables) {
  const HardwareHash hash = Collect(Host("vm-nodmi"));
  EXPECT_EQ(hash.values.at(kHostnameKey), "build-vm-07");
  EXPECT_EQ(hash.values.at(kIpAddressKey), "192.0.2.7");
  EXPECT_EQ(hash.values.at(kMacAddressKey), "02:fc:00:00:00:07");
  // The VM lists no file systems by UUID: empty, with the reason.
  EXPECT_EQ(hash.values.at(kDiskKey), "");
  EXPECT_TRUE(absl::StrContains(hash.sources.at(kDiskKey), "by-uuid"));
  EXPECT_TRUE(
      absl::StrContains(hash.sources.at(kProcessorHashKey), "vendor_id"));
}

TEST_F(HostTreesTest, TheThreeMachinesDiffer) {
  const HardwareHash r630 = Collect(Host("dell-r630"));
  const HardwareHash pi4 = Collect(Host("pi4"));
  const HardwareHash vm = Collect(Host("vm-nodmi"));
  for (const char* key : kFirmwareKeys) {
    EXPECT_NE(r630.values.at(key), pi4.values.at(key)) << key;
    EXPECT_NE(pi4.values.at(key), vm.values.at(key)) << key;
    EXPECT_NE(vm.values.at(key), r630.values.at(key)) << key;
  }
}

}  // namespace
}  // namespace hwfp
