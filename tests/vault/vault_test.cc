// The vault folder on disk: layout, modes, atomic writes, the lock, and
// every unsafe shape it must refuse without changing anything.

#include "vault/vault.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"
#include "vault/errors.h"

namespace hwfp {
namespace {

using ::hwfp::testing::Exists;
using ::hwfp::testing::ModeOf;
using ::hwfp::testing::ReadTestFile;
using ::hwfp::testing::TempDir;
using ::hwfp::testing::WriteTestFile;
using ::testing::HasSubstr;

class VaultTest : public ::testing::Test {
 protected:
  std::string VaultDir() const { return temp_.path() + "/vault"; }
  std::string StoreFile(const std::string& name) const {
    return VaultDir() + "/Store/" + name;
  }

  Vault OpenVault() {
    absl::StatusOr<Vault> vault = Vault::Open(VaultDir(), VaultAccess::kCreate);
    EXPECT_TRUE(vault.ok()) << vault.status();
    return *std::move(vault);
  }

  // Stores `bytes` under `key` in a vault opened and locked for the call.
  void Store(const std::string& key, const std::string& bytes) {
    Vault vault = OpenVault();
    absl::StatusOr<VaultLock> lock = vault.Lock(LockKind::kExclusive);
    ASSERT_TRUE(lock.ok()) << lock.status();
    ASSERT_TRUE(vault.Write(*lock, key, bytes).ok());
  }

  // Expects `status` to be a refusal (kFailedPrecondition vault error)
  // whose message says `says`.
  static void ExpectRefused(const absl::Status& status,
                            const std::string& says) {
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
    EXPECT_TRUE(IsVaultError(status)) << status;
    EXPECT_THAT(status.message(), HasSubstr(says));
  }

  TempDir temp_;
};

TEST_F(VaultTest, CreatesTheLayoutWithPrivateModesWhateverTheUmask) {
  const mode_t old_umask = umask(0);
  {
    Vault vault = OpenVault();
    absl::StatusOr<VaultLock> lock = vault.Lock(LockKind::kExclusive);
    ASSERT_TRUE(lock.ok());
    ASSERT_TRUE(vault.Write(*lock, "Key", "data").ok());
  }
  umask(0277);
  {
    const std::string nested = temp_.path() + "/a/b/vault";
    absl::StatusOr<Vault> vault = Vault::Open(nested, VaultAccess::kCreate);
    ASSERT_TRUE(vault.ok()) << vault.status();
    EXPECT_EQ(ModeOf(temp_.path() + "/a"), 0700);
    EXPECT_EQ(ModeOf(nested), 0700);
    EXPECT_EQ(ModeOf(nested + "/Store"), 0700);
  }
  umask(old_umask);

  EXPECT_EQ(ModeOf(VaultDir()), 0700);
  EXPECT_EQ(ModeOf(VaultDir() + "/Store"), 0700);
  EXPECT_EQ(ModeOf(VaultDir() + "/Manifest"), 0600);
  EXPECT_EQ(ModeOf(StoreFile("Key")), 0600);
  EXPECT_EQ(ModeOf(VaultDir() + "/" + kLockFileName), 0600);
}

TEST_F(VaultTest, WritesReadBackAndTheManifestHoldsAbsolutePaths) {
  Store("InstanceFingerprint", "{\"fingerprint\":\"\"}");
  Store("Other", "x");

  Vault vault = OpenVault();
  EXPECT_EQ(**vault.Read("InstanceFingerprint", 100), "{\"fingerprint\":\"\"}");
  EXPECT_EQ(**vault.Read("Other", 100), "x");
  EXPECT_FALSE(vault.Read("Absent", 100)->has_value());
  EXPECT_THAT(*vault.Keys(),
              ::testing::ElementsAre("InstanceFingerprint", "Other"));

  char* real = realpath(VaultDir().c_str(), nullptr);
  const std::string real_dir(real);
  free(real);
  EXPECT_EQ(ReadTestFile(VaultDir() + "/Manifest"),
            "{\"InstanceFingerprint\":\"" + real_dir +
                "/Store/InstanceFingerprint\",\"Other\":\"" + real_dir +
                "/Store/Other\"}");
}

TEST_F(VaultTest, RewritingAKeyReplacesItsFileAndLeavesTheManifestAlone) {
  Store("Key", "one");
  const std::string manifest = ReadTestFile(VaultDir() + "/Manifest");
  Store("Key", "two");
  EXPECT_EQ(ReadTestFile(StoreFile("Key")), "two");
  EXPECT_EQ(ReadTestFile(VaultDir() + "/Manifest"), manifest);
}

TEST_F(VaultTest, ReadOnlyOpenOfAMissingVaultCreatesNothing) {
  const absl::StatusOr<Vault> vault =
      Vault::Open(VaultDir(), VaultAccess::kReadOnly);
  EXPECT_EQ(vault.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(IsVaultError(vault.status()));
  EXPECT_FALSE(Exists(VaultDir()));
}

TEST_F(VaultTest, ReadOnlyVaultWithoutStoreReadsEmpty) {
  ASSERT_EQ(mkdir(VaultDir().c_str(), 0700), 0);
  absl::StatusOr<Vault> vault = Vault::Open(VaultDir(), VaultAccess::kReadOnly);
  ASSERT_TRUE(vault.ok()) << vault.status();
  EXPECT_FALSE(vault->Read("InstanceFingerprint", 100)->has_value());
  EXPECT_FALSE(Exists(VaultDir() + "/Store"));
}

TEST_F(VaultTest, WritesNeedThisVaultsExclusiveLock) {
  Vault vault = OpenVault();
  {
    absl::StatusOr<VaultLock> shared = vault.Lock(LockKind::kShared);
    ASSERT_TRUE(shared.ok());
    ExpectRefused(vault.Write(*shared, "Key", "x"), "exclusive lock");
  }
  TempDir other_dir;
  absl::StatusOr<Vault> other =
      Vault::Open(other_dir.path() + "/v", VaultAccess::kCreate);
  ASSERT_TRUE(other.ok());
  absl::StatusOr<VaultLock> foreign = other->Lock(LockKind::kExclusive);
  ASSERT_TRUE(foreign.ok());
  ExpectRefused(vault.Write(*foreign, "Key", "x"), "exclusive lock");
  EXPECT_FALSE(Exists(StoreFile("Key")));
}

TEST_F(VaultTest, KeepsOtherManifestEntriesExactly) {
  // A reference agent's vault also holds its registration.
  Vault vault = OpenVault();
  ASSERT_TRUE(WriteTestFile(StoreFile("RegistrationKey"), "secret"));
  ASSERT_TRUE(WriteTestFile(VaultDir() + "/Manifest",
                            R"({"RegistrationKey":"Store/RegistrationKey"})"));
  Store("InstanceFingerprint", "record");

  absl::StatusOr<Manifest> manifest = OpenVault().ReadManifest();
  ASSERT_TRUE(manifest.ok());
  EXPECT_EQ(manifest->at("RegistrationKey"), "Store/RegistrationKey");
  EXPECT_EQ(ReadTestFile(StoreFile("RegistrationKey")), "secret");
}

TEST_F(VaultTest, RefusesAVaultFolderThatIsASymbolicLink) {
  const std::string real = temp_.path() + "/real";
  ASSERT_EQ(mkdir(real.c_str(), 0700), 0);
  ASSERT_EQ(symlink(real.c_str(), VaultDir().c_str()), 0);
  for (VaultAccess access : {VaultAccess::kReadOnly, VaultAccess::kCreate}) {
    ExpectRefused(Vault::Open(VaultDir(), access).status(),
                  VaultDir() + " is a symbolic link");
  }
  EXPECT_FALSE(Exists(real + "/Store"));
}

TEST_F(VaultTest, RefusesAStoreThatIsASymbolicLink) {
  const std::string elsewhere = temp_.path() + "/elsewhere";
  ASSERT_EQ(mkdir(elsewhere.c_str(), 0700), 0);
  ASSERT_EQ(mkdir(VaultDir().c_str(), 0700), 0);
  ASSERT_EQ(symlink(elsewhere.c_str(), (VaultDir() + "/Store").c_str()), 0);
  ExpectRefused(Vault::Open(VaultDir(), VaultAccess::kCreate).status(),
                "/Store is a symbolic link");
}

TEST_F(VaultTest, RefusesFilesThatAreSymbolicLinks) {
  Store("Key", "data");
  const std::string target = temp_.path() + "/target";
  ASSERT_TRUE(WriteTestFile(target, "\"outside\""));

  // The record.
  ASSERT_EQ(unlink(StoreFile("Key").c_str()), 0);
  ASSERT_EQ(symlink(target.c_str(), StoreFile("Key").c_str()), 0);
  Vault vault = OpenVault();
  ExpectRefused(vault.Read("Key", 100).status(), "is a symbolic link");

  // The Manifest.
  const std::string manifest = VaultDir() + "/Manifest";
  ASSERT_TRUE(WriteTestFile(target, ReadTestFile(manifest)));
  ASSERT_EQ(unlink(manifest.c_str()), 0);
  ASSERT_EQ(symlink(target.c_str(), manifest.c_str()), 0);
  ExpectRefused(vault.Read("Key", 100).status(), "Manifest is a symbolic link");

  // The lock file.
  const std::string lock = VaultDir() + "/" + kLockFileName;
  ASSERT_EQ(unlink(lock.c_str()), 0);
  ASSERT_EQ(symlink(target.c_str(), lock.c_str()), 0);
  ExpectRefused(vault.Lock(LockKind::kExclusive).status(),
                "is a symbolic link");
}

TEST_F(VaultTest, RefusesModesOpenToGroupOrOthers) {
  Store("Key", "data");
  ASSERT_EQ(chmod(StoreFile("Key").c_str(), 0644), 0);
  Vault vault = OpenVault();
  ExpectRefused(vault.Read("Key", 100).status(),
                "has mode 0644; a vault file must give nothing to group or "
                "others (chmod 600 ");
  absl::StatusOr<VaultLock> lock = vault.Lock(LockKind::kExclusive);
  ASSERT_TRUE(lock.ok());
  ASSERT_EQ(chmod(StoreFile("Key").c_str(), 0600), 0);

  ASSERT_EQ(chmod((VaultDir() + "/Manifest").c_str(), 0640), 0);
  ExpectRefused(vault.Write(*lock, "Key", "new"), "has mode 0640");
  EXPECT_EQ(ReadTestFile(StoreFile("Key")), "data");

  ASSERT_EQ(chmod(VaultDir().c_str(), 0755), 0);
  ExpectRefused(Vault::Open(VaultDir(), VaultAccess::kReadOnly).status(),
                "has mode 0755; a vault folder must give nothing to group or "
                "others (chmod 700 ");
}

TEST_F(VaultTest, RefusesWhatAnotherUserOwns) {
  if (geteuid() != 0) GTEST_SKIP() << "giving files away needs root";
  Store("Key", "data");
  ASSERT_EQ(chown(StoreFile("Key").c_str(), 65534, 65534), 0);
  Vault vault = OpenVault();
  ExpectRefused(vault.Read("Key", 100).status(),
                "is owned by uid 65534, not by uid 0");
  ASSERT_EQ(chown(VaultDir().c_str(), 65534, 65534), 0);
  ExpectRefused(Vault::Open(VaultDir(), VaultAccess::kCreate).status(),
                "is owned by uid 65534");
}

TEST_F(VaultTest, RefusesHardLinksFifosAndFolders) {
  Store("Key", "data");
  Vault vault = OpenVault();
  ASSERT_EQ(link(StoreFile("Key").c_str(), (temp_.path() + "/l").c_str()), 0);
  ExpectRefused(vault.Read("Key", 100).status(), "has 2 hard links");
  ASSERT_EQ(unlink((temp_.path() + "/l").c_str()), 0);

  // A FIFO must not hang the reader.
  ASSERT_EQ(unlink(StoreFile("Key").c_str()), 0);
  ASSERT_EQ(mkfifo(StoreFile("Key").c_str(), 0600), 0);
  ExpectRefused(vault.Read("Key", 100).status(), "not a regular file");
  ASSERT_EQ(unlink(StoreFile("Key").c_str()), 0);
  ASSERT_EQ(mkdir(StoreFile("Key").c_str(), 0700), 0);
  ExpectRefused(vault.Read("Key", 100).status(), "not a regular file");
}

TEST_F(VaultTest, RefusesManifestEntriesOutsideTheVault) {
  const std::string outside = temp_.path() + "/outside";
  ASSERT_TRUE(WriteTestFile(outside, "precious"));
  Vault vault = OpenVault();
  for (const std::string& path :
       {outside, std::string("/etc/passwd"), std::string("Store/../../outside"),
        VaultDir() + "/Store/../../outside", std::string("../outside")}) {
    const std::string manifest = "{\"InstanceFingerprint\":\"" + path + "\"}";
    ASSERT_TRUE(WriteTestFile(VaultDir() + "/Manifest", manifest));
    ExpectRefused(vault.Read("InstanceFingerprint", 100).status(),
                  "names \"" + path + "\"");
    absl::StatusOr<VaultLock> lock = vault.Lock(LockKind::kExclusive);
    ASSERT_TRUE(lock.ok());
    ExpectRefused(vault.Write(*lock, "InstanceFingerprint", "x"),
                  "hwfp reads only files in this vault's Store folder");
    EXPECT_EQ(ReadTestFile(VaultDir() + "/Manifest"), manifest);
  }
  EXPECT_EQ(ReadTestFile(outside), "precious");
}

TEST_F(VaultTest, ReadsStoreRelativeManifestPaths) {
  Vault vault = OpenVault();
  ASSERT_TRUE(WriteTestFile(StoreFile("Data"), "relative"));
  ASSERT_TRUE(
      WriteTestFile(VaultDir() + "/Manifest", R"({"Key":"Store/Data"})"));
  EXPECT_EQ(**vault.Read("Key", 100), "relative");
}

TEST_F(VaultTest, RefusesAHugeFileBeforeReadingIt) {
  Vault vault = OpenVault();
  Store("Key", "small");
  // A sparse 1 GB record: costs no disk, and must cost no memory either.
  ASSERT_EQ(truncate(StoreFile("Key").c_str(), int64_t{1} << 30), 0);

  struct rusage before;
  getrusage(RUSAGE_SELF, &before);
  const absl::Time start = absl::Now();
  const absl::Status status = vault.Read("Key", 64 * 1024).status();
  const absl::Duration took = absl::Now() - start;
  struct rusage after;
  getrusage(RUSAGE_SELF, &after);

  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(status.message(),
              HasSubstr("is 1073741824 bytes, more than the 65536"));
  EXPECT_LT(took, absl::Seconds(1));
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 16 * 1024);  // KiB.
}

TEST_F(VaultTest, CorruptManifestIsRefusedAndKept) {
  Vault vault = OpenVault();
  ASSERT_TRUE(WriteTestFile(VaultDir() + "/Manifest", "{\"Key\":"));
  const absl::Status status = vault.Read("Key", 100).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(status.message(), HasSubstr(VaultDir() + "/Manifest: not JSON"));
  absl::StatusOr<VaultLock> lock = vault.Lock(LockKind::kExclusive);
  ASSERT_TRUE(lock.ok());
  EXPECT_FALSE(vault.Write(*lock, "Key", "x").ok());
  EXPECT_EQ(ReadTestFile(VaultDir() + "/Manifest"), "{\"Key\":");
}

TEST_F(VaultTest, ListedKeyWithoutItsFileIsNotFound) {
  Store("Key", "data");
  ASSERT_EQ(unlink(StoreFile("Key").c_str()), 0);
  const absl::Status status = OpenVault().Read("Key", 100).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("Store/Key is missing"));
}

TEST_F(VaultTest, ExclusiveLockRemovesStaleTemporaries) {
  Store("Key", "data");
  const std::string stale = StoreFile(".hwfp-tmp.Key.999.0");
  ASSERT_TRUE(WriteTestFile(stale, "half a reco"));
  Vault vault = OpenVault();
  {
    absl::StatusOr<VaultLock> shared = vault.Lock(LockKind::kShared);
    ASSERT_TRUE(shared.ok());
    EXPECT_TRUE(Exists(stale));
  }
  absl::StatusOr<VaultLock> lock = vault.Lock(LockKind::kExclusive);
  ASSERT_TRUE(lock.ok());
  EXPECT_FALSE(Exists(stale));
  EXPECT_EQ(ReadTestFile(StoreFile("Key")), "data");
}

TEST_F(VaultTest, RemoveDropsTheEntryThenTheFile) {
  Store("Key", "data");
  Store("Other", "x");
  Vault vault = OpenVault();
  absl::StatusOr<VaultLock> lock = vault.Lock(LockKind::kExclusive);
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE(vault.Remove(*lock, "Key").ok());
  EXPECT_FALSE(Exists(StoreFile("Key")));
  EXPECT_THAT(*vault.Keys(), ::testing::ElementsAre("Other"));
  EXPECT_TRUE(vault.Remove(*lock, "Key").ok());
}

TEST_F(VaultTest, MoveAsideKeepsEveryCopyUnderANewName) {
  Vault vault = OpenVault();
  absl::StatusOr<VaultLock> lock = vault.Lock(LockKind::kExclusive);
  ASSERT_TRUE(lock.ok());
  for (const char* content : {"first", "second"}) {
    ASSERT_TRUE(vault.Write(*lock, "Key", content).ok());
    absl::StatusOr<std::string> aside = vault.MoveAside(*lock, "Key", "bad");
    ASSERT_TRUE(aside.ok()) << aside.status();
  }
  EXPECT_EQ(ReadTestFile(StoreFile("Key.bad")), "first");
  EXPECT_EQ(ReadTestFile(StoreFile("Key.bad-2")), "second");
  EXPECT_FALSE(vault.Read("Key", 100)->has_value());
  EXPECT_THAT(*vault.UnlistedStoreFiles(),
              ::testing::ElementsAre("Key.bad", "Key.bad-2"));
  EXPECT_EQ(vault.MoveAside(*lock, "Key", "bad").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(VaultTest, ExclusiveLockExcludesOtherProcesses) {
  Vault vault = OpenVault();
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    absl::StatusOr<VaultLock> held = vault.Lock(LockKind::kExclusive);
    const char byte = held.ok() ? 'y' : 'n';
    if (write(ready[1], &byte, 1) != 1) _exit(2);
    absl::SleepFor(absl::Milliseconds(400));
    _exit(0);
  }
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  ASSERT_EQ(byte, 'y');

  const absl::StatusOr<VaultLock> refused =
      vault.Lock(LockKind::kShared, absl::Milliseconds(50));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(refused.status().message(), HasSubstr("stayed locked"));

  const absl::StatusOr<VaultLock> waited =
      vault.Lock(LockKind::kExclusive, absl::Seconds(10));
  EXPECT_TRUE(waited.ok()) << waited.status();
  int status = 0;
  waitpid(child, &status, 0);
  close(ready[0]);
  close(ready[1]);
}

}  // namespace
}  // namespace hwfp
