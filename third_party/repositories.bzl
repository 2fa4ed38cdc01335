"""External repositories for hwfp, each supplied from the host's Debian
packages unless the calling workspace already defines it.

A monorepo that builds Abseil, GoogleTest, Benchmark, RapidJSON or OpenSSL
from source declares those repositories first, under the names used here,
and `hwfp_dependencies()` leaves them alone.

Windows builds (--config=windows) take Abseil and GoogleTest from source
(see source_libraries.bzl), RapidJSON's headers from /usr/include/rapidjson
alone, MD5 from the system's CNG instead of OpenSSL, and have no Google
Benchmark: the bench/ programs are Linux-only.
"""

load(":source_libraries.bzl", "abseil_source", "googletest_source")
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

    # Windows builds of Abseil and GoogleTest, from source; fetched only
    # when a Windows build needs them.
    _maybe(abseil_source, "com_google_absl_source")
    # Abseil's BUILD files load Skylib's selects; Debian's bazel-skylib.
    _maybe(
        native.local_repository,
        "bazel_skylib",
        path = "/usr/share/bazel/tools/skylib",
    )
    _maybe(googletest_source, "com_google_googletest_source")

    _maybe(
        system_abseil,
        "com_google_absl",
        windows = "@com_google_absl_source",
    )
    _maybe(
        system_library,
        "com_google_googletest",
        targets = {
            "gtest": {
                "linkopts": ["-lgtest", "-pthread"],
                "windows": "@com_google_googletest_source//:gtest",
            },
            "gtest_main": {
                "linkopts": ["-lgtest_main"],
                "deps": ["gtest"],
                "windows": "@com_google_googletest_source//:gtest_main",
            },
            "gmock": {
                "linkopts": ["-lgmock"],
                "deps": ["gtest"],
                "windows": "@com_google_googletest_source//:gmock",
            },
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
        targets = {"rapidjson": {"windows_include": ["rapidjson"]}},
    )
    _maybe(
        system_library,
        "openssl",
        targets = {
            "crypto": {"linkopts": ["-lcrypto", "-ldl", "-pthread"]},
            "ssl": {"linkopts": ["-lssl"], "deps": ["crypto"]},
        },
    )
