// Runs a program in a test and reports how it ended: exit status or
// signal, what it printed, how long it took and its peak memory. Crash,
// concurrency and hostile-input tests run the real `hwfp` binary this way
// (it reaches a test through `data = ["//:hwfp"]`; see HwfpBinary()).
//
//   absl::StatusOr<ProcessResult> run =
//       RunProcess({HwfpBinary(), "fingerprint", "--vault", dir});
//   EXPECT_EQ(run->exit_code, 0) << run->err;

#ifndef HWFP_TESTS_TESTING_PROCESS_H_
#define HWFP_TESTS_TESTING_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace hwfp::testing {

struct ProcessResult {
  // Exit status when the process exited, else -1.
  int exit_code = -1;
  // The signal that ended it (SIGKILL after a timeout), else 0.
  int signal = 0;
  // True when it outlived its timeout and was killed for it.
  bool timed_out = false;
  std::string out;  // What it wrote to stdout.
  std::string err;  // What it wrote to stderr.
  // Peak resident memory (getrusage's ru_maxrss), in KiB.
  long max_rss_kib = 0;
  absl::Duration elapsed;
};

// A started process whose output goes to files in the test's temporary
// folder. Wait() must be called once, killed or not, to reap it.
class ChildProcess {
 public:
  // Starts argv[0] (a path, not searched in PATH) with `argv`, stdin from
  // /dev/null. Fails when the program cannot be started.
  static absl::StatusOr<ChildProcess> Start(
      const std::vector<std::string>& argv);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }

  // Sends `signal` to the process (harmless if it has already ended).
  void Kill(int signal);

  // Waits for the process to end, killing it with SIGKILL once `timeout`
  // has passed, and returns how it ended. Fails when it cannot be reaped.
  absl::StatusOr<ProcessResult> Wait(absl::Duration timeout);

 private:
  friend absl::StatusOr<ProcessResult> RunInChild(absl::FunctionRef<int()> body,
                                                  absl::Duration timeout);

  ChildProcess(pid_t pid, std::string out_path, std::string err_path,
               absl::Time started);

  pid_t pid_;
  std::string out_path_;
  std::string err_path_;
  absl::Time started_;
};

// Runs argv to completion (see ChildProcess) and returns how it ended.
absl::StatusOr<ProcessResult> RunProcess(
    const std::vector<std::string>& argv,
    absl::Duration timeout = absl::Seconds(30));

// Runs `body` in a forked copy of this process and returns how that copy
// ended: exit status body's return value, and peak memory, which starts at
// this process's own at the time of the fork (measure a trivial body for
// the baseline). Output is not captured. The copy is killed after
// `timeout`. Fails when fork fails.
absl::StatusOr<ProcessResult> RunInChild(
    absl::FunctionRef<int()> body, absl::Duration timeout = absl::Seconds(30));

// Returns the path of the `hwfp` binary in the test's runfiles; the test
// needs `data = ["//:hwfp"]`.
std::string HwfpBinary();

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_PROCESS_H_
