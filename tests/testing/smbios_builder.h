// Builds SMBIOS structures, tables and entry points byte by byte, so tests
// that must always run have real inputs, including broken ones:
//
//   TableBuilder table;
//   table.Add(StructureBuilder(1, 0x0001).Byte(1).Byte(2).String("Acme"));
//   table.AddEndOfTable();
//   std::string entry = table.Smbios3EntryPoint(3, 3, 0);

#ifndef HWFP_TESTS_TESTING_SMBIOS_BUILDER_H_
#define HWFP_TESTS_TESTING_SMBIOS_BUILDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace hwfp::testing {

// One structure: header (type, length, handle), the formatted bytes added
// in order, then the string set. The length byte is the formatted size
// unless overridden.
class StructureBuilder {
 public:
  StructureBuilder(uint8_t type, uint16_t handle);

  StructureBuilder& Byte(uint8_t value);
  StructureBuilder& Word(uint16_t value);
  StructureBuilder& Dword(uint32_t value);
  StructureBuilder& Qword(uint64_t value);
  StructureBuilder& Bytes(absl::string_view bytes);
  // Adds a string to the string set; its index is the count so far.
  StructureBuilder& String(std::string value);
  // Announces `length` in the header instead of the formatted size.
  StructureBuilder& AnnounceLength(uint8_t length);
  // Ends the structure with only the string set's NULs, no double NUL.
  StructureBuilder& WithoutTerminator();

  // Returns the structure's bytes: formatted area, strings, double NUL
  // ("\0\0" alone when there are no strings).
  std::string Build() const;

 private:
  std::string formatted_;
  std::vector<std::string> strings_;
  std::optional<uint8_t> announced_;
  bool terminated_ = true;
};

class TableBuilder {
 public:
  TableBuilder& Add(const StructureBuilder& structure);
  // Appends bytes as they are (padding, junk, partial structures).
  TableBuilder& AddBytes(absl::string_view bytes);
  TableBuilder& AddEndOfTable(uint16_t handle = 0xFEFF);

  const std::string& bytes() const { return bytes_; }
  // Structures added through Add/AddEndOfTable.
  int count() const { return count_; }

  // Entry points describing this table at `address`.
  std::string Smbios3EntryPoint(int major, int minor, int docrev,
                                uint64_t address = 0) const;
  // `count`/`length` default to the table's own.
  std::string Smbios2EntryPoint(int major, int minor,
                                std::optional<int> count = std::nullopt,
                                std::optional<int> length = std::nullopt,
                                uint32_t address = 0) const;
  std::string LegacyEntryPoint(int major, int minor,
                               uint32_t address = 0) const;
  // What Windows' GetSystemFirmwareTable('RSMB') returns for this table.
  std::string RawSmbiosData(int major, int minor, int dmi_revision) const;

 private:
  std::string bytes_;
  int count_ = 0;
};

// Returns the _SM3_ entry point `entry_point` announcing a maximum table
// size of 0xFFFFFFFF bytes, checksum redone: firmware that lies about its
// table.
std::string Announcing4GiB(std::string entry_point);

// Returns `entry_point` followed by the table at 0x20: a dmidecode dump.
// `entry_point` must already point at 0x20.
std::string DumpFile(const std::string& entry_point,
                     const std::string& table);

// Writes root/sys/firmware/dmi/tables/{smbios_entry_point,DMI}; a nullopt
// leaves that file out.
absl::Status WriteSysfsTree(const std::string& root,
                            const std::optional<std::string>& entry_point,
                            const std::optional<std::string>& table);

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_SMBIOS_BUILDER_H_
