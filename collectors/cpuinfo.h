// /proc/cpuinfo as data: each CPU's fields and the machine-wide ones, and
// the identity of the processors from the fields that do not move on
// their own. `cpu MHz` changes by the second, BogoMIPS with every boot,
// `flags` and `bugs` with kernel and microcode updates; none is used.
//
// Kernels print this file differently per architecture and version:
//   x86:            per CPU: vendor_id, cpu family, model, model name,
//                   stepping, cpu MHz, flags, bogomips, ...
//   64-bit ARM:     per CPU: CPU implementer, CPU architecture, CPU
//                   variant, CPU part, CPU revision, BogoMIPS, ...; then
//                   Hardware, Revision, Serial, Model for the board
//                   (Raspberry Pi kernels).
//   32-bit ARM:     the same, plus per-CPU "model name: ARMv7 Processor rev
//                   4 (v7l)"; kernels before 3.8 print a machine-wide
//                   "Processor" line instead and the CPU fields only once,
//                   after the last CPU.

#ifndef HWFP_COLLECTORS_CPUINFO_H_
#define HWFP_COLLECTORS_CPUINFO_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace hwfp {

using CpuInfoFields = std::vector<std::pair<std::string, std::string>>;

struct CpuInfo {
  // One entry per "processor : N" line, in file order: the lines of that
  // CPU's block, up to a blank line or the next "processor".
  std::vector<CpuInfoFields> cpus;
  // Lines outside any CPU block (before the first, or after a blank line
  // that closed one): board fields such as Hardware, Revision, Serial.
  CpuInfoFields machine;
};

// Parses the text of /proc/cpuinfo. Lines are "name<TAB>: value"; names are
// case-sensitive ("processor" numbers a CPU, "Processor" names the model
// on old 32-bit ARM kernels; "model" is x86's number, "Model" the board).
// Lines without a colon are ignored. Never fails.
CpuInfo ParseCpuInfo(absl::string_view text);

// Returns a machine-wide field's value, or nullopt.
std::optional<std::string> MachineField(const CpuInfo& info,
                                        absl::string_view name);

// Returns a CPU's field: from its own block; else printed once for the
// whole machine (old 32-bit ARM kernels print CPU implementer and the rest
// once, after the last CPU, or "Processor" before the first); else
// nullopt.
std::optional<std::string> CpuField(const CpuInfo& info, size_t cpu,
                                    absl::string_view name);

struct CpuIdentity {
  // "x86", "ARM", "RISC-V" or "POWER"; empty when no known field is there.
  std::string architecture;
  // The fields used, in the order they are written.
  std::vector<std::string> fields;
  // One line per CPU in file order: "cpu 0: vendor_id=GenuineIntel; ...".
  std::string text;
};

// Returns the processors' identity from their stable fields:
//   x86:    vendor_id, cpu family, model, stepping, model name
//   ARM:    CPU implementer, CPU variant, CPU part, CPU revision (the
//           kernel composes "model name" / "Processor" from these, and
//           moved it between versions, so it is left out)
//   RISC-V: mvendorid, marchid, mimpid, uarch (not isa, which grows
//           as kernels learn extensions)
//   POWER:  cpu, revision
// `text` is empty when there are no CPUs or no known fields.
CpuIdentity IdentifyCpus(const CpuInfo& info);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_CPUINFO_H_
