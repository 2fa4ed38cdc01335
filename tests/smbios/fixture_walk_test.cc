// Walks every real table in the shared fixtures and checks that the
// structures found (handle, type, length, order) and the faults reported
// are the ones dmidecode found in the same table (its dmidecode.txt).

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "smbios/describe.h"
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

// dmidecode fields of decoded types this library leaves undecoded on
// purpose (long bit lists and DDR5-era module details); every other field
// of those types must be produced, with dmidecode's value.
bool LeftUndecoded(int type, const std::string& name) {
  static const char* const kBios[] = {"Characteristics"};
  static const char* const kProcessor[] = {"Flags"};
  static const char* const kMemory[] = {
      "Memory Technology", "Memory Operating Mode Capability",
      "Firmware Version", "Module Manufacturer ID", "Module Product ID",
      "Memory Subsystem Controller Manufacturer ID",
      "Memory Subsystem Controller Product ID", "Non-Volatile Size",
      "Volatile Size", "Cache Size", "Logical Size"};
  auto in = [&name](const auto& list) {
    for (const char* n : list) {
      if (name == n) return true;
    }
    return false;
  };
  if (type == 0) return in(kBios);
  if (type == 4) return in(kProcessor);
  if (type == 17) return in(kMemory);
  return false;
}

TEST_P(FixtureWalkTest, DecodedFieldsEqualDmidecodes) {
  absl::StatusOr<Table> table = ReadDumpFile(folder_ + "/dump.bin");
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->structures().size(), dmidecode_.records.size());

  int compared = 0;
  int bad_indices = 0;
  std::vector<Warning> warnings;
  for (size_t i = 0; i < dmidecode_.records.size(); ++i) {
    const Structure& s = table->structures()[i];
    const hwfp::testing::DmidecodeRecord& r = dmidecode_.records[i];
    const Description d = Describe(s, table->version(), &warnings);
    // dmidecode decodes some vendors' OEM types (Lenovo's 131, 140); only
    // the ones it dumps as bytes compare with this library's dump.
    if (!IsDecodedType(s.type()) && r.title != "OEM-specific Type") continue;
    SCOPED_TRACE(absl::StrCat("handle ", r.handle, " type ", r.type));

    EXPECT_EQ(d.title, r.title);
    for (const Field& field : d.fields) {
      const hwfp::testing::DmidecodeField* theirs = r.Find(field.name);
      if (theirs == nullptr) {
        ADD_FAILURE() << "dmidecode has no field " << field.name;
        continue;
      }
      EXPECT_EQ(field.value, theirs->value) << field.name;
      if (!field.items.empty() || !theirs->items.empty()) {
        EXPECT_EQ(field.items, theirs->items) << field.name;
      }
      ++compared;
    }
    for (const hwfp::testing::DmidecodeField& theirs : r.fields) {
      if (theirs.value == "<BAD INDEX>") ++bad_indices;
      for (const std::string& item : theirs.items) {
        if (item == "<BAD INDEX>") ++bad_indices;
      }
      if (LeftUndecoded(r.type, theirs.key)) continue;
      bool ours = false;
      for (const Field& field : d.fields) {
        ours = ours || field.name == theirs.key;
      }
      EXPECT_TRUE(ours) << "field not decoded: " << theirs.key;
    }
  }
  EXPECT_GT(compared, 20);

  // Every "<BAD INDEX>" dmidecode shows in these types is a warning here.
  int bad_index_warnings = 0;
  for (const Warning& w : warnings) {
    if (w.kind == WarningKind::kBadStringIndex) ++bad_index_warnings;
  }
  EXPECT_EQ(bad_index_warnings, bad_indices);
}

// dmidecode's table-level messages and this library's walk warnings must
// name the same faults.
TEST_P(FixtureWalkTest, WalkWarningsCorrespondToDmidecodes) {
  absl::StatusOr<Table> table = ReadDumpFile(folder_ + "/dump.bin");
  ASSERT_TRUE(table.ok()) << table.status();

  std::vector<std::string> expected;
  for (const std::string& message : dmidecode_.messages) {
    if (absl::StartsWith(message, "Invalid entry length (0)")) {
      expected.push_back("zero-padding");
    } else if (absl::StartsWith(message, "Invalid entry length")) {
      expected.push_back(absl::StrContains(message, "Fixed up")
                             ? "length-fixup"
                             : "broken-length");
    } else if (absl::StartsWith(message, "Wrong DMI structures count")) {
      expected.push_back("count-mismatch");
    } else if (absl::StartsWith(message, "Wrong DMI structures length")) {
      expected.push_back("length-mismatch");
    } else {
      ADD_FAILURE() << "unexpected dmidecode message: " << message;
    }
  }
  std::vector<std::string> found;
  for (const Warning& w : table->warnings()) {
    found.push_back(WarningKindName(w.kind));
  }
  EXPECT_EQ(found, expected);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureWalkTest,
                         ::testing::ValuesIn(kTables));

}  // namespace
}  // namespace hwfp::smbios
