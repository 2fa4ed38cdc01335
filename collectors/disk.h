// disk-info: which file systems the machine has, named by the UUIDs udev
// lists under /dev/disk/by-uuid. Only names and link targets are read, so
// the value does not move with the timestamps, owners and link counts that
// `ls -l` (the reference agent's way) prints.

#ifndef HWFP_COLLECTORS_DISK_H_
#define HWFP_COLLECTORS_DISK_H_

#include <string>
#include <utility>
#include <vector>

#include "collectors/collected_key.h"
#include "collectors/root_fs.h"

namespace hwfp {

// Returns the text disk-info hashes: one "UUID PARTITION\n" line per file
// system, sorted by UUID, where PARTITION is the last component of the
// link target ("../../nvme0n1p1" -> "nvme0n1p1"). Input order does not
// matter.
std::string DiskInfoText(
    std::vector<std::pair<std::string, std::string>> uuid_to_target);

// Returns disk-info: Md5Base64(DiskInfoText(...)) of the entries under
// dev/disk/by-uuid. Empty, with the reason, when the folder is missing,
// unreadable or lists nothing. An entry whose target cannot be read is
// left out and named in the source.
CollectedKey CollectDiskInfo(const RootFs& root);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_DISK_H_
