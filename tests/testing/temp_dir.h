// Fresh folders for tests that write files (vaults, host trees), under
// Bazel's TEST_TMPDIR, removed with everything in them at the end, and the
// small file helpers every test shares.
//
//   hwfp::testing::TempDir dir;
//   WriteTestFile(dir.path() + "/Manifest", "{}", 0600);

#ifndef HWFP_TESTS_TESTING_TEMP_DIR_H_
#define HWFP_TESTS_TESTING_TEMP_DIR_H_

#include <sys/types.h>

#include <string>

#include "tests/testing/test_files.h"

namespace hwfp::testing {

class TempDir {
 public:
  // Creates a new folder, mode 0700; aborts the test program on failure.
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Returns a fresh empty folder named after `name` inside one TempDir kept
// for the whole test program (removed when it exits), for tests that need
// a folder without holding a TempDir.
std::string MakeTempDir(const std::string& name);

// Returns the permission bits of `path` (not following a link), or -1.
int ModeOf(const std::string& path);

// Returns true when `path` exists (not following a link).
bool Exists(const std::string& path);

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_TEMP_DIR_H_
