#include "smbios/table.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "smbios/little_endian.h"

namespace hwfp::smbios {
namespace {

bool AllPrintable(absl::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(),
                     [](char c) { return c >= 32 && c < 127; });
}

// Returns the offset just past the double NUL ending the string set of the
// structure at `offset` with formatted `length`, searching no further than
// `size`; a result above `size` means the set is cut off. This is
// dmidecode's search, so both agree on where every structure ends.
size_t EndOfStrings(absl::string_view table, size_t offset, size_t length) {
  const size_t size = table.size();
  size_t next = offset + length;
  while (next + 1 < size && (table[next] != 0 || table[next + 1] != 0)) {
    ++next;
  }
  return next + 2;
}

// Management Device (type 34) structures of some firmware announce 0x10
// bytes but hold only the 0x0B of the spec followed by a string; dmidecode
// reads them as 0x0B bytes when the extra bytes are printable, and reads
// the string set from 0x0B (the end of the structure stays where the
// announced length puts it, found before the fix-up).
bool NeedsType34Fixup(absl::string_view raw) {
  return raw[0] == 34 && static_cast<uint8_t>(raw[1]) == 0x10 &&
         AllPrintable(raw.substr(0x0B, 0x10 - 0x0B));
}

class Walker {
 public:
  Walker(absl::string_view table, const EntryPoint& entry,
         std::vector<Structure>& structures, std::vector<Warning>& warnings)
      : table_(table),
        entry_(entry),
        structures_(structures),
        warnings_(warnings) {}

  void Walk();

 private:
  // Reads the structure at offset_; returns false when the walk must stop.
  bool Step();
  void CheckTotals();
  void Warn(WarningKind kind, std::optional<uint16_t> handle, size_t offset,
            std::string message) {
    warnings_.push_back({kind, handle, offset, std::move(message)});
  }

  absl::string_view table_;
  const EntryPoint& entry_;
  std::vector<Structure>& structures_;
  std::vector<Warning>& warnings_;
  size_t offset_ = 0;
  int count_ = 0;
  bool stopped_on_fault_ = false;
  bool saw_end_of_table_ = false;
};

void Walker::Walk() {
  const int announced = entry_.structure_count;
  while ((announced == 0 || count_ < announced) &&
         offset_ + 4 <= table_.size()) {
    if (!Step()) break;
  }
  CheckTotals();
}

bool Walker::Step() {
  const uint8_t type = static_cast<uint8_t>(table_[offset_]);
  const uint8_t length = static_cast<uint8_t>(table_[offset_ + 1]);
  const uint16_t handle = internal::Load16(table_.data() + offset_ + 2);

  if (length < 4) {
    stopped_on_fault_ = true;
    // Zero bytes where a header should be: firmware (Hyper-V) padded the
    // table after its last structure, without an End-of-Table structure.
    if (type == 0 && length == 0) {
      const absl::string_view rest = table_.substr(offset_);
      const size_t zeros =
          std::find_if(rest.begin(), rest.end(), [](char c) { return c; }) -
          rest.begin();
      Warn(WarningKind::kZeroPadding, std::nullopt, offset_,
           absl::StrFormat("zero bytes at offset 0x%X where a structure "
                           "header should be (%d zero bytes, %d bytes to "
                           "the table's end): padding after the last "
                           "structure, no End-of-Table; walk stopped as "
                           "dmidecode stops (\"Invalid entry length (0)\")",
                           offset_, zeros, rest.size()));
    } else {
      Warn(WarningKind::kBrokenLength, handle, offset_,
           absl::StrFormat("structure 0x%04X (type %d) at offset 0x%X "
                           "announces length %d, less than its 4-byte "
                           "header; the next structure cannot be found, "
                           "walk stopped",
                           handle, type, offset_, length));
    }
    return false;
  }
  ++count_;

  const size_t next = EndOfStrings(table_, offset_, length);
  if (next > table_.size()) {
    stopped_on_fault_ = true;
    Warn(WarningKind::kTruncated, handle, offset_,
         absl::StrFormat("structure 0x%04X (type %d) at offset 0x%X runs "
                         "past the table's end at 0x%X; walk stopped",
                         handle, type, offset_, table_.size()));
    return false;
  }

  const absl::string_view raw = table_.substr(offset_, next - offset_);
  uint8_t read_length = length;
  if (NeedsType34Fixup(raw)) {
    read_length = 0x0B;
    Warn(WarningKind::kLengthFixup, handle, offset_,
         absl::StrFormat("structure 0x%04X (type 34) at offset 0x%X "
                         "announces length 16; read as 11, strings read "
                         "from offset 11 (dmidecode's fix-up)",
                         handle, offset_));
  }
  structures_.emplace_back(raw, read_length, offset_);
  offset_ = next;

  if (type == 127 && entry_.StopsAtEndOfTable()) {
    saw_end_of_table_ = true;
    return false;
  }
  return true;
}

void Walker::CheckTotals() {
  const int announced = entry_.structure_count;
  if (announced != 0 && count_ != announced) {
    Warn(WarningKind::kCountMismatch, std::nullopt, offset_,
         absl::StrFormat("entry point announces %d structures, the table "
                         "holds %d",
                         announced, count_));
  }
  if (announced != 0 && offset_ < table_.size()) {
    Warn(WarningKind::kLengthMismatch, std::nullopt, offset_,
         absl::StrFormat("entry point announces %d table bytes, the "
                         "structures occupy %d",
                         table_.size(), offset_));
  }
  if (entry_.StopsAtEndOfTable() && !saw_end_of_table_ &&
      !stopped_on_fault_) {
    Warn(WarningKind::kMissingEndOfTable, std::nullopt, offset_,
         absl::StrFormat("table ends at offset 0x%X without an End-of-Table "
                         "structure (type 127)",
                         offset_));
  }
}

}  // namespace

const char* WarningKindName(WarningKind kind) {
  switch (kind) {
    case WarningKind::kEntryPointFixup:
      return "entry-point-fixup";
    case WarningKind::kBrokenLength:
      return "broken-length";
    case WarningKind::kZeroPadding:
      return "zero-padding";
    case WarningKind::kTruncated:
      return "truncated";
    case WarningKind::kLengthFixup:
      return "length-fixup";
    case WarningKind::kCountMismatch:
      return "count-mismatch";
    case WarningKind::kLengthMismatch:
      return "length-mismatch";
    case WarningKind::kMissingEndOfTable:
      return "missing-end-of-table";
    case WarningKind::kBadStringIndex:
      return "bad-string-index";
  }
  return "unknown";
}

std::vector<const Structure*> Table::OfType(uint8_t type) const {
  std::vector<const Structure*> found;
  for (const Structure& s : structures_) {
    if (s.type() == type) found.push_back(&s);
  }
  return found;
}

const Structure* Table::FindHandle(uint16_t handle) const {
  for (const Structure& s : structures_) {
    if (s.handle() == handle) return &s;
  }
  return nullptr;
}

absl::StatusOr<Table> ParseTable(EntryPoint entry_point, std::string bytes,
                                 std::string source) {
  Table table;
  table.warnings_ = entry_point.warnings;

  // dmidecode reads no more than announced; fewer bytes than a 2.x entry
  // point announces means firmware or the kernel cut the table short.
  const size_t announced = entry_point.table_length;
  if (announced != 0 && bytes.size() > announced) bytes.resize(announced);
  if (entry_point.structure_count != 0 && bytes.size() < announced) {
    table.warnings_.push_back(
        {WarningKind::kLengthMismatch, std::nullopt, bytes.size(),
         absl::StrFormat("entry point announces %d table bytes, only %d "
                         "could be read",
                         announced, bytes.size())});
  }

  table.bytes_ = std::make_shared<const std::string>(std::move(bytes));
  table.source_ = std::move(source);
  table.entry_point_ = std::move(entry_point);
  table.structures_.reserve(table.bytes_->size() / 32 + 1);
  Walker(*table.bytes_, table.entry_point_, table.structures_,
         table.warnings_)
      .Walk();

  if (table.structures_.empty()) {
    std::string why = table.bytes_->empty()
                          ? "it is empty"
                          : table.warnings_.empty()
                                ? "no structure fits"
                                : table.warnings_.back().message;
    return absl::DataLossError(absl::StrCat(
        table.source_, ": no SMBIOS structure could be read: ", why));
  }
  return table;
}

}  // namespace hwfp::smbios
