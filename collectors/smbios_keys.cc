#include "collectors/smbios_keys.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "collectors/digest.h"

namespace hwfp {
namespace {

// A run of formatted-area bytes firmware rewrites at run time or on every
// boot; hashing them would change a key without any hardware change.
struct MaskedField {
  uint8_t type;
  uint8_t offset;
  // Bytes to zero; 0 means "to the end of the formatted area".
  uint8_t size;
  // Only mask when the field's first byte has this bit set (0: always).
  uint8_t only_if_bit;
};

// Offsets and sections from DSP0134 3.0.0.
constexpr MaskedField kMaskedFields[] = {
    // 7.2.2 System Wake-up Type: the event that powered this boot on
    // (power switch, LAN, AC restored...).
    {1, 0x18, 1, 0},
    // 7.5 Processor Current Speed: "the processor's speed at system
    // boot", which power settings and turbo state change from boot to
    // boot.
    {4, 0x16, 2, 0},
    // 7.5.4 Processor Voltage with bit 7 set: the current voltage, which
    // varies with the boot-time operating point. With bit 7 clear the
    // byte lists the socket's supported voltages and is kept.
    {4, 0x11, 1, 0x80},
    // 7.7 Memory Module Error Status: set when errors were received,
    // cleared on reset or power-on.
    {6, 0x0B, 1, 0},
    // 7.16 System Event Log, Log Status (0Bh) and Log Change Token
    // (0Ch, DWORD): reassigned whenever the log changes.
    {15, 0x0B, 1, 0},
    {15, 0x0C, 4, 0},
    // 7.24 System Reset, Reset Count: automatic resets since the last
    // intentional one.
    {23, 0x05, 2, 0},
    // 7.33.1 System Boot Information, Boot Status (0Ah to the end): the
    // outcome of this boot.
    {32, 0x0A, 0, 0},
};

std::string Plural(size_t count, absl::string_view word) {
  return absl::StrCat(count, " ", word, count == 1 ? "" : "s");
}

}  // namespace

const std::vector<SmbiosKeyGroup>& SmbiosKeyGroups() {
  static const auto* groups = new std::vector<SmbiosKeyGroup>{
      {kProcessorHashKey, {4}},
      {kMemoryHashKey, {5, 6, 16, 17}},
      {kBiosHashKey, {0, 13}},
      {kSystemHashKey, {1, 12, 15, 23, 32}},
  };
  return *groups;
}

std::string MaskedStructureBytes(const smbios::Structure& structure) {
  std::string bytes(structure.raw());
  const size_t formatted = structure.length();
  for (const MaskedField& field : kMaskedFields) {
    if (field.type != structure.type() || field.offset >= formatted) {
      continue;
    }
    if (field.only_if_bit != 0 &&
        (static_cast<uint8_t>(bytes[field.offset]) & field.only_if_bit) ==
            0) {
      continue;
    }
    const size_t end = field.size == 0
                           ? formatted
                           : std::min<size_t>(formatted,
                                              field.offset + field.size);
    std::fill(bytes.begin() + field.offset, bytes.begin() + end, '\0');
  }
  return bytes;
}

HardwareHash SmbiosKeys(const smbios::Table& table) {
  HardwareHash keys;
  const std::string version = DescribeVersion(table.entry_point());

  for (const SmbiosKeyGroup& group : SmbiosKeyGroups()) {
    std::string bytes;
    std::map<uint8_t, size_t> found;  // type -> structures hashed.
    for (const smbios::Structure& s : table.structures()) {
      if (std::find(group.types.begin(), group.types.end(), s.type()) ==
          group.types.end()) {
        continue;
      }
      bytes += MaskedStructureBytes(s);
      ++found[s.type()];
    }

    if (found.empty()) {
      keys.values[group.key] = "";
      keys.sources[group.key] = absl::StrCat(
          version, " table from ", table.source(), " has no structure of ",
          group.types.size() == 1 ? "type " : "types ",
          absl::StrJoin(group.types, ", "));
      continue;
    }
    std::vector<std::string> parts;
    size_t total = 0;
    for (const auto& [type, count] : found) {
      parts.push_back(absl::StrCat(count, " of type ", type));
      total += count;
    }
    keys.values[group.key] = Md5Base64(bytes);
    keys.sources[group.key] =
        absl::StrCat(version, ", ", Plural(total, "structure"), " (",
                     absl::StrJoin(parts, ", "), ") from ", table.source());
  }
  return keys;
}

}  // namespace hwfp
