// The Windows hardware hash from plain facts: which key comes from which
// fact, the SMBIOS UUID's byte order, the default-route rule over
// adapters, disk-info's independence from WMI's order, and the processor
// fallback hashing exactly what Linux hashes for the same CPUs. Runs on
// every platform (the rules are portable) and under wine.

#include "collectors/windows_keys.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "collectors/cpuinfo.h"
#include "collectors/digest.h"
#include "collectors/platform_firmware.h"
#include "collectors/smbios_keys.h"
#include "collectors/system_uuid.h"
#include "gtest/gtest.h"
#include "smbios/sources.h"
#include "tests/testing/smbios_builder.h"

namespace hwfp {
namespace {

using ::hwfp::testing::StructureBuilder;
using ::hwfp::testing::TableBuilder;

constexpr char kUuidBytes[] =
    "\x33\x22\x11\x00\x55\x44\x77\x66\x88\x99\xAA\xBB\xCC\xDD\xEE\xFF";

StructureBuilder SystemInformation(absl::string_view uuid) {
  StructureBuilder system(1, 0x0100);
  system.Byte(1).Byte(2).Byte(3).Byte(4).Bytes(uuid).Byte(6);
  return system.String("Maker").String("Model").String("1.0").String("S/N");
}

StructureBuilder Processor() {
  StructureBuilder p(4, 0x0400);
  p.Byte(1).Byte(3).Byte(0xB3).Byte(2).Qword(0xBFEBFBFF00050654ull);
  return p.String("CPU0").String("Intel").String("Xeon");
}

std::string FullTable() {
  TableBuilder table;
  table.Add(StructureBuilder(0, 0).Byte(1).Byte(2).String("Vendor"));
  table.Add(SystemInformation(absl::string_view(kUuidBytes, 16)));
  table.Add(Processor());
  table.Add(StructureBuilder(17, 0x1100).Word(0x1000).String("DIMM 0"));
  return table.AddEndOfTable().RawSmbiosData(3, 2, 0);
}

WindowsAdapter Adapter(std::string name, std::string mac, bool hardware) {
  WindowsAdapter adapter;
  adapter.name = std::move(name);
  adapter.mac = std::move(mac);
  adapter.up = true;
  adapter.hardware = hardware;
  adapter.metric = 25;
  return adapter;
}

WindowsProcessor Xeon() {
  return {"GenuineIntel", "Intel64 Family 6 Model 85 Stepping 4",
          "Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz "};
}

TEST(FormatSystemUuidTest, FirstThreeFieldsLittleEndian) {
  EXPECT_EQ(FormatSystemUuid(absl::string_view(kUuidBytes, 16)),
            "00112233-4455-6677-8899-AABBCCDDEEFF");
  EXPECT_EQ(FormatSystemUuid("too short"), std::nullopt);
}

TEST(WindowsHardwareHashTest, FirmwareKeysAndUuidFromRsmb) {
  WindowsFacts facts;
  facts.rsmb = FullTable();

  const HardwareHash hash = WindowsHardwareHash(facts);

  EXPECT_EQ(hash.values.count(kMachineIdKey), 0u);
  EXPECT_EQ(hash.values.size(), 9u);
  EXPECT_EQ(hash.sources.size(), 9u);
  EXPECT_EQ(hash.values.at(kUuidKey), "00112233-4455-6677-8899-AABBCCDDEEFF");
  EXPECT_EQ(hash.sources.at(kUuidKey),
            "SMBIOS type 1 from GetSystemFirmwareTable('RSMB')");

  // The same hashing code as every other SMBIOS source.
  const absl::StatusOr<smbios::Table> table =
      smbios::ParseRawSmbiosData(FullTable(), kRsmbSource);
  ASSERT_TRUE(table.ok()) << table.status();
  const HardwareHash smbios_keys = SmbiosKeys(*table);
  for (const char* key :
       {kProcessorHashKey, kMemoryHashKey, kBiosHashKey, kSystemHashKey}) {
    EXPECT_EQ(hash.values.at(key), smbios_keys.values.at(key)) << key;
    EXPECT_FALSE(hash.values.at(key).empty()) << key;
  }
}

TEST(WindowsHardwareHashTest, UuidNotPresentOrNotSetIsEmpty) {
  for (const char fill : {'\xFF', '\0'}) {
    TableBuilder table;
    table.Add(SystemInformation(std::string(16, fill))).AddEndOfTable();
    WindowsFacts facts;
    facts.rsmb = table.RawSmbiosData(2, 7, 0);

    const HardwareHash hash = WindowsHardwareHash(facts);

    EXPECT_EQ(hash.values.at(kUuidKey), "");
    EXPECT_EQ(hash.sources.at(kUuidKey),
              fill == '\0'
                  ? "SMBIOS type 1 from GetSystemFirmwareTable('RSMB'): UUID "
                    "not set (all 00h)"
                  : "SMBIOS type 1 from GetSystemFirmwareTable('RSMB'): UUID "
                    "not present (all FFh)");
  }
}

TEST(WindowsHardwareHashTest, SmbiosTwoZeroSystemHasNoUuid) {
  TableBuilder table;
  table.Add(StructureBuilder(1, 1).Byte(1).Byte(2).Byte(3).Byte(4));
  WindowsFacts facts;
  facts.rsmb = table.AddEndOfTable().RawSmbiosData(2, 0, 0);

  const HardwareHash hash = WindowsHardwareHash(facts);

  EXPECT_EQ(hash.values.at(kUuidKey), "");
  EXPECT_EQ(hash.sources.at(kUuidKey),
            "SMBIOS type 1 from GetSystemFirmwareTable('RSMB') is 8 bytes "
            "long, too short to hold a UUID (SMBIOS 2.0)");
}

TEST(WindowsHardwareHashTest, MissingFactsGiveEmptyKeysWithTheirReasons) {
  WindowsFacts facts;
  facts.rsmb = absl::NotFoundError("RSMB: no table");
  facts.processors = absl::NotFoundError("registry: no processors");
  facts.host_name = absl::UnavailableError("host name: denied");
  facts.adapters = absl::UnavailableError("adapters: broken");
  facts.disks = absl::UnavailableError("WMI: down");

  const HardwareHash hash = WindowsHardwareHash(facts);

  ASSERT_EQ(hash.values.size(), 9u);
  for (const auto& [key, value] : hash.values) EXPECT_EQ(value, "") << key;
  EXPECT_EQ(hash.sources.at(kUuidKey), "RSMB: no table");
  EXPECT_EQ(hash.sources.at(kHostnameKey), "host name: denied");
  EXPECT_EQ(hash.sources.at(kIpAddressKey), "adapters: broken");
  EXPECT_EQ(hash.sources.at(kMacAddressKey), "adapters: broken");
  EXPECT_EQ(hash.sources.at(kDiskKey), "WMI: down");
  EXPECT_NE(hash.sources.at(kProcessorHashKey).find("registry: no processors"),
            std::string::npos);
}

// Wine's RSMB table has no processor (type 4) or memory (type 17)
// structures. The fallback must hash what Linux hashes for the same CPUs
// read from /proc/cpuinfo.
TEST(WindowsHardwareHashTest, ProcessorFallbackMatchesLinuxCpuinfo) {
  TableBuilder table;
  table.Add(StructureBuilder(0, 0).Byte(1).String("Vendor"));
  table.Add(SystemInformation(absl::string_view(kUuidBytes, 16)));
  WindowsFacts facts;
  facts.rsmb = table.AddEndOfTable().RawSmbiosData(2, 4, 0);
  facts.processors = std::vector<WindowsProcessor>{Xeon(), Xeon()};

  const HardwareHash hash = WindowsHardwareHash(facts);

  PlatformFacts from_cpuinfo;
  from_cpuinfo.cpuinfo = ParseCpuInfo(
      "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
      "model\t\t: 85\nmodel name\t: Intel(R) Xeon(R) Gold 6130 CPU @ "
      "2.10GHz\nstepping\t: 4\ncpu MHz\t\t: 2100.000\n\n"
      "processor\t: 1\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
      "model\t\t: 85\nmodel name\t: Intel(R) Xeon(R) Gold 6130 CPU @ "
      "2.10GHz\nstepping\t: 4\ncpu MHz\t\t: 1000.000\n");
  const FirmwareKeys expected = PlatformFirmwareKeys(from_cpuinfo);

  EXPECT_EQ(hash.values.at(kProcessorHashKey), expected.processor.value);
  EXPECT_EQ(hash.values.at(kMemoryHashKey), expected.memory.value);
  EXPECT_FALSE(expected.processor.value.empty());
  EXPECT_NE(hash.sources.at(kProcessorHashKey).find("has no structure of "
                                                    "type 4"),
            std::string::npos);
  // The groups the table has still come from it.
  EXPECT_EQ(hash.sources.at(kBiosHashKey),
            "SMBIOS 2.4, 1 structure (1 of type 0) from "
            "GetSystemFirmwareTable('RSMB')");
}

TEST(CpuInfoFromProcessorsTest, IdentifierNumbersBecomeFields) {
  const CpuInfo info = CpuInfoFromProcessors(
      {Xeon(), {"AuthenticAMD", "AMD64 Family 23 Model 113", "Ryzen"}});

  ASSERT_EQ(info.cpus.size(), 2u);
  EXPECT_EQ(info.cpus[0],
            (CpuInfoFields{{"vendor_id", "GenuineIntel"},
                           {"cpu family", "6"},
                           {"model", "85"},
                           {"stepping", "4"},
                           {"model name",
                            "Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz"}}));
  EXPECT_EQ(info.cpus[1],
            (CpuInfoFields{{"vendor_id", "AuthenticAMD"},
                           {"cpu family", "23"},
                           {"model", "113"},
                           {"model name", "Ryzen"}}));
}

TEST(WindowsHardwareHashTest, HostName) {
  WindowsFacts facts;
  facts.host_name = std::string("build-07");
  EXPECT_EQ(WindowsHardwareHash(facts).values.at(kHostnameKey), "build-07");

  facts.host_name = std::string();
  const HardwareHash empty = WindowsHardwareHash(facts);
  EXPECT_EQ(empty.values.at(kHostnameKey), "");
  EXPECT_EQ(empty.sources.at(kHostnameKey),
            "GetComputerNameExW(ComputerNameDnsHostname): empty");
}

TEST(AdapterRoutesTest, GatewaysAndSubnetsOfAdaptersThatAreUp) {
  WindowsAdapter ethernet = Adapter("Ethernet", "18:66:da:10:20:30", true);
  ethernet.addresses = {{0xC0A80117, 24}};  // 192.168.1.23/24
  ethernet.gateways = {0xC0A80101};
  WindowsAdapter down = Adapter("Wi-Fi", "aa:bb:cc:dd:ee:ff", true);
  down.up = false;
  down.gateways = {0x0A000001};

  const std::vector<Ipv4Route> routes = AdapterRoutes({ethernet, down});

  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].interface, "Ethernet");
  EXPECT_EQ(routes[0].gateway, 0xC0A80101u);
  EXPECT_EQ(routes[0].mask, 0u);
  EXPECT_EQ(routes[0].flags, kRouteUp | kRouteGateway);
  EXPECT_EQ(routes[0].metric, 25u);
  EXPECT_EQ(routes[1].destination, 0xC0A80100u);
  EXPECT_EQ(routes[1].mask, 0xFFFFFF00u);
  EXPECT_EQ(routes[1].flags, kRouteUp);
}

TEST(WindowsHardwareHashTest, DefaultRouteAdapterGivesAddressAndMac) {
  // A Hyper-V switch (software, lower name) holds an address too, and a
  // second NIC has a gateway with a worse metric.
  WindowsAdapter loopback = Adapter("Loopback Pseudo-Interface 1", "", false);
  loopback.loopback = true;
  loopback.addresses = {{0x7F000001, 8}};
  WindowsAdapter hyperv = Adapter("vEthernet (WSL)", "00:15:5d:01:02:03",
                                  false);
  hyperv.addresses = {{0xAC100001, 20}};  // 172.16.0.1
  WindowsAdapter wifi = Adapter("Wi-Fi", "aa:bb:cc:dd:ee:01", true);
  wifi.addresses = {{0x0A000005, 8}};
  wifi.gateways = {0x0A000001};
  wifi.metric = 50;
  WindowsAdapter ethernet = Adapter("Ethernet", "18:66:da:10:20:30", true);
  ethernet.addresses = {{0xC0A80117, 24}};
  ethernet.gateways = {0xC0A80101};
  WindowsFacts facts;
  facts.adapters =
      std::vector<WindowsAdapter>{loopback, hyperv, wifi, ethernet};

  const HardwareHash hash = WindowsHardwareHash(facts);

  EXPECT_EQ(hash.values.at(kIpAddressKey), "192.168.1.23");
  EXPECT_EQ(hash.sources.at(kIpAddressKey),
            "GetAdaptersAddresses: address of Ethernet, which carries the "
            "default route");
  EXPECT_EQ(hash.values.at(kMacAddressKey), "18:66:da:10:20:30");
  EXPECT_EQ(hash.sources.at(kMacAddressKey),
            "GetAdaptersAddresses: physical address of Ethernet (hardware "
            "adapter), which carries the default route");
}

TEST(WindowsHardwareHashTest, SoftwareDefaultRouteKeepsTheNicsMac) {
  // A VPN adapter carries the default route: the address is the VPN's,
  // as on Linux, but the MAC is the first hardware adapter's by name.
  WindowsAdapter vpn = Adapter("VPN", "02:50:41:00:00:01", false);
  vpn.addresses = {{0x0A080001, 16}};
  vpn.gateways = {0x0A080101};
  vpn.metric = 1;
  WindowsAdapter wifi = Adapter("Wi-Fi", "aa:bb:cc:dd:ee:01", true);
  wifi.addresses = {{0xC0A80005, 24}};
  WindowsAdapter ethernet = Adapter("Ethernet", "18:66:da:10:20:30", true);
  WindowsFacts facts;
  facts.adapters = std::vector<WindowsAdapter>{wifi, vpn, ethernet};

  const HardwareHash hash = WindowsHardwareHash(facts);

  EXPECT_EQ(hash.values.at(kIpAddressKey), "10.8.0.1");
  EXPECT_EQ(hash.values.at(kMacAddressKey), "18:66:da:10:20:30");
  EXPECT_EQ(hash.sources.at(kMacAddressKey),
            "GetAdaptersAddresses: physical address of Ethernet (hardware "
            "adapter), which is the first physical interface by name");
}

TEST(WindowsHardwareHashTest, NoAdaptersGiveReasons) {
  WindowsFacts facts;
  const HardwareHash hash = WindowsHardwareHash(facts);
  EXPECT_EQ(hash.values.at(kIpAddressKey), "");
  EXPECT_EQ(hash.sources.at(kIpAddressKey),
            "GetAdaptersAddresses: no non-loopback IPv4 address");
  EXPECT_EQ(hash.values.at(kMacAddressKey), "");
}

TEST(DiskDriveTextTest, TrimmedSortedLines) {
  EXPECT_EQ(DiskDriveText({{"Samsung SSD 980 ", "  S64DNX0R123456 ",
                            "1000202273280"},
                           {"ST2000DM008", "ZFL1ABCD", "2000396321280"}}),
            "ST2000DM008\tZFL1ABCD\t2000396321280\n"
            "Samsung SSD 980\tS64DNX0R123456\t1000202273280\n");
}

TEST(WindowsHardwareHashTest, DiskInfoDoesNotDependOnWmiOrder) {
  const WindowsDisk a = {"Samsung SSD 980", "S64DNX0R123456", "1000202273280"};
  const WindowsDisk b = {"ST2000DM008", "ZFL1ABCD", "2000396321280"};
  WindowsFacts first;
  first.disks = std::vector<WindowsDisk>{a, b};
  WindowsFacts second;
  second.disks = std::vector<WindowsDisk>{b, a};

  const HardwareHash hash = WindowsHardwareHash(first);

  EXPECT_EQ(hash.values.at(kDiskKey),
            Md5Base64("ST2000DM008\tZFL1ABCD\t2000396321280\n"
                      "Samsung SSD 980\tS64DNX0R123456\t1000202273280\n"));
  EXPECT_EQ(hash.values.at(kDiskKey),
            WindowsHardwareHash(second).values.at(kDiskKey));
  EXPECT_EQ(hash.sources.at(kDiskKey),
            "WMI Win32_DiskDrive (2 drives: Model, SerialNumber, Size)");
}

}  // namespace
}  // namespace hwfp
