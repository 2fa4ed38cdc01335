// The fingerprint record, as the reference agent stores it under the vault
// key "InstanceFingerprint":
//
//   {"fingerprint":"0f8fad5b-d9cb-469f-a165-70867728950e",
//    "hardwareHash":{"bios-hash":"...", ..., "system-hash":"..."},
//    "similarityThreshold":40}
//
// and the previous record hwfp keeps beside it when a fingerprint is
// replaced, the same object with three more fields saying when, by which
// fingerprint and why (the reference agent ignores fields it does not know,
// so it reads both).

#ifndef HWFP_VAULT_FINGERPRINT_RECORD_H_
#define HWFP_VAULT_FINGERPRINT_RECORD_H_

#include <cstddef>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hwfp {

inline constexpr char kFingerprintKey[] = "InstanceFingerprint";
inline constexpr char kPreviousFingerprintKey[] =
    "InstanceFingerprint.previous";
// A record is well under a kilobyte; a bigger file is not one.
inline constexpr size_t kMaxRecordBytes = 64 * 1024;

struct FingerprintRecord {
  // A UUID, or empty in a record the reference agent cleared.
  std::string fingerprint;
  std::map<std::string, std::string> hardware_hash;
  // As stored; 0 when the record has none. Callers validate it.
  int similarity_threshold = 0;
};

// A replaced record and what replaced it.
struct PreviousFingerprint {
  FingerprintRecord record;
  std::string replaced_at;  // RFC 3339 UTC, e.g. "2024-05-01T10:15:00Z".
  std::string replaced_by;  // The new fingerprint; empty when cleared.
  std::string reason;       // One sentence, e.g. "machine-id changed: ...".
};

// Returns true for a UUID written as 8-4-4-4-12 hexadecimal digits.
bool IsUuidText(absl::string_view text);

// Parses a record as the reference agent reads it: field names match
// regardless of case, unknown fields are ignored, null reads as the empty
// value. Fails with kDataLoss, saying what is wrong, when the text is not
// JSON (or nests deeper than a record can), is not an object, the
// fingerprint is neither empty nor a UUID, the hardware hash is not an
// object of strings, or the threshold is not an integer.
absl::StatusOr<FingerprintRecord> ParseFingerprintRecord(
    absl::string_view text);

// Returns the record as compact JSON with the reference agent's field order
// and sorted hash keys. Fails with kInvalidArgument when a string is not
// valid UTF-8.
absl::StatusOr<std::string> SerializeFingerprintRecord(
    const FingerprintRecord& record);

// As ParseFingerprintRecord, for a previous record.
absl::StatusOr<PreviousFingerprint> ParsePreviousFingerprint(
    absl::string_view text);

// As SerializeFingerprintRecord, with "replacedAt", "replacedBy" and
// "reason" after the record's fields.
absl::StatusOr<std::string> SerializePreviousFingerprint(
    const PreviousFingerprint& previous);

}  // namespace hwfp

#endif  // HWFP_VAULT_FINGERPRINT_RECORD_H_
