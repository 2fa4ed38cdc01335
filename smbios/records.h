// Typed views of the structures a fingerprint and an operator need: BIOS
// (type 0), System (1), Baseboard (2), Chassis (3), Processor (4), BIOS
// Language (13), Physical Memory Array (16) and Memory Device (17).
//
// A field the structure is too short to hold is nullopt (or, for strings,
// kAbsent): old firmware writes old, shorter layouts whatever version its
// entry point claims. Decoders never fail; a string index past the string
// set is kept as kBadIndex and reported as a warning.
//
//   for (const Structure* s : table.OfType(17)) {
//     MemoryDevice dimm = DecodeMemoryDevice(*s);
//     if (dimm.size_bytes()) ... *dimm.size_bytes() ...
//   }

#ifndef HWFP_SMBIOS_RECORDS_H_
#define HWFP_SMBIOS_RECORDS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "smbios/entry_point.h"
#include "smbios/structure.h"
#include "smbios/warning.h"

namespace hwfp::smbios {

// A string field: its index byte resolved against the string set.
struct SmbiosString {
  enum class State {
    kAbsent,        // The structure is too short to hold the index byte.
    kNotSpecified,  // Index 0.
    kBadIndex,      // Index past the string set.
    kPresent,
  };
  State state = State::kAbsent;
  std::string value;  // The bytes as stored, when kPresent.

  bool present() const { return state == State::kPresent; }
  // What dmidecode prints: the value with bytes outside 32..126 shown as
  // '.', "Not Specified" or "<BAD INDEX>"; "" when absent.
  std::string Display() const;
};

// Reads the string whose index byte is at `offset`; a bad index adds a
// kBadStringIndex warning to `warnings` (when not null).
SmbiosString ReadString(const Structure& s, size_t offset,
                        std::vector<Warning>* warnings);

struct BiosInfo {
  SmbiosString vendor, version, release_date;
  std::optional<uint16_t> starting_segment;  // 06h
  std::optional<uint8_t> rom_size;           // 09h, 64K * (n + 1)
  std::optional<uint64_t> characteristics;   // 0Ah
  std::optional<uint8_t> bios_major, bios_minor;          // 14h, 15h
  std::optional<uint8_t> firmware_major, firmware_minor;  // 16h, 17h
  std::optional<uint16_t> extended_rom_size;              // 18h (3.1)

  // ROM size in bytes, using the extended field when 09h is 0xFF.
  std::optional<uint64_t> RomSizeBytes() const;
};

struct SystemInfo {
  SmbiosString manufacturer, product_name, version, serial_number;
  std::optional<std::array<uint8_t, 16>> uuid_bytes;  // 08h, as stored.
  // The UUID as text: lower-case 8-4-4-4-12 with the first three fields
  // read little-endian from SMBIOS 2.6 on (spec 7.2.1) and as stored
  // before; "Not Present" when all bytes are 0xFF, "Not Settable" when all
  // are 0x00; "" when absent.
  std::string uuid;
  std::optional<uint8_t> wake_up_type;  // 18h
  SmbiosString sku_number, family;
};

struct BaseboardInfo {
  SmbiosString manufacturer, product, version, serial_number, asset_tag;
  std::optional<uint8_t> features;  // 09h
  SmbiosString location_in_chassis;
  std::optional<uint16_t> chassis_handle;  // 0Bh
  std::optional<uint8_t> board_type;       // 0Dh
  std::vector<uint16_t> contained_handles;
};

struct ChassisInfo {
  SmbiosString manufacturer;
  std::optional<uint8_t> type;  // 05h bits 6:0
  std::optional<bool> lock;     // 05h bit 7
  SmbiosString version, serial_number, asset_tag;
  std::optional<uint8_t> boot_up_state, power_supply_state, thermal_state,
      security_status;
  std::optional<uint32_t> oem_information;
  std::optional<uint8_t> height, power_cords;
  std::optional<uint8_t> element_count, element_size;
  SmbiosString sku_number;  // After the contained elements (2.7).
};

struct ProcessorInfo {
  SmbiosString socket_designation;
  std::optional<uint8_t> type;
  // Family from 06h, or from Family 2 (28h) when 06h is 0xFE.
  std::optional<uint16_t> family;
  SmbiosString manufacturer;
  std::optional<uint64_t> id;  // 08h: CPUID EAX in the low dword, EDX high.
  SmbiosString version;
  std::optional<uint8_t> voltage;
  std::optional<uint16_t> external_clock_mhz, max_speed_mhz,
      current_speed_mhz;
  std::optional<uint8_t> status, upgrade;
  std::optional<uint16_t> l1_cache_handle, l2_cache_handle, l3_cache_handle;
  SmbiosString serial_number, asset_tag, part_number;
  // Counts resolved through the 3.0 fields (2Ah, 2Ch, 2Eh) when the byte
  // fields hold 0xFF; 0 means unknown, as in the spec.
  std::optional<uint16_t> core_count, core_enabled, thread_count;
  std::optional<uint16_t> thread_enabled;  // 30h (3.6).
  std::optional<uint16_t> characteristics;

  // The signature dmidecode derives from the ID's CPUID EAX for x86
  // families ("Type 0, Family 6, Model 63, Stepping 2" for Intel,
  // "Family 25, Model 33, Stepping 0" for AMD); "" otherwise.
  std::string Signature() const;
  std::string FamilyName() const;
};

struct BiosLanguage {
  std::optional<uint8_t> installable_count;  // 04h
  std::optional<uint8_t> flags;              // 05h, bit 0: abbreviated
  std::vector<SmbiosString> languages;       // Strings 1..count.
  SmbiosString current;                      // 15h
};

struct MemoryArray {
  std::optional<uint8_t> location, use, error_correction;
  std::optional<uint32_t> maximum_capacity_kb;       // 07h
  std::optional<uint16_t> error_information_handle;  // 0Bh
  std::optional<uint16_t> device_count;              // 0Dh
  std::optional<uint64_t> extended_maximum_capacity;  // 0Fh, bytes.

  // Capacity in bytes, from 0Fh when 07h holds 0x80000000; nullopt when
  // unknown.
  std::optional<uint64_t> MaximumCapacityBytes() const;
};

struct MemoryDevice {
  std::optional<uint16_t> array_handle, error_information_handle;
  std::optional<uint16_t> total_width, data_width;
  std::optional<uint16_t> size;           // 0Ch, as stored.
  std::optional<uint32_t> extended_size;  // 1Ch, MB (2.7).
  std::optional<uint8_t> form_factor, device_set;
  SmbiosString device_locator, bank_locator;
  std::optional<uint8_t> memory_type;
  std::optional<uint16_t> type_detail;
  std::optional<uint16_t> speed;  // 15h, MT/s
  SmbiosString manufacturer, serial_number, asset_tag, part_number;
  std::optional<uint8_t> attributes;  // 1Bh, rank in bits 3:0
  std::optional<uint16_t> configured_speed;  // 20h
  std::optional<uint16_t> minimum_voltage, maximum_voltage,
      configured_voltage;  // 22h..26h, mV
  std::optional<uint32_t> extended_speed, extended_configured_speed;  // 3.3

  // Size in bytes: 0 for an empty socket, nullopt when unknown. Reads the
  // extended size when 0Ch holds 0x7FFF, kB units when bit 15 is set.
  std::optional<uint64_t> SizeBytes() const;
};

// Each decoder reads `s` as its type; fields outside `s` stay absent.
// String faults are added to `warnings` when it is not null.
BiosInfo DecodeBios(const Structure& s, std::vector<Warning>* warnings);
SystemInfo DecodeSystem(const Structure& s, const Version& version,
                        std::vector<Warning>* warnings);
BaseboardInfo DecodeBaseboard(const Structure& s,
                              std::vector<Warning>* warnings);
ChassisInfo DecodeChassis(const Structure& s, std::vector<Warning>* warnings);
ProcessorInfo DecodeProcessor(const Structure& s,
                              std::vector<Warning>* warnings);
BiosLanguage DecodeBiosLanguage(const Structure& s,
                                std::vector<Warning>* warnings);
MemoryArray DecodeMemoryArray(const Structure& s);
MemoryDevice DecodeMemoryDevice(const Structure& s,
                                std::vector<Warning>* warnings);

// Returns the UUID at `bytes` formatted as SystemInfo::uuid describes.
std::string FormatUuid(const std::array<uint8_t, 16>& bytes,
                       const Version& version);

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_RECORDS_H_
