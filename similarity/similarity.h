// Similarity: decides whether the hardware hash collected now describes the
// same machine as the hash saved in the vault, with the reference agent's
// rules, and explains the decision key by key.
//
// Pure functions over maps: nothing here reads files, collectors or vaults.
//
//   const Explanation explanation = Explain(saved, current, 40);
//   if (!explanation.verdict.similar) { ... mint a new fingerprint ... }

#ifndef HWFP_SIMILARITY_SIMILARITY_H_
#define HWFP_SIMILARITY_SIMILARITY_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace hwfp {

// Key -> value, as in HardwareHash::values and the vault record.
using HashValues = std::map<std::string, std::string>;

// The threshold a new vault starts with, as the reference agent's.
inline constexpr int kDefaultSimilarityThreshold = 40;
// The threshold that turns the check off: every map is similar.
inline constexpr int kSimilarityCheckDisabled = -1;

// The key whose change alone makes two maps describe different machines.
// Linux keeps /etc/machine-id under "machine-id"; the reference agent on
// Windows uses the SMBIOS system UUID under "uuid" instead.
enum class IdentityKey { kMachineId, kUuid };

// Returns "machine-id" or "uuid".
absl::string_view IdentityKeyName(IdentityKey identity);

// The key whose being unchanged, with the identity, settles similarity.
inline constexpr char kAddressKey[] = "ipaddress-info";

// Returns true for the thresholds the reference agent accepts: 1 to 100, or
// -1 (check disabled).
bool IsValidThreshold(int threshold);

// Returns OK for a valid threshold, else InvalidArgument saying which values
// are accepted.
absl::Status CheckThreshold(int threshold);

// The rule that settled a decision, in the order the rules are tried.
enum class SimilarityRule {
  kCheckDisabled,                // Threshold -1: similar.
  kSavedMapEmpty,                // Nothing saved to compare with: not similar.
  kCurrentMapEmpty,              // Nothing collected: not similar.
  kIdentityChanged,              // machine-id (or uuid) differs: not similar.
  kIdentityAndAddressUnchanged,  // Both unchanged: similar.
  kThresholdReached,             // Enough keys match: similar.
  kBelowThreshold,               // Too few keys match: not similar.
};

// Returns a stable identifier for `rule`, e.g. "identity-changed"; JSON
// output and scripts use it.
absl::string_view SimilarityRuleName(SimilarityRule rule);

// A decision without its per-key detail: cheap to compute and to copy.
struct Verdict {
  bool similar = false;
  SimilarityRule rule = SimilarityRule::kSavedMapEmpty;
  IdentityKey identity = IdentityKey::kMachineId;
  int threshold = kDefaultSimilarityThreshold;
  // Keys of the current map whose value equals the saved one.
  int matched = 0;
  // Keys of the current map (the denominator of the percentage).
  int compared = 0;
  // matched / compared * 100 in single precision, as the reference agent
  // computes it (so 53 of 100 keys is 52.9999962, below threshold 53); 0
  // when the current map is empty.
  float percentage = 0;
};

// Decides whether `current` describes the same machine as `saved`, trying
// the reference agent's rules in order:
//   1. threshold -1: similar;
//   2. either map empty: not similar;
//   3. identity value differs (a missing key counts as ""): not similar;
//   4. ipaddress-info unchanged too: similar;
//   5. matched / compared * 100 >= threshold: similar, else not.
// `threshold` is used as given; validate user input with CheckThreshold.
// Never fails.
Verdict Decide(const HashValues& saved, const HashValues& current,
               int threshold, IdentityKey identity = IdentityKey::kMachineId);

// How one key compares between the saved and the current map.
enum class KeyChange {
  kMatched,  // In both, same value.
  kChanged,  // In both, different values.
  kAdded,    // Only in the current map: counted, never matched.
  kRemoved,  // Only in the saved map: not counted.
};

// Returns "matched", "changed", "added" or "removed".
absl::string_view KeyChangeName(KeyChange change);

struct KeyComparison {
  std::string key;
  KeyChange change = KeyChange::kMatched;
  std::string saved;    // Empty when kAdded.
  std::string current;  // Empty when kRemoved.
};

// A decision with its explanation: the verdict and every key of either
// map, sorted by key.
struct Explanation {
  Verdict verdict;
  std::vector<KeyComparison> keys;
};

// Returns Decide()'s verdict together with the comparison of every key.
// Never fails.
Explanation Explain(const HashValues& saved, const HashValues& current,
                    int threshold,
                    IdentityKey identity = IdentityKey::kMachineId);

// Returns one sentence saying which rule decided and why, e.g.
//   "machine-id changed: not similar"
//   "4 of 9 keys match (44.4%), threshold 40: similar"
std::string DescribeVerdict(const Verdict& verdict);

}  // namespace hwfp

#endif  // HWFP_SIMILARITY_SIMILARITY_H_
