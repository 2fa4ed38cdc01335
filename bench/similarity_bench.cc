// Times one similarity decision on a nine-key map, for each way the rules
// can settle it, and one full explanation.

#include <string>

#include "benchmark/benchmark.h"
#include "similarity/similarity.h"

namespace hwfp {
namespace {

HashValues Machine() {
  return {
      {"bios-hash", "Q0RFRkdISUpLTE1OT1BRUg=="},
      {"disk-info", "tYzm1dWvUf3C2p+0fM3wYg=="},
      {"hostname-info", "db-7.example.internal"},
      {"ipaddress-info", "10.0.4.17"},
      {"macaddr-info", "52:54:00:12:34:56"},
      {"machine-id", "4f9d0c2a6b1e4e7d9a3c5b8e2f1d0a9b"},
      {"memory-hash", "bWVtb3J5LWJhbmtzLTQ4R0I="},
      {"processor-hash", "cHJvY2Vzc29yLXhlb24tMjY="},
      {"system-hash", "c3lzdGVtLXI2MzAtc2VyaWFs"},
  };
}

// Same machine-id and address: the common case on every run.
void BM_DecideUnchanged(benchmark::State& state) {
  const HashValues saved = Machine();
  const HashValues current = Machine();
  for (auto _ : state) {
    benchmark::DoNotOptimize(Decide(saved, current, 40));
  }
}
BENCHMARK(BM_DecideUnchanged);

// Address changed: every key is compared and the percentage decides.
void BM_DecideByPercentage(benchmark::State& state) {
  const HashValues saved = Machine();
  HashValues current = Machine();
  current["ipaddress-info"] = "10.0.9.3";
  current["memory-hash"] = "c3dhcHBlZC1kaW1tcy02NEdC";
  for (auto _ : state) {
    benchmark::DoNotOptimize(Decide(saved, current, 40));
  }
}
BENCHMARK(BM_DecideByPercentage);

// The decision with its per-key explanation (copies every value).
void BM_Explain(benchmark::State& state) {
  const HashValues saved = Machine();
  HashValues current = Machine();
  current["ipaddress-info"] = "10.0.9.3";
  for (auto _ : state) {
    benchmark::DoNotOptimize(Explain(saved, current, 40));
  }
}
BENCHMARK(BM_Explain);

}  // namespace
}  // namespace hwfp
