#include "collectors/system_uuid.h"

#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace hwfp {
namespace {

constexpr uint8_t kSystemInformation = 1;
constexpr size_t kUuidOffset = 0x08;
constexpr size_t kUuidSize = 16;

bool AllBytesAre(absl::string_view bytes, uint8_t value) {
  for (const char byte : bytes) {
    if (static_cast<uint8_t>(byte) != value) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> FormatSystemUuid(absl::string_view bytes) {
  if (bytes.size() != kUuidSize) return std::nullopt;
  auto at = [&](size_t i) { return static_cast<uint8_t>(bytes[i]); };

  // time_low, time_mid and time_hi_and_version little-endian (SMBIOS
  // 7.2.1), clock sequence and node in stored order.
  return absl::StrFormat(
      "%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-"
      "%02X%02X%02X%02X%02X%02X",
      at(3), at(2), at(1), at(0), at(5), at(4), at(7), at(6), at(8), at(9),
      at(10), at(11), at(12), at(13), at(14), at(15));
}

CollectedKey CollectSystemUuid(const smbios::Table& table) {
  const std::vector<const smbios::Structure*> systems =
      table.OfType(kSystemInformation);
  const std::string from = absl::StrCat("SMBIOS type 1 from ", table.source());
  if (systems.empty()) {
    return {"", absl::StrCat(table.source(),
                             " has no System Information structure (type 1)")};
  }

  const absl::string_view formatted = systems.front()->formatted();
  if (formatted.size() < kUuidOffset + kUuidSize) {
    return {"", absl::StrCat(from, " is ", formatted.size(),
                             " bytes long, too short to hold a UUID "
                             "(SMBIOS 2.0)")};
  }
  const absl::string_view bytes = formatted.substr(kUuidOffset, kUuidSize);
  if (AllBytesAre(bytes, 0xFF)) {
    return {"", absl::StrCat(from, ": UUID not present (all FFh)")};
  }
  if (AllBytesAre(bytes, 0x00)) {
    return {"", absl::StrCat(from, ": UUID not set (all 00h)")};
  }
  return {*FormatSystemUuid(bytes), from};
}

}  // namespace hwfp
