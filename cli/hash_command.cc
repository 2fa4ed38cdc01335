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
#include "cli/flags.h"
#include "collectors/collect.h"
#include "rapidjson/prettywriter.h"
#include "rapidjson/stringbuffer.h"

namespace hwfp::cli {
namespace {

void WriteObject(const std::map<std::string, std::string>& map,
                 rapidjson::PrettyWriter<rapidjson::StringBuffer>& writer) {
  writer.StartObject();
  for (const auto& [key, value] : map) {
    writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  writer.EndObject();
}

std::string ToJson(const HardwareHash& hash) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("hardwareHash");
  WriteObject(hash.values, writer);
  writer.Key("sources");
  WriteObject(hash.sources, writer);
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
    std::fprintf(stderr, "hwfp hash: %s\n",
                 std::string(hash.status().message()).c_str());
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
