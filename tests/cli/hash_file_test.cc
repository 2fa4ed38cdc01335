// `hwfp compare`'s input files: the three accepted shapes (plain object,
// vault record, `hwfp hash --json` output), what is refused, and errors
// that name the file.

#include "cli/hash_file.h"

#include <unistd.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace hwfp::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ParseHashFileTest, PlainObject) {
  const absl::StatusOr<HashFile> file =
      ParseHashFile(R"({"machine-id":"m","disk-info":null})");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->values.at("machine-id"), "m");
  EXPECT_EQ(file->values.at("disk-info"), "");
  EXPECT_FALSE(file->threshold.has_value());
}

TEST(ParseHashFileTest, VaultRecordWithItsThreshold) {
  const absl::StatusOr<HashFile> file =
      ParseHashFile(R"({"fingerprint":"x","hardwareHash":{"machine-id":"m"},)"
                    R"("similarityThreshold":70})");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->values.size(), 1u);
  EXPECT_EQ(file->threshold, 70);
}

TEST(ParseHashFileTest, HashCommandOutputIgnoresSources) {
  const absl::StatusOr<HashFile> file = ParseHashFile(
      R"({"hardwareHash":{"machine-id":"m"},"sources":{"machine-id":"/etc"}})");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->values.size(), 1u);
}

TEST(ParseHashFileTest, RefusesOtherShapes) {
  EXPECT_THAT(ParseHashFile("[]").status().message(),
              HasSubstr("not a JSON object"));
  EXPECT_THAT(ParseHashFile(R"({"hardwareHash":7})").status().message(),
              HasSubstr("not an object"));
  EXPECT_THAT(ParseHashFile(R"({"k":{"x":"y"}})").status().message(),
              HasSubstr("\"k\" is not a string"));
  EXPECT_THAT(ParseHashFile(R"({"hardwareHash":{},"similarityThreshold":"x"})")
                  .status()
                  .message(),
              HasSubstr("not an integer"));
  EXPECT_EQ(ParseHashFile(std::string(100000, '[')).status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(ReadHashFileTest, NamesTheFileAndRefusesHugeOnes) {
  hwfp::testing::TempDir dir;
  const std::string path = dir.path() + "/hash.json";
  ASSERT_TRUE(hwfp::testing::WriteTestFile(path, R"({"k":"v"})"));
  EXPECT_EQ(ReadHashFile(path)->values.at("k"), "v");

  ASSERT_EQ(truncate(path.c_str(), 2 << 20), 0);
  EXPECT_THAT(ReadHashFile(path).status().message(),
              HasSubstr(path + ": is 2097152 bytes"));
  EXPECT_THAT(ReadHashFile(dir.path() + "/none").status().message(),
              HasSubstr("/none: No such file"));
}

// /proc/self/mem is a regular file whose first read fails (EIO: address 0
// is not mapped), a stand-in for a disk error. The failure must be
// reported as such, not as "not JSON: The document is empty".
TEST(ReadHashFileTest, ReadErrorIsReportedAsOne) {
  constexpr char kPath[] = "/proc/self/mem";
  if (access(kPath, R_OK) != 0) GTEST_SKIP() << kPath << " is not readable";

  const absl::StatusOr<HashFile> file = ReadHashFile(kPath);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(file.status().message(),
              HasSubstr("/proc/self/mem: cannot be read: "));
  EXPECT_THAT(file.status().message(), Not(HasSubstr("JSON")));
}

}  // namespace
}  // namespace hwfp::cli
