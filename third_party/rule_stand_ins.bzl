"""Minimal local stand-ins for repositories Bazel 4 expects to download.

`rules_cc` and `rules_java` re-export the native rules; the coverage tools
repository only has to exist. Both let Debian's bazel-bootstrap work with
no network at all.
"""

_NATIVE_RULES = {
    "cc": ["cc_binary", "cc_import", "cc_library", "cc_proto_library",
           "cc_test", "cc_toolchain", "cc_toolchain_suite"],
    "java": ["java_binary", "java_import", "java_library",
             "java_lite_proto_library", "java_package_configuration",
             "java_plugin", "java_proto_library", "java_runtime",
             "java_test", "java_toolchain"],
}

def _rules_stand_in_impl(ctx):
    language = ctx.attr.language
    lines = []
    for rule in _NATIVE_RULES[language]:
        lines.append("def {0}(**kwargs):\n    native.{0}(**kwargs)\n".format(
            rule,
        ))
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD.bazel", "")
    ctx.file(language + "/BUILD.bazel", "")
    ctx.file(language + "/defs.bzl", "\n".join(lines))

rules_stand_in = repository_rule(
    implementation = _rules_stand_in_impl,
    attrs = {"language": attr.string(values = ["cc", "java"])},
)

def _coverage_tools_stand_in_impl(ctx):
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD.bazel", "\n".join([
        "package(default_visibility = [\"//visibility:public\"])",
        "filegroup(name = \"coverage_report_generator\")",
        "filegroup(name = \"lcov_merger\")",
        "",
    ]))

coverage_tools_stand_in = repository_rule(
    implementation = _coverage_tools_stand_in_impl,
)
