// The InstanceFingerprint record in the reference agent's JSON, read and
// written byte for byte, and the previous record kept beside it.

#include "vault/fingerprint_record.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hwfp {
namespace {

using ::testing::HasSubstr;

// The bytes Go's encoding/json writes for the reference agent's record:
// fields in declaration order, map keys sorted, no spaces.
constexpr char kReferenceRecord[] =
    R"({"fingerprint":"6f1c9a0e-3b5d-4e2f-9a7c-1d2e3f4a5b6c",)"
    R"("hardwareHash":{"bios-hash":"bqS1cQ1mFNb/xZr3VtjX3A==",)"
    R"("disk-info":"ZGlzay1pbmZv","hostname-info":"web-3",)"
    R"("ipaddress-info":"192.168.1.20","macaddr-info":"00:16:3e:5e:6c:00",)"
    R"("machine-id":"1d9b2f0c4e6a48b1a3c5d7e9f0a2b4c6",)"
    R"("memory-hash":"bWVtb3J5","processor-hash":"cHJvY2Vzc29y",)"
    R"("system-hash":"c3lzdGVt"},"similarityThreshold":40})";

TEST(FingerprintRecordTest, ReadsTheReferenceAgentsRecord) {
  const absl::StatusOr<FingerprintRecord> record =
      ParseFingerprintRecord(kReferenceRecord);
  ASSERT_TRUE(record.ok()) << record.status();
  EXPECT_EQ(record->fingerprint, "6f1c9a0e-3b5d-4e2f-9a7c-1d2e3f4a5b6c");
  EXPECT_EQ(record->similarity_threshold, 40);
  EXPECT_EQ(record->hardware_hash.size(), 9u);
  EXPECT_EQ(record->hardware_hash.at("bios-hash"), "bqS1cQ1mFNb/xZr3VtjX3A==");
}

TEST(FingerprintRecordTest, WritesTheBytesTheReferenceAgentWrites) {
  const absl::StatusOr<FingerprintRecord> record =
      ParseFingerprintRecord(kReferenceRecord);
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(*SerializeFingerprintRecord(*record), kReferenceRecord);
}

TEST(FingerprintRecordTest, MatchesFieldNamesRegardlessOfCaseLikeGo) {
  const absl::StatusOr<FingerprintRecord> record = ParseFingerprintRecord(
      R"({"Fingerprint":"6F1C9A0E-3B5D-4E2F-9A7C-1D2E3F4A5B6C",)"
      R"("HARDWAREHASH":{"k":"v"},"similaritythreshold":-1,"extra":[1]})");
  ASSERT_TRUE(record.ok()) << record.status();
  EXPECT_EQ(record->similarity_threshold, -1);
  EXPECT_EQ(record->hardware_hash.at("k"), "v");
}

TEST(FingerprintRecordTest, ReadsTheReferenceAgentsClearedRecord) {
  // What ClearStoredHardwareInfo stores: an empty hwInfo.
  const absl::StatusOr<FingerprintRecord> record = ParseFingerprintRecord(
      R"({"fingerprint":"","hardwareHash":null,"similarityThreshold":0})");
  ASSERT_TRUE(record.ok()) << record.status();
  EXPECT_TRUE(record->fingerprint.empty());
  EXPECT_TRUE(record->hardware_hash.empty());
}

TEST(FingerprintRecordTest, MissingThresholdReadsAsZero) {
  EXPECT_EQ(
      ParseFingerprintRecord(R"({"fingerprint":""})")->similarity_threshold, 0);
}

TEST(FingerprintRecordTest, RefusesWhatIsNotARecord) {
  struct Case {
    const char* text;
    const char* says;
  };
  for (const Case& c : {
           Case{"[]", "not a JSON object"},
           Case{"null", "not a JSON object"},
           Case{R"({"fingerprint":7})", "\"fingerprint\" is not a string"},
           Case{R"({"fingerprint":"not-a-uuid"})", "is not a UUID"},
           Case{R"({"hardwareHash":[]})", "not an object"},
           Case{R"({"hardwareHash":{"k":1}})", "\"k\" is not a string"},
           Case{R"({"similarityThreshold":40.5})", "not an integer"},
           Case{R"({"similarityThreshold":"40"})", "not an integer"},
           Case{R"({"similarityThreshold":99999999999})", "out of range"},
           Case{"{\"fingerprint\":\"\xc3\x28\"}", "encoding"},
           Case{R"({"a":[[[[[[[[[]]]]]]]]]})", "deeper than"},
           Case{"", "not JSON"},
       }) {
    const absl::StatusOr<FingerprintRecord> record =
        ParseFingerprintRecord(c.text);
    EXPECT_EQ(record.status().code(), absl::StatusCode::kDataLoss) << c.text;
    EXPECT_THAT(record.status().message(), HasSubstr(c.says)) << c.text;
  }
}

TEST(FingerprintRecordTest, RefusesToWriteInvalidUtf8) {
  FingerprintRecord record;
  record.fingerprint = "6f1c9a0e-3b5d-4e2f-9a7c-1d2e3f4a5b6c";
  record.hardware_hash["hostname-info"] = "\xff";
  EXPECT_EQ(SerializeFingerprintRecord(record).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PreviousFingerprintTest, RoundTripsAndReadsAsARecord) {
  PreviousFingerprint previous;
  previous.record.fingerprint = "6f1c9a0e-3b5d-4e2f-9a7c-1d2e3f4a5b6c";
  previous.record.hardware_hash = {{"machine-id", "a"}};
  previous.record.similarity_threshold = 40;
  previous.replaced_at = "2024-05-01T10:15:00Z";
  previous.replaced_by = "0f8fad5b-d9cb-469f-a165-70867728950e";
  previous.reason = "machine-id changed: not similar";

  const absl::StatusOr<std::string> text =
      SerializePreviousFingerprint(previous);
  ASSERT_TRUE(text.ok());
  const absl::StatusOr<PreviousFingerprint> back =
      ParsePreviousFingerprint(*text);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->record.fingerprint, previous.record.fingerprint);
  EXPECT_EQ(back->record.hardware_hash, previous.record.hardware_hash);
  EXPECT_EQ(back->replaced_at, previous.replaced_at);
  EXPECT_EQ(back->replaced_by, previous.replaced_by);
  EXPECT_EQ(back->reason, previous.reason);

  // The reference agent's reader sees a plain record.
  EXPECT_EQ(ParseFingerprintRecord(*text)->fingerprint,
            previous.record.fingerprint);
}

TEST(IsUuidTextTest, ShapeOnly) {
  EXPECT_TRUE(IsUuidText("0f8fad5b-d9cb-469f-a165-70867728950e"));
  EXPECT_TRUE(IsUuidText("0F8FAD5B-D9CB-469F-A165-70867728950E"));
  EXPECT_FALSE(IsUuidText("0f8fad5bd9cb469fa16570867728950e"));
  EXPECT_FALSE(IsUuidText("0f8fad5b-d9cb-469f-a165-70867728950g"));
  EXPECT_FALSE(IsUuidText("0f8fad5b-d9cb-469f-a165-70867728950e0"));
}

}  // namespace
}  // namespace hwfp
