// The digest every hash-valued key uses: base64 (standard alphabet, padded)
// of the MD5 of some bytes, as the reference agent stores it. MD5 is kept
// for compatibility with existing vaults, not for security: a key only has
// to change when its input changes.

#ifndef HWFP_COLLECTORS_DIGEST_H_
#define HWFP_COLLECTORS_DIGEST_H_

#include <string>

#include "absl/strings/string_view.h"

namespace hwfp {

// Returns base64(MD5(bytes)); 24 characters ending in "==".
//
//   Md5Base64("abc") == "kAFQmDzST7DWlj99KOF/cg=="
std::string Md5Base64(absl::string_view bytes);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_DIGEST_H_
