#include "fingerprint/fingerprint.h"

#include <algorithm>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "fingerprint/uuid.h"
#include "vault/fingerprint_store.h"

namespace hwfp {
namespace {

// Returns true for well-formed UTF-8 as Go's utf8.ValidString defines it:
// no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    int length = 0;
    unsigned char low = 0x80, high = 0xbf;  // Bounds of the second byte.
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead == 0xe0) low = 0xa0;
      if (lead == 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead == 0xf0) low = 0x90;
      if (lead == 0xf4) high = 0x8f;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    const unsigned char second = static_cast<unsigned char>(text[i + 1]);
    if (second < low || second > high) return false;
    for (int k = 2; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += length;
  }
  return true;
}

absl::Status CheckUtf8(const HardwareHash& hash) {
  for (const auto& [key, value] : hash.values) {
    if (!IsValidUtf8(key) || !IsValidUtf8(value)) {
      return absl::DataLossError(absl::StrCat(
          "the collected value of \"", absl::CHexEscape(key),
          "\" is not valid UTF-8: \"", absl::CHexEscape(value), "\""));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckOptions(const FingerprintOptions& options) {
  if (options.attempts < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("attempts must be at least 1, not ", options.attempts));
  }
  if (options.retry_delay < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("the retry delay must not be negative");
  }
  if (options.threshold != 0) return CheckThreshold(options.threshold);
  return absl::OkStatus();
}

void AddWarnings(const std::vector<std::string>& warnings,
                 std::vector<std::string>& into) {
  for (const std::string& warning : warnings) {
    if (std::find(into.begin(), into.end(), warning) == into.end()) {
      into.push_back(warning);
    }
  }
}

// Returns the threshold to decide with: the option's, else the record's,
// else (a record from elsewhere holding an unaccepted value) the default,
// with a warning.
int ThresholdFor(const FingerprintOptions& options,
                 const FingerprintRecord& record,
                 std::vector<std::string>& warnings) {
  if (options.threshold != 0) return options.threshold;
  if (IsValidThreshold(record.similarity_threshold)) {
    return record.similarity_threshold;
  }
  AddWarnings({absl::StrCat("the stored similarity threshold ",
                            record.similarity_threshold,
                            " is not accepted (1 to 100, or -1); deciding "
                            "with ",
                            kDefaultSimilarityThreshold)},
              warnings);
  return kDefaultSimilarityThreshold;
}

}  // namespace

absl::string_view FingerprintOutcomeName(FingerprintOutcome outcome) {
  switch (outcome) {
    case FingerprintOutcome::kMinted:
      return "minted";
    case FingerprintOutcome::kKept:
      return "kept";
    case FingerprintOutcome::kReplaced:
      return "replaced";
  }
  return "unknown";
}

IdentityKey IdentityKeyFor(const HashValues& current) {
  const bool has_uuid =
      current.count(std::string(IdentityKeyName(IdentityKey::kUuid))) != 0;
  const bool has_machine_id =
      current.count(std::string(IdentityKeyName(IdentityKey::kMachineId))) != 0;
  return has_uuid && !has_machine_id ? IdentityKey::kUuid
                                     : IdentityKey::kMachineId;
}

absl::StatusOr<FingerprintResult> RunFingerprint(
    Vault& vault, const CollectFunction& collect,
    const FingerprintOptions& options) {
  if (absl::Status valid = CheckOptions(options); !valid.ok()) return valid;
  const auto sleep = options.sleep ? options.sleep : [](absl::Duration d) {
    absl::SleepFor(d);
  };
  const auto new_uuid = options.new_uuid ? options.new_uuid : NewUuidV4;
  const auto now = options.now ? options.now : absl::Now;

  FingerprintResult result;
  absl::Status collected = absl::OkStatus();
  for (int attempt = 1; attempt <= options.attempts; ++attempt) {
    if (attempt > 1) sleep(options.retry_delay);
    result.attempts = attempt;

    absl::StatusOr<HardwareHash> hash = collect();
    collected = hash.ok() ? CheckUtf8(*hash) : hash.status();
    if (!collected.ok()) continue;
    result.current = *std::move(hash);

    // Load, decide and save under one lock: a concurrent run either sees
    // the record this one stores, or stored the record this one sees.
    absl::StatusOr<VaultLock> lock =
        vault.Lock(LockKind::kExclusive, options.lock_timeout);
    if (!lock.ok()) return lock.status();
    absl::StatusOr<LoadedFingerprint> loaded =
        LoadFingerprint(vault, *lock, now());
    if (!loaded.ok()) return loaded.status();
    AddWarnings(loaded->warnings, result.warnings);

    const bool first_run = !loaded->record.has_value();
    const bool last = attempt == options.attempts;
    if (!first_run) {
      result.saved = *std::move(loaded->record);
      result.threshold = ThresholdFor(options, *result.saved, result.warnings);
      result.explanation =
          Explain(result.saved->hardware_hash, result.current.values,
                  result.threshold, IdentityKeyFor(result.current.values));
      if (result.explanation->verdict.similar) {
        result.fingerprint = result.saved->fingerprint;
        result.outcome = FingerprintOutcome::kKept;
        return result;
      }
      // Not similar yet: a device may still be coming up. Try again, with
      // the lock released while waiting.
      if (!last) continue;
    } else {
      result.threshold = options.threshold != 0 ? options.threshold
                                                : kDefaultSimilarityThreshold;
    }

    absl::StatusOr<std::string> uuid = new_uuid();
    if (!uuid.ok()) return uuid.status();
    FingerprintRecord record;
    record.fingerprint = *uuid;
    record.hardware_hash = result.current.values;
    record.similarity_threshold = result.threshold;

    std::optional<PreviousFingerprint> previous;
    if (!first_run) {
      previous.emplace();
      previous->record = *result.saved;
      previous->replaced_at = FormatRecordTime(now());
      previous->replaced_by = record.fingerprint;
      previous->reason = DescribeVerdict(result.explanation->verdict);
    }
    if (absl::Status stored = StoreFingerprint(vault, *lock, record,
                                               previous ? &*previous : nullptr);
        !stored.ok()) {
      return stored;
    }
    result.fingerprint = record.fingerprint;
    result.outcome =
        first_run ? FingerprintOutcome::kMinted : FingerprintOutcome::kReplaced;
    if (!first_run) result.previous_fingerprint = result.saved->fingerprint;
    return result;
  }

  // The last attempt could not collect: like the reference agent, store
  // nothing rather than decide on a stale or partial hash.
  return absl::Status(
      collected.code(),
      absl::StrCat("collecting the hardware hash failed on attempt ",
                   result.attempts, " of ", options.attempts, ": ",
                   collected.message()));
}

}  // namespace hwfp
