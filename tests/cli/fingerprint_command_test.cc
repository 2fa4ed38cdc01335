// `hwfp fingerprint`, `hwfp vault` and `hwfp compare` as a user runs them:
// the real binary, twice and more, on a temporary vault, reading machine
// trees through --root (built here, and the shared host trees when
// present).

#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/testing/fixtures.h"
#include "tests/testing/host_tree.h"
#include "tests/testing/run_hwfp.h"
#include "tests/testing/temp_dir.h"

namespace {

using ::hwfp::testing::HostTree;
using ::hwfp::testing::HwfpRun;
using ::hwfp::testing::ReadTestFile;
using ::hwfp::testing::RunHwfp;
using ::hwfp::testing::TempDir;
using ::hwfp::testing::WriteTestFile;
using ::testing::HasSubstr;

// A small virtual machine: no firmware tables, one NIC.
void WriteMachine(HostTree& tree, const std::string& machine_id,
                  const std::string& address) {
  tree.File("etc/machine-id", machine_id + "\n")
      .File("proc/sys/kernel/hostname", "vm-12\n")
      .File("proc/cpuinfo",
            "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
            "model\t\t: 85\nmodel name\t: Intel(R) Xeon(R) Gold 6148\n\n")
      .File("proc/net/route",
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask"
            "\t\tMTU\tWindow\tIRTT\n"
            "ens3\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
            "ens3\t0000000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n")
      .File("proc/net/fib_trie",
            absl::StrCat("Main:\n     |-- 127.0.0.1\n        /32 host LOCAL\n"
                         "     |-- ",
                         address, "\n        /32 host LOCAL\n"))
      .File("sys/class/net/ens3/address", "52:54:00:ab:cd:ef\n")
      .File("sys/class/net/ens3/type", "1\n")
      .Link("sys/class/net/ens3/device",
            "../../../devices/pci0000:00/0000:00:03.0");
}

class FingerprintCommandTest : public ::testing::Test {
 protected:
  std::string vault() const { return temp_.path() + "/vault"; }

  // Runs `hwfp fingerprint` on `root` with this test's vault and no pause
  // between attempts.
  HwfpRun Fingerprint(const std::string& root,
                      std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"fingerprint", "--root",
                                     root,          "--vault",
                                     vault(),       "--retry_delay_ms=0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunHwfp(args);
  }

  // Returns the UUID a successful text run printed.
  static std::string Uuid(const HwfpRun& run) {
    EXPECT_EQ(run.exit_status, 0) << run.err;
    return std::string(absl::StripSuffix(run.out, "\n"));
  }

  TempDir temp_;
};

TEST_F(FingerprintCommandTest, SecondRunPrintsTheSameUuid) {
  HostTree tree("vm");
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.12");
  const std::string first = Uuid(Fingerprint(tree.root()));
  EXPECT_EQ(first.size(), 36u);
  EXPECT_EQ(first[14], '4');
  EXPECT_EQ(Uuid(Fingerprint(tree.root())), first);

  // The vault is private and in the reference agent's layout.
  struct stat info;
  ASSERT_EQ(stat(vault().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  ASSERT_EQ(stat((vault() + "/Store/InstanceFingerprint").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_THAT(ReadTestFile(vault() + "/Store/InstanceFingerprint"),
              HasSubstr("{\"fingerprint\":\"" + first + "\""));
}

TEST_F(FingerprintCommandTest, TextRunNamesEmptyKeysOnce) {
  // The machine has no disks, so disk-info comes out empty.
  HostTree tree("vm");
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.12");
  const HwfpRun run = Fingerprint(tree.root());
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("hwfp fingerprint: empty key: disk-info "
                                 "(`hwfp hash --json` shows why)\n"));
  EXPECT_EQ(run.err.find("empty key"), run.err.rfind("empty key"));
  EXPECT_EQ(run.err.find("machine-id"), std::string::npos);

  const HwfpRun json = Fingerprint(tree.root(), {"--json"});
  EXPECT_EQ(json.err.find("empty key"), std::string::npos);
}

TEST_F(FingerprintCommandTest, NewAddressKeepsNewMachineIdReplaces) {
  HostTree tree("vm");
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.12");
  const std::string first = Uuid(Fingerprint(tree.root()));

  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.99");
  EXPECT_EQ(Uuid(Fingerprint(tree.root())), first);

  WriteMachine(tree, "fedcba9876543210fedcba9876543210", "10.0.0.99");
  const HwfpRun clone = Fingerprint(tree.root());
  const std::string second = Uuid(clone);
  EXPECT_NE(second, first);
  EXPECT_THAT(clone.err, HasSubstr("replaced " + first +
                                   " after 3 attempts "
                                   "(machine-id changed: not similar)"));
  EXPECT_EQ(Uuid(Fingerprint(tree.root())), second);

  const HwfpRun show = RunHwfp({"vault", "show", "--vault", vault()});
  EXPECT_EQ(show.exit_status, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("fingerprint: " + second));
  EXPECT_THAT(show.out, HasSubstr("previous: " + first));
  EXPECT_THAT(show.out, HasSubstr("changed  machine-id: "
                                  "\"0123456789abcdef0123456789abcdef\\n\" -> "
                                  "\"fedcba9876543210fedcba9876543210\\n\""));

  // One attempt is one attempt, not "1 attempts".
  WriteMachine(tree, "00000000000000000000000000000001", "10.0.0.99");
  EXPECT_THAT(Fingerprint(tree.root(), {"--attempts=1"}).err,
              HasSubstr("replaced " + second + " after 1 attempt ("));
}

TEST_F(FingerprintCommandTest, JsonCarriesTheDecisionAndItsExplanation) {
  HostTree tree("vm");
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.12");
  Uuid(Fingerprint(tree.root()));
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.99");

  const HwfpRun run = Fingerprint(tree.root(), {"--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  rapidjson::Document json;
  json.Parse(run.out.c_str());
  ASSERT_FALSE(json.HasParseError()) << run.out;
  EXPECT_STREQ(json["outcome"].GetString(), "kept");
  EXPECT_EQ(json["attempts"].GetInt(), 1);
  const rapidjson::Value& decision = json["decision"];
  EXPECT_TRUE(decision["similar"].GetBool());
  EXPECT_STREQ(decision["rule"].GetString(), "threshold-reached");
  EXPECT_EQ(decision["threshold"].GetInt(), 40);
  EXPECT_EQ(decision["compared"].GetInt(), 9);
  EXPECT_EQ(decision["matched"].GetInt(), 8);
  EXPECT_DOUBLE_EQ(decision["percentage"].GetDouble(), 88.88);
  const rapidjson::Value& address = decision["keys"]["ipaddress-info"];
  EXPECT_STREQ(address["change"].GetString(), "changed");
  EXPECT_STREQ(address["saved"].GetString(), "10.0.0.12");
  EXPECT_STREQ(address["current"].GetString(), "10.0.0.99");
  EXPECT_EQ(json["hardwareHash"].MemberCount(), 9u);
  EXPECT_EQ(json["sources"].MemberCount(), 9u);
}

TEST_F(FingerprintCommandTest, VaultSetThresholdAndClear) {
  HostTree tree("vm");
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.12");
  const std::string first = Uuid(Fingerprint(tree.root()));

  const HwfpRun set =
      RunHwfp({"vault", "set-threshold", "100", "--vault", vault()});
  EXPECT_EQ(set.exit_status, 0) << set.err;
  EXPECT_EQ(set.out, "similarity threshold: 40 -> 100\n");
  // Only the address changed: 8 of 9 keys is below 100.
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.99");
  const std::string second = Uuid(Fingerprint(tree.root()));
  EXPECT_NE(second, first);

  const HwfpRun disable =
      RunHwfp({"vault", "--vault", vault(), "set-threshold", "--", "-1"});
  EXPECT_EQ(disable.exit_status, 0) << disable.err;
  WriteMachine(tree, "fedcba9876543210fedcba9876543210", "10.0.0.1");
  EXPECT_EQ(Uuid(Fingerprint(tree.root())), second);

  const HwfpRun clear = RunHwfp({"vault", "clear", "--vault", vault()});
  EXPECT_EQ(clear.exit_status, 0) << clear.err;
  EXPECT_THAT(clear.out, HasSubstr("cleared " + second));
  const HwfpRun show = RunHwfp({"vault", "show", "--json", "--vault", vault()});
  rapidjson::Document json;
  json.Parse(show.out.c_str());
  ASSERT_FALSE(json.HasParseError()) << show.out;
  EXPECT_TRUE(json["record"].IsNull());
  EXPECT_STREQ(json["previous"]["record"]["fingerprint"].GetString(),
               second.c_str());
  EXPECT_NE(Uuid(Fingerprint(tree.root())), second);
}

TEST_F(FingerprintCommandTest, VaultUsageErrors) {
  EXPECT_EQ(RunHwfp({"vault"}).exit_status, 2);
  EXPECT_EQ(RunHwfp({"vault", "shred", "--vault", vault()}).exit_status, 2);
  const HwfpRun zero =
      RunHwfp({"vault", "set-threshold", "0", "--vault", vault()});
  EXPECT_EQ(zero.exit_status, 2);
  EXPECT_THAT(zero.err, HasSubstr("1 to 100, or -1"));
  const HwfpRun none =
      RunHwfp({"vault", "set-threshold", "50", "--vault", vault()});
  EXPECT_EQ(none.exit_status, 1);
  EXPECT_THAT(none.err, HasSubstr("no vault at " + vault()));
  const HwfpRun show = RunHwfp({"vault", "show", "--vault", vault()});
  EXPECT_EQ(show.exit_status, 0);
  EXPECT_THAT(show.out, HasSubstr("no vault yet"));
}

TEST_F(FingerprintCommandTest, UnsafeOrCorruptVaults) {
  HostTree tree("vm");
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.12");
  const std::string first = Uuid(Fingerprint(tree.root()));
  const std::string record = vault() + "/Store/InstanceFingerprint";

  ASSERT_EQ(chmod(vault().c_str(), 0755), 0);
  const HwfpRun open_folder = Fingerprint(tree.root());
  EXPECT_EQ(open_folder.exit_status, 6);
  EXPECT_THAT(open_folder.err, HasSubstr("has mode 0755"));
  EXPECT_EQ(RunHwfp({"vault", "show", "--vault", vault()}).exit_status, 6);
  ASSERT_EQ(chmod(vault().c_str(), 0700), 0);

  const std::string kept = ReadTestFile(record);
  ASSERT_EQ(rename(record.c_str(), (record + ".real").c_str()), 0);
  ASSERT_EQ(symlink((record + ".real").c_str(), record.c_str()), 0);
  const HwfpRun link = Fingerprint(tree.root());
  EXPECT_EQ(link.exit_status, 6);
  EXPECT_THAT(link.err, HasSubstr("is a symbolic link"));
  ASSERT_EQ(unlink(record.c_str()), 0);
  ASSERT_EQ(rename((record + ".real").c_str(), record.c_str()), 0);
  EXPECT_EQ(ReadTestFile(record), kept);
  EXPECT_EQ(Uuid(Fingerprint(tree.root())), first);

  ASSERT_TRUE(WriteTestFile(record, "{\"fingerprint\": [[[["));
  const HwfpRun show = RunHwfp({"vault", "show", "--vault", vault()});
  EXPECT_NE(show.exit_status, 0);
  EXPECT_THAT(show.err, HasSubstr("`hwfp fingerprint` moves the corrupt "
                                  "record aside and mints a new "
                                  "fingerprint, or restore the vault from "
                                  "a backup"));
  const HwfpRun corrupt = Fingerprint(tree.root());
  const std::string second = Uuid(corrupt);
  EXPECT_NE(second, first);
  EXPECT_THAT(corrupt.err, HasSubstr("warning: the vault record "
                                     "InstanceFingerprint in " +
                                     vault() + " is corrupt"));
  EXPECT_THAT(corrupt.err, HasSubstr("moved it aside to"));
  EXPECT_THAT(RunHwfp({"vault", "show", "--vault", vault()}).out,
              HasSubstr("set aside in Store: InstanceFingerprint.corrupt-"));
}

TEST_F(FingerprintCommandTest, UsageErrors) {
  HostTree tree("vm");
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.12");
  EXPECT_EQ(Fingerprint(tree.root(), {"extra"}).exit_status, 2);
  const HwfpRun threshold = Fingerprint(tree.root(), {"--threshold=101"});
  EXPECT_EQ(threshold.exit_status, 2);
  EXPECT_THAT(threshold.err, HasSubstr("threshold 101 is not accepted"));
  EXPECT_EQ(Fingerprint(tree.root(), {"--attempts=0"}).exit_status, 2);
  const HwfpRun root = Fingerprint(temp_.path() + "/no-such-root");
  EXPECT_EQ(root.exit_status, 2) << root.err;
  EXPECT_TRUE(root.out.empty());
}

TEST_F(FingerprintCommandTest, CompareExplainsTwoHashFiles) {
  HostTree tree("vm");
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.12");
  const HwfpRun saved = RunHwfp({"hash", "--json", "--root", tree.root()});
  ASSERT_EQ(saved.exit_status, 0);
  ASSERT_TRUE(WriteTestFile(temp_.path() + "/saved.json", saved.out));
  WriteMachine(tree, "0123456789abcdef0123456789abcdef", "10.0.0.99");
  const HwfpRun current = RunHwfp({"hash", "--json", "--root", tree.root()});
  ASSERT_TRUE(WriteTestFile(temp_.path() + "/current.json", current.out));

  const HwfpRun at40 = RunHwfp({"compare", temp_.path() + "/saved.json",
                                temp_.path() + "/current.json"});
  EXPECT_EQ(at40.exit_status, 0) << at40.err;
  EXPECT_THAT(at40.out,
              HasSubstr("similar: ipaddress-info changed; 8 of 9 keys match "
                        "(88.8%), threshold 40\n"));
  EXPECT_THAT(at40.out, HasSubstr("  changed  ipaddress-info: \"10.0.0.12\" "
                                  "-> \"10.0.0.99\"\n"));
  EXPECT_THAT(at40.out, HasSubstr("  matched  machine-id\n"));

  const HwfpRun at100 =
      RunHwfp({"compare", "--threshold=100", "--json",
               temp_.path() + "/saved.json", temp_.path() + "/current.json"});
  rapidjson::Document json;
  json.Parse(at100.out.c_str());
  ASSERT_FALSE(json.HasParseError()) << at100.out;
  EXPECT_FALSE(json["similar"].GetBool());
  EXPECT_STREQ(json["rule"].GetString(), "below-threshold");

  // A vault record takes its own threshold.
  ASSERT_TRUE(WriteTestFile(
      temp_.path() + "/record.json",
      R"({"fingerprint":"6f1c9a0e-3b5d-4e2f-9a7c-1d2e3f4a5b6c",)"
      R"("hardwareHash":{"machine-id":"0123456789abcdef0123456789abcdef\n",)"
      R"("ipaddress-info":"10.0.0.12"},"similarityThreshold":-1})"));
  const HwfpRun record = RunHwfp({"compare", temp_.path() + "/record.json",
                                  temp_.path() + "/current.json"});
  EXPECT_THAT(record.out, HasSubstr("similar: the similarity check is "
                                    "disabled (threshold -1)\n"));

  EXPECT_EQ(RunHwfp({"compare", temp_.path() + "/saved.json"}).exit_status, 2);
  ASSERT_TRUE(WriteTestFile(temp_.path() + "/bad.json", "{\"a\": 1}"));
  const HwfpRun bad = RunHwfp(
      {"compare", temp_.path() + "/bad.json", temp_.path() + "/current.json"});
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.json: the value of \"a\" is not a "
                                 "string"));
}

// The scenarios on the shared Dell R630 host tree.
class HostTreeScenarioTest : public FingerprintCommandTest {
 protected:
  void SetUp() override {
    const std::optional<std::string> dir = hwfp::testing::FixturesDir();
    if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;
    host_ = *dir + "/hosts/dell-r630";
  }

  // A copy of the R630 tree with `edit` applied to file `path`.
  void Edit(HostTree& tree, const std::string& path, const std::string& from,
            const std::string& to) {
    const std::string text = ReadTestFile(tree.Path(path));
    ASSERT_NE(text.find(from), std::string::npos) << path;
    tree.File(path, absl::StrReplaceAll(text, {{from, to}}));
  }

  std::string host_;
};

TEST_F(HostTreeScenarioTest, SameTreeAgainGivesTheSameUuid) {
  const std::string first = Uuid(Fingerprint(host_));
  EXPECT_EQ(Uuid(Fingerprint(host_)), first);
}

TEST_F(HostTreeScenarioTest, OnlyTheAddressChangedGivesTheSameUuid) {
  const std::string first = Uuid(Fingerprint(host_));
  HostTree moved("r630-moved");
  moved.CopyFrom(host_, "");
  Edit(moved, "proc/net/fib_trie", "192.168.1.23", "192.168.1.77");
  EXPECT_EQ(Uuid(Fingerprint(moved.root())), first);
}

TEST_F(HostTreeScenarioTest, ChangedMachineIdGivesANewUuid) {
  const std::string first = Uuid(Fingerprint(host_));
  HostTree clone("r630-clone");
  clone.CopyFrom(host_, "");
  clone.File("etc/machine-id", "00000000000000000000000000000001\n");
  EXPECT_NE(Uuid(Fingerprint(clone.root())), first);
}

TEST_F(HostTreeScenarioTest, MemorySwappedKeepsAtFortyReplacesAtHundred) {
  // One DIMM swapped (its serial number changed) and, after the reboot, a
  // new address from DHCP: 7 of 9 keys still match.
  HostTree swapped("r630-swapped");
  swapped.CopyFrom(host_, "");
  Edit(swapped, "sys/firmware/dmi/tables/DMI", "13BYW774", "23BYW774");
  Edit(swapped, "proc/net/fib_trie", "192.168.1.23", "192.168.1.77");

  const std::string first = Uuid(Fingerprint(host_));
  EXPECT_EQ(Uuid(Fingerprint(swapped.root())), first);
  const HwfpRun at100 = Fingerprint(swapped.root(), {"--threshold=100"});
  EXPECT_NE(Uuid(at100), first);
  EXPECT_THAT(at100.err, HasSubstr("7 of 9 keys match (77.7%), below "
                                   "threshold 100"));
}

TEST_F(HostTreeScenarioTest, MemorySwappedAtTheSameAddressKeepsEvenAtHundred) {
  // The reference rule: unchanged machine-id and address settle it.
  HostTree swapped("r630-swapped");
  swapped.CopyFrom(host_, "");
  Edit(swapped, "sys/firmware/dmi/tables/DMI", "13BYW774", "23BYW774");
  const std::string first = Uuid(Fingerprint(host_));
  EXPECT_EQ(Uuid(Fingerprint(swapped.root(), {"--threshold=100"})), first);
}

}  // namespace
