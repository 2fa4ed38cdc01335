// Walks every real table in the shared fixtures and checks that the
// structures found (handle, type, length, order) and the faults reported
// are the ones dmidecode found in the same table (its dmidecode.txt).

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "smbios/sources.h"
#include "tests/testing/dmidecode_text.h"
#include "tests/testing/fixtures.h"

namespace hwfp::smbios {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

const char* const kTables[] = {
    "asrock-single-ryzen",     "dell-poweredge-r630-dual-xeon",
    "dell-precision-3620",     "generic-smbios27",
    "hyperv",                  "supermicro-quad-opteron",
};

class FixtureWalkTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    const std::optional<std::string> dir = hwfp::testing::FixturesDir();
    if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;
    folder_ = absl::StrCat(*dir, "/smbios/", GetParam());
    dmidecode_ = hwfp::testing::ParseDmidecodeText(
        Slurp(folder_ + "/dmidecode.txt"));
  }

  std::string folder_;
  hwfp::testing::DmidecodeText dmidecode_;
};

TEST_P(FixtureWalkTest, DumpHasDmidecodesStructures) {
  absl::StatusOr<Table> table = ReadDumpFile(folder_ + "/dump.bin");
  ASSERT_TRUE(table.ok()) << table.status();

  EXPECT_EQ(dmidecode_.version_line,
            absl::StrCat(DescribeVersion(table->entry_point()), " present."));
  ASSERT_EQ(table->structures().size(), dmidecode_.records.size());
  for (size_t i = 0; i < dmidecode_.records.size(); ++i) {
    const Structure& s = table->structures()[i];
    const hwfp::testing::DmidecodeRecord& r = dmidecode_.records[i];
    EXPECT_EQ(s.handle(), r.handle) << "structure " << i;
    EXPECT_EQ(s.type(), r.type) << "structure " << i;
    EXPECT_EQ(static_cast<uint8_t>(s.raw()[1]), r.length) << "structure " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureWalkTest,
                         ::testing::ValuesIn(kTables));

}  // namespace
}  // namespace hwfp::smbios
