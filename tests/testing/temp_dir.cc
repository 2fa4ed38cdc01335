// 64-bit file sizes and directory offsets on 32-bit ARM too: without them
// fstat and readdir fail with EOVERFLOW on large files and file systems.
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif

#include "tests/testing/temp_dir.h"

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace hwfp::testing {
namespace {

int RemoveEntry(const char* path, const struct stat*, int, struct FTW*) {
  remove(path);
  return 0;
}

}  // namespace

TempDir::TempDir() {
  const char* base = std::getenv("TEST_TMPDIR");
  std::string pattern = std::string(base ? base : "/tmp") + "/hwfp.XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  path_ = buffer.data();
}

TempDir::~TempDir() {
  // Restore access to anything a test locked up before removing it.
  nftw(
      path_.c_str(),
      [](const char* path, const struct stat* info, int, struct FTW*) {
        if (S_ISDIR(info->st_mode)) chmod(path, 0700);
        return 0;
      },
      16, FTW_PHYS);
  nftw(path_.c_str(), RemoveEntry, 16, FTW_DEPTH | FTW_PHYS);
}

std::string MakeTempDir(const std::string& name) {
  // Destroyed, with every folder handed out, when the program exits.
  static TempDir shared;
  static int serial = 0;
  const std::string dir =
      shared.path() + "/" + name + "-" + std::to_string(++serial);
  MakeFolders(dir);
  return dir;
}

int ModeOf(const std::string& path) {
  struct stat info;
  if (lstat(path.c_str(), &info) != 0) return -1;
  return static_cast<int>(info.st_mode & 07777);
}

bool Exists(const std::string& path) {
  struct stat info;
  return lstat(path.c_str(), &info) == 0;
}

}  // namespace hwfp::testing
