// Md5Base64, the digest every firmware key and disk-info uses: the same
// text as `md5sum | xxd -r -p | base64`, embedded zero bytes included.

#include "collectors/digest.h"

#include <string>

#include "gtest/gtest.h"

namespace hwfp {
namespace {

// Reference values from `printf ... | md5sum | xxd -r -p | base64`.
TEST(Md5Base64Test, MatchesCoreutils) {
  EXPECT_EQ(Md5Base64(""), "1B2M2Y8AsgTpgAmY7PhCfg==");
  EXPECT_EQ(Md5Base64("abc"), "kAFQmDzST7DWlj99KOF/cg==");
}

TEST(Md5Base64Test, HashesEmbeddedZeroBytes) {
  const std::string with_zero("a\0b", 3);
  EXPECT_NE(Md5Base64(with_zero), Md5Base64("a"));
  EXPECT_EQ(Md5Base64(with_zero), "cDUPYCe843E/a3ZHMIQwmw==");
}

}  // namespace
}  // namespace hwfp
