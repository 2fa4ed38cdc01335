// Starts many `hwfp fingerprint` processes at once on one vault, the way a
// fleet's boot scripts and timers collide, and checks that exactly one
// fingerprint comes out: every process prints it and the vault holds it.
// First on a vault that does not exist yet (so the processes also race to
// create its folders), then on a machine whose record every process finds
// outdated at the same moment (so each wants to replace it).

#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"
#include "tests/testing/process.h"
#include "vault/fingerprint_record.h"
#include "vault/fingerprint_store.h"
#include "vault/vault.h"

namespace hwfp {
namespace {

using ::hwfp::testing::ChildProcess;
using ::hwfp::testing::HostTree;
using ::hwfp::testing::HwfpBinary;
using ::hwfp::testing::ProcessResult;
using ::hwfp::testing::RunProcess;

constexpr int kProcesses = 16;
constexpr int kRounds = 4;

HostTree Machine(const std::string& name, const std::string& machine_id) {
  HostTree tree(name);
  tree.File("etc/machine-id", machine_id + "\n")
      .File("proc/sys/kernel/hostname", name + "\n");
  return tree;
}

std::string TempPath(const std::string& name) {
  return absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name);
}

// Runs kProcesses `hwfp fingerprint` on `vault` at once; returns the
// fingerprints they printed, one per process, after checking each exited
// 0.
std::vector<std::string> RunAtOnce(const HostTree& machine,
                                   const std::string& vault) {
  std::vector<ChildProcess> children;
  for (int i = 0; i < kProcesses; ++i) {
    absl::StatusOr<ChildProcess> child = ChildProcess::Start(
        {HwfpBinary(), "fingerprint", "--root", machine.root(), "--vault",
         vault, "--attempts", "1"});
    EXPECT_TRUE(child.ok()) << child.status();
    if (child.ok()) children.push_back(*std::move(child));
  }
  std::vector<std::string> printed;
  for (ChildProcess& child : children) {
    absl::StatusOr<ProcessResult> run = child.Wait(absl::Seconds(60));
    EXPECT_TRUE(run.ok()) << run.status();
    if (!run.ok()) continue;
    EXPECT_EQ(run->exit_code, 0) << run->err;
    printed.emplace_back(absl::StripAsciiWhitespace(run->out));
  }
  return printed;
}

std::string StoredFingerprint(const std::string& dir) {
  absl::StatusOr<Vault> vault = Vault::Open(dir, VaultAccess::kReadOnly);
  EXPECT_TRUE(vault.ok()) << vault.status();
  if (!vault.ok()) return "";
  absl::StatusOr<std::optional<FingerprintRecord>> record =
      ReadFingerprint(*vault);
  EXPECT_TRUE(record.ok()) << record.status();
  if (!record.ok() || !record->has_value()) return "";
  return (*record)->fingerprint;
}

TEST(ConcurrencyTest, ProcessesOnAFreshVaultMintOneFingerprint) {
  const HostTree machine = Machine("fresh", std::string(32, 'c'));
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    // Two levels that do not exist yet: every process races to make them.
    const std::string vault =
        TempPath(absl::StrCat("fresh-", round, "/state/vault"));
    const std::vector<std::string> printed = RunAtOnce(machine, vault);
    ASSERT_EQ(printed.size(), size_t{kProcesses});
    const std::set<std::string> distinct(printed.begin(), printed.end());
    EXPECT_EQ(distinct.size(), 1u) << "fingerprints: " << distinct.size();
    EXPECT_TRUE(IsUuidText(printed[0])) << printed[0];
    EXPECT_EQ(StoredFingerprint(vault), printed[0]);
  }
}

TEST(ConcurrencyTest, ProcessesFindingAnOutdatedRecordReplaceItOnce) {
  const HostTree before = Machine("before", std::string(32, 'd'));
  const HostTree after = Machine("after", std::string(32, 'e'));
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    const std::string vault = TempPath(absl::StrCat("outdated-", round));
    absl::StatusOr<ProcessResult> first =
        RunProcess({HwfpBinary(), "fingerprint", "--root", before.root(),
                    "--vault", vault});
    ASSERT_TRUE(first.ok()) << first.status();
    ASSERT_EQ(first->exit_code, 0) << first->err;
    const std::string old(absl::StripAsciiWhitespace(first->out));

    // machine-id changed: the first process to get the lock replaces the
    // record, every later one finds the replacement similar and keeps it.
    const std::vector<std::string> printed = RunAtOnce(after, vault);
    ASSERT_EQ(printed.size(), size_t{kProcesses});
    const std::set<std::string> distinct(printed.begin(), printed.end());
    EXPECT_EQ(distinct.size(), 1u) << "fingerprints: " << distinct.size();
    EXPECT_NE(printed[0], old);
    EXPECT_EQ(StoredFingerprint(vault), printed[0]);

    absl::StatusOr<Vault> opened = Vault::Open(vault, VaultAccess::kReadOnly);
    ASSERT_TRUE(opened.ok()) << opened.status();
    absl::StatusOr<std::optional<PreviousFingerprint>> previous =
        ReadPreviousFingerprint(*opened);
    ASSERT_TRUE(previous.ok()) << previous.status();
    ASSERT_TRUE(previous->has_value());
    EXPECT_EQ((*previous)->record.fingerprint, old);
  }
}

}  // namespace
}  // namespace hwfp
