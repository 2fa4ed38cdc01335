// The operating system's own names for the host: the machine ID systemd
// (or D-Bus) keeps and the kernel's host name. Both are read through a
// root folder from the files Linux keeps them in.

#ifndef HWFP_COLLECTORS_HOST_IDENTITY_H_
#define HWFP_COLLECTORS_HOST_IDENTITY_H_

#include "collectors/collected_key.h"
#include "collectors/root_fs.h"

namespace hwfp {

// Returns the machine-id value: the whole content of etc/machine-id,
// trailing newline included (the reference agent hashes nothing and trims
// nothing), else of var/lib/dbus/machine-id. An empty file counts as
// absent. Never fails; an empty value's source says why.
CollectedKey CollectMachineId(const RootFs& root);

// Returns the hostname-info value: the kernel's host name from
// proc/sys/kernel/hostname without its trailing newline, which is what the
// reference agent's Go os.Hostname() yields. Never fails; an empty value's
// source says why.
CollectedKey CollectHostname(const RootFs& root);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_HOST_IDENTITY_H_
