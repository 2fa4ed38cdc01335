#include <openssl/md5.h>
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/flags/flag.h"
#include "rapidjson/document.h"
#include "gtest/gtest.h"
ABSL_FLAG(int, x, 1, "x");
TEST(T, Md5) {
  unsigned char d[16];
  MD5(reinterpret_cast<const unsigned char*>("abc"), 3, d);
  std::string s(reinterpret_cast<char*>(d), 16);
  EXPECT_EQ(absl::Base64Escape(s), "kAFQmDzST7DWlj99KOF/cg==");
  absl::StatusOr<int> v = 3; EXPECT_TRUE(v.ok());
  rapidjson::Document doc; doc.Parse("{\"a\":1}"); EXPECT_TRUE(doc.HasMember("a"));
}
