#include "cli/command.h"

#include <algorithm>
#include <cstring>

namespace hwfp::cli {
namespace {

// A function-local static: registrars run during static initialisation, in
// an order no file controls.
std::vector<Command>& Registry() {
  static auto* registry = new std::vector<Command>();
  return *registry;
}

}  // namespace

ExitStatus ExitStatusFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return kExitOk;
    case absl::StatusCode::kNotFound:
      return kExitNoTables;
    case absl::StatusCode::kPermissionDenied:
      return kExitUnreadable;
    case absl::StatusCode::kDataLoss:
      return kExitBrokenTables;
    case absl::StatusCode::kInvalidArgument:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

CommandRegistrar::CommandRegistrar(const Command& command) {
  Registry().push_back(command);
}

std::vector<Command> RegisteredCommands() {
  std::vector<Command> commands = Registry();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) {
              return std::strcmp(a.name, b.name) < 0;
            });
  return commands;
}

}  // namespace hwfp::cli
