# Shared by the tools/test* scripts (sourced, not run): counts test cases
# from the JUnit XML Bazel leaves under a testlogs folder, so the whole run
# can close with one "N passed, N failed" line however many configurations
# it went through.

# tally_testlogs STAGE TESTLOGS_DIR
# Prints "STAGE: N passed, N failed, N skipped" for the test.xml files under
# TESTLOGS_DIR and appends the three numbers to $HWFP_TEST_TALLY when set.
tally_testlogs() {
  local stage=$1 dir=$2
  local passed failed skipped
  read -r passed failed skipped < <(
    find -L "$dir" -name test.xml -print0 2>/dev/null |
      xargs -0 -r cat |
      awk '
        function attr(name) {
          if (!match($0, name "=\"[0-9]+\"")) return 0
          return substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
        }
        /<testsuite / {
          t += attr("tests"); f += attr("failures") + attr("errors")
          s += attr("skipped")
        }
        END { print t - f - s, f + 0, s + 0 }')
  echo "$stage: $passed passed, $failed failed, $skipped skipped"
  if [ -n "${HWFP_TEST_TALLY:-}" ]; then
    echo "$passed $failed $skipped" >> "$HWFP_TEST_TALLY"
  fi
}
