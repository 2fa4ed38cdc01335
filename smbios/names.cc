#include "smbios/names.h"

#include <algorithm>
#include <iterator>

namespace hwfp::smbios {
namespace {

// Dense tables start at code 1.
template <size_t N>
std::string Dense(const char* const (&names)[N], unsigned code) {
  if (code >= 1 && code <= N) return names[code - 1];
  return kOutOfSpec;
}

struct Named {
  uint16_t code;
  const char* name;
};

template <size_t N>
std::string Sparse(const Named (&names)[N], uint16_t code) {
  const Named* found =
      std::lower_bound(std::begin(names), std::end(names), code,
                       [](const Named& n, uint16_t c) { return n.code < c; });
  if (found != std::end(names) && found->code == code) return found->name;
  return kOutOfSpec;
}

const Named kTypes[] = {
    {0, "BIOS Information"},
    {1, "System Information"},
    {2, "Base Board Information"},
    {3, "Chassis Information"},
    {4, "Processor Information"},
    {5, "Memory Controller Information"},
    {6, "Memory Module Information"},
    {7, "Cache Information"},
    {8, "Port Connector Information"},
    {9, "System Slot Information"},
    {10, "On Board Device Information"},
    {11, "OEM Strings"},
    {12, "System Configuration Options"},
    {13, "BIOS Language Information"},
    {14, "Group Associations"},
    {15, "System Event Log"},
    {16, "Physical Memory Array"},
    {17, "Memory Device"},
    {18, "32-bit Memory Error Information"},
    {19, "Memory Array Mapped Address"},
    {20, "Memory Device Mapped Address"},
    {21, "Built-in Pointing Device"},
    {22, "Portable Battery"},
    {23, "System Reset"},
    {24, "Hardware Security"},
    {25, "System Power Controls"},
    {26, "Voltage Probe"},
    {27, "Cooling Device"},
    {28, "Temperature Probe"},
    {29, "Electrical Current Probe"},
    {30, "Out-of-band Remote Access"},
    {31, "Boot Integrity Services"},
    {32, "System Boot Information"},
    {33, "64-bit Memory Error Information"},
    {34, "Management Device"},
    {35, "Management Device Component"},
    {36, "Management Device Threshold Data"},
    {37, "Memory Channel"},
    {38, "IPMI Device Information"},
    {39, "System Power Supply"},
    {40, "Additional Information"},
    {41, "Onboard Device"},
    {42, "Management Controller Host Interface"},
    {43, "TPM Device"},
    {44, "Processor Additional Information"},
    {45, "Firmware Inventory Information"},
    {46, "String Property"},
    {126, "Inactive"},
    {127, "End Of Table"},
};

const char* const kWakeUp[] = {
    "Other",       "Unknown",      "APM Timer", "Modem Ring",
    "LAN Remote",  "Power Switch", "PCI PME#",  "AC Power Restored",
};

const char* const kBoards[] = {
    "Unknown",           "Other",
    "Server Blade",      "Connectivity Switch",
    "System Management Module", "Processor Module",
    "I/O Module",        "Memory Module",
    "Daughter Board",    "Motherboard",
    "Processor+Memory Module",  "Processor+I/O Module",
    "Interconnect Board",
};

const char* const kChassis[] = {
    "Other",          "Unknown",
    "Desktop",        "Low Profile Desktop",
    "Pizza Box",      "Mini Tower",
    "Tower",          "Portable",
    "Laptop",         "Notebook",
    "Hand Held",      "Docking Station",
    "All In One",     "Sub Notebook",
    "Space-saving",   "Lunch Box",
    "Main Server Chassis", "Expansion Chassis",
    "Sub Chassis",    "Bus Expansion Chassis",
    "Peripheral Chassis",  "RAID Chassis",
    "Rack Mount Chassis",  "Sealed-case PC",
    "Multi-system",   "CompactPCI",
    "AdvancedTCA",    "Blade",
    "Blade Enclosing", "Tablet",
    "Convertible",    "Detachable",
    "IoT Gateway",    "Embedded PC",
    "Mini PC",        "Stick PC",
};

const char* const kChassisStates[] = {
    "Other", "Unknown", "Safe", "Warning", "Critical", "Non-recoverable",
};

const char* const kSecurity[] = {
    "Other", "Unknown", "None", "External Interface Locked Out",
    "External Interface Enabled",
};

const char* const kProcessorTypes[] = {
    "Other",         "Unknown",         "Central Processor",
    "Math Processor", "DSP Processor",  "Video Processor",
};

const Named kFamilies[] = {
    {0x1, "Other"},
    {0x2, "Unknown"},
    {0x3, "8086"},
    {0x4, "80286"},
    {0x5, "Intel386"},
    {0x6, "Intel486"},
    {0x7, "8087"},
    {0x8, "80287"},
    {0x9, "80387"},
    {0xA, "80487"},
    {0xB, "Pentium"},
    {0xC, "Pentium Pro"},
    {0xD, "Pentium II"},
    {0xE, "Pentium processor with MMX technology"},
    {0xF, "Celeron"},
    {0x10, "Pentium II Xeon"},
    {0x11, "Pentium III"},
    {0x12, "M1"},
    {0x13, "M2"},
    {0x14, "Celeron M"},
    {0x15, "Pentium 4 HT"},
    {0x18, "Duron"},
    {0x19, "K5"},
    {0x1A, "K6"},
    {0x1B, "K6-2"},
    {0x1C, "K6-3"},
    {0x1D, "Athlon"},
    {0x1E, "AMD29000"},
    {0x1F, "K6-2+"},
    {0x20, "Power PC"},
    {0x21, "Power PC 601"},
    {0x22, "Power PC 603"},
    {0x23, "Power PC 603+"},
    {0x24, "Power PC 604"},
    {0x25, "Power PC 620"},
    {0x26, "Power PC x704"},
    {0x27, "Power PC 750"},
    {0x28, "Core Duo"},
    {0x29, "Core Duo mobile"},
    {0x2A, "Core Solo mobile"},
    {0x2B, "Atom"},
    {0x2C, "Core M"},
    {0x2D, "Core 3"},
    {0x30, "Alpha"},
    {0x31, "Alpha 21064"},
    {0x32, "Alpha 21066"},
    {0x33, "Alpha 21164"},
    {0x34, "Alpha 21164PC"},
    {0x35, "Alpha 21164a"},
    {0x36, "Alpha 21264"},
    {0x37, "Alpha 21364"},
    {0x38, "Turion II Ultra Dual-Core Mobile M"},
    {0x39, "Turion II Dual-Core Mobile M"},
    {0x3A, "Athlon II Dual-Core M"},
    {0x3B, "Opteron 6100"},
    {0x3C, "Opteron 4100"},
    {0x3D, "Opteron 6200"},
    {0x3E, "Opteron 4200"},
    {0x3F, "FX"},
    {0x40, "MIPS"},
    {0x41, "MIPS R4000"},
    {0x42, "MIPS R4200"},
    {0x43, "MIPS R4400"},
    {0x44, "MIPS R4600"},
    {0x45, "MIPS R10000"},
    {0x46, "C-Series"},
    {0x47, "E-Series"},
    {0x48, "A-Series"},
    {0x49, "G-Series"},
    {0x4A, "Z-Series"},
    {0x4B, "R-Series"},
    {0x4C, "Opteron 4300"},
    {0x4D, "Opteron 6300"},
    {0x4E, "Opteron 3300"},
    {0x4F, "FirePro"},
    {0x50, "SPARC"},
    {0x51, "SuperSPARC"},
    {0x52, "microSPARC II"},
    {0x53, "microSPARC IIep"},
    {0x54, "UltraSPARC"},
    {0x55, "UltraSPARC II"},
    {0x56, "UltraSPARC Iii"},
    {0x57, "UltraSPARC III"},
    {0x58, "UltraSPARC IIIi"},
    {0x60, "68040"},
    {0x61, "68xxx"},
    {0x62, "68000"},
    {0x63, "68010"},
    {0x64, "68020"},
    {0x65, "68030"},
    {0x66, "Athlon X4 Quad-Core"},
    {0x67, "Opteron X1000"},
    {0x68, "Opteron X2000"},
    {0x69, "Opteron A-Series"},
    {0x6A, "Opteron A-Series"},
    {0x6B, "Zen"},
    {0x70, "Hobbit"},
    {0x78, "Crusoe TM5000"},
    {0x79, "Crusoe TM3000"},
    {0x7A, "Efficeon TM8000"},
    {0x80, "Weitek"},
    {0x82, "Itanium"},
    {0x83, "Athlon 64"},
    {0x84, "Opteron"},
    {0x85, "Sempron"},
    {0x86, "Turion 64 Mobile Technology"},
    {0x87, "Dual-Core Opteron"},
    {0x88, "Athlon 64 X2 Dual-Core"},
    {0x89, "Turion 64 X2 Mobile Technology"},
    {0x8A, "Quad-Core Opteron"},
    {0x8B, "Third-Generation Opteron"},
    {0x8C, "Phenom FX Quad-Core"},
    {0x8D, "Phenom X4 Quad-Core"},
    {0x8E, "Phenom X2 Dual-Core"},
    {0x8F, "Athlon X2 Dual-Core"},
    {0x90, "PA-RISC"},
    {0x91, "PA-RISC 8500"},
    {0x92, "PA-RISC 8000"},
    {0x93, "PA-RISC 7300LC"},
    {0x94, "PA-RISC 7200"},
    {0x95, "PA-RISC 7100LC"},
    {0x96, "PA-RISC 7100"},
    {0xA0, "V30"},
    {0xA1, "Quad-Core Xeon processor 3200 Series"},
    {0xA2, "Dual-Core Xeon processor 3000 Series"},
    {0xA3, "Quad-Core Xeon processor 5300 Series"},
    {0xA4, "Dual-Core Xeon processor 5100 Series"},
    {0xA5, "Dual-Core Xeon processor 5000 Series"},
    {0xA6, "Dual-Core Xeon processor LV"},
    {0xA7, "Dual-Core Xeon processor ULV"},
    {0xA8, "Dual-Core Xeon processor 7100 Series"},
    {0xA9, "Quad-Core Xeon processor 5400 Series"},
    {0xAA, "Quad-Core Xeon"},
    {0xAB, "Dual-Core Xeon processor 5200 Series"},
    {0xAC, "Dual-Core Xeon processor 7200 Series"},
    {0xAD, "Quad-Core Xeon processor 7300 Series"},
    {0xAE, "Quad-Core Xeon processor 7400 Series"},
    {0xAF, "Multi-Core Xeon processor 7400 Series"},
    {0xB0, "Pentium III Xeon"},
    {0xB1, "Pentium III Processor with SpeedStep Technology"},
    {0xB2, "Pentium 4"},
    {0xB3, "Xeon"},
    {0xB4, "AS400"},
    {0xB5, "Xeon processor MP"},
    {0xB6, "Athlon XP"},
    {0xB7, "Athlon MP"},
    {0xB8, "Itanium 2"},
    {0xB9, "Pentium M"},
    {0xBA, "Celeron D"},
    {0xBB, "Pentium D"},
    {0xBC, "Pentium Processor Extreme Edition"},
    {0xBD, "Core Solo"},
    {0xBF, "Core 2 Duo"},
    {0xC0, "Core 2 Solo"},
    {0xC1, "Core 2 Extreme"},
    {0xC2, "Core 2 Quad"},
    {0xC3, "Core 2 Extreme mobile"},
    {0xC4, "Core 2 Duo mobile"},
    {0xC5, "Core 2 Solo mobile"},
    {0xC6, "Core i7"},
    {0xC7, "Dual-Core Celeron"},
    {0xC8, "IBM390"},
    {0xC9, "G4"},
    {0xCA, "G5"},
    {0xCB, "ESA/390 G6"},
    {0xCC, "z/Architecture base"},
    {0xCD, "Core i5"},
    {0xCE, "Core i3"},
    {0xD2, "VIA C7-M"},
    {0xD3, "VIA C7-D"},
    {0xD4, "VIA C7"},
    {0xD5, "VIA Eden"},
    {0xD6, "Multi-Core Xeon"},
    {0xD7, "Dual-Core Xeon processor 3xxx Series"},
    {0xD8, "Quad-Core Xeon processor 3xxx Series"},
    {0xD9, "VIA Nano"},
    {0xDA, "Dual-Core Xeon processor 5xxx Series"},
    {0xDB, "Quad-Core Xeon processor 5xxx Series"},
    {0xDD, "Dual-Core Xeon processor 7xxx Series"},
    {0xDE, "Quad-Core Xeon processor 7xxx Series"},
    {0xDF, "Multi-Core Xeon processor 7xxx Series"},
    {0xE0, "Multi-Core Xeon processor 3400 Series"},
    {0xE4, "Opteron 3000"},
    {0xE5, "Sempron II"},
    {0xE6, "Embedded Opteron Quad-Core"},
    {0xE7, "Phenom Triple-Core"},
    {0xE8, "Turion Ultra Dual-Core Mobile"},
    {0xE9, "Turion Dual-Core Mobile"},
    {0xEA, "Athlon Dual-Core"},
    {0xEB, "Sempron SI"},
    {0xEC, "Phenom II"},
    {0xED, "Athlon II"},
    {0xEE, "Six-Core Opteron"},
    {0xEF, "Sempron M"},
    {0xFA, "i860"},
    {0xFB, "i960"},
    {0x100, "ARMv7"},
    {0x101, "ARMv8"},
    {0x102, "ARMv9"},
    {0x104, "SH-3"},
    {0x105, "SH-4"},
    {0x118, "ARM"},
    {0x119, "StrongARM"},
    {0x12C, "6x86"},
    {0x12D, "MediaGX"},
    {0x12E, "MII"},
    {0x140, "WinChip"},
    {0x15E, "DSP"},
    {0x1F4, "Video"},
    {0x200, "RV32"},
    {0x201, "RV64"},
    {0x202, "RV128"},
    {0x258, "LoongArch"},
};

const char* const kUpgrades[] = {
    "Other",              "Unknown",
    "Daughter Board",     "ZIF Socket",
    "Replaceable Piggy Back", "None",
    "LIF Socket",         "Slot 1",
    "Slot 2",             "370-pin Socket",
    "Slot A",             "Slot M",
    "Socket 423",         "Socket A (Socket 462)",
    "Socket 478",         "Socket 754",
    "Socket 940",         "Socket 939",
    "Socket mPGA604",     "Socket LGA771",
    "Socket LGA775",      "Socket S1",
    "Socket AM2",         "Socket F (1207)",
    "Socket LGA1366",     "Socket G34",
    "Socket AM3",         "Socket C32",
    "Socket LGA1156",     "Socket LGA1567",
    "Socket PGA988A",     "Socket BGA1288",
    "Socket rPGA988B",    "Socket BGA1023",
    "Socket BGA1224",     "Socket LGA1155",
    "Socket LGA1356",     "Socket LGA2011",
    "Socket FS1",         "Socket FS2",
    "Socket FM1",         "Socket FM2",
    "Socket LGA2011-3",   "Socket LGA1356-3",
    "Socket LGA1150",     "Socket BGA1168",
    "Socket BGA1234",     "Socket BGA1364",
    "Socket AM4",         "Socket LGA1151",
    "Socket BGA1356",     "Socket BGA1440",
    "Socket BGA1515",     "Socket LGA3647-1",
    "Socket SP3",         "Socket SP3r2",
    "Socket LGA2066",     "Socket BGA1392",
    "Socket BGA1510",     "Socket BGA1528",
    "Socket LGA4189",     "Socket LGA1200",
    "Socket LGA4677",     "Socket LGA1700",
    "Socket BGA1744",     "Socket BGA1781",
    "Socket BGA1211",     "Socket BGA2422",
    "Socket LGA1211",     "Socket LGA2422",
    "Socket LGA5773",     "Socket BGA5773",
};

const char* const kProcessorStatus[] = {
    "Unknown", "Enabled", "Disabled By User", "Disabled By BIOS", "Idle",
    kOutOfSpec, kOutOfSpec, "Other",
};

const Named kLocations[] = {
    {0x01, "Other"},
    {0x02, "Unknown"},
    {0x03, "System Board Or Motherboard"},
    {0x04, "ISA Add-on Card"},
    {0x05, "EISA Add-on Card"},
    {0x06, "PCI Add-on Card"},
    {0x07, "MCA Add-on Card"},
    {0x08, "PCMCIA Add-on Card"},
    {0x09, "Proprietary Add-on Card"},
    {0x0A, "NuBus"},
    {0xA0, "PC-98/C20 Add-on Card"},
    {0xA1, "PC-98/C24 Add-on Card"},
    {0xA2, "PC-98/E Add-on Card"},
    {0xA3, "PC-98/Local Bus Add-on Card"},
    {0xA4, "CXL Add-on Card"},
};

const char* const kUses[] = {
    "Other",        "Unknown",           "System Memory", "Video Memory",
    "Flash Memory", "Non-volatile RAM",  "Cache Memory",
};

const char* const kCorrections[] = {
    "Other",          "Unknown",        "None", "Parity",
    "Single-bit ECC", "Multi-bit ECC",  "CRC",
};

const char* const kFormFactors[] = {
    "Other", "Unknown", "SIMM",   "SIP",    "Chip",  "DIP",
    "ZIP",   "Proprietary Card",  "DIMM",   "TSOP",  "Row Of Chips",
    "RIMM",  "SODIMM", "SRIMM",   "FB-DIMM", "Die",
};

const char* const kMemoryTypes[] = {
    "Other",   "Unknown",  "DRAM",    "EDRAM",   "VRAM",   "SRAM",
    "RAM",     "ROM",      "Flash",   "EEPROM",  "FEPROM", "EPROM",
    "CDRAM",   "3DRAM",    "SDRAM",   "SGRAM",   "RDRAM",  "DDR",
    "DDR2",    "DDR2 FB-DIMM", kOutOfSpec, kOutOfSpec, kOutOfSpec,
    "DDR3",    "FBD2",     "DDR4",    "LPDDR",   "LPDDR2", "LPDDR3",
    "LPDDR4",  "Logical non-volatile device", "HBM", "HBM2", "DDR5",
    "LPDDR5",  "HBM3",
};

}  // namespace

std::string StructureTypeName(uint8_t type) {
  if (type >= 128) return "OEM-specific Type";
  const std::string name = Sparse(kTypes, type);
  return name == kOutOfSpec ? "Unknown Type" : name;
}

std::string WakeUpTypeName(uint8_t code) {
  if (code == 0) return "Reserved";
  return Dense(kWakeUp, code);
}
std::string BoardTypeName(uint8_t code) { return Dense(kBoards, code); }
std::string ChassisTypeName(uint8_t code) { return Dense(kChassis, code); }
std::string ChassisStateName(uint8_t code) {
  return Dense(kChassisStates, code);
}
std::string ChassisSecurityName(uint8_t code) {
  return Dense(kSecurity, code);
}
std::string ProcessorTypeName(uint8_t code) {
  return Dense(kProcessorTypes, code);
}
std::string ProcessorFamilyName(uint16_t code) {
  return Sparse(kFamilies, code);
}
std::string ProcessorUpgradeName(uint8_t code) {
  return Dense(kUpgrades, code);
}
std::string ProcessorStatusName(uint8_t code) {
  return kProcessorStatus[code & 0x07];
}
std::string ArrayLocationName(uint8_t code) {
  return Sparse(kLocations, code);
}
std::string ArrayUseName(uint8_t code) { return Dense(kUses, code); }
std::string ErrorCorrectionName(uint8_t code) {
  return Dense(kCorrections, code);
}
std::string FormFactorName(uint8_t code) { return Dense(kFormFactors, code); }
std::string MemoryTypeName(uint8_t code) { return Dense(kMemoryTypes, code); }

}  // namespace hwfp::smbios
