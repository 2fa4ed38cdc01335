// A fault found in firmware tables, kept as data beside what could still be
// read. Real firmware is often wrong (lengths, counts, padding, string
// indices); the parser reports each fault here and goes on where dmidecode
// goes on, and only the caller decides whether to print it.

#ifndef HWFP_SMBIOS_WARNING_H_
#define HWFP_SMBIOS_WARNING_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace hwfp::smbios {

// What went wrong; tests and callers branch on this, people read `message`.
enum class WarningKind {
  // The entry point's version needed dmidecode's fix-up (2.33 -> 2.3,
  // 2.51 -> 2.6) or its length was the 2.1-era 0x1E.
  kEntryPointFixup,
  // A structure header announced a length below 4: the walk cannot find
  // the next structure and stops (dmidecode: "Invalid entry length").
  kBrokenLength,
  // Zero bytes where the next structure header should be: padding after
  // the last structure (Hyper-V); the walk stops there, as dmidecode does.
  kZeroPadding,
  // A structure runs past the table's end; the walk stops (dmidecode
  // prints "<TRUNCATED>").
  kTruncated,
  // A structure length that dmidecode corrects (type 34 announcing 0x10
  // bytes where 0x0B is meant); the structure is read with the fixed length.
  kLengthFixup,
  // The entry point's structure count differs from what the walk found.
  kCountMismatch,
  // The announced table length differs from the bytes the structures
  // occupy, or from the bytes that could be read.
  kLengthMismatch,
  // An SMBIOS 3 table ended without its End-of-Table structure (type 127).
  kMissingEndOfTable,
  // A string field refers past the structure's string set (dmidecode
  // prints "<BAD INDEX>").
  kBadStringIndex,
};

// Returns a short stable name for `kind` ("zero-padding"), used in JSON.
const char* WarningKindName(WarningKind kind);

struct Warning {
  WarningKind kind;
  // Handle of the structure at fault; nullopt for faults of the whole table
  // or entry point.
  std::optional<uint16_t> handle;
  // Byte offset in the table (or entry point, for kEntryPointFixup) where
  // the fault is.
  size_t offset = 0;
  // One line for a person, naming what is wrong ("structure 0x0005 at
  // offset 0x1DE announces length 0 ...").
  std::string message;
};

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_WARNING_H_
