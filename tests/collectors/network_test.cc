// ipaddress-info and macaddr-info read from a machine tree: the NIC beside
// a docker bridge, what a reboot moves, and machines with less to go on.

#include "collectors/network.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;

constexpr char kHeader[] =
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU"
    "\tWindow\tIRTT\n";
constexpr char kEnoDefault[] =
    "eno1\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n";
constexpr char kEnoSubnet[] =
    "eno1\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n";

std::string FibTrie(const std::vector<std::string>& local) {
  std::string text = "Main:\n  +-- 0.0.0.0/0 3 0 5\n";
  for (const std::string& address : local) {
    absl::StrAppend(&text, "     |-- ", address, "\n        /32 host LOCAL\n");
  }
  return text;
}

void Interface(HostTree& tree, const std::string& name, const std::string& mac,
               bool physical, const char* type = "1") {
  const std::string folder = "sys/devices/" + name;
  tree.File(folder + "/address", mac + "\n")
      .File(folder + "/type", std::string(type) + "\n");
  if (physical) tree.Link(folder + "/device", "../../pci0000:00/0000:01:00.0");
  tree.Link("sys/class/net/" + name, "../../devices/" + name);
}

// An R630: eno1 carries the default route; docker0 has its own subnet.
void WriteServer(HostTree& tree, const std::string& docker_mac,
                 const std::string& docker_address, bool docker_first) {
  const std::string docker_route = absl::StrCat(
      "docker0\t", docker_address == "172.17.0.1" ? "000011AC" : "000012AC",
      "\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n");
  tree.File("proc/net/route",
            docker_first
                ? absl::StrCat(kHeader, docker_route, kEnoDefault, kEnoSubnet)
                : absl::StrCat(kHeader, kEnoSubnet, kEnoDefault, docker_route));
  tree.File("proc/net/fib_trie",
            FibTrie({"127.0.0.1", docker_address, "192.168.1.23"}));
  if (docker_first) {
    Interface(tree, "docker0", docker_mac, false);
    tree.Folder("sys/devices/docker0/bridge");
    Interface(tree, "lo", "00:00:00:00:00:00", false, "772");
    Interface(tree, "eno1", "18:66:DA:10:20:30", true);
  } else {
    Interface(tree, "eno1", "18:66:DA:10:20:30", true);
    Interface(tree, "lo", "00:00:00:00:00:00", false, "772");
    Interface(tree, "docker0", docker_mac, false);
    tree.Folder("sys/devices/docker0/bridge");
  }
  tree.File("sys/class/net/bonding_masters", "\n");
}

TEST(NetworkKeysTest, TheNicNotDocker) {
  HostTree tree("net-server");
  WriteServer(tree, "02:42:7f:1c:aa:01", "172.17.0.1", true);
  const NetworkKeys keys = CollectNetworkKeys(RootFs(tree.root()));
  EXPECT_EQ(keys.ip_address.value, "192.168.1.23");
  EXPECT_EQ(keys.mac_address.value, "18:66:da:10:20:30");  // Lowercased.
  EXPECT_TRUE(absl::StrContains(keys.ip_address.source,
                                "eno1, which carries the default route"))
      << keys.ip_address.source;
  EXPECT_EQ(keys.mac_address.source,
            tree.Path("sys/class/net/eno1/address") +
                ": physical interface, which carries the default route");
}

TEST(NetworkKeysTest, RebootMovesNothing) {
  HostTree before("net-before");
  WriteServer(before, "02:42:7f:1c:aa:01", "172.17.0.1", true);
  // Docker picks a new bridge MAC and subnet; routes and interfaces come
  // up in another order.
  HostTree after("net-after");
  WriteServer(after, "02:42:93:5e:0b:77", "172.18.0.1", false);

  const NetworkKeys a = CollectNetworkKeys(RootFs(before.root()));
  const NetworkKeys b = CollectNetworkKeys(RootFs(after.root()));
  EXPECT_EQ(a.ip_address.value, b.ip_address.value);
  EXPECT_EQ(a.mac_address.value, b.mac_address.value);
}

TEST(NetworkKeysTest, VmNicWithoutDeviceLink) {
  HostTree tree("net-vm");
  tree.File("proc/net/route",
            absl::StrCat(kHeader,
                         "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0"
                         "\t0\t0\n"
                         "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0"
                         "\t0\t0\n"))
      .File("proc/net/fib_trie", FibTrie({"127.0.0.1", "192.0.2.7"}));
  Interface(tree, "eth0", "02:fc:00:00:00:07", false);
  Interface(tree, "lo", "00:00:00:00:00:00", false, "772");

  const NetworkKeys keys = CollectNetworkKeys(RootFs(tree.root()));
  EXPECT_EQ(keys.ip_address.value, "192.0.2.7");
  EXPECT_EQ(keys.mac_address.value, "02:fc:00:00:00:07");
  EXPECT_TRUE(
      absl::StrContains(keys.mac_address.source, "interface without a device"));
}

TEST(NetworkKeysTest, NoRouteTableStillFindsTheNic) {
  HostTree tree("net-no-route");
  tree.File("proc/net/fib_trie", FibTrie({"127.0.0.1", "10.20.30.40"}));
  Interface(tree, "wlan0", "dc:a6:32:00:00:02", true);
  Interface(tree, "eth0", "dc:a6:32:11:22:33", true);

  const NetworkKeys keys = CollectNetworkKeys(RootFs(tree.root()));
  EXPECT_EQ(keys.ip_address.value, "10.20.30.40");
  EXPECT_TRUE(
      absl::StrContains(keys.ip_address.source, "proc/net/route: No such file"))
      << keys.ip_address.source;
  EXPECT_EQ(keys.mac_address.value, "dc:a6:32:11:22:33");  // First by name.
}

TEST(NetworkKeysTest, NothingUsableGivesEmptyWithReasons) {
  HostTree tree("net-none");
  tree.File("proc/net/route", kHeader);
  tree.File("proc/net/fib_trie", FibTrie({"127.0.0.1"}));
  Interface(tree, "lo", "00:00:00:00:00:00", false, "772");
  Interface(tree, "docker0", "02:42:7f:1c:aa:01", false);

  const NetworkKeys keys = CollectNetworkKeys(RootFs(tree.root()));
  EXPECT_EQ(keys.ip_address.value, "");
  EXPECT_TRUE(absl::StrContains(keys.ip_address.source,
                                "no non-loopback IPv4 address"));
  EXPECT_EQ(keys.mac_address.value, "");
  EXPECT_TRUE(absl::StrContains(keys.mac_address.source, "docker"));
}

TEST(NetworkKeysTest, ReadNetInterfacesFacts) {
  HostTree tree("net-facts");
  WriteServer(tree, "02:42:7f:1c:aa:01", "172.17.0.1", true);
  const std::vector<NetInterface> interfaces =
      ReadNetInterfaces(RootFs(tree.root()));
  ASSERT_EQ(interfaces.size(), 3u);  // bonding_masters is no interface.
  EXPECT_EQ(interfaces[0].name, "docker0");
  EXPECT_TRUE(interfaces[0].bridge);
  EXPECT_FALSE(interfaces[0].physical);
  EXPECT_EQ(interfaces[1].name, "eno1");
  EXPECT_TRUE(interfaces[1].physical);
  EXPECT_EQ(interfaces[2].name, "lo");
  EXPECT_TRUE(interfaces[2].loopback);
}

}  // namespace
}  // namespace hwfp
