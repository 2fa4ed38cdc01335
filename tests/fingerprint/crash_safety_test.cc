// Kills the real `hwfp fingerprint` with SIGKILL at random instants while
// it replaces the fingerprint record, hundreds of times, and checks after
// each kill that the vault holds the old record or the new one, never a
// torn or missing one, and that the next run succeeds.
//
// Each killed run sees a machine whose machine-id changed, so it must mint
// a fingerprint and write the previous record, the new record and the
// Manifest: every kill lands before, inside or after those writes. First
// runs, which create the vault and its Manifest, are killed too.

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"
#include "tests/testing/process.h"
#include "vault/fingerprint_record.h"
#include "vault/fingerprint_store.h"
#include "vault/safe_folder.h"
#include "vault/vault.h"

namespace hwfp {
namespace {

using ::hwfp::testing::ChildProcess;
using ::hwfp::testing::HostTree;
using ::hwfp::testing::HwfpBinary;
using ::hwfp::testing::ProcessResult;
using ::hwfp::testing::RunProcess;

// Under AddressSanitizer every run of the binary takes about twice as
// long (and checks for leaks on exit); fewer kills keep that build's test
// under a minute, while the plain build makes the full count.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kKilledRuns = 120;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kKilledRuns = 120;
#else
constexpr int kKilledRuns = 200;
#endif
#else
constexpr int kKilledRuns = 200;
#endif

// A machine with nothing but its identity: enough for a fingerprint, and
// quick to collect, so the writes are a large share of each run.
HostTree Machine(const std::string& name, const std::string& machine_id) {
  HostTree tree(name);
  tree.File("etc/machine-id", machine_id + "\n")
      .File("proc/sys/kernel/hostname", name + "\n");
  return tree;
}

std::vector<std::string> FingerprintArgs(const HostTree& tree,
                                         const std::string& vault) {
  return {HwfpBinary(), "fingerprint", "--root",     tree.root(),
          "--vault",    vault,         "--attempts", "1"};
}

// Returns the stored record, or a failure saying why it cannot be read.
absl::StatusOr<std::optional<FingerprintRecord>> Stored(
    const std::string& dir) {
  absl::StatusOr<Vault> vault = Vault::Open(dir, VaultAccess::kReadOnly);
  if (!vault.ok()) return vault.status();
  absl::StatusOr<std::optional<PreviousFingerprint>> previous =
      ReadPreviousFingerprint(*vault);
  if (!previous.ok()) return previous.status();
  return ReadFingerprint(*vault);
}

// Returns the names in `dir` that start with kTemporaryPrefix.
std::vector<std::string> Temporaries(const std::string& dir) {
  std::vector<std::string> found;
  DIR* folder = opendir(dir.c_str());
  if (folder == nullptr) return found;
  while (dirent* entry = readdir(folder)) {
    if (absl::StartsWith(entry->d_name, kTemporaryPrefix)) {
      found.push_back(entry->d_name);
    }
  }
  closedir(folder);
  return found;
}

int Mode(const std::string& path) {
  struct stat info;
  if (lstat(path.c_str(), &info) != 0) return -1;
  return static_cast<int>(info.st_mode & 07777);
}

TEST(CrashSafetyTest, SigkillDuringVaultWritesLeavesOldOrNewRecord) {
  const std::string kFirstId(32, 'a');
  const std::string kSecondId(32, 'b');
  const HostTree first = Machine("first", kFirstId);
  const HostTree second = Machine("second", kSecondId);
  const std::string vault =
      absl::StrCat(std::getenv("TEST_TMPDIR"), "/crash-vault");

  // Completed runs, each replacing the record, for the baseline record and
  // the typical length of a run that writes (the median: the first run of
  // a binary is slower).
  std::vector<absl::Duration> lengths;
  for (int i = 0; i < 7; ++i) {
    absl::StatusOr<ProcessResult> run =
        RunProcess(FingerprintArgs(i % 2 ? second : first, vault));
    ASSERT_TRUE(run.ok()) << run.status();
    ASSERT_EQ(run->exit_code, 0) << run->err;
    lengths.push_back(run->elapsed);
  }
  std::sort(lengths.begin(), lengths.end());
  const absl::Duration typical = lengths[lengths.size() / 2];

  std::mt19937_64 random(424242);
  int kept_old = 0, got_new = 0, completed = 0, mid_write = 0;
  for (int i = 0; i < kKilledRuns; ++i) {
    SCOPED_TRACE(absl::StrCat("killed run ", i));
    absl::StatusOr<std::optional<FingerprintRecord>> before = Stored(vault);
    ASSERT_TRUE(before.ok()) << before.status();
    ASSERT_TRUE(before->has_value());
    // Each killed run is on the other machine than the record's.
    const auto id = (*before)->hardware_hash.find("machine-id");
    const bool on_first =
        id != (*before)->hardware_hash.end() && id->second == kFirstId + "\n";
    const HostTree& machine = on_first ? second : first;
    const std::string machine_id = (on_first ? kSecondId : kFirstId) + "\n";

    // A third of the kills anywhere in a run, the rest in its second
    // part, where the writes (and their flushes to disk) are.
    const double share =
        i % 3 == 0 ? std::uniform_real_distribution<>(0, 1.0)(random)
                   : std::uniform_real_distribution<>(0.4, 1.0)(random);
    absl::StatusOr<ChildProcess> child =
        ChildProcess::Start(FingerprintArgs(machine, vault));
    ASSERT_TRUE(child.ok()) << child.status();
    absl::SleepFor(typical * share);
    child->Kill(SIGKILL);
    absl::StatusOr<ProcessResult> killed = child->Wait(absl::Seconds(30));
    ASSERT_TRUE(killed.ok()) << killed.status();

    const std::vector<std::string> left = Temporaries(vault + "/Store");
    if (!left.empty() || !Temporaries(vault).empty()) ++mid_write;

    absl::StatusOr<std::optional<FingerprintRecord>> after = Stored(vault);
    ASSERT_TRUE(after.ok()) << after.status();
    ASSERT_TRUE(after->has_value()) << "the record is gone";
    const FingerprintRecord& record = **after;
    if (killed->exit_code == 0) {
      ++completed;
      EXPECT_EQ(std::string(absl::StripAsciiWhitespace(killed->out)),
                record.fingerprint);
    }
    if (record.fingerprint == (*before)->fingerprint) {
      EXPECT_EQ(record.hardware_hash, (*before)->hardware_hash)
          << "old fingerprint with a changed hash";
      if (killed->exit_code != 0) ++kept_old;
    } else {
      EXPECT_TRUE(IsUuidText(record.fingerprint)) << record.fingerprint;
      EXPECT_EQ(record.hardware_hash.at("machine-id"), machine_id)
          << "new fingerprint without the new hash";
      if (killed->exit_code != 0) ++got_new;
    }
    EXPECT_EQ(Mode(vault + "/Store/" + kFingerprintKey), 0600);

    // The next run succeeds, cleans up after the killed one, and agrees
    // with what is stored when that is the new machine's record.
    absl::StatusOr<ProcessResult> next =
        RunProcess(FingerprintArgs(machine, vault));
    ASSERT_TRUE(next.ok()) << next.status();
    ASSERT_EQ(next->exit_code, 0) << next->err;
    const std::string printed(absl::StripAsciiWhitespace(next->out));
    EXPECT_TRUE(IsUuidText(printed)) << next->out;
    if (record.fingerprint != (*before)->fingerprint) {
      EXPECT_EQ(printed, record.fingerprint);
    }
    EXPECT_TRUE(Temporaries(vault + "/Store").empty());
    EXPECT_TRUE(Temporaries(vault).empty());
  }

  std::printf("runs take %s; ", absl::FormatDuration(typical).c_str());
  std::printf(
      "%d killed runs: %d left the old record, %d the new one, "
      "%d finished first; %d were killed mid-write (temporary file "
      "left)\n",
      kKilledRuns, kept_old, got_new, completed, mid_write);
  // The kills must have landed on both sides of the switch, or this test
  // proved nothing about the writes.
  EXPECT_GT(kept_old, 0);
  EXPECT_GT(got_new + completed, 0);
}

// The first run on a machine creates the vault folder, its Store, the
// record and the Manifest that lists it: killed anywhere in that, the
// vault holds no record or the whole new one, and the next run succeeds.
TEST(CrashSafetyTest, SigkillDuringTheFirstRunLeavesNoRecordOrTheNewOne) {
  const HostTree machine = Machine("first-run", std::string(32, 'c'));
  const std::string base =
      absl::StrCat(std::getenv("TEST_TMPDIR"), "/first-run-vaults");

  std::vector<absl::Duration> lengths;
  for (int i = 0; i < 5; ++i) {
    absl::StatusOr<ProcessResult> run = RunProcess(
        FingerprintArgs(machine, absl::StrCat(base, "/calibration-", i)));
    ASSERT_TRUE(run.ok()) << run.status();
    ASSERT_EQ(run->exit_code, 0) << run->err;
    lengths.push_back(run->elapsed);
  }
  std::sort(lengths.begin(), lengths.end());
  const absl::Duration typical = lengths[lengths.size() / 2];

  std::mt19937_64 random(777);
  int empty = 0, stored = 0;
  for (int i = 0; i < kKilledRuns / 2; ++i) {
    SCOPED_TRACE(absl::StrCat("killed first run ", i));
    const std::string vault = absl::StrCat(base, "/vault-", i);
    absl::StatusOr<ChildProcess> child =
        ChildProcess::Start(FingerprintArgs(machine, vault));
    ASSERT_TRUE(child.ok()) << child.status();
    absl::SleepFor(typical *
                   std::uniform_real_distribution<>(0.2, 1.0)(random));
    child->Kill(SIGKILL);
    absl::StatusOr<ProcessResult> killed = child->Wait(absl::Seconds(30));
    ASSERT_TRUE(killed.ok()) << killed.status();

    // Whatever exists of the vault reads: no record, or a whole one.
    std::string kept;
    struct stat info;
    if (lstat(vault.c_str(), &info) == 0) {
      absl::StatusOr<std::optional<FingerprintRecord>> after = Stored(vault);
      ASSERT_TRUE(after.ok()) << after.status();
      if (after->has_value()) {
        EXPECT_TRUE(IsUuidText((*after)->fingerprint));
        kept = (*after)->fingerprint;
      }
    }
    kept.empty() ? ++empty : ++stored;

    absl::StatusOr<ProcessResult> next =
        RunProcess(FingerprintArgs(machine, vault));
    ASSERT_TRUE(next.ok()) << next.status();
    ASSERT_EQ(next->exit_code, 0) << next->err;
    const std::string printed(absl::StripAsciiWhitespace(next->out));
    EXPECT_TRUE(IsUuidText(printed)) << next->out;
    if (!kept.empty()) {
      EXPECT_EQ(printed, kept);
    }
  }
  std::printf("%d killed first runs: %d left no record, %d the new one\n",
              kKilledRuns / 2, empty, stored);
  EXPECT_GT(empty, 0);
}

}  // namespace
}  // namespace hwfp
