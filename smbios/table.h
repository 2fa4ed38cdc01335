// The SMBIOS structure table walked into structures. A Table owns its bytes
// (shared between copies, so copies are cheap and Structures stay valid)
// and keeps every fault the walk met as a Warning.
//
//   absl::StatusOr<Table> table = ReadSysfsTable("/");  // smbios/sources.h
//   for (const Structure& s : table->structures()) {
//     if (s.type() == 1) ... DecodeSystem(s) ...
//   }

#ifndef HWFP_SMBIOS_TABLE_H_
#define HWFP_SMBIOS_TABLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "smbios/entry_point.h"
#include "smbios/structure.h"
#include "smbios/warning.h"

namespace hwfp::smbios {

class Table {
 public:
  const EntryPoint& entry_point() const { return entry_point_; }
  const Version& version() const { return entry_point_.version; }
  // Where the table bytes were read from ("/sys/firmware/dmi/tables/DMI",
  // a dump file, "RSMB buffer").
  const std::string& source() const { return source_; }
  // The table bytes as read (for SMBIOS 3, possibly more than the
  // structures occupy).
  absl::string_view bytes() const { return *bytes_; }

  // Structures in table order, End-of-Table (type 127) included.
  const std::vector<Structure>& structures() const { return structures_; }
  // Faults of the entry point and of the walk, in the order met.
  const std::vector<Warning>& warnings() const { return warnings_; }

  // Returns the structures of `type`, in table order.
  std::vector<const Structure*> OfType(uint8_t type) const;
  // Returns the structure with `handle`, or nullptr.
  const Structure* FindHandle(uint16_t handle) const;

 private:
  Table() = default;
  friend absl::StatusOr<Table> ParseTable(EntryPoint entry_point,
                                          std::string bytes,
                                          std::string source);

  EntryPoint entry_point_;
  std::string source_;
  std::shared_ptr<const std::string> bytes_;
  std::vector<Structure> structures_;
  std::vector<Warning> warnings_;
};

// Walks `bytes`, the structure table `entry_point` announces, the way
// dmidecode 3.4 does: up to the announced count (when there is one) or the
// End-of-Table structure (when there is not), never past the bytes given.
// `source` names the file the bytes came from, for messages.
//
// Faults become warnings and the walk stops or goes on where dmidecode
// does. Fails with DataLossError, naming `source`, only when not one
// structure could be read.
absl::StatusOr<Table> ParseTable(EntryPoint entry_point, std::string bytes,
                                 std::string source);

}  // namespace hwfp::smbios

#endif  // HWFP_SMBIOS_TABLE_H_
