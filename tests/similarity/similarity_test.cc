// Each rule of the reference agent's similarity check, in order, and the
// edges between them.

#include "similarity/similarity.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/made_up_hash.h"

namespace hwfp {
namespace {

using ::testing::HasSubstr;

// A Linux machine's nine keys with made-up values.
HashValues Machine() { return hwfp::testing::MadeUpServerHash(); }

// Changes the values of `keys` in `values` (each to a new distinct value).
HashValues Changed(HashValues values, std::initializer_list<const char*> keys) {
  for (const char* key : keys) values[key] = absl::StrCat("new ", key);
  return values;
}

TEST(ThresholdTest, AcceptsOneToHundredAndMinusOne) {
  EXPECT_TRUE(IsValidThreshold(-1));
  EXPECT_TRUE(IsValidThreshold(1));
  EXPECT_TRUE(IsValidThreshold(40));
  EXPECT_TRUE(IsValidThreshold(100));
  EXPECT_FALSE(IsValidThreshold(0));
  EXPECT_FALSE(IsValidThreshold(101));
  EXPECT_FALSE(IsValidThreshold(-2));
}

TEST(ThresholdTest, CheckNamesTheValueAndTheAcceptedRange) {
  EXPECT_TRUE(CheckThreshold(40).ok());
  const absl::Status status = CheckThreshold(0);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("threshold 0"));
  EXPECT_THAT(status.message(), HasSubstr("1 to 100, or -1"));
}

TEST(DecideTest, MinusOneDisablesTheCheckBeforeAnyOtherRule) {
  const Verdict empty = Decide({}, {}, -1);
  EXPECT_TRUE(empty.similar);
  EXPECT_EQ(empty.rule, SimilarityRule::kCheckDisabled);

  const Verdict clone =
      Decide(Machine(), Changed(Machine(), {"machine-id"}), -1);
  EXPECT_TRUE(clone.similar);
  EXPECT_EQ(clone.rule, SimilarityRule::kCheckDisabled);
}

TEST(DecideTest, EmptySavedMapIsNotSimilar) {
  const Verdict verdict = Decide({}, Machine(), 40);
  EXPECT_FALSE(verdict.similar);
  EXPECT_EQ(verdict.rule, SimilarityRule::kSavedMapEmpty);
}

TEST(DecideTest, EmptyCurrentMapIsNotSimilar) {
  const Verdict verdict = Decide(Machine(), {}, 40);
  EXPECT_FALSE(verdict.similar);
  EXPECT_EQ(verdict.rule, SimilarityRule::kCurrentMapEmpty);
  EXPECT_EQ(verdict.compared, 0);
  EXPECT_EQ(verdict.percentage, 0);
}

TEST(DecideTest, BothEmptyReportsTheSavedMapFirst) {
  EXPECT_EQ(Decide({}, {}, 40).rule, SimilarityRule::kSavedMapEmpty);
}

TEST(DecideTest, ChangedMachineIdIsNotSimilarHoweverManyKeysMatch) {
  // Eight of nine keys match (88.9%), far above the threshold: a clone.
  const Verdict verdict =
      Decide(Machine(), Changed(Machine(), {"machine-id"}), 1);
  EXPECT_FALSE(verdict.similar);
  EXPECT_EQ(verdict.rule, SimilarityRule::kIdentityChanged);
  EXPECT_EQ(verdict.matched, 8);
}

TEST(DecideTest, MachineIdMissingOnOneSideCountsAsChanged) {
  HashValues current = Machine();
  current.erase("machine-id");
  EXPECT_EQ(Decide(Machine(), current, 40).rule,
            SimilarityRule::kIdentityChanged);
}

TEST(DecideTest, MissingMachineIdReadsAsEmptyLikeAGoMap) {
  // The reference agent indexes a Go map: absent and "" are the same value.
  HashValues saved = Machine();
  saved.erase("machine-id");
  HashValues current = Machine();
  current["machine-id"] = "";
  const Verdict verdict = Decide(saved, current, 100);
  EXPECT_TRUE(verdict.similar);
  EXPECT_EQ(verdict.rule, SimilarityRule::kIdentityAndAddressUnchanged);
}

TEST(DecideTest, SameMachineIdAndAddressIsSimilarWhateverElseChanged) {
  const HashValues current = Changed(
      Machine(), {"bios-hash", "disk-info", "hostname-info", "macaddr-info",
                  "memory-hash", "processor-hash", "system-hash"});
  const Verdict verdict = Decide(Machine(), current, 100);
  EXPECT_TRUE(verdict.similar);
  EXPECT_EQ(verdict.rule, SimilarityRule::kIdentityAndAddressUnchanged);
  EXPECT_EQ(verdict.matched, 2);
  EXPECT_EQ(verdict.compared, 9);
}

TEST(DecideTest, AddressMissingOnBothSidesCountsAsUnchanged) {
  HashValues saved = Changed(Machine(), {"memory-hash"});
  saved.erase("ipaddress-info");
  HashValues current = Machine();
  current.erase("ipaddress-info");
  EXPECT_EQ(Decide(saved, current, 100).rule,
            SimilarityRule::kIdentityAndAddressUnchanged);
}

TEST(DecideTest, AddressChangedFallsBackToThePercentage) {
  // Only ipaddress-info changed: 8 of 9 keys match.
  const Verdict verdict =
      Decide(Machine(), Changed(Machine(), {"ipaddress-info"}), 40);
  EXPECT_TRUE(verdict.similar);
  EXPECT_EQ(verdict.rule, SimilarityRule::kThresholdReached);
  EXPECT_EQ(verdict.matched, 8);
  EXPECT_EQ(verdict.compared, 9);
  EXPECT_FLOAT_EQ(verdict.percentage, 800.0f / 9.0f);
}

TEST(DecideTest, FourOfNineReachesFortyThreeOfNineDoesNot) {
  // 4/9 = 44.4% >= 40; 3/9 = 33.3% < 40.
  const HashValues four =
      Changed(Machine(), {"ipaddress-info", "bios-hash", "disk-info",
                          "memory-hash", "processor-hash"});
  const Verdict reached = Decide(Machine(), four, 40);
  EXPECT_EQ(reached.matched, 4);
  EXPECT_TRUE(reached.similar);
  EXPECT_EQ(reached.rule, SimilarityRule::kThresholdReached);

  const HashValues three = Changed(four, {"system-hash"});
  const Verdict below = Decide(Machine(), three, 40);
  EXPECT_EQ(below.matched, 3);
  EXPECT_FALSE(below.similar);
  EXPECT_EQ(below.rule, SimilarityRule::kBelowThreshold);
}

TEST(DecideTest, PercentageEqualToThresholdIsSimilar) {
  // 2 of 5 keys is exactly 40%.
  const HashValues saved = {{"machine-id", "m"},
                            {"ipaddress-info", "a"},
                            {"k1", "1"},
                            {"k2", "2"},
                            {"k3", "3"}};
  const HashValues current = {{"machine-id", "m"},
                              {"ipaddress-info", "b"},
                              {"k1", "1"},
                              {"k2", "x"},
                              {"k3", "x"}};
  const Verdict at = Decide(saved, current, 40);
  EXPECT_EQ(at.matched, 2);
  EXPECT_TRUE(at.similar);
  EXPECT_FALSE(Decide(saved, current, 41).similar);
}

TEST(DecideTest, ThresholdHundredNeedsEveryKeyOnceTheAddressChanged) {
  const HashValues current = Changed(Machine(), {"ipaddress-info"});
  EXPECT_FALSE(Decide(Machine(), current, 100).similar);
  EXPECT_TRUE(Decide(Machine(), current, 88).similar);
  EXPECT_FALSE(Decide(Machine(), current, 89).similar);
}

TEST(DecideTest, DenominatorIsTheCurrentMap) {
  // Keys only in the saved map are not counted; keys only in the current
  // map are counted and never match.
  const HashValues saved = {{"machine-id", "m"},
                            {"ipaddress-info", "a"},
                            {"gone-1", "x"},
                            {"gone-2", "y"}};
  const HashValues current = {
      {"machine-id", "m"}, {"ipaddress-info", "b"}, {"fresh", "z"}};
  const Verdict verdict = Decide(saved, current, 34);
  EXPECT_EQ(verdict.matched, 1);
  EXPECT_EQ(verdict.compared, 3);
  EXPECT_FALSE(verdict.similar);  // 33.3% < 34.
  EXPECT_TRUE(Decide(saved, current, 33).similar);
}

TEST(DecideTest, SinglePrecisionQuirkOfTheReferenceIsKept) {
  // float32(53) / float32(100) * 100 == 52.9999962 < 53: the reference
  // agent calls 53 of 100 matching keys "below threshold 53".
  HashValues saved = {{"machine-id", "m"}, {"ipaddress-info", "a"}};
  HashValues current = {{"machine-id", "m"}, {"ipaddress-info", "b"}};
  for (int i = 0; i < 98; ++i) {
    const std::string key = absl::StrCat("key-", 100 + i);
    saved[key] = "same";
    current[key] = i < 52 ? "same" : "other";
  }
  const Verdict verdict = Decide(saved, current, 53);
  EXPECT_EQ(verdict.matched, 53);
  EXPECT_EQ(verdict.compared, 100);
  EXPECT_FALSE(verdict.similar);
  EXPECT_LT(verdict.percentage, 53.0f);
  EXPECT_TRUE(Decide(saved, current, 52).similar);
  EXPECT_THAT(DescribeVerdict(verdict), HasSubstr("(52.9%)"));
}

TEST(DecideTest, UuidIdentityForWindowsMaps) {
  const HashValues saved = {
      {"uuid", "A"}, {"ipaddress-info", "1"}, {"bios-hash", "b"}};
  const HashValues current = {
      {"uuid", "B"}, {"ipaddress-info", "1"}, {"bios-hash", "b"}};
  const Verdict by_uuid = Decide(saved, current, 40, IdentityKey::kUuid);
  EXPECT_FALSE(by_uuid.similar);
  EXPECT_EQ(by_uuid.rule, SimilarityRule::kIdentityChanged);
  EXPECT_EQ(DescribeVerdict(by_uuid), "uuid changed: not similar");

  // Neither map has machine-id, so that identity sees no change.
  EXPECT_TRUE(Decide(saved, current, 40).similar);
}

TEST(DecideTest, OutOfRangeThresholdBehavesLikeTheReference) {
  // Zero is refused as input, but a stored zero makes every map that keeps
  // its identity similar, as in the reference agent.
  const HashValues current =
      Changed(Machine(),
              {"ipaddress-info", "bios-hash", "disk-info", "hostname-info",
               "macaddr-info", "memory-hash", "processor-hash", "system-hash"});
  EXPECT_TRUE(Decide(Machine(), current, 0).similar);
  EXPECT_FALSE(Decide(Machine(), current, 12).similar);
}

TEST(ExplainTest, ListsEveryKeyOfEitherMapSortedWithBothValues) {
  HashValues saved = Machine();
  saved["only-saved"] = "s";
  HashValues current = Changed(Machine(), {"ipaddress-info"});
  current["only-current"] = "c";

  const Explanation explanation = Explain(saved, current, 40);
  ASSERT_EQ(explanation.keys.size(), 11u);
  for (size_t i = 1; i < explanation.keys.size(); ++i) {
    EXPECT_LT(explanation.keys[i - 1].key, explanation.keys[i].key);
  }

  auto find = [&](const std::string& key) {
    for (const KeyComparison& comparison : explanation.keys) {
      if (comparison.key == key) return comparison;
    }
    ADD_FAILURE() << "no comparison for " << key;
    return KeyComparison{};
  };
  const KeyComparison address = find("ipaddress-info");
  EXPECT_EQ(address.change, KeyChange::kChanged);
  EXPECT_EQ(address.saved, "10.0.4.17");
  EXPECT_EQ(address.current, "new ipaddress-info");

  const KeyComparison bios = find("bios-hash");
  EXPECT_EQ(bios.change, KeyChange::kMatched);
  EXPECT_EQ(bios.saved, bios.current);

  EXPECT_EQ(find("only-saved").change, KeyChange::kRemoved);
  EXPECT_EQ(find("only-saved").saved, "s");
  EXPECT_EQ(find("only-current").change, KeyChange::kAdded);
  EXPECT_EQ(find("only-current").current, "c");

  // 8 matched of the current map's 10 keys.
  EXPECT_EQ(explanation.verdict.matched, 8);
  EXPECT_EQ(explanation.verdict.compared, 10);
  EXPECT_TRUE(explanation.verdict.similar);
}

TEST(ExplainTest, VerdictEqualsDecide) {
  const HashValues current =
      Changed(Machine(), {"ipaddress-info", "disk-info"});
  const Verdict decided = Decide(Machine(), current, 80);
  const Verdict explained = Explain(Machine(), current, 80).verdict;
  EXPECT_EQ(explained.similar, decided.similar);
  EXPECT_EQ(explained.rule, decided.rule);
  EXPECT_EQ(explained.matched, decided.matched);
  EXPECT_EQ(explained.percentage, decided.percentage);
}

TEST(DescribeVerdictTest, NamesTheDecidingRule) {
  EXPECT_EQ(DescribeVerdict(Decide({}, Machine(), 40)),
            "the saved hardware hash is empty: not similar");
  EXPECT_EQ(DescribeVerdict(Decide(Machine(), {}, 40)),
            "the current hardware hash is empty: not similar");
  EXPECT_EQ(DescribeVerdict(Decide(Machine(), Machine(), -1)),
            "the similarity check is disabled (threshold -1): similar");
  EXPECT_EQ(DescribeVerdict(
                Decide(Machine(), Changed(Machine(), {"machine-id"}), 40)),
            "machine-id changed: not similar");
  EXPECT_EQ(DescribeVerdict(Decide(Machine(), Machine(), 40)),
            "machine-id and ipaddress-info unchanged: similar");
  EXPECT_EQ(DescribeVerdict(
                Decide(Machine(), Changed(Machine(), {"ipaddress-info"}), 40)),
            "ipaddress-info changed; 8 of 9 keys match (88.8%), threshold 40: "
            "similar");
  EXPECT_EQ(
      DescribeVerdict(
          Decide(Machine(), Changed(Machine(), {"ipaddress-info"}), 100)),
      "ipaddress-info changed; 8 of 9 keys match (88.8%), below threshold "
      "100: not similar");
}

TEST(NamesTest, StableIdentifiers) {
  EXPECT_EQ(SimilarityRuleName(SimilarityRule::kIdentityChanged),
            "identity-changed");
  EXPECT_EQ(SimilarityRuleName(SimilarityRule::kBelowThreshold),
            "below-threshold");
  EXPECT_EQ(KeyChangeName(KeyChange::kRemoved), "removed");
  EXPECT_EQ(IdentityKeyName(IdentityKey::kMachineId), "machine-id");
}

}  // namespace
}  // namespace hwfp
