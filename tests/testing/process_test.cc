// The subprocess helper the crash and hostile-input tests rely on: exit
// status, signal, output, timeout and memory must be what happened.

#include "tests/testing/process.h"

#include <signal.h>

#include <string>

#include "gtest/gtest.h"

namespace hwfp::testing {
namespace {

TEST(ProcessTest, ReportsExitStatusAndOutput) {
  absl::StatusOr<ProcessResult> run =
      RunProcess({"/bin/sh", "-c", "echo out; echo err >&2; exit 7"});
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->exit_code, 7);
  EXPECT_EQ(run->signal, 0);
  EXPECT_EQ(run->out, "out\n");
  EXPECT_EQ(run->err, "err\n");
  EXPECT_FALSE(run->timed_out);
}

TEST(ProcessTest, ReportsTheSignalThatEndedIt) {
  absl::StatusOr<ChildProcess> child =
      ChildProcess::Start({"/bin/sleep", "10"});
  ASSERT_TRUE(child.ok()) << child.status();
  child->Kill(SIGKILL);
  absl::StatusOr<ProcessResult> run = child->Wait(absl::Seconds(5));
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->exit_code, -1);
  EXPECT_EQ(run->signal, SIGKILL);
  EXPECT_FALSE(run->timed_out);
}

TEST(ProcessTest, KillsWhatOutlivesItsTimeout) {
  absl::StatusOr<ProcessResult> run =
      RunProcess({"/bin/sleep", "10"}, absl::Milliseconds(100));
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_TRUE(run->timed_out);
  EXPECT_EQ(run->signal, SIGKILL);
  EXPECT_LT(run->elapsed, absl::Seconds(5));
}

TEST(ProcessTest, MeasuresPeakMemory) {
  // head holds its whole input line (64 MiB of zeros, no newline).
  absl::StatusOr<ProcessResult> run = RunProcess(
      {"/bin/sh", "-c",
       "head -c 67108864 /dev/zero | /usr/bin/tail -n 1 >/dev/null"});
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->exit_code, 0);
  EXPECT_GT(run->max_rss_kib, 60 * 1024);
  absl::StatusOr<ProcessResult> small = RunProcess({"/bin/true"});
  ASSERT_TRUE(small.ok()) << small.status();
  EXPECT_LT(small->max_rss_kib, 16 * 1024);
}

TEST(ProcessTest, RunsAFunctionInAChildAndMeasuresIt) {
  absl::StatusOr<ProcessResult> idle = RunInChild([] { return 3; });
  ASSERT_TRUE(idle.ok()) << idle.status();
  EXPECT_EQ(idle->exit_code, 3);

  absl::StatusOr<ProcessResult> busy = RunInChild([] {
    std::string big(96 << 20, 'x');
    return big[12345] == 'x' ? 0 : 1;
  });
  ASSERT_TRUE(busy.ok()) << busy.status();
  EXPECT_EQ(busy->exit_code, 0);
  EXPECT_GT(busy->max_rss_kib - idle->max_rss_kib, 64 * 1024);
}

TEST(ProcessTest, FailsForAMissingProgram) {
  EXPECT_FALSE(RunProcess({"/nonexistent/program"}).ok());
}

}  // namespace
}  // namespace hwfp::testing
