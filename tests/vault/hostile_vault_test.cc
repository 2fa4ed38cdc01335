// Vaults someone has tampered with, handed to the real `hwfp fingerprint`:
// symbolic links in place of files and folders, files owned by another
// user, modes open to others, a Manifest leading outside the vault, a
// 1 GiB record or Manifest, text that is not UTF-8, JSON nested tens of
// thousands deep. Unsafe vaults are refused (exit status 6) with a message
// naming the path, and left exactly as they were; a record that is merely
// broken is moved aside, kept byte for byte, and reported. Every run stays
// within a small memory budget, however large the files it was handed.

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"
#include "tests/testing/process.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;
using ::hwfp::testing::HwfpBinary;
using ::hwfp::testing::ProcessResult;
using ::hwfp::testing::RunProcess;

constexpr int kExitVault = 6;  // cli/command.h
// What a run handed a hostile vault may take beyond a run on a sound one.
constexpr long kMemoryBudgetKib = 16 * 1024;
constexpr off_t kOneGiB = off_t{1} << 30;

// What a folder tree holds, as far as "nothing was lost" goes: every
// entry's type, mode, owner, size, inode and link target, and the bytes of
// files up to 1 MiB.
struct Entry {
  mode_t mode = 0;
  uid_t owner = 0;
  off_t size = 0;
  ino_t inode = 0;
  std::string link;
  std::string bytes;
  bool operator==(const Entry& o) const {
    return mode == o.mode && owner == o.owner && size == o.size &&
           inode == o.inode && link == o.link && bytes == o.bytes;
  }
};
using Snapshot = std::map<std::string, Entry>;

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void Walk(const std::string& path, const std::string& name, Snapshot& out) {
  struct stat info;
  if (lstat(path.c_str(), &info) != 0) return;
  Entry& entry = out[name];
  entry.mode = info.st_mode;
  entry.owner = info.st_uid;
  entry.size = S_ISDIR(info.st_mode) ? 0 : info.st_size;
  entry.inode = info.st_ino;
  if (S_ISLNK(info.st_mode)) {
    char target[4096];
    const ssize_t n = readlink(path.c_str(), target, sizeof(target));
    if (n > 0) entry.link.assign(target, static_cast<size_t>(n));
  } else if (S_ISREG(info.st_mode) && info.st_size <= (1 << 20)) {
    entry.bytes = ReadBytes(path);
  } else if (S_ISDIR(info.st_mode)) {
    std::vector<std::string> names;
    if (DIR* dir = opendir(path.c_str())) {
      while (dirent* e = readdir(dir)) {
        const std::string n = e->d_name;
        if (n != "." && n != "..") names.push_back(n);
      }
      closedir(dir);
    }
    for (const std::string& n : names) {
      Walk(path + "/" + n, name + "/" + n, out);
    }
  }
}

Snapshot Take(const std::string& path) {
  Snapshot snapshot;
  Walk(path, ".", snapshot);
  return snapshot;
}

void Write(const std::string& path, const std::string& bytes,
           mode_t mode = 0600) {
  unlink(path.c_str());
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, mode);
  ASSERT_GE(fd, 0) << path;
  ASSERT_EQ(write(fd, bytes.data(), bytes.size()),
            static_cast<ssize_t>(bytes.size()));
  close(fd);
}

// Replaces `path` with a sparse file of `size` bytes (no disk used).
void WriteSparse(const std::string& path, off_t size) {
  unlink(path.c_str());
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  ASSERT_GE(fd, 0) << path;
  ASSERT_EQ(ftruncate(fd, size), 0);
  close(fd);
}

uid_t Nobody() {
  const passwd* user = getpwnam("nobody");
  return user != nullptr ? user->pw_uid : 65534;
}

std::string NotUtf8Record() {
  return "{\"fingerprint\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
         "\"hardwareHash\":{\"machine-id\":\"\xC3\x28\xFF\xFE\"},"
         "\"similarityThreshold\":40}";
}

// Nested deeper than any parser's stack allows if it recursed, yet within
// the 64 KiB a vault file may hold, so the nesting limit is what refuses
// them.
std::string DeepArrays() { return std::string(60000, '['); }

std::string DeepObjects() {
  std::string text;
  for (int i = 0; i < 12000; ++i) text += "{\"a\":";
  return text;
}

class HostileVaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.File("etc/machine-id", std::string(32, 'f') + "\n")
        .File("proc/sys/kernel/hostname", "target\n");
    base_ = absl::StrCat(
        std::getenv("TEST_TMPDIR"), "/",
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_EQ(mkdir(base_.c_str(), 0700), 0) << base_;
    vault_ = base_ + "/vault";

    // A sound vault and what a run on it costs.
    absl::StatusOr<ProcessResult> run = Fingerprint(vault_);
    ASSERT_TRUE(run.ok()) << run.status();
    ASSERT_EQ(run->exit_code, 0) << run->err;
    fingerprint_ = std::string(absl::StripAsciiWhitespace(run->out));
    baseline_kib_ = run->max_rss_kib;
  }

  absl::StatusOr<ProcessResult> Fingerprint(const std::string& vault) {
    return RunProcess({HwfpBinary(), "fingerprint", "--root", tree_.root(),
                       "--vault", vault, "--attempts", "1"});
  }

  // Runs hwfp on `vault` and expects a refusal naming `named` and saying
  // `says`, in bounded memory, with `watched` left exactly as it was.
  void ExpectRefused(const std::string& vault, const std::string& named,
                     const std::string& says, const std::string& watched = "") {
    const std::string root = watched.empty() ? base_ : watched;
    const Snapshot before = Take(root);
    absl::StatusOr<ProcessResult> run = Fingerprint(vault);
    ASSERT_TRUE(run.ok()) << run.status();
    std::printf("refused in %s, %ld KiB: %s",
                absl::FormatDuration(run->elapsed).c_str(), run->max_rss_kib,
                run->err.c_str());
    EXPECT_EQ(run->exit_code, kExitVault) << run->out << run->err;
    EXPECT_EQ(run->out, "");
    EXPECT_TRUE(absl::StrContains(run->err, named)) << run->err;
    EXPECT_TRUE(absl::StrContains(run->err, says)) << run->err;
    EXPECT_LT(run->max_rss_kib - baseline_kib_, kMemoryBudgetKib);
    const Snapshot after = Take(root);
    EXPECT_TRUE(before == after) << "the refused vault was changed";
  }

  // Runs hwfp on the vault whose record was replaced by something that is
  // not a record, and expects it moved aside byte for byte (same inode),
  // reported, and a new fingerprint stored, in bounded memory.
  void ExpectMovedAside(const std::string& says) {
    const std::string record = vault_ + "/Store/InstanceFingerprint";
    struct stat old_record;
    ASSERT_EQ(lstat(record.c_str(), &old_record), 0);
    const Snapshot before = Take(vault_ + "/Store");

    absl::StatusOr<ProcessResult> run = Fingerprint(vault_);
    ASSERT_TRUE(run.ok()) << run.status();
    std::printf("moved aside in %s, %ld KiB: %s",
                absl::FormatDuration(run->elapsed).c_str(), run->max_rss_kib,
                run->err.c_str());
    EXPECT_EQ(run->exit_code, 0) << run->err;
    EXPECT_TRUE(absl::StrContains(run->err, "corrupt")) << run->err;
    EXPECT_TRUE(absl::StrContains(run->err, says)) << run->err;
    EXPECT_LT(run->max_rss_kib - baseline_kib_, kMemoryBudgetKib);
    const std::string minted(absl::StripAsciiWhitespace(run->out));
    EXPECT_NE(minted, fingerprint_);

    // The broken record is still there, whole, under another name.
    const Entry& old_entry = before.at("./InstanceFingerprint");
    bool kept = false;
    for (const auto& [name, entry] : Take(vault_ + "/Store")) {
      if (absl::StartsWith(name, "./InstanceFingerprint.corrupt")) {
        kept |= entry == old_entry;
      }
    }
    EXPECT_TRUE(kept) << "the broken record was not kept whole";

    // And the next run keeps the new fingerprint.
    absl::StatusOr<ProcessResult> next = Fingerprint(vault_);
    ASSERT_TRUE(next.ok()) << next.status();
    EXPECT_EQ(next->exit_code, 0) << next->err;
    EXPECT_EQ(std::string(absl::StripAsciiWhitespace(next->out)), minted);
  }

  bool root() const { return geteuid() == 0; }

  HostTree tree_{"hostile_vault_machine"};
  std::string base_;
  std::string vault_;
  std::string fingerprint_;
  long baseline_kib_ = 0;
};

TEST_F(HostileVaultTest, VaultFolderThatIsASymbolicLink) {
  const std::string link = base_ + "/link";
  ASSERT_EQ(symlink(vault_.c_str(), link.c_str()), 0);
  ExpectRefused(link, link, "symbolic link");
}

TEST_F(HostileVaultTest, StoreFolderThatIsASymbolicLink) {
  const std::string elsewhere = base_ + "/elsewhere";
  ASSERT_EQ(rename((vault_ + "/Store").c_str(), elsewhere.c_str()), 0);
  ASSERT_EQ(symlink(elsewhere.c_str(), (vault_ + "/Store").c_str()), 0);
  ExpectRefused(vault_, "Store", "symbolic link");
}

TEST_F(HostileVaultTest, RecordThatIsASymbolicLink) {
  const std::string record = vault_ + "/Store/InstanceFingerprint";
  const std::string elsewhere = base_ + "/record";
  ASSERT_EQ(rename(record.c_str(), elsewhere.c_str()), 0);
  ASSERT_EQ(symlink(elsewhere.c_str(), record.c_str()), 0);
  ExpectRefused(vault_, "InstanceFingerprint", "symbolic link");
}

TEST_F(HostileVaultTest, ManifestThatIsASymbolicLink) {
  const std::string manifest = vault_ + "/Manifest";
  const std::string elsewhere = base_ + "/manifest";
  ASSERT_EQ(rename(manifest.c_str(), elsewhere.c_str()), 0);
  ASSERT_EQ(symlink(elsewhere.c_str(), manifest.c_str()), 0);
  ExpectRefused(vault_, "Manifest", "symbolic link");
}

TEST_F(HostileVaultTest, FilesOwnedByAnotherUser) {
  if (!root()) GTEST_SKIP() << "giving a file to another user needs root";
  for (const char* name :
       {"", "/Store", "/Manifest", "/Store/InstanceFingerprint"}) {
    SCOPED_TRACE(absl::StrCat("owned by nobody: vault", name));
    const std::string path = vault_ + name;
    ASSERT_EQ(lchown(path.c_str(), Nobody(), static_cast<gid_t>(-1)), 0);
    ExpectRefused(vault_, path, "owned by");
    ASSERT_EQ(lchown(path.c_str(), 0, static_cast<gid_t>(-1)), 0);
  }
}

TEST_F(HostileVaultTest, ModesOpenToOthers) {
  const std::vector<std::pair<std::string, mode_t>> cases = {
      {"/Store/InstanceFingerprint", 0644},
      {"/Manifest", 0644},
      {"/Store", 0750},
      {"", 0755},
  };
  for (const auto& [name, mode] : cases) {
    const std::string path = vault_ + name;
    SCOPED_TRACE(absl::StrCat(path, " mode 0", absl::Hex(mode)));
    struct stat info;
    ASSERT_EQ(stat(path.c_str(), &info), 0);
    ASSERT_EQ(chmod(path.c_str(), mode), 0);
    ExpectRefused(vault_, path, absl::StrFormat("has mode 0%o", mode));
    ASSERT_EQ(chmod(path.c_str(), info.st_mode & 07777), 0);
  }
}

TEST_F(HostileVaultTest, ManifestPointingOutsideTheVault) {
  // A file of ours outside the vault that a careless reader would read,
  // and a careless writer would overwrite.
  const std::string outside = base_ + "/outside";
  Write(outside, NotUtf8Record());
  for (const std::string& path :
       {outside, std::string("../outside"), std::string("Store/../../outside"),
        vault_ + "/Store/../../outside", std::string("/etc/passwd"),
        vault_ + "/Manifest"}) {
    SCOPED_TRACE(path);
    Write(vault_ + "/Manifest",
          absl::StrCat("{\"InstanceFingerprint\":\"", path, "\"}"));
    ExpectRefused(vault_, path, "outside");
  }
}

TEST_F(HostileVaultTest, OneGiBManifest) {
  WriteSparse(vault_ + "/Manifest", kOneGiB);
  ExpectRefused(vault_, "Manifest", "1073741824");
}

TEST_F(HostileVaultTest, ManifestThatIsNotUtf8OrNestedTooDeep) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{\"InstanceFingerprint\":\"Store/Instance\xFF\xFE\"}",
       "Invalid encoding"},
      {DeepArrays(), "nests deeper"},
      {DeepObjects(), "nests deeper"},
  };
  for (const auto& [text, says] : cases) {
    SCOPED_TRACE(text.substr(0, 40));
    Write(vault_ + "/Manifest", text);
    ExpectRefused(vault_, "Manifest", says);
  }
}

// Found by vault_record_fuzzer: a lone surrogate escape used to make every
// run fail instead of moving the record aside.
TEST_F(HostileVaultTest, RecordEscapingALoneSurrogateIsMovedAside) {
  Write(vault_ + "/Store/InstanceFingerprint",
        "{\"fingerprint\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
        "\"hardwareHash\":{\"machine-id\":\"\\udc00\"},"
        "\"similarityThreshold\":40}");
  ExpectMovedAside("lone UTF-16 surrogate");
}

// Found by vault_manifest_fuzzer: hwfp used to read this Manifest, then
// write it back as bytes it could not read again.
TEST_F(HostileVaultTest, ManifestEscapingALoneSurrogateIsRefused) {
  Write(vault_ + "/Manifest",
        "{\"InstanceFingerprint\":\"Store/InstanceFingerprint\","
        "\"x\\udc00\":\"Store/x\"}");
  ExpectRefused(vault_, "Manifest", "lone UTF-16 surrogate");
}

TEST_F(HostileVaultTest, OneGiBRecordIsMovedAsideUnread) {
  WriteSparse(vault_ + "/Store/InstanceFingerprint", kOneGiB);
  ExpectMovedAside("1073741824");
}

TEST_F(HostileVaultTest, RecordThatIsNotUtf8IsMovedAside) {
  Write(vault_ + "/Store/InstanceFingerprint", NotUtf8Record());
  ExpectMovedAside("Invalid encoding");
}

TEST_F(HostileVaultTest, RecordOfNestedArraysIsMovedAside) {
  Write(vault_ + "/Store/InstanceFingerprint", DeepArrays());
  ExpectMovedAside("nests deeper");
}

TEST_F(HostileVaultTest, RecordOfNestedObjectsIsMovedAside) {
  Write(vault_ + "/Store/InstanceFingerprint", DeepObjects());
  ExpectMovedAside("nests deeper");
}

}  // namespace
}  // namespace hwfp
