#include "similarity/similarity.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace hwfp {
namespace {

// One pass over both sorted maps: the matched count and the identity and
// address values on each side. A missing key reads as "", as when the
// reference agent indexes a Go map.
struct Scan {
  int matched = 0;
  absl::string_view saved_identity;
  absl::string_view current_identity;
  absl::string_view saved_address;
  absl::string_view current_address;
};

class Scanner {
 public:
  explicit Scanner(absl::string_view identity_key)
      : identity_key_(identity_key) {}

  Scan Run(const HashValues& saved, const HashValues& current) {
    auto s = saved.begin();
    for (const auto& [key, value] : current) {
      // Skip saved keys sorting before `key`; equal keys, the common case,
      // cost one equality test.
      bool in_saved = false;
      while (s != saved.end()) {
        if (s->first == key) {
          in_saved = true;
          break;
        }
        if (s->first.compare(key) > 0) break;
        Note(s->first, s->second, scan_.saved_identity, scan_.saved_address);
        ++s;
      }
      Note(key, value, scan_.current_identity, scan_.current_address);
      if (in_saved) {
        Note(s->first, s->second, scan_.saved_identity, scan_.saved_address);
        if (s->second == value) ++scan_.matched;
        ++s;
      }
    }
    for (; s != saved.end(); ++s) {
      Note(s->first, s->second, scan_.saved_identity, scan_.saved_address);
    }
    return scan_;
  }

 private:
  void Note(absl::string_view key, absl::string_view value,
            absl::string_view& identity, absl::string_view& address) const {
    if (key == identity_key_) {
      identity = value;
    } else if (key == kAddressKey) {
      address = value;
    }
  }

  const absl::string_view identity_key_;
  Scan scan_;
};

// A percentage shown to people never rounds up across a threshold: 52.99
// reads "52.9", not "53.0", when 53 is the threshold it missed.
std::string ShownPercentage(float percentage) {
  return absl::StrFormat("%.1f", std::floor(double{percentage} * 10) / 10);
}

}  // namespace

absl::string_view IdentityKeyName(IdentityKey identity) {
  return identity == IdentityKey::kUuid ? "uuid" : "machine-id";
}

bool IsValidThreshold(int threshold) {
  return threshold == kSimilarityCheckDisabled ||
         (threshold >= 1 && threshold <= 100);
}

absl::Status CheckThreshold(int threshold) {
  if (IsValidThreshold(threshold)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "similarity threshold ", threshold,
      " is not accepted: use 1 to 100, or -1 to disable the check"));
}

absl::string_view SimilarityRuleName(SimilarityRule rule) {
  switch (rule) {
    case SimilarityRule::kCheckDisabled:
      return "check-disabled";
    case SimilarityRule::kSavedMapEmpty:
      return "saved-map-empty";
    case SimilarityRule::kCurrentMapEmpty:
      return "current-map-empty";
    case SimilarityRule::kIdentityChanged:
      return "identity-changed";
    case SimilarityRule::kIdentityAndAddressUnchanged:
      return "identity-and-address-unchanged";
    case SimilarityRule::kThresholdReached:
      return "threshold-reached";
    case SimilarityRule::kBelowThreshold:
      return "below-threshold";
  }
  return "unknown";
}

absl::string_view KeyChangeName(KeyChange change) {
  switch (change) {
    case KeyChange::kMatched:
      return "matched";
    case KeyChange::kChanged:
      return "changed";
    case KeyChange::kAdded:
      return "added";
    case KeyChange::kRemoved:
      return "removed";
  }
  return "unknown";
}

Verdict Decide(const HashValues& saved, const HashValues& current,
               int threshold, IdentityKey identity) {
  const Scan scan = Scanner(IdentityKeyName(identity)).Run(saved, current);

  Verdict verdict;
  verdict.identity = identity;
  verdict.threshold = threshold;
  verdict.compared = static_cast<int>(current.size());
  verdict.matched = scan.matched;
  if (!current.empty()) {
    // Single precision on purpose: the reference agent compares
    // float32(matched) / float32(total) * 100 with float32(threshold).
    verdict.percentage = static_cast<float>(verdict.matched) /
                         static_cast<float>(verdict.compared) * 100.0f;
  }

  if (threshold == kSimilarityCheckDisabled) {
    verdict.similar = true;
    verdict.rule = SimilarityRule::kCheckDisabled;
    return verdict;
  }
  if (saved.empty() || current.empty()) {
    verdict.similar = false;
    verdict.rule = saved.empty() ? SimilarityRule::kSavedMapEmpty
                                 : SimilarityRule::kCurrentMapEmpty;
    return verdict;
  }

  if (scan.saved_identity != scan.current_identity) {
    verdict.similar = false;
    verdict.rule = SimilarityRule::kIdentityChanged;
    return verdict;
  }
  if (scan.saved_address == scan.current_address) {
    verdict.similar = true;
    verdict.rule = SimilarityRule::kIdentityAndAddressUnchanged;
    return verdict;
  }

  verdict.similar = !(verdict.percentage < static_cast<float>(threshold));
  verdict.rule = verdict.similar ? SimilarityRule::kThresholdReached
                                 : SimilarityRule::kBelowThreshold;
  return verdict;
}

Explanation Explain(const HashValues& saved, const HashValues& current,
                    int threshold, IdentityKey identity) {
  Explanation explanation;
  explanation.verdict = Decide(saved, current, threshold, identity);

  // Merge the two sorted maps into one sorted list of keys.
  explanation.keys.reserve(saved.size() + current.size());
  auto s = saved.begin();
  auto c = current.begin();
  while (s != saved.end() || c != current.end()) {
    KeyComparison comparison;
    const int order = s == saved.end()     ? 1
                      : c == current.end() ? -1
                                           : s->first.compare(c->first);
    if (order < 0) {
      comparison = {s->first, KeyChange::kRemoved, s->second, ""};
      ++s;
    } else if (order > 0) {
      comparison = {c->first, KeyChange::kAdded, "", c->second};
      ++c;
    } else {
      const KeyChange change =
          s->second == c->second ? KeyChange::kMatched : KeyChange::kChanged;
      comparison = {c->first, change, s->second, c->second};
      ++s;
      ++c;
    }
    explanation.keys.push_back(std::move(comparison));
  }
  return explanation;
}

std::string DescribeVerdict(const Verdict& verdict) {
  const absl::string_view outcome = verdict.similar ? "similar" : "not similar";
  const absl::string_view identity = IdentityKeyName(verdict.identity);
  switch (verdict.rule) {
    case SimilarityRule::kCheckDisabled:
      return absl::StrCat("the similarity check is disabled (threshold -1): ",
                          outcome);
    case SimilarityRule::kSavedMapEmpty:
      return absl::StrCat("the saved hardware hash is empty: ", outcome);
    case SimilarityRule::kCurrentMapEmpty:
      return absl::StrCat("the current hardware hash is empty: ", outcome);
    case SimilarityRule::kIdentityChanged:
      return absl::StrCat(identity, " changed: ", outcome);
    case SimilarityRule::kIdentityAndAddressUnchanged:
      return absl::StrCat(identity, " and ", kAddressKey,
                          " unchanged: ", outcome);
    case SimilarityRule::kThresholdReached:
    case SimilarityRule::kBelowThreshold:
      return absl::StrCat(kAddressKey, " changed; ", verdict.matched, " of ",
                          verdict.compared, " keys match (",
                          ShownPercentage(verdict.percentage), "%), ",
                          verdict.similar ? "threshold " : "below threshold ",
                          verdict.threshold, ": ", outcome);
  }
  return std::string(outcome);
}

}  // namespace hwfp
