// Structures described the way dmidecode prints them: a title and a list
// of "Name: value" fields (some with indented items). The CLI prints these
// as text or JSON, and tests compare them with dmidecode's own output.
// Types with a typed decoder (0, 1, 2, 3, 4, 13, 16, 17) are described
// field by field; every other type as its header and data bytes and its
// strings, as `dmidecode -u` shows them.

#ifndef HWFP_SMBIOS_DESCRIBE_H_
#define HWFP_SMBIOS_DESCRIBE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "smbios/entry_point.h"
#include "smbios/structure.h"
#include "smbios/warning.h"

namespace hwfp::smbios {

struct Field {
  std::string name;
  std::string value;               // May be empty for a list heading.
  std::vector<std::string> items;  // Indented lines under the field.
};

struct Description {
  std::string title;  // "Processor Information".
  std::vector<Field> fields;
};

// Returns `s` described as dmidecode 3.4 would, with the same field names,
// value formats and length checks. String faults are added to `warnings`
// when it is not null.
Description Describe(const Structure& s, const Version& version,
                     std::vector<Warning>* warnings);

// Returns true when Describe decodes type `type` field by field.
bool IsDecodedType(uint8_t type);

// Returns a size of `value` units of 1024^shift bytes in the largest unit
// that keeps it whole within 1024 ("16 MB", "1536 MB", "3 TB"), as
// dmidecode prints memory and ROM sizes.
std::string FormatSize(uint64_t value, int shift);

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_DESCRIBE_H_
