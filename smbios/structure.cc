#include "smbios/structure.h"

#include <cstring>

#include "smbios/little_endian.h"

namespace hwfp::smbios {

Structure::Structure(absl::string_view raw, uint8_t length, size_t offset)
    : raw_(raw),
      offset_(offset),
      length_(length) {}

uint16_t Structure::handle() const { return internal::Load16(&raw_[2]); }

absl::string_view Structure::string_set() const {
  // After a fix-up the string set starts at the fixed length, as it does
  // for dmidecode; the bytes in between belong to the first string.
  return raw_.substr(length_);
}

std::optional<uint8_t> Structure::Byte(size_t offset) const {
  if (offset >= length_) return std::nullopt;
  return static_cast<uint8_t>(raw_[offset]);
}

std::optional<uint16_t> Structure::Word(size_t offset) const {
  if (offset + 2 > length_) return std::nullopt;
  return internal::Load16(raw_.data() + offset);
}

std::optional<uint32_t> Structure::Dword(size_t offset) const {
  if (offset + 4 > length_) return std::nullopt;
  return internal::Load32(raw_.data() + offset);
}

std::optional<uint64_t> Structure::Qword(size_t offset) const {
  if (offset + 8 > length_) return std::nullopt;
  return internal::Load64(raw_.data() + offset);
}

std::optional<absl::string_view> Structure::String(uint8_t index) const {
  if (index == 0) return std::nullopt;

  // The set always ends in NUL NUL (the walk guarantees it), so every
  // strnlen below stops inside raw_.
  absl::string_view rest = string_set();
  for (uint8_t i = 1;; ++i) {
    const size_t size = strnlen(rest.data(), rest.size());
    if (size == 0 || size == rest.size()) return std::nullopt;
    if (i == index) return rest.substr(0, size);
    rest.remove_prefix(size + 1);
  }
}

int Structure::string_count() const {
  int count = 0;
  absl::string_view rest = string_set();
  while (true) {
    const size_t size = strnlen(rest.data(), rest.size());
    if (size == 0 || size == rest.size()) return count;
    ++count;
    rest.remove_prefix(size + 1);
  }
}

}  // namespace hwfp::smbios
