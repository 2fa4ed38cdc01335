// Inputs the fuzz campaign (tests/fuzz/) found breaking the vault's
// readers, kept as tests that always run. Each names the target that found
// it and what went wrong.

#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "vault/bounded_json.h"
#include "vault/fingerprint_record.h"
#include "vault/manifest.h"

namespace hwfp {
namespace {

// vault_record_fuzzer and vault_manifest_fuzzer: RapidJSON 1.1.0 decodes a
// \u escape of a lone low surrogate into bytes that are not UTF-8, so a
// record parsed but could not be written back (hwfp fingerprint then failed
// on every run instead of moving the record aside), and a Manifest parsed
// and was written back as bytes hwfp could not read again.
TEST(FuzzRegressionTest, LoneSurrogateEscapesAreRefused) {
  for (const char* text :
       {"\"\\udc00\"", "\"a\\uDDDDb\"", "{\"\\uddF2\":1}", "[\"\\udfff\"]"}) {
    SCOPED_TRACE(text);
    rapidjson::Document document;
    const absl::Status status = ParseBoundedJson(text, 4, document);
    EXPECT_TRUE(absl::IsDataLoss(status)) << status;
    EXPECT_TRUE(absl::StrContains(status.message(), "lone UTF-16 surrogate"))
        << status;
  }
}

TEST(FuzzRegressionTest, SurrogatePairsAndNeighboursStillRead) {
  rapidjson::Document document;
  // U+1F600 as a pair, U+D7FF and U+E000 either side of the surrogates.
  ASSERT_TRUE(ParseBoundedJson("[\"\\ud83d\\ude00\",\"\\ud7ff\",\"\\ue000\"]",
                               4, document)
                  .ok());
  EXPECT_EQ(std::string(document[0].GetString()), "\xF0\x9F\x98\x80");
  EXPECT_EQ(std::string(document[1].GetString()), "\xED\x9F\xBF");
  EXPECT_EQ(std::string(document[2].GetString()), "\xEE\x80\x80");
}

// The minimized inputs the two targets saved.
TEST(FuzzRegressionTest, FoundRecordAndManifestAreRefused) {
  EXPECT_TRUE(absl::IsDataLoss(
      ParseFingerprintRecord("{\"hardwaReHash\":{\"\":\"\\uddF2\"}}")
          .status()));
  EXPECT_TRUE(absl::IsDataLoss(ParseManifest("{\"\":\"\\uDDDD\"}").status()));
}

}  // namespace
}  // namespace hwfp
