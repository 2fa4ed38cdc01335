// Locates the shared fixtures (real SMBIOS tables and host trees) that
// tests read in place, through the @hwfp_fixtures repository. A test that
// needs them depends on "@hwfp_fixtures//:fixtures" in `data` and skips
// when they are absent:
//
//   const std::optional<std::string> dir = hwfp::testing::FixturesDir();
//   if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;

#ifndef HWFP_TESTS_TESTING_FIXTURES_H_
#define HWFP_TESTS_TESTING_FIXTURES_H_

#include <optional>
#include <string>

namespace hwfp::testing {

inline constexpr char kNoFixtures[] =
    "../shared/fixtures is absent beside the checkout; this test reads the "
    "real tables and host trees there";

// Returns the fixtures folder (holding smbios/ and hosts/), or nullopt when
// the checkout has no ../shared/fixtures beside it.
std::optional<std::string> FixturesDir();

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_FIXTURES_H_
