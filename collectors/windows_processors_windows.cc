// The logical processors on Windows, from the registry keys the kernel
// fills at boot (HKLM\HARDWARE\DESCRIPTION\System\CentralProcessor\N):
// what Task Manager and WMI's Win32_Processor show, without COM.

// First, before windows.h: COM headers #define `interface`, a name the
// network rules use.
#include "collectors/windows_machine.h"

#include <windows.h>

#include <algorithm>
#include <cwchar>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "collectors/windows_text.h"

namespace hwfp {
namespace {

constexpr wchar_t kProcessorsKey[] =
    L"HARDWARE\\DESCRIPTION\\System\\CentralProcessor";

// Returns a REG_SZ value of `key`\`subkey`, or "" when it is absent.
std::string ReadString(HKEY key, const wchar_t* subkey, const wchar_t* name) {
  DWORD size = 0;
  if (RegGetValueW(key, subkey, name, RRF_RT_REG_SZ, nullptr, nullptr,
                   &size) != ERROR_SUCCESS ||
      size == 0) {
    return "";
  }
  std::wstring value(size / sizeof(wchar_t) + 1, L'\0');
  if (RegGetValueW(key, subkey, name, RRF_RT_REG_SZ, nullptr, value.data(),
                   &size) != ERROR_SUCCESS) {
    return "";
  }
  return Utf8FromWide(value.c_str());
}

}  // namespace

absl::StatusOr<std::vector<WindowsProcessor>> ReadProcessors() {
  HKEY processors = nullptr;
  const LSTATUS opened = RegOpenKeyExW(HKEY_LOCAL_MACHINE, kProcessorsKey, 0,
                                       KEY_READ, &processors);
  if (opened != ERROR_SUCCESS) {
    return absl::NotFoundError(absl::StrCat(kProcessorsSource, ": ",
                                            DescribeWin32Error(opened)));
  }

  // Subkeys are the processor numbers; enumeration order is not theirs.
  std::vector<std::pair<unsigned long, std::wstring>> numbers;
  for (DWORD index = 0;; ++index) {
    wchar_t name[256];
    DWORD length = sizeof(name) / sizeof(name[0]);
    if (RegEnumKeyExW(processors, index, name, &length, nullptr, nullptr,
                      nullptr, nullptr) != ERROR_SUCCESS) {
      break;
    }
    numbers.emplace_back(std::wcstoul(name, nullptr, 10), name);
  }
  std::sort(numbers.begin(), numbers.end());

  std::vector<WindowsProcessor> result;
  for (const auto& [number, name] : numbers) {
    WindowsProcessor processor;
    processor.vendor = ReadString(processors, name.c_str(),
                                  L"VendorIdentifier");
    processor.identifier = ReadString(processors, name.c_str(),
                                      L"Identifier");
    processor.name = ReadString(processors, name.c_str(),
                                L"ProcessorNameString");
    result.push_back(std::move(processor));
  }
  RegCloseKey(processors);
  return result;
}

}  // namespace hwfp
