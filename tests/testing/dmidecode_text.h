// Reads what `dmidecode` prints (the fixtures' dmidecode.txt) into records,
// so tests compare decoded fields with dmidecode's own output instead of
// hand-copied values.

#ifndef HWFP_TESTS_TESTING_DMIDECODE_TEXT_H_
#define HWFP_TESTS_TESTING_DMIDECODE_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace hwfp::testing {

// One "\tKey: value" line and the "\t\titem" lines under it.
struct DmidecodeField {
  std::string key;
  std::string value;  // Empty for "Key:" lines that only head a list.
  std::vector<std::string> items;
};

// One "Handle 0x0000, DMI type 0, 26 bytes" block.
struct DmidecodeRecord {
  uint16_t handle = 0;
  int type = 0;
  int length = 0;
  std::string title;  // "BIOS Information".
  std::vector<DmidecodeField> fields;

  // Returns the field named `key`, or nullptr.
  const DmidecodeField* Find(absl::string_view key) const;
  // Returns the value of `key`, or nullopt when dmidecode did not print it.
  std::optional<std::string> Value(absl::string_view key) const;
};

struct DmidecodeText {
  std::string version_line;  // "SMBIOS 3.3.0 present."
  std::vector<DmidecodeRecord> records;
  // Lines outside records that are not the header: dmidecode's warnings
  // ("Invalid entry length (0). DMI table is broken! Stop.").
  std::vector<std::string> messages;

  // Returns the records of `type`, in order.
  std::vector<const DmidecodeRecord*> OfType(int type) const;
};

DmidecodeText ParseDmidecodeText(absl::string_view text);

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_DMIDECODE_TEXT_H_
