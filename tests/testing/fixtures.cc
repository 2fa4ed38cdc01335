#include "tests/testing/fixtures.h"

#include <cstdlib>
#include <sys/stat.h>

namespace hwfp::testing {

std::optional<std::string> FixturesDir() {
  const char* runfiles = std::getenv("TEST_SRCDIR");
  if (runfiles == nullptr) return std::nullopt;

  // Bazel 4 lays external runfiles out under the repository name directly.
  const std::string dir = std::string(runfiles) + "/hwfp_fixtures/fixtures";
  struct stat info;
  if (stat((dir + "/README.md").c_str(), &info) != 0) return std::nullopt;
  return dir;
}

}  // namespace hwfp::testing
