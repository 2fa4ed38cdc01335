// The vault: a folder holding a Manifest and a Store folder with one data
// file per key, in the reference agent's layout, so either program reads
// what the other wrote. Folders are 0700 and files 0600; anything else, a
// symbolic link, or something owned by another user is refused, never
// repaired behind the operator's back. Writes are atomic and need the
// vault's exclusive lock, which other hwfp processes honour.
//
//   absl::StatusOr<Vault> vault = Vault::Open(dir, VaultAccess::kCreate);
//   absl::StatusOr<VaultLock> lock = vault->Lock(LockKind::kExclusive);
//   absl::Status stored = vault->Write(*lock, "InstanceFingerprint", json);

#ifndef HWFP_VAULT_VAULT_H_
#define HWFP_VAULT_VAULT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "vault/manifest.h"
#include "vault/safe_folder.h"

namespace hwfp {

// The lock file, in the vault folder beside the Manifest.
inline constexpr char kLockFileName[] = ".hwfp.lock";

enum class VaultAccess {
  kReadOnly,  // The vault must exist; nothing is created.
  kCreate,    // The vault folder and its Store are created when missing.
};

enum class LockKind { kShared, kExclusive };

// Proof that the holder has the vault's lock; released when destroyed.
using VaultLock = FileLock;

class Vault {
 public:
  // Opens the vault folder `dir`. Fails with kNotFound when it is missing
  // and `access` is kReadOnly; with kFailedPrecondition when it (or its
  // Store) is unsafe: a symbolic link, owned by another user, or with a
  // mode other than 0700. Every error is a vault error (see errors.h) whose
  // message names the path.
  static absl::StatusOr<Vault> Open(const std::string& dir, VaultAccess access);

  Vault(Vault&&) = default;
  Vault& operator=(Vault&&) = default;

  // The folder as given to Open.
  const std::string& dir() const { return folder_.path(); }

  // Takes the vault's inter-process lock, waiting up to `timeout`. An
  // exclusive lock also removes temporary files left by writes that were
  // interrupted (nobody else can be writing). Fails with kDeadlineExceeded
  // when the lock stays taken.
  absl::StatusOr<VaultLock> Lock(
      LockKind kind, absl::Duration timeout = absl::Seconds(60)) const;

  // Returns the Manifest, every entry checked to name a file in Store (an
  // empty one when the vault has no Manifest yet). Fails with kDataLoss
  // when it is not a JSON object of strings or larger than
  // kMaxManifestBytes, and with kFailedPrecondition when it is unsafe or an
  // entry points outside the vault.
  absl::StatusOr<Manifest> ReadManifest() const;

  // Returns the keys the Manifest lists, sorted.
  absl::StatusOr<std::vector<std::string>> Keys() const;

  // Returns the data stored under `key`, or nullopt when the Manifest does
  // not list it. Fails with kNotFound when the Manifest lists it but its
  // data file is missing, kDataLoss when the file is larger than
  // `max_bytes`, kFailedPrecondition when it is unsafe.
  absl::StatusOr<std::optional<std::string>> Read(absl::string_view key,
                                                  size_t max_bytes) const;

  // Atomically stores `bytes` under `key`: the data file first, then the
  // Manifest when it did not list the key yet (so a crash in between leaves
  // the old state). Keeps every other Manifest entry as it was. Fails with
  // kFailedPrecondition unless `lock` is this vault's exclusive lock.
  absl::Status Write(const VaultLock& lock, absl::string_view key,
                     absl::string_view bytes);

  // Removes `key` from the Manifest, then its data file. Succeeds when the
  // key is not there.
  absl::Status Remove(const VaultLock& lock, absl::string_view key);

  // Moves the data file of `key` aside, renaming Store/NAME to
  // Store/NAME.LABEL (NAME.LABEL-2, ... when taken), then removes `key` from
  // the Manifest; nothing is deleted. Returns the file's new path. A key
  // listed without a data file is just removed from the Manifest and ""
  // returned.
  absl::StatusOr<std::string> MoveAside(const VaultLock& lock,
                                        absl::string_view key,
                                        absl::string_view label);

  // Returns the names of files in Store that the Manifest does not list
  // (records moved aside), sorted.
  absl::StatusOr<std::vector<std::string>> UnlistedStoreFiles() const;

 private:
  Vault(SafeFolder folder, std::optional<SafeFolder> store)
      : folder_(std::move(folder)), store_(std::move(store)) {}

  absl::Status CheckLock(const VaultLock& lock) const;
  absl::StatusOr<std::string> FileNameOf(const Manifest& manifest,
                                         absl::string_view key) const;
  absl::Status WriteManifest(const Manifest& manifest) const;
  std::string StorePath(absl::string_view name) const;

  SafeFolder folder_;
  // Missing in a read-only vault that has no Store folder yet.
  std::optional<SafeFolder> store_;
};

}  // namespace hwfp

#endif  // HWFP_VAULT_VAULT_H_
