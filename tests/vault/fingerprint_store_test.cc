// Loading and storing the fingerprint record: corrupt records moved aside
// and reported, unsafe ones refused untouched, replaced ones kept.

#include "vault/fingerprint_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace hwfp {
namespace {

using ::hwfp::testing::Exists;
using ::hwfp::testing::ReadTestFile;
using ::hwfp::testing::TempDir;
using ::hwfp::testing::WriteTestFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

const absl::Time kNow = absl::FromUnixSeconds(1714558500);  // 10:15:00Z.

FingerprintRecord Record(const std::string& uuid) {
  FingerprintRecord record;
  record.fingerprint = uuid;
  record.hardware_hash = {{"machine-id", "m1"}, {"ipaddress-info", "10.0.0.1"}};
  record.similarity_threshold = 40;
  return record;
}

constexpr char kUuid1[] = "11111111-1111-4111-8111-111111111111";
constexpr char kUuid2[] = "22222222-2222-4222-8222-222222222222";

class FingerprintStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Vault> vault = Vault::Open(dir(), VaultAccess::kCreate);
    ASSERT_TRUE(vault.ok()) << vault.status();
    vault_.emplace(*std::move(vault));
    absl::StatusOr<VaultLock> lock = vault_->Lock(LockKind::kExclusive);
    ASSERT_TRUE(lock.ok()) << lock.status();
    lock_.emplace(*std::move(lock));
  }

  std::string dir() const { return temp_.path() + "/vault"; }
  std::string RecordPath() const { return dir() + "/Store/" + kFingerprintKey; }

  // Stores a valid record, then replaces its file's bytes with `bytes`.
  void PlantRecord(const std::string& bytes) {
    ASSERT_TRUE(
        StoreFingerprint(*vault_, *lock_, Record(kUuid1), nullptr).ok());
    ASSERT_TRUE(WriteTestFile(RecordPath(), bytes));
  }

  TempDir temp_;
  std::optional<Vault> vault_;
  std::optional<VaultLock> lock_;
};

TEST_F(FingerprintStoreTest, EmptyVaultHasNoRecord) {
  const absl::StatusOr<LoadedFingerprint> loaded =
      LoadFingerprint(*vault_, *lock_, kNow);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_FALSE(loaded->record.has_value());
  EXPECT_TRUE(loaded->warnings.empty());
}

TEST_F(FingerprintStoreTest, StoredRecordLoadsBack) {
  ASSERT_TRUE(StoreFingerprint(*vault_, *lock_, Record(kUuid1), nullptr).ok());
  const absl::StatusOr<LoadedFingerprint> loaded =
      LoadFingerprint(*vault_, *lock_, kNow);
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->record.has_value());
  EXPECT_EQ(loaded->record->fingerprint, kUuid1);
  EXPECT_EQ(loaded->record->hardware_hash, Record(kUuid1).hardware_hash);
  EXPECT_EQ(loaded->record->similarity_threshold, 40);
  EXPECT_EQ((*ReadFingerprint(*vault_))->fingerprint, kUuid1);
}

TEST_F(FingerprintStoreTest, ReplacementKeepsThePreviousRecord) {
  ASSERT_TRUE(StoreFingerprint(*vault_, *lock_, Record(kUuid1), nullptr).ok());
  PreviousFingerprint previous;
  previous.record = Record(kUuid1);
  previous.replaced_at = FormatRecordTime(kNow);
  previous.replaced_by = kUuid2;
  previous.reason = "machine-id changed: not similar";
  ASSERT_TRUE(
      StoreFingerprint(*vault_, *lock_, Record(kUuid2), &previous).ok());

  EXPECT_EQ((*ReadFingerprint(*vault_))->fingerprint, kUuid2);
  const absl::StatusOr<std::optional<PreviousFingerprint>> kept =
      ReadPreviousFingerprint(*vault_);
  ASSERT_TRUE(kept.ok() && kept->has_value());
  EXPECT_EQ((*kept)->record.fingerprint, kUuid1);
  EXPECT_EQ((*kept)->replaced_at, "2024-05-01T10:15:00Z");
  EXPECT_EQ((*kept)->replaced_by, kUuid2);
  EXPECT_EQ((*kept)->reason, "machine-id changed: not similar");
}

TEST_F(FingerprintStoreTest, CorruptRecordsAreMovedAsideAndReported) {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "{\"a\":";  // 50 KB.
  for (const std::string& bytes :
       {std::string("{\"fingerprint\":"), std::string("\xff\xfe{}"),
        std::string("{\"fingerprint\":\"\xc3\x28\"}"), deep,
        std::string("{\"fingerprint\":\"no\"}"), std::string()}) {
    PlantRecord(bytes);
    const absl::StatusOr<LoadedFingerprint> loaded =
        LoadFingerprint(*vault_, *lock_, kNow);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_FALSE(loaded->record.has_value());
    ASSERT_THAT(loaded->warnings, SizeIs(1));
    EXPECT_THAT(loaded->warnings[0], HasSubstr("is corrupt"));
    EXPECT_THAT(loaded->warnings[0],
                HasSubstr("moved it aside to " + dir() +
                          "/Store/InstanceFingerprint.corrupt-"
                          "20240501T101500Z"));
    EXPECT_FALSE(Exists(RecordPath()));
  }
  // Every one kept, byte for byte.
  EXPECT_EQ(ReadTestFile(RecordPath() + ".corrupt-20240501T101500Z"),
            "{\"fingerprint\":");
  EXPECT_EQ(ReadTestFile(RecordPath() + ".corrupt-20240501T101500Z-4"), deep);
  EXPECT_THAT(*vault_->UnlistedStoreFiles(), SizeIs(6));
  EXPECT_THAT(*vault_->Keys(), ElementsAre());
  EXPECT_EQ(ReadFingerprint(*vault_)->has_value(), false);
}

TEST_F(FingerprintStoreTest, HugeRecordIsMovedAsideUnread) {
  PlantRecord("{}");
  ASSERT_EQ(truncate(RecordPath().c_str(), int64_t{1} << 30), 0);
  const absl::StatusOr<LoadedFingerprint> loaded =
      LoadFingerprint(*vault_, *lock_, kNow);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_THAT(loaded->warnings, SizeIs(1));
  EXPECT_THAT(loaded->warnings[0], HasSubstr("1073741824 bytes"));
  struct stat info;
  ASSERT_EQ(stat((RecordPath() + ".corrupt-20240501T101500Z").c_str(), &info),
            0);
  EXPECT_EQ(info.st_size, int64_t{1} << 30);
}

TEST_F(FingerprintStoreTest, ReadFingerprintReportsCorruptionWithoutMoving) {
  PlantRecord("garbage");
  const absl::Status status = ReadFingerprint(*vault_).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(status.message(), HasSubstr("InstanceFingerprint in " + dir() +
                                          " is corrupt: not JSON"));
  EXPECT_EQ(ReadTestFile(RecordPath()), "garbage");
}

TEST_F(FingerprintStoreTest, UnsafeRecordIsRefusedAndLeftAlone) {
  PlantRecord("garbage");
  ASSERT_EQ(chmod(RecordPath().c_str(), 0644), 0);
  const absl::Status status = LoadFingerprint(*vault_, *lock_, kNow).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReadTestFile(RecordPath()), "garbage");
  EXPECT_THAT(*vault_->Keys(), ElementsAre(kFingerprintKey));
}

TEST_F(FingerprintStoreTest, MissingDataFileIsAWarningNotAnError) {
  PlantRecord("{}");
  ASSERT_EQ(unlink(RecordPath().c_str()), 0);
  const absl::StatusOr<LoadedFingerprint> loaded =
      LoadFingerprint(*vault_, *lock_, kNow);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_FALSE(loaded->record.has_value());
  EXPECT_THAT(loaded->warnings, ElementsAre(HasSubstr("is missing")));
}

TEST_F(FingerprintStoreTest, ClearedReferenceRecordIsNoRecord) {
  PlantRecord(
      R"({"fingerprint":"","hardwareHash":null,"similarityThreshold":0})");
  const absl::StatusOr<LoadedFingerprint> loaded =
      LoadFingerprint(*vault_, *lock_, kNow);
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->record.has_value());
  EXPECT_TRUE(loaded->warnings.empty());
}

TEST_F(FingerprintStoreTest, ClearKeepsTheRecordAsPrevious) {
  ASSERT_TRUE(StoreFingerprint(*vault_, *lock_, Record(kUuid1), nullptr).ok());
  const absl::StatusOr<std::optional<FingerprintRecord>> cleared =
      ClearFingerprint(*vault_, *lock_, kNow, "cleared by hwfp vault clear");
  ASSERT_TRUE(cleared.ok() && cleared->has_value());
  EXPECT_EQ((*cleared)->fingerprint, kUuid1);
  EXPECT_FALSE(ReadFingerprint(*vault_)->has_value());
  EXPECT_FALSE(Exists(RecordPath()));
  const std::optional<PreviousFingerprint> previous =
      *ReadPreviousFingerprint(*vault_);
  ASSERT_TRUE(previous.has_value());
  EXPECT_EQ(previous->record.fingerprint, kUuid1);
  EXPECT_EQ(previous->replaced_by, "");
  EXPECT_EQ(previous->reason, "cleared by hwfp vault clear");

  // Clearing an empty vault is fine.
  EXPECT_FALSE(ClearFingerprint(*vault_, *lock_, kNow, "again")->has_value());
}

TEST_F(FingerprintStoreTest, InvalidUtf8IsRefusedBeforeAnythingIsWritten) {
  FingerprintRecord record = Record(kUuid1);
  record.hardware_hash["hostname-info"] = "\xff";
  const absl::Status status =
      StoreFingerprint(*vault_, *lock_, record, nullptr);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(Exists(RecordPath()));
}

}  // namespace
}  // namespace hwfp
