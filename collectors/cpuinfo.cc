// /proc/cpuinfo parser and processor identity.

#include "collectors/cpuinfo.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace hwfp {
namespace {

struct FieldSet {
  const char* architecture;
  // Fields only this architecture prints; any one present selects it.
  // ("model name" is not one: x86 and 32-bit ARM both print it.)
  std::vector<const char*> markers;
  std::vector<const char*> fields;
};

const std::array<FieldSet, 4>& KnownFieldSets() {
  static const auto* sets = new std::array<FieldSet, 4>{{
      {"x86",
       {"vendor_id", "cpu family"},
       {"vendor_id", "cpu family", "model", "stepping", "model name"}},
      {"ARM",
       {"CPU implementer", "CPU part"},
       {"CPU implementer", "CPU variant", "CPU part", "CPU revision"}},
      {"RISC-V",
       {"mvendorid", "marchid", "uarch", "isa"},
       {"mvendorid", "marchid", "mimpid", "uarch"}},
      {"POWER", {"cpu"}, {"cpu", "revision"}},
  }};
  return *sets;
}

std::optional<std::string> Find(const CpuInfoFields& fields,
                                absl::string_view name) {
  for (const auto& [field, value] : fields) {
    if (field == name) return value;
  }
  return std::nullopt;
}

}  // namespace

CpuInfo ParseCpuInfo(absl::string_view text) {
  CpuInfo info;
  bool in_cpu_block = false;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (absl::StripAsciiWhitespace(line).empty()) {
      in_cpu_block = false;
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos) continue;
    std::string name(absl::StripAsciiWhitespace(line.substr(0, colon)));
    std::string value(absl::StripAsciiWhitespace(line.substr(colon + 1)));

    if (name == "processor") {
      info.cpus.emplace_back();
      in_cpu_block = true;
    }
    CpuInfoFields& target = in_cpu_block ? info.cpus.back() : info.machine;
    target.emplace_back(std::move(name), std::move(value));
  }
  return info;
}

std::optional<std::string> MachineField(const CpuInfo& info,
                                        absl::string_view name) {
  return Find(info.machine, name);
}

std::optional<std::string> CpuField(const CpuInfo& info, size_t cpu,
                                    absl::string_view name) {
  if (cpu >= info.cpus.size()) return std::nullopt;
  if (std::optional<std::string> own = Find(info.cpus[cpu], name)) return own;
  if (std::optional<std::string> machine = Find(info.machine, name)) {
    return machine;
  }

  // Old 32-bit ARM: the field sits in exactly one CPU's block (the last)
  // because the kernel printed it once for all.
  std::optional<std::string> once;
  for (const CpuInfoFields& other : info.cpus) {
    if (std::optional<std::string> value = Find(other, name)) {
      if (once) return std::nullopt;  // Per CPU after all, just not here.
      once = value;
    }
  }
  return once;
}

CpuIdentity IdentifyCpus(const CpuInfo& info) {
  CpuIdentity identity;
  if (info.cpus.empty()) return identity;

  const FieldSet* set = nullptr;
  for (const FieldSet& candidate : KnownFieldSets()) {
    for (const char* marker : candidate.markers) {
      if (CpuField(info, 0, marker)) set = &candidate;
    }
    if (set != nullptr) break;
  }
  if (set == nullptr) return identity;

  bool any_value = false;
  for (size_t cpu = 0; cpu < info.cpus.size(); ++cpu) {
    std::vector<std::string> parts;
    for (const char* field : set->fields) {
      if (std::optional<std::string> value = CpuField(info, cpu, field)) {
        parts.push_back(absl::StrCat(field, "=", *value));
        any_value = true;
      }
    }
    absl::StrAppend(&identity.text, "cpu ", cpu, ": ",
                    absl::StrJoin(parts, "; "), "\n");
  }
  if (!any_value) return CpuIdentity();

  identity.architecture = set->architecture;
  identity.fields.assign(set->fields.begin(), set->fields.end());
  return identity;
}

}  // namespace hwfp
