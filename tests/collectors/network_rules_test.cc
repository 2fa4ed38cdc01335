// The primary-address and MAC rules over plain data: which interface
// wins, and that docker, bridges, veth, loopback and zero MACs never do.

#include "collectors/network_rules.h"

#include "collectors/proc_net.h"
#include "gtest/gtest.h"

namespace hwfp {
namespace {

Ipv4 Ip(const char* text) {
  Ipv4 address = 0;
  EXPECT_TRUE(ParseIpv4(text, &address)) << text;
  return address;
}

Ipv4Route OnLink(const char* interface, const char* subnet, const char* mask,
                 uint32_t metric = 0) {
  return {interface, Ip(subnet), 0, Ip(mask), kRouteUp, metric};
}

Ipv4Route Default(const char* interface, const char* gateway,
                  uint32_t metric = 0) {
  return {interface, 0, Ip(gateway), 0, kRouteUp | kRouteGateway, metric};
}

NetInterface Nic(const char* name, const char* mac, bool physical = true) {
  NetInterface nic;
  nic.name = name;
  nic.mac = mac;
  nic.physical = physical;
  return nic;
}

TEST(FindDefaultRouteTest, LowestMetricThenTableOrder) {
  const std::vector<Ipv4Route> routes = {
      Default("wlan0", "10.0.0.1", 600),
      OnLink("eth0", "10.1.0.0", "255.255.0.0"),
      Default("eth0", "10.1.0.1", 100), Default("eth1", "10.2.0.1", 100)};
  ASSERT_NE(FindDefaultRoute(routes), nullptr);
  EXPECT_EQ(FindDefaultRoute(routes)->interface, "eth0");

  Ipv4Route down = Default("eth9", "10.9.0.1", 0);
  down.flags = kRouteGateway;
  EXPECT_EQ(FindDefaultRoute({down}), nullptr);
}

TEST(FindSubnetRouteTest, LongestPrefixAmongOnLinkRoutes) {
  const std::vector<Ipv4Route> routes = {
      OnLink("br0", "10.0.0.0", "255.0.0.0"),
      OnLink("eth0", "10.1.2.0", "255.255.255.0"), Default("eth0", "10.1.2.1")};
  EXPECT_EQ(FindSubnetRoute(routes, Ip("10.1.2.7"))->interface, "eth0");
  EXPECT_EQ(FindSubnetRoute(routes, Ip("10.9.9.9"))->interface, "br0");
  // The default route (mask 0) maps nothing.
  EXPECT_EQ(FindSubnetRoute(routes, Ip("192.0.2.1")), nullptr);
}

TEST(PickPrimaryIpv4Test, AddressOfTheDefaultRouteInterface) {
  // docker0's address is lower and listed first; the NIC's still wins.
  const std::vector<Ipv4Route> routes = {
      OnLink("docker0", "172.17.0.0", "255.255.0.0"),
      Default("eno1", "192.168.1.1", 100),
      OnLink("eno1", "192.168.1.0", "255.255.255.0", 100)};
  const auto primary = PickPrimaryIpv4(
      routes, {Ip("127.0.0.1"), Ip("172.17.0.1"), Ip("192.168.1.23")}, {});
  ASSERT_TRUE(primary.has_value());
  EXPECT_EQ(FormatIpv4(primary->address), "192.168.1.23");
  EXPECT_EQ(primary->interface, "eno1");
  EXPECT_EQ(primary->rule, PickRule::kDefaultRoute);
}

TEST(PickPrimaryIpv4Test, PrefersTheAddressOnTheGatewaySubnet) {
  // eth0 has a second, lower address in another subnet.
  const std::vector<Ipv4Route> routes = {
      Default("eth0", "192.168.1.1"), OnLink("eth0", "10.0.0.0", "255.0.0.0"),
      OnLink("eth0", "192.168.1.0", "255.255.255.0")};
  const auto primary =
      PickPrimaryIpv4(routes, {Ip("10.0.0.5"), Ip("192.168.1.50")}, {});
  ASSERT_TRUE(primary.has_value());
  EXPECT_EQ(FormatIpv4(primary->address), "192.168.1.50");
}

TEST(PickPrimaryIpv4Test, WithoutDefaultRouteSkipsVirtualInterfaces) {
  const std::vector<Ipv4Route> routes = {
      OnLink("docker0", "172.17.0.0", "255.255.0.0"),
      OnLink("virbr0", "192.168.122.0", "255.255.255.0"),
      OnLink("enp3s0", "192.168.200.0", "255.255.255.0")};
  const auto primary = PickPrimaryIpv4(
      routes, {Ip("172.17.0.1"), Ip("192.168.122.1"), Ip("192.168.200.9")},
      {Nic("enp3s0", "aa:bb:cc:00:00:01")});
  ASSERT_TRUE(primary.has_value());
  EXPECT_EQ(FormatIpv4(primary->address), "192.168.200.9");
  EXPECT_EQ(primary->rule, PickRule::kFirstNonVirtual);
}

TEST(PickPrimaryIpv4Test, LastResortIsLowestNonLoopback) {
  const auto primary = PickPrimaryIpv4(
      {}, {Ip("127.0.0.1"), Ip("10.8.0.2"), Ip("10.7.0.9")}, {});
  ASSERT_TRUE(primary.has_value());
  EXPECT_EQ(FormatIpv4(primary->address), "10.7.0.9");
  EXPECT_EQ(primary->interface, "");
  EXPECT_EQ(primary->rule, PickRule::kFirstNonLoopback);

  EXPECT_FALSE(PickPrimaryIpv4({}, {Ip("127.0.0.1")}, {}).has_value());
}

TEST(PickMacInterfaceTest, DefaultRouteInterfaceWhenPhysical) {
  const std::vector<NetInterface> nics = {Nic("eno2", "18:66:da:00:00:02"),
                                          Nic("eno1", "18:66:da:00:00:01")};
  const PickedInterface picked = PickMacInterface(nics, "eno2");
  ASSERT_NE(picked.interface, nullptr);
  EXPECT_EQ(picked.interface->name, "eno2");
  EXPECT_EQ(picked.rule, PickRule::kDefaultRoute);
}

TEST(PickMacInterfaceTest, FirstPhysicalByNameWhenDefaultIsVirtual) {
  NetInterface bridge = Nic("br0", "02:00:00:00:00:09", false);
  bridge.bridge = true;
  // Listed out of name order: the rule must not depend on it.
  const std::vector<NetInterface> nics = {
      Nic("wlp2s0", "dc:a6:32:00:00:02"), bridge,
      Nic("enp1s0", "dc:a6:32:00:00:01"),
      Nic("docker0", "02:42:7f:1c:aa:01", false)};
  const PickedInterface picked = PickMacInterface(nics, "br0");
  ASSERT_NE(picked.interface, nullptr);
  EXPECT_EQ(picked.interface->name, "enp1s0");
  EXPECT_EQ(picked.rule, PickRule::kFirstPhysical);
}

TEST(PickMacInterfaceTest, NeverVirtualOrZero) {
  NetInterface lo = Nic("lo", "00:00:00:00:00:00", false);
  lo.loopback = true;
  const std::vector<NetInterface> nics = {
      lo,
      Nic("docker0", "02:42:7f:1c:aa:01", false),
      Nic("veth12ab", "6a:11:22:33:44:55", false),
      Nic("br-5f2e", "02:42:00:00:00:01", false),
      Nic("virbr0", "52:54:00:00:00:01", false),
      Nic("eth0", "00:00:00:00:00:00", true)};
  EXPECT_EQ(PickMacInterface(nics, "docker0").interface, nullptr);
  EXPECT_EQ(PickMacInterface(nics, "").interface, nullptr);
}

TEST(PickMacInterfaceTest, VmNicWithoutDeviceOnTheDefaultRoute) {
  const std::vector<NetInterface> nics = {
      Nic("docker0", "02:42:7f:1c:aa:01", false),
      Nic("eth0", "02:fc:00:00:00:07", false)};
  const PickedInterface picked = PickMacInterface(nics, "eth0");
  ASSERT_NE(picked.interface, nullptr);
  EXPECT_EQ(picked.interface->name, "eth0");

  // Without a default route, still not docker0.
  ASSERT_NE(PickMacInterface(nics, "").interface, nullptr);
  EXPECT_EQ(PickMacInterface(nics, "").interface->name, "eth0");
  EXPECT_EQ(PickMacInterface(nics, "").rule, PickRule::kFirstNonVirtual);
}

TEST(IsZeroMacTest, OnlyZeroDigits) {
  EXPECT_TRUE(IsZeroMac(""));
  EXPECT_TRUE(IsZeroMac("00:00:00:00:00:00"));
  EXPECT_FALSE(IsZeroMac("00:00:00:00:00:01"));
}

}  // namespace
}  // namespace hwfp
