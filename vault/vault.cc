#include "vault/vault.h"

#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "vault/errors.h"

namespace hwfp {
namespace {

// Renaming aside tries NAME.LABEL, NAME.LABEL-2, ... up to this many.
constexpr int kMaxAsideNames = 1000;

}  // namespace

absl::StatusOr<Vault> Vault::Open(const std::string& dir, VaultAccess access) {
  const bool create = access == VaultAccess::kCreate;
  absl::StatusOr<SafeFolder> folder = SafeFolder::Open(dir, create);
  if (!folder.ok()) return folder.status();

  absl::StatusOr<SafeFolder> store =
      folder->OpenChild(kStoreFolderName, create);
  if (store.ok()) return Vault(*std::move(folder), *std::move(store));
  if (store.status().code() != absl::StatusCode::kNotFound) {
    return store.status();
  }
  // A read-only vault may have only a Manifest (or nothing) yet.
  return Vault(*std::move(folder), std::nullopt);
}

absl::StatusOr<VaultLock> Vault::Lock(LockKind kind,
                                      absl::Duration timeout) const {
  const bool exclusive = kind == LockKind::kExclusive;
  absl::StatusOr<VaultLock> lock =
      folder_.Lock(kLockFileName, exclusive, timeout);
  if (!lock.ok() || !exclusive) return lock;

  if (absl::Status removed = folder_.RemoveStaleTemporaries(); !removed.ok()) {
    return removed;
  }
  if (store_.has_value()) {
    if (absl::Status removed = store_->RemoveStaleTemporaries();
        !removed.ok()) {
      return removed;
    }
  }
  return lock;
}

absl::Status Vault::CheckLock(const VaultLock& lock) const {
  if (lock.exclusive() && lock.folder() == folder_.id()) {
    return absl::OkStatus();
  }
  return VaultError(absl::StatusCode::kFailedPrecondition,
                    absl::StrCat("vault ", dir(),
                                 ": a write needs the vault's exclusive "
                                 "lock"));
}

std::string Vault::StorePath(absl::string_view name) const {
  return absl::StrCat(dir(), "/", kStoreFolderName, "/", name);
}

absl::StatusOr<Manifest> Vault::ReadManifest() const {
  const std::string path = absl::StrCat(dir(), "/", kManifestFileName);
  absl::StatusOr<std::optional<std::string>> text =
      folder_.ReadFile(kManifestFileName, kMaxManifestBytes);
  if (!text.ok()) return text.status();
  if (!text->has_value()) return Manifest();

  absl::StatusOr<Manifest> manifest = ParseManifest(**text);
  if (!manifest.ok()) {
    return VaultError(manifest.status().code(),
                      absl::StrCat(path, ": ", manifest.status().message()));
  }
  for (const auto& [key, entry] : *manifest) {
    if (absl::StatusOr<std::string> name = FileNameOf(*manifest, key);
        !name.ok()) {
      return name.status();
    }
  }
  return manifest;
}

absl::StatusOr<std::string> Vault::FileNameOf(const Manifest& manifest,
                                              absl::string_view key) const {
  std::vector<std::string> roots = {folder_.real_path()};
  if (absl::StartsWith(folder_.path(), "/")) roots.push_back(folder_.path());

  const std::string& path = manifest.at(std::string(key));
  absl::StatusOr<std::string> name = StoreFileNameOf(key, path, roots);
  if (!name.ok()) {
    return VaultError(name.status().code(),
                      absl::StrCat(dir(), "/", kManifestFileName, ": ",
                                   name.status().message()));
  }
  return name;
}

absl::StatusOr<std::vector<std::string>> Vault::Keys() const {
  absl::StatusOr<Manifest> manifest = ReadManifest();
  if (!manifest.ok()) return manifest.status();
  std::vector<std::string> keys;
  for (const auto& [key, path] : *manifest) keys.push_back(key);
  return keys;
}

absl::StatusOr<std::optional<std::string>> Vault::Read(absl::string_view key,
                                                       size_t max_bytes) const {
  absl::StatusOr<Manifest> manifest = ReadManifest();
  if (!manifest.ok()) return manifest.status();
  if (manifest->count(std::string(key)) == 0) return std::nullopt;
  absl::StatusOr<std::string> name = FileNameOf(*manifest, key);
  if (!name.ok()) return name.status();

  auto missing = [&] {
    return VaultError(
        absl::StatusCode::kNotFound,
        absl::StrCat("vault ", dir(), ": the Manifest lists \"", key,
                     "\" but its data file ", StorePath(*name), " is missing"));
  };
  if (!store_.has_value()) return missing();
  absl::StatusOr<std::optional<std::string>> data =
      store_->ReadFile(*name, max_bytes);
  if (!data.ok()) return data.status();
  if (!data->has_value()) return missing();
  return data;
}

absl::Status Vault::WriteManifest(const Manifest& manifest) const {
  return folder_.WriteFileAtomically(kManifestFileName,
                                     SerializeManifest(manifest));
}

absl::Status Vault::Write(const VaultLock& lock, absl::string_view key,
                          absl::string_view bytes) {
  if (absl::Status locked = CheckLock(lock); !locked.ok()) return locked;
  if (!IsStoreFileName(key)) {
    return VaultError(absl::StatusCode::kInvalidArgument,
                      absl::StrCat("\"", key, "\" is not a vault key"));
  }
  absl::StatusOr<Manifest> manifest = ReadManifest();
  if (!manifest.ok()) return manifest.status();

  const bool listed = manifest->count(std::string(key)) != 0;
  std::string name(key);
  if (listed) {
    absl::StatusOr<std::string> listed_name = FileNameOf(*manifest, key);
    if (!listed_name.ok()) return listed_name.status();
    name = *std::move(listed_name);
  }
  if (!store_.has_value()) {
    absl::StatusOr<SafeFolder> store =
        folder_.OpenChild(kStoreFolderName, /*create=*/true);
    if (!store.ok()) return store.status();
    store_ = *std::move(store);
  }

  if (absl::Status written = store_->WriteFileAtomically(name, bytes);
      !written.ok()) {
    return written;
  }
  if (listed) return absl::OkStatus();
  (*manifest)[std::string(key)] = ManifestPathFor(folder_.real_path(), name);
  return WriteManifest(*manifest);
}

absl::Status Vault::Remove(const VaultLock& lock, absl::string_view key) {
  if (absl::Status locked = CheckLock(lock); !locked.ok()) return locked;
  absl::StatusOr<Manifest> manifest = ReadManifest();
  if (!manifest.ok()) return manifest.status();
  if (manifest->count(std::string(key)) == 0) return absl::OkStatus();
  absl::StatusOr<std::string> name = FileNameOf(*manifest, key);
  if (!name.ok()) return name.status();

  // The Manifest first: a crash then leaves an unlisted file, never an
  // entry whose file is gone.
  manifest->erase(std::string(key));
  if (absl::Status written = WriteManifest(*manifest); !written.ok()) {
    return written;
  }
  if (!store_.has_value()) return absl::OkStatus();
  return store_->RemoveFile(*name);
}

absl::StatusOr<std::string> Vault::MoveAside(const VaultLock& lock,
                                             absl::string_view key,
                                             absl::string_view label) {
  if (absl::Status locked = CheckLock(lock); !locked.ok()) return locked;
  absl::StatusOr<Manifest> manifest = ReadManifest();
  if (!manifest.ok()) return manifest.status();
  if (manifest->count(std::string(key)) == 0) {
    return VaultError(absl::StatusCode::kNotFound,
                      absl::StrCat("vault ", dir(),
                                   ": the Manifest does not "
                                   "list \"",
                                   key, "\""));
  }
  absl::StatusOr<std::string> name = FileNameOf(*manifest, key);
  if (!name.ok()) return name.status();

  std::string aside;
  for (int n = 1; store_.has_value() && n <= kMaxAsideNames; ++n) {
    const std::string candidate =
        absl::StrCat(*name, ".", label, n == 1 ? "" : absl::StrCat("-", n));
    const absl::Status renamed = store_->RenameNoReplace(*name, candidate);
    if (renamed.ok()) {
      aside = StorePath(candidate);
      break;
    }
    if (renamed.code() == absl::StatusCode::kNotFound) break;
    if (renamed.code() != absl::StatusCode::kAlreadyExists) return renamed;
    if (n == kMaxAsideNames) return renamed;
  }

  manifest->erase(std::string(key));
  if (absl::Status written = WriteManifest(*manifest); !written.ok()) {
    return written;
  }
  return aside;
}

absl::StatusOr<std::vector<std::string>> Vault::UnlistedStoreFiles() const {
  if (!store_.has_value()) return std::vector<std::string>();
  absl::StatusOr<Manifest> manifest = ReadManifest();
  if (!manifest.ok()) return manifest.status();
  std::set<std::string> listed;
  for (const auto& [key, path] : *manifest) {
    absl::StatusOr<std::string> name = FileNameOf(*manifest, key);
    if (!name.ok()) return name.status();
    listed.insert(*std::move(name));
  }

  absl::StatusOr<std::vector<std::string>> names = store_->List();
  if (!names.ok()) return names.status();
  std::vector<std::string> unlisted;
  for (std::string& name : *names) {
    if (absl::StartsWith(name, ".") || listed.count(name) != 0) continue;
    unlisted.push_back(std::move(name));
  }
  return unlisted;
}

}  // namespace hwfp
