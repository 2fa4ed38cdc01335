// Names for the enumerated fields of the decoded structures, as DSP0134
// lists them and in the short forms dmidecode prints ("Xeon" for
// "Intel® Xeon® processor"), so operators see familiar words. Each
// returns "<OUT OF SPEC>" for a value the spec does not define.

#ifndef HWFP_SMBIOS_NAMES_H_
#define HWFP_SMBIOS_NAMES_H_

#include <cstdint>
#include <string>

namespace hwfp::smbios {

inline constexpr char kOutOfSpec[] = "<OUT OF SPEC>";

// Structure type names (spec chapter 7): "BIOS Information".
std::string StructureTypeName(uint8_t type);

std::string WakeUpTypeName(uint8_t code);        // 7.2.2
std::string BoardTypeName(uint8_t code);         // 7.3.2
std::string ChassisTypeName(uint8_t code);       // 7.4.1, lock bit cleared
std::string ChassisStateName(uint8_t code);      // 7.4.2
std::string ChassisSecurityName(uint8_t code);   // 7.4.3
std::string ProcessorTypeName(uint8_t code);     // 7.5.1
std::string ProcessorFamilyName(uint16_t code);  // 7.5.2, family 2 too
std::string ProcessorUpgradeName(uint8_t code);  // 7.5.5
std::string ProcessorStatusName(uint8_t code);   // 7.5, bits 2:0
std::string ArrayLocationName(uint8_t code);     // 7.17.1
std::string ArrayUseName(uint8_t code);          // 7.17.2
std::string ErrorCorrectionName(uint8_t code);   // 7.17.3
std::string FormFactorName(uint8_t code);        // 7.18.1
std::string MemoryTypeName(uint8_t code);        // 7.18.2

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_NAMES_H_
