// Flags shared by hwfp's subcommands. absl/flags keeps one global namespace,
// so every flag is declared once here and each command reads the ones it
// documents; README.md lists which command takes which.

#ifndef HWFP_CLI_FLAGS_H_
#define HWFP_CLI_FLAGS_H_

#include <string>
#include <vector>

#include "absl/flags/declare.h"

// Root folder every machine read goes through ("/" for the live system).
ABSL_DECLARE_FLAG(std::string, root);
// Print JSON (through RapidJSON) instead of text.
ABSL_DECLARE_FLAG(bool, json);
// hwfp smbios: read a `dmidecode --dump-bin` file instead of the machine.
ABSL_DECLARE_FLAG(std::string, from_dump);
// hwfp smbios: write the table read as a dump dmidecode can read back.
ABSL_DECLARE_FLAG(std::string, dump_bin);
// hwfp smbios: structure types or dmidecode keywords to print (repeatable).
ABSL_DECLARE_FLAG(std::vector<std::string>, t);
// Vault folder; empty means the per-user default.
ABSL_DECLARE_FLAG(std::string, vault);
// Similarity threshold, 1..100 or -1; 0 means "the stored or default one".
ABSL_DECLARE_FLAG(int, threshold);
// hwfp fingerprint: attempts before a new fingerprint is minted.
ABSL_DECLARE_FLAG(int, attempts);
// hwfp fingerprint: pause between attempts, in milliseconds.
ABSL_DECLARE_FLAG(int, retry_delay_ms);

#endif  // HWFP_CLI_FLAGS_H_
