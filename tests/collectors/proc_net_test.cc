// The /proc/net/route and /proc/net/fib_trie parsers, on text as the
// kernel prints it (column padding, both tables, broadcast and network
// leaves that are not local addresses).

#include "collectors/proc_net.h"

#include <string>

#include "gtest/gtest.h"

namespace hwfp {
namespace {

// As Linux prints it: a header, tab-separated columns, every line padded
// with spaces to 127 characters.
constexpr char kRoute[] =
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU"
    "\tWindow\tIRTT                                                       \n"
    "eno1\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0        "
    "                                                                      \n"
    "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0       \n"
    "eno1\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n";

TEST(ParseRouteTableTest, ReadsKernelAddressesInHostOrder) {
  const RouteTable table = ParseRouteTable(kRoute);
  EXPECT_TRUE(table.warnings.empty());
  ASSERT_EQ(table.routes.size(), 3u);

  const Ipv4Route& by_default = table.routes[0];
  EXPECT_EQ(by_default.interface, "eno1");
  EXPECT_EQ(by_default.destination, 0u);
  EXPECT_EQ(FormatIpv4(by_default.gateway), "192.168.1.1");
  EXPECT_EQ(by_default.flags, kRouteUp | kRouteGateway);
  EXPECT_EQ(by_default.metric, 100u);

  EXPECT_EQ(FormatIpv4(table.routes[1].destination), "172.17.0.0");
  EXPECT_EQ(FormatIpv4(table.routes[1].mask), "255.255.0.0");
  EXPECT_EQ(FormatIpv4(table.routes[2].mask), "255.255.255.0");
}

TEST(ParseRouteTableTest, MalformedLinesBecomeWarnings) {
  const RouteTable table = ParseRouteTable(
      "Iface\tDestination\tGateway\n"
      "eth0\t00000000\n"
      "eth0\tZZZZZZZZ\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
      "eth1\t0000000A\t00000000\t0001\t0\t0\t5\t00FFFFFF\t0\t0\t0\n");
  ASSERT_EQ(table.warnings.size(), 2u);
  EXPECT_EQ(table.warnings[0], "line 2: 2 columns, not 8");
  EXPECT_EQ(table.warnings[1], "line 3: malformed route");
  ASSERT_EQ(table.routes.size(), 1u);
  EXPECT_EQ(table.routes[0].interface, "eth1");
  EXPECT_EQ(FormatIpv4(table.routes[0].destination), "10.0.0.0");
}

constexpr char kFibTrie[] =
    "Main:\n"
    "  +-- 0.0.0.0/0 3 0 5\n"
    "     |-- 0.0.0.0\n"
    "        /0 universe UNICAST\n"
    "     +-- 127.0.0.0/8 2 0 2\n"
    "        +-- 127.0.0.0/31 1 0 0\n"
    "           |-- 127.0.0.0\n"
    "              /8 host LOCAL\n"
    "           |-- 127.0.0.1\n"
    "              /32 host LOCAL\n"
    "        |-- 127.255.255.255\n"
    "           /32 link BROADCAST\n"
    "     +-- 192.168.1.0/24 2 0 2\n"
    "           |-- 192.168.1.0\n"
    "              /24 link UNICAST\n"
    "           |-- 192.168.1.23\n"
    "              /32 host LOCAL\n"
    "           |-- 172.17.0.1\n"
    "              /32 host LOCAL\n"
    "        |-- 192.168.1.255\n"
    "           /32 link BROADCAST\n"
    "Local:\n"
    "           |-- 192.168.1.23\n"
    "              /32 host LOCAL\n";

TEST(ParseFibTrieTest, ListsLocalHostAddressesOnceSorted) {
  const std::vector<Ipv4> local = ParseFibTrieLocalAddresses(kFibTrie);
  ASSERT_EQ(local.size(), 3u);
  // Not 127.0.0.0 (/8 host LOCAL is the loopback network), not the
  // broadcast or network leaves; 192.168.1.23 once though listed twice.
  EXPECT_EQ(FormatIpv4(local[0]), "127.0.0.1");
  EXPECT_EQ(FormatIpv4(local[1]), "172.17.0.1");
  EXPECT_EQ(FormatIpv4(local[2]), "192.168.1.23");
}

TEST(ParseFibTrieTest, PropertyLineWithoutLeafIsIgnored) {
  EXPECT_TRUE(ParseFibTrieLocalAddresses("Main:\n  /32 host LOCAL\n"
                                         "  +-- 10.0.0.0/8 1 0 0\n"
                                         "     /32 host LOCAL\n")
                  .empty());
  EXPECT_TRUE(
      ParseFibTrieLocalAddresses("|-- 300.1.1.1\n /32 host LOCAL\n").empty());
}

TEST(ParseIpv4Test, RejectsWhatIsNotADottedQuad) {
  Ipv4 address = 0;
  EXPECT_TRUE(ParseIpv4("10.0.0.42", &address));
  EXPECT_EQ(address, 0x0A00002Au);
  for (const char* bad : {"", "10.0.0", "10.0.0.0.1", "10.0.0.256", "a.b.c.d",
                          "10..0.1", "+1.0.0.1", "1000.0.0.1"}) {
    EXPECT_FALSE(ParseIpv4(bad, &address)) << bad;
  }
}

}  // namespace
}  // namespace hwfp
