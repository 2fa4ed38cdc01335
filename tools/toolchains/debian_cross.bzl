"""A C++ toolchain for one of Debian's cross compilers (gcc-TRIPLE).

Debian installs the compiler as /usr/bin/TRIPLE-gcc and, with
`dpkg --add-architecture`, the target's libraries beside the host's: headers
in /usr/include (plus /usr/include/TRIPLE for the few that differ per
architecture) and archives in /usr/lib/TRIPLE. The cross gcc already
searches those places, so the toolchain only has to tell Bazel that headers
there are system headers and leave the -l options of third_party/ alone.
"""

load(
    "@bazel_tools//tools/cpp:unix_cc_toolchain_config.bzl",
    "cc_toolchain_config",
)

# Same warnings and hardening as the host toolchain Bazel configures itself,
# so a target builds with the same flags on every architecture.
_COMPILE_FLAGS = [
    "-U_FORTIFY_SOURCE",
    "-fstack-protector",
    "-Wall",
    "-Wunused-but-set-parameter",
    "-Wno-free-nonheap-object",
    "-fno-omit-frame-pointer",
]

_OPT_COMPILE_FLAGS = [
    "-g0",
    "-O2",
    "-D_FORTIFY_SOURCE=1",
    "-DNDEBUG",
    "-ffunction-sections",
    "-fdata-sections",
]

# Keep outputs byte-identical across machines, as the host toolchain does.
_UNFILTERED_COMPILE_FLAGS = [
    "-fno-canonical-system-headers",
    "-Wno-builtin-macro-redefined",
    "-D__DATE__=\"redacted\"",
    "-D__TIMESTAMP__=\"redacted\"",
    "-D__TIME__=\"redacted\"",
]

_LINK_FLAGS = [
    "-Wl,-no-as-needed",
    "-Wl,-z,relro,-z,now",
    "-pass-exit-codes",
]

def debian_cross_toolchain(name, triple, cpu, constraint, copts = []):
    """Declares toolchain `name` for Debian's gcc-`triple`.

    Args:
      name: the toolchain() target that WORKSPACE registers.
      triple: Debian's GNU triple, e.g. "aarch64-linux-gnu".
      cpu: the cpu name the toolchain reports to Bazel.
      constraint: the @platforms//cpu value the toolchain targets.
      copts: flags for every compile on this target only.
    """
    prefix = "/usr/bin/%s-" % triple
    cc_toolchain_config(
        name = name + "_config",
        cpu = cpu,
        compiler = "gcc",
        toolchain_identifier = name,
        host_system_name = "x86_64-linux-gnu",
        target_system_name = triple,
        target_libc = "glibc",
        abi_version = "gcc",
        abi_libc_version = "glibc",
        # Prefixes: each also covers the folders below it, such as
        # /usr/include/TRIPLE and gcc's own C++ headers.
        cxx_builtin_include_directories = [
            "/usr/lib/gcc-cross/%s" % triple,
            "/usr/%s/include" % triple,
            "/usr/include",
        ],
        tool_paths = {
            "ar": prefix + "ar",
            "cpp": prefix + "cpp",
            "dwp": prefix + "dwp",
            "gcc": prefix + "gcc",
            "gcov": prefix + "gcov",
            "ld": prefix + "ld",
            "nm": prefix + "nm",
            "objcopy": prefix + "objcopy",
            "objdump": prefix + "objdump",
            "strip": prefix + "strip",
            # Bazel 4 insists on an entry; coverage is only taken on x86.
            "llvm-cov": "/bin/false",
        },
        compile_flags = _COMPILE_FLAGS + copts,
        opt_compile_flags = _OPT_COMPILE_FLAGS,
        dbg_compile_flags = ["-g"],
        cxx_flags = ["-std=c++17"],
        link_flags = _LINK_FLAGS,
        link_libs = ["-lstdc++", "-lm"],
        opt_link_flags = ["-Wl,--gc-sections"],
        unfiltered_compile_flags = _UNFILTERED_COMPILE_FLAGS,
        coverage_compile_flags = ["--coverage"],
        coverage_link_flags = ["--coverage"],
        supports_start_end_lib = False,
    )

    # The compiler and libraries live outside the workspace, at absolute
    # paths, so the toolchain needs no files of its own.
    native.cc_toolchain(
        name = name + "_cc",
        toolchain_identifier = name,
        toolchain_config = name + "_config",
        all_files = ":empty",
        ar_files = ":empty",
        as_files = ":empty",
        compiler_files = ":empty",
        dwp_files = ":empty",
        linker_files = ":empty",
        objcopy_files = ":empty",
        strip_files = ":empty",
        supports_param_files = 1,
    )

    native.toolchain(
        name = name,
        toolchain = name + "_cc",
        toolchain_type = "@bazel_tools//tools/cpp:toolchain_type",
        exec_compatible_with = [
            "@platforms//cpu:x86_64",
            "@platforms//os:linux",
        ],
        target_compatible_with = [
            constraint,
            "@platforms//os:linux",
        ],
    )
