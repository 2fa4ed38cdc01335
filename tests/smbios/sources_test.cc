// Entry points, table sources (sysfs under a root, dump files, Windows
// RSMB buffers) and the dumps written back: their errors, codes and
// messages, and agreement between sources of the same table.

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "smbios/file_io.h"
#include "smbios/sources.h"
#include "tests/testing/fixtures.h"
#include "tests/testing/smbios_builder.h"
#include "tests/testing/temp_dir.h"

namespace hwfp::smbios {
namespace {

using ::hwfp::testing::MakeTempDir;
using ::hwfp::testing::ReadTestFile;
using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;
using ::hwfp::testing::WriteSysfsTree;

TableBuilder SmallTable() {
  TableBuilder t;
  t.Add(StructureBuilder(0, 0).Byte(1).Byte(2).Word(0xF000).Byte(3)
            .Byte(0x0F).Qword(0x08).String("Acme").String("1.0")
            .String("01/02/2003"));
  t.Add(StructureBuilder(4, 0x40).Byte(1).Byte(3).Byte(0xB3).Byte(2)
            .Qword(0xBFEBFBFF000306F2ull).String("CPU1").String("Intel"));
  t.AddEndOfTable(0x7F);
  return t;
}

TEST(EntryPointTest, ReadsEachLayout) {
  const TableBuilder t = SmallTable();

  absl::StatusOr<EntryPoint> three =
      ParseEntryPoint(t.Smbios3EntryPoint(3, 4, 1, 0x1234), "ep");
  ASSERT_TRUE(three.ok()) << three.status();
  EXPECT_EQ(three->kind, EntryPointKind::kSmbios3);
  EXPECT_EQ(three->version.ToString(), "3.4.1");
  EXPECT_EQ(three->table_address, 0x1234u);
  EXPECT_EQ(three->table_length, t.bytes().size());
  EXPECT_EQ(three->structure_count, 0);
  EXPECT_EQ(DescribeVersion(*three), "SMBIOS 3.4.1");

  absl::StatusOr<EntryPoint> two =
      ParseEntryPoint(t.Smbios2EntryPoint(2, 8, std::nullopt, std::nullopt,
                                          0xE0000),
                      "ep");
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_EQ(two->kind, EntryPointKind::kSmbios2);
  EXPECT_EQ(DescribeVersion(*two), "SMBIOS 2.8");
  EXPECT_EQ(two->table_address, 0xE0000u);
  EXPECT_EQ(two->structure_count, 3);

  absl::StatusOr<EntryPoint> legacy =
      ParseEntryPoint(t.LegacyEntryPoint(2, 0, 0xF0000), "ep");
  ASSERT_TRUE(legacy.ok()) << legacy.status();
  EXPECT_EQ(legacy->kind, EntryPointKind::kLegacyDmi);
  EXPECT_EQ(DescribeVersion(*legacy), "Legacy DMI 2.0");
  EXPECT_EQ(legacy->structure_count, 3);
}

TEST(EntryPointTest, RejectsBadChecksumsAndLengthsNamingTheFile) {
  const TableBuilder t = SmallTable();
  std::string three = t.Smbios3EntryPoint(3, 0, 0);
  three[0x0C] ^= 1;
  std::string two = t.Smbios2EntryPoint(2, 7);
  two[0x16] ^= 1;  // Inside _DMI_: both checksums now fail.
  std::string short_three = t.Smbios3EntryPoint(3, 0, 0).substr(0, 20);
  std::string long_length = t.Smbios3EntryPoint(3, 0, 0);
  long_length[0x06] = 0x40;

  for (const std::string& bad : {three, two, short_three, long_length,
                                 std::string("_XYZ_garbage"),
                                 std::string()}) {
    absl::StatusOr<EntryPoint> entry = ParseEntryPoint(bad, "/x/ep");
    EXPECT_EQ(entry.status().code(), absl::StatusCode::kDataLoss);
    EXPECT_EQ(entry.status().message().rfind("/x/ep: ", 0), 0u)
        << entry.status();
  }
}

TEST(EntryPointTest, FixesUpKnownBadVersions) {
  TableBuilder t = SmallTable();
  absl::StatusOr<EntryPoint> entry =
      ParseEntryPoint(t.Smbios2EntryPoint(2, 0x33), "ep");
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->version.ToString(), "2.6");
  ASSERT_EQ(entry->warnings.size(), 1u);
  EXPECT_EQ(entry->warnings[0].kind, WarningKind::kEntryPointFixup);
}

TEST(SysfsTest, ReadsTheTreeUnderRoot) {
  const TableBuilder t = SmallTable();
  const std::string root = MakeTempDir("sysfs");
  ASSERT_TRUE(
      WriteSysfsTree(root, t.Smbios3EntryPoint(3, 3, 0), t.bytes()).ok());

  absl::StatusOr<Table> table = ReadSysfsTable(root);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->source(), root + "/sys/firmware/dmi/tables/DMI");
  EXPECT_EQ(table->structures().size(), 3u);
  EXPECT_TRUE(table->warnings().empty());
}

TEST(SysfsTest, NoEntryPointIsNotFound) {
  const std::string root = MakeTempDir("empty");
  absl::StatusOr<Table> table = ReadSysfsTable(root);
  EXPECT_EQ(table.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(table.status().message().find(
                root + "/sys/firmware/dmi/tables/smbios_entry_point"),
            std::string::npos);
}

TEST(SysfsTest, EntryPointWithoutTableIsDataLoss) {
  const std::string root = MakeTempDir("half");
  ASSERT_TRUE(WriteSysfsTree(root, SmallTable().Smbios3EntryPoint(3, 3, 0),
                             std::nullopt)
                  .ok());
  absl::StatusOr<Table> table = ReadSysfsTable(root);
  EXPECT_EQ(table.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(table.status().message().find("tables/DMI"), std::string::npos);
}

TEST(SysfsTest, BrokenEntryPointIsDataLoss) {
  const std::string root = MakeTempDir("broken");
  ASSERT_TRUE(WriteSysfsTree(root, std::string(24, 'x'), "").ok());
  absl::StatusOr<Table> table = ReadSysfsTable(root);
  EXPECT_EQ(table.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(table.status().message().find("smbios_entry_point"),
            std::string::npos);
}

TEST(FileErrorTest, MapsErrnoToCodesTheCliTurnsIntoExitStatuses) {
  // Root reads any file, so permission is checked on the mapping itself.
  const absl::Status denied = internal::FileError("/sys/x/DMI", EACCES);
  EXPECT_EQ(denied.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_NE(denied.message().find("/sys/x/DMI"), std::string::npos);
  EXPECT_NE(denied.message().find("root"), std::string::npos);
  EXPECT_EQ(internal::FileError("f", EPERM).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(internal::FileError("f", ENOENT).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(internal::FileError("f", EIO).code(), absl::StatusCode::kDataLoss);
}

TEST(DumpFileTest, ReadsWhatDumpBinWrites) {
  const TableBuilder t = SmallTable();
  absl::StatusOr<Table> original = ParseRawSmbiosData(
      t.RawSmbiosData(3, 5, 0), "RSMB");
  ASSERT_TRUE(original.ok()) << original.status();
  const std::string path = MakeTempDir("dump") + "/dump.bin";
  ASSERT_TRUE(WriteDumpFile(*original, path).ok());

  absl::StatusOr<Table> read = ReadDumpFile(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->entry_point().kind, EntryPointKind::kSmbios3);
  EXPECT_EQ(read->version().ToString(), "3.5.0");
  EXPECT_EQ(read->bytes(), original->bytes());
  EXPECT_EQ(read->source(), path);
}

// The temporary file beside the dump must be a new file: a link planted
// at the name it once always used (PATH.tmp) must not be written through,
// which as root would overwrite whatever the link names.
TEST(DumpFileTest, WritesNoFileThroughAPlantedLink) {
  const TableBuilder t = SmallTable();
  absl::StatusOr<Table> table =
      ParseRawSmbiosData(t.RawSmbiosData(3, 5, 0), "RSMB");
  ASSERT_TRUE(table.ok()) << table.status();
  const std::string dir = MakeTempDir("planted");
  const std::string victim = dir + "/victim";
  ASSERT_TRUE(hwfp::testing::WriteTestFile(victim, "keep me"));
  ASSERT_EQ(symlink(victim.c_str(), (dir + "/dump.bin.tmp").c_str()), 0);

  ASSERT_TRUE(WriteDumpFile(*table, dir + "/dump.bin").ok());
  EXPECT_EQ(ReadTestFile(victim), "keep me");
  EXPECT_EQ(ReadTestFile(dir + "/dump.bin"), DumpBin(*table));
}

TEST(DumpFileTest, SynthesizedTwoXEntryPointCountsStructures) {
  const TableBuilder t = SmallTable();
  absl::StatusOr<Table> original =
      ParseRawSmbiosData(t.RawSmbiosData(2, 7, 0), "RSMB");
  ASSERT_TRUE(original.ok());

  const std::string dump = DumpBin(*original);
  absl::StatusOr<EntryPoint> entry = ParseEntryPoint(dump, "dump");
  ASSERT_TRUE(entry.ok()) << entry.status();
  EXPECT_EQ(entry->kind, EntryPointKind::kSmbios2);
  EXPECT_EQ(entry->structure_count, 3);
  EXPECT_EQ(entry->table_address, 0x20u);
  EXPECT_EQ(dump.substr(0x20), t.bytes());
}

TEST(DumpFileTest, TwoXTableOver64KiBGetsAnSmbios3EntryPoint) {
  // An _SM_ entry point's 16-bit length would cut this table to 16 bits.
  TableBuilder t;
  for (uint16_t handle = 0; t.bytes().size() <= 0x10000; ++handle) {
    t.Add(StructureBuilder(0x80, handle).Bytes(std::string(200, 'x')));
  }
  t.AddEndOfTable(0xFFFE);
  absl::StatusOr<Table> original =
      ParseRawSmbiosData(t.RawSmbiosData(2, 7, 0), "RSMB");
  ASSERT_TRUE(original.ok()) << original.status();

  const std::string dump = DumpBin(*original);
  absl::StatusOr<EntryPoint> entry = ParseEntryPoint(dump, "dump");
  ASSERT_TRUE(entry.ok()) << entry.status();
  EXPECT_EQ(entry->kind, EntryPointKind::kSmbios3);
  EXPECT_EQ(entry->table_length, t.bytes().size());
  EXPECT_EQ(entry->version.ToString(), "2.7.0");
  EXPECT_EQ(dump.substr(0x20), t.bytes());
}

TEST(RawSmbiosDataTest, DmiRevisionIsNotTheDocumentRevision) {
  absl::StatusOr<Table> table =
      ParseRawSmbiosData(SmallTable().RawSmbiosData(3, 4, 7), "RSMB");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_FALSE(table->version().has_docrev);
  EXPECT_EQ(table->version().docrev, 0);
}

TEST(DumpFileTest, ErrorsNameTheFile) {
  const std::string dir = MakeTempDir("bad-dumps");
  EXPECT_EQ(ReadDumpFile(dir + "/absent").status().code(),
            absl::StatusCode::kNotFound);

  const TableBuilder t = SmallTable();
  // Table offset past the file's end.
  const std::string far = dir + "/far.bin";
  ASSERT_TRUE(hwfp::testing::WriteTestFile(
      far, t.Smbios3EntryPoint(3, 0, 0, 0x10000) + t.bytes()));
  absl::StatusOr<Table> table = ReadDumpFile(far);
  EXPECT_EQ(table.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(table.status().message().find(far), std::string::npos);
}

TEST(RawSmbiosDataTest, ReadsWindowsLayout) {
  const TableBuilder t = SmallTable();
  absl::StatusOr<Table> table =
      ParseRawSmbiosData(t.RawSmbiosData(3, 2, 0), "RSMB");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->entry_point().kind, EntryPointKind::kNone);
  EXPECT_EQ(table->version().ToString(), "3.2");
  EXPECT_EQ(table->structures().size(), 3u);

  EXPECT_EQ(ParseRawSmbiosData("", "RSMB").status().code(),
            absl::StatusCode::kNotFound);
  const std::string short_header("\0\3\2", 3);
  EXPECT_EQ(ParseRawSmbiosData(short_header, "RSMB").status().code(),
            absl::StatusCode::kDataLoss);

  // A Length larger than the data is read as far as it goes.
  std::string cut = t.RawSmbiosData(3, 2, 0);
  cut.resize(cut.size() - 4);
  absl::StatusOr<Table> partial = ParseRawSmbiosData(cut, "RSMB");
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(partial->warnings()[0].kind, WarningKind::kLengthMismatch);
}

TEST(RawSmbiosDataTest, EveryTruncationIsSafe) {
  const std::string full = SmallTable().RawSmbiosData(3, 3, 0);
  for (size_t size = 0; size <= full.size(); ++size) {
    absl::StatusOr<Table> table =
        ParseRawSmbiosData(full.substr(0, size), "RSMB");
    if (table.ok()) {
      for (const Structure& s : table->structures()) {
        EXPECT_LE(s.offset() + s.raw().size(), size - 8);
      }
    }
  }
}

const char* const kTables[] = {
    "asrock-single-ryzen", "dell-poweredge-r630-dual-xeon",
    "dell-precision-3620", "generic-smbios27",
    "hyperv",              "supermicro-quad-opteron",
};

TEST(FixtureSourcesTest, SysfsTreeAndDumpAgreeAndDumpBinMatchesDmidecode) {
  const std::optional<std::string> dir = hwfp::testing::FixturesDir();
  if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;

  for (const char* name : kTables) {
    SCOPED_TRACE(name);
    const std::string folder = absl::StrCat(*dir, "/smbios/", name);
    const std::string root = MakeTempDir(name);
    ASSERT_TRUE(WriteSysfsTree(root,
                               ReadTestFile(folder + "/smbios_entry_point"),
                               ReadTestFile(folder + "/DMI"))
                    .ok());
    absl::StatusOr<Table> sysfs = ReadSysfsTable(root);
    ASSERT_TRUE(sysfs.ok()) << sysfs.status();
    absl::StatusOr<Table> dump = ReadDumpFile(folder + "/dump.bin");
    ASSERT_TRUE(dump.ok()) << dump.status();

    EXPECT_EQ(sysfs->bytes(), dump->bytes());
    EXPECT_EQ(sysfs->structures().size(), dump->structures().size());
    // dmidecode --dump-bin made dump.bin from the sysfs pair.
    EXPECT_EQ(DumpBin(*sysfs), ReadTestFile(folder + "/dump.bin"));
  }
}

TEST(FixtureSourcesTest, RealTablesTruncatedAtEveryOffset) {
  const std::optional<std::string> dir = hwfp::testing::FixturesDir();
  if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;

  for (const char* name : kTables) {
    SCOPED_TRACE(name);
    const std::string folder = absl::StrCat(*dir, "/smbios/", name);
    absl::StatusOr<EntryPoint> entry =
        ParseEntryPoint(ReadTestFile(folder + "/smbios_entry_point"), name);
    ASSERT_TRUE(entry.ok());
    const std::string bytes = ReadTestFile(folder + "/DMI");
    // Hyper-V's 17 KB are mostly padding: its structures end at 0x1DE.
    const size_t limit = std::min<size_t>(bytes.size(), 0x1800);
    for (size_t size = 0; size <= limit; ++size) {
      absl::StatusOr<Table> table =
          ParseTable(*entry, bytes.substr(0, size), name);
      if (!table.ok()) {
        ASSERT_EQ(table.status().code(), absl::StatusCode::kDataLoss);
        continue;
      }
      for (const Structure& s : table->structures()) {
        ASSERT_LE(s.offset() + s.raw().size(), size);
      }
    }
  }
}

// dmidecode itself must read what DumpBin writes for a table that came
// without an entry point (Windows). Skips where dmidecode is not
// installed: the product never runs it, only this check does.
TEST(DmidecodeReadbackTest, DmidecodeReadsSynthesizedDumps) {
  const char* const dmidecode = "/usr/sbin/dmidecode";
  if (std::FILE* f = std::fopen(dmidecode, "rb")) {
    std::fclose(f);
  } else {
    GTEST_SKIP() << "dmidecode is not installed";
  }
  const TableBuilder t = SmallTable();
  for (int major : {2, 3}) {
    absl::StatusOr<Table> table =
        ParseRawSmbiosData(t.RawSmbiosData(major, major == 2 ? 7 : 2, 0),
                           "RSMB");
    ASSERT_TRUE(table.ok());
    const std::string dir = MakeTempDir("readback");
    ASSERT_TRUE(WriteDumpFile(*table, dir + "/dump.bin").ok());
    const std::string command =
        absl::StrCat(dmidecode, " --from-dump ", dir, "/dump.bin > ", dir,
                     "/out.txt 2> ", dir, "/err.txt");
    ASSERT_EQ(std::system(command.c_str()), 0);
    const std::string out = ReadTestFile(dir + "/out.txt");
    EXPECT_NE(out.find(major == 2 ? "SMBIOS 2.7 present."
                                  : "SMBIOS 3.2.0 present."),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("Vendor: Acme"), std::string::npos) << out;
    EXPECT_NE(out.find("Handle 0x0040, DMI type 4"), std::string::npos);
    EXPECT_EQ(ReadTestFile(dir + "/err.txt"), "") << "dmidecode complained";
  }
}

}  // namespace
}  // namespace hwfp::smbios
