// `hwfp fingerprint [--root DIR] [--vault DIR] [--json] [--threshold N]
// [--attempts N] [--retry_delay_ms N]`: prints this machine's fingerprint,
// the UUID kept in the vault, minting one on the first run and a new one
// when the hardware is no longer similar.
//
// Text output is the UUID alone; warnings, a replacement notice and one
// line naming the keys that came out empty go to stderr. JSON output adds
// the outcome, the decision with its per-key explanation, the hash
// collected and the warnings.

#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "cli/command.h"
#include "cli/decision_output.h"
#include "cli/flags.h"
#include "cli/vault_dir.h"
#include "collectors/collect.h"
#include "fingerprint/fingerprint.h"
#include "vault/errors.h"

namespace hwfp::cli {
namespace {

constexpr char kName[] = "fingerprint";

std::string ToJson(const FingerprintResult& result, const std::string& dir) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("fingerprint");
  WriteStringJson(result.fingerprint, writer);
  writer.Key("outcome");
  WriteStringJson(std::string(FingerprintOutcomeName(result.outcome)), writer);
  if (!result.previous_fingerprint.empty()) {
    writer.Key("previousFingerprint");
    WriteStringJson(result.previous_fingerprint, writer);
  }
  writer.Key("vault");
  WriteStringJson(dir, writer);
  writer.Key("attempts");
  writer.Int(result.attempts);
  writer.Key("threshold");
  writer.Int(result.threshold);
  writer.Key("decision");
  if (result.explanation.has_value()) {
    WriteExplanationJson(*result.explanation, writer);
  } else {
    writer.Null();
  }
  writer.Key("hardwareHash");
  WriteMapJson(result.current.values, writer);
  writer.Key("sources");
  WriteMapJson(result.current.sources, writer);
  writer.Key("warnings");
  writer.StartArray();
  for (const std::string& warning : result.warnings) {
    WriteStringJson(warning, writer);
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Exit status for a failure that is not the vault's: the collector fails
// only on an unusable --root.
int CollectExitStatus(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kPermissionDenied:
      return kExitUnreadable;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kFailedPrecondition:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

int RunFingerprintCommand(absl::Span<const std::string> args) {
  if (!args.empty()) {
    std::fprintf(stderr, "hwfp fingerprint: unexpected argument '%s'\n",
                 args.front().c_str());
    return kExitUsage;
  }
  FingerprintOptions options;
  options.threshold = absl::GetFlag(FLAGS_threshold);
  options.attempts = absl::GetFlag(FLAGS_attempts);
  options.retry_delay = absl::Milliseconds(absl::GetFlag(FLAGS_retry_delay_ms));

  const absl::StatusOr<std::string> dir = VaultDirFromFlags();
  if (!dir.ok()) {
    PrintError(kName, dir.status());
    return kExitUsage;
  }
  absl::StatusOr<Vault> vault = Vault::Open(*dir, VaultAccess::kCreate);
  if (!vault.ok()) {
    PrintError(kName, vault.status());
    return VaultExitStatus(vault.status());
  }

  CollectOptions collect_options;
  collect_options.root = absl::GetFlag(FLAGS_root);
  const absl::StatusOr<FingerprintResult> result = RunFingerprint(
      *vault, [&] { return CollectHardwareHash(collect_options); }, options);
  if (!result.ok()) {
    PrintError(kName, result.status());
    return IsVaultError(result.status()) ? VaultExitStatus(result.status())
                                         : CollectExitStatus(result.status());
  }

  for (const std::string& warning : result->warnings) {
    std::fprintf(stderr, "hwfp fingerprint: warning: %s\n", warning.c_str());
  }
  if (result->outcome == FingerprintOutcome::kReplaced) {
    std::fprintf(stderr,
                 "hwfp fingerprint: replaced %s after %d attempt%s (%s); the "
                 "old record is kept as %s (`hwfp vault show` lists what "
                 "changed)\n",
                 result->previous_fingerprint.c_str(), result->attempts,
                 result->attempts == 1 ? "" : "s",
                 DescribeVerdict(result->explanation->verdict).c_str(),
                 kPreviousFingerprintKey);
  }
  if (absl::GetFlag(FLAGS_json)) {
    std::printf("%s\n", ToJson(*result, *dir).c_str());
    return kExitOk;
  }

  // JSON carries each empty key's reason; text names them once.
  std::vector<std::string> empty_keys;
  for (const auto& [key, value] : result->current.values) {
    if (value.empty()) empty_keys.push_back(key);
  }
  if (!empty_keys.empty()) {
    std::fprintf(stderr,
                 "hwfp fingerprint: empty key%s: %s (`hwfp hash --json` "
                 "shows why)\n",
                 empty_keys.size() == 1 ? "" : "s",
                 absl::StrJoin(empty_keys, ", ").c_str());
  }
  std::printf("%s\n", result->fingerprint.c_str());
  return kExitOk;
}

const CommandRegistrar kRegistrar(
    {kName,
     "prints this machine's fingerprint UUID, kept in the vault (--root, "
     "--vault, --json, --threshold, --attempts, --retry_delay_ms)",
     &RunFingerprintCommand});

}  // namespace
}  // namespace hwfp::cli
