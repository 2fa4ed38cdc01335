// CollectHardwareHash on Linux: every key from the files Linux keeps it
// in, read through the root folder.

#include "absl/status/status.h"
#include "collectors/collect.h"
#include "collectors/collected_key.h"
#include "collectors/disk.h"
#include "collectors/firmware.h"
#include "collectors/host_identity.h"
#include "collectors/network.h"
#include "collectors/root_fs.h"

namespace hwfp {
namespace {

void Store(const char* key, CollectedKey collected, HardwareHash& hash) {
  hash.values[key] = std::move(collected.value);
  hash.sources[key] = std::move(collected.source);
}

}  // namespace

absl::StatusOr<HardwareHash> CollectHardwareHash(
    const CollectOptions& options) {
  const RootFs root(options.root);
  if (absl::Status usable = root.CheckUsable(); !usable.ok()) return usable;

  HardwareHash hash;
  Store(kMachineIdKey, CollectMachineId(root), hash);
  Store(kHostnameKey, CollectHostname(root), hash);
  Store(kDiskKey, CollectDiskInfo(root), hash);

  NetworkKeys network = CollectNetworkKeys(root);
  Store(kIpAddressKey, std::move(network.ip_address), hash);
  Store(kMacAddressKey, std::move(network.mac_address), hash);

  FirmwareKeys firmware = CollectFirmwareKeys(root);
  Store(kProcessorHashKey, std::move(firmware.processor), hash);
  Store(kMemoryHashKey, std::move(firmware.memory), hash);
  Store(kBiosHashKey, std::move(firmware.bios), hash);
  Store(kSystemHashKey, std::move(firmware.system), hash);
  return hash;
}

}  // namespace hwfp
