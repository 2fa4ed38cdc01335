// RootFs: paths under a root, errors that name the file, sorted listings,
// and links read as targets, including files standing in for links.

#include "collectors/root_fs.h"

#include <unistd.h>

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;

TEST(RootFsTest, PathJoinsUnderTheRoot) {
  EXPECT_EQ(RootFs("/").Path("etc/machine-id"), "/etc/machine-id");
  EXPECT_EQ(RootFs("/srv/tree/").Path("etc/machine-id"),
            "/srv/tree/etc/machine-id");
  EXPECT_EQ(RootFs("/srv/tree").Path("/etc/machine-id"),
            "/srv/tree/etc/machine-id");
  EXPECT_EQ(RootFs("tree").Path("proc"), "tree/proc");
}

TEST(RootFsTest, CheckUsable) {
  HostTree tree("rootfs-usable");
  tree.File("file", "x");
  EXPECT_TRUE(RootFs(tree.root()).CheckUsable().ok());

  const absl::Status missing = RootFs(tree.Path("nope")).CheckUsable();
  EXPECT_TRUE(absl::IsNotFound(missing)) << missing;
  EXPECT_TRUE(absl::StrContains(missing.message(), tree.Path("nope")));

  const absl::Status file = RootFs(tree.Path("file")).CheckUsable();
  EXPECT_TRUE(absl::IsFailedPrecondition(file)) << file;
}

TEST(RootFsTest, ReadsUnderAMissingRootFailAsNotFound) {
  HostTree tree("rootfs-missing");
  const RootFs root(tree.Path("gone"));
  const absl::StatusOr<std::string> read = root.ReadFile("etc/machine-id");
  EXPECT_TRUE(absl::IsNotFound(read.status())) << read.status();
  EXPECT_EQ(read.status().message(),
            tree.Path("gone/etc/machine-id") + ": No such file or directory");
  EXPECT_TRUE(absl::IsNotFound(root.ListFolder("dev").status()));
  EXPECT_TRUE(absl::IsNotFound(root.ReadLink("dev/x").status()));
  EXPECT_FALSE(root.Exists("etc"));
}

TEST(RootFsTest, ReadFileWholeOrNamedError) {
  HostTree tree("rootfs-read");
  const std::string big(100000, 'x');
  tree.File("proc/cpuinfo", big).Folder("sys");
  const RootFs root(tree.root());

  EXPECT_EQ(root.ReadFile("proc/cpuinfo").value_or(""), big);

  const absl::StatusOr<std::string> missing = root.ReadFile("etc/machine-id");
  EXPECT_TRUE(absl::IsNotFound(missing.status()));
  EXPECT_EQ(missing.status().message(),
            tree.Path("etc/machine-id") + ": No such file or directory");

  EXPECT_TRUE(absl::IsFailedPrecondition(root.ReadFile("sys").status()));
}

TEST(RootFsTest, UnreadableFileIsPermissionDenied) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  HostTree tree("rootfs-denied");
  tree.File("sys/firmware/dmi/tables/DMI", "x");
  chmod(tree.Path("sys/firmware/dmi/tables/DMI").c_str(), 0);
  const absl::StatusOr<std::string> denied =
      RootFs(tree.root()).ReadFile("sys/firmware/dmi/tables/DMI");
  EXPECT_TRUE(absl::IsPermissionDenied(denied.status())) << denied.status();
}

TEST(RootFsTest, ListFolderIsSortedWhateverTheCreationOrder) {
  HostTree tree("rootfs-list");
  tree.File("net/wlan0/x", "")
      .File("net/eth1/x", "")
      .File("net/docker0/x", "")
      .File("net/eth0/x", "");
  const absl::StatusOr<std::vector<std::string>> names =
      RootFs(tree.root()).ListFolder("net");
  ASSERT_TRUE(names.ok()) << names.status();
  EXPECT_EQ(*names,
            (std::vector<std::string>{"docker0", "eth0", "eth1", "wlan0"}));
  EXPECT_TRUE(absl::IsNotFound(RootFs(tree.root()).ListFolder("dev").status()));
}

TEST(RootFsTest, ReadLinkOfLinkAndOfStandInFile) {
  HostTree tree("rootfs-link");
  tree.Link("dev/disk/by-uuid/A1B2", "../../sda1")
      .File("dev/disk/by-uuid/C3D4", "../../sda2\n")
      .Link("dev/disk/by-uuid/dangling", "../../gone")
      .Folder("dev/disk/by-uuid/folder");
  const RootFs root(tree.root());

  EXPECT_EQ(root.ReadLink("dev/disk/by-uuid/A1B2").value_or(""), "../../sda1");
  EXPECT_EQ(root.ReadLink("dev/disk/by-uuid/C3D4").value_or(""), "../../sda2");
  EXPECT_EQ(root.ReadLink("dev/disk/by-uuid/dangling").value_or(""),
            "../../gone");
  EXPECT_TRUE(root.Exists("dev/disk/by-uuid/dangling"));
  EXPECT_FALSE(root.IsFolder("dev/disk/by-uuid/dangling"));
  EXPECT_TRUE(absl::IsFailedPrecondition(
      root.ReadLink("dev/disk/by-uuid/folder").status()));
  EXPECT_TRUE(absl::IsNotFound(root.ReadLink("dev/disk/by-uuid/X").status()));
}

TEST(RootFsTest, LongFileIsNoLinkTarget) {
  HostTree tree("rootfs-long-link");
  tree.File("dev/disk/by-uuid/A", std::string(100000, 'a'));
  EXPECT_TRUE(absl::IsFailedPrecondition(
      RootFs(tree.root()).ReadLink("dev/disk/by-uuid/A").status()));
}

}  // namespace
}  // namespace hwfp
