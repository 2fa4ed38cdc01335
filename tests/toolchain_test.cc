// Checks that the Debian libraries reach the build under the names the
// project uses, and that the shared fixtures are visible to tests.

#include <openssl/evp.h>

#include <fstream>
#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/testing/fixtures.h"

namespace {

TEST(ToolchainTest, OpenSslMd5AndAbseilBase64) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  ASSERT_EQ(EVP_Digest("abc", 3, digest, &size, EVP_md5(), nullptr), 1);
  EXPECT_EQ(absl::Base64Escape(
                std::string(reinterpret_cast<char*>(digest), size)),
            "kAFQmDzST7DWlj99KOF/cg==");
}

TEST(ToolchainTest, RapidJsonParses) {
  rapidjson::Document document;
  document.Parse("{\"threshold\": 40}");
  ASSERT_FALSE(document.HasParseError());
  EXPECT_EQ(document["threshold"].GetInt(), 40);
}

TEST(ToolchainTest, FixturesAreReadable) {
  const std::optional<std::string> dir = hwfp::testing::FixturesDir();
  if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;
  std::ifstream table(*dir + "/smbios/hyperv/DMI", std::ios::binary);
  ASSERT_TRUE(table.good());
  EXPECT_EQ(table.get(), 0);  // Hyper-V's first structure is BIOS, type 0.
}

}  // namespace
