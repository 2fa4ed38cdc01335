"""hwfp_fuzz_target: a libFuzzer program, built only with --config=fuzz.

Fuzz targets are tagged manual, so `bazel build //...` and
`bazel test //...` (gcc, or clang under --config=asan) leave them out;
tools/test-fuzz builds them by label. Built without --config=fuzz, one
fails with a message saying so rather than with a linker error.
"""

def hwfp_fuzz_target(name, srcs, deps = [], **kwargs):
    """Declares cc_binary `name` with libFuzzer's main.

    Args:
      name: the target name, `<what it reads>_fuzzer` by convention.
      srcs: the file defining LLVMFuzzerTestOneInput.
      deps: the library under test.
      **kwargs: passed to cc_binary.
    """
    native.cc_binary(
        name = name,
        srcs = srcs,
        deps = deps,
        linkopts = select(
            {"//tests/fuzz:fuzz_build": ["-fsanitize=fuzzer"]},
            no_match_error = "fuzz targets build with --config=fuzz only",
        ),
        tags = ["manual"],
        testonly = True,
        **kwargs
    )
