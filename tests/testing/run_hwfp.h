// Runs the built `hwfp` binary (a `data` dependency on //:hwfp) the way a
// user does, without a shell, and returns what it printed and its exit
// status.
//
//   const HwfpRun run = RunHwfp({"fingerprint", "--vault", dir});
//   EXPECT_EQ(run.exit_status, 0) << run.err;

#ifndef HWFP_TESTS_TESTING_RUN_HWFP_H_
#define HWFP_TESTS_TESTING_RUN_HWFP_H_

#include <string>
#include <vector>

namespace hwfp::testing {

struct HwfpRun {
  int exit_status = -1;  // -1 when it did not exit normally.
  std::string out;
  std::string err;
};

// Runs hwfp with `args` and the test's environment plus `env` entries
// ("NAME=value").
HwfpRun RunHwfp(const std::vector<std::string>& args,
                const std::vector<std::string>& env = {});

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_RUN_HWFP_H_
