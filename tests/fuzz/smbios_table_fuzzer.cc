// Fuzzes the entry point parser and the table walk together, as the sysfs
// source uses them. Input: one byte N, N bytes of entry point, then the
// table. When the entry point does not parse, the table is still walked,
// under a made-up SMBIOS 3 entry point, so that every input reaches the
// walk. Seeds: each fixture's smbios_entry_point and DMI (tools/test-fuzz).

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "smbios/entry_point.h"
#include "smbios/table.h"
#include "tests/fuzz/smbios_fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t entry_size = std::min<size_t>(data[0], size - 1);
  const absl::string_view entry_bytes = input.substr(1, entry_size);
  const absl::string_view table_bytes = input.substr(1 + entry_size);

  absl::StatusOr<hwfp::smbios::EntryPoint> entry =
      hwfp::smbios::ParseEntryPoint(entry_bytes, "fuzz entry point");
  if (entry.ok()) {
    (void)hwfp::smbios::DescribeVersion(*entry);
  } else {
    hwfp::smbios::EntryPoint made_up;
    made_up.kind = hwfp::smbios::EntryPointKind::kNone;
    made_up.version = {3, 0, 0, true};
    made_up.table_length = static_cast<uint32_t>(table_bytes.size());
    entry = made_up;
  }

  absl::StatusOr<hwfp::smbios::Table> table = hwfp::smbios::ParseTable(
      *std::move(entry), std::string(table_bytes), "fuzz table");
  if (table.ok()) hwfp::fuzz::ExerciseTable(*table);
  return 0;
}
