// Runs the hwfp binary's `smbios` command end to end: output, JSON, dump
// writing and the exit status of each failure class.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/testing/run_hwfp.h"
#include "tests/testing/smbios_builder.h"
#include "tests/testing/temp_dir.h"

namespace {

using ::hwfp::testing::HwfpRun;
using ::hwfp::testing::MakeTempDir;
using ::hwfp::testing::ReadTestFile;
using ::hwfp::testing::RunHwfp;
using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;
using ::hwfp::testing::WriteSysfsTree;

// Runs `hwfp smbios ARGS...`.
HwfpRun Smbios(std::vector<std::string> args) {
  args.insert(args.begin(), "smbios");
  return RunHwfp(args);
}

TableBuilder Machine() {
  TableBuilder t;
  t.Add(StructureBuilder(1, 0x100).Byte(1).Byte(2).Byte(0).Byte(3)
            .Bytes(std::string(16, '\x11')).Byte(6).Byte(0).Byte(0)
            .String("Acme").String("Box").String("S-42"));
  t.Add(StructureBuilder(0xC8, 0x200).Dword(7).String("oem"));
  t.AddEndOfTable(0x300);
  return t;
}

std::string MachineRoot() {
  const TableBuilder t = Machine();
  const std::string root = MakeTempDir("machine");
  EXPECT_TRUE(
      WriteSysfsTree(root, t.Smbios3EntryPoint(3, 3, 0), t.bytes()).ok());
  return root;
}

TEST(SmbiosCommandTest, PrintsStructuresLikeDmidecode) {
  const HwfpRun run = Smbios({"--root", MachineRoot()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("SMBIOS 3.3.0 present."), std::string::npos);
  EXPECT_NE(run.out.find("Handle 0x0100, DMI type 1, 27 bytes\n"
                         "System Information\n"
                         "\tManufacturer: Acme\n"
                         "\tProduct Name: Box\n"
                         "\tVersion: Not Specified\n"
                         "\tSerial Number: S-42\n"
                         "\tUUID: 11111111-1111-1111-1111-111111111111\n"
                         "\tWake-up Type: Power Switch\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("OEM-specific Type\n\tHeader and Data:\n"
                         "\t\tC8 08 00 02 07 00 00 00\n"
                         "\tStrings:\n\t\toem\n"),
            std::string::npos)
      << run.out;
}

TEST(SmbiosCommandTest, SelectsTypesByKeywordAndNumber) {
  const std::string root = MachineRoot();
  const HwfpRun system = Smbios({"--root", root, "-t", "system"});
  ASSERT_EQ(system.exit_status, 0);
  EXPECT_NE(system.out.find("DMI type 1,"), std::string::npos);
  EXPECT_EQ(system.out.find("DMI type 200,"), std::string::npos);

  const HwfpRun oem = Smbios({"--root", root, "-t", "200", "-t", "127"});
  ASSERT_EQ(oem.exit_status, 0);
  EXPECT_EQ(oem.out.find("DMI type 1,"), std::string::npos);
  EXPECT_NE(oem.out.find("DMI type 200,"), std::string::npos);
  EXPECT_NE(oem.out.find("DMI type 127,"), std::string::npos);
}

TEST(SmbiosCommandTest, JsonThroughRapidJson) {
  const HwfpRun run = Smbios({"--root", MachineRoot(), "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  rapidjson::Document json;
  json.Parse(run.out.c_str());
  ASSERT_FALSE(json.HasParseError()) << run.out;
  EXPECT_STREQ(json["entry_point"]["version"].GetString(), "3.3.0");
  const auto& structures = json["structures"];
  ASSERT_EQ(structures.Size(), 3u);
  EXPECT_EQ(structures[0]["handle"].GetInt(), 0x100);
  EXPECT_STREQ(structures[0]["fields"][3]["name"].GetString(),
               "Serial Number");
  EXPECT_STREQ(structures[0]["fields"][3]["value"].GetString(), "S-42");
  EXPECT_EQ(json["warnings"].Size(), 0u);
}

TEST(SmbiosCommandTest, DumpBinRoundTrips) {
  const std::string root = MachineRoot();
  const std::string dump = MakeTempDir("dump") + "/table.bin";
  const HwfpRun write = Smbios({"--root", root, "--dump-bin", dump});
  ASSERT_EQ(write.exit_status, 0) << write.err;
  EXPECT_EQ(ReadTestFile(dump).substr(0x20), Machine().bytes());

  const HwfpRun read = Smbios({"--from-dump", dump, "-t", "1"});
  ASSERT_EQ(read.exit_status, 0) << read.err;
  EXPECT_NE(read.out.find("Serial Number: S-42"), std::string::npos);
}

TEST(SmbiosCommandTest, DistinctExitStatuses) {
  // No tables: a machine without firmware tables.
  const HwfpRun none = Smbios({"--root", MakeTempDir("none")});
  EXPECT_EQ(none.exit_status, 3);
  EXPECT_NE(none.err.find("smbios_entry_point"), std::string::npos);

  // Broken: an entry point that fails its checksum.
  const TableBuilder t = Machine();
  std::string entry = t.Smbios3EntryPoint(3, 3, 0);
  entry[0x08] ^= 1;
  const std::string root = MakeTempDir("broken");
  ASSERT_TRUE(WriteSysfsTree(root, entry, t.bytes()).ok());
  const HwfpRun broken = Smbios({"--root", root});
  EXPECT_EQ(broken.exit_status, 5);
  EXPECT_NE(broken.err.find("checksum"), std::string::npos);

  // Usage: a keyword dmidecode does not have, or two sources at once.
  EXPECT_EQ(Smbios({"-t", "memroy"}).exit_status, 2);
  EXPECT_EQ(Smbios({"--root", "/x", "--from-dump", "/y"}).exit_status, 2);
}

TEST(SmbiosCommandTest, WarningsGoToStderr) {
  TableBuilder t;
  t.Add(StructureBuilder(1, 1).Byte(1).Byte(0).Byte(0).Byte(0).String("A"));
  t.AddBytes(std::string(32, '\0'));
  const std::string root = MakeTempDir("padded");
  ASSERT_TRUE(
      WriteSysfsTree(root, t.Smbios3EntryPoint(3, 0, 0), t.bytes()).ok());
  const HwfpRun run = Smbios({"--root", root});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_NE(run.err.find("warning: zero bytes at offset 0x"),
            std::string::npos)
      << run.err;
}

}  // namespace
