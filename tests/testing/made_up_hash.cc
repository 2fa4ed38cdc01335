#include "tests/testing/made_up_hash.h"

namespace hwfp::testing {

std::map<std::string, std::string> MadeUpServerHash() {
  return {
      {"bios-hash", "Q0RFRkdISUpLTE1OT1BRUg=="},
      {"disk-info", "tYzm1dWvUf3C2p+0fM3wYg=="},
      {"hostname-info", "db-7"},
      {"ipaddress-info", "10.0.4.17"},
      {"macaddr-info", "52:54:00:12:34:56"},
      {"machine-id", "4f9d0c2a6b1e4e7d9a3c5b8e2f1d0a9b"},
      {"memory-hash", "bWVtb3J5LWJhbmtzLTQ4R0I="},
      {"processor-hash", "cHJvY2Vzc29yLXhlb24tMjY="},
      {"system-hash", "c3lzdGVtLXI2MzAtc2VyaWFs"},
  };
}

}  // namespace hwfp::testing
