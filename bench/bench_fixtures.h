// Finds the shared fixtures (../shared/fixtures, reached as the
// @hwfp_fixtures repository) for the Google Benchmark programs, which run
// under `bazel run`, from bazel-bin, or by hand.
//
//   const std::optional<std::string> dir = hwfp::bench::FindFixtures();
//   if (!dir) ... skip, saying the fixtures are absent ...

#ifndef HWFP_BENCH_BENCH_FIXTURES_H_
#define HWFP_BENCH_BENCH_FIXTURES_H_

#include <optional>
#include <string>

namespace hwfp::bench {

// Returns the fixtures folder (the one holding README.md, smbios/ and
// hosts/), trying in order: $HWFP_FIXTURES, the @hwfp_fixtures runfiles
// ($RUNFILES_DIR, $TEST_SRCDIR, PROGRAM.runfiles beside the running
// program, ../hwfp_fixtures from `bazel run`'s working folder), then
// ../shared/fixtures beside $BUILD_WORKSPACE_DIRECTORY. Returns nullopt
// when none holds a README.md.
std::optional<std::string> FindFixtures();

}  // namespace hwfp::bench

#endif  // HWFP_BENCH_BENCH_FIXTURES_H_
