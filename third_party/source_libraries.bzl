"""Repository rules for libraries built from source, for targets Debian
ships no binaries for (Windows through mingw-w64).

The sources are never part of the project: tools/build-windows puts them in
a cache folder outside the checkout ($HWFP_SOURCE_CACHE, by default
/var/cache/hwfp/src), and GoogleTest's come with Debian's googletest
package in /usr/src/googletest. The stand-in repositories of
system_libraries.bzl select these on Windows, so our code keeps the
upstream labels (`@com_google_absl//absl/strings`, ...) everywhere.
"""

_DEFAULT_CACHE = "/var/cache/hwfp/src"

def _source_cache(ctx):
    return ctx.path(ctx.os.environ.get("HWFP_SOURCE_CACHE", _DEFAULT_CACHE))

def _abseil_source_impl(ctx):
    source = _source_cache(ctx).get_child(ctx.attr.folder)
    if not source.get_child("absl").exists:
        fail(("Abseil's source is not in %s; run tools/build-windows (it " +
              "runs `apt-get source abseil` there), or point " +
              "HWFP_SOURCE_CACHE at a folder holding %s/") %
             (source, ctx.attr.folder))

    # A copy, not a symlink, because the patch below edits BUILD files and
    # the cache must stay as Debian unpacked it.
    result = ctx.execute(["cp", "-R", str(source.get_child("absl")), "."])
    if result.return_code != 0:
        fail("copying %s/absl failed: %s" % (source, result.stderr))
    ctx.patch(ctx.attr.patch, strip = 1)
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD.bazel", "")

abseil_source = repository_rule(
    implementation = _abseil_source_impl,
    attrs = {
        "folder": attr.string(default = "abseil"),
        "patch": attr.label(
            default = Label("//third_party:abseil_mingw.patch"),
        ),
    },
    environ = ["HWFP_SOURCE_CACHE"],
    # Re-read on every fetch: the cache is filled outside Bazel's view.
    local = True,
)

# GoogleTest's own sources, in the layout of Debian's /usr/src/googletest.
# gtest-all.cc and gmock-all.cc include every other source file, relative
# to their project folder, which is why both folders are include paths.
_GOOGLETEST_BUILD = """\
package(default_visibility = ["//visibility:public"])

cc_library(
    name = "gtest",
    srcs = ["googletest/src/gtest-all.cc"],
    hdrs = glob([
        "googletest/include/gtest/**/*.h",
        "googletest/src/*.h",
    ]),
    textual_hdrs = glob(
        ["googletest/src/*.cc"],
        exclude = ["googletest/src/gtest-all.cc"],
    ),
    includes = [
        "googletest",
        "googletest/include",
    ],
)

cc_library(
    name = "gtest_main",
    srcs = ["googletest/src/gtest_main.cc"],
    deps = [":gtest"],
)

cc_library(
    name = "gmock",
    srcs = ["googlemock/src/gmock-all.cc"],
    hdrs = glob(["googlemock/include/gmock/**/*.h"]),
    textual_hdrs = glob(
        ["googlemock/src/*.cc"],
        exclude = ["googlemock/src/gmock-all.cc"],
    ),
    includes = [
        "googlemock",
        "googlemock/include",
    ],
    deps = [":gtest"],
)
"""

def _googletest_source_impl(ctx):
    source = ctx.path(ctx.attr.path)
    if not source.get_child("googletest").get_child("src").exists:
        fail("GoogleTest's sources are not in %s; install Debian's " %
             source + "googletest package (libgtest-dev brings it)")

    # Copies: through a symlinked folder the compiler reports headers by
    # their /usr/src path, which Bazel then rejects as undeclared.
    for folder in ["googletest", "googlemock"]:
        result = ctx.execute(["cp", "-R", str(source.get_child(folder)), "."])
        if result.return_code != 0:
            fail("copying %s/%s failed: %s" % (source, folder, result.stderr))
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD.bazel", _GOOGLETEST_BUILD)

googletest_source = repository_rule(
    implementation = _googletest_source_impl,
    attrs = {"path": attr.string(default = "/usr/src/googletest")},
    local = True,
)
