// The vault's Manifest: the reference agent's key-to-path object, and the
// rule that every path it names stays inside this vault's Store folder.

#include "vault/manifest.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hwfp {
namespace {

using ::testing::HasSubstr;

const std::vector<std::string> kRoots = {"/var/lib/hwfp/vault",
                                         "/srv/link/vault"};

TEST(ParseManifestTest, ReadsTheReferenceAgentsManifest) {
  const absl::StatusOr<Manifest> manifest = ParseManifest(
      R"({"InstanceFingerprint":)"
      R"("/var/lib/amazon/ssm/Vault/Store/InstanceFingerprint",)"
      R"("RegistrationKey":)"
      R"("/var/lib/amazon/ssm/Vault/Store/RegistrationKey"})");
  ASSERT_TRUE(manifest.ok()) << manifest.status();
  EXPECT_EQ(manifest->size(), 2u);
  EXPECT_EQ(manifest->at("RegistrationKey"),
            "/var/lib/amazon/ssm/Vault/Store/RegistrationKey");
}

TEST(ParseManifestTest, NullIsAnEmptyManifest) {
  const absl::StatusOr<Manifest> manifest = ParseManifest("null");
  ASSERT_TRUE(manifest.ok());
  EXPECT_TRUE(manifest->empty());
}

TEST(ParseManifestTest, RefusesWhatIsNotAnObjectOfStrings) {
  EXPECT_THAT(ParseManifest("[]").status().message(),
              HasSubstr("not a JSON object"));
  EXPECT_THAT(ParseManifest(R"({"k":1})").status().message(),
              HasSubstr("\"k\" is not a string"));
  EXPECT_EQ(ParseManifest("{").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(ParseManifest("").status().code(), absl::StatusCode::kDataLoss);
}

TEST(SerializeManifestTest, CompactSortedAndReadBack) {
  const Manifest manifest = {{"b", "/v/Store/b"}, {"a", "Store/a"}};
  const std::string text = SerializeManifest(manifest);
  EXPECT_EQ(text, R"({"a":"Store/a","b":"/v/Store/b"})");
  EXPECT_EQ(*ParseManifest(text), manifest);
}

TEST(StoreFileNameOfTest, AcceptsAbsolutePathsIntoThisVault) {
  EXPECT_EQ(*StoreFileNameOf("k", "/var/lib/hwfp/vault/Store/Record", kRoots),
            "Record");
  EXPECT_EQ(*StoreFileNameOf("k", "/srv/link/vault/Store/Record", kRoots),
            "Record");
  // Repeated slashes and "." components name the same file.
  EXPECT_EQ(
      *StoreFileNameOf("k", "//var/lib/./hwfp//vault/Store/Record", kRoots),
      "Record");
}

TEST(StoreFileNameOfTest, AcceptsStoreRelativePaths) {
  EXPECT_EQ(*StoreFileNameOf("k", "Store/Record", kRoots), "Record");
  EXPECT_EQ(*StoreFileNameOf("k", "./Store/Record", kRoots), "Record");
}

TEST(StoreFileNameOfTest, RefusesEveryPathThatLeavesTheStore) {
  for (const char* path : {
           "/etc/passwd",
           "/var/lib/other/Store/Record",
           "/var/lib/hwfp/vault/Store/../Manifest",
           "/var/lib/hwfp/vault/../vault/Store/Record",
           "Store/../../../etc/shadow",
           "../Store/Record",
           "Other/Store/Record",
           "Record",
           "Store/",
           "Store/.hwfp.lock",
           "/var/lib/hwfp/vault/Store/sub/Record",
           "",
       }) {
    const absl::StatusOr<std::string> name =
        StoreFileNameOf("InstanceFingerprint", path, kRoots);
    EXPECT_EQ(name.status().code(), absl::StatusCode::kFailedPrecondition)
        << path;
    EXPECT_THAT(name.status().message(), HasSubstr("InstanceFingerprint"));
  }
}

TEST(StoreFileNameOfTest, MessageNamesThePath) {
  EXPECT_THAT(StoreFileNameOf("k", "/etc/passwd", kRoots).status().message(),
              HasSubstr("\"/etc/passwd\", outside this vault"));
}

TEST(ManifestPathForTest, AbsoluteStorePath) {
  EXPECT_EQ(ManifestPathFor("/var/lib/hwfp/vault", "InstanceFingerprint"),
            "/var/lib/hwfp/vault/Store/InstanceFingerprint");
  EXPECT_EQ(*StoreFileNameOf("k", ManifestPathFor(kRoots[0], "x"), kRoots),
            "x");
}

TEST(StoreFileNameOfTest, WindowsPathsIntoThisVault) {
  const std::vector<std::string> roots = {"C:\\ProgramData\\hwfp\\vault"};
  EXPECT_EQ(*StoreFileNameOf(
                "k", "C:\\ProgramData\\hwfp\\vault\\Store\\Record", roots),
            "Record");
  EXPECT_EQ(*StoreFileNameOf("k", "Store\\Record", roots), "Record");
  for (const char* path : {
           "C:\\ProgramData\\other\\Store\\Record",
           "D:\\ProgramData\\hwfp\\vault\\Store\\Record",
           "C:\\ProgramData\\hwfp\\vault\\Store\\..\\Manifest",
           "Store\\..\\..\\Windows\\win.ini",
           "\\\\server\\share\\Store\\Record",
       }) {
    EXPECT_EQ(StoreFileNameOf("k", path, roots).status().code(),
              absl::StatusCode::kFailedPrecondition)
        << path;
  }
}

TEST(ManifestPathForTest, WindowsRootGetsWindowsSeparators) {
  const std::string root = "C:\\ProgramData\\hwfp\\vault";
  EXPECT_EQ(ManifestPathFor(root, "InstanceFingerprint"),
            "C:\\ProgramData\\hwfp\\vault\\Store\\InstanceFingerprint");
  EXPECT_EQ(*StoreFileNameOf("k", ManifestPathFor(root, "x"), {root}), "x");
}

TEST(IsStoreFileNameTest, PlainVisibleNamesOnly) {
  EXPECT_FALSE(IsStoreFileName("a\\b"));
  EXPECT_TRUE(IsStoreFileName("InstanceFingerprint.previous"));
  EXPECT_FALSE(IsStoreFileName(""));
  EXPECT_FALSE(IsStoreFileName(".."));
  EXPECT_FALSE(IsStoreFileName(".hidden"));
  EXPECT_FALSE(IsStoreFileName("a/b"));
  EXPECT_FALSE(IsStoreFileName(std::string("a\0b", 3)));
  EXPECT_FALSE(IsStoreFileName(std::string(256, 'a')));
}

}  // namespace
}  // namespace hwfp
