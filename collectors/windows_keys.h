// The hardware hash on Windows, computed from facts the Win32 APIs return
// (windows_machine.h reads them on a live machine). Keeping the rules here,
// over plain data, lets them run and be tested on any platform:
//
//   key             from
//   uuid            SMBIOS system UUID (system_uuid.h) of the RSMB table
//   processor-hash, memory-hash, bios-hash, system-hash
//                   SmbiosKeys over the RSMB table, as on Linux; a group
//                   the table lacks (wine's has no type 4 or 17, nor do
//                   some hypervisors') comes, as on Linux, from
//                   PlatformFirmwareKeys, fed the registry's processors
//                   in /proc/cpuinfo's x86 fields
//   hostname-info   the DNS host name (what Go's os.Hostname returns)
//   ipaddress-info, macaddr-info
//                   adapters turned into routes and interfaces, then the
//                   rules of network_rules.h, as on Linux
//   disk-info       Md5Base64 of the WMI disk drives (DiskDriveText)

#ifndef HWFP_COLLECTORS_WINDOWS_KEYS_H_
#define HWFP_COLLECTORS_WINDOWS_KEYS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "collectors/cpuinfo.h"
#include "collectors/hardware_hash.h"
#include "collectors/network_rules.h"

namespace hwfp {

// One network adapter as GetAdaptersAddresses (with GetIfEntry2's
// hardware flag) describes it; IPv4 only.
struct WindowsAdapter {
  std::string name;  // The friendly name ("Ethernet", "Wi-Fi").
  std::string mac;   // "18:66:da:10:20:30", lowercase; empty if none.
  bool up = false;   // OperStatus IfOperStatusUp.
  bool loopback = false;
  bool hardware = false;  // Backed by a device, not a software adapter.
  uint32_t metric = 0;    // Ipv4Metric, the interface's route metric.
  // Unicast addresses with their on-link prefix length.
  std::vector<std::pair<Ipv4, int>> addresses;
  std::vector<Ipv4> gateways;
};

// One Win32_DiskDrive instance; strings as WMI gives them.
struct WindowsDisk {
  std::string model;
  std::string serial_number;
  std::string size;  // Bytes, in decimal (WMI's uint64 is a string).
};

// One logical processor as the registry describes it, under
// HKLM\HARDWARE\DESCRIPTION\System\CentralProcessor\N.
struct WindowsProcessor {
  std::string vendor;      // VendorIdentifier: "GenuineIntel".
  std::string identifier;  // Identifier: "Intel64 Family 6 Model 85
                           // Stepping 4", numbers in decimal.
  std::string name;        // ProcessorNameString: the CPUID brand string.
};

// Everything the Windows keys are computed from. A fact that could not be
// read carries the error, which becomes the empty key's reason.
struct WindowsFacts {
  // GetSystemFirmwareTable('RSMB') as returned (RawSMBIOSData).
  absl::StatusOr<std::string> rsmb = std::string();
  absl::StatusOr<std::string> host_name = std::string();
  absl::StatusOr<std::vector<WindowsAdapter>> adapters =
      std::vector<WindowsAdapter>();
  absl::StatusOr<std::vector<WindowsDisk>> disks = std::vector<WindowsDisk>();
  absl::StatusOr<std::vector<WindowsProcessor>> processors =
      std::vector<WindowsProcessor>();
};

// Where the RSMB table and the processors are said to come from in
// `sources` notes.
inline constexpr char kRsmbSource[] = "GetSystemFirmwareTable('RSMB')";
inline constexpr char kProcessorsSource[] =
    "registry HKLM\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor";

// Returns the nine Windows keys (kUuidKey instead of kMachineIdKey), each
// with its source. Never fails: a key whose fact is missing is empty, with
// the reason.
HardwareHash WindowsHardwareHash(const WindowsFacts& facts);

// Returns the routes Windows would hold for `adapters`: for every adapter
// that is up, a default route per gateway and an on-link route per
// address, all with the adapter's metric.
std::vector<Ipv4Route> AdapterRoutes(
    const std::vector<WindowsAdapter>& adapters);

// Returns `processors` as /proc/cpuinfo lists x86 CPUs: per processor
// vendor_id, cpu family, model, stepping (from the identifier's "Family N
// Model N Stepping N", fields it lacks left out) and model name, so the
// platform fallback hashes the same facts as on Linux.
CpuInfo CpuInfoFromProcessors(const std::vector<WindowsProcessor>& processors);

// Returns the text disk-info hashes: one "MODEL\tSERIAL\tSIZE\n" line per
// drive, fields without surrounding whitespace (WMI pads serials), lines
// sorted so that the order WMI enumerates drives in does not matter.
std::string DiskDriveText(const std::vector<WindowsDisk>& disks);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_WINDOWS_KEYS_H_
