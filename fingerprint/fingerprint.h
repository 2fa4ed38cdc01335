// The main job: answers "which machine is this?" with a UUID kept in the
// vault. It collects the hardware hash, compares it with the stored one,
// and either returns the stored fingerprint (same machine), or, after
// retrying in case the machine was still coming up, mints a new one and
// keeps the old record beside it.
//
// The inter-process lock is held from loading the record to saving the new
// one, so concurrent runs on a fresh vault mint exactly one fingerprint;
// it is not held while collecting or waiting between attempts.
//
//   absl::StatusOr<FingerprintResult> result = RunFingerprint(
//       vault, [] { return CollectHardwareHash({}); }, FingerprintOptions());

#ifndef HWFP_FINGERPRINT_FINGERPRINT_H_
#define HWFP_FINGERPRINT_FINGERPRINT_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "collectors/hardware_hash.h"
#include "similarity/similarity.h"
#include "vault/fingerprint_record.h"
#include "vault/vault.h"

namespace hwfp {

// Collects the machine's hardware hash; called once per attempt.
using CollectFunction = std::function<absl::StatusOr<HardwareHash>()>;

struct FingerprintOptions {
  // Collections compared before a fingerprint is replaced; at least 1.
  int attempts = 3;
  // Pause between attempts (not after the last).
  absl::Duration retry_delay = absl::Seconds(1);
  // 1..100 or -1 decides with this threshold and stores it in a record
  // minted now; 0 uses the stored one (40 in a new vault).
  int threshold = 0;
  // How long to wait for another process holding the vault's lock.
  absl::Duration lock_timeout = absl::Seconds(60);

  // Seams for tests; empty means absl::SleepFor, NewUuidV4 and absl::Now.
  std::function<void(absl::Duration)> sleep;
  std::function<absl::StatusOr<std::string>()> new_uuid;
  std::function<absl::Time()> now;
};

enum class FingerprintOutcome {
  kMinted,    // The vault held no fingerprint: a new one was stored.
  kKept,      // Similar to the stored hash: the stored fingerprint.
  kReplaced,  // Not similar on any attempt: a new one replaced it.
};

// Returns "minted", "kept" or "replaced".
absl::string_view FingerprintOutcomeName(FingerprintOutcome outcome);

struct FingerprintResult {
  std::string fingerprint;
  FingerprintOutcome outcome = FingerprintOutcome::kMinted;
  // Collections made, 1..attempts.
  int attempts = 0;
  // The threshold the decision used (and a new record stores).
  int threshold = kDefaultSimilarityThreshold;
  // The hash collected on the last attempt.
  HardwareHash current;
  // The record compared with; none when the vault held none.
  std::optional<FingerprintRecord> saved;
  // The last decision with its explanation; none when `saved` is none.
  std::optional<Explanation> explanation;
  // The fingerprint replaced, kept as InstanceFingerprint.previous.
  std::string previous_fingerprint;
  // Things an operator should hear about (a corrupt record moved aside, an
  // invalid stored threshold), one sentence each.
  std::vector<std::string> warnings;
};

// Returns which identity key a collected map uses: "uuid" when it has that
// key and no "machine-id" (the reference agent's Windows maps), otherwise
// "machine-id".
IdentityKey IdentityKeyFor(const HashValues& current);

// Runs the main job on `vault` (opened with VaultAccess::kCreate). Fails
// with kInvalidArgument for bad options; with the collector's error when
// the last attempt could not collect (a value that is not valid UTF-8
// counts as a failed collection, as in the reference agent); with a vault
// error (see vault/errors.h) when the vault is unsafe, locked too long or
// cannot be written. Nothing stored is lost on any failure.
absl::StatusOr<FingerprintResult> RunFingerprint(
    Vault& vault, const CollectFunction& collect,
    const FingerprintOptions& options);

}  // namespace hwfp

#endif  // HWFP_FINGERPRINT_FINGERPRINT_H_
