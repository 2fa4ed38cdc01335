// disk-info from udev's dev/disk/by-uuid links.

#include <algorithm>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "collectors/digest.h"
#include "collectors/disk.h"

namespace hwfp {

std::string DiskInfoText(
    std::vector<std::pair<std::string, std::string>> uuid_to_target) {
  std::sort(uuid_to_target.begin(), uuid_to_target.end());

  std::string text;
  for (const auto& [uuid, target] : uuid_to_target) {
    const size_t slash = target.find_last_of('/');
    const std::string partition =
        slash == std::string::npos ? target : target.substr(slash + 1);
    absl::StrAppend(&text, uuid, " ", partition, "\n");
  }
  return text;
}

CollectedKey CollectDiskInfo(const RootFs& root) {
  const char* const folder = "dev/disk/by-uuid";
  absl::StatusOr<std::vector<std::string>> names = root.ListFolder(folder);
  if (!names.ok()) return {"", std::string(names.status().message())};

  std::vector<std::pair<std::string, std::string>> entries;
  std::vector<std::string> skipped;
  for (const std::string& name : *names) {
    absl::StatusOr<std::string> target =
        root.ReadLink(absl::StrCat(folder, "/", name));
    if (target.ok() && !target->empty()) {
      entries.emplace_back(name, *std::move(target));
    } else {
      skipped.push_back(target.ok() ? absl::StrCat(name, ": empty target")
                                    : std::string(target.status().message()));
    }
  }

  const std::string skipped_note =
      skipped.empty()
          ? ""
          : absl::StrCat("; left out: ", absl::StrJoin(skipped, "; "));
  if (entries.empty()) {
    return {"", absl::StrCat(root.Path(folder), ": no file systems listed",
                             skipped_note)};
  }
  const size_t count = entries.size();
  return {Md5Base64(DiskInfoText(std::move(entries))),
          absl::StrCat(root.Path(folder), " (", count, " file systems)",
                       skipped_note)};
}

}  // namespace hwfp
