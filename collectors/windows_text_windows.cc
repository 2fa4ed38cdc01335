#include "collectors/windows_text.h"

#include <windows.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace hwfp {

std::string Utf8FromWide(const wchar_t* text) {
  if (text == nullptr || *text == L'\0') return "";
  // With length -1 the sizes count the terminating NUL.
  const int size =
      WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (size <= 1) return "";
  std::string utf8(static_cast<size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8.data(), size, nullptr,
                      nullptr);
  utf8.resize(static_cast<size_t>(size) - 1);
  return utf8;
}

std::wstring WideFromUtf8(const std::string& text) {
  if (text.empty()) return L"";
  const int size = MultiByteToWideChar(CP_UTF8, 0, text.data(),
                                       static_cast<int>(text.size()),
                                       nullptr, 0);
  if (size <= 0) return L"";
  std::wstring wide(static_cast<size_t>(size), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()),
                      wide.data(), size);
  return wide;
}

std::string DescribeWin32Error(unsigned long error) {
  wchar_t* text = nullptr;
  const DWORD length = FormatMessageW(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
          FORMAT_MESSAGE_IGNORE_INSERTS,
      nullptr, error, 0, reinterpret_cast<wchar_t*>(&text), 0, nullptr);
  std::string message = length > 0 ? Utf8FromWide(text) : "";
  if (text != nullptr) LocalFree(text);
  // The system's text ends in ".\r\n"; the number is what searches find.
  message = std::string(absl::StripAsciiWhitespace(message));
  if (message.empty()) return absl::StrCat("error ", error);
  return absl::StrCat(message, " (error ", error, ")");
}

}  // namespace hwfp
