// One SMBIOS structure (spec section 6.1): a formatted area that starts
// with a 4-byte header (type, length, handle) and the string set after it,
// ended by two NUL bytes. A Structure is a view into its Table's bytes and
// is valid as long as any copy of that Table lives.
//
// Every accessor checks bounds against the formatted area and returns
// nullopt for a field the structure is too short to hold, so decoders read
// old, short or broken structures without ever reading past them.

#ifndef HWFP_SMBIOS_STRUCTURE_H_
#define HWFP_SMBIOS_STRUCTURE_H_

#include <cstddef>
#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"

namespace hwfp::smbios {

class Structure {
 public:
  // `raw` is the whole structure as stored in the table (formatted area as
  // announced, string set, double NUL); `length` is the formatted length to
  // read with, after any fix-up (at least 4, at most the announced one);
  // `offset` is where `raw` starts in the table.
  Structure(absl::string_view raw, uint8_t length, size_t offset);

  uint8_t type() const { return static_cast<uint8_t>(raw_[0]); }
  // Length of the formatted area, header included (after fix-ups).
  uint8_t length() const { return length_; }
  uint16_t handle() const;
  // Offset of the structure's first byte in the table.
  size_t offset() const { return offset_; }

  // The formatted area, header included: `length()` bytes.
  absl::string_view formatted() const { return raw_.substr(0, length_); }
  // The string set with its terminating double NUL ("\0\0" when there are
  // no strings). It starts at `length()`, so after a fix-up it takes in the
  // formatted bytes past the fixed length, as dmidecode reads it.
  absl::string_view string_set() const;
  // The structure exactly as stored: formatted area as announced, string
  // set and double NUL. Hashes of firmware identity are taken over these.
  absl::string_view raw() const { return raw_; }

  // Fields of the formatted area at `offset` (from the structure's start,
  // as the spec gives them); nullopt when the field does not fit.
  std::optional<uint8_t> Byte(size_t offset) const;
  std::optional<uint16_t> Word(size_t offset) const;
  std::optional<uint32_t> Dword(size_t offset) const;
  std::optional<uint64_t> Qword(size_t offset) const;

  // Returns string `index` (1-based) of the string set; nullopt for index 0
  // ("not specified") or an index past the set (dmidecode's "<BAD INDEX>").
  // An empty string ends the set, as it does for dmidecode.
  std::optional<absl::string_view> String(uint8_t index) const;
  // Number of strings in the string set.
  int string_count() const;

 private:
  absl::string_view raw_;
  size_t offset_;
  uint8_t length_;
};

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_STRUCTURE_H_
