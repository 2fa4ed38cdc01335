// What every SMBIOS fuzz target does with a table once it has one: reads
// every field of every structure through the public accessors, runs every
// typed decoder and dmidecode-style description on every structure and
// hashes the table into the firmware keys, so that a read past a structure
// or its string set shows up under AddressSanitizer; then writes the table
// back as a dump that must read back to the same structures.

#ifndef HWFP_TESTS_FUZZ_SMBIOS_FUZZ_UTIL_H_
#define HWFP_TESTS_FUZZ_SMBIOS_FUZZ_UTIL_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "smbios/table.h"

namespace hwfp::fuzz {

// Returns ReadDumpFile() of a file holding `bytes` (an in-memory file, so
// no disk is involved). Aborts when the in-memory file cannot be made.
absl::StatusOr<smbios::Table> ReadDumpBytes(absl::string_view bytes);

// Touches every byte `table` exposes; aborts (a fuzzer finding) when the
// dump it writes does not read back to the same structures.
void ExerciseTable(const smbios::Table& table);

}  // namespace hwfp::fuzz

#endif  // HWFP_TESTS_FUZZ_SMBIOS_FUZZ_UTIL_H_
