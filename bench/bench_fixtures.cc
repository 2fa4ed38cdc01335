#include "bench/bench_fixtures.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

namespace hwfp::bench {
namespace {

bool IsFile(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

std::optional<std::string> FindFixtures() {
  constexpr char kRunfilesFixtures[] = "/hwfp_fixtures/fixtures";
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("HWFP_FIXTURES")) candidates.push_back(env);
  for (const char* var : {"RUNFILES_DIR", "TEST_SRCDIR"}) {
    if (const char* dir = std::getenv(var)) {
      candidates.push_back(std::string(dir) + kRunfilesFixtures);
    }
  }
  char self[4096];
  const ssize_t size = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (size > 0) {
    candidates.push_back(std::string(self, static_cast<size_t>(size)) +
                         ".runfiles" + kRunfilesFixtures);
  }
  candidates.push_back(std::string("..") + kRunfilesFixtures);
  if (const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY")) {
    candidates.push_back(std::string(workspace) + "/../shared/fixtures");
  }

  for (const std::string& dir : candidates) {
    if (IsFile(dir + "/README.md")) return dir;
  }
  return std::nullopt;
}

}  // namespace hwfp::bench
