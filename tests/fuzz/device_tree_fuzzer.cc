// Fuzzes the device tree reader. The input is cut at each "\n--\n" into
// the properties model, serial-number, compatible and memory@0/reg, then
// the text of a proc/device-tree link; they are written as a tree under a
// temporary root (in memory-backed /dev/shm when there is one) and read
// back with ReadDeviceTree, the way collectors read a machine. The string
// decoding and the link resolution are checked on their own too. Seeds:
// the pi4 fixture's device tree properties (tools/test-fuzz).

#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "collectors/device_tree.h"
#include "collectors/root_fs.h"

namespace {

[[noreturn]] void Finding(const std::string& what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
  std::abort();
}

// A root folder made once per process and rewritten for every input.
const std::string& Root() {
  static const std::string* root = [] {
    const char* base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    std::string templ = absl::StrCat(base, "/hwfp-dt-fuzz.XXXXXX");
    if (mkdtemp(templ.data()) == nullptr) Finding("mkdtemp failed");
    return new std::string(templ);
  }();
  return *root;
}

void Write(const std::string& path, absl::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) Finding("cannot write " + path);
}

void Remove(const std::string& path) { unlink(path.c_str()); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<absl::string_view> parts = absl::StrSplit(input, "\n--\n");
  parts.resize(5);

  for (absl::string_view part : parts) {
    for (const std::string& s : hwfp::DeviceTreeStrings(part)) {
      if (s.empty() || absl::StrContains(s, std::string(1, '\0'))) {
        Finding("DeviceTreeStrings returned an empty or NUL-bearing string");
      }
    }
  }

  // A link target, however hostile, resolves to a path under the root.
  const std::string resolved =
      hwfp::ResolveUnderRoot("proc/device-tree", parts[4]);
  if (absl::StartsWith(resolved, "/")) Finding("resolved to " + resolved);
  for (absl::string_view part : absl::StrSplit(resolved, '/')) {
    if (part == "..") Finding("resolved above the root: " + resolved);
  }

  // The tree: the properties in the sysfs folder or, when there is link
  // text, in alt/base with only proc/device-tree (a link copied as a file)
  // to lead there, as in trees copied without links.
  const std::string& root = Root();
  const bool linked = !parts[4].empty();
  const std::string sys = root + "/sys/firmware/devicetree/base";
  const std::string alt = root + "/alt/base";
  for (const char* folder :
       {"/sys", "/sys/firmware", "/sys/firmware/devicetree", "/alt", "/proc"}) {
    mkdir((root + folder).c_str(), 0700);
  }
  for (const std::string& base : {sys, alt}) {
    Remove(base + "/memory@0/reg");
    rmdir((base + "/memory@0").c_str());
    for (const char* name : {"/model", "/serial-number", "/compatible"}) {
      Remove(base + name);
    }
    rmdir(base.c_str());
  }
  Remove(root + "/proc/device-tree");

  const std::string& base = linked ? alt : sys;
  mkdir(base.c_str(), 0700);
  mkdir((base + "/memory@0").c_str(), 0700);
  Write(base + "/model", parts[0]);
  Write(base + "/serial-number", parts[1]);
  Write(base + "/compatible", parts[2]);
  Write(base + "/memory@0/reg", parts[3]);
  if (linked) Write(root + "/proc/device-tree", parts[4]);

  absl::StatusOr<hwfp::DeviceTree> tree =
      hwfp::ReadDeviceTree(hwfp::RootFs(root));
  if (tree.ok()) {
    if (tree->model && absl::EndsWith(*tree->model, std::string(1, '\0'))) {
      Finding("model kept its terminating NUL");
    }
  }
  return 0;
}
