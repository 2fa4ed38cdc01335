#include "smbios/records.h"

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "smbios/names.h"

namespace hwfp::smbios {

std::string SmbiosString::Display() const {
  switch (state) {
    case State::kAbsent:
      return "";
    case State::kNotSpecified:
      return "Not Specified";
    case State::kBadIndex:
      return "<BAD INDEX>";
    case State::kPresent:
      break;
  }
  std::string shown = value;
  for (char& c : shown) {
    if (c < 32 || c == 127) c = '.';
  }
  return shown;
}

SmbiosString ReadString(const Structure& s, size_t offset,
                        std::vector<Warning>* warnings) {
  SmbiosString result;
  const std::optional<uint8_t> index = s.Byte(offset);
  if (!index) return result;
  if (*index == 0) {
    result.state = SmbiosString::State::kNotSpecified;
    return result;
  }
  const std::optional<absl::string_view> text = s.String(*index);
  if (!text) {
    result.state = SmbiosString::State::kBadIndex;
    if (warnings != nullptr) {
      warnings->push_back(
          {WarningKind::kBadStringIndex, s.handle(), s.offset(),
           absl::StrFormat("structure 0x%04X (type %d) at offset 0x%X: "
                           "field 0x%02X names string %d, the string set "
                           "holds %d",
                           s.handle(), s.type(), s.offset(), offset, *index,
                           s.string_count())});
    }
    return result;
  }
  result.state = SmbiosString::State::kPresent;
  result.value = std::string(*text);
  return result;
}

std::optional<uint64_t> BiosInfo::RomSizeBytes() const {
  if (!rom_size) return std::nullopt;
  if (*rom_size != 0xFF) return (uint64_t{*rom_size} + 1) << 16;
  // Before 3.1, 0xFF simply meant 256 * 64K; from 3.1 on it means 16MB or
  // more, given by the extended field.
  if (!extended_rom_size) return uint64_t{16} << 20;
  // 7.1: bits 15:14 give the unit (00b MB, 01b GB), 13:0 the size.
  const uint64_t size = *extended_rom_size & 0x3FFF;
  switch (*extended_rom_size >> 14) {
    case 0:
      return size << 20;
    case 1:
      return size << 30;
    default:
      return std::nullopt;
  }
}

BiosInfo DecodeBios(const Structure& s, std::vector<Warning>* warnings) {
  BiosInfo b;
  b.vendor = ReadString(s, 0x04, warnings);
  b.version = ReadString(s, 0x05, warnings);
  b.starting_segment = s.Word(0x06);
  b.release_date = ReadString(s, 0x08, warnings);
  b.rom_size = s.Byte(0x09);
  b.characteristics = s.Qword(0x0A);
  b.bios_major = s.Byte(0x14);
  b.bios_minor = s.Byte(0x15);
  b.firmware_major = s.Byte(0x16);
  b.firmware_minor = s.Byte(0x17);
  b.extended_rom_size = s.Word(0x18);
  return b;
}

std::string FormatUuid(const std::array<uint8_t, 16>& p,
                       const Version& version) {
  bool all_ff = true;
  bool all_00 = true;
  for (uint8_t byte : p) {
    all_ff = all_ff && byte == 0xFF;
    all_00 = all_00 && byte == 0x00;
  }
  // 7.2.1: all 0xFF means the ID is not present, all 0x00 that it is not
  // set but could be.
  if (all_ff) return "Not Present";
  if (all_00) return "Not Settable";

  // 7.2.1: from 2.6 on the first three fields are little-endian, as
  // RFC 4122 wire format is not; older firmware stored them as written.
  const bool little = version.AtLeast(2, 6);
  const std::array<int, 16> order =
      little ? std::array<int, 16>{3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12,
                                   13, 14, 15}
             : std::array<int, 16>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                   13, 14, 15};
  std::string text;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
    absl::StrAppendFormat(&text, "%02x", p[order[i]]);
  }
  return text;
}

SystemInfo DecodeSystem(const Structure& s, const Version& version,
                        std::vector<Warning>* warnings) {
  SystemInfo info;
  info.manufacturer = ReadString(s, 0x04, warnings);
  info.product_name = ReadString(s, 0x05, warnings);
  info.version = ReadString(s, 0x06, warnings);
  info.serial_number = ReadString(s, 0x07, warnings);
  if (s.length() >= 0x18) {
    std::array<uint8_t, 16> bytes;
    for (int i = 0; i < 16; ++i) bytes[i] = *s.Byte(0x08 + i);
    info.uuid_bytes = bytes;
    info.uuid = FormatUuid(bytes, version);
  }
  info.wake_up_type = s.Byte(0x18);
  info.sku_number = ReadString(s, 0x19, warnings);
  info.family = ReadString(s, 0x1A, warnings);
  return info;
}

BaseboardInfo DecodeBaseboard(const Structure& s,
                              std::vector<Warning>* warnings) {
  BaseboardInfo b;
  b.manufacturer = ReadString(s, 0x04, warnings);
  b.product = ReadString(s, 0x05, warnings);
  b.version = ReadString(s, 0x06, warnings);
  b.serial_number = ReadString(s, 0x07, warnings);
  b.asset_tag = ReadString(s, 0x08, warnings);
  b.features = s.Byte(0x09);
  b.location_in_chassis = ReadString(s, 0x0A, warnings);
  b.chassis_handle = s.Word(0x0B);
  b.board_type = s.Byte(0x0D);
  const uint8_t count = s.Byte(0x0E).value_or(0);
  for (int i = 0; i < count; ++i) {
    const std::optional<uint16_t> handle = s.Word(0x0F + 2 * i);
    if (!handle) break;
    b.contained_handles.push_back(*handle);
  }
  return b;
}

ChassisInfo DecodeChassis(const Structure& s, std::vector<Warning>* warnings) {
  ChassisInfo c;
  c.manufacturer = ReadString(s, 0x04, warnings);
  if (const std::optional<uint8_t> type = s.Byte(0x05)) {
    c.type = *type & 0x7F;
    c.lock = (*type & 0x80) != 0;
  }
  c.version = ReadString(s, 0x06, warnings);
  c.serial_number = ReadString(s, 0x07, warnings);
  c.asset_tag = ReadString(s, 0x08, warnings);
  c.boot_up_state = s.Byte(0x09);
  c.power_supply_state = s.Byte(0x0A);
  c.thermal_state = s.Byte(0x0B);
  c.security_status = s.Byte(0x0C);
  c.oem_information = s.Dword(0x0D);
  c.height = s.Byte(0x11);
  c.power_cords = s.Byte(0x12);
  c.element_count = s.Byte(0x13);
  c.element_size = s.Byte(0x14);
  if (c.element_count && c.element_size) {
    // 7.4: the SKU string index follows the n * m bytes of elements.
    c.sku_number = ReadString(
        s, 0x15 + size_t{*c.element_count} * *c.element_size, warnings);
  }
  return c;
}

ProcessorInfo DecodeProcessor(const Structure& s,
                              std::vector<Warning>* warnings) {
  ProcessorInfo p;
  p.socket_designation = ReadString(s, 0x04, warnings);
  p.type = s.Byte(0x05);
  p.family = s.Byte(0x06);
  // 7.5.2: 0xFE sends the reader to Processor Family 2 (3.0, 28h).
  if (p.family == 0xFE && s.Word(0x28)) p.family = s.Word(0x28);
  p.manufacturer = ReadString(s, 0x07, warnings);
  p.id = s.Qword(0x08);
  p.version = ReadString(s, 0x10, warnings);
  p.voltage = s.Byte(0x11);
  p.external_clock_mhz = s.Word(0x12);
  p.max_speed_mhz = s.Word(0x14);
  p.current_speed_mhz = s.Word(0x16);
  p.status = s.Byte(0x18);
  p.upgrade = s.Byte(0x19);
  p.l1_cache_handle = s.Word(0x1A);
  p.l2_cache_handle = s.Word(0x1C);
  p.l3_cache_handle = s.Word(0x1E);
  p.serial_number = ReadString(s, 0x20, warnings);
  p.asset_tag = ReadString(s, 0x21, warnings);
  p.part_number = ReadString(s, 0x22, warnings);

  // 7.5.6-7.5.8: 0xFF in a byte count means "read the 3.0 word field".
  auto count = [&s](size_t byte_at, size_t word_at) {
    std::optional<uint16_t> value;
    if (const std::optional<uint8_t> byte = s.Byte(byte_at)) {
      value = *byte;
      if (*byte == 0xFF && s.Word(word_at)) value = s.Word(word_at);
    }
    return value;
  };
  p.core_count = count(0x23, 0x2A);
  p.core_enabled = count(0x24, 0x2C);
  p.thread_count = count(0x25, 0x2E);
  p.characteristics = s.Word(0x26);
  p.thread_enabled = s.Word(0x30);
  return p;
}

namespace {

bool InRanges(uint16_t code,
              std::initializer_list<std::pair<uint16_t, uint16_t>> ranges) {
  for (const auto& [low, high] : ranges) {
    if (code >= low && code <= high) return true;
  }
  return false;
}

}  // namespace

std::string ProcessorInfo::Signature() const {
  if (!id || !family) return "";
  const uint32_t eax = static_cast<uint32_t>(*id & 0xFFFFFFFF);
  const uint16_t f = *family;

  // Families whose ID holds Intel-style CPUID leaf 1 (7.5.3.1).
  if (InRanges(f, {{0x0B, 0x15}, {0x28, 0x2F}, {0xA1, 0xB3}, {0xB5, 0xB5},
                   {0xB9, 0xC7}, {0xCD, 0xCF}, {0xD2, 0xDB}, {0xDD, 0xE0}})) {
    return absl::StrFormat("Type %d, Family %d, Model %d, Stepping %d",
                           (eax >> 12) & 0x3,
                           ((eax >> 20) & 0xFF) + ((eax >> 8) & 0x0F),
                           ((eax >> 12) & 0xF0) + ((eax >> 4) & 0x0F),
                           eax & 0xF);
  }
  // AMD families: the extended fields count only for base family 0xF.
  if (InRanges(f, {{0x18, 0x1D}, {0x1F, 0x1F}, {0x38, 0x3F}, {0x46, 0x4F},
                   {0x66, 0x6B}, {0x83, 0x8F}, {0xB6, 0xB7},
                   {0xE4, 0xEF}})) {
    const uint32_t base = (eax >> 8) & 0xF;
    const bool extended = base == 0xF;
    return absl::StrFormat(
        "Family %d, Model %d, Stepping %d",
        base + (extended ? (eax >> 20) & 0xFF : 0),
        ((eax >> 4) & 0xF) | (extended ? (eax >> 12) & 0xF0 : 0), eax & 0xF);
  }
  return "";
}

std::string ProcessorInfo::FamilyName() const {
  if (!family) return "";
  // 7.5.2 note: 0xBE was given to both Intel Core 2 and AMD K7.
  if (*family == 0xBE) {
    if (absl::StrContains(manufacturer.value, "Intel")) return "Core 2";
    if (absl::StrContains(manufacturer.value, "AMD")) return "K7";
    return "Core 2 or K7";
  }
  return ProcessorFamilyName(*family);
}

BiosLanguage DecodeBiosLanguage(const Structure& s,
                                std::vector<Warning>* warnings) {
  BiosLanguage l;
  l.installable_count = s.Byte(0x04);
  l.flags = s.Byte(0x05);
  for (int i = 1; i <= l.installable_count.value_or(0); ++i) {
    SmbiosString language;
    if (const std::optional<absl::string_view> text =
            s.String(static_cast<uint8_t>(i))) {
      language.state = SmbiosString::State::kPresent;
      language.value = std::string(*text);
    } else {
      language.state = SmbiosString::State::kBadIndex;
      if (warnings != nullptr) {
        warnings->push_back(
            {WarningKind::kBadStringIndex, s.handle(), s.offset(),
             absl::StrFormat("structure 0x%04X (type 13) at offset 0x%X "
                             "announces %d languages, the string set holds "
                             "%d",
                             s.handle(), s.offset(), *l.installable_count,
                             s.string_count())});
      }
    }
    l.languages.push_back(std::move(language));
  }
  l.current = ReadString(s, 0x15, warnings);
  return l;
}

std::optional<uint64_t> MemoryArray::MaximumCapacityBytes() const {
  if (!maximum_capacity_kb) return std::nullopt;
  if (*maximum_capacity_kb != 0x80000000) {
    return uint64_t{*maximum_capacity_kb} << 10;
  }
  return extended_maximum_capacity;
}

MemoryArray DecodeMemoryArray(const Structure& s) {
  MemoryArray a;
  a.location = s.Byte(0x04);
  a.use = s.Byte(0x05);
  a.error_correction = s.Byte(0x06);
  a.maximum_capacity_kb = s.Dword(0x07);
  a.error_information_handle = s.Word(0x0B);
  a.device_count = s.Word(0x0D);
  a.extended_maximum_capacity = s.Qword(0x0F);
  return a;
}

std::optional<uint64_t> MemoryDevice::SizeBytes() const {
  if (!size || *size == 0xFFFF) return std::nullopt;
  // 7.18.4: 0x7FFF sends the reader to Extended Size, in MB.
  if (*size == 0x7FFF && extended_size) {
    return uint64_t{*extended_size & 0x7FFFFFFF} << 20;
  }
  if (*size & 0x8000) return uint64_t{*size & 0x7FFFu} << 10;
  return uint64_t{*size} << 20;
}

MemoryDevice DecodeMemoryDevice(const Structure& s,
                                std::vector<Warning>* warnings) {
  MemoryDevice d;
  d.array_handle = s.Word(0x04);
  d.error_information_handle = s.Word(0x06);
  d.total_width = s.Word(0x08);
  d.data_width = s.Word(0x0A);
  d.size = s.Word(0x0C);
  d.form_factor = s.Byte(0x0E);
  d.device_set = s.Byte(0x0F);
  d.device_locator = ReadString(s, 0x10, warnings);
  d.bank_locator = ReadString(s, 0x11, warnings);
  d.memory_type = s.Byte(0x12);
  d.type_detail = s.Word(0x13);
  d.speed = s.Word(0x15);
  d.manufacturer = ReadString(s, 0x17, warnings);
  d.serial_number = ReadString(s, 0x18, warnings);
  d.asset_tag = ReadString(s, 0x19, warnings);
  d.part_number = ReadString(s, 0x1A, warnings);
  d.attributes = s.Byte(0x1B);
  d.extended_size = s.Dword(0x1C);
  d.configured_speed = s.Word(0x20);
  d.minimum_voltage = s.Word(0x22);
  d.maximum_voltage = s.Word(0x24);
  d.configured_voltage = s.Word(0x26);
  d.extended_speed = s.Dword(0x54);
  d.extended_configured_speed = s.Dword(0x58);
  return d;
}

}  // namespace hwfp::smbios
