// `hwfp hash` as a user runs it: the JSON layout (hardwareHash + sources,
// nine keys each), the text layout, and exit statuses for a bad --root or
// argument. Runs the built binary on trees made here and, when present,
// on the shared host trees.

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/testing/fixtures.h"
#include "tests/testing/host_tree.h"
#include "tests/testing/run_hwfp.h"

namespace {

using ::hwfp::testing::HostTree;
using ::hwfp::testing::HwfpRun;
using ::hwfp::testing::RunHwfp;

constexpr const char* kKeys[] = {
    "bios-hash",      "disk-info",      "hostname-info",
    "ipaddress-info", "macaddr-info",   "machine-id",
    "memory-hash",    "processor-hash", "system-hash"};

TEST(HashCommandTest, JsonHasNineValuesAndNineSources) {
  HostTree tree("cli-json");
  tree.File("etc/machine-id", "0123456789abcdef0123456789abcdef\n")
      .File("proc/sys/kernel/hostname", "quote\"host\n");

  const HwfpRun run = RunHwfp({"hash", "--json", "--root", tree.root()});
  ASSERT_EQ(run.exit_status, 0) << run.out;
  rapidjson::Document document;
  document.Parse(run.out.c_str());
  ASSERT_FALSE(document.HasParseError()) << run.out;
  ASSERT_TRUE(document.IsObject());
  ASSERT_EQ(document.MemberCount(), 2u);
  const rapidjson::Value& values = document["hardwareHash"];
  const rapidjson::Value& sources = document["sources"];
  ASSERT_EQ(values.MemberCount(), 9u);
  ASSERT_EQ(sources.MemberCount(), 9u);
  for (const char* key : kKeys) {
    ASSERT_TRUE(values.HasMember(key)) << key;
    ASSERT_TRUE(sources.HasMember(key)) << key;
    EXPECT_GT(sources[key].GetStringLength(), 0u) << key;
  }
  EXPECT_STREQ(values["machine-id"].GetString(),
               "0123456789abcdef0123456789abcdef\n");
  EXPECT_STREQ(values["hostname-info"].GetString(), "quote\"host");
  EXPECT_STREQ(values["disk-info"].GetString(), "");
}

TEST(HashCommandTest, TextIsOneEscapedLinePerKey) {
  HostTree tree("cli-text");
  tree.File("etc/machine-id", "0123456789abcdef0123456789abcdef\n")
      .File("proc/sys/kernel/hostname", "box\n");

  const HwfpRun run = RunHwfp({"hash", "--root", tree.root()});
  ASSERT_EQ(run.exit_status, 0);
  const std::vector<std::string> lines =
      absl::StrSplit(run.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 9u) << run.out;
  EXPECT_EQ(lines[2], "hostname-info: box");
  EXPECT_EQ(lines[5], "machine-id: 0123456789abcdef0123456789abcdef\\n");
}

TEST(HashCommandTest, BadRootOrArgumentIsAUsageError) {
  HostTree tree("cli-bad");
  EXPECT_EQ(RunHwfp({"hash", "--root", tree.Path("missing")}).exit_status, 2);
  EXPECT_EQ(RunHwfp({"hash", "extra", "--root", tree.root()}).exit_status, 2);
}

TEST(HashCommandTest, SharedHostTreesGiveFirmwareKeys) {
  const std::optional<std::string> dir = hwfp::testing::FixturesDir();
  if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;
  for (const char* host : {"dell-r630", "pi4", "vm-nodmi"}) {
    SCOPED_TRACE(host);
    const HwfpRun run = RunHwfp(
        {"hash", "--json", "--root", absl::StrCat(*dir, "/hosts/", host)});
    ASSERT_EQ(run.exit_status, 0);
    rapidjson::Document document;
    document.Parse(run.out.c_str());
    ASSERT_FALSE(document.HasParseError());
    const rapidjson::Value& values = document["hardwareHash"];
    ASSERT_EQ(values.MemberCount(), 9u);
    for (const char* key :
         {"processor-hash", "memory-hash", "bios-hash", "system-hash",
          "machine-id", "hostname-info", "ipaddress-info", "macaddr-info"}) {
      EXPECT_GT(values[key].GetStringLength(), 0u) << key;
    }
  }
}

}  // namespace
