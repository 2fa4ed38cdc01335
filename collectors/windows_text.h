// UTF-16, as Win32 and COM return text, to the UTF-8 hwfp keeps every
// string in, and Win32 error codes as text for messages. Windows only.

#ifndef HWFP_COLLECTORS_WINDOWS_TEXT_H_
#define HWFP_COLLECTORS_WINDOWS_TEXT_H_

#include <string>

namespace hwfp {

// Returns `text` (NUL-terminated; nullptr reads as empty) in UTF-8.
// Unpaired surrogates become U+FFFD, as WideCharToMultiByte makes them.
std::string Utf8FromWide(const wchar_t* text);

// Returns `text` in UTF-16 for the wide Win32 calls; invalid UTF-8 bytes
// become U+FFFD.
std::wstring WideFromUtf8(const std::string& text);

// Returns the system's text for a Win32 error code (GetLastError, or what a
// call returned) with the number: "Access is denied. (error 5)".
std::string DescribeWin32Error(unsigned long error);

}  // namespace hwfp

#endif  // HWFP_COLLECTORS_WINDOWS_TEXT_H_
