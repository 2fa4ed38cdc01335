// `hwfp hash [--root DIR] [--json]`: prints the hardware hash, the nine
// values the fingerprint is built from.
//
// Text output is one "key: value" line per key, values C-escaped (the
// machine ID keeps its newline, shown as \n); an empty value's reason goes
// to stderr. JSON output is
//   {"hardwareHash": {key: value, ...}, "sources": {key: note, ...}}.

#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/types/span.h"
#include "cli/command.h"
#include "cli/decision_output.h"
#include "cli/flags.h"
#include "collectors/collect.h"
#include "rapidjson/stringbuffer.h"

namespace hwfp::cli {
namespace {

std::string ToJson(const HardwareHash& hash) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("hardwareHash");
  WriteMapJson(hash.values, writer);
  writer.Key("sources");
  WriteMapJson(hash.sources, writer);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

int RunHash(absl::Span<const std::string> args) {
  if (!args.empty()) {
    std::fprintf(stderr, "hwfp hash: unexpected argument '%s'\n",
                 args.front().c_str());
    return kExitUsage;
  }

  CollectOptions options;
  options.root = absl::GetFlag(FLAGS_root);
  const absl::StatusOr<HardwareHash> hash = CollectHardwareHash(options);
  if (!hash.ok()) {
    PrintError("hash", hash.status());
    // Only the root folder can fail the collection: a bad --root is a
    // usage error unless it exists and we may not read it.
    return hash.status().code() == absl::StatusCode::kPermissionDenied
               ? kExitUnreadable
               : kExitUsage;
  }

  if (absl::GetFlag(FLAGS_json)) {
    std::printf("%s\n", ToJson(*hash).c_str());
    return kExitOk;
  }
  for (const auto& [key, value] : hash->values) {
    std::printf("%s: %s\n", key.c_str(), absl::CEscape(value).c_str());
    if (value.empty()) {
      const auto source = hash->sources.find(key);
      std::fprintf(stderr, "hwfp hash: %s is empty: %s\n", key.c_str(),
                   source == hash->sources.end() ? "no reason given"
                                                 : source->second.c_str());
    }
  }
  return kExitOk;
}

const CommandRegistrar kRegistrar({"hash",
                                   "prints the hardware hash (--root, --json)",
                                   &RunHash});

}  // namespace
}  // namespace hwfp::cli
