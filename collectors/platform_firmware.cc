// Firmware keys from the device tree, /proc/cpuinfo and /sys/class/dmi/id.

#include "collectors/platform_firmware.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "collectors/digest.h"
#include "collectors/hardware_hash.h"

namespace hwfp {
namespace {

// Where a fact came from: `label` goes into the hashed text and never
// changes; `path` (under whatever root) only into the note.
struct Source {
  const char* label;
  std::string path;
};

// Accumulates one key's hashed text and the names of what went into it.
class KeyText {
 public:
  explicit KeyText(const char* key) : text_(absl::StrCat(key, "\n")) {}

  void Add(const Source& source, absl::string_view field,
           absl::string_view value) {
    absl::StrAppend(&text_, source.label, " ", field, "=", value, "\n");
    Note(source.path, field);
  }

  // Adds each line of `lines` under the source's label; `fields` names
  // them in the note.
  void AddLines(const Source& source, absl::string_view fields,
                absl::string_view lines) {
    for (absl::string_view line :
         absl::StrSplit(lines, '\n', absl::SkipEmpty())) {
      absl::StrAppend(&text_, source.label, " ", line, "\n");
    }
    Note(source.path, fields);
  }

  bool empty() const { return used_.empty(); }
  const std::string& text() const { return text_; }

  // "device tree /x/sys/...: compatible; /x/proc/cpuinfo: Hardware".
  std::string Used() const {
    std::vector<std::string> groups;
    for (const auto& [source, fields] : used_) {
      groups.push_back(absl::StrCat(source, ": ", absl::StrJoin(fields, ", ")));
    }
    return absl::StrJoin(groups, "; ");
  }

 private:
  void Note(const std::string& source, absl::string_view field) {
    if (used_.empty() || used_.back().first != source) {
      used_.emplace_back(source, std::vector<std::string>());
    }
    used_.back().second.emplace_back(field);
  }

  std::string text_;
  std::vector<std::pair<std::string, std::vector<std::string>>> used_;
};

const std::string* DmiValue(const PlatformFacts& facts,
                            absl::string_view name) {
  for (const auto& [file, value] : facts.dmi_id) {
    if (file == name) return &value;
  }
  return nullptr;
}

void AddDmiFiles(const PlatformFacts& facts,
                 const std::vector<const char*>& files, KeyText& text) {
  for (const char* file : files) {
    if (const std::string* value = DmiValue(facts, file)) {
      text.Add({"dmi", facts.dmi_id_path}, file, *value);
    }
  }
}

void AddMachineField(const PlatformFacts& facts, const char* field,
                     KeyText& text) {
  if (!facts.cpuinfo) return;
  if (std::optional<std::string> value = MachineField(*facts.cpuinfo, field)) {
    text.Add({"cpuinfo", facts.cpuinfo_path}, field, *value);
  }
}

Source DeviceTreeSource(const PlatformFacts& facts) {
  return {"devicetree", absl::StrCat("device tree ", facts.device_tree_path)};
}

class Builder {
 public:
  explicit Builder(const PlatformFacts& facts) : facts_(facts) {
    if (facts.cpuinfo) identity_ = IdentifyCpus(*facts.cpuinfo);
  }

  CollectedKey Processor() const {
    KeyText text(kProcessorHashKey);
    AddIdentity(text);
    return Finish(kProcessorHashKey, text);
  }

  CollectedKey Memory() const {
    KeyText text(kMemoryHashKey);
    if (facts_.device_tree) {
      for (const auto& [node, reg] : facts_.device_tree->memory_regs) {
        text.Add(DeviceTreeSource(facts_), absl::StrCat(node, "/reg"),
                 absl::BytesToHexString(reg));
      }
    }
    AddMachineField(facts_, "Revision", text);
    return Finish(kMemoryHashKey, text);
  }

  CollectedKey Bios() const {
    KeyText text(kBiosHashKey);
    AddDmiFiles(facts_, DmiIdBiosFiles(), text);
    if (facts_.device_tree && !facts_.device_tree->compatible.empty()) {
      // Joined by spaces: the strings themselves hold commas.
      text.Add(DeviceTreeSource(facts_), "compatible",
               absl::StrJoin(facts_.device_tree->compatible, " "));
    }
    AddMachineField(facts_, "Hardware", text);
    return Finish(kBiosHashKey, text);
  }

  CollectedKey System() const {
    KeyText text(kSystemHashKey);
    AddDmiFiles(facts_, DmiIdSystemFiles(), text);
    if (facts_.device_tree) {
      if (facts_.device_tree->model) {
        text.Add(DeviceTreeSource(facts_), "model", *facts_.device_tree->model);
      }
      if (facts_.device_tree->serial_number) {
        text.Add(DeviceTreeSource(facts_), "serial-number",
                 *facts_.device_tree->serial_number);
      }
    }
    AddMachineField(facts_, "Model", text);
    AddMachineField(facts_, "Serial", text);
    return Finish(kSystemHashKey, text);
  }

 private:
  void AddIdentity(KeyText& text) const {
    if (identity_.text.empty()) return;
    // One line per CPU; the field list goes in the note once.
    text.AddLines({"cpuinfo", facts_.cpuinfo_path},
                  absl::StrJoin(identity_.fields, ", "), identity_.text);
  }

  CollectedKey Finish(const char* key, KeyText& text) const {
    const std::string why =
        facts_.why_not_smbios.empty()
            ? ""
            : absl::StrCat(" (", facts_.why_not_smbios, ")");
    if (!text.empty()) {
      return {Md5Base64(text.text()), absl::StrCat(text.Used(), why)};
    }
    if (identity_.text.empty()) {
      return {"", absl::StrCat("no source for ", key, ": ", facts_.cpuinfo_path,
                               "; ", facts_.device_tree_path, why)};
    }
    KeyText derived(key);
    AddIdentity(derived);
    return {Md5Base64(derived.text()),
            absl::StrCat("none of this key's own sources exists; derived from "
                         "the processor identity, ",
                         derived.Used(), why)};
  }

  const PlatformFacts& facts_;
  CpuIdentity identity_;
};

}  // namespace

const std::vector<const char*>& DmiIdBiosFiles() {
  static const auto* files = new std::vector<const char*>{
      "bios_vendor", "bios_version", "bios_date", "bios_release"};
  return *files;
}

const std::vector<const char*>& DmiIdSystemFiles() {
  static const auto* files = new std::vector<const char*>{
      "sys_vendor",     "product_name", "product_version", "product_family",
      "product_sku",    "board_vendor", "board_name",      "board_version",
      "chassis_vendor", "chassis_type", "chassis_version"};
  return *files;
}

FirmwareKeys PlatformFirmwareKeys(const PlatformFacts& facts) {
  const Builder builder(facts);
  return {builder.Processor(), builder.Memory(), builder.Bios(),
          builder.System()};
}

}  // namespace hwfp
