#include "vault/fingerprint_store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "vault/errors.h"

namespace hwfp {
namespace {

// Reads and parses the record without changing the vault. A parse failure
// comes back as kDataLoss naming the file.
absl::StatusOr<std::optional<FingerprintRecord>> ReadRecord(
    const Vault& vault) {
  auto corrupt = [&](const absl::Status& why) {
    return VaultError(
        absl::StatusCode::kDataLoss,
        absl::StrCat("the vault record ", kFingerprintKey, " in ", vault.dir(),
                     " is corrupt: ", why.message()));
  };
  absl::StatusOr<std::optional<std::string>> text =
      vault.Read(kFingerprintKey, kMaxRecordBytes);
  if (text.status().code() == absl::StatusCode::kDataLoss) {
    return corrupt(text.status());
  }
  if (!text.ok()) return text.status();
  if (!text->has_value()) return std::nullopt;

  absl::StatusOr<FingerprintRecord> record = ParseFingerprintRecord(**text);
  if (!record.ok()) return corrupt(record.status());
  if (record->fingerprint.empty()) return std::nullopt;
  return *std::move(record);
}

}  // namespace

std::string FormatRecordTime(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}

absl::StatusOr<LoadedFingerprint> LoadFingerprint(Vault& vault,
                                                  const VaultLock& lock,
                                                  absl::Time now) {
  LoadedFingerprint loaded;
  absl::StatusOr<std::optional<FingerprintRecord>> record = ReadRecord(vault);
  if (record.ok()) {
    loaded.record = *std::move(record);
    return loaded;
  }

  // A Manifest entry without its file: the reference agent treats it as no
  // record, and the next store writes the file where the entry points.
  if (record.status().code() == absl::StatusCode::kNotFound) {
    loaded.warnings.emplace_back(record.status().message());
    return loaded;
  }
  if (record.status().code() != absl::StatusCode::kDataLoss) {
    return record.status();
  }

  const std::string label = absl::StrCat(
      "corrupt-", absl::FormatTime("%Y%m%dT%H%M%SZ", now, absl::UTCTimeZone()));
  absl::StatusOr<std::string> aside =
      vault.MoveAside(lock, kFingerprintKey, label);
  if (!aside.ok()) return aside.status();
  loaded.warnings.push_back(
      absl::StrCat(record.status().message(), "; moved it aside to ", *aside));
  return loaded;
}

absl::StatusOr<std::optional<FingerprintRecord>> ReadFingerprint(
    const Vault& vault) {
  return ReadRecord(vault);
}

absl::StatusOr<std::optional<PreviousFingerprint>> ReadPreviousFingerprint(
    const Vault& vault) {
  absl::StatusOr<std::optional<std::string>> text =
      vault.Read(kPreviousFingerprintKey, kMaxRecordBytes);
  if (!text.ok()) return text.status();
  if (!text->has_value()) return std::nullopt;

  absl::StatusOr<PreviousFingerprint> previous =
      ParsePreviousFingerprint(**text);
  if (!previous.ok()) {
    return VaultError(absl::StatusCode::kDataLoss,
                      absl::StrCat("the vault record ", kPreviousFingerprintKey,
                                   " in ", vault.dir(), " is corrupt: ",
                                   previous.status().message()));
  }
  return *std::move(previous);
}

absl::Status StoreFingerprint(Vault& vault, const VaultLock& lock,
                              const FingerprintRecord& record,
                              const PreviousFingerprint* previous) {
  // Both serialised before anything is written: a bad value stores nothing.
  absl::StatusOr<std::string> text = SerializeFingerprintRecord(record);
  if (!text.ok()) return AsVaultError(text.status());
  if (previous != nullptr) {
    absl::StatusOr<std::string> previous_text =
        SerializePreviousFingerprint(*previous);
    if (!previous_text.ok()) return AsVaultError(previous_text.status());
    if (absl::Status kept =
            vault.Write(lock, kPreviousFingerprintKey, *previous_text);
        !kept.ok()) {
      return kept;
    }
  }
  return vault.Write(lock, kFingerprintKey, *text);
}

absl::StatusOr<std::optional<FingerprintRecord>> ClearFingerprint(
    Vault& vault, const VaultLock& lock, absl::Time now,
    absl::string_view reason) {
  absl::StatusOr<std::optional<FingerprintRecord>> record = ReadRecord(vault);
  if (!record.ok()) return record.status();
  if (!record->has_value()) {
    // Nothing usable to keep; drop a cleared record's entry all the same.
    if (absl::Status removed = vault.Remove(lock, kFingerprintKey);
        !removed.ok()) {
      return removed;
    }
    return std::nullopt;
  }

  PreviousFingerprint previous;
  previous.record = **record;
  previous.replaced_at = FormatRecordTime(now);
  previous.reason = std::string(reason);
  absl::StatusOr<std::string> text = SerializePreviousFingerprint(previous);
  if (!text.ok()) return AsVaultError(text.status());
  if (absl::Status kept = vault.Write(lock, kPreviousFingerprintKey, *text);
      !kept.ok()) {
    return kept;
  }
  if (absl::Status removed = vault.Remove(lock, kFingerprintKey);
      !removed.ok()) {
    return removed;
  }
  return record;
}

}  // namespace hwfp
