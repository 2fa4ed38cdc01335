// Little-endian loads from unaligned bytes, as SMBIOS stores every number.
// Internal to smbios/: callers check bounds first.

#ifndef HWFP_SMBIOS_LITTLE_ENDIAN_H_
#define HWFP_SMBIOS_LITTLE_ENDIAN_H_

#include <cstdint>

namespace hwfp::smbios::internal {

inline uint16_t Load16(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return static_cast<uint16_t>(u[0] | (u[1] << 8));
}

inline uint32_t Load32(const char* p) {
  return Load16(p) | (static_cast<uint32_t>(Load16(p + 2)) << 16);
}

inline uint64_t Load64(const char* p) {
  return Load32(p) | (static_cast<uint64_t>(Load32(p + 4)) << 32);
}

inline void Store16(char* p, uint16_t v) {
  p[0] = static_cast<char>(v & 0xFF);
  p[1] = static_cast<char>(v >> 8);
}

inline void Store32(char* p, uint32_t v) {
  Store16(p, static_cast<uint16_t>(v & 0xFFFF));
  Store16(p + 2, static_cast<uint16_t>(v >> 16));
}

inline void Store64(char* p, uint64_t v) {
  Store32(p, static_cast<uint32_t>(v & 0xFFFFFFFF));
  Store32(p + 4, static_cast<uint32_t>(v >> 32));
}

}  // namespace hwfp::smbios::internal

#endif  // HWFP_SMBIOS_LITTLE_ENDIAN_H_
