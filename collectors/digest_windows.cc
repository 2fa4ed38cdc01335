// MD5 through Windows' own CNG (bcrypt.dll), so the Windows build needs no
// OpenSSL: the system ships MD5 on every supported version, and the bytes
// it produces are MD5's, identical to OpenSSL's for the same input.

#include <windows.h>
// bcrypt.h needs the types windows.h defines, so it comes second.
#include <bcrypt.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/escaping.h"
#include "collectors/digest.h"

namespace hwfp {
namespace {

constexpr ULONG kMd5Size = 16;

// CNG fails here only when the system itself is broken (MD5 provider
// missing, out of memory); there is no meaningful digest to return then.
void CheckCng(NTSTATUS status, const char* call) {
  if (BCRYPT_SUCCESS(status)) return;
  std::fprintf(stderr, "hwfp: %s failed with NTSTATUS 0x%08lx\n", call,
               static_cast<unsigned long>(status));
  std::abort();
}

// The MD5 provider is opened once and shared: opening it is the costly
// step, and a provider handle may be used from any thread.
BCRYPT_ALG_HANDLE Md5Provider() {
  static BCRYPT_ALG_HANDLE provider = [] {
    BCRYPT_ALG_HANDLE opened = nullptr;
    CheckCng(BCryptOpenAlgorithmProvider(&opened, BCRYPT_MD5_ALGORITHM,
                                         nullptr, 0),
             "BCryptOpenAlgorithmProvider(MD5)");
    return opened;
  }();
  return provider;
}

}  // namespace

std::string Md5Base64(absl::string_view bytes) {
  BCRYPT_HASH_HANDLE hash = nullptr;
  CheckCng(BCryptCreateHash(Md5Provider(), &hash, nullptr, 0, nullptr, 0, 0),
           "BCryptCreateHash");

  // BCryptHashData takes a ULONG length, so larger inputs go in pieces.
  constexpr size_t kMaxChunk = 1u << 30;
  const unsigned char* data =
      reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t done = 0; done < bytes.size();) {
    const size_t chunk = std::min(kMaxChunk, bytes.size() - done);
    CheckCng(BCryptHashData(hash, const_cast<PUCHAR>(data + done),
                            static_cast<ULONG>(chunk), 0),
             "BCryptHashData");
    done += chunk;
  }

  unsigned char digest[kMd5Size];
  CheckCng(BCryptFinishHash(hash, digest, kMd5Size, 0), "BCryptFinishHash");
  BCryptDestroyHash(hash);
  return absl::Base64Escape(
      absl::string_view(reinterpret_cast<const char*>(digest), kMd5Size));
}

}  // namespace hwfp
