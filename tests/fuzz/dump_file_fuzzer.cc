// Fuzzes the `dmidecode --dump-bin` reader: the input is the whole file.
// Seeds: each fixture's dump.bin (tools/test-fuzz).

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "tests/fuzz/smbios_fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::StatusOr<hwfp::smbios::Table> table = hwfp::fuzz::ReadDumpBytes(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  if (table.ok()) hwfp::fuzz::ExerciseTable(*table);
  return 0;
}
