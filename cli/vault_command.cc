// `hwfp vault show|clear|set-threshold N [--vault DIR] [--json]`: looks at
// and maintains the vault.
//
//   show           the fingerprint record, the previous one, other keys and
//                  files set aside
//   clear          keeps the record as the previous one and removes it, so
//                  the next `hwfp fingerprint` mints a new fingerprint
//   set-threshold  stores a new similarity threshold, 1..100 or -1 (write
//                  `set-threshold -- -1` or `--threshold=-1`, since a bare
//                  -1 reads as a flag)

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/types/span.h"
#include "cli/command.h"
#include "cli/decision_output.h"
#include "cli/flags.h"
#include "cli/vault_dir.h"
#include "similarity/similarity.h"
#include "vault/fingerprint_store.h"

namespace hwfp::cli {
namespace {

constexpr char kName[] = "vault";
constexpr char kUsage[] =
    "usage: hwfp vault show|clear|set-threshold N [--vault DIR] [--json]";

// Everything `show` prints.
struct VaultView {
  std::string dir;
  bool exists = false;
  std::optional<FingerprintRecord> record;
  std::optional<PreviousFingerprint> previous;
  std::vector<std::string> other_keys;
  std::vector<std::string> set_aside;
};

absl::StatusOr<VaultView> LoadView(const std::string& dir) {
  VaultView view;
  view.dir = dir;
  absl::StatusOr<Vault> vault = Vault::Open(dir, VaultAccess::kReadOnly);
  if (vault.status().code() == absl::StatusCode::kNotFound) return view;
  if (!vault.ok()) return vault.status();
  view.exists = true;

  absl::StatusOr<VaultLock> lock = vault->Lock(LockKind::kShared);
  if (!lock.ok()) return lock.status();
  absl::StatusOr<std::optional<FingerprintRecord>> record =
      ReadFingerprint(*vault);
  if (!record.ok()) {
    if (!absl::IsDataLoss(record.status())) return record.status();
    // Show changes nothing; say what will.
    return absl::DataLossError(absl::StrCat(
        record.status().message(),
        "; `hwfp fingerprint` moves the corrupt record aside and mints a "
        "new fingerprint, or restore the vault from a backup to keep the "
        "old one"));
  }
  view.record = *std::move(record);
  absl::StatusOr<std::optional<PreviousFingerprint>> previous =
      ReadPreviousFingerprint(*vault);
  if (!previous.ok()) return previous.status();
  view.previous = *std::move(previous);

  absl::StatusOr<std::vector<std::string>> keys = vault->Keys();
  if (!keys.ok()) return keys.status();
  for (std::string& key : *keys) {
    if (key != kFingerprintKey && key != kPreviousFingerprintKey) {
      view.other_keys.push_back(std::move(key));
    }
  }
  absl::StatusOr<std::vector<std::string>> aside = vault->UnlistedStoreFiles();
  if (!aside.ok()) return aside.status();
  view.set_aside = *std::move(aside);
  return view;
}

std::string ViewJson(const VaultView& view) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("vault");
  WriteStringJson(view.dir, writer);
  writer.Key("exists");
  writer.Bool(view.exists);
  writer.Key("record");
  if (view.record.has_value()) {
    WriteRecordJson(*view.record, writer);
  } else {
    writer.Null();
  }
  writer.Key("previous");
  if (view.previous.has_value()) {
    writer.StartObject();
    writer.Key("record");
    WriteRecordJson(view.previous->record, writer);
    writer.Key("replacedAt");
    WriteStringJson(view.previous->replaced_at, writer);
    writer.Key("replacedBy");
    WriteStringJson(view.previous->replaced_by, writer);
    writer.Key("reason");
    WriteStringJson(view.previous->reason, writer);
    writer.EndObject();
  } else {
    writer.Null();
  }
  for (const auto& [name, list] :
       {std::make_pair("otherKeys", &view.other_keys),
        std::make_pair("setAside", &view.set_aside)}) {
    writer.Key(name);
    writer.StartArray();
    for (const std::string& item : *list) WriteStringJson(item, writer);
    writer.EndArray();
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string ViewText(const VaultView& view) {
  std::string text = absl::StrCat("vault: ", view.dir, "\n");
  if (!view.exists) {
    absl::StrAppend(&text, "(no vault yet: hwfp fingerprint creates it)\n");
    return text;
  }
  if (!view.record.has_value()) {
    absl::StrAppend(&text, "fingerprint: none\n");
  } else {
    absl::StrAppend(&text, "fingerprint: ", view.record->fingerprint, "\n",
                    "similarity threshold: ", view.record->similarity_threshold,
                    "\n", "hardware hash:\n");
    for (const auto& [key, value] : view.record->hardware_hash) {
      absl::StrAppend(&text, "  ", absl::CEscape(key), ": ",
                      absl::CEscape(value), "\n");
    }
  }
  if (view.previous.has_value()) {
    const PreviousFingerprint& previous = *view.previous;
    absl::StrAppend(&text, "previous: ", previous.record.fingerprint,
                    ", replaced at ", previous.replaced_at);
    if (!previous.replaced_by.empty()) {
      absl::StrAppend(&text, " by ", previous.replaced_by);
    }
    absl::StrAppend(&text, ": ", absl::CEscape(previous.reason), "\n");
    if (view.record.has_value()) {
      // What changed between the previous record and the current one.
      absl::StrAppend(
          &text, ExplanationText(Explain(
                     previous.record.hardware_hash, view.record->hardware_hash,
                     IsValidThreshold(view.record->similarity_threshold)
                         ? view.record->similarity_threshold
                         : kDefaultSimilarityThreshold)));
    }
  }
  if (!view.other_keys.empty()) {
    absl::StrAppend(&text, "other keys: ", absl::StrJoin(view.other_keys, ", "),
                    "\n");
  }
  if (!view.set_aside.empty()) {
    absl::StrAppend(&text,
                    "set aside in Store: ", absl::StrJoin(view.set_aside, ", "),
                    "\n");
  }
  return text;
}

int Show(const std::string& dir) {
  const absl::StatusOr<VaultView> view = LoadView(dir);
  if (!view.ok()) {
    PrintError(kName, view.status());
    return VaultExitStatus(view.status());
  }
  if (absl::GetFlag(FLAGS_json)) {
    std::printf("%s\n", ViewJson(*view).c_str());
  } else {
    std::printf("%s", ViewText(*view).c_str());
  }
  return kExitOk;
}

// Opens an existing vault with its exclusive lock and loads the record
// (moving a corrupt one aside, with a warning), then runs `change` on it.
template <typename Change>
int Modify(const std::string& dir, Change change) {
  absl::StatusOr<Vault> vault = Vault::Open(dir, VaultAccess::kReadOnly);
  if (vault.status().code() == absl::StatusCode::kNotFound) {
    std::fprintf(stderr, "hwfp vault: no vault at %s\n", dir.c_str());
    return kExitFailure;
  }
  if (!vault.ok()) {
    PrintError(kName, vault.status());
    return VaultExitStatus(vault.status());
  }
  absl::StatusOr<VaultLock> lock = vault->Lock(LockKind::kExclusive);
  if (!lock.ok()) {
    PrintError(kName, lock.status());
    return VaultExitStatus(lock.status());
  }
  absl::StatusOr<LoadedFingerprint> loaded =
      LoadFingerprint(*vault, *lock, absl::Now());
  if (!loaded.ok()) {
    PrintError(kName, loaded.status());
    return VaultExitStatus(loaded.status());
  }
  for (const std::string& warning : loaded->warnings) {
    std::fprintf(stderr, "hwfp vault: warning: %s\n", warning.c_str());
  }
  return change(*vault, *lock, loaded->record);
}

int Clear(const std::string& dir) {
  return Modify(dir, [](Vault& vault, const VaultLock& lock,
                        const std::optional<FingerprintRecord>&) {
    absl::StatusOr<std::optional<FingerprintRecord>> cleared = ClearFingerprint(
        vault, lock, absl::Now(), "cleared by hwfp vault clear");
    if (!cleared.ok()) {
      PrintError(kName, cleared.status());
      return VaultExitStatus(cleared.status());
    }
    if (!cleared->has_value()) {
      std::printf("no fingerprint to clear in %s\n", vault.dir().c_str());
    } else {
      std::printf("cleared %s (kept as %s)\n", (*cleared)->fingerprint.c_str(),
                  kPreviousFingerprintKey);
    }
    return static_cast<int>(kExitOk);
  });
}

int SetThreshold(const std::string& dir, int threshold) {
  return Modify(dir, [&](Vault& vault, const VaultLock& lock,
                         const std::optional<FingerprintRecord>& record) {
    if (!record.has_value()) {
      std::fprintf(stderr,
                   "hwfp vault: no fingerprint stored in %s yet; run hwfp "
                   "fingerprint first\n",
                   vault.dir().c_str());
      return static_cast<int>(kExitFailure);
    }
    FingerprintRecord updated = *record;
    updated.similarity_threshold = threshold;
    if (absl::Status stored = StoreFingerprint(vault, lock, updated, nullptr);
        !stored.ok()) {
      PrintError(kName, stored);
      return VaultExitStatus(stored);
    }
    std::printf("similarity threshold: %d -> %d\n",
                record->similarity_threshold, threshold);
    return static_cast<int>(kExitOk);
  });
}

// Returns the threshold given to set-threshold, positional or --threshold.
absl::StatusOr<int> ThresholdArgument(absl::Span<const std::string> args) {
  int threshold = absl::GetFlag(FLAGS_threshold);
  if (args.size() > 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("unexpected argument '", args[2], "'"));
  }
  if (args.size() == 2 && !absl::SimpleAtoi(args[1], &threshold)) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", args[1], "' is not a number"));
  }
  if (args.size() == 1 && threshold == 0) {
    return absl::InvalidArgumentError(
        "set-threshold needs N: 1 to 100, or -1 (written `-- -1` or "
        "--threshold=-1)");
  }
  if (absl::Status valid = CheckThreshold(threshold); !valid.ok()) {
    return valid;
  }
  return threshold;
}

int RunVault(absl::Span<const std::string> args) {
  if (args.empty()) {
    std::fprintf(stderr, "%s\n", kUsage);
    return kExitUsage;
  }
  const std::string& action = args[0];
  if (action != "set-threshold" && args.size() > 1) {
    std::fprintf(stderr, "hwfp vault: unexpected argument '%s'\n%s\n",
                 args[1].c_str(), kUsage);
    return kExitUsage;
  }
  absl::StatusOr<int> threshold = 0;
  if (action == "set-threshold") {
    threshold = ThresholdArgument(args);
    if (!threshold.ok()) {
      PrintError(kName, threshold.status());
      return kExitUsage;
    }
  } else if (action != "show" && action != "clear") {
    std::fprintf(stderr, "hwfp vault: unknown action '%s'\n%s\n",
                 action.c_str(), kUsage);
    return kExitUsage;
  }

  const absl::StatusOr<std::string> dir = VaultDirFromFlags();
  if (!dir.ok()) {
    PrintError(kName, dir.status());
    return kExitUsage;
  }
  if (action == "show") return Show(*dir);
  if (action == "clear") return Clear(*dir);
  return SetThreshold(*dir, *threshold);
}

const CommandRegistrar kRegistrar(
    {kName,
     "shows or maintains the vault: show, clear, set-threshold N (--vault, "
     "--json)",
     &RunVault});

}  // namespace
}  // namespace hwfp::cli
