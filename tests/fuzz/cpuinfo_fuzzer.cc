// Fuzzes the /proc/cpuinfo parser and the processor identity built from
// it: any text, every field looked up for every CPU. Seeds: every host
// fixture's proc/cpuinfo (tools/test-fuzz).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "collectors/cpuinfo.h"

namespace {

constexpr const char* kNames[] = {
    "processor",   "vendor_id", "cpu family",   "model",
    "model name",  "stepping",  "Hardware",     "Revision",
    "Serial",      "Model",     "Processor",    "CPU implementer",
    "CPU variant", "CPU part",  "CPU revision", "mvendorid",
    "marchid",     "mimpid",    "uarch",        "cpu",
    "revision",    ""};

volatile size_t sink;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const hwfp::CpuInfo info = hwfp::ParseCpuInfo(text);
  for (const char* name : kNames) {
    const std::optional<std::string> machine = hwfp::MachineField(info, name);
    if (machine) sink = machine->size();
    // One past the last CPU too: that must answer nullopt, not read on.
    for (size_t cpu = 0; cpu <= info.cpus.size() && cpu < 64; ++cpu) {
      const std::optional<std::string> field = hwfp::CpuField(info, cpu, name);
      if (field) sink = field->size();
    }
  }
  const hwfp::CpuIdentity identity = hwfp::IdentifyCpus(info);
  sink = identity.text.size() + identity.fields.size();
  return 0;
}
