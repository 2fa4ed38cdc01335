#include "cli/flags.h"

#include "absl/flags/flag.h"

ABSL_FLAG(std::string, root, "/",
          "root folder to read the machine through (hash, fingerprint, "
          "smbios)");
ABSL_FLAG(bool, json, false, "print JSON instead of text");
ABSL_FLAG(std::string, from_dump, "",
          "smbios: read a `dmidecode --dump-bin` file instead of the machine");
ABSL_FLAG(std::string, dump_bin, "",
          "smbios: also write the table to this file in dmidecode's dump "
          "layout");
ABSL_FLAG(std::vector<std::string>, t, {},
          "smbios: structure types or dmidecode keywords to print, comma "
          "separated or repeated");
ABSL_FLAG(std::string, vault, "",
          "vault folder (default /var/lib/hwfp/vault for root, else "
          "$XDG_STATE_HOME/hwfp/vault)");
ABSL_FLAG(int, threshold, 0,
          "similarity threshold 1..100, or -1 to disable the check; 0 keeps "
          "the stored one (40 for a new vault)");
ABSL_FLAG(int, attempts, 3,
          "fingerprint: collections tried before a new fingerprint is minted");
ABSL_FLAG(int, retry_delay_ms, 1000,
          "fingerprint: pause between attempts, in milliseconds");
