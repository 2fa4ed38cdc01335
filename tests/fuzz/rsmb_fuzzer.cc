// Fuzzes the reader of what Windows' GetSystemFirmwareTable('RSMB') returns
// (RawSMBIOSData: an 8-byte header, then the table). Seeds: each fixture's
// DMI behind a header made for it (tools/test-fuzz).

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "smbios/sources.h"
#include "tests/fuzz/smbios_fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::StatusOr<hwfp::smbios::Table> table = hwfp::smbios::ParseRawSmbiosData(
      absl::string_view(reinterpret_cast<const char*>(data), size),
      "fuzz RSMB buffer");
  if (table.ok()) hwfp::fuzz::ExerciseTable(*table);
  return 0;
}
