// ipaddress-info and macaddr-info on Linux: the routing table and local
// addresses from proc/net/route and proc/net/fib_trie, interfaces from
// sys/class/net, all read through the root folder, then the rules of
// network_rules.h.

#ifndef HWFP_COLLECTORS_NETWORK_H_
#define HWFP_COLLECTORS_NETWORK_H_

#include <vector>

#include "collectors/collected_key.h"
#include "collectors/network_rules.h"
#include "collectors/root_fs.h"

namespace hwfp {

struct NetworkKeys {
  CollectedKey ip_address;   // "192.168.1.23"
  CollectedKey mac_address;  // "18:66:da:10:20:30"
};

// Returns both keys; each is empty, with the reason, when its files are
// missing or nothing qualifies. Never fails.
NetworkKeys CollectNetworkKeys(const RootFs& root);

// Returns the interfaces under sys/class/net, sorted by name: MAC from
// `address` (lowercased), loopback from `type` 772 (ARPHRD_LOOPBACK),
// physical when a `device` link exists, bridge when a `bridge` folder
// does. Entries that are not folders (bonding_masters) are skipped.
std::vector<NetInterface> ReadNetInterfaces(const RootFs& root);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_NETWORK_H_
