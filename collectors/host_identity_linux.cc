// Machine ID and host name from the files Linux keeps them in.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "collectors/host_identity.h"

namespace hwfp {
namespace {

constexpr const char* kMachineIdFiles[] = {
    "etc/machine-id",
    // Older systems and some containers only have D-Bus's copy.
    "var/lib/dbus/machine-id",
};

}  // namespace

CollectedKey CollectMachineId(const RootFs& root) {
  std::string reasons;
  for (const char* file : kMachineIdFiles) {
    absl::StatusOr<std::string> content = root.ReadFile(file);
    if (content.ok() && !content->empty()) {
      return {*std::move(content), root.Path(file)};
    }
    const std::string reason = content.ok()
                                   ? absl::StrCat(root.Path(file), ": empty")
                                   : std::string(content.status().message());
    absl::StrAppend(&reasons, reasons.empty() ? "" : "; ", reason);
  }
  return {"", reasons};
}

CollectedKey CollectHostname(const RootFs& root) {
  const char* const file = "proc/sys/kernel/hostname";
  absl::StatusOr<std::string> content = root.ReadFile(file);
  if (!content.ok()) return {"", std::string(content.status().message())};

  // Go's os.Hostname drops exactly one trailing newline; so do we.
  if (!content->empty() && content->back() == '\n') content->pop_back();
  if (content->empty()) return {"", absl::StrCat(root.Path(file), ": empty")};
  return {*std::move(content), root.Path(file)};
}

}  // namespace hwfp
