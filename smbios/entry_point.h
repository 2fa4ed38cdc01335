// The SMBIOS entry point: the small header firmware publishes to say where
// the structure table is, how long it is and which version of the spec
// (DSP0134) it follows. Three layouts exist:
//
//   _SM_  (SMBIOS 2.1+, 32-bit) with its _DMI_ intermediate anchor at 0x10
//   _SM3_ (SMBIOS 3.0+, 64-bit), which gives only a maximum table size
//   _DMI_ (legacy DMI 2.0), the intermediate anchor on its own

#ifndef HWFP_SMBIOS_ENTRY_POINT_H_
#define HWFP_SMBIOS_ENTRY_POINT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "smbios/warning.h"

namespace hwfp::smbios {

enum class EntryPointKind {
  kSmbios2,    // "_SM_", spec section 5.2.1.
  kSmbios3,    // "_SM3_", spec section 5.2.2.
  kLegacyDmi,  // "_DMI_" alone (DMI 2.0, before SMBIOS).
  kNone,       // No entry point: the table came as a buffer (Windows RSMB).
};

// An SMBIOS version. SMBIOS 3 entry points add a document revision
// (3.3.0); earlier ones have major.minor only.
struct Version {
  int major = 0;
  int minor = 0;
  int docrev = 0;
  bool has_docrev = false;

  // Returns true when this version is at least major.minor.
  bool AtLeast(int at_least_major, int at_least_minor) const {
    return major > at_least_major ||
           (major == at_least_major && minor >= at_least_minor);
  }
  // Returns "3.3.0" or "2.7", as dmidecode prints it.
  std::string ToString() const;
};

struct EntryPoint {
  EntryPointKind kind = EntryPointKind::kNone;
  Version version;
  // Physical address of the table as firmware announced it. Dump files
  // rewrite it to the table's offset in the file.
  uint64_t table_address = 0;
  // Table length in bytes: exact for _SM_ and _DMI_, a maximum for _SM3_.
  uint32_t table_length = 0;
  // Number of structures; 0 when not announced (_SM3_, RSMB).
  uint16_t structure_count = 0;
  // The entry point bytes, as long as the entry point says it is.
  std::string bytes;
  // Fix-ups applied while reading it (kEntryPointFixup).
  std::vector<Warning> warnings;

  // True when the walk must stop at the End-of-Table structure (type 127):
  // SMBIOS 3 tables and tables without an announced count.
  bool StopsAtEndOfTable() const { return structure_count == 0; }
};

// Returns the entry point at the start of `bytes` (longer input is fine;
// only the announced length is read). `file` names where the bytes came
// from, for messages.
//
// Fails with DataLossError, naming `file`, when no anchor string is found,
// the announced length does not fit, or a checksum does not add up to 0.
absl::StatusOr<EntryPoint> ParseEntryPoint(absl::string_view bytes,
                                           absl::string_view file);

// Returns "SMBIOS 3.3.0", "SMBIOS 2.7" or "Legacy DMI 2.0" for `entry`.
std::string DescribeVersion(const EntryPoint& entry);

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_ENTRY_POINT_H_
