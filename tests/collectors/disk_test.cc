// disk-info: file-system UUIDs and the partitions they name; nothing that
// `ls -l` would add (times, owners, link counts) and no listing order.

#include "collectors/disk.h"

#include <string>

#include "absl/strings/match.h"
#include "collectors/digest.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;

constexpr char kFolder[] = "dev/disk/by-uuid/";

TEST(DiskInfoTextTest, SortedUuidAndPartitionName) {
  EXPECT_EQ(DiskInfoText({{"f00d", "../../sda2"},
                          {"A1B2-C3D4", "../../nvme0n1p1"},
                          {"3f1c", "/dev/nvme0n1p2"},
                          {"bare", "mmcblk0p1"}}),
            "3f1c nvme0n1p2\nA1B2-C3D4 nvme0n1p1\nbare mmcblk0p1\n"
            "f00d sda2\n");
}

TEST(DiskInfoTest, HashOfTheLinks) {
  HostTree tree("disk");
  tree.Link(std::string(kFolder) + "3f1c2a9e-7d55", "../../nvme0n1p2")
      .Link(std::string(kFolder) + "A1B2-C3D4", "../../nvme0n1p1");
  const CollectedKey key = CollectDiskInfo(RootFs(tree.root()));
  EXPECT_EQ(key.value,
            Md5Base64("3f1c2a9e-7d55 nvme0n1p2\nA1B2-C3D4 nvme0n1p1\n"));
  EXPECT_EQ(key.source, tree.Path("dev/disk/by-uuid") + " (2 file systems)");
}

TEST(DiskInfoTest, LinkTimesAndCreationOrderChangeNothing) {
  HostTree first("disk-first");
  first.Link(std::string(kFolder) + "A1B2-C3D4", "../../sda1")
      .Link(std::string(kFolder) + "b7e1", "../../sda2")
      .TouchLink(std::string(kFolder) + "A1B2-C3D4", 1000000000)
      .TouchLink(std::string(kFolder) + "b7e1", 1000000000);

  // After a reboot udev recreates the links, in another order, now.
  HostTree second("disk-second");
  second.Link(std::string(kFolder) + "b7e1", "../../sda2")
      .Link(std::string(kFolder) + "A1B2-C3D4", "../../sda1")
      .TouchLink(std::string(kFolder) + "b7e1", 1700000000);

  const std::string before = CollectDiskInfo(RootFs(first.root())).value;
  EXPECT_FALSE(before.empty());
  EXPECT_EQ(CollectDiskInfo(RootFs(second.root())).value, before);

  // A new file system does change it.
  second.Link(std::string(kFolder) + "c0ff", "../../sdb1");
  EXPECT_NE(CollectDiskInfo(RootFs(second.root())).value, before);
}

TEST(DiskInfoTest, StandInFilesHashLikeLinks) {
  HostTree links("disk-links");
  links.Link(std::string(kFolder) + "C839-E506", "../../mmcblk0p1");
  HostTree files("disk-files");
  files.File(std::string(kFolder) + "C839-E506", "../../mmcblk0p1");
  EXPECT_EQ(CollectDiskInfo(RootFs(files.root())).value,
            CollectDiskInfo(RootFs(links.root())).value);
}

TEST(DiskInfoTest, MissingOrEmptyFolderGivesEmptyWithReason) {
  HostTree tree("disk-none");
  tree.Folder("dev");
  CollectedKey key = CollectDiskInfo(RootFs(tree.root()));
  EXPECT_EQ(key.value, "");
  EXPECT_TRUE(absl::StrContains(key.source, "No such file")) << key.source;

  tree.Folder("dev/disk/by-uuid");
  key = CollectDiskInfo(RootFs(tree.root()));
  EXPECT_EQ(key.value, "");
  EXPECT_TRUE(absl::StrContains(key.source, "no file systems listed"));
}

TEST(DiskInfoTest, UnreadableEntryIsLeftOutAndNamed) {
  HostTree tree("disk-odd");
  tree.Link(std::string(kFolder) + "A1B2", "../../sda1")
      .Folder(std::string(kFolder) + "weird");
  const CollectedKey key = CollectDiskInfo(RootFs(tree.root()));
  EXPECT_EQ(key.value, Md5Base64("A1B2 sda1\n"));
  EXPECT_TRUE(absl::StrContains(key.source, "left out:")) << key.source;
  EXPECT_TRUE(absl::StrContains(key.source, "weird")) << key.source;
}

}  // namespace
}  // namespace hwfp
