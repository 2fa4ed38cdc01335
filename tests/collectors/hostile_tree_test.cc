// Root folders someone has planted traps in: FIFOs (which block a plain
// open() until a writer comes, that is forever), sockets, huge files and
// link loops in place of the files collectors read. Every read must end
// promptly with a reason, and a collection must go on with the key empty.
// Reads run in a forked copy with a deadline, so a regression fails the
// test instead of hanging it.

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "collectors/collect.h"
#include "collectors/root_fs.h"
#include "gtest/gtest.h"
#include "tests/testing/host_tree.h"
#include "tests/testing/process.h"

namespace hwfp {
namespace {

using ::hwfp::testing::HostTree;
using ::hwfp::testing::ProcessResult;
using ::hwfp::testing::RunInChild;

// Runs `body` in a copy of this process; fails the test when it is still
// running after a few seconds or does not return 0.
void ExpectPrompt(absl::FunctionRef<int()> body) {
  absl::StatusOr<ProcessResult> run = RunInChild(body, absl::Seconds(10));
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_FALSE(run->timed_out) << "the read blocked";
  EXPECT_EQ(run->exit_code, 0);
}

void MakeFifo(const std::string& path) {
  unlink(path.c_str());
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0) << path;
}

TEST(HostileTreeTest, FifoIsRefusedWithoutBlocking) {
  HostTree tree("fifo");
  tree.Folder("etc");
  MakeFifo(tree.Path("etc/machine-id"));
  const RootFs root(tree.root());
  ExpectPrompt([&] {
    absl::StatusOr<std::string> read = root.ReadFile("etc/machine-id");
    return !read.ok() && absl::IsFailedPrecondition(read.status()) &&
                   absl::StrContains(read.status().message(),
                                     "not a regular file")
               ? 0
               : 1;
  });
}

TEST(HostileTreeTest, SocketIsRefused) {
  HostTree tree("socket");
  tree.Folder("proc/net");
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address = {};
  address.sun_family = AF_UNIX;
  std::strcpy(address.sun_path, "route");
  // Bound by a relative name: the test's folder is too deep for sun_path.
  char here[4096];
  ASSERT_NE(getcwd(here, sizeof(here)), nullptr);
  ASSERT_EQ(chdir(tree.Path("proc/net").c_str()), 0);
  const int bound =
      bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  ASSERT_EQ(chdir(here), 0);
  ASSERT_EQ(bound, 0);
  const RootFs root(tree.root());
  absl::StatusOr<std::string> read = root.ReadFile("proc/net/route");
  EXPECT_FALSE(read.ok());
  close(fd);
}

TEST(HostileTreeTest, CollectionGoesOnPastFifosInEveryFile) {
  HostTree tree("fifos_everywhere");
  tree.File("proc/sys/kernel/hostname", "trap\n")
      .Folder("etc")
      .Folder("proc/net")
      .Folder("sys/firmware/dmi/tables")
      .Folder("sys/class/net/eth0");
  for (const char* file :
       {"etc/machine-id", "proc/cpuinfo", "proc/net/route", "proc/net/fib_trie",
        "sys/firmware/dmi/tables/smbios_entry_point",
        "sys/firmware/dmi/tables/DMI", "sys/class/net/eth0/address"}) {
    MakeFifo(tree.Path(file));
  }
  ExpectPrompt([&] {
    CollectOptions options;
    options.root = tree.root();
    absl::StatusOr<HardwareHash> hash = CollectHardwareHash(options);
    if (!hash.ok()) return 1;
    // What could be read was; what could not is empty, with a reason.
    return hash->values.at("hostname-info") == "trap" &&
                   hash->values.at("machine-id").empty() &&
                   !hash->sources.at("machine-id").empty()
               ? 0
               : 2;
  });
}

}  // namespace
}  // namespace hwfp
