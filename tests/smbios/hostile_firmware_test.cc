// Firmware that lies: random bytes of every length, structures whose
// string sets never end, entry points announcing 4 GiB tables, files far
// larger than any table, FIFOs in place of table files. The library must
// answer each with a value and warnings, or a clear error, in bounded
// memory; never crash or read out of bounds (the sanitizer build runs
// these too). Inputs come from a seeded generator, so a failure always
// reproduces.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "smbios/entry_point.h"
#include "smbios/sources.h"
#include "smbios/table.h"
#include "tests/testing/process.h"
#include "tests/testing/smbios_builder.h"
#include "tests/testing/temp_dir.h"

namespace hwfp::smbios {
namespace {

using ::hwfp::testing::Announcing4GiB;
using ::hwfp::testing::MakeTempDir;
using ::hwfp::testing::RunInChild;
using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;
using ::hwfp::testing::WriteSysfsTree;
using ::hwfp::testing::WriteTestFile;

constexpr char kSource[] = "hostile table";

// Memory a reader may use beyond the process's own for one hostile input:
// far above any real table (tens of KiB), far below the sizes announced.
constexpr long kMemoryBudgetKib = 64 * 1024;

std::string RandomBytes(std::mt19937_64& random, size_t size) {
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  return bytes;
}

EntryPoint Smbios3(uint32_t max_length) {
  EntryPoint entry;
  entry.kind = EntryPointKind::kSmbios3;
  entry.version = {3, 3, 0, true};
  entry.table_length = max_length;
  return entry;
}

EntryPoint Smbios2(uint32_t length, uint16_t count) {
  EntryPoint entry;
  entry.kind = EntryPointKind::kSmbios2;
  entry.version = {2, 8, 0, false};
  entry.table_length = length;
  entry.structure_count = count;
  return entry;
}

// What every walk promises, whatever the bytes: structures lie inside the
// table, in order, without overlap, at least a header long; an error names
// the source and says the data is broken; a table that does not end the
// way a well-formed one does carries a warning.
void ExpectSaneWalk(const absl::StatusOr<Table>& table, size_t size,
                    const std::string& context) {
  SCOPED_TRACE(context);
  if (!table.ok()) {
    EXPECT_TRUE(absl::IsDataLoss(table.status())) << table.status();
    EXPECT_TRUE(absl::StrContains(table.status().message(), kSource))
        << table.status();
    return;
  }
  const absl::string_view bytes = table->bytes();
  EXPECT_LE(bytes.size(), size);
  ASSERT_FALSE(table->structures().empty());
  EXPECT_LE(table->structures().size(), size / 4);
  size_t end = 0;
  for (const Structure& s : table->structures()) {
    EXPECT_GE(s.offset(), end);
    EXPECT_EQ(s.raw().data(), bytes.data() + s.offset());
    EXPECT_LE(s.offset() + s.raw().size(), bytes.size());
    EXPECT_GE(s.length(), 4);
    EXPECT_LE(s.length(), s.raw().size());
    end = s.offset() + s.raw().size();
  }
  const Structure& last = table->structures().back();
  // SMBIOS 3 tables end with type 127 anywhere within the maximum size
  // announced; 2.x ones after the count announced, at the length announced.
  const uint16_t count = table->entry_point().structure_count;
  const bool ends_well =
      count == 0
          ? last.type() == 127
          : end == bytes.size() && table->structures().size() == size_t{count};
  if (!ends_well) {
    EXPECT_FALSE(table->warnings().empty())
        << "table stops at " << end << " of " << bytes.size() << " after type "
        << int{last.type()} << " with no warning";
  }
  for (const Warning& w : table->warnings()) EXPECT_FALSE(w.message.empty());
}

TEST(HostileFirmwareTest, RandomTablesOfEveryLength) {
  std::mt19937_64 random(20240611);
  std::vector<size_t> sizes;
  for (size_t size = 0; size <= 2048; ++size) sizes.push_back(size);
  for (size_t size = 4096; size <= (4u << 20); size *= 4) {
    sizes.push_back(size - 1);
    sizes.push_back(size + random() % 97);
  }

  for (size_t size : sizes) {
    const std::string bytes = RandomBytes(random, size);
    const std::string context = absl::StrCat(size, " random bytes");
    const uint32_t length = static_cast<uint32_t>(size);
    ExpectSaneWalk(ParseTable(Smbios3(length), bytes, kSource), size,
                   context + " as SMBIOS 3");
    ExpectSaneWalk(ParseTable(Smbios2(length, 0xFFFF), bytes, kSource), size,
                   context + " as SMBIOS 2.8");
    ExpectSaneWalk(
        ParseRawSmbiosData(absl::StrCat(std::string("\0\3\3\0", 4),
                                        std::string(4, '\xFF'), bytes),
                           kSource),
        size, context + " as RSMB");
  }
}

// Random but structure-shaped: headers that mostly fit, string sets that
// mostly end, and now and then a lie about the length, a missing double
// NUL or a run of junk, which is what real broken firmware looks like.
TEST(HostileFirmwareTest, RandomStructuredTables) {
  std::mt19937_64 random(7);
  for (int round = 0; round < 3000; ++round) {
    TableBuilder table;
    const int count = static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) {
      StructureBuilder s(static_cast<uint8_t>(random() % 45),
                         static_cast<uint16_t>(random()));
      s.Bytes(RandomBytes(random, random() % 30));
      for (int k = static_cast<int>(random() % 4); k > 0; --k) {
        s.String(std::string(1 + random() % 12, 'a' + random() % 26));
      }
      if (random() % 10 == 0) {
        s.AnnounceLength(static_cast<uint8_t>(random()));
      }
      if (random() % 10 == 0) s.WithoutTerminator();
      table.Add(s);
      if (random() % 20 == 0) table.AddBytes(RandomBytes(random, 7));
    }
    if (random() % 2 == 0) table.AddEndOfTable();
    const std::string& bytes = table.bytes();
    const uint32_t length = static_cast<uint32_t>(bytes.size());
    const std::string context = absl::StrCat("round ", round);
    ExpectSaneWalk(ParseTable(Smbios3(length), bytes, kSource), bytes.size(),
                   context + " as SMBIOS 3");
    ExpectSaneWalk(
        ParseTable(Smbios2(length, static_cast<uint16_t>(table.count())), bytes,
                   kSource),
        bytes.size(), context + " as SMBIOS 2.8");
  }
}

TEST(HostileFirmwareTest, StringSetWithoutEndStopsTheWalkWithAWarning) {
  // One good structure, then one whose strings run on for 4 MiB with
  // single NULs and never the double NUL that ends a string set.
  TableBuilder builder;
  builder.Add(StructureBuilder(0, 0x0001).Byte(1).Byte(2).String("BIOS"));
  std::string endless;
  while (endless.size() < (4u << 20)) endless.append("A\0", 2);
  builder.AddBytes(absl::StrCat(std::string("\x01\x08\x02\x00", 4),
                                std::string("\x01\x02\x03\x04", 4), endless));
  const std::string& bytes = builder.bytes();

  absl::StatusOr<Table> table =
      ParseTable(Smbios3(static_cast<uint32_t>(bytes.size())), bytes, kSource);
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->structures().size(), 1u);
  EXPECT_EQ(table->structures()[0].String(1), "BIOS");
  ASSERT_FALSE(table->warnings().empty());
  const Warning& warning = table->warnings().back();
  EXPECT_EQ(warning.kind, WarningKind::kTruncated);
  EXPECT_EQ(warning.handle, 0x0002);
  EXPECT_TRUE(absl::StrContains(warning.message, "0x0002")) << warning.message;
}

TEST(HostileFirmwareTest, EntryPointAnnouncing4GiBTableReadsWhatIsThere) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  const std::string entry = Announcing4GiB(builder.Smbios3EntryPoint(3, 3, 0));

  const std::string root = MakeTempDir("four_gib");
  ASSERT_TRUE(WriteSysfsTree(root, entry, builder.bytes()).ok());
  absl::StatusOr<Table> table = ReadSysfsTable(root);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->entry_point().table_length, 0xFFFFFFFFu);
  ASSERT_EQ(table->structures().size(), 2u);
  EXPECT_EQ(table->structures()[0].String(1), "Acme");
}

TEST(HostileFirmwareTest, Smbios2EntryPointAnnouncingMoreThanThereIsWarns) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  const std::string entry =
      builder.Smbios2EntryPoint(2, 8, /*count=*/0xFFFF, /*length=*/0xFFFF);
  const std::string root = MakeTempDir("sm2_overannounced");
  ASSERT_TRUE(WriteSysfsTree(root, entry, builder.bytes()).ok());

  absl::StatusOr<Table> table = ReadSysfsTable(root);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->structures().size(), 2u);
  bool length_warned = false;
  bool count_warned = false;
  for (const Warning& w : table->warnings()) {
    length_warned |= w.kind == WarningKind::kLengthMismatch;
    count_warned |= w.kind == WarningKind::kCountMismatch;
  }
  EXPECT_TRUE(length_warned);
  EXPECT_TRUE(count_warned);
}

TEST(HostileFirmwareTest, RawSmbiosDataAnnouncing4GiBWarns) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  std::string buffer = builder.RawSmbiosData(3, 3, 0);
  buffer.replace(4, 4, std::string(4, '\xFF'));

  absl::StatusOr<Table> table = ParseRawSmbiosData(buffer, kSource);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->structures().size(), 2u);
  ASSERT_FALSE(table->warnings().empty());
  EXPECT_EQ(table->warnings()[0].kind, WarningKind::kLengthMismatch);
}

TEST(HostileFirmwareTest, DumpWithTableOffsetPast4GiBIsRefused) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  const std::string path = MakeTempDir("far_offset") + "/dump.bin";
  ASSERT_TRUE(WriteTestFile(
      path, testing::DumpFile(
                builder.Smbios3EntryPoint(3, 3, 0, /*address=*/0xFFFFFFFF0ull),
                builder.bytes())));
  absl::StatusOr<Table> table = ReadDumpFile(path);
  ASSERT_FALSE(table.ok());
  EXPECT_TRUE(absl::IsDataLoss(table.status())) << table.status();
  EXPECT_TRUE(absl::StrContains(table.status().message(), path))
      << table.status();
}

// Makes `path` a sparse file of `size` bytes starting with `head`: it
// takes no disk space, but a reader that reads it whole takes `size` of
// memory.
void WriteSparseFile(const std::string& path, const std::string& head,
                     off_t size) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0) << path;
  ASSERT_EQ(write(fd, head.data(), head.size()),
            static_cast<ssize_t>(head.size()));
  ASSERT_EQ(ftruncate(fd, size), 0);
  close(fd);
}

// Returns the peak memory `read` adds to a copy of this process, in KiB.
long ExtraMemoryKib(absl::FunctionRef<bool()> read) {
  absl::StatusOr<testing::ProcessResult> idle = RunInChild([] { return 0; });
  absl::StatusOr<testing::ProcessResult> busy =
      RunInChild([&] { return read() ? 0 : 1; });
  EXPECT_TRUE(idle.ok() && busy.ok());
  if (!idle.ok() || !busy.ok()) return -1;
  EXPECT_EQ(busy->exit_code, 0) << "the read failed";
  return busy->max_rss_kib - idle->max_rss_kib;
}

TEST(HostileFirmwareTest, OneGiBTableFileIsReadInBoundedMemory) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  const std::string root = MakeTempDir("one_gib_table");
  ASSERT_TRUE(
      WriteSysfsTree(root, builder.Smbios3EntryPoint(3, 3, 0), builder.bytes())
          .ok());
  // The entry point announces the real table; the file holds 1 GiB.
  WriteSparseFile(root + "/" + kSysfsTable, builder.bytes(), 1 << 30);

  EXPECT_LT(ExtraMemoryKib([&] {
              absl::StatusOr<Table> table = ReadSysfsTable(root);
              return table.ok() && table->structures().size() == 2;
            }),
            kMemoryBudgetKib);
}

// The entry point announces 4 GiB and the file holds 1 GiB: what is read
// is capped, and the cap is said.
TEST(HostileFirmwareTest, OneGiBTableAnnouncedAs4GiBIsReadInBoundedMemory) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  const std::string root = MakeTempDir("four_gib_one_gib");
  ASSERT_TRUE(WriteSysfsTree(root,
                             Announcing4GiB(builder.Smbios3EntryPoint(3, 3, 0)),
                             builder.bytes())
                  .ok());
  WriteSparseFile(root + "/" + kSysfsTable, builder.bytes(), 1 << 30);

  EXPECT_LT(ExtraMemoryKib([&] {
              absl::StatusOr<Table> table = ReadSysfsTable(root);
              return table.ok() && table->structures().size() == 2 &&
                     !table->warnings().empty() &&
                     table->warnings()[0].kind == WarningKind::kLengthMismatch;
            }),
            kMemoryBudgetKib);
}

TEST(HostileFirmwareTest, OneGiBDumpFileIsReadInBoundedMemory) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  for (const bool announce_4gib : {false, true}) {
    SCOPED_TRACE(announce_4gib ? "announcing 4 GiB" : "announcing the table");
    std::string entry = builder.Smbios3EntryPoint(3, 3, 0, 0x20);
    if (announce_4gib) entry = Announcing4GiB(entry);
    const std::string path = MakeTempDir("one_gib_dump") + "/dump.bin";
    WriteSparseFile(path, testing::DumpFile(entry, builder.bytes()), 1 << 30);

    EXPECT_LT(ExtraMemoryKib([&] {
                absl::StatusOr<Table> table = ReadDumpFile(path);
                return table.ok() && table->structures().size() == 2;
              }),
              kMemoryBudgetKib);
  }
}

// A FIFO nobody writes to, in place of either sysfs file or a dump, used
// to block open() forever.
TEST(HostileFirmwareTest, FifoInPlaceOfATableFileDoesNotHang) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  for (const char* fifo : {kSysfsEntryPoint, kSysfsTable}) {
    SCOPED_TRACE(fifo);
    const std::string root = MakeTempDir("fifo_table");
    ASSERT_TRUE(WriteSysfsTree(root, builder.Smbios3EntryPoint(3, 3, 0),
                               builder.bytes())
                    .ok());
    const std::string path = root + "/" + fifo;
    ASSERT_EQ(unlink(path.c_str()), 0);
    ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
    absl::StatusOr<testing::ProcessResult> run = RunInChild(
        [&] { return ReadSysfsTable(root).ok() ? 1 : 0; }, absl::Seconds(10));
    ASSERT_TRUE(run.ok()) << run.status();
    EXPECT_FALSE(run->timed_out) << "the read blocked";
    EXPECT_EQ(run->exit_code, 0) << "a FIFO read as a table";
  }
}

// Found while fixing the bounded dump reader: a dump given as a pipe
// (hwfp smbios --from-dump <(...)) must be read in one pass.
TEST(HostileFirmwareTest, DumpFromAPipeIsReadWhole) {
  TableBuilder builder;
  builder.Add(StructureBuilder(1, 0x0100).Byte(1).String("Acme"));
  builder.AddEndOfTable();
  const std::string dump = testing::DumpFile(
      builder.Smbios3EntryPoint(3, 3, 0, 0x20), builder.bytes());
  int ends[2];
  ASSERT_EQ(pipe(ends), 0);
  // The dump is far below the pipe's capacity, so it fits before anyone
  // reads.
  ASSERT_EQ(write(ends[1], dump.data(), dump.size()),
            static_cast<ssize_t>(dump.size()));
  close(ends[1]);
  absl::StatusOr<Table> table =
      ReadDumpFile(absl::StrCat("/proc/self/fd/", ends[0]));
  close(ends[0]);
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->structures().size(), 2u);
  EXPECT_EQ(table->structures()[0].String(1), "Acme");
}

}  // namespace
}  // namespace hwfp::smbios
