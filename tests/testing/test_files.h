// Reading and writing whole files in tests, portably: the same helpers serve
// tests that run on Linux and under wine.
//
//   WriteTestFile(dir + "/Manifest", "{}", 0600);
//   EXPECT_EQ(ReadTestFile(dir + "/Manifest"), "{}");

#ifndef HWFP_TESTS_TESTING_TEST_FILES_H_
#define HWFP_TESTS_TESTING_TEST_FILES_H_

#include <string>

namespace hwfp::testing {

// Writes `content` to `path`, replacing whatever was there (a symbolic link
// is replaced, not followed), then sets the permission bits `mode`. Returns
// false on failure.
bool WriteTestFile(const std::string& path, const std::string& content,
                   int mode = 0600);

// Creates `path` and any missing folders above it; returns true when `path`
// is a folder afterwards.
bool MakeFolders(const std::string& path);

// Returns the contents of `path`, or "" when it cannot be read.
std::string ReadTestFile(const std::string& path);

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_TEST_FILES_H_
