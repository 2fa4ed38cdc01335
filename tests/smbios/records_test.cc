// Typed decoders on structures built byte by byte: the rules that are easy
// to get wrong (UUID byte order by version, all-FF/all-00 UUIDs, extended
// memory size, processor family 2 and the 3.0 counts, short structures),
// plus size formatting and -t keywords. Always runs.

#include "smbios/records.h"

#include <map>
#include <string>

#include "gtest/gtest.h"
#include "smbios/describe.h"
#include "smbios/keywords.h"
#include "smbios/sources.h"
#include "tests/testing/smbios_builder.h"

namespace hwfp::smbios {
namespace {

using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;

// Parses a table holding `structure` (and End-of-Table) as SMBIOS
// major.minor; keeps the Table alive for the returned structure.
class Built {
 public:
  Built(const StructureBuilder& structure, int major, int minor) {
    TableBuilder t;
    t.Add(structure).AddEndOfTable();
    absl::StatusOr<Table> table =
        ParseRawSmbiosData(t.RawSmbiosData(major, minor, 0), "built");
    EXPECT_TRUE(table.ok()) << table.status();
    table_.emplace(*std::move(table));
  }
  const Structure& s() const { return table_->structures()[0]; }
  const Version& version() const { return table_->version(); }

 private:
  std::optional<Table> table_;
};

StructureBuilder System(const std::string& uuid) {
  StructureBuilder s(1, 0x100);
  s.Byte(1).Byte(2).Byte(0).Byte(3).Bytes(uuid).Byte(6).Byte(0).Byte(0);
  return s.String("Acme").String("Box").String("S123");
}

const std::string kUuid("\x33\x22\x11\x00\x55\x44\x77\x66"
                        "\x88\x99\xAA\xBB\xCC\xDD\xEE\xFF",
                        16);

TEST(SystemTest, UuidIsLittleEndianFromTwoSix) {
  Built built(System(kUuid), 2, 6);
  const SystemInfo info = DecodeSystem(built.s(), built.version(), nullptr);
  EXPECT_EQ(info.uuid, "00112233-4455-6677-8899-aabbccddeeff");
  EXPECT_EQ(info.manufacturer.value, "Acme");
  EXPECT_EQ(info.version.state, SmbiosString::State::kNotSpecified);
  EXPECT_EQ(info.serial_number.value, "S123");
  EXPECT_EQ(info.wake_up_type, 6);
}

TEST(SystemTest, UuidIsAsStoredBeforeTwoSix) {
  Built built(System(kUuid), 2, 5);
  EXPECT_EQ(DecodeSystem(built.s(), built.version(), nullptr).uuid,
            "33221100-5544-7766-8899-aabbccddeeff");
}

TEST(SystemTest, AllOnesAndAllZerosUuids) {
  Built ones(System(std::string(16, '\xFF')), 3, 0);
  EXPECT_EQ(DecodeSystem(ones.s(), ones.version(), nullptr).uuid,
            "Not Present");
  Built zeros(System(std::string(16, '\0')), 3, 0);
  EXPECT_EQ(DecodeSystem(zeros.s(), zeros.version(), nullptr).uuid,
            "Not Settable");
}

TEST(SystemTest, ShortStructureLeavesLaterFieldsAbsent) {
  // SMBIOS 2.0 layout: no UUID, wake-up type, SKU or family.
  Built built(StructureBuilder(1, 1).Byte(1).Byte(0).Byte(0).Byte(2)
                  .String("Acme").String("S1"),
              3, 3);
  std::vector<Warning> warnings;
  const SystemInfo info = DecodeSystem(built.s(), built.version(), &warnings);
  EXPECT_EQ(info.uuid, "");
  EXPECT_FALSE(info.uuid_bytes.has_value());
  EXPECT_FALSE(info.wake_up_type.has_value());
  EXPECT_EQ(info.family.state, SmbiosString::State::kAbsent);
  EXPECT_TRUE(warnings.empty());
}

TEST(SystemTest, BadStringIndexIsWarnedWithHandleAndOffset) {
  Built built(StructureBuilder(1, 0x0123).Byte(1).Byte(7).Byte(0).Byte(0)
                  .String("Acme"),
              3, 3);
  std::vector<Warning> warnings;
  const SystemInfo info = DecodeSystem(built.s(), built.version(), &warnings);
  EXPECT_EQ(info.product_name.state, SmbiosString::State::kBadIndex);
  EXPECT_EQ(info.product_name.Display(), "<BAD INDEX>");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].kind, WarningKind::kBadStringIndex);
  EXPECT_EQ(warnings[0].handle, 0x0123);
  EXPECT_EQ(warnings[0].offset, 0u);
}

StructureBuilder Processor(uint8_t family, uint8_t cores, uint8_t threads) {
  StructureBuilder p(4, 0x40);
  p.Byte(1).Byte(3).Byte(family).Byte(2).Qword(0x178BFBFF00A20F10ull);
  p.Byte(3).Byte(0x8B).Word(100).Word(4950).Word(3700).Byte(0x41).Byte(0x31);
  p.Word(0xFFFF).Word(0xFFFF).Word(0xFFFF).Byte(0).Byte(0).Byte(0);
  p.Byte(cores).Byte(cores).Byte(threads).Word(0xFC);
  p.Word(0x6B).Word(128).Word(128).Word(256);  // Family 2, 3.0 counts.
  return p.String("CPU0").String("AMD").String("EPYC");
}

TEST(ProcessorTest, FamilyTwoAndThreeZeroCounts) {
  Built built(Processor(0xFE, 0xFF, 0xFF), 3, 0);
  const ProcessorInfo p = DecodeProcessor(built.s(), nullptr);
  EXPECT_EQ(p.family, 0x6B);
  EXPECT_EQ(p.FamilyName(), "Zen");
  EXPECT_EQ(p.core_count, 128);
  EXPECT_EQ(p.core_enabled, 128);
  EXPECT_EQ(p.thread_count, 256);
  EXPECT_EQ(p.Signature(), "Family 25, Model 33, Stepping 0");
  EXPECT_EQ(p.max_speed_mhz, 4950);
}

TEST(ProcessorTest, ByteCountsWinBelowFF) {
  Built built(Processor(0x6B, 12, 24), 3, 0);
  const ProcessorInfo p = DecodeProcessor(built.s(), nullptr);
  EXPECT_EQ(p.family, 0x6B);
  EXPECT_EQ(p.core_count, 12);
  EXPECT_EQ(p.thread_count, 24);

  const Description d = Describe(built.s(), built.version(), nullptr);
  EXPECT_EQ(d.title, "Processor Information");
  bool saw_voltage = false;
  for (const Field& f : d.fields) {
    if (f.name == "Voltage") {
      EXPECT_EQ(f.value, "1.1 V");
      saw_voltage = true;
    }
  }
  EXPECT_TRUE(saw_voltage);
}

TEST(ProcessorTest, IntelSignature) {
  ProcessorInfo p;
  p.family = 0xB3;
  p.id = 0xBFEBFBFF000306F2ull;
  EXPECT_EQ(p.Signature(), "Type 0, Family 6, Model 63, Stepping 2");
  p.family = 0x02;
  EXPECT_EQ(p.Signature(), "");
}

StructureBuilder Dimm(uint16_t size, uint32_t extended) {
  StructureBuilder d(17, 0x1100);
  d.Word(0x1000).Word(0xFFFE).Word(72).Word(64).Word(size).Byte(9).Byte(0);
  d.Byte(1).Byte(2).Byte(0x1A).Word(0x2080).Word(3200);
  d.Byte(3).Byte(4).Byte(0).Byte(5).Byte(2).Dword(extended).Word(2933);
  d.Word(1200).Word(1200).Word(1200);
  return d.String("DIMM_A1").String("BANK 0").String("Samsung")
      .String("0xDEAD").String("M393A4K40DB3");
}

TEST(MemoryDeviceTest, ExtendedSize) {
  Built built(Dimm(0x7FFF, 0x10000), 3, 2);  // 64 GiB.
  const MemoryDevice d = DecodeMemoryDevice(built.s(), nullptr);
  EXPECT_EQ(d.SizeBytes(), uint64_t{64} << 30);
  EXPECT_EQ(d.device_locator.value, "DIMM_A1");
  EXPECT_EQ(d.part_number.value, "M393A4K40DB3");
  EXPECT_EQ(d.configured_speed, 2933);
  // Each field must be there: a missing one is a failure, not a pass.
  std::map<std::string, std::string> shown;
  for (const Field& f : Describe(built.s(), built.version(), nullptr).fields) {
    shown.emplace(f.name, f.value);
  }
  EXPECT_EQ(shown["Size"], "64 GB");
  EXPECT_EQ(shown["Type"], "DDR4");
  EXPECT_EQ(shown["Rank"], "2");
}

TEST(MemoryDeviceTest, SizeUnits) {
  EXPECT_EQ(DecodeMemoryDevice(Built(Dimm(16384, 0), 3, 2).s(), nullptr)
                .SizeBytes(),
            uint64_t{16} << 30);
  EXPECT_EQ(DecodeMemoryDevice(Built(Dimm(0x8200, 0), 3, 2).s(), nullptr)
                .SizeBytes(),
            uint64_t{512} << 10);  // Bit 15: kilobytes.
  EXPECT_EQ(DecodeMemoryDevice(Built(Dimm(0, 0), 3, 2).s(), nullptr)
                .SizeBytes(),
            0u);
  EXPECT_EQ(DecodeMemoryDevice(Built(Dimm(0xFFFF, 0), 3, 2).s(), nullptr)
                .SizeBytes(),
            std::nullopt);
}

TEST(MemoryArrayTest, ExtendedCapacity) {
  StructureBuilder a(16, 0x1000);
  a.Byte(3).Byte(3).Byte(6).Dword(0x80000000).Word(0xFFFE).Word(24);
  a.Qword(uint64_t{3} << 40);
  Built built(a, 3, 0);
  const MemoryArray array = DecodeMemoryArray(built.s());
  EXPECT_EQ(array.MaximumCapacityBytes(), uint64_t{3} << 40);
  EXPECT_EQ(array.device_count, 24);
}

TEST(BiosTest, RomSizeAndRevisions) {
  StructureBuilder b(0, 0);
  b.Byte(1).Byte(2).Word(0xF000).Byte(3).Byte(0xFF).Qword(0x08);
  b.Word(0).Byte(5).Byte(17).Byte(0xFF).Byte(0xFF).Word(0x0020);
  b.String("AMI").String("P1.20").String("05/19/2021");
  Built built(b, 3, 3);
  const BiosInfo bios = DecodeBios(built.s(), nullptr);
  EXPECT_EQ(bios.RomSizeBytes(), uint64_t{32} << 20);
  EXPECT_EQ(bios.release_date.value, "05/19/2021");
  EXPECT_EQ(bios.bios_minor, 17);
}

TEST(FormatSizeTest, LargestWholeUnit) {
  EXPECT_EQ(FormatSize(64, 1), "64 kB");
  EXPECT_EQ(FormatSize(16384, 1), "16 MB");
  EXPECT_EQ(FormatSize(1536, 2), "1536 MB");
  EXPECT_EQ(FormatSize(uint64_t{3} << 40, 0), "3 TB");
  EXPECT_EQ(FormatSize(0, 2), "0 MB");
}

TEST(KeywordsTest, KeywordsAndNumbers) {
  absl::StatusOr<std::vector<uint8_t>> types =
      ParseTypeSelection({"bios", "4", "0x11", "Memory"});
  ASSERT_TRUE(types.ok());
  EXPECT_EQ(*types, (std::vector<uint8_t>{0, 4, 5, 6, 13, 16, 17}));
  EXPECT_EQ(KeywordTypes("system"),
            (std::vector<uint8_t>{1, 12, 15, 23, 32}));
  EXPECT_EQ(ParseTypeSelection({"256"}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseTypeSelection({"memroy"}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hwfp::smbios
