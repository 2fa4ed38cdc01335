#include "smbios/describe.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "smbios/names.h"
#include "smbios/records.h"

namespace hwfp::smbios {
namespace {

// Collects fields in order; each Add is one line of dmidecode's output.
class Fields {
 public:
  void Add(std::string name, std::string value,
           std::vector<std::string> items = {}) {
    fields_.push_back({std::move(name), std::move(value), std::move(items)});
  }
  void AddString(std::string name, const SmbiosString& text) {
    Add(std::move(name), text.Display());
  }
  std::vector<Field> Take() { return std::move(fields_); }

 private:
  std::vector<Field> fields_;
};

std::string Hex16(uint16_t value) { return absl::StrFormat("0x%04X", value); }

std::string Mhz(uint16_t value) {
  return value == 0 ? "Unknown" : absl::StrCat(value, " MHz");
}

std::string ErrorHandle(uint16_t handle) {
  if (handle == 0xFFFE) return "Not Provided";
  if (handle == 0xFFFF) return "No Error";
  return Hex16(handle);
}

std::string Width(uint16_t bits) {
  return bits == 0 || bits == 0xFFFF ? "Unknown" : absl::StrCat(bits, " bits");
}

std::string Speed(uint16_t speed, uint32_t extended) {
  if (speed == 0) return "Unknown";
  if (speed == 0xFFFF && extended != 0) return absl::StrCat(extended, " MT/s");
  return absl::StrCat(speed, " MT/s");
}

std::string Millivolts(uint16_t mv) {
  if (mv == 0) return "Unknown";
  if (mv % 100 != 0) return absl::StrFormat("%g V", mv / 1000.0);
  return absl::StrFormat("%.1f V", mv / 1000.0);
}

void DescribeBios(const Structure& s, std::vector<Warning>* w, Fields& f) {
  if (s.length() < 0x12) return;
  const BiosInfo b = DecodeBios(s, w);
  f.AddString("Vendor", b.vendor);
  f.AddString("Version", b.version);
  f.AddString("Release Date", b.release_date);
  if (*b.starting_segment != 0) {
    f.Add("Address", absl::StrFormat("0x%04X0", *b.starting_segment));
    const uint32_t runtime = (0x10000u - *b.starting_segment) << 4;
    f.Add("Runtime Size", runtime & 0x3FF
                              ? absl::StrCat(runtime, " bytes")
                              : absl::StrCat(runtime >> 10, " kB"));
  }
  // dmidecode reads the 3.1 extended size only when the structure holds
  // it; RomSizeBytes falls back to 16 MB the same way.
  if (*b.rom_size != 0xFF || b.extended_rom_size) {
    if (const std::optional<uint64_t> rom = b.RomSizeBytes()) {
      f.Add("ROM Size", FormatSize(*rom, 0));
    } else {
      f.Add("ROM Size", kOutOfSpec);
    }
  } else {
    f.Add("ROM Size", "16 MB");
  }
  if (s.length() < 0x18) return;
  if (*b.bios_major != 0xFF && *b.bios_minor != 0xFF) {
    f.Add("BIOS Revision", absl::StrCat(*b.bios_major, ".", *b.bios_minor));
  }
  if (*b.firmware_major != 0xFF && *b.firmware_minor != 0xFF) {
    f.Add("Firmware Revision",
          absl::StrCat(*b.firmware_major, ".", *b.firmware_minor));
  }
}

void DescribeSystem(const Structure& s, const Version& v,
                    std::vector<Warning>* w, Fields& f) {
  if (s.length() < 0x08) return;
  const SystemInfo info = DecodeSystem(s, v, w);
  f.AddString("Manufacturer", info.manufacturer);
  f.AddString("Product Name", info.product_name);
  f.AddString("Version", info.version);
  f.AddString("Serial Number", info.serial_number);
  if (s.length() < 0x19) return;
  f.Add("UUID", info.uuid);
  f.Add("Wake-up Type", WakeUpTypeName(*info.wake_up_type));
  if (s.length() < 0x1B) return;
  f.AddString("SKU Number", info.sku_number);
  f.AddString("Family", info.family);
}

void DescribeBaseboard(const Structure& s, std::vector<Warning>* w,
                       Fields& f) {
  if (s.length() < 0x08) return;
  const BaseboardInfo b = DecodeBaseboard(s, w);
  f.AddString("Manufacturer", b.manufacturer);
  f.AddString("Product Name", b.product);
  f.AddString("Version", b.version);
  f.AddString("Serial Number", b.serial_number);
  if (s.length() < 0x09) return;
  f.AddString("Asset Tag", b.asset_tag);
  if (s.length() < 0x0A) return;
  static const char* const kFeatures[] = {
      "Board is a hosting board", "Board requires at least one daughter board",
      "Board is removable", "Board is replaceable", "Board is hot swappable"};
  std::vector<std::string> features;
  for (int bit = 0; bit < 5; ++bit) {
    if (*b.features & (1 << bit)) features.push_back(kFeatures[bit]);
  }
  if (features.empty()) {
    f.Add("Features", "None");
  } else {
    f.Add("Features", "", std::move(features));
  }
  if (s.length() < 0x0E) return;
  f.AddString("Location In Chassis", b.location_in_chassis);
  f.Add("Chassis Handle", Hex16(*b.chassis_handle));
  f.Add("Type", BoardTypeName(*b.board_type));
  if (s.length() < 0x0F) return;
  const uint8_t count = *s.Byte(0x0E);
  if (s.length() < 0x0F + 2 * count) return;
  std::vector<std::string> handles;
  for (uint16_t h : b.contained_handles) handles.push_back(Hex16(h));
  f.Add("Contained Object Handles", absl::StrCat(count), std::move(handles));
}

void DescribeChassis(const Structure& s, std::vector<Warning>* w,
                     Fields& f) {
  if (s.length() < 0x09) return;
  const ChassisInfo c = DecodeChassis(s, w);
  f.AddString("Manufacturer", c.manufacturer);
  f.Add("Type", ChassisTypeName(*c.type));
  f.Add("Lock", *c.lock ? "Present" : "Not Present");
  f.AddString("Version", c.version);
  f.AddString("Serial Number", c.serial_number);
  f.AddString("Asset Tag", c.asset_tag);
  if (s.length() < 0x0D) return;
  f.Add("Boot-up State", ChassisStateName(*c.boot_up_state));
  f.Add("Power Supply State", ChassisStateName(*c.power_supply_state));
  f.Add("Thermal State", ChassisStateName(*c.thermal_state));
  f.Add("Security Status", ChassisSecurityName(*c.security_status));
  if (s.length() < 0x11) return;
  f.Add("OEM Information", absl::StrFormat("0x%08X", *c.oem_information));
  if (s.length() < 0x13) return;
  f.Add("Height", *c.height == 0 ? "Unspecified"
                                 : absl::StrCat(*c.height, " U"));
  f.Add("Number Of Power Cords",
        *c.power_cords == 0 ? "Unspecified" : absl::StrCat(*c.power_cords));
  if (s.length() < 0x15) return;
  const size_t n = *c.element_count;
  const size_t m = *c.element_size;
  if (s.length() < 0x15 + n * m) return;
  std::vector<std::string> elements;
  for (size_t i = 0; i < n && m >= 3; ++i) {
    const uint8_t type = *s.Byte(0x15 + i * m);
    const uint8_t low = *s.Byte(0x16 + i * m);
    const uint8_t high = *s.Byte(0x17 + i * m);
    // 7.4.4: bit 7 selects an SMBIOS structure type over a board type.
    const std::string name = type & 0x80 ? StructureTypeName(type & 0x7F)
                                         : BoardTypeName(type);
    elements.push_back(low == high
                           ? absl::StrCat(name, " (", low, ")")
                           : absl::StrCat(name, " (", low, "-", high, ")"));
  }
  f.Add("Contained Elements", absl::StrCat(n), std::move(elements));
  if (s.length() < 0x16 + n * m) return;
  f.AddString("SKU Number", c.sku_number);
}

std::string Voltage(uint8_t code) {
  // 7.5.4: bit 7 set gives the current voltage * 10, clear a set of
  // supported voltages.
  if (code & 0x80) return absl::StrFormat("%.1f V", (code & 0x7F) / 10.0);
  if ((code & 0x07) == 0) return "Unknown";
  static const char* const kVolts[] = {"5.0 V", "3.3 V", "2.9 V"};
  std::vector<std::string> volts;
  for (int bit = 0; bit < 3; ++bit) {
    if (code & (1 << bit)) volts.push_back(kVolts[bit]);
  }
  return absl::StrJoin(volts, " ");
}

std::string CacheHandle(uint16_t handle, int level, const Version& v) {
  if (handle != 0xFFFF) return Hex16(handle);
  return v.AtLeast(2, 3) ? "Not Provided"
                         : absl::StrCat("No L", level, " Cache");
}

void DescribeProcessor(const Structure& s, const Version& v,
                       std::vector<Warning>* w, Fields& f) {
  if (s.length() < 0x1A) return;
  const ProcessorInfo p = DecodeProcessor(s, w);
  f.AddString("Socket Designation", p.socket_designation);
  f.Add("Type", ProcessorTypeName(*p.type));
  f.Add("Family", p.FamilyName());
  f.AddString("Manufacturer", p.manufacturer);
  std::string id;
  for (int i = 0; i < 8; ++i) {
    absl::StrAppendFormat(&id, "%s%02X", i == 0 ? "" : " ",
                          *s.Byte(0x08 + i));
  }
  f.Add("ID", id);
  const std::string signature = p.Signature();
  if (!signature.empty()) f.Add("Signature", signature);
  f.AddString("Version", p.version);
  f.Add("Voltage", Voltage(*p.voltage));
  f.Add("External Clock", Mhz(*p.external_clock_mhz));
  f.Add("Max Speed", Mhz(*p.max_speed_mhz));
  f.Add("Current Speed", Mhz(*p.current_speed_mhz));
  f.Add("Status", *p.status & 0x40
                      ? absl::StrCat("Populated, ",
                                     ProcessorStatusName(*p.status))
                      : "Unpopulated");
  f.Add("Upgrade", ProcessorUpgradeName(*p.upgrade));
  if (s.length() < 0x20) return;
  f.Add("L1 Cache Handle", CacheHandle(*p.l1_cache_handle, 1, v));
  f.Add("L2 Cache Handle", CacheHandle(*p.l2_cache_handle, 2, v));
  f.Add("L3 Cache Handle", CacheHandle(*p.l3_cache_handle, 3, v));
  if (s.length() < 0x23) return;
  f.AddString("Serial Number", p.serial_number);
  f.AddString("Asset Tag", p.asset_tag);
  f.AddString("Part Number", p.part_number);
  if (s.length() < 0x28) return;
  if (*s.Byte(0x23) != 0) f.Add("Core Count", absl::StrCat(*p.core_count));
  if (*s.Byte(0x24) != 0) {
    f.Add("Core Enabled", absl::StrCat(*p.core_enabled));
  }
  if (*s.Byte(0x25) != 0) {
    f.Add("Thread Count", absl::StrCat(*p.thread_count));
  }
  if (p.thread_enabled && *p.thread_enabled != 0) {
    f.Add("Thread Enabled", absl::StrCat(*p.thread_enabled));
  }
  static const char* const kCharacteristics[] = {
      "64-bit capable",   "Multi-Core",          "Hardware Thread",
      "Execute Protection", "Enhanced Virtualization",
      "Power/Performance Control", "128-bit Capable", "Arm64 SoC ID"};
  std::vector<std::string> items;
  for (int bit = 2; bit <= 9; ++bit) {
    if (*p.characteristics & (1 << bit)) {
      items.push_back(kCharacteristics[bit - 2]);
    }
  }
  if (items.empty()) {
    f.Add("Characteristics", "None");
  } else {
    f.Add("Characteristics", "", std::move(items));
  }
}

void DescribeBiosLanguage(const Structure& s, const Version& v,
                          std::vector<Warning>* w, Fields& f) {
  if (s.length() < 0x16) return;
  const BiosLanguage l = DecodeBiosLanguage(s, w);
  if (v.AtLeast(2, 1)) {
    f.Add("Language Description Format",
          *l.flags & 0x01 ? "Abbreviated" : "Long");
  }
  std::vector<std::string> languages;
  for (const SmbiosString& language : l.languages) {
    languages.push_back(language.Display());
  }
  f.Add("Installable Languages", absl::StrCat(*l.installable_count),
        std::move(languages));
  f.AddString("Currently Installed Language", l.current);
}

void DescribeMemoryArray(const Structure& s, Fields& f) {
  if (s.length() < 0x0F) return;
  const MemoryArray a = DecodeMemoryArray(s);
  f.Add("Location", ArrayLocationName(*a.location));
  f.Add("Use", ArrayUseName(*a.use));
  f.Add("Error Correction Type", ErrorCorrectionName(*a.error_correction));
  if (*a.maximum_capacity_kb != 0x80000000) {
    f.Add("Maximum Capacity", FormatSize(*a.maximum_capacity_kb, 1));
  } else if (a.extended_maximum_capacity) {
    f.Add("Maximum Capacity", FormatSize(*a.extended_maximum_capacity, 0));
  } else {
    f.Add("Maximum Capacity", "Unknown");
  }
  f.Add("Error Information Handle", ErrorHandle(*a.error_information_handle));
  f.Add("Number Of Devices", absl::StrCat(*a.device_count));
}

void DescribeMemoryDevice(const Structure& s, std::vector<Warning>* w,
                          Fields& f) {
  if (s.length() < 0x15) return;
  const MemoryDevice d = DecodeMemoryDevice(s, w);
  f.Add("Array Handle", Hex16(*d.array_handle));
  f.Add("Error Information Handle", ErrorHandle(*d.error_information_handle));
  f.Add("Total Width", Width(*d.total_width));
  f.Add("Data Width", Width(*d.data_width));
  if (*d.size == 0) {
    f.Add("Size", "No Module Installed");
  } else if (*d.size == 0xFFFF) {
    f.Add("Size", "Unknown");
  } else if (*d.size == 0x7FFF && d.extended_size) {
    f.Add("Size", FormatSize(*d.extended_size & 0x7FFFFFFF, 2));
  } else if (*d.size & 0x8000) {
    f.Add("Size", FormatSize(*d.size & 0x7FFF, 1));
  } else {
    f.Add("Size", FormatSize(*d.size, 2));
  }
  f.Add("Form Factor", FormFactorName(*d.form_factor));
  f.Add("Set", *d.device_set == 0      ? "None"
               : *d.device_set == 0xFF ? "Unknown"
                                       : absl::StrCat(*d.device_set));
  f.AddString("Locator", d.device_locator);
  f.AddString("Bank Locator", d.bank_locator);
  f.Add("Type", MemoryTypeName(*d.memory_type));
  static const char* const kDetails[] = {
      "Other",        "Unknown",     "Fast-paged",   "Static Column",
      "Pseudo-static", "RAMBus",     "Synchronous",  "CMOS",
      "EDO",          "Window DRAM", "Cache DRAM",   "Non-Volatile",
      "Registered (Buffered)", "Unbuffered (Unregistered)", "LRDIMM"};
  std::vector<std::string> details;
  for (int bit = 1; bit <= 15; ++bit) {
    if (*d.type_detail & (1 << bit)) details.push_back(kDetails[bit - 1]);
  }
  f.Add("Type Detail", details.empty() ? "None" : absl::StrJoin(details, " "));
  if (s.length() < 0x17) return;
  // dmidecode stops describing an empty socket here: the rest is noise.
  if (*d.size == 0) return;
  f.Add("Speed", Speed(*d.speed, d.extended_speed.value_or(0)));
  if (s.length() < 0x1B) return;
  f.AddString("Manufacturer", d.manufacturer);
  f.AddString("Serial Number", d.serial_number);
  f.AddString("Asset Tag", d.asset_tag);
  f.AddString("Part Number", d.part_number);
  if (s.length() < 0x1C) return;
  const int rank = *d.attributes & 0x0F;
  f.Add("Rank", rank == 0 ? "Unknown" : absl::StrCat(rank));
  if (s.length() < 0x22) return;
  f.Add("Configured Memory Speed",
        Speed(*d.configured_speed, d.extended_configured_speed.value_or(0)));
  if (s.length() < 0x28) return;
  f.Add("Minimum Voltage", Millivolts(*d.minimum_voltage));
  f.Add("Maximum Voltage", Millivolts(*d.maximum_voltage));
  f.Add("Configured Voltage", Millivolts(*d.configured_voltage));
}

void DescribeRaw(const Structure& s, Fields& f) {
  std::vector<std::string> lines;
  const absl::string_view bytes = s.formatted();
  for (size_t i = 0; i < bytes.size(); i += 16) {
    std::string line;
    for (size_t j = i; j < bytes.size() && j < i + 16; ++j) {
      absl::StrAppendFormat(&line, "%s%02X", j == i ? "" : " ",
                            static_cast<uint8_t>(bytes[j]));
    }
    lines.push_back(std::move(line));
  }
  f.Add("Header and Data", "", std::move(lines));

  std::vector<std::string> strings;
  for (int i = 1; i <= s.string_count(); ++i) {
    SmbiosString text;
    text.state = SmbiosString::State::kPresent;
    text.value = std::string(*s.String(static_cast<uint8_t>(i)));
    strings.push_back(text.Display());
  }
  if (!strings.empty()) f.Add("Strings", "", std::move(strings));
}

}  // namespace

bool IsDecodedType(uint8_t type) {
  switch (type) {
    case 0: case 1: case 2: case 3: case 4: case 13: case 16: case 17:
      return true;
    default:
      return false;
  }
}

Description Describe(const Structure& s, const Version& version,
                     std::vector<Warning>* warnings) {
  Description d;
  d.title = StructureTypeName(s.type());
  Fields f;
  switch (s.type()) {
    case 0: DescribeBios(s, warnings, f); break;
    case 1: DescribeSystem(s, version, warnings, f); break;
    case 2: DescribeBaseboard(s, warnings, f); break;
    case 3: DescribeChassis(s, warnings, f); break;
    case 4: DescribeProcessor(s, version, warnings, f); break;
    case 13: DescribeBiosLanguage(s, version, warnings, f); break;
    case 16: DescribeMemoryArray(s, f); break;
    case 17: DescribeMemoryDevice(s, warnings, f); break;
    case 126: case 127: break;
    default: DescribeRaw(s, f); break;
  }
  d.fields = f.Take();
  return d;
}

std::string FormatSize(uint64_t value, int shift) {
  static const char* const kUnits[] = {"bytes", "kB", "MB", "GB", "TB",
                                       "PB",    "EB", "ZB", "YB"};
  std::array<uint64_t, 7> split;
  for (int i = 0; i < 7; ++i) split[i] = (value >> (10 * i)) & 0x3FF;
  int i = 6;
  while (i > 0 && split[i] == 0) --i;
  uint64_t shown = split[i];
  // A remainder one unit down is shown in that smaller unit instead.
  if (i > 0 && split[i - 1] != 0) {
    --i;
    shown = split[i] + (split[i + 1] << 10);
  }
  return absl::StrCat(shown, " ", kUnits[i + shift]);
}

}  // namespace hwfp::smbios
