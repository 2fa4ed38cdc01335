// The walk over tables built byte by byte, one fault class at a time:
// each must become the right warning, naming handle and offset, with the
// walk stopping or going on where dmidecode does. Always runs.

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "smbios/describe.h"
#include "smbios/sources.h"
#include "smbios/table.h"
#include "tests/testing/smbios_builder.h"

namespace hwfp::smbios {
namespace {

using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;

StructureBuilder Bios(uint16_t handle) {
  return StructureBuilder(0, handle)
      .Byte(1).Byte(2).Word(0xF000).Byte(3).Byte(0x0F).Qword(0x08)
      .String("Vendor").String("1.0").String("01/02/2003");
}

StructureBuilder Oem(uint16_t handle) {
  return StructureBuilder(0xC0, handle).Dword(0xDEADBEEF).String("oem");
}

EntryPoint Smbios3(const TableBuilder& t) {
  absl::StatusOr<EntryPoint> entry =
      ParseEntryPoint(t.Smbios3EntryPoint(3, 2, 0), "built");
  EXPECT_TRUE(entry.ok()) << entry.status();
  return *entry;
}

EntryPoint Smbios2(const TableBuilder& t, std::optional<int> count,
                   std::optional<int> length) {
  absl::StatusOr<EntryPoint> entry =
      ParseEntryPoint(t.Smbios2EntryPoint(2, 7, count, length), "built");
  EXPECT_TRUE(entry.ok()) << entry.status();
  return *entry;
}

std::vector<WarningKind> Kinds(const Table& table) {
  std::vector<WarningKind> kinds;
  for (const Warning& w : table.warnings()) kinds.push_back(w.kind);
  return kinds;
}

TEST(WalkTest, CleanTableHasNoWarnings) {
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(1)).AddEndOfTable(2);
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "built");
  ASSERT_TRUE(table.ok()) << table.status();

  EXPECT_TRUE(table->warnings().empty());
  ASSERT_EQ(table->structures().size(), 3u);
  const Structure& oem = table->structures()[1];
  EXPECT_EQ(oem.type(), 0xC0);
  EXPECT_EQ(oem.handle(), 1);
  EXPECT_EQ(oem.offset(), Bios(0).Build().size());
  EXPECT_EQ(oem.raw(), Oem(1).Build());
  EXPECT_EQ(oem.string_set(), std::string("oem\0\0", 5));
  EXPECT_EQ(oem.Dword(4), 0xDEADBEEFu);
  EXPECT_EQ(oem.Dword(5), std::nullopt);  // Past the formatted area.
  EXPECT_EQ(oem.String(1), "oem");
  EXPECT_EQ(oem.String(2), std::nullopt);
  EXPECT_EQ(oem.String(0), std::nullopt);
  EXPECT_EQ(table->structures()[2].string_set(), std::string("\0\0", 2));
}

TEST(WalkTest, SmbiosThreeStopsAtEndOfTable) {
  TableBuilder t;
  t.Add(Bios(0)).AddEndOfTable(1).Add(Oem(2));
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 2u);
  EXPECT_TRUE(table->warnings().empty());
}

TEST(WalkTest, SmbiosTwoFollowsTheCountPastEndOfTable) {
  // dmidecode honours the announced count of a 2.x table, even past 127.
  TableBuilder t;
  t.Add(Bios(0)).AddEndOfTable(1).Add(Oem(2));
  absl::StatusOr<Table> table =
      ParseTable(Smbios2(t, std::nullopt, std::nullopt), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 3u);
  EXPECT_TRUE(table->warnings().empty());
}

TEST(WalkTest, ZeroPaddingAfterLastStructure) {
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(1)).AddBytes(std::string(64, '\0'));
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 2u);
  ASSERT_EQ(Kinds(*table), std::vector<WarningKind>{WarningKind::kZeroPadding});
  EXPECT_EQ(table->warnings()[0].offset, t.bytes().size() - 64);
  EXPECT_NE(table->warnings()[0].message.find("0x"), std::string::npos);
}

TEST(WalkTest, HeaderShorterThanFourStopsTheWalk) {
  TableBuilder t;
  t.Add(Bios(0)).AddBytes(std::string("\x05\x02\x34\x12junk\0\0", 10));
  t.Add(Oem(1)).AddEndOfTable(2);
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 1u);
  ASSERT_EQ(Kinds(*table),
            std::vector<WarningKind>{WarningKind::kBrokenLength});
  EXPECT_EQ(table->warnings()[0].handle, 0x1234);
  EXPECT_EQ(table->warnings()[0].offset, Bios(0).Build().size());
}

TEST(WalkTest, MissingEndOfTable) {
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(1));
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 2u);
  ASSERT_EQ(Kinds(*table),
            std::vector<WarningKind>{WarningKind::kMissingEndOfTable});
  EXPECT_EQ(table->warnings()[0].offset, t.bytes().size());
}

TEST(WalkTest, StructureCutOffAtTableEnd) {
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(7).WithoutTerminator());
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 1u);
  ASSERT_EQ(Kinds(*table), std::vector<WarningKind>{WarningKind::kTruncated});
  EXPECT_EQ(table->warnings()[0].handle, 7);
}

TEST(WalkTest, CountLargerThanTheTableHolds) {
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(1)).AddEndOfTable(2);
  absl::StatusOr<Table> table =
      ParseTable(Smbios2(t, 5, std::nullopt), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 3u);
  EXPECT_EQ(Kinds(*table),
            std::vector<WarningKind>{WarningKind::kCountMismatch});
}

TEST(WalkTest, CountSmallerThanTheTableHolds) {
  // dmidecode stops at the count and reports the bytes left over.
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(1)).AddEndOfTable(2);
  absl::StatusOr<Table> table =
      ParseTable(Smbios2(t, 2, std::nullopt), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 2u);
  EXPECT_EQ(Kinds(*table),
            std::vector<WarningKind>{WarningKind::kLengthMismatch});
}

TEST(WalkTest, LengthLongerThanTheBytesRead) {
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(1)).AddEndOfTable(2);
  const int announced = static_cast<int>(t.bytes().size()) + 40;
  absl::StatusOr<Table> table =
      ParseTable(Smbios2(t, std::nullopt, announced), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 3u);
  EXPECT_EQ(Kinds(*table),
            std::vector<WarningKind>{WarningKind::kLengthMismatch});
}

TEST(WalkTest, LengthShorterThanTheStructuresCutsTheWalk) {
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(1)).AddEndOfTable(2);
  const int announced = static_cast<int>(Bios(0).Build().size()) + 6;
  absl::StatusOr<Table> table =
      ParseTable(Smbios2(t, std::nullopt, announced), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  EXPECT_EQ(table->structures().size(), 1u);
  // dmidecode reports all three: the cut structure, the count it did not
  // reach and the bytes the walk did not cover.
  EXPECT_EQ(Kinds(*table),
            (std::vector<WarningKind>{WarningKind::kTruncated,
                                      WarningKind::kCountMismatch,
                                      WarningKind::kLengthMismatch}));
}

TEST(WalkTest, ManagementDeviceLengthIsFixedUp) {
  // Type 34 announcing 0x10 bytes but holding only the spec's 0x0B: the
  // next five bytes are the start of its first string, which dmidecode
  // reads whole from 0x0B after the fix-up.
  TableBuilder t;
  t.Add(StructureBuilder(34, 0x22).Byte(1).Byte(4).Dword(0).Byte(3)
            .String("LM78-ISA").AnnounceLength(0x10));
  t.AddEndOfTable(3);
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  ASSERT_EQ(Kinds(*table),
            std::vector<WarningKind>{WarningKind::kLengthFixup});
  ASSERT_EQ(table->structures().size(), 2u);
  const Structure& device = table->structures()[0];
  EXPECT_EQ(device.length(), 0x0B);
  EXPECT_EQ(device.Byte(0x0B), std::nullopt);
  EXPECT_EQ(device.raw().size(), 0x0Bu + 10);  // Raw bytes stay whole.
  EXPECT_EQ(device.String(1), "LM78-ISA");
  EXPECT_EQ(device.string_count(), 1);
  EXPECT_EQ(device.string_set(), std::string("LM78-ISA\0\0", 10));
  EXPECT_EQ(table->structures()[1].type(), 127);
}

TEST(WalkTest, NoStructureAtAllIsDataLoss) {
  TableBuilder t;
  t.AddBytes(std::string(16, '\0'));
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "DMI");
  EXPECT_EQ(table.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(table.status().message().find("DMI"), std::string::npos);

  absl::StatusOr<Table> empty = ParseTable(Smbios3(t), "", "DMI");
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kDataLoss);
}

TEST(WalkTest, StringIndexPastTheStringSetIsNotRead) {
  TableBuilder t;
  t.Add(StructureBuilder(1, 1).Byte(1).Byte(9).Byte(0).Byte(2)
            .String("Acme").String("Box"));
  t.AddEndOfTable(2);
  absl::StatusOr<Table> table = ParseTable(Smbios3(t), t.bytes(), "built");
  ASSERT_TRUE(table.ok());

  const Structure& s = table->structures()[0];
  EXPECT_EQ(s.string_count(), 2);
  EXPECT_EQ(s.String(*s.Byte(4)), "Acme");
  EXPECT_EQ(s.String(*s.Byte(5)), std::nullopt);
  EXPECT_EQ(s.String(*s.Byte(7)), "Box");
}

// Every prefix of a table must parse or fail cleanly, never read past it;
// run under ASan/valgrind this catches any stray read.
void ExpectEveryTruncationIsSafe(const EntryPoint& entry,
                                 const std::string& bytes) {
  for (size_t size = 0; size <= bytes.size(); ++size) {
    absl::StatusOr<Table> table =
        ParseTable(entry, bytes.substr(0, size), "cut");
    if (!table.ok()) {
      EXPECT_EQ(table.status().code(), absl::StatusCode::kDataLoss) << size;
      continue;
    }
    size_t end = 0;
    for (const Structure& s : table->structures()) {
      EXPECT_LE(s.offset() + s.raw().size(), size);
      EXPECT_GE(s.offset(), end);
      end = s.offset() + s.raw().size();
    }
    if (size < bytes.size()) {
      EXPECT_FALSE(table->warnings().empty()) << size;
    }
  }
}

TEST(WalkTest, BuiltTableTruncatedAtEveryOffset) {
  TableBuilder t;
  t.Add(Bios(0)).Add(Oem(1)).Add(StructureBuilder(127, 2).String("x"));
  ExpectEveryTruncationIsSafe(Smbios3(t), t.bytes());
  ExpectEveryTruncationIsSafe(Smbios2(t, std::nullopt, std::nullopt),
                              t.bytes());
}

// Random byte corruption of a table holding every decoded type: the walk
// and every decoder must stay inside the bytes (checked under ASan), and
// every structure the walk yields must be whole: inside the table, after
// the one before it, with its header and its double NUL.
TEST(WalkTest, CorruptedTablesDecodeSafely) {
  TableBuilder t;
  t.Add(Bios(0));
  t.Add(StructureBuilder(1, 1).Bytes(std::string(23, '\x01')).String("a"));
  t.Add(StructureBuilder(2, 2).Bytes(std::string(11, '\x02')).String("b"));
  t.Add(StructureBuilder(3, 3).Bytes(std::string(18, '\x03')).String("c"));
  t.Add(StructureBuilder(4, 4).Bytes(std::string(44, '\xFF')).String("d"));
  t.Add(StructureBuilder(13, 5).Bytes(std::string(18, '\x04')).String("e"));
  t.Add(StructureBuilder(16, 6).Bytes(std::string(19, '\x80')).String("f"));
  t.Add(StructureBuilder(17, 7).Bytes(std::string(88, '\x7F')).String("g"));
  t.Add(Oem(8)).AddEndOfTable(9);
  const EntryPoint entry = Smbios3(t);

  std::mt19937 random(20240601);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = t.bytes();
    const int flips = 1 + round % 8;
    for (int i = 0; i < flips; ++i) {
      bytes[random() % bytes.size()] = static_cast<char>(random() & 0xFF);
    }
    absl::StatusOr<Table> table = ParseTable(entry, bytes, "corrupt");
    if (!table.ok()) continue;
    size_t end = 0;
    for (const Structure& s : table->structures()) {
      ASSERT_GE(s.offset(), end) << "round " << round;
      end = s.offset() + s.raw().size();
      ASSERT_LE(end, table->bytes().size()) << "round " << round;
      ASSERT_GE(s.length(), 4) << "round " << round;
      ASSERT_GE(s.raw().size(), size_t{s.length()} + 2) << "round " << round;
      ASSERT_EQ(s.raw().substr(s.raw().size() - 2),
                absl::string_view("\0\0", 2))
          << "round " << round;

      std::vector<Warning> warnings;
      Describe(s, Version{3, 3, 0, true}, &warnings);
      Describe(s, Version{2, 0, 0, false}, &warnings);
    }
  }
}

}  // namespace
}  // namespace hwfp::smbios
