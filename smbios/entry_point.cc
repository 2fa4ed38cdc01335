#include "smbios/entry_point.h"

#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "smbios/little_endian.h"

namespace hwfp::smbios {
namespace {

using internal::Load16;
using internal::Load32;
using internal::Load64;

// Every entry point layout sums to 0 modulo 256 over its announced length.
uint8_t ByteSum(absl::string_view bytes) {
  uint8_t sum = 0;
  for (char c : bytes) sum = static_cast<uint8_t>(sum + c);
  return sum;
}

uint8_t At(absl::string_view bytes, size_t offset) {
  return static_cast<uint8_t>(bytes[offset]);
}

absl::Status Broken(absl::string_view file, absl::string_view problem) {
  return absl::DataLossError(
      absl::StrCat(file, ": SMBIOS entry point is broken: ", problem));
}

absl::Status CheckSum(absl::string_view bytes, absl::string_view file,
                      absl::string_view what) {
  const uint8_t sum = ByteSum(bytes);
  if (sum == 0) return absl::OkStatus();
  return Broken(file, absl::StrFormat("%s checksum fails (bytes sum to "
                                      "0x%02X, not 0)",
                                      what, sum));
}

// _SM3_, spec 5.2.2: anchor(5) checksum(1) length(1) major minor docrev
// revision reserved, max table size (dword at 0x0C), address (qword 0x10).
absl::StatusOr<EntryPoint> ParseSmbios3(absl::string_view bytes,
                                        absl::string_view file) {
  if (bytes.size() < 0x18) {
    return Broken(file, absl::StrFormat("_SM3_ needs 24 bytes, got %d",
                                        bytes.size()));
  }
  const uint8_t length = At(bytes, 0x06);
  if (length < 0x18 || length > 0x20 || length > bytes.size()) {
    return Broken(file, absl::StrFormat("_SM3_ announces length %d "
                                        "(24..32 expected, %d available)",
                                        length, bytes.size()));
  }
  absl::Status sum = CheckSum(bytes.substr(0, length), file, "_SM3_");
  if (!sum.ok()) return sum;

  EntryPoint entry;
  entry.kind = EntryPointKind::kSmbios3;
  entry.version = {At(bytes, 0x07), At(bytes, 0x08), At(bytes, 0x09), true};
  entry.table_length = Load32(bytes.data() + 0x0C);
  entry.table_address = Load64(bytes.data() + 0x10);
  entry.bytes = std::string(bytes.substr(0, length));
  return entry;
}

// _DMI_ intermediate anchor, spec 5.2.1 offsets 0x10..0x1E (or a legacy
// entry point on its own): anchor(5) checksum, table length (word),
// address (dword), count (word), BCD revision.
void ReadDmiAnchor(absl::string_view dmi, EntryPoint& entry) {
  entry.table_length = Load16(dmi.data() + 0x06);
  entry.table_address = Load32(dmi.data() + 0x08);
  entry.structure_count = Load16(dmi.data() + 0x0C);
}

// dmidecode's fix-ups for versions firmware commonly got wrong.
void FixUpVersion(EntryPoint& entry) {
  Version& v = entry.version;
  const int announced_minor = v.minor;
  if (v.major != 2) return;
  if (v.minor == 0x1F || v.minor == 0x21) {
    v.minor = 3;
  } else if (v.minor == 0x33) {
    v.minor = 6;
  } else {
    return;
  }
  entry.warnings.push_back(
      {WarningKind::kEntryPointFixup, std::nullopt, 0x06,
       absl::StrFormat("SMBIOS version 2.%d is not a real version; read as "
                       "2.%d (dmidecode's fix-up)",
                       announced_minor, v.minor)});
}

absl::StatusOr<EntryPoint> ParseSmbios2(absl::string_view bytes,
                                        absl::string_view file) {
  if (bytes.size() < 0x1F) {
    return Broken(file, absl::StrFormat("_SM_ needs 31 bytes, got %d",
                                        bytes.size()));
  }
  EntryPoint entry;
  uint8_t length = At(bytes, 0x05);

  // SMBIOS 2.1 firmware often announced 0x1E although the layout is 0x1F.
  if (length == 0x1E && At(bytes, 0x06) == 2 && At(bytes, 0x07) == 1) {
    length = 0x1F;
    entry.warnings.push_back(
        {WarningKind::kEntryPointFixup, std::nullopt, 0x05,
         "_SM_ announces length 0x1E; read as 0x1F (SMBIOS 2.1 firmware "
         "commonly got this wrong)"});
  }
  if (length < 0x1F || length > 0x20 || length > bytes.size()) {
    return Broken(file, absl::StrFormat("_SM_ announces length %d "
                                        "(31..32 expected, %d available)",
                                        length, bytes.size()));
  }
  absl::Status sum = CheckSum(bytes.substr(0, length), file, "_SM_");
  if (!sum.ok()) return sum;
  const absl::string_view dmi = bytes.substr(0x10, 0x0F);
  if (dmi.substr(0, 5) != "_DMI_") {
    return Broken(file, "_SM_ lacks its _DMI_ intermediate anchor at 0x10");
  }
  sum = CheckSum(dmi, file, "_DMI_ intermediate");
  if (!sum.ok()) return sum;

  entry.kind = EntryPointKind::kSmbios2;
  entry.version = {At(bytes, 0x06), At(bytes, 0x07), 0, false};
  ReadDmiAnchor(dmi, entry);
  entry.bytes = std::string(bytes.substr(0, length));
  FixUpVersion(entry);
  return entry;
}

absl::StatusOr<EntryPoint> ParseLegacy(absl::string_view bytes,
                                       absl::string_view file) {
  if (bytes.size() < 0x0F) {
    return Broken(file, absl::StrFormat("_DMI_ needs 15 bytes, got %d",
                                        bytes.size()));
  }
  const absl::string_view dmi = bytes.substr(0, 0x0F);
  absl::Status sum = CheckSum(dmi, file, "_DMI_");
  if (!sum.ok()) return sum;

  EntryPoint entry;
  entry.kind = EntryPointKind::kLegacyDmi;
  const uint8_t bcd = At(bytes, 0x0E);
  entry.version = {bcd >> 4, bcd & 0x0F, 0, false};
  ReadDmiAnchor(dmi, entry);
  entry.bytes = std::string(dmi);
  return entry;
}

}  // namespace

std::string Version::ToString() const {
  if (has_docrev) return absl::StrCat(major, ".", minor, ".", docrev);
  return absl::StrCat(major, ".", minor);
}

absl::StatusOr<EntryPoint> ParseEntryPoint(absl::string_view bytes,
                                           absl::string_view file) {
  if (bytes.substr(0, 5) == "_SM3_") return ParseSmbios3(bytes, file);
  if (bytes.substr(0, 4) == "_SM_") return ParseSmbios2(bytes, file);
  if (bytes.substr(0, 5) == "_DMI_") return ParseLegacy(bytes, file);
  if (bytes.empty()) return Broken(file, "it is empty");
  return Broken(file, "no _SM3_, _SM_ or _DMI_ anchor at its start");
}

std::string DescribeVersion(const EntryPoint& entry) {
  if (entry.kind == EntryPointKind::kLegacyDmi) {
    return absl::StrCat("Legacy DMI ", entry.version.ToString());
  }
  return absl::StrCat("SMBIOS ", entry.version.ToString());
}

}  // namespace hwfp::smbios
