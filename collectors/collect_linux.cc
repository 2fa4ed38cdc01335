// CollectHardwareHash on Linux: every key from the files Linux keeps it
// in, read through the root folder.

#include "absl/status/status.h"
#include "collectors/collect.h"
#include "collectors/collected_key.h"
#include "collectors/disk.h"
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

  // Interim: these keys are collected by code not yet merged into this
  // branch; they are present and empty, as for a missing source.
  for (const char* key : {kProcessorHashKey, kMemoryHashKey, kBiosHashKey,
                          kSystemHashKey}) {
    Store(key, {"", "not collected by this build yet"}, hash);
  }
  return hash;
}

}  // namespace hwfp
