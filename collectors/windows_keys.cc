#include "collectors/windows_keys.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "collectors/collected_key.h"
#include "collectors/digest.h"
#include "collectors/platform_firmware.h"
#include "collectors/smbios_keys.h"
#include "collectors/system_uuid.h"
#include "smbios/sources.h"

namespace hwfp {
namespace {

constexpr char kAdaptersSource[] = "GetAdaptersAddresses";
constexpr char kHostNameSource[] =
    "GetComputerNameExW(ComputerNameDnsHostname)";
constexpr char kDisksSource[] = "WMI Win32_DiskDrive";

constexpr const char* kFirmwareKeys[] = {kProcessorHashKey, kMemoryHashKey,
                                         kBiosHashKey, kSystemHashKey};

void Store(const char* key, CollectedKey collected, HardwareHash& hash) {
  hash.values[key] = std::move(collected.value);
  hash.sources[key] = std::move(collected.source);
}

Ipv4 PrefixMask(int length) {
  if (length <= 0) return 0;
  if (length >= 32) return 0xFFFFFFFFu;
  return ~(0xFFFFFFFFu >> length);
}

// The keys PlatformFirmwareKeys gives when Windows' own facts are all
// there is: the processors, no device tree, no dmi/id files.
std::map<std::string, CollectedKey> PlatformKeys(
    const absl::StatusOr<std::vector<WindowsProcessor>>& processors,
    std::string why_not_smbios) {
  PlatformFacts facts;
  facts.why_not_smbios = std::move(why_not_smbios);
  facts.device_tree_path = "no device tree on Windows";
  if (processors.ok()) {
    facts.cpuinfo = CpuInfoFromProcessors(*processors);
    facts.cpuinfo_path = kProcessorsSource;
  } else {
    facts.cpuinfo_path = std::string(processors.status().message());
  }
  FirmwareKeys keys = PlatformFirmwareKeys(facts);
  return {{kProcessorHashKey, std::move(keys.processor)},
          {kMemoryHashKey, std::move(keys.memory)},
          {kBiosHashKey, std::move(keys.bios)},
          {kSystemHashKey, std::move(keys.system)}};
}

void StoreFirmwareKeys(const WindowsFacts& facts, HardwareHash& hash) {
  absl::StatusOr<smbios::Table> table =
      facts.rsmb.ok() ? smbios::ParseRawSmbiosData(*facts.rsmb, kRsmbSource)
                      : absl::StatusOr<smbios::Table>(facts.rsmb.status());
  if (!table.ok()) {
    const std::string why(table.status().message());
    Store(kUuidKey, {"", why}, hash);
    for (auto& [key, collected] : PlatformKeys(
             facts.processors, absl::StrCat("SMBIOS unused: ", why))) {
      Store(key.c_str(), std::move(collected), hash);
    }
    return;
  }

  Store(kUuidKey, CollectSystemUuid(*table), hash);
  HardwareHash smbios_keys = SmbiosKeys(*table);
  std::string missing;
  for (const char* key : kFirmwareKeys) {
    if (smbios_keys.values[key].empty()) {
      absl::StrAppend(&missing, missing.empty() ? "" : "; ",
                      smbios_keys.sources[key]);
    }
    Store(key,
          {std::move(smbios_keys.values[key]),
           std::move(smbios_keys.sources[key])},
          hash);
  }
  if (missing.empty()) return;

  // A group the table lacks comes from the platform, as on Linux.
  for (auto& [key, collected] : PlatformKeys(facts.processors, missing)) {
    if (hash.values[key].empty()) {
      Store(key.c_str(), std::move(collected), hash);
    }
  }
}

CollectedKey HostNameKey(const absl::StatusOr<std::string>& host_name) {
  if (!host_name.ok()) return {"", std::string(host_name.status().message())};
  if (host_name->empty()) return {"", absl::StrCat(kHostNameSource, ": empty")};
  return {*host_name, kHostNameSource};
}

// Interfaces as the network rules know them, sorted by name as Linux lists
// sys/class/net, so "first by name" means the same on both.
std::vector<NetInterface> AdapterInterfaces(
    const std::vector<WindowsAdapter>& adapters) {
  std::vector<NetInterface> interfaces;
  for (const WindowsAdapter& adapter : adapters) {
    NetInterface interface;
    interface.name = adapter.name;
    interface.mac = adapter.mac;
    interface.physical = adapter.hardware;
    interface.loopback = adapter.loopback;
    interfaces.push_back(std::move(interface));
  }
  std::sort(interfaces.begin(), interfaces.end(),
            [](const NetInterface& a, const NetInterface& b) {
              return a.name < b.name;
            });
  return interfaces;
}

void StoreNetworkKeys(
    const absl::StatusOr<std::vector<WindowsAdapter>>& adapters,
    HardwareHash& hash) {
  if (!adapters.ok()) {
    const std::string why(adapters.status().message());
    Store(kIpAddressKey, {"", why}, hash);
    Store(kMacAddressKey, {"", why}, hash);
    return;
  }

  const std::vector<Ipv4Route> routes = AdapterRoutes(*adapters);
  const std::vector<NetInterface> interfaces = AdapterInterfaces(*adapters);
  std::vector<Ipv4> local_addresses;
  for (const WindowsAdapter& adapter : *adapters) {
    for (const auto& [address, prefix] : adapter.addresses) {
      local_addresses.push_back(address);
    }
  }
  const Ipv4Route* default_route = FindDefaultRoute(routes);
  const std::string default_interface =
      default_route == nullptr ? "" : default_route->interface;

  const std::optional<PrimaryIpv4> primary =
      PickPrimaryIpv4(routes, local_addresses, interfaces);
  if (!primary) {
    Store(kIpAddressKey,
          {"", absl::StrCat(kAdaptersSource, ": no non-loopback IPv4 address")},
          hash);
  } else {
    Store(kIpAddressKey,
          {FormatIpv4(primary->address),
           absl::StrCat(kAdaptersSource, ": address of ",
                        primary->interface.empty() ? "an unrouted adapter"
                                                   : primary->interface,
                        ", which ", DescribePickRule(primary->rule))},
          hash);
  }

  const PickedInterface picked =
      PickMacInterface(interfaces, default_interface);
  if (picked.interface == nullptr) {
    Store(kMacAddressKey,
          {"", absl::StrCat(kAdaptersSource,
                            ": no adapter that is not loopback or all-zero")},
          hash);
  } else {
    Store(kMacAddressKey,
          {picked.interface->mac,
           absl::StrCat(kAdaptersSource, ": physical address of ",
                        picked.interface->name,
                        picked.interface->physical ? " (hardware adapter)"
                                                   : " (software adapter)",
                        ", which ", DescribePickRule(picked.rule))},
          hash);
  }
}

CollectedKey DiskKey(const absl::StatusOr<std::vector<WindowsDisk>>& disks) {
  if (!disks.ok()) return {"", std::string(disks.status().message())};
  if (disks->empty()) return {"", absl::StrCat(kDisksSource, ": no drives")};
  return {Md5Base64(DiskDriveText(*disks)),
          absl::StrCat(kDisksSource, " (", disks->size(),
                       " drives: Model, SerialNumber, Size)")};
}

}  // namespace

CpuInfo CpuInfoFromProcessors(
    const std::vector<WindowsProcessor>& processors) {
  CpuInfo info;
  for (const WindowsProcessor& processor : processors) {
    CpuInfoFields fields;
    fields.emplace_back("vendor_id",
                        std::string(absl::StripAsciiWhitespace(
                            processor.vendor)));
    // "Intel64 Family 6 Model 85 Stepping 4": each number after its name.
    const std::vector<absl::string_view> words =
        absl::StrSplit(processor.identifier, ' ', absl::SkipEmpty());
    for (const auto& [word, field] :
         {std::pair<const char*, const char*>{"Family", "cpu family"},
          {"Model", "model"},
          {"Stepping", "stepping"}}) {
      for (size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i] == word) {
          fields.emplace_back(field, std::string(words[i + 1]));
          break;
        }
      }
    }
    fields.emplace_back("model name", std::string(absl::StripAsciiWhitespace(
                                          processor.name)));
    info.cpus.push_back(std::move(fields));
  }
  return info;
}

std::vector<Ipv4Route> AdapterRoutes(
    const std::vector<WindowsAdapter>& adapters) {
  std::vector<Ipv4Route> routes;
  for (const WindowsAdapter& adapter : adapters) {
    if (!adapter.up) continue;
    for (const Ipv4 gateway : adapter.gateways) {
      Ipv4Route route;
      route.interface = adapter.name;
      route.gateway = gateway;
      route.flags = kRouteUp | kRouteGateway;
      route.metric = adapter.metric;
      routes.push_back(std::move(route));
    }
    for (const auto& [address, prefix] : adapter.addresses) {
      // A /0 "subnet" would be a second default route; Windows adds none.
      if (prefix <= 0) continue;
      Ipv4Route route;
      route.interface = adapter.name;
      route.mask = PrefixMask(prefix);
      route.destination = address & route.mask;
      route.flags = kRouteUp;
      route.metric = adapter.metric;
      routes.push_back(std::move(route));
    }
  }
  return routes;
}

std::string DiskDriveText(const std::vector<WindowsDisk>& disks) {
  std::vector<std::string> lines;
  for (const WindowsDisk& disk : disks) {
    lines.push_back(absl::StrCat(
        absl::StripAsciiWhitespace(disk.model), "\t",
        absl::StripAsciiWhitespace(disk.serial_number), "\t",
        absl::StripAsciiWhitespace(disk.size), "\n"));
  }
  std::sort(lines.begin(), lines.end());
  return absl::StrJoin(lines, "");
}

HardwareHash WindowsHardwareHash(const WindowsFacts& facts) {
  HardwareHash hash;
  StoreFirmwareKeys(facts, hash);
  Store(kHostnameKey, HostNameKey(facts.host_name), hash);
  StoreNetworkKeys(facts.adapters, hash);
  Store(kDiskKey, DiskKey(facts.disks), hash);
  return hash;
}

}  // namespace hwfp
