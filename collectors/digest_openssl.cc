// MD5 through OpenSSL's EVP interface (the one-shot MD5() is deprecated in
// OpenSSL 3).

#include <openssl/evp.h>

#include <cstdlib>

#include "absl/strings/escaping.h"
#include "collectors/digest.h"

namespace hwfp {

std::string Md5Base64(absl::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;

  // EVP_Digest with MD5 fails only when OpenSSL itself cannot allocate or
  // was built without MD5; there is no meaningful value to return then.
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_md5(),
                 nullptr) != 1) {
    std::abort();
  }
  return absl::Base64Escape(
      absl::string_view(reinterpret_cast<const char*>(digest), size));
}

}  // namespace hwfp
