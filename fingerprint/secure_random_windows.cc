// The system's random source on Windows: CNG's preferred generator, the
// one every Windows component draws keys from.

#include <windows.h>
// bcrypt.h needs the types windows.h defines.
#include <bcrypt.h>

#include <algorithm>

#include "absl/strings/str_format.h"
#include "fingerprint/uuid.h"

namespace hwfp {

absl::Status FillSecureRandom(absl::Span<uint8_t> bytes) {
  // BCryptGenRandom takes a ULONG count: larger requests go in pieces.
  size_t filled = 0;
  while (filled < bytes.size()) {
    const ULONG chunk =
        static_cast<ULONG>(std::min<size_t>(bytes.size() - filled, 1u << 30));
    const NTSTATUS status =
        BCryptGenRandom(nullptr, bytes.data() + filled, chunk,
                        BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    if (!BCRYPT_SUCCESS(status)) {
      return absl::UnavailableError(absl::StrFormat(
          "BCryptGenRandom failed with NTSTATUS 0x%08X",
          static_cast<unsigned long>(status)));
    }
    filled += chunk;
  }
  return absl::OkStatus();
}

}  // namespace hwfp
