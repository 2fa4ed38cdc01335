// The dispatcher in cli/main.cc: help, unknown commands, dashed flag names.

#include <string>

#include "gtest/gtest.h"
#include "tests/testing/run_hwfp.h"

namespace hwfp::testing {
namespace {

TEST(MainTest, HelpListsEveryCommandAndExitsZero) {
  for (const char* asked : {"--help", "-h", "help"}) {
    SCOPED_TRACE(asked);
    const HwfpRun run = RunHwfp({asked});
    EXPECT_EQ(run.exit_status, 0) << run.err;
    for (const char* command :
         {"compare", "fingerprint", "hash", "smbios", "vault"}) {
      EXPECT_NE(run.out.find(std::string("  ") + command + "\t"),
                std::string::npos)
          << command << " missing from:\n" << run.out;
    }
    EXPECT_NE(run.out.find("exit statuses"), std::string::npos);
  }
}

TEST(MainTest, NoCommandOrUnknownCommandIsAUsageError) {
  EXPECT_EQ(RunHwfp({}).exit_status, 2);
  const HwfpRun run = RunHwfp({"fingerprnt"});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_NE(run.err.find("unknown command 'fingerprnt'"), std::string::npos)
      << run.err;
}

TEST(MainTest, DashedAndUnderscoredFlagNamesAreTheSame) {
  const HwfpRun dashed = RunHwfp({"smbios", "--from-dump", "/nonexistent"});
  const HwfpRun underscored =
      RunHwfp({"smbios", "--from_dump", "/nonexistent"});
  EXPECT_EQ(dashed.exit_status, 3) << dashed.err;
  EXPECT_EQ(underscored.exit_status, 3) << underscored.err;
}

}  // namespace
}  // namespace hwfp::testing
