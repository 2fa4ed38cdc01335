#include "fingerprint/uuid.h"

namespace hwfp {

std::string FormatUuidV4(std::array<uint8_t, 16> random) {
  // RFC 4122 section 4.4: version 4 in the high nibble of byte 6, variant
  // 10xx in the high bits of byte 8.
  random[6] = static_cast<uint8_t>((random[6] & 0x0f) | 0x40);
  random[8] = static_cast<uint8_t>((random[8] & 0x3f) | 0x80);

  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (size_t i = 0; i < random.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
    text.push_back(kHex[random[i] >> 4]);
    text.push_back(kHex[random[i] & 0x0f]);
  }
  return text;
}

absl::StatusOr<std::string> NewUuidV4() {
  std::array<uint8_t, 16> random;
  if (absl::Status filled = FillSecureRandom(absl::MakeSpan(random));
      !filled.ok()) {
    return filled;
  }
  return FormatUuidV4(random);
}

}  // namespace hwfp
