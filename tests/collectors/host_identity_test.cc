// machine-id and hostname-info: which file, what is kept of it.

#include "collectors/host_identity.h"

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;

TEST(MachineIdTest, WholeContentOfEtcMachineIdNewlineIncluded) {
  HostTree tree("machine-id");
  tree.File("etc/machine-id", "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f\n")
      .File("var/lib/dbus/machine-id", "ffffffffffffffffffffffffffffffff\n");
  const CollectedKey key = CollectMachineId(RootFs(tree.root()));
  EXPECT_EQ(key.value, "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f\n");
  EXPECT_EQ(key.source, tree.Path("etc/machine-id"));
}

TEST(MachineIdTest, DbusCopyWhenEtcIsMissingOrEmpty) {
  HostTree tree("machine-id-dbus");
  tree.File("var/lib/dbus/machine-id", "0123456789abcdef0123456789abcdef\n");
  EXPECT_EQ(CollectMachineId(RootFs(tree.root())).value,
            "0123456789abcdef0123456789abcdef\n");

  tree.File("etc/machine-id", "");
  const CollectedKey key = CollectMachineId(RootFs(tree.root()));
  EXPECT_EQ(key.value, "0123456789abcdef0123456789abcdef\n");
  EXPECT_EQ(key.source, tree.Path("var/lib/dbus/machine-id"));
}

TEST(MachineIdTest, NeitherFileGivesEmptyNamingBoth) {
  HostTree tree("machine-id-none");
  tree.Folder("etc");
  const CollectedKey key = CollectMachineId(RootFs(tree.root()));
  EXPECT_EQ(key.value, "");
  EXPECT_TRUE(absl::StrContains(key.source, tree.Path("etc/machine-id")));
  EXPECT_TRUE(
      absl::StrContains(key.source, tree.Path("var/lib/dbus/machine-id")));
}

TEST(HostnameTest, KernelHostNameWithoutItsNewline) {
  HostTree tree("hostname");
  tree.File("proc/sys/kernel/hostname", "r630-db-01\n");
  const CollectedKey key = CollectHostname(RootFs(tree.root()));
  EXPECT_EQ(key.value, "r630-db-01");
  EXPECT_EQ(key.source, tree.Path("proc/sys/kernel/hostname"));

  // Exactly one newline goes, as in Go's os.Hostname; spaces stay.
  tree.File("proc/sys/kernel/hostname", " odd name\n\n");
  EXPECT_EQ(CollectHostname(RootFs(tree.root())).value, " odd name\n");
}

TEST(HostnameTest, MissingOrEmptyGivesEmptyWithReason) {
  HostTree tree("hostname-none");
  tree.Folder("proc");
  CollectedKey key = CollectHostname(RootFs(tree.root()));
  EXPECT_EQ(key.value, "");
  EXPECT_TRUE(absl::StrContains(key.source, "No such file")) << key.source;

  tree.File("proc/sys/kernel/hostname", "\n");
  key = CollectHostname(RootFs(tree.root()));
  EXPECT_EQ(key.value, "");
  EXPECT_TRUE(absl::EndsWith(key.source, ": empty")) << key.source;
}

}  // namespace
}  // namespace hwfp
