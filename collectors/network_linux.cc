// Network keys from Linux's /proc/net and /sys/class/net.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "collectors/network.h"
#include "collectors/proc_net.h"

namespace hwfp {
namespace {

constexpr char kRouteFile[] = "proc/net/route";
constexpr char kFibTrieFile[] = "proc/net/fib_trie";
constexpr char kNetFolder[] = "sys/class/net";
// include/uapi/linux/if_arp.h
constexpr char kLoopbackType[] = "772";

}  // namespace

std::vector<NetInterface> ReadNetInterfaces(const RootFs& root) {
  std::vector<NetInterface> interfaces;
  absl::StatusOr<std::vector<std::string>> names = root.ListFolder(kNetFolder);
  if (!names.ok()) return interfaces;

  for (const std::string& name : *names) {
    const std::string folder = absl::StrCat(kNetFolder, "/", name);
    if (!root.IsFolder(folder)) continue;

    NetInterface interface;
    interface.name = name;
    if (absl::StatusOr<std::string> mac = root.ReadFile(folder + "/address");
        mac.ok()) {
      interface.mac = absl::AsciiStrToLower(absl::StripAsciiWhitespace(*mac));
    }
    if (absl::StatusOr<std::string> type = root.ReadFile(folder + "/type");
        type.ok()) {
      interface.loopback = absl::StripAsciiWhitespace(*type) == kLoopbackType;
    }
    interface.physical = root.Exists(folder + "/device");
    interface.bridge = root.Exists(folder + "/bridge");
    interfaces.push_back(std::move(interface));
  }
  return interfaces;
}

NetworkKeys CollectNetworkKeys(const RootFs& root) {
  NetworkKeys keys;
  const std::vector<NetInterface> interfaces = ReadNetInterfaces(root);

  // A missing route table only loses the default-route rule.
  RouteTable table;
  std::string route_note;
  if (absl::StatusOr<std::string> text = root.ReadFile(kRouteFile); text.ok()) {
    table = ParseRouteTable(*text);
    if (!table.warnings.empty()) {
      route_note = absl::StrCat("; ", root.Path(kRouteFile), ": ",
                                absl::StrJoin(table.warnings, "; "));
    }
  } else {
    route_note = absl::StrCat("; ", text.status().message());
  }
  const Ipv4Route* default_route = FindDefaultRoute(table.routes);
  const std::string default_interface =
      default_route == nullptr ? "" : default_route->interface;

  absl::StatusOr<std::string> fib_trie = root.ReadFile(kFibTrieFile);
  if (!fib_trie.ok()) {
    keys.ip_address = {"", std::string(fib_trie.status().message())};
  } else {
    const std::optional<PrimaryIpv4> primary = PickPrimaryIpv4(
        table.routes, ParseFibTrieLocalAddresses(*fib_trie), interfaces);
    if (!primary) {
      keys.ip_address = {"", absl::StrCat(root.Path(kFibTrieFile),
                                          ": no non-loopback IPv4 address")};
    } else {
      keys.ip_address = {
          FormatIpv4(primary->address),
          absl::StrCat(root.Path(kFibTrieFile), ": local address of ",
                       primary->interface.empty() ? "an unrouted interface"
                                                  : primary->interface,
                       ", which ", DescribePickRule(primary->rule), " (",
                       root.Path(kRouteFile), ")", route_note)};
    }
  }

  const PickedInterface picked =
      PickMacInterface(interfaces, default_interface);
  if (picked.interface == nullptr) {
    keys.mac_address = {
        "", absl::StrCat(root.Path(kNetFolder),
                         ": no interface that is not loopback, a bridge, "
                         "docker, veth or all-zero")};
  } else {
    keys.mac_address = {
        picked.interface->mac,
        absl::StrCat(root.Path(absl::StrCat(
                         kNetFolder, "/", picked.interface->name, "/address")),
                     ": ",
                     picked.interface->physical ? "physical interface"
                                                : "interface without a device",
                     ", which ", DescribePickRule(picked.rule))};
  }
  return keys;
}

}  // namespace hwfp
