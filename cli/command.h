// The hwfp command line is a set of subcommands (`hwfp smbios`, `hwfp hash`,
// `hwfp fingerprint`, ...). Each lives in its own file and registers itself
// here, so the binary is assembled by listing command libraries in BUILD and
// no file needs to know every command.
//
// A command library must be declared with `alwayslink = True`; otherwise the
// linker drops the registrar, which nothing else refers to.

#ifndef HWFP_CLI_COMMAND_H_
#define HWFP_CLI_COMMAND_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"

namespace hwfp::cli {

// Process exit statuses, documented in README.md. Scripts branch on them, so
// a value never changes meaning once released.
enum ExitStatus : int {
  kExitOk = 0,
  kExitFailure = 1,        // Anything not listed below.
  kExitUsage = 2,          // Unknown command, flag or argument.
  kExitNoTables = 3,       // The machine or file has no SMBIOS tables.
  kExitUnreadable = 4,     // Tables or vault exist but may not be read.
  kExitBrokenTables = 5,   // Tables exist but cannot be decoded at all.
  kExitVault = 6,          // The vault is unsafe, corrupt or locked.
};

// Maps a failed status to the exit status scripts see: kNotFound ->
// kExitNoTables, kPermissionDenied -> kExitUnreadable, kDataLoss ->
// kExitBrokenTables, kInvalidArgument -> kExitUsage, others -> kExitFailure.
ExitStatus ExitStatusFor(const absl::Status& status);

struct Command {
  const char* name;     // As typed after `hwfp`.
  const char* summary;  // One line for `hwfp --help`.
  // Runs the command on the positional arguments left after flag parsing
  // (the command name excluded) and returns the process exit status. Output
  // goes to stdout, diagnostics to stderr.
  int (*run)(absl::Span<const std::string> args);
};

// Adds `command` to the registry; used through a namespace-scope object:
//
//   const CommandRegistrar kRegistrar({"hash", "prints the hardware hash",
//                                      &RunHash});
class CommandRegistrar {
 public:
  explicit CommandRegistrar(const Command& command);
};

// Returns every registered command, sorted by name.
std::vector<Command> RegisteredCommands();

}  // namespace hwfp::cli

#endif  // HWFP_CLI_COMMAND_H_
