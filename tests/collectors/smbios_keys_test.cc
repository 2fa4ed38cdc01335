// The SMBIOS hardware-hash keys: which structures feed which key, in what
// order, which bytes are masked, and that every source of the same table
// gives the same four values.

#include "collectors/smbios_keys.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "collectors/digest.h"
#include "gtest/gtest.h"
#include "smbios/sources.h"
#include "tests/testing/fixtures.h"
#include "tests/testing/smbios_builder.h"
#include "tests/testing/temp_dir.h"

namespace hwfp {
namespace {

using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;

smbios::Table Parse(const TableBuilder& builder) {
  absl::StatusOr<smbios::Table> table = smbios::ParseRawSmbiosData(
      builder.RawSmbiosData(3, 3, 0), "built table");
  EXPECT_TRUE(table.ok()) << table.status();
  return *std::move(table);
}

StructureBuilder Processor(uint16_t handle, uint16_t current_speed,
                           uint8_t voltage) {
  StructureBuilder p(4, handle);
  p.Byte(1).Byte(3).Byte(0xC6).Byte(2).Qword(0x178BFBFF00A20F10ull);
  p.Byte(3).Byte(voltage).Word(100).Word(4950).Word(current_speed);
  p.Byte(0x41).Byte(1);
  return p.String("CPU0").String("AMD").String("Ryzen 5");
}

StructureBuilder EventLog(uint8_t status, uint32_t token) {
  StructureBuilder log(15, 0x0F00);
  log.Word(0x1000).Word(0).Word(0x10).Byte(3).Byte(status).Dword(token);
  return log.Dword(0xFFE00000).Byte(1).Byte(0).Byte(2);
}

TEST(SmbiosKeysTest, HashesRawBytesOfEachGroupInTableOrder) {
  TableBuilder builder;
  const StructureBuilder bios = StructureBuilder(0, 0).Byte(1).String("V");
  const StructureBuilder board = StructureBuilder(2, 2).Byte(1).String("B");
  const StructureBuilder language =
      StructureBuilder(13, 0x0D).Byte(1).String("en|US|iso8859-1");
  builder.Add(language).Add(board).Add(bios).AddEndOfTable();

  const HardwareHash keys = SmbiosKeys(Parse(builder));

  // Type 13 comes first in the table, so first in the hashed bytes; type 2
  // is in no group.
  EXPECT_EQ(keys.values.at(kBiosHashKey),
            Md5Base64(language.Build() + bios.Build()));
  EXPECT_NE(keys.values.at(kBiosHashKey),
            Md5Base64(bios.Build() + language.Build()));
  EXPECT_EQ(keys.sources.at(kBiosHashKey),
            "SMBIOS 3.3, 2 structures (1 of type 0, 1 of type 13) from "
            "built table");
}

TEST(SmbiosKeysTest, EmptyGroupHasEmptyValueAndReason) {
  TableBuilder builder;
  builder.Add(StructureBuilder(0, 0).Byte(1).String("V")).AddEndOfTable();

  const HardwareHash keys = SmbiosKeys(Parse(builder));

  EXPECT_EQ(keys.values.at(kMemoryHashKey), "");
  EXPECT_EQ(keys.sources.at(kMemoryHashKey),
            "SMBIOS 3.3 table from built table has no structure of types "
            "5, 6, 16, 17");
  EXPECT_EQ(keys.values.at(kProcessorHashKey), "");
  EXPECT_EQ(keys.values.size(), 4u);
  EXPECT_EQ(keys.sources.size(), 4u);
}

TEST(SmbiosKeysTest, RunTimeFieldsDoNotChangeTheKeys) {
  TableBuilder before;
  before.Add(Processor(0x40, 3600, 0x8C)).Add(EventLog(1, 0x1111));
  before.Add(StructureBuilder(32, 0x20).Bytes(std::string(6, '\0')).Byte(0));
  before.AddEndOfTable();
  TableBuilder after;
  after.Add(Processor(0x40, 4200, 0x8E)).Add(EventLog(3, 0x2222));
  after.Add(StructureBuilder(32, 0x20).Bytes(std::string(6, '\0')).Byte(7));
  after.AddEndOfTable();

  const HardwareHash a = SmbiosKeys(Parse(before));
  const HardwareHash b = SmbiosKeys(Parse(after));

  EXPECT_EQ(a.values.at(kProcessorHashKey), b.values.at(kProcessorHashKey));
  EXPECT_EQ(a.values.at(kSystemHashKey), b.values.at(kSystemHashKey));
  EXPECT_FALSE(a.values.at(kSystemHashKey).empty());
}

TEST(SmbiosKeysTest, HardwareFieldsDoChangeTheKeys) {
  TableBuilder before;
  before.Add(Processor(0x40, 3600, 0x8C)).AddEndOfTable();
  TableBuilder after;
  StructureBuilder other(4, 0x40);
  other.Byte(1).Byte(3).Byte(0xC6).Byte(2).Qword(0x178BFBFF00A20F11ull);
  other.Byte(3).Byte(0x8C).Word(100).Word(4950).Word(3600);
  other.Byte(0x41).Byte(1).String("CPU0").String("AMD").String("Ryzen 5");
  after.Add(other).AddEndOfTable();

  EXPECT_NE(SmbiosKeys(Parse(before)).values.at(kProcessorHashKey),
            SmbiosKeys(Parse(after)).values.at(kProcessorHashKey));
}

TEST(SmbiosKeysTest, LegacyVoltageIsKept) {
  // Bit 7 clear: the byte lists supported voltages, a socket property.
  TableBuilder a;
  a.Add(Processor(0x40, 3600, 0x02)).AddEndOfTable();
  TableBuilder b;
  b.Add(Processor(0x40, 3600, 0x01)).AddEndOfTable();

  EXPECT_NE(SmbiosKeys(Parse(a)).values.at(kProcessorHashKey),
            SmbiosKeys(Parse(b)).values.at(kProcessorHashKey));
}

TEST(SmbiosKeysTest, MaskStaysInsideShortStructures) {
  // A System Information structure that ends before Wake-up Type (0x18).
  TableBuilder builder;
  const StructureBuilder system =
      StructureBuilder(1, 1).Byte(1).Byte(2).Byte(3).Byte(4);
  builder.Add(system).AddEndOfTable();
  const smbios::Table table = Parse(builder);

  EXPECT_EQ(MaskedStructureBytes(table.structures()[0]), system.Build());
}

TEST(SmbiosKeysTest, SysfsDumpAndRsmbGiveTheSameKeys) {
  const std::optional<std::string> dir = hwfp::testing::FixturesDir();
  if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;

  for (const char* name :
       {"asrock-single-ryzen", "dell-poweredge-r630-dual-xeon",
        "dell-precision-3620", "generic-smbios27", "hyperv",
        "supermicro-quad-opteron"}) {
    SCOPED_TRACE(name);
    const std::string folder = absl::StrCat(*dir, "/smbios/", name);
    const std::string table = hwfp::testing::ReadTestFile(folder + "/DMI");
    const std::string root = hwfp::testing::MakeTempDir(name);
    ASSERT_TRUE(hwfp::testing::WriteSysfsTree(
                    root,
                    hwfp::testing::ReadTestFile(folder + "/smbios_entry_point"),
                    table)
                    .ok());
    absl::StatusOr<smbios::Table> sysfs = smbios::ReadSysfsTable(root);
    ASSERT_TRUE(sysfs.ok()) << sysfs.status();
    absl::StatusOr<smbios::Table> dump =
        smbios::ReadDumpFile(folder + "/dump.bin");
    ASSERT_TRUE(dump.ok()) << dump.status();

    // Windows hands over the structures only, with the version.
    const smbios::Version& v = sysfs->version();
    std::string rsmb = {0, static_cast<char>(v.major),
                        static_cast<char>(v.minor),
                        static_cast<char>(v.docrev)};
    const uint32_t size = static_cast<uint32_t>(table.size());
    for (int i = 0; i < 4; ++i) {
      rsmb.push_back(static_cast<char>(size >> 8 * i));
    }
    absl::StatusOr<smbios::Table> windows =
        smbios::ParseRawSmbiosData(rsmb + table, "RSMB");
    ASSERT_TRUE(windows.ok()) << windows.status();

    const HardwareHash a = SmbiosKeys(*sysfs);
    EXPECT_EQ(a.values, SmbiosKeys(*dump).values);
    EXPECT_EQ(a.values, SmbiosKeys(*windows).values);
    for (const auto& [key, value] : a.values) {
      EXPECT_EQ(value.empty(), a.sources.at(key).find("has no") !=
                                   std::string::npos)
          << key;
    }
  }
}

}  // namespace
}  // namespace hwfp
