"""Repository rules that expose libraries installed by Debian packages.

Headers stay where Debian put them (/usr/include is on every toolchain's
built-in include path); each target only carries link options, so the same
repository serves native and cross builds, static and dynamic.

Debian has no Windows builds of these libraries. On a Windows platform
each target is an alias of a source-built one (third_party/
source_libraries.bzl) or a header folder exposed on its own (never all of
/usr/include, which holds glibc's headers); a library with neither is
incompatible there, and Bazel skips what depends on it.
"""

# Root BUILD lines every stand-in repository starts with: the Windows
# switch, and a constraint no platform has, for targets Windows cannot use.
_PLATFORM_LINES = [
    "package(default_visibility = [\"//visibility:public\"])",
    "",
    "config_setting(",
    "    name = \"windows\",",
    "    constraint_values = [\"@platforms//os:windows\"],",
    ")",
    "",
    "constraint_setting(name = \"windows_build\")",
    "",
    "constraint_value(",
    "    name = \"no_windows_build\",",
    "    constraint_setting = \":windows_build\",",
    ")",
    "",
]

def _on_windows(windows, default):
    return "select({\"//:windows\": %s, \"//conditions:default\": %s})" % (
        repr(windows),
        repr(default),
    )

def _library_rule(name, linkopts, deps, extra = []):
    return "\n".join([
        "cc_library(",
        "    name = \"%s\"," % name,
        "    linkopts = %s," % repr(linkopts),
        "    deps = %s," % repr(deps),
    ] + extra + [
        ")",
        "",
    ])

def _header_library_rule(name, folders):
    return "\n".join([
        "cc_library(",
        "    name = \"%s\"," % name,
        "    hdrs = glob(%s)," % repr(
            ["windows_include/%s/**" % folder for folder in folders],
        ),
        "    includes = [\"windows_include\"],",
        ")",
        "",
    ])

# A copy, not a symlink: through a symlinked folder the compiler reports
# headers by their /usr/include path, which is not declared for mingw.
def _copy_headers(ctx, source, destination):
    ctx.execute(["mkdir", "-p", destination])
    result = ctx.execute(["cp", "-R", source, destination])
    if result.return_code != 0:
        fail("copying %s failed: %s" % (source, result.stderr))

def _system_library_impl(ctx):
    lines = list(_PLATFORM_LINES)
    for name in ctx.attr.linkopts:
        deps = [":" + d for d in ctx.attr.deps.get(name, [])]
        linkopts = ctx.attr.linkopts[name]
        windows = ctx.attr.windows.get(name)
        folders = ctx.attr.windows_include.get(name)
        if folders:
            windows = ":%s_windows" % name
            for folder in folders:
                _copy_headers(ctx, "/usr/include/" + folder, "windows_include")
            lines.append(_header_library_rule(name + "_windows", folders))
        if windows:
            lines.append(_library_rule(name + "_system", linkopts, deps))
            lines.append("alias(name = \"%s\", actual = %s)\n" % (
                name,
                _on_windows(windows, ":%s_system" % name),
            ))
        else:
            lines.append(_library_rule(name, linkopts, deps, [
                "    target_compatible_with = %s," %
                _on_windows([":no_windows_build"], []),
            ]))
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD.bazel", "\n".join(lines))

_system_library = repository_rule(
    implementation = _system_library_impl,
    attrs = {
        "linkopts": attr.string_list_dict(),
        "deps": attr.string_list_dict(),
        "windows": attr.string_dict(),
        "windows_include": attr.string_list_dict(),
    },
)

def system_library(name, targets):
    """Declares repository `name` with one cc_library per entry of targets.

    Args:
      name: the repository name.
      targets: target name -> {"linkopts": [...], "deps": [target, ...],
        "windows": label, "windows_include": [folder, ...]}. On Windows the
        target is `windows` (a source-built library) or, for a headers-only
        library, the given /usr/include folders alone; with neither it is
        incompatible with Windows.
    """
    _system_library(
        name = name,
        linkopts = {t: v.get("linkopts", []) for t, v in targets.items()},
        deps = {t: v.get("deps", []) for t, v in targets.items()},
        windows = {
            t: v["windows"]
            for t, v in targets.items()
            if "windows" in v
        },
        windows_include = {
            t: v["windows_include"]
            for t, v in targets.items()
            if "windows_include" in v
        },
    )

# Upstream Abseil labels -> the pkg-config module Debian ships for each.
_ABSEIL_LABELS = {
    "absl/algorithm:container": "absl_algorithm_container",
    "absl/base:core_headers": "absl_core_headers",
    "absl/base:endian": "absl_endian",
    "absl/cleanup:cleanup": "absl_cleanup",
    "absl/container:btree": "absl_btree",
    "absl/container:fixed_array": "absl_fixed_array",
    "absl/container:flat_hash_map": "absl_flat_hash_map",
    "absl/container:flat_hash_set": "absl_flat_hash_set",
    "absl/container:inlined_vector": "absl_inlined_vector",
    "absl/flags:flag": "absl_flags",
    "absl/flags:parse": "absl_flags_parse",
    "absl/flags:usage": "absl_flags_usage",
    "absl/functional:function_ref": "absl_function_ref",
    "absl/hash:hash": "absl_hash",
    "absl/memory:memory": "absl_memory",
    "absl/numeric:bits": "absl_bits",
    "absl/numeric:int128": "absl_int128",
    "absl/random:random": "absl_random_random",
    "absl/status:status": "absl_status",
    "absl/status:statusor": "absl_statusor",
    "absl/strings:cord": "absl_cord",
    "absl/strings:str_format": "absl_str_format",
    "absl/strings:strings": "absl_strings",
    "absl/synchronization:synchronization": "absl_synchronization",
    "absl/time:time": "absl_time",
    "absl/types:optional": "absl_optional",
    "absl/types:span": "absl_span",
    "absl/types:variant": "absl_variant",
}

def _pkgconfig_field(text, field):
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return line[len(field) + 1:].strip()
    return ""

def _system_abseil_impl(ctx):
    pkgconfig = ctx.path(ctx.attr.pkgconfig_dir)
    if not pkgconfig.exists:
        fail("Abseil's pkg-config files are not in %s; install libabsl-dev" %
             pkgconfig)

    # One target per pkg-config module, linked in the order Requires gives.
    modules = []
    for entry in pkgconfig.readdir():
        if entry.basename.startswith("absl_") and \
           entry.basename.endswith(".pc"):
            modules.append(entry.basename[:-len(".pc")])
    lines = ["package(default_visibility = [\"//visibility:public\"])", ""]
    for module in sorted(modules):
        text = ctx.read(pkgconfig.get_child(module + ".pc"))
        linkopts = [
            flag
            for flag in _pkgconfig_field(text, "Libs").split(" ")
            if flag and not flag.startswith("-L")
        ]
        deps = [
            ":" + part.strip().split(" ")[0]
            for part in _pkgconfig_field(text, "Requires").split(",")
            if part.strip()
        ]
        lines.append(_library_rule(module, linkopts, deps))
    ctx.file("internal/BUILD.bazel", "\n".join(lines))

    # The upstream labels, as aliases, one BUILD file per package.
    packages = {}
    for label, module in _ABSEIL_LABELS.items():
        if module not in modules:
            fail("libabsl-dev has no %s.pc for @%s//%s" %
                 (module, ctx.name, label))
        package, target = label.split(":")
        actual = repr("//internal:" + module)
        if ctx.attr.windows:
            actual = _on_windows(
                "%s//%s" % (ctx.attr.windows, label),
                "//internal:" + module,
            )
        packages.setdefault(package, []).append(
            "alias(name = \"%s\", actual = %s)\n" % (target, actual),
        )
    for package, aliases in packages.items():
        ctx.file(package + "/BUILD.bazel", "\n".join([
            "package(default_visibility = [\"//visibility:public\"])",
            "",
        ] + aliases))
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD.bazel", "\n".join(_PLATFORM_LINES))

system_abseil = repository_rule(
    implementation = _system_abseil_impl,
    attrs = {
        "pkgconfig_dir": attr.string(
            default = "/usr/lib/x86_64-linux-gnu/pkgconfig",
        ),
        # The repository that builds Abseil from source for Windows, e.g.
        # "@com_google_absl_source"; each upstream label maps to the same
        # label there. Empty: Windows builds cannot use Abseil.
        "windows": attr.string(),
    },
)
