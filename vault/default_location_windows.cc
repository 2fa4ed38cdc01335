// The vault environment of a Windows process: where ProgramData is. The
// known-folder call is asked rather than %ProgramData%, which any parent
// process can set to anything.

#include <windows.h>
// shlobj.h needs windows.h first.
#include <shlobj.h>


#include "collectors/windows_text.h"
#include "vault/default_location.h"

namespace hwfp {

VaultEnvironment CurrentVaultEnvironment() {
  VaultEnvironment env;
  wchar_t* folder = nullptr;
  if (SUCCEEDED(SHGetKnownFolderPath(FOLDERID_ProgramData, 0, nullptr,
                                     &folder))) {
    env.program_data = Utf8FromWide(folder);
  }
  CoTaskMemFree(folder);
  return env;
}

}  // namespace hwfp
