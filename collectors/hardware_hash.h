// The hardware hash: the nine values that identify a machine, keyed by the
// names the reference agent stores in its vault, plus a note on where each
// value came from (or why it is empty) so an operator can act on a change.

#ifndef HWFP_COLLECTORS_HARDWARE_HASH_H_
#define HWFP_COLLECTORS_HARDWARE_HASH_H_

#include <map>
#include <string>

namespace hwfp {

// Key names, exactly as the reference agent writes them.
inline constexpr char kMachineIdKey[] = "machine-id";
inline constexpr char kProcessorHashKey[] = "processor-hash";
inline constexpr char kMemoryHashKey[] = "memory-hash";
inline constexpr char kBiosHashKey[] = "bios-hash";
inline constexpr char kSystemHashKey[] = "system-hash";
inline constexpr char kHostnameKey[] = "hostname-info";
inline constexpr char kIpAddressKey[] = "ipaddress-info";
inline constexpr char kMacAddressKey[] = "macaddr-info";
inline constexpr char kDiskKey[] = "disk-info";
// On Windows the reference agent identifies the machine by the SMBIOS
// system UUID under this key instead of machine-id.
inline constexpr char kUuidKey[] = "uuid";

struct HardwareHash {
  // Key -> value. Every key of the platform is present; a value is empty
  // when its source was missing or unreadable.
  std::map<std::string, std::string> values;
  // Key -> what fed the value ("/etc/machine-id", "SMBIOS 3.0 types 4 from
  // /sys/firmware/dmi/tables/DMI") or, for an empty value, why it is empty.
  std::map<std::string, std::string> sources;
};

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_HARDWARE_HASH_H_
