// Network adapters on Windows from GetAdaptersAddresses (IPv4 addresses,
// gateways, metric, MAC) and GetIfEntry2 (whether hardware backs one).

// winsock2.h must come before windows.h, and iphlpapi.h after both.
// First, before windows.h: COM headers #define `interface`, a name the
// network rules use.
#include "collectors/windows_machine.h"

#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "collectors/windows_text.h"

namespace hwfp {
namespace {

constexpr ULONG kFlags = GAA_FLAG_INCLUDE_GATEWAYS | GAA_FLAG_SKIP_ANYCAST |
                         GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER;

// sin_addr holds the address in network order: first octet first.
Ipv4 ToIpv4(const SOCKADDR* address) {
  const auto* in = reinterpret_cast<const sockaddr_in*>(address);
  const auto* octet = reinterpret_cast<const unsigned char*>(&in->sin_addr);
  return (Ipv4{octet[0]} << 24) | (Ipv4{octet[1]} << 16) |
         (Ipv4{octet[2]} << 8) | Ipv4{octet[3]};
}

bool IsIpv4(const SOCKET_ADDRESS& address) {
  return address.lpSockaddr != nullptr &&
         address.lpSockaddr->sa_family == AF_INET;
}

std::string FormatMac(const IP_ADAPTER_ADDRESSES& adapter) {
  std::string mac;
  for (ULONG i = 0; i < adapter.PhysicalAddressLength; ++i) {
    absl::StrAppendFormat(&mac, "%s%02x", i == 0 ? "" : ":",
                          adapter.PhysicalAddress[i]);
  }
  return mac;
}

bool IsHardware(const IP_ADAPTER_ADDRESSES& adapter) {
  MIB_IF_ROW2 row = {};
  row.InterfaceLuid = adapter.Luid;
  if (GetIfEntry2(&row) != NO_ERROR) return false;
  return row.InterfaceAndOperStatusFlags.HardwareInterface != FALSE;
}

WindowsAdapter ToAdapter(const IP_ADAPTER_ADDRESSES& adapter) {
  WindowsAdapter result;
  result.name = Utf8FromWide(adapter.FriendlyName);
  if (result.name.empty()) result.name = adapter.AdapterName;
  result.mac = FormatMac(adapter);
  result.up = adapter.OperStatus == IfOperStatusUp;
  result.loopback = adapter.IfType == IF_TYPE_SOFTWARE_LOOPBACK;
  result.hardware = IsHardware(adapter);
  result.metric = adapter.Ipv4Metric;
  for (const IP_ADAPTER_UNICAST_ADDRESS* unicast =
           adapter.FirstUnicastAddress;
       unicast != nullptr; unicast = unicast->Next) {
    if (!IsIpv4(unicast->Address)) continue;
    result.addresses.emplace_back(ToIpv4(unicast->Address.lpSockaddr),
                                  unicast->OnLinkPrefixLength);
  }
  for (const IP_ADAPTER_GATEWAY_ADDRESS_LH* gateway =
           adapter.FirstGatewayAddress;
       gateway != nullptr; gateway = gateway->Next) {
    if (!IsIpv4(gateway->Address)) continue;
    result.gateways.push_back(ToIpv4(gateway->Address.lpSockaddr));
  }
  return result;
}

}  // namespace

absl::StatusOr<std::vector<WindowsAdapter>> ReadAdapters() {
  // Microsoft suggests starting at 15 KB; the call says when it needs more
  // (adapters can appear between two calls, hence the loop).
  ULONG size = 15 * 1024;
  std::vector<unsigned char> buffer;
  ULONG result = ERROR_BUFFER_OVERFLOW;
  for (int attempt = 0; attempt < 4 && result == ERROR_BUFFER_OVERFLOW;
       ++attempt) {
    buffer.resize(size);
    result = GetAdaptersAddresses(
        AF_INET, kFlags, nullptr,
        reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
  }
  if (result == ERROR_NO_DATA) return std::vector<WindowsAdapter>();
  if (result != NO_ERROR) {
    return absl::UnavailableError(absl::StrCat(
        "GetAdaptersAddresses: ", DescribeWin32Error(result)));
  }

  std::vector<WindowsAdapter> adapters;
  for (const IP_ADAPTER_ADDRESSES* adapter =
           reinterpret_cast<const IP_ADAPTER_ADDRESSES*>(buffer.data());
       adapter != nullptr; adapter = adapter->Next) {
    adapters.push_back(ToAdapter(*adapter));
  }
  return adapters;
}

}  // namespace hwfp
