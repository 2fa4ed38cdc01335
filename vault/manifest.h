// The vault's Manifest, in the reference agent's format: a JSON object from
// key to the path of the key's data file in the Store folder, e.g.
//
//   {"InstanceFingerprint":"/var/lib/hwfp/vault/Store/InstanceFingerprint"}
//
// hwfp writes absolute paths, as the reference agent does and needs (it
// opens the path as written). It reads those and "Store/NAME" relative to
// the vault, and refuses any path that leaves the vault's Store folder.

#ifndef HWFP_VAULT_MANIFEST_H_
#define HWFP_VAULT_MANIFEST_H_

#include <cstddef>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace hwfp {

inline constexpr char kManifestFileName[] = "Manifest";
inline constexpr char kStoreFolderName[] = "Store";
// A Manifest lists a handful of keys; anything bigger is not one.
inline constexpr size_t kMaxManifestBytes = 64 * 1024;

// Key -> data-file path, as written in the Manifest.
using Manifest = std::map<std::string, std::string>;

// Returns true when `name` may be a data file in Store: a plain file name,
// at most 255 bytes, not starting with "." (hwfp's own temporary files do).
bool IsStoreFileName(absl::string_view name);

// Parses Manifest text. JSON null reads as an empty Manifest, as the
// reference agent reads it. Fails with kDataLoss, saying what is wrong, when
// it is not JSON, not an object, or a value is not a string.
absl::StatusOr<Manifest> ParseManifest(absl::string_view text);

// Returns the Manifest as compact JSON, keys sorted (as the reference agent
// writes it).
std::string SerializeManifest(const Manifest& manifest);

// Returns the name of the Store file that a Manifest `path` names: `path`
// ('/' or '\\' separated, so Windows vaults read anywhere)
// must be "Store/NAME" (optionally "./Store/NAME") or "ROOT/Store/NAME" with
// ROOT one of `vault_roots` (absolute paths of this vault, compared after
// removing repeated slashes and "." components), and NAME must pass
// IsStoreFileName. Any ".." fails. Fails with kFailedPrecondition naming
// `key`, `path` and the vault otherwise.
absl::StatusOr<std::string> StoreFileNameOf(
    absl::string_view key, absl::string_view path,
    absl::Span<const std::string> vault_roots);

// Returns the absolute path hwfp writes for Store file `name` of the vault
// whose resolved path is `vault_root`, with Windows separators when the
// root has them ("C:\ProgramData\hwfp\vault\Store\NAME").
std::string ManifestPathFor(absl::string_view vault_root,
                            absl::string_view name);

}  // namespace hwfp

#endif  // HWFP_VAULT_MANIFEST_H_
