// Fuzzes the vault's Manifest reader and the check that every path it
// lists stays inside the vault's Store folder. What parses must write back
// to the same Manifest; a path accepted must name a plain Store file.
// Seeds: Manifests as hwfp and the reference agent write them, one with a
// path leading outside the vault (tools/test-fuzz).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "vault/manifest.h"

namespace {

[[noreturn]] void Finding(const std::string& what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<hwfp::Manifest> manifest = hwfp::ParseManifest(text);
  if (!manifest.ok()) return 0;

  absl::StatusOr<hwfp::Manifest> again =
      hwfp::ParseManifest(hwfp::SerializeManifest(*manifest));
  if (!again.ok() || *again != *manifest) {
    Finding("a Manifest changes on a round trip");
  }

  const std::vector<std::string> roots = {"/var/lib/hwfp/vault",
                                          "/srv/agent//vault/"};
  for (const auto& [key, path] : *manifest) {
    absl::StatusOr<std::string> name = hwfp::StoreFileNameOf(key, path, roots);
    if (!name.ok()) continue;
    // Whatever was accepted is one plain name inside Store.
    if (!hwfp::IsStoreFileName(*name) || absl::StrContains(*name, "/") ||
        *name == "." || *name == "..") {
      Finding("StoreFileNameOf accepted " + path + " as " + *name);
    }
    for (absl::string_view part : absl::StrSplit(path, '/')) {
      if (part == "..") Finding("StoreFileNameOf accepted " + path);
    }
  }
  return 0;
}
