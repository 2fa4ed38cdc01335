// Builds small machine trees (etc/, proc/, sys/, dev/) in the test's temp
// folder, for collectors that read through a root folder. Tests that must
// always run make their own; fixture tests copy a shared host tree here
// before altering it.
//
//   HostTree tree("r630");
//   tree.File("etc/machine-id", "0123\n")
//       .Link("dev/disk/by-uuid/A1B2", "../../sda1");
//   CollectHardwareHash({tree.root()});

#ifndef HWFP_TESTS_TESTING_HOST_TREE_H_
#define HWFP_TESTS_TESTING_HOST_TREE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace hwfp::testing {

class HostTree {
 public:
  // Makes a fresh, empty folder under TEST_TMPDIR named after `name`.
  explicit HostTree(absl::string_view name);
  // The same under `base` instead (e.g. "/tmp" for a tree an unprivileged
  // user must reach; TEST_TMPDIR is often under root's private home).
  HostTree(absl::string_view name, absl::string_view base);

  const std::string& root() const { return root_; }
  // Returns root() + "/" + relative.
  std::string Path(absl::string_view relative) const;

  // Each of these creates missing parent folders, replaces what is there,
  // and records a gtest failure (the test goes on) when it cannot.
  HostTree& File(absl::string_view relative, absl::string_view content);
  HostTree& Link(absl::string_view relative, absl::string_view target);
  HostTree& Folder(absl::string_view relative);
  // Removes a file, link or (recursively) folder; absent is fine.
  HostTree& Remove(absl::string_view relative);
  // Sets a link's own modification time (what `ls -l` shows for it).
  HostTree& TouchLink(absl::string_view relative, long seconds);
  // Copies the tree at `source` (files, folders, links as links) to
  // `relative` under the root ("" for the root itself).
  HostTree& CopyFrom(const std::string& source, absl::string_view relative);

 private:
  std::string root_;
};

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_HOST_TREE_H_
