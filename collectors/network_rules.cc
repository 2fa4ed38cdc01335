// The primary-address and MAC rules over plain route and interface data.

#include "collectors/network_rules.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"

namespace hwfp {
namespace {

const NetInterface* FindInterface(const std::vector<NetInterface>& interfaces,
                                  absl::string_view name) {
  for (const NetInterface& interface : interfaces) {
    if (interface.name == name) return &interface;
  }
  return nullptr;
}

bool HasVirtualName(absl::string_view name) {
  return name == "lo" || absl::StartsWith(name, "docker") ||
         absl::StartsWith(name, "br-") || absl::StartsWith(name, "virbr") ||
         absl::StartsWith(name, "veth");
}

bool Usable(const NetInterface& interface) {
  return !IsVirtualInterface(interface) && !IsZeroMac(interface.mac);
}

// Number of leading one bits of a mask; a longer prefix is more specific.
int PrefixLength(Ipv4 mask) {
  int length = 0;
  while (length < 32 && (mask & (0x80000000u >> length)) != 0) ++length;
  return length;
}

}  // namespace

const char* DescribePickRule(PickRule rule) {
  switch (rule) {
    case PickRule::kDefaultRoute:
      return "carries the default route";
    case PickRule::kFirstPhysical:
      return "is the first physical interface by name";
    case PickRule::kFirstNonVirtual:
      return "is the first that is not virtual";
    case PickRule::kFirstNonLoopback:
      return "has the lowest non-loopback address (all are virtual)";
  }
  return "";
}

std::string FormatIpv4(Ipv4 address) {
  return absl::StrFormat("%d.%d.%d.%d", address >> 24, (address >> 16) & 0xFF,
                         (address >> 8) & 0xFF, address & 0xFF);
}

bool IsLoopbackIpv4(Ipv4 address) { return (address >> 24) == 127; }

const Ipv4Route* FindDefaultRoute(const std::vector<Ipv4Route>& routes) {
  const Ipv4Route* best = nullptr;
  for (const Ipv4Route& route : routes) {
    if (route.destination != 0 || route.mask != 0) continue;
    if ((route.flags & kRouteUp) == 0) continue;
    if (best == nullptr || route.metric < best->metric) best = &route;
  }
  return best;
}

const Ipv4Route* FindSubnetRoute(const std::vector<Ipv4Route>& routes,
                                 Ipv4 address) {
  const Ipv4Route* best = nullptr;
  for (const Ipv4Route& route : routes) {
    if (route.mask == 0 || (route.flags & kRouteUp) == 0) continue;
    if ((route.flags & kRouteGateway) != 0) continue;
    if ((address & route.mask) != (route.destination & route.mask)) continue;
    if (best == nullptr ||
        PrefixLength(route.mask) > PrefixLength(best->mask) ||
        (route.mask == best->mask && route.metric < best->metric)) {
      best = &route;
    }
  }
  return best;
}

bool IsVirtualInterface(const NetInterface& interface) {
  return interface.loopback || interface.bridge ||
         HasVirtualName(interface.name);
}

bool IsZeroMac(absl::string_view mac) {
  for (char c : mac) {
    if (c != '0' && c != ':' && c != '-') return false;
  }
  return true;
}

std::optional<PrimaryIpv4> PickPrimaryIpv4(
    const std::vector<Ipv4Route>& routes,
    const std::vector<Ipv4>& local_addresses,
    const std::vector<NetInterface>& interfaces) {
  std::vector<Ipv4> addresses;
  for (Ipv4 address : local_addresses) {
    if (!IsLoopbackIpv4(address)) addresses.push_back(address);
  }
  if (addresses.empty()) return std::nullopt;

  // Lowest first, so every rule below takes the lowest of its candidates
  // whatever order the kernel listed them in.
  std::sort(addresses.begin(), addresses.end());

  auto interface_of = [&routes](Ipv4 address) -> std::string {
    const Ipv4Route* subnet = FindSubnetRoute(routes, address);
    return subnet == nullptr ? "" : subnet->interface;
  };

  // 1. The default route's interface; an address on the gateway's subnet
  //    is the one the kernel would pick as the source toward it.
  if (const Ipv4Route* route = FindDefaultRoute(routes)) {
    std::optional<PrimaryIpv4> on_interface;
    for (Ipv4 address : addresses) {
      const Ipv4Route* subnet = FindSubnetRoute(routes, address);
      if (subnet == nullptr || subnet->interface != route->interface) {
        continue;
      }
      const bool holds_gateway =
          (route->gateway & subnet->mask) == (address & subnet->mask);
      if (holds_gateway) {
        return PrimaryIpv4{address, route->interface, PickRule::kDefaultRoute};
      }
      if (!on_interface) {
        on_interface =
            PrimaryIpv4{address, route->interface, PickRule::kDefaultRoute};
      }
    }
    if (on_interface) return on_interface;
  }

  // 2. The lowest address not on a virtual interface.
  for (Ipv4 address : addresses) {
    const std::string name = interface_of(address);
    const NetInterface* interface = FindInterface(interfaces, name);
    const bool is_virtual = interface != nullptr
                                ? IsVirtualInterface(*interface)
                                : HasVirtualName(name);
    if (!name.empty() && !is_virtual) {
      return PrimaryIpv4{address, name, PickRule::kFirstNonVirtual};
    }
  }

  // 3. Anything but loopback.
  return PrimaryIpv4{addresses.front(), interface_of(addresses.front()),
                     PickRule::kFirstNonLoopback};
}

PickedInterface PickMacInterface(const std::vector<NetInterface>& interfaces,
                                 absl::string_view default_interface) {
  std::vector<const NetInterface*> by_name;
  for (const NetInterface& interface : interfaces) {
    by_name.push_back(&interface);
  }
  std::sort(by_name.begin(), by_name.end(),
            [](const NetInterface* a, const NetInterface* b) {
              return a->name < b->name;
            });
  const NetInterface* on_default =
      default_interface.empty() ? nullptr
                                : FindInterface(interfaces, default_interface);

  if (on_default != nullptr && on_default->physical && Usable(*on_default)) {
    return {on_default, PickRule::kDefaultRoute};
  }
  for (const NetInterface* interface : by_name) {
    if (interface->physical && Usable(*interface)) {
      return {interface, PickRule::kFirstPhysical};
    }
  }
  if (on_default != nullptr && Usable(*on_default)) {
    return {on_default, PickRule::kDefaultRoute};
  }
  for (const NetInterface* interface : by_name) {
    if (Usable(*interface)) return {interface, PickRule::kFirstNonVirtual};
  }
  return {};
}

}  // namespace hwfp
