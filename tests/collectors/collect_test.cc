// CollectHardwareHash over whole machine trees built here: every key
// present, what a reboot changes moves no value, one changed DIMM serial
// moves memory-hash alone, and the fallbacks when SMBIOS is missing,
// broken or incomplete.

#include "collectors/collect.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "collectors/digest.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"
#include "tests/testing/smbios_builder.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;
using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;

constexpr const char* kAllKeys[] = {
    kMachineIdKey, kProcessorHashKey, kMemoryHashKey,
    kBiosHashKey,  kSystemHashKey,    kHostnameKey,
    kIpAddressKey, kMacAddressKey,    kDiskKey};

// What moves between two boots of the same machine.
struct Boot {
  uint16_t cpu_speed_mhz = 2600;     // Type 4 Current Speed.
  uint8_t boot_status = 0;           // Type 32 Boot Status.
  const char* cpu_mhz = "2600.012";  // /proc/cpuinfo.
  const char* bogomips = "5200.02";
  const char* docker_mac = "02:42:7f:1c:aa:01";
  const char* docker_net = "172.17";
  bool reversed = false;  // Routes, links and interfaces in other orders.
  long link_time = 1600000000;
};

StructureBuilder Dimm(uint16_t handle, const char* locator,
                      const char* serial) {
  StructureBuilder dimm(17, handle);
  dimm.Word(0x1000).Word(0xFFFE).Word(72).Word(64).Word(16384);
  dimm.Byte(0x09).Byte(0).Byte(1).Byte(2).Byte(0x1A).Word(0x80).Word(2400);
  dimm.Byte(3).Byte(4).Byte(5).Byte(6).Byte(2);
  return dimm.String(locator)
      .String("BANK 0")
      .String("Samsung")
      .String(serial)
      .String("Asset")
      .String("M393A2K40BB1-CRC");
}

StructureBuilder Cpu(uint16_t handle, const char* socket, uint16_t speed) {
  StructureBuilder cpu(4, handle);
  cpu.Byte(1).Byte(3).Byte(0xB3).Byte(2).Qword(0xBFEBFBFF000306F2ull);
  cpu.Byte(3).Byte(0x8C).Word(100).Word(4000).Word(speed).Byte(0x41);
  cpu.Byte(0x2B);
  return cpu.String(socket).String("Intel").String("Xeon E5-2680 v3");
}

std::string ServerTable(const Boot& boot, const char* dimm_b_serial) {
  TableBuilder table;
  table.Add(StructureBuilder(0, 0x0000)
                .Byte(1)
                .Byte(2)
                .Word(0xF000)
                .Byte(3)
                .Byte(0xFF)
                .String("Dell Inc.")
                .String("2.17.0")
                .String("07/22/2022"));
  StructureBuilder system(1, 0x0100);
  system.Byte(1).Byte(2).Byte(3).Byte(4);
  system.Bytes(
      std::string("\x4c\x4c\x45\x44\x00\x33\x10\x80\x80\x42\xb8\xc0"
                  "\x4f\x4a\x39\x32",
                  16));
  system.Byte(6).Byte(5).Byte(6);  // Wake-up type 6: power switch.
  table.Add(system.String("Dell Inc.")
                .String("PowerEdge R630")
                .String("01")
                .String("7XJ92Q2")
                .String("SKU=0600")
                .String("R"));
  table.Add(Cpu(0x0400, "CPU1", boot.cpu_speed_mhz));
  table.Add(Cpu(0x0401, "CPU2", boot.cpu_speed_mhz));
  table.Add(StructureBuilder(16, 0x1000)
                .Byte(3)
                .Byte(3)
                .Byte(6)
                .Dword(0x18000000)
                .Word(0xFFFE)
                .Word(24));
  table.Add(Dimm(0x1100, "A1", "36A1B2C3"));
  table.Add(Dimm(0x1101, "B1", dimm_b_serial));
  table.Add(StructureBuilder(32, 0x2000)
                .Bytes(std::string(6, '\0'))
                .Byte(boot.boot_status));
  table.AddEndOfTable();
  return table.bytes();
}

std::string CpuInfo(const Boot& boot) {
  std::string text;
  for (int cpu = 0; cpu < 2; ++cpu) {
    absl::StrAppend(&text, "processor\t: ", cpu,
                    "\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
                    "model\t\t: 63\nmodel name\t: Intel(R) Xeon(R) CPU "
                    "E5-2680 v3 @ 2.50GHz\nstepping\t: 2\ncpu MHz\t\t: ",
                    boot.cpu_mhz, "\nbogomips\t: ", boot.bogomips, "\n\n");
  }
  return text;
}

void WriteNetwork(HostTree& tree, const Boot& boot) {
  const std::string header =
      "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU"
      "\tWindow\tIRTT\n";
  const std::string nic =
      "eno1\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
      "eno1\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n";
  const std::string docker = absl::StrCat(
      "docker0\t0000", std::string(boot.docker_net) == "172.17" ? "11" : "12",
      "AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n");
  tree.File("proc/net/route",
            boot.reversed ? header + docker + nic : header + nic + docker);
  tree.File("proc/net/fib_trie",
            absl::StrCat("Main:\n     |-- 127.0.0.1\n        /32 host LOCAL\n"
                         "     |-- ",
                         boot.docker_net,
                         ".0.1\n"
                         "        /32 host LOCAL\n"
                         "     |-- 192.168.1.23\n        /32 host LOCAL\n"));

  auto interface = [&tree](const std::string& name, const std::string& mac,
                           bool physical) {
    tree.File("sys/class/net/" + name + "/address", mac + "\n");
    tree.File("sys/class/net/" + name + "/type",
              name == "lo" ? "772\n" : "1\n");
    if (physical) {
      tree.Link("sys/class/net/" + name + "/device",
                "../../../devices/pci0000:00/0000:01:00.0");
    }
  };
  if (boot.reversed) {
    interface("lo", "00:00:00:00:00:00", false);
    interface("docker0", boot.docker_mac, false);
    interface("eno1", "18:66:da:10:20:30", true);
  } else {
    interface("eno1", "18:66:da:10:20:30", true);
    interface("docker0", boot.docker_mac, false);
    interface("lo", "00:00:00:00:00:00", false);
  }
}

void WriteDisks(HostTree& tree, const Boot& boot) {
  const char* links[][2] = {
      {"A1B2-C3D4", "../../nvme0n1p1"},
      {"3f1c2a9e-7d55-4c1e-9a8b-5e0f6d2c4b71", "../../nvme0n1p2"}};
  for (int i = 0; i < 2; ++i) {
    const int at = boot.reversed ? 1 - i : i;
    const std::string path = absl::StrCat("dev/disk/by-uuid/", links[at][0]);
    tree.Link(path, links[at][1]).TouchLink(path, boot.link_time + i);
  }
}

// A Dell R630-like server with SMBIOS, a docker bridge and two disks.
std::string WriteServer(HostTree& tree, const Boot& boot,
                        const char* dimm_b_serial = "36D4E5F6") {
  const std::string table = ServerTable(boot, dimm_b_serial);
  TableBuilder for_entry;
  for_entry.AddBytes(table);
  EXPECT_TRUE(hwfp::testing::WriteSysfsTree(
                  tree.root(), for_entry.Smbios3EntryPoint(3, 0, 0), table)
                  .ok());
  tree.File("etc/machine-id", "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f\n")
      .File("proc/sys/kernel/hostname", "r630-db-01\n")
      .File("proc/cpuinfo", CpuInfo(boot));
  WriteNetwork(tree, boot);
  WriteDisks(tree, boot);
  return tree.root();
}

HardwareHash Collect(const std::string& root) {
  absl::StatusOr<HardwareHash> hash = CollectHardwareHash({root});
  EXPECT_TRUE(hash.ok()) << hash.status();
  return hash.ok() ? *std::move(hash) : HardwareHash();
}

TEST(CollectHardwareHashTest, AllNineKeysFromAServer) {
  HostTree tree("server");
  const HardwareHash hash = Collect(WriteServer(tree, Boot()));

  ASSERT_EQ(hash.values.size(), 9u);
  ASSERT_EQ(hash.sources.size(), 9u);
  for (const char* key : kAllKeys) {
    EXPECT_FALSE(hash.values.at(key).empty())
        << key << ": " << hash.sources.at(key);
  }
  EXPECT_EQ(hash.values.at(kMachineIdKey),
            "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f\n");
  EXPECT_EQ(hash.values.at(kHostnameKey), "r630-db-01");
  EXPECT_EQ(hash.values.at(kIpAddressKey), "192.168.1.23");
  EXPECT_EQ(hash.values.at(kMacAddressKey), "18:66:da:10:20:30");
  EXPECT_TRUE(absl::StartsWith(hash.sources.at(kProcessorHashKey),
                               "SMBIOS 3.0.0, 2 structures (2 of type 4)"))
      << hash.sources.at(kProcessorHashKey);
  EXPECT_TRUE(absl::StrContains(hash.sources.at(kMemoryHashKey),
                                "1 of type 16, 2 of type 17"))
      << hash.sources.at(kMemoryHashKey);
}

TEST(CollectHardwareHashTest, RebootChangesNoValue) {
  HostTree first("boot-1");
  const HardwareHash before = Collect(WriteServer(first, Boot()));

  Boot next;
  next.cpu_speed_mhz = 3300;
  next.boot_status = 7;
  next.cpu_mhz = "1198.734";
  next.bogomips = "5199.87";
  next.docker_mac = "02:42:93:5e:0b:77";
  next.docker_net = "172.18";
  next.reversed = true;
  next.link_time = 1700000000;
  HostTree second("boot-2");
  const HardwareHash after = Collect(WriteServer(second, next));

  for (const char* key : kAllKeys) {
    EXPECT_EQ(after.values.at(key), before.values.at(key)) << key;
  }
}

TEST(CollectHardwareHashTest, OneDimmSerialChangesMemoryHashOnly) {
  HostTree first("dimm-1");
  const HardwareHash before = Collect(WriteServer(first, Boot()));
  HostTree second("dimm-2");
  const HardwareHash after = Collect(WriteServer(second, Boot(), "36D4E5F7"));

  for (const char* key : kAllKeys) {
    if (std::string(key) == kMemoryHashKey) {
      EXPECT_NE(after.values.at(key), before.values.at(key));
    } else {
      EXPECT_EQ(after.values.at(key), before.values.at(key)) << key;
    }
  }
}

TEST(CollectHardwareHashTest, BrokenTablesFallBackToThePlatform) {
  HostTree tree("broken-smbios");
  WriteServer(tree, Boot());
  tree.File("sys/firmware/dmi/tables/smbios_entry_point", "_SM3_garbage");

  const HardwareHash hash = Collect(tree.root());
  const std::string& source = hash.sources.at(kProcessorHashKey);
  EXPECT_TRUE(absl::StartsWith(source, tree.Path("proc/cpuinfo"))) << source;
  EXPECT_TRUE(absl::StrContains(source, "SMBIOS unused: ")) << source;
  EXPECT_TRUE(absl::StrContains(source, "smbios_entry_point")) << source;
  EXPECT_FALSE(hash.values.at(kProcessorHashKey).empty());
}

TEST(CollectHardwareHashTest, DmiIdWhenTheTablesAreAbsent) {
  HostTree tree("dmi-id");
  WriteServer(tree, Boot());
  tree.Remove("sys/firmware/dmi/tables")
      .File("sys/class/dmi/id/bios_vendor", "Dell Inc.\n")
      .File("sys/class/dmi/id/bios_version", "2.17.0\n")
      .File("sys/class/dmi/id/product_name", "PowerEdge R630\n");

  const HardwareHash hash = Collect(tree.root());
  EXPECT_EQ(hash.sources.at(kBiosHashKey),
            absl::StrCat(tree.Path("sys/class/dmi/id"),
                         ": bios_vendor, bios_version (SMBIOS unused: no "
                         "SMBIOS tables: ",
                         tree.Path("sys/firmware/dmi/tables/"
                                   "smbios_entry_point"),
                         ": No such file or directory (firmware published "
                         "no entry point))"));
  EXPECT_TRUE(
      absl::StartsWith(hash.sources.at(kSystemHashKey),
                       tree.Path("sys/class/dmi/id") + ": product_name"));
}

// Runs CollectHardwareHash on `root` as an unprivileged user and returns
// "value\nsource" of bios-hash. As root, a child process drops to nobody.
std::string BiosKeyAsUser(const std::string& root) {
  if (geteuid() != 0) {
    const HardwareHash hash = Collect(root);
    return hash.values.at(kBiosHashKey) + "\n" + hash.sources.at(kBiosHashKey);
  }
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    std::string out = "could not drop privileges";
    if (setgid(65534) == 0 && setuid(65534) == 0) {
      absl::StatusOr<HardwareHash> hash = CollectHardwareHash({root});
      out = hash.ok() ? hash->values.at(kBiosHashKey) + "\n" +
                            hash->sources.at(kBiosHashKey)
                      : std::string(hash.status().message());
    }
    (void)!write(fds[1], out.data(), out.size());
    _exit(0);
  }
  close(fds[1]);
  std::string out;
  char buffer[4096];
  ssize_t got;
  while ((got = read(fds[0], buffer, sizeof(buffer))) > 0)
    out.append(buffer, got);
  close(fds[0]);
  waitpid(child, nullptr, 0);
  return out;
}

TEST(CollectHardwareHashTest, RootOnlyTablesFallBackToDmiIdNamingTheFile) {
  HostTree tree("root-only", "/tmp");
  WriteServer(tree, Boot());
  tree.File("sys/class/dmi/id/bios_vendor", "Dell Inc.\n")
      .File("sys/class/dmi/id/bios_version", "2.17.0\n");
  // As Linux has them: readable by root only.
  const std::string entry =
      tree.Path("sys/firmware/dmi/tables/smbios_entry_point");
  ASSERT_EQ(chmod(entry.c_str(), 0400), 0);
  ASSERT_EQ(chmod(tree.Path("sys/firmware/dmi/tables/DMI").c_str(), 0400), 0);

  const std::string result = BiosKeyAsUser(tree.root());
  tree.Remove("");
  const size_t newline = result.find('\n');
  ASSERT_NE(newline, std::string::npos) << result;
  EXPECT_EQ(result.substr(0, newline),
            Md5Base64("bios-hash\ndmi bios_vendor=Dell Inc.\n"
                      "dmi bios_version=2.17.0\n"));
  const std::string source = result.substr(newline + 1);
  EXPECT_TRUE(absl::StartsWith(
      source, tree.Path("sys/class/dmi/id") + ": bios_vendor, bios_version"))
      << source;
  EXPECT_TRUE(absl::StrContains(source, entry + ": Permission denied"))
      << source;
}

TEST(CollectHardwareHashTest, GroupMissingFromTheTableFallsBackAlone) {
  HostTree tree("no-type-4");
  WriteServer(tree, Boot());
  TableBuilder table;
  table.Add(Dimm(0x1100, "A1", "36A1B2C3"));
  table.AddEndOfTable();
  ASSERT_TRUE(hwfp::testing::WriteSysfsTree(
                  tree.root(), table.Smbios3EntryPoint(3, 0, 0), table.bytes())
                  .ok());

  const HardwareHash hash = Collect(tree.root());
  EXPECT_TRUE(absl::StartsWith(hash.sources.at(kMemoryHashKey), "SMBIOS"))
      << hash.sources.at(kMemoryHashKey);
  EXPECT_TRUE(absl::StartsWith(hash.sources.at(kProcessorHashKey),
                               tree.Path("proc/cpuinfo")))
      << hash.sources.at(kProcessorHashKey);
  EXPECT_TRUE(absl::StrContains(hash.sources.at(kProcessorHashKey),
                                "has no structure of type 4"))
      << hash.sources.at(kProcessorHashKey);
  EXPECT_FALSE(hash.values.at(kProcessorHashKey).empty());
}

TEST(CollectHardwareHashTest, EmptyRootGivesNineEmptyKeysWithReasons) {
  HostTree tree("empty");
  const HardwareHash hash = Collect(tree.root());
  ASSERT_EQ(hash.values.size(), 9u);
  for (const char* key : kAllKeys) {
    EXPECT_EQ(hash.values.at(key), "") << key;
    EXPECT_FALSE(hash.sources.at(key).empty()) << key;
  }
}

TEST(CollectHardwareHashTest, UnusableRootFails) {
  HostTree tree("unusable");
  tree.File("file", "x");
  absl::StatusOr<HardwareHash> missing =
      CollectHardwareHash({tree.Path("missing")});
  EXPECT_TRUE(absl::IsNotFound(missing.status())) << missing.status();
  EXPECT_TRUE(
      absl::StrContains(missing.status().message(), tree.Path("missing")));
  EXPECT_TRUE(absl::IsFailedPrecondition(
      CollectHardwareHash({tree.Path("file")}).status()));
}

}  // namespace
}  // namespace hwfp
