// Prints one line about an SMBIOS table: version, structure count and the
// number of faults the walk met. Reads a `dmidecode --dump-bin` file when
// given one, else this machine.
//
//   smbios_summary [DUMP-FILE]

#include <cstdio>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "smbios/sources.h"
#include "smbios/table.h"

int main(int argc, char** argv) {
  const absl::StatusOr<hwfp::smbios::Table> table =
      argc > 1 ? hwfp::smbios::ReadDumpFile(argv[1])
               : hwfp::smbios::ReadSysfsTable("/");
  if (!table.ok()) {
    std::fprintf(stderr, "smbios_summary: %s\n",
                 table.status().ToString().c_str());
    return 1;
  }
  std::printf("%s\n",
              absl::StrCat("SMBIOS ", table->version().ToString(), ": ",
                           table->structures().size(), " structures, ",
                           table->warnings().size(), " warnings, from ",
                           table->source())
                  .c_str());
  return 0;
}
