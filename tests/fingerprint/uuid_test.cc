// Fingerprint UUIDs: RFC 4122 version 4 layout from given bytes, and fresh
// ones from the kernel's random source.

#include "fingerprint/uuid.h"

#include <set>
#include <string>

#include "gtest/gtest.h"
#include "vault/fingerprint_record.h"

namespace hwfp {
namespace {

TEST(FormatUuidV4Test, SetsVersionAndVariantBits) {
  std::array<uint8_t, 16> bytes;
  bytes.fill(0xff);
  EXPECT_EQ(FormatUuidV4(bytes), "ffffffff-ffff-4fff-bfff-ffffffffffff");
  bytes.fill(0x00);
  EXPECT_EQ(FormatUuidV4(bytes), "00000000-0000-4000-8000-000000000000");
}

TEST(FormatUuidV4Test, KeepsTheOtherBitsInOrder) {
  const std::array<uint8_t, 16> bytes = {0x0f, 0x8f, 0xad, 0x5b, 0xd9, 0xcb,
                                         0x46, 0x9f, 0xa1, 0x65, 0x70, 0x86,
                                         0x77, 0x28, 0x95, 0x0e};
  EXPECT_EQ(FormatUuidV4(bytes), "0f8fad5b-d9cb-469f-a165-70867728950e");
}

TEST(NewUuidV4Test, RandomVersionFourUuids) {
  std::set<std::string> seen;
  for (int i = 0; i < 64; ++i) {
    const absl::StatusOr<std::string> uuid = NewUuidV4();
    ASSERT_TRUE(uuid.ok()) << uuid.status();
    EXPECT_TRUE(IsUuidText(*uuid)) << *uuid;
    EXPECT_EQ((*uuid)[14], '4');
    EXPECT_NE(std::string("89ab").find((*uuid)[19]), std::string::npos);
    seen.insert(*uuid);
  }
  EXPECT_EQ(seen.size(), 64u);
}

}  // namespace
}  // namespace hwfp
