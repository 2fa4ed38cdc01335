// Device tree property decoding and path resolution; no file access.

#include "collectors/device_tree.h"

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace hwfp {

std::vector<std::string> DeviceTreeStrings(absl::string_view property) {
  std::vector<std::string> strings;
  for (absl::string_view part : absl::StrSplit(property, '\0')) {
    if (!part.empty()) strings.emplace_back(part);
  }
  return strings;
}

std::string ResolveUnderRoot(absl::string_view link, absl::string_view target) {
  std::vector<absl::string_view> parts;
  if (target.empty() || target.front() != '/') {
    // Relative targets start from the folder holding the link.
    parts = absl::StrSplit(link, '/', absl::SkipEmpty());
    if (!parts.empty()) parts.pop_back();
  }
  for (absl::string_view part :
       absl::StrSplit(target, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return absl::StrJoin(parts, "/");
}

}  // namespace hwfp
