// ParseBoundedJson, the parser every vault file goes through: a depth
// limit without recursion, valid UTF-8 only, nothing after the value.

#include "vault/bounded_json.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hwfp {
namespace {

using ::testing::HasSubstr;

TEST(ParseBoundedJsonTest, ParsesWithinTheLimit) {
  rapidjson::Document document;
  ASSERT_TRUE(ParseBoundedJson(R"({"a":{"b":[1,2]}})", 3, document).ok());
  EXPECT_EQ(document["a"]["b"][1].GetInt(), 2);
}

TEST(ParseBoundedJsonTest, RefusesOneLevelTooDeep) {
  rapidjson::Document document;
  const absl::Status status =
      ParseBoundedJson(R"({"a":{"b":[1,2]}})", 2, document);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(status.message(), HasSubstr("deeper than 2 levels"));
}

TEST(ParseBoundedJsonTest, RefusesAMillionOpenBracketsWithoutRecursing) {
  // A recursive parser would exhaust the stack long before the end.
  const std::string deep(1000000, '[');
  rapidjson::Document document;
  const absl::Status status = ParseBoundedJson(deep, 8, document);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(status.message(), HasSubstr("at byte 8"));

  std::string objects;
  for (int i = 0; i < 200000; ++i) objects += "{\"k\":";
  EXPECT_EQ(ParseBoundedJson(objects, 8, document).code(),
            absl::StatusCode::kDataLoss);
}

TEST(ParseBoundedJsonTest, RefusesInvalidUtf8) {
  rapidjson::Document document;
  const absl::Status status =
      ParseBoundedJson("{\"k\":\"\xff\xfe\"}", 4, document);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(status.message(), HasSubstr("encoding"));
}

TEST(ParseBoundedJsonTest, RefusesTrailingBytesAndEmptyText) {
  rapidjson::Document document;
  EXPECT_THAT(ParseBoundedJson("{} {}", 4, document).message(),
              HasSubstr("not JSON"));
  EXPECT_FALSE(ParseBoundedJson("", 4, document).ok());
  EXPECT_FALSE(ParseBoundedJson(std::string("{}\0", 3), 4, document).ok());
}

TEST(ParseBoundedJsonTest, KeepsEscapedZeroBytesInStrings) {
  rapidjson::Document document;
  ASSERT_TRUE(ParseBoundedJson(R"({"k":"a\u0000b"})", 4, document).ok());
  EXPECT_EQ(document["k"].GetStringLength(), 3u);
}

}  // namespace
}  // namespace hwfp
