// SMBIOS parsing speed on the real fixture tables: entry point + walk
// (the index of structures and string sets), walk + typed decode of the
// fingerprint types, and the four firmware hash keys. Reports bytes per
// second over the table bytes.
//
//   bazel run -c opt //bench:smbios_bench
//
// Skips, saying why, when ../shared/fixtures is absent.

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "bench/bench_fixtures.h"
#include "benchmark/benchmark.h"
#include "collectors/smbios_keys.h"
#include "smbios/entry_point.h"
#include "smbios/records.h"
#include "smbios/table.h"

namespace {

using hwfp::smbios::EntryPoint;
using hwfp::smbios::Structure;
using hwfp::smbios::Table;

const char* const kTables[] = {
    "asrock-single-ryzen", "dell-poweredge-r630-dual-xeon",
    "dell-precision-3620", "generic-smbios27",
    "hyperv",              "supermicro-quad-opteron",
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct Fixture {
  std::string entry_point;
  std::string table;
};

std::optional<Fixture> Load(const std::string& name) {
  static const std::optional<std::string> dir =
      hwfp::bench::FindFixtures();
  if (!dir) return std::nullopt;
  const std::string folder = *dir + "/smbios/" + name;
  return Fixture{Slurp(folder + "/smbios_entry_point"),
                 Slurp(folder + "/DMI")};
}

Table Parse(const Fixture& f) {
  absl::StatusOr<EntryPoint> entry =
      hwfp::smbios::ParseEntryPoint(f.entry_point, "smbios_entry_point");
  absl::StatusOr<Table> table =
      hwfp::smbios::ParseTable(*std::move(entry), f.table, "DMI");
  return *std::move(table);
}

void DecodeAll(const Table& table) {
  const hwfp::smbios::Version& v = table.version();
  for (const Structure& s : table.structures()) {
    switch (s.type()) {
      case 0:
        benchmark::DoNotOptimize(hwfp::smbios::DecodeBios(s, nullptr));
        break;
      case 1:
        benchmark::DoNotOptimize(hwfp::smbios::DecodeSystem(s, v, nullptr));
        break;
      case 2:
        benchmark::DoNotOptimize(hwfp::smbios::DecodeBaseboard(s, nullptr));
        break;
      case 3:
        benchmark::DoNotOptimize(hwfp::smbios::DecodeChassis(s, nullptr));
        break;
      case 4:
        benchmark::DoNotOptimize(hwfp::smbios::DecodeProcessor(s, nullptr));
        break;
      case 16:
        benchmark::DoNotOptimize(hwfp::smbios::DecodeMemoryArray(s));
        break;
      case 17:
        benchmark::DoNotOptimize(
            hwfp::smbios::DecodeMemoryDevice(s, nullptr));
        break;
      default:
        break;
    }
  }
}

// Entry point + walk: every structure located with its string set.
void BM_EntryPointAndWalk(benchmark::State& state, const char* name) {
  const std::optional<Fixture> f = Load(name);
  if (!f) {
    state.SkipWithError("../shared/fixtures is absent: no real tables");
    return;
  }
  for (auto _ : state) {
    Table table = Parse(*f);
    benchmark::DoNotOptimize(table.structures().data());
  }
  state.SetBytesProcessed(state.iterations() * f->table.size());
  state.counters["structures"] =
      static_cast<double>(Parse(*f).structures().size());
}

// Entry point + walk + typed decode of types 0-4, 16 and 17.
void BM_WalkAndDecode(benchmark::State& state, const char* name) {
  const std::optional<Fixture> f = Load(name);
  if (!f) {
    state.SkipWithError("../shared/fixtures is absent: no real tables");
    return;
  }
  for (auto _ : state) {
    Table table = Parse(*f);
    DecodeAll(table);
  }
  state.SetBytesProcessed(state.iterations() * f->table.size());
}

// The four firmware hash keys from an already parsed table (MD5 included).
void BM_SmbiosKeys(benchmark::State& state, const char* name) {
  const std::optional<Fixture> f = Load(name);
  if (!f) {
    state.SkipWithError("../shared/fixtures is absent: no real tables");
    return;
  }
  const Table table = Parse(*f);
  for (auto _ : state) {
    benchmark::DoNotOptimize(hwfp::SmbiosKeys(table));
  }
  state.SetBytesProcessed(state.iterations() * f->table.size());
}

const bool kRegistered = [] {
  for (const char* name : kTables) {
    benchmark::RegisterBenchmark(
        (std::string("BM_EntryPointAndWalk/") + name).c_str(),
        BM_EntryPointAndWalk, name);
    benchmark::RegisterBenchmark(
        (std::string("BM_WalkAndDecode/") + name).c_str(), BM_WalkAndDecode,
        name);
    benchmark::RegisterBenchmark(
        (std::string("BM_SmbiosKeys/") + name).c_str(), BM_SmbiosKeys, name);
  }
  return true;
}();

}  // namespace
