// hwfp: collects a machine's hardware hash and keeps its fingerprint.
//
//   hwfp COMMAND [FLAGS] [ARGS]
//
// Commands register themselves (see cli/command.h); this file only parses
// flags and dispatches.

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/command.h"

namespace {

std::string Usage() {
  std::string usage = "usage: hwfp COMMAND [FLAGS] [ARGS]\n\ncommands:\n";
  for (const hwfp::cli::Command& command : hwfp::cli::RegisteredCommands()) {
    absl::StrAppend(&usage, "  ", command.name, "\t", command.summary, "\n");
  }
  absl::StrAppend(&usage,
                  "\nexit statuses: 0 ok, 1 other failure (a flag the flag "
                  "parser rejects\nincluded), 2 bad command or argument, 3 no "
                  "SMBIOS tables, 4 unreadable\ntables or vault, 5 "
                  "undecodable tables, 6 unsafe, corrupt or locked vault."
                  "\n\nRun `hwfp --helpfull` for every flag.");
  return usage;
}

// absl's own --help lists only the flags of the file holding main(), which
// has none; asking for help prints the command list instead.
bool AsksForHelp(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-help" || arg == "-h") return true;
  }
  return argc == 2 && std::string(argv[1]) == "help";
}

// Flags are declared with underscores (absl's convention) but documented
// with dashes, as users type them: `--from-dump` becomes `--from_dump`.
void UnderscoreFlagName(std::string& arg) {
  if (arg.rfind("--", 0) != 0) return;
  const size_t end = std::min(arg.find('='), arg.size());
  for (size_t i = 2; i < end; ++i) {
    if (arg[i] == '-') arg[i] = '_';
  }
}

// `-t` may be repeated (`-t bios -t 4`); absl keeps only the last value of a
// flag, so the repeats are folded into one comma-separated value first.
std::vector<char*> FoldRepeatedTypeFlags(int argc, char** argv,
                                         std::string& folded,
                                         std::vector<std::string>& renamed) {
  std::vector<char*> kept;
  std::vector<std::string> types;
  for (int i = 0; i < argc; ++i) {
    const bool bare = std::strcmp(argv[i], "-t") == 0 ||
                      std::strcmp(argv[i], "--t") == 0;
    if (bare && i + 1 < argc) {
      types.push_back(argv[++i]);
    } else if (std::strncmp(argv[i], "-t=", 3) == 0) {
      types.push_back(argv[i] + 3);
    } else if (std::strncmp(argv[i], "--t=", 4) == 0) {
      types.push_back(argv[i] + 4);
    } else {
      renamed.emplace_back(argv[i]);
      UnderscoreFlagName(renamed.back());
      kept.push_back(nullptr);  // Filled in once `renamed` stops growing.
    }
  }
  for (size_t i = 0, next = 0; i < kept.size(); ++i) {
    if (kept[i] == nullptr) kept[i] = renamed[next++].data();
  }
  if (!types.empty()) {
    folded = absl::StrCat("--t=", absl::StrJoin(types, ","));
    kept.push_back(folded.data());
  }
  return kept;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(Usage());
  if (AsksForHelp(argc, argv)) {
    std::printf("%s\n", Usage().c_str());
    return hwfp::cli::kExitOk;
  }
  std::string folded;
  std::vector<std::string> renamed;
  std::vector<char*> args =
      FoldRepeatedTypeFlags(argc, argv, folded, renamed);
  std::vector<char*> positional =
      absl::ParseCommandLine(static_cast<int>(args.size()), args.data());
  if (positional.size() < 2) {
    std::fprintf(stderr, "%s\n", Usage().c_str());
    return hwfp::cli::kExitUsage;
  }

  const std::string name = positional[1];
  for (const hwfp::cli::Command& command : hwfp::cli::RegisteredCommands()) {
    if (name == command.name) {
      std::vector<std::string> rest(positional.begin() + 2, positional.end());
      return command.run(rest);
    }
  }
  std::fprintf(stderr, "hwfp: unknown command '%s'\n\n%s\n", name.c_str(),
               Usage().c_str());
  return hwfp::cli::kExitUsage;
}
