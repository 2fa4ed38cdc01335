// 64-bit file sizes and directory offsets on 32-bit ARM too: without them
// readdir fails with EOVERFLOW on large file systems and a copy comes out
// partial.
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif

#include "tests/testing/host_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace hwfp::testing {
namespace {

// Creates the folders above `path` (all of `path` when it ends in '/').
void MakeParents(const std::string& path) {
  MakeFolders(path.substr(0, path.rfind('/')));
}

void RemovePath(const std::string& path) {
  struct stat info;
  if (lstat(path.c_str(), &info) != 0) return;
  if (S_ISDIR(info.st_mode)) {
    if (DIR* folder = opendir(path.c_str())) {
      while (const dirent* entry = readdir(folder)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") RemovePath(path + "/" + name);
      }
      closedir(folder);
    }
    rmdir(path.c_str());
  } else {
    unlink(path.c_str());
  }
}

void Copy(const std::string& from, const std::string& to) {
  struct stat info;
  if (lstat(from.c_str(), &info) != 0) {
    ADD_FAILURE() << from << ": " << std::strerror(errno);
    return;
  }
  if (S_ISLNK(info.st_mode)) {
    char target[4096];
    const ssize_t got = readlink(from.c_str(), target, sizeof(target));
    if (got < 0 || symlink(std::string(target, got).c_str(), to.c_str()) != 0) {
      ADD_FAILURE() << "cannot copy link " << from << " to " << to;
    }
  } else if (S_ISDIR(info.st_mode)) {
    mkdir(to.c_str(), 0755);
    if (DIR* folder = opendir(from.c_str())) {
      while (const dirent* entry = readdir(folder)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") {
          Copy(from + "/" + name, to + "/" + name);
        }
      }
      closedir(folder);
    }
  } else {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    out << in.rdbuf();
    if (!out) ADD_FAILURE() << "cannot copy " << from << " to " << to;
  }
}

}  // namespace

HostTree::HostTree(absl::string_view name)
    : HostTree(name, std::getenv("TEST_TMPDIR") != nullptr
                         ? std::getenv("TEST_TMPDIR")
                         : "/tmp") {}

HostTree::HostTree(absl::string_view name, absl::string_view base) {
  static int serial = 0;
  root_ = absl::StrCat(base, "/host-", name, "-", getpid(), "-", ++serial);
  RemovePath(root_);
  MakeParents(root_ + "/");
}

std::string HostTree::Path(absl::string_view relative) const {
  return relative.empty() ? root_ : absl::StrCat(root_, "/", relative);
}

HostTree& HostTree::File(absl::string_view relative,
                         absl::string_view content) {
  const std::string path = Path(relative);
  MakeParents(path);
  RemovePath(path);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) ADD_FAILURE() << "cannot write " << path;
  return *this;
}

HostTree& HostTree::Link(absl::string_view relative, absl::string_view target) {
  const std::string path = Path(relative);
  MakeParents(path);
  RemovePath(path);
  if (symlink(std::string(target).c_str(), path.c_str()) != 0) {
    ADD_FAILURE() << "cannot link " << path << ": " << std::strerror(errno);
  }
  return *this;
}

HostTree& HostTree::Folder(absl::string_view relative) {
  const std::string path = Path(relative);
  MakeParents(path + "/");
  return *this;
}

HostTree& HostTree::Remove(absl::string_view relative) {
  RemovePath(Path(relative));
  return *this;
}

HostTree& HostTree::TouchLink(absl::string_view relative, long seconds) {
  const timeval times[2] = {{seconds, 0}, {seconds, 0}};
  if (lutimes(Path(relative).c_str(), times) != 0) {
    ADD_FAILURE() << "cannot touch " << Path(relative);
  }
  return *this;
}

HostTree& HostTree::CopyFrom(const std::string& source,
                             absl::string_view relative) {
  const std::string to = Path(relative);
  MakeParents(to + "/");
  RemovePath(to);
  Copy(source, to);
  return *this;
}

}  // namespace hwfp::testing
