// Reads a hardware hash from a JSON file for `hwfp compare`. Three shapes
// are accepted: a vault record or `hwfp hash --json` output (an object with
// a "hardwareHash" object, and maybe "similarityThreshold"), or a plain
// object of key to value.

#ifndef HWFP_CLI_HASH_FILE_H_
#define HWFP_CLI_HASH_FILE_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hwfp::cli {

// Files larger than this are refused unread.
inline constexpr size_t kMaxHashFileBytes = 1 << 20;

struct HashFile {
  std::map<std::string, std::string> values;
  // The record's "similarityThreshold", when it has one.
  std::optional<int> threshold;
};

// Parses `text`. Fails with kDataLoss, saying what is wrong, when it is not
// JSON, nests deeper than a record can, or is not one of the three shapes
// (every value a string; null reads as "").
absl::StatusOr<HashFile> ParseHashFile(absl::string_view text);

// Reads and parses the file at `path` (at most kMaxHashFileBytes, checked
// before reading). Every error names the file: kNotFound when it is
// missing, kPermissionDenied when it cannot be opened or read,
// kInvalidArgument when it is not a regular file or too large, else
// ParseHashFile's kDataLoss.
absl::StatusOr<HashFile> ReadHashFile(const std::string& path);

}  // namespace hwfp::cli

#endif  // HWFP_CLI_HASH_FILE_H_
