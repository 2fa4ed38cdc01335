// Fuzzes the readers of the vault's fingerprint records (current and
// previous) with the bytes of a record file, and checks that what parses
// writes back to text that parses to the same record: a record hwfp
// stored must always load again. Seeds: records made from the host
// fixtures' hardware hashes and a reference-agent record (tools/test-fuzz).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "vault/fingerprint_record.h"

namespace {

[[noreturn]] void Finding(const char* what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what);
  std::abort();
}

bool Same(const hwfp::FingerprintRecord& a, const hwfp::FingerprintRecord& b) {
  return a.fingerprint == b.fingerprint && a.hardware_hash == b.hardware_hash &&
         a.similarity_threshold == b.similarity_threshold;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  (void)hwfp::IsUuidText(text.substr(0, 40));

  absl::StatusOr<hwfp::FingerprintRecord> record =
      hwfp::ParseFingerprintRecord(text);
  if (record.ok()) {
    absl::StatusOr<std::string> written =
        hwfp::SerializeFingerprintRecord(*record);
    if (!written.ok()) Finding("a parsed record does not serialize");
    absl::StatusOr<hwfp::FingerprintRecord> again =
        hwfp::ParseFingerprintRecord(*written);
    if (!again.ok()) Finding("a serialized record does not parse");
    if (!Same(*record, *again)) Finding("a record changes on a round trip");
  }

  absl::StatusOr<hwfp::PreviousFingerprint> previous =
      hwfp::ParsePreviousFingerprint(text);
  if (previous.ok()) {
    absl::StatusOr<std::string> written =
        hwfp::SerializePreviousFingerprint(*previous);
    if (!written.ok()) Finding("a parsed previous record does not serialize");
    absl::StatusOr<hwfp::PreviousFingerprint> again =
        hwfp::ParsePreviousFingerprint(*written);
    if (!again.ok()) Finding("a serialized previous record does not parse");
    if (!Same(previous->record, again->record) ||
        previous->replaced_at != again->replaced_at ||
        previous->replaced_by != again->replaced_by ||
        previous->reason != again->reason) {
      Finding("a previous record changes on a round trip");
    }
  }
  return 0;
}
