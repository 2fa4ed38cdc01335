// Reads an open file to its end without reading more than a cap: the one
// size-capped read loop behind the vault's files and the CLI's hardware
// hash files, which both read files a user or attacker may have grown.

#ifndef HWFP_VAULT_CAPPED_READ_H_
#define HWFP_VAULT_CAPPED_READ_H_

#include <cstddef>
#include <string>

namespace hwfp {

// Reads `fd` from its current offset to its end into `content`, starting
// with room for `size_hint` bytes (the size fstat gave) and reading at most
// `max_bytes + 1`, so a file that grew past the cap after fstat shows as
// `content.size() > max_bytes` without being read whole. Retries EINTR.
// Returns 0, or the errno of a failed read (`content` then holds what was
// read before it).
int ReadCapped(int fd, size_t size_hint, size_t max_bytes,
               std::string& content);

}  // namespace hwfp

#endif  // HWFP_VAULT_CAPPED_READ_H_
