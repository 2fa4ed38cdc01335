// Fresh folders for tests that write files (vaults, host trees), under
// Bazel's TEST_TMPDIR, removed with everything in them at the end.
//
//   hwfp::testing::TempDir dir;
//   WriteTestFile(dir.path() + "/Manifest", "{}", 0600);

#ifndef HWFP_TESTS_TESTING_TEMP_DIR_H_
#define HWFP_TESTS_TESTING_TEMP_DIR_H_

#include <sys/types.h>

#include <string>

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

// Writes `content` to `path` (replacing it) and sets `mode`; returns false
// on failure.
bool WriteTestFile(const std::string& path, const std::string& content,
                   mode_t mode = 0600);

// Returns the contents of `path`, or "" when it cannot be read.
std::string ReadTestFile(const std::string& path);

// Returns the permission bits of `path` (not following a link), or -1.
int ModeOf(const std::string& path);

// Returns true when `path` exists (not following a link).
bool Exists(const std::string& path);

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_TEMP_DIR_H_
