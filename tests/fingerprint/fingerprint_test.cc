// The main job on made-up maps: first run, same machine, changed machine,
// retries, thresholds, concurrency, and a vault in the reference agent's
// format.

#include "fingerprint/fingerprint.h"

#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/made_up_hash.h"
#include "tests/testing/temp_dir.h"
#include "vault/errors.h"
#include "vault/fingerprint_store.h"

namespace hwfp {
namespace {

using ::hwfp::testing::Exists;
using ::hwfp::testing::ReadTestFile;
using ::hwfp::testing::TempDir;
using ::hwfp::testing::WriteTestFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A server's nine keys with made-up values.
HardwareHash Server() {
  HardwareHash hash;
  hash.values = hwfp::testing::MadeUpServerHash();
  for (const auto& [key, value] : hash.values) {
    hash.sources[key] = "made up for the test";
  }
  return hash;
}

HardwareHash With(HardwareHash hash, const std::string& key,
                  const std::string& value) {
  hash.values[key] = value;
  return hash;
}

class FingerprintTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.retry_delay = absl::Milliseconds(250);
    options_.sleep = [this](absl::Duration d) { sleeps_.push_back(d); };
  }

  std::string dir() const { return temp_.path() + "/vault"; }

  // Runs the main job once on a freshly opened vault, collecting `hashes`
  // in turn (the last one repeats).
  absl::StatusOr<FingerprintResult> Run(std::vector<HardwareHash> hashes) {
    absl::StatusOr<Vault> vault = Vault::Open(dir(), VaultAccess::kCreate);
    if (!vault.ok()) return vault.status();
    size_t next = 0;
    collections_ = 0;
    auto collect = [&]() -> absl::StatusOr<HardwareHash> {
      ++collections_;
      const HardwareHash& hash = hashes[std::min(next, hashes.size() - 1)];
      ++next;
      return hash;
    };
    return RunFingerprint(*vault, collect, options_);
  }

  std::string Mint(const HardwareHash& hash) {
    absl::StatusOr<FingerprintResult> first = Run({hash});
    EXPECT_TRUE(first.ok()) << first.status();
    EXPECT_EQ(first->outcome, FingerprintOutcome::kMinted);
    sleeps_.clear();
    return first->fingerprint;
  }

  std::optional<FingerprintRecord> Stored() {
    absl::StatusOr<Vault> vault = Vault::Open(dir(), VaultAccess::kReadOnly);
    EXPECT_TRUE(vault.ok());
    return *ReadFingerprint(*vault);
  }

  TempDir temp_;
  FingerprintOptions options_;
  std::vector<absl::Duration> sleeps_;
  int collections_ = 0;
};

TEST_F(FingerprintTest, FirstRunMintsAndStoresWithThresholdForty) {
  const absl::StatusOr<FingerprintResult> result = Run({Server()});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->outcome, FingerprintOutcome::kMinted);
  EXPECT_TRUE(IsUuidText(result->fingerprint));
  EXPECT_EQ(result->fingerprint[14], '4');
  EXPECT_EQ(result->attempts, 1);
  EXPECT_FALSE(result->saved.has_value());
  EXPECT_FALSE(result->explanation.has_value());
  EXPECT_TRUE(sleeps_.empty());

  const std::optional<FingerprintRecord> stored = Stored();
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->fingerprint, result->fingerprint);
  EXPECT_EQ(stored->hardware_hash, Server().values);
  EXPECT_EQ(stored->similarity_threshold, 40);
}

TEST_F(FingerprintTest, SameMapGivesTheSameUuidWithoutRetrying) {
  const std::string uuid = Mint(Server());
  const absl::StatusOr<FingerprintResult> again = Run({Server()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->fingerprint, uuid);
  EXPECT_EQ(again->outcome, FingerprintOutcome::kKept);
  EXPECT_EQ(again->attempts, 1);
  EXPECT_EQ(again->explanation->verdict.rule,
            SimilarityRule::kIdentityAndAddressUnchanged);
  EXPECT_TRUE(sleeps_.empty());
}

TEST_F(FingerprintTest, OnlyTheAddressChangedGivesTheSameUuid) {
  const std::string uuid = Mint(Server());
  const absl::StatusOr<FingerprintResult> moved =
      Run({With(Server(), "ipaddress-info", "10.0.9.3")});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->fingerprint, uuid);
  EXPECT_EQ(moved->explanation->verdict.rule,
            SimilarityRule::kThresholdReached);
  EXPECT_EQ(moved->explanation->verdict.matched, 8);
}

TEST_F(FingerprintTest, ChangedMachineIdMintsAfterEveryAttemptAndKeepsTheOld) {
  const std::string uuid = Mint(Server());
  const HardwareHash clone = With(Server(), "machine-id", "clone");
  const absl::StatusOr<FingerprintResult> result = Run({clone});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->outcome, FingerprintOutcome::kReplaced);
  EXPECT_NE(result->fingerprint, uuid);
  EXPECT_EQ(result->previous_fingerprint, uuid);
  EXPECT_EQ(result->attempts, 3);
  EXPECT_EQ(collections_, 3);
  EXPECT_THAT(sleeps_,
              ElementsAre(absl::Milliseconds(250), absl::Milliseconds(250)));

  EXPECT_EQ(Stored()->fingerprint, result->fingerprint);
  EXPECT_EQ(Stored()->hardware_hash, clone.values);
  absl::StatusOr<Vault> vault = Vault::Open(dir(), VaultAccess::kReadOnly);
  const std::optional<PreviousFingerprint> previous =
      *ReadPreviousFingerprint(*vault);
  ASSERT_TRUE(previous.has_value());
  EXPECT_EQ(previous->record.fingerprint, uuid);
  EXPECT_EQ(previous->record.hardware_hash, Server().values);
  EXPECT_EQ(previous->replaced_by, result->fingerprint);
  EXPECT_EQ(previous->reason, "machine-id changed: not similar");
}

TEST_F(FingerprintTest, MemorySwappedAndReaddressedDependsOnThreshold) {
  // A server whose memory was swapped and that came back on a new address:
  // 7 of 9 keys match (77.8%).
  const HardwareHash swapped =
      With(With(Server(), "memory-hash", "c3dhcHBlZC02NEdC"), "ipaddress-info",
           "10.0.9.3");
  const std::string uuid = Mint(Server());
  const absl::StatusOr<FingerprintResult> at40 = Run({swapped});
  ASSERT_TRUE(at40.ok());
  EXPECT_EQ(at40->fingerprint, uuid);
  EXPECT_EQ(at40->threshold, 40);

  options_.threshold = 100;
  const absl::StatusOr<FingerprintResult> at100 = Run({swapped});
  ASSERT_TRUE(at100.ok());
  EXPECT_NE(at100->fingerprint, uuid);
  EXPECT_EQ(at100->outcome, FingerprintOutcome::kReplaced);
  EXPECT_EQ(at100->explanation->verdict.rule, SimilarityRule::kBelowThreshold);
  EXPECT_EQ(Stored()->similarity_threshold, 100);
}

TEST_F(FingerprintTest, MemorySwappedAtTheSameAddressIsTheSameMachine) {
  // The reference rule: same machine-id and address settles it, whatever
  // the threshold.
  const std::string uuid = Mint(Server());
  options_.threshold = 100;
  const absl::StatusOr<FingerprintResult> result =
      Run({With(Server(), "memory-hash", "c3dhcHBlZC02NEdC")});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->fingerprint, uuid);
}

TEST_F(FingerprintTest, StoredThresholdDecides) {
  const std::string uuid = Mint(Server());
  {
    absl::StatusOr<Vault> vault = Vault::Open(dir(), VaultAccess::kCreate);
    absl::StatusOr<VaultLock> lock = vault->Lock(LockKind::kExclusive);
    FingerprintRecord record = *Stored();
    record.similarity_threshold = -1;
    ASSERT_TRUE(StoreFingerprint(*vault, *lock, record, nullptr).ok());
  }
  const absl::StatusOr<FingerprintResult> result =
      Run({With(Server(), "machine-id", "clone")});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->fingerprint, uuid);
  EXPECT_EQ(result->explanation->verdict.rule, SimilarityRule::kCheckDisabled);
}

TEST_F(FingerprintTest, RetriesUntilTheMachineHasComeUp) {
  // Early in boot the network is not up: no address, no MAC. The third
  // collection sees the machine as it was.
  const HardwareHash booting =
      With(With(With(With(Server(), "ipaddress-info", ""), "macaddr-info", ""),
                "hostname-info", "localhost"),
           "disk-info", "");
  const std::string uuid = Mint(Server());
  options_.threshold = 90;
  const absl::StatusOr<FingerprintResult> result =
      Run({booting, booting, Server()});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->fingerprint, uuid);
  EXPECT_EQ(result->outcome, FingerprintOutcome::kKept);
  EXPECT_EQ(result->attempts, 3);
  EXPECT_EQ(collections_, 3);
  EXPECT_EQ(sleeps_.size(), 2u);
}

TEST_F(FingerprintTest, AttemptCountAndDelayAreConfigurable) {
  Mint(Server());
  options_.attempts = 5;
  options_.retry_delay = absl::Milliseconds(7);
  const absl::StatusOr<FingerprintResult> result =
      Run({With(Server(), "machine-id", "clone")});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->attempts, 5);
  EXPECT_EQ(sleeps_, std::vector<absl::Duration>(4, absl::Milliseconds(7)));

  options_.attempts = 1;
  sleeps_.clear();
  const absl::StatusOr<FingerprintResult> once =
      Run({With(Server(), "machine-id", "other")});
  ASSERT_TRUE(once.ok());
  EXPECT_EQ(once->outcome, FingerprintOutcome::kReplaced);
  EXPECT_TRUE(sleeps_.empty());
}

TEST_F(FingerprintTest, FailedCollectionsAreRetriedThenReported) {
  absl::StatusOr<Vault> vault = Vault::Open(dir(), VaultAccess::kCreate);
  int calls = 0;
  auto flaky = [&]() -> absl::StatusOr<HardwareHash> {
    if (++calls < 3) return absl::UnavailableError("sysfs not mounted yet");
    return Server();
  };
  const absl::StatusOr<FingerprintResult> result =
      RunFingerprint(*vault, flaky, options_);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->attempts, 3);

  auto broken = []() -> absl::StatusOr<HardwareHash> {
    return absl::NotFoundError("no SMBIOS tables");
  };
  const std::optional<FingerprintRecord> before = Stored();
  const absl::StatusOr<FingerprintResult> failed =
      RunFingerprint(*vault, broken, options_);
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(failed.status().message(),
              HasSubstr("failed on attempt 3 of 3: no SMBIOS tables"));
  EXPECT_FALSE(IsVaultError(failed.status()));
  EXPECT_EQ(Stored()->fingerprint, before->fingerprint);
}

TEST_F(FingerprintTest, InvalidUtf8IsAFailedCollection) {
  const absl::StatusOr<FingerprintResult> result =
      Run({With(Server(), "hostname-info", "db-\xff")});
  EXPECT_EQ(result.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(),
              HasSubstr("\"hostname-info\" is not valid UTF-8"));
  EXPECT_EQ(collections_, 3);
  EXPECT_FALSE(Stored().has_value());
}

TEST_F(FingerprintTest, UnacceptedStoredThresholdIsReportedAndReplaced) {
  Mint(Server());
  ASSERT_TRUE(WriteTestFile(
      dir() + "/Store/InstanceFingerprint",
      R"({"fingerprint":"11111111-1111-4111-8111-111111111111",)"
      R"("hardwareHash":{"machine-id":"4f9d0c2a6b1e4e7d9a3c5b8e2f1d0a9b"}})"));
  const absl::StatusOr<FingerprintResult> result = Run({Server()});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->threshold, 40);
  EXPECT_THAT(result->warnings,
              ElementsAre(HasSubstr("stored similarity threshold 0 is not "
                                    "accepted")));
  // 1 of 9 keys (the address is new) is below 40: replaced.
  EXPECT_EQ(result->outcome, FingerprintOutcome::kReplaced);
}

TEST_F(FingerprintTest, CorruptRecordIsMovedAsideReportedAndReminted) {
  Mint(Server());
  ASSERT_TRUE(WriteTestFile(dir() + "/Store/InstanceFingerprint", "{\"fi"));
  options_.now = [] { return absl::FromUnixSeconds(1714558500); };
  const absl::StatusOr<FingerprintResult> result = Run({Server()});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->outcome, FingerprintOutcome::kMinted);
  EXPECT_THAT(result->warnings, ElementsAre(HasSubstr("moved it aside")));
  EXPECT_EQ(ReadTestFile(dir() +
                         "/Store/InstanceFingerprint.corrupt-20240501T101500Z"),
            "{\"fi");
}

TEST_F(FingerprintTest, UnsafeVaultFailsAndKeepsItsRecord) {
  const std::string uuid = Mint(Server());
  ASSERT_EQ(chmod((dir() + "/Store/InstanceFingerprint").c_str(), 0644), 0);
  const absl::StatusOr<FingerprintResult> result = Run({Server()});
  EXPECT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(IsVaultError(result.status()));
  ASSERT_EQ(chmod((dir() + "/Store/InstanceFingerprint").c_str(), 0600), 0);
  EXPECT_EQ(Stored()->fingerprint, uuid);
}

TEST_F(FingerprintTest, RefusesBadOptions) {
  options_.attempts = 0;
  EXPECT_EQ(Run({Server()}).status().code(),
            absl::StatusCode::kInvalidArgument);
  options_.attempts = 3;
  options_.threshold = 101;
  EXPECT_EQ(Run({Server()}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(Exists(dir() + "/Manifest"));
}

TEST_F(FingerprintTest, ConcurrentRunsOnAFreshVaultMintExactlyOne) {
  constexpr int kRuns = 12;
  int output[2];
  ASSERT_EQ(pipe(output), 0);
  std::vector<pid_t> children;
  for (int i = 0; i < kRuns; ++i) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      absl::StatusOr<Vault> vault = Vault::Open(dir(), VaultAccess::kCreate);
      if (!vault.ok()) _exit(1);
      absl::StatusOr<FingerprintResult> result = RunFingerprint(
          *vault, [] { return absl::StatusOr<HardwareHash>(Server()); },
          FingerprintOptions());
      if (!result.ok()) _exit(2);
      // One line per run: "minted UUID" or "kept UUID", short enough for
      // an atomic pipe write.
      const std::string line =
          std::string(FingerprintOutcomeName(result->outcome)) + " " +
          result->fingerprint + "\n";
      _exit(write(output[1], line.data(), line.size()) ==
                    static_cast<ssize_t>(line.size())
                ? 0
                : 3);
    }
    children.push_back(child);
  }
  close(output[1]);
  for (pid_t child : children) {
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::string lines;
  char buffer[512];
  ssize_t got;
  while ((got = read(output[0], buffer, sizeof(buffer))) > 0) {
    lines.append(buffer, static_cast<size_t>(got));
  }
  close(output[0]);

  int minted = 0;
  std::set<std::string> uuids;
  for (absl::string_view line :
       absl::StrSplit(lines, '\n', absl::SkipEmpty())) {
    const std::vector<std::string> parts = absl::StrSplit(line, ' ');
    ASSERT_EQ(parts.size(), 2u) << line;
    minted += parts[0] == "minted";
    uuids.insert(parts[1]);
  }
  EXPECT_EQ(minted, 1);
  EXPECT_EQ(uuids.size(), 1u);
  EXPECT_EQ(*uuids.begin(), Stored()->fingerprint);
}

TEST_F(FingerprintTest, ReferenceAgentVaultIsReadComparedAndUpdatedInPlace) {
  // A vault as the reference agent leaves it: absolute Manifest paths, Go's
  // record bytes, and its registration beside the fingerprint.
  const std::string vault_dir = temp_.path() + "/Vault";
  ASSERT_EQ(mkdir(vault_dir.c_str(), 0700), 0);
  ASSERT_EQ(mkdir((vault_dir + "/Store").c_str(), 0700), 0);
  char* real = realpath(vault_dir.c_str(), nullptr);
  const std::string root(real);
  free(real);
  const std::string manifest =
      "{\"InstanceFingerprint\":\"" + root +
      "/Store/InstanceFingerprint\",\"RegistrationKey\":\"" + root +
      "/Store/RegistrationKey\"}";
  ASSERT_TRUE(WriteTestFile(vault_dir + "/Manifest", manifest));
  ASSERT_TRUE(WriteTestFile(vault_dir + "/Store/RegistrationKey",
                            R"({"instanceID":"mi-0123456789abcdef0"})"));
  ASSERT_TRUE(WriteTestFile(
      vault_dir + "/Store/InstanceFingerprint",
      R"({"fingerprint":"6f1c9a0e-3b5d-4e2f-9a7c-1d2e3f4a5b6c",)"
      R"("hardwareHash":{"bios-hash":"Q0RFRkdISUpLTE1OT1BRUg==",)"
      R"("disk-info":"tYzm1dWvUf3C2p+0fM3wYg==","hostname-info":"db-7",)"
      R"("ipaddress-info":"10.0.4.17","macaddr-info":"52:54:00:12:34:56",)"
      R"("machine-id":"4f9d0c2a6b1e4e7d9a3c5b8e2f1d0a9b",)"
      R"("memory-hash":"bWVtb3J5LWJhbmtzLTQ4R0I=",)"
      R"("processor-hash":"cHJvY2Vzc29yLXhlb24tMjY=",)"
      R"("system-hash":"c3lzdGVtLXI2MzAtc2VyaWFs"},)"
      R"("similarityThreshold":40})"));

  absl::StatusOr<Vault> vault = Vault::Open(vault_dir, VaultAccess::kCreate);
  ASSERT_TRUE(vault.ok()) << vault.status();
  auto collect = [](const HardwareHash& hash) {
    return [hash]() -> absl::StatusOr<HardwareHash> { return hash; };
  };

  // Read and compared: the address moved, the machine is the same.
  const absl::StatusOr<FingerprintResult> kept = RunFingerprint(
      *vault, collect(With(Server(), "ipaddress-info", "10.0.9.3")), options_);
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_EQ(kept->fingerprint, "6f1c9a0e-3b5d-4e2f-9a7c-1d2e3f4a5b6c");
  EXPECT_EQ(ReadTestFile(vault_dir + "/Manifest"), manifest);

  // Updated in place: a clone gets a new fingerprint in the same file.
  const absl::StatusOr<FingerprintResult> replaced = RunFingerprint(
      *vault, collect(With(Server(), "machine-id", "clone")), options_);
  ASSERT_TRUE(replaced.ok()) << replaced.status();
  EXPECT_EQ(replaced->outcome, FingerprintOutcome::kReplaced);

  // Still the reference agent's format: it opens the Manifest's path as
  // written and finds exactly its three fields.
  const absl::StatusOr<Manifest> after =
      ParseManifest(ReadTestFile(vault_dir + "/Manifest"));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->at("InstanceFingerprint"),
            root + "/Store/InstanceFingerprint");
  EXPECT_EQ(after->at("RegistrationKey"), root + "/Store/RegistrationKey");
  EXPECT_EQ(after->at("InstanceFingerprint.previous"),
            root + "/Store/InstanceFingerprint.previous");
  const std::string record = ReadTestFile(after->at("InstanceFingerprint"));
  EXPECT_EQ(record.rfind("{\"fingerprint\":\"" + replaced->fingerprint +
                             "\",\"hardwareHash\":{\"bios-hash\":",
                         0),
            0u)
      << record;
  EXPECT_THAT(record, ::testing::EndsWith(
                          "\"system-hash\":\"c3lzdGVtLXI2MzAtc2VyaWFs\"},"
                          "\"similarityThreshold\":40}"));
  EXPECT_EQ(ReadTestFile(vault_dir + "/Store/RegistrationKey"),
            R"({"instanceID":"mi-0123456789abcdef0"})");
  EXPECT_EQ(ParsePreviousFingerprint(
                ReadTestFile(after->at("InstanceFingerprint.previous")))
                ->record.fingerprint,
            "6f1c9a0e-3b5d-4e2f-9a7c-1d2e3f4a5b6c");
}

TEST(IdentityKeyForTest, UuidOnlyForMapsWithoutMachineId) {
  EXPECT_EQ(IdentityKeyFor({{"machine-id", "m"}, {"uuid", "u"}}),
            IdentityKey::kMachineId);
  EXPECT_EQ(IdentityKeyFor({{"uuid", "u"}}), IdentityKey::kUuid);
  EXPECT_EQ(IdentityKeyFor({}), IdentityKey::kMachineId);
}

}  // namespace
}  // namespace hwfp
