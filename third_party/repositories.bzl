"""External repositories for hwfp, each supplied from the host's Debian
packages unless the calling workspace already defines it.

A monorepo that builds Abseil, GoogleTest, Benchmark, RapidJSON or OpenSSL
from source declares those repositories first, under the names used here,
and `hwfp_dependencies()` leaves them alone.
"""

load(":system_libraries.bzl", "system_abseil", "system_library")
load(":rule_stand_ins.bzl", "coverage_tools_stand_in", "rules_stand_in")

def _maybe(rule, name, **kwargs):
    if not native.existing_rule(name):
        rule(name = name, **kwargs)

def hwfp_dependencies():
    """Declares every external repository hwfp's targets refer to."""

    # Bazel 4 asks for these even when nothing uses them; offline it
    # cannot download them, so minimal local copies stand in.
    _maybe(rules_stand_in, "rules_cc", language = "cc")
    _maybe(rules_stand_in, "rules_java", language = "java")
    _maybe(coverage_tools_stand_in, "remote_coverage_tools")

    _maybe(system_abseil, "com_google_absl")
    _maybe(
        system_library,
        "com_google_googletest",
        targets = {
            "gtest": {"linkopts": ["-lgtest", "-pthread"]},
            "gtest_main": {"linkopts": ["-lgtest_main"], "deps": ["gtest"]},
            "gmock": {"linkopts": ["-lgmock"], "deps": ["gtest"]},
        },
    )
    _maybe(
        system_library,
        "com_github_google_benchmark",
        targets = {
            "benchmark": {"linkopts": ["-lbenchmark", "-pthread"]},
            "benchmark_main": {
                "linkopts": ["-lbenchmark_main"],
                "deps": ["benchmark"],
            },
        },
    )
    _maybe(
        system_library,
        "com_github_tencent_rapidjson",
        targets = {"rapidjson": {}},
    )
    _maybe(
        system_library,
        "openssl",
        targets = {
            "crypto": {"linkopts": ["-lcrypto", "-ldl", "-pthread"]},
            "ssl": {"linkopts": ["-lssl"], "deps": ["crypto"]},
        },
    )
