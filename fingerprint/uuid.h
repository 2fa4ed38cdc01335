// Fingerprints are random (version 4) UUIDs drawn from the operating
// system's secure random source, as the reference agent mints them.

#ifndef HWFP_FINGERPRINT_UUID_H_
#define HWFP_FINGERPRINT_UUID_H_

#include <array>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace hwfp {

// Fills `bytes` from the kernel's secure random source (getrandom, or
// /dev/urandom on kernels without it). Fails with kUnavailable when
// neither gives bytes.
absl::Status FillSecureRandom(absl::Span<uint8_t> bytes);

// Returns 16 random bytes as a version 4, variant 1 UUID in lower case,
// e.g. "0f8fad5b-d9cb-469f-a165-70867728950e".
std::string FormatUuidV4(std::array<uint8_t, 16> random);

// Returns a new random UUID; fails as FillSecureRandom does.
absl::StatusOr<std::string> NewUuidV4();

}  // namespace hwfp

#endif  // HWFP_FINGERPRINT_UUID_H_
