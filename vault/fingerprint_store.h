// Loading and storing the fingerprint record in a vault. A record that
// cannot be read as one is moved aside and reported, never silently
// replaced; a replaced record is kept under InstanceFingerprint.previous
// with when, by what and why, so an operator can see what changed.

#ifndef HWFP_VAULT_FINGERPRINT_STORE_H_
#define HWFP_VAULT_FINGERPRINT_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "vault/fingerprint_record.h"
#include "vault/vault.h"

namespace hwfp {

struct LoadedFingerprint {
  // None when the vault holds no record, a record the reference agent
  // cleared (empty fingerprint), or one that was just moved aside.
  std::optional<FingerprintRecord> record;
  // What an operator should hear about, one sentence each: a corrupt record
  // moved aside (and where to), a Manifest entry without its file.
  std::vector<std::string> warnings;
};

// Returns the stored record. A record that is not JSON, not a record, or
// larger than kMaxRecordBytes is renamed to
// Store/InstanceFingerprint.corrupt-YYYYMMDDTHHMMSSZ (`now`, UTC), dropped
// from the Manifest, and reported in the warnings. Fails, changing nothing,
// when the vault or the record file is unsafe (see Vault).
absl::StatusOr<LoadedFingerprint> LoadFingerprint(Vault& vault,
                                                  const VaultLock& lock,
                                                  absl::Time now);

// Returns the stored record, or none, changing nothing. Fails with
// kDataLoss where LoadFingerprint would move the record aside.
absl::StatusOr<std::optional<FingerprintRecord>> ReadFingerprint(
    const Vault& vault);

// Returns the previous record kept beside the current one, or none.
absl::StatusOr<std::optional<PreviousFingerprint>> ReadPreviousFingerprint(
    const Vault& vault);

// Stores `record` under InstanceFingerprint; with `previous`, first stores
// it under InstanceFingerprint.previous (so a crash in between leaves the
// old record in place, and the next run decides again). Fails with
// kInvalidArgument when a value is not valid UTF-8.
absl::Status StoreFingerprint(Vault& vault, const VaultLock& lock,
                              const FingerprintRecord& record,
                              const PreviousFingerprint* previous);

// Keeps the stored record as the previous one (reason `reason`, replaced by
// nothing) and removes it, so the next run mints a new fingerprint. Returns
// the record cleared, or none when there was none.
absl::StatusOr<std::optional<FingerprintRecord>> ClearFingerprint(
    Vault& vault, const VaultLock& lock, absl::Time now,
    absl::string_view reason);

// Returns `time` as RFC 3339 UTC, e.g. "2024-05-01T10:15:00Z".
std::string FormatRecordTime(absl::Time time);

}  // namespace hwfp

#endif  // HWFP_VAULT_FINGERPRINT_STORE_H_
