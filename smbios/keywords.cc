#include "smbios/keywords.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace hwfp::smbios {

const std::vector<Keyword>& Keywords() {
  static const auto* keywords = new std::vector<Keyword>{
      {"bios", {0, 13}},
      {"system", {1, 12, 15, 23, 32}},
      {"baseboard", {2, 10, 41}},
      {"chassis", {3}},
      {"processor", {4}},
      {"memory", {5, 6, 16, 17}},
      {"cache", {7}},
      {"connector", {8}},
      {"slot", {9}},
  };
  return *keywords;
}

std::optional<std::vector<uint8_t>> KeywordTypes(absl::string_view keyword) {
  for (const Keyword& k : Keywords()) {
    if (absl::EqualsIgnoreCase(keyword, k.name)) return k.types;
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<uint8_t>> ParseTypeSelection(
    absl::Span<const std::string> values) {
  std::vector<uint8_t> types;
  for (const std::string& value : values) {
    if (std::optional<std::vector<uint8_t>> k = KeywordTypes(value)) {
      types.insert(types.end(), k->begin(), k->end());
      continue;
    }
    int number = -1;
    const bool hex = absl::StartsWithIgnoreCase(value, "0x");
    const bool parsed =
        hex ? absl::SimpleHexAtoi(absl::string_view(value).substr(2), &number)
            : absl::SimpleAtoi(value, &number);
    if (!parsed || number < 0 || number > 255) {
      std::vector<std::string> names;
      for (const Keyword& k : Keywords()) names.push_back(k.name);
      return absl::InvalidArgumentError(absl::StrCat(
          "-t ", value, ": not a structure type (0..255) nor one of ",
          absl::StrJoin(names, ", ")));
    }
    types.push_back(static_cast<uint8_t>(number));
  }
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  return types;
}

}  // namespace hwfp::smbios
