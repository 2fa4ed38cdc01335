// Lying firmware handed to the real binary: `hwfp smbios`, `hwfp hash` and
// `hwfp fingerprint` on root folders whose tables are random bytes, cut
// short, announced as 4 GiB, held in a 1 GiB file or replaced by a FIFO,
// and on dumps of the same. Each run ends with a clear message and a
// documented exit status: no crash, no hang, and memory close to what a
// sound table costs. The library-level cases (every length, every fault
// class) are in tests/smbios/hostile_firmware_test.cc.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/testing/process.h"
#include "tests/testing/smbios_builder.h"
#include "tests/testing/temp_dir.h"

namespace hwfp {
namespace {

using ::hwfp::testing::Announcing4GiB;
using ::hwfp::testing::HwfpBinary;
using ::hwfp::testing::MakeTempDir;
using ::hwfp::testing::ProcessResult;
using ::hwfp::testing::RunProcess;
using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;
using ::hwfp::testing::WriteSysfsTree;

// cli/command.h
constexpr int kExitOk = 0;
constexpr int kExitBrokenTables = 5;

// What a run on hostile firmware may take beyond a run on a sound table:
// the readers stop at 16 MiB of table whatever a file holds or an entry
// point announces, so this stays far below the 1 GiB files used here.
constexpr long kMemoryBudgetKib = 64 * 1024;
constexpr char kEntryPoint[] = "sys/firmware/dmi/tables/smbios_entry_point";
constexpr char kTable[] = "sys/firmware/dmi/tables/DMI";

TableBuilder SoundTable() {
  TableBuilder table;
  table.Add(StructureBuilder(0, 0x0000)
                .Byte(1)
                .Byte(2)
                .Word(0xE800)
                .Byte(3)
                .Byte(0xFF)
                .Qword(0)
                .String("Acme")
                .String("1.0")
                .String("01/01/2024"));
  table.Add(StructureBuilder(1, 0x0001)
                .Byte(1)
                .Byte(2)
                .Byte(3)
                .Byte(4)
                .Bytes(std::string(16, '\x11'))
                .Byte(6)
                .String("Acme")
                .String("Box")
                .String("1")
                .String("SN-1"));
  table.AddEndOfTable();
  return table;
}

void WriteSparse(const std::string& path, const std::string& head, off_t size) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0) << path;
  ASSERT_EQ(write(fd, head.data(), head.size()),
            static_cast<ssize_t>(head.size()));
  ASSERT_EQ(ftruncate(fd, size), 0);
  close(fd);
}

class HostileFirmwareCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string sound = MakeTempDir("sound");
    const TableBuilder table = SoundTable();
    ASSERT_TRUE(
        WriteSysfsTree(sound, table.Smbios3EntryPoint(3, 3, 0), table.bytes())
            .ok());
    absl::StatusOr<ProcessResult> run =
        RunProcess({HwfpBinary(), "smbios", "--root", sound});
    ASSERT_TRUE(run.ok()) << run.status();
    ASSERT_EQ(run->exit_code, kExitOk) << run->err;
    baseline_kib_ = run->max_rss_kib;
  }

  // Runs every command that reads firmware on `root` and checks each ends
  // with one of `statuses` (smbios) or succeeds (hash, fingerprint: a
  // broken table only empties the firmware keys), within the memory
  // budget, with something said on stderr when smbios did not succeed.
  void ExpectHandled(const std::string& root,
                     const std::vector<int>& statuses) {
    absl::StatusOr<ProcessResult> smbios =
        RunProcess({HwfpBinary(), "smbios", "--root", root, "--json"});
    ASSERT_TRUE(smbios.ok()) << smbios.status();
    EXPECT_FALSE(smbios->timed_out);
    EXPECT_EQ(smbios->signal, 0) << smbios->err;
    EXPECT_NE(std::find(statuses.begin(), statuses.end(), smbios->exit_code),
              statuses.end())
        << "exit " << smbios->exit_code << ": " << smbios->err;
    if (smbios->exit_code != kExitOk) {
      EXPECT_TRUE(absl::StrContains(smbios->err, root)) << smbios->err;
    }
    EXPECT_LT(smbios->max_rss_kib - baseline_kib_, kMemoryBudgetKib);

    absl::StatusOr<ProcessResult> hash =
        RunProcess({HwfpBinary(), "hash", "--root", root, "--json"});
    ASSERT_TRUE(hash.ok()) << hash.status();
    EXPECT_FALSE(hash->timed_out);
    EXPECT_EQ(hash->exit_code, kExitOk) << hash->err;
    EXPECT_TRUE(absl::StrContains(hash->out, "\"bios-hash\""));
    EXPECT_LT(hash->max_rss_kib - baseline_kib_, kMemoryBudgetKib);

    absl::StatusOr<ProcessResult> fingerprint =
        RunProcess({HwfpBinary(), "fingerprint", "--root", root, "--vault",
                    root + "/vault"});
    ASSERT_TRUE(fingerprint.ok()) << fingerprint.status();
    EXPECT_EQ(fingerprint->exit_code, kExitOk) << fingerprint->err;
    EXPECT_LT(fingerprint->max_rss_kib - baseline_kib_, kMemoryBudgetKib);
  }

  long baseline_kib_ = 0;
};

TEST_F(HostileFirmwareCliTest, RandomTables) {
  std::mt19937_64 random(99);
  for (size_t size : {0, 1, 3, 4, 5, 17, 100, 4096, 65535, 1 << 20}) {
    SCOPED_TRACE(absl::StrCat(size, " random bytes"));
    std::string bytes(size, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    const std::string root = MakeTempDir("random");
    TableBuilder table;
    table.AddBytes(bytes);
    ASSERT_TRUE(
        WriteSysfsTree(root, table.Smbios3EntryPoint(3, 3, 0), bytes).ok());
    ExpectHandled(root, {kExitOk, kExitBrokenTables});
  }
}

TEST_F(HostileFirmwareCliTest, StringSetWithoutEnd) {
  // The BIOS structure, then one whose strings never end, so no
  // End-of-Table follows.
  TableBuilder table;
  table.Add(StructureBuilder(0, 0x0000).Byte(1).Byte(2).String("Acme"));
  std::string endless;
  while (endless.size() < (1u << 20)) endless.append("A\0", 2);
  table.AddBytes(absl::StrCat(std::string("\x02\x08\x02\x00", 4),
                              std::string("\x01\x02\x03\x04", 4), endless));
  const std::string root = MakeTempDir("endless");
  ASSERT_TRUE(
      WriteSysfsTree(root, table.Smbios3EntryPoint(3, 3, 0), table.bytes())
          .ok());
  ExpectHandled(root, {kExitOk});

  absl::StatusOr<ProcessResult> run =
      RunProcess({HwfpBinary(), "smbios", "--root", root});
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_TRUE(absl::StrContains(run->err, "warning:")) << run->err;
  EXPECT_TRUE(absl::StrContains(run->err, "0x0002")) << run->err;
}

TEST_F(HostileFirmwareCliTest, TableAnnouncedAs4GiBInA1GiBFile) {
  const TableBuilder table = SoundTable();
  const std::string root = MakeTempDir("four_gib");
  ASSERT_TRUE(WriteSysfsTree(root,
                             Announcing4GiB(table.Smbios3EntryPoint(3, 3, 0)),
                             table.bytes())
                  .ok());
  WriteSparse(root + "/" + kTable, table.bytes(), off_t{1} << 30);
  ExpectHandled(root, {kExitOk});

  // And the same as a dump file.
  const std::string dump = root + "/dump.bin";
  WriteSparse(
      dump,
      testing::DumpFile(Announcing4GiB(table.Smbios3EntryPoint(3, 3, 0, 0x20)),
                        table.bytes()),
      off_t{1} << 30);
  absl::StatusOr<ProcessResult> run =
      RunProcess({HwfpBinary(), "smbios", "--from-dump", dump});
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->exit_code, kExitOk) << run->err;
  EXPECT_TRUE(absl::StrContains(run->out, "Acme")) << run->out;
  EXPECT_LT(run->max_rss_kib - baseline_kib_, kMemoryBudgetKib);
}

TEST_F(HostileFirmwareCliTest, BrokenEntryPoints) {
  const TableBuilder table = SoundTable();
  std::string bad_checksum = table.Smbios3EntryPoint(3, 3, 0);
  bad_checksum[0x05] ^= 0x01;
  std::string too_long = table.Smbios3EntryPoint(3, 3, 0);
  too_long[0x06] = static_cast<char>(0xFF);
  for (const std::string& entry :
       {bad_checksum, too_long, std::string("_SM3_"), std::string("_SM_"),
        std::string(32, '\0'), std::string()}) {
    SCOPED_TRACE(absl::StrCat(entry.size(), "-byte entry point"));
    const std::string root = MakeTempDir("entry");
    ASSERT_TRUE(WriteSysfsTree(root, entry, table.bytes()).ok());
    ExpectHandled(root, {kExitBrokenTables});
  }
}

TEST_F(HostileFirmwareCliTest, FifosInPlaceOfTheTables) {
  const std::string root = MakeTempDir("fifos");
  const TableBuilder table = SoundTable();
  ASSERT_TRUE(
      WriteSysfsTree(root, table.Smbios3EntryPoint(3, 3, 0), table.bytes())
          .ok());
  for (const char* file : {kEntryPoint, kTable}) {
    const std::string path = root + "/" + file;
    ASSERT_EQ(unlink(path.c_str()), 0);
    ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  }
  ExpectHandled(root, {kExitBrokenTables});
}

}  // namespace
}  // namespace hwfp
