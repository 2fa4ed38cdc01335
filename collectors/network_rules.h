// IPv4 routes and addresses as the network collectors see them, plus the
// rules that pick the machine's primary address and MAC from them. Pure
// functions over plain data: Linux fills them from /proc and /sys, Windows
// from its own network APIs, and both apply the same rules.

#ifndef HWFP_COLLECTORS_NETWORK_RULES_H_
#define HWFP_COLLECTORS_NETWORK_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace hwfp {

// An IPv4 address or mask as a number whose high byte is the first octet:
// 192.168.1.23 == 0xC0A80117.
using Ipv4 = uint32_t;

// Returns the dotted form: FormatIpv4(0xC0A80117) == "192.168.1.23".
std::string FormatIpv4(Ipv4 address);

// Returns true for 127.0.0.0/8.
bool IsLoopbackIpv4(Ipv4 address);

// Route flags, as in the kernel's include/uapi/linux/route.h.
inline constexpr uint32_t kRouteUp = 0x0001;
inline constexpr uint32_t kRouteGateway = 0x0002;

struct Ipv4Route {
  std::string interface;
  Ipv4 destination = 0;
  Ipv4 gateway = 0;
  Ipv4 mask = 0;
  uint32_t flags = 0;
  uint32_t metric = 0;
};

// Returns the default route (destination and mask 0.0.0.0, up) with the
// lowest metric, the first in table order among equals; nullptr if none.
const Ipv4Route* FindDefaultRoute(const std::vector<Ipv4Route>& routes);

// Returns the on-link route (up, no gateway, mask not 0) whose subnet holds
// `address`, preferring the longest prefix, then the lowest metric; nullptr
// if none. Its interface is the one the address is configured on: the
// kernel adds exactly such a route for every address with a prefix.
const Ipv4Route* FindSubnetRoute(const std::vector<Ipv4Route>& routes,
                                 Ipv4 address);

// A network interface, as far as the MAC rule needs to know it.
struct NetInterface {
  std::string name;
  std::string mac;        // "18:66:da:10:20:30"; lowercase.
  bool physical = false;  // Backed by a device (a NIC, not software).
  bool loopback = false;
  bool bridge = false;
};

// Returns true for interfaces whose address says nothing about the
// machine: loopback, bridges, and by name docker*, br-* (docker networks),
// virbr* (libvirt), veth* (container ends).
bool IsVirtualInterface(const NetInterface& interface);

// Returns true when `mac` is empty or every digit is 0.
bool IsZeroMac(absl::string_view mac);

// Which rule picked a value, for the `sources` note.
enum class PickRule {
  kDefaultRoute,      // The interface carrying the default route.
  kFirstPhysical,     // That one is unusable: first physical by name.
  kFirstNonVirtual,   // Nothing better: first that is not virtual.
  kFirstNonLoopback,  // Only virtual interfaces have an IPv4 address.
};

// Returns how `rule` picked a value, to follow "..., which " in a
// `sources` note: "carries the default route".
const char* DescribePickRule(PickRule rule);

struct PrimaryIpv4 {
  Ipv4 address = 0;
  std::string interface;  // Empty when no route names it.
  PickRule rule = PickRule::kDefaultRoute;
};

// Returns the ipaddress-info choice among the machine's local addresses:
//  1. an address configured on the default route's interface, preferring
//     one whose subnet holds the gateway, then the lowest;
//  2. else the lowest address not on a virtual interface (docker0's
//     172.17.0.1 is never chosen while the NIC has an address);
//  3. else the lowest non-loopback address.
// `interfaces` may be empty (then rule 2 cannot tell virtual ones apart).
// Returns nullopt when there is no non-loopback address.
std::optional<PrimaryIpv4> PickPrimaryIpv4(
    const std::vector<Ipv4Route>& routes,
    const std::vector<Ipv4>& local_addresses,
    const std::vector<NetInterface>& interfaces);

struct PickedInterface {
  const NetInterface* interface = nullptr;
  PickRule rule = PickRule::kDefaultRoute;
};

// Returns the macaddr-info choice: the default-route interface when it is
// physical; else the first physical interface by name; else the
// default-route interface when it is not virtual (a VM's NIC with no
// device link); else the first non-virtual interface by name. Never a
// virtual interface or an all-zero MAC. `interface` is nullptr when no
// interface qualifies. `default_interface` may be empty.
PickedInterface PickMacInterface(const std::vector<NetInterface>& interfaces,
                                 absl::string_view default_interface);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_NETWORK_RULES_H_
