"""The shared fixtures (real SMBIOS tables and host trees) as a repository.

They live beside the checkout, at ../shared/fixtures, and are never copied
into the project. When the folder is absent the repository is empty and
tests that need it skip, saying why.
"""

def _fixtures_impl(ctx):
    workspace = ctx.path(Label("//:WORKSPACE")).dirname
    source = workspace.dirname.get_child("shared").get_child("fixtures")
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    if source.exists:
        ctx.symlink(source, "fixtures")
        files = "glob([\"fixtures/**\"])"
    else:
        files = "[]"
    ctx.file("BUILD.bazel", "\n".join([
        "filegroup(",
        "    name = \"fixtures\",",
        "    srcs = %s," % files,
        "    visibility = [\"//visibility:public\"],",
        ")",
        "",
    ]))

fixtures_repository = repository_rule(
    implementation = _fixtures_impl,
    local = True,
)
