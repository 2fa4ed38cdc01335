// dmidecode's type keywords (`dmidecode -t memory`) as lists of structure
// types, so the CLI accepts the words operators know and hashing can name
// its groups the same way.

#ifndef HWFP_SMBIOS_KEYWORDS_H_
#define HWFP_SMBIOS_KEYWORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace hwfp::smbios {

struct Keyword {
  const char* name;
  std::vector<uint8_t> types;
};

// bios 0 13; system 1 12 15 23 32; baseboard 2 10 41; chassis 3;
// processor 4; memory 5 6 16 17; cache 7; connector 8; slot 9.
const std::vector<Keyword>& Keywords();

// Returns the types of `keyword` (case-insensitive), or nullopt when it is
// not one of Keywords().
std::optional<std::vector<uint8_t>> KeywordTypes(absl::string_view keyword);

// Returns the sorted, de-duplicated types selected by `values`, each a
// keyword or a type number (decimal or 0x-hex, 0..255):
//
//   ParseTypeSelection({"bios", "4"}) -> {0, 4, 13}
//
// Fails with InvalidArgumentError naming the first value that is neither.
absl::StatusOr<std::vector<uint8_t>> ParseTypeSelection(
    absl::Span<const std::string> values);

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_KEYWORDS_H_
