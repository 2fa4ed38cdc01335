// Disk drives on Windows from WMI (Win32_DiskDrive) through COM: the
// interface every Windows since 2000 answers, and what wmic and PowerShell
// themselves ask.

// First, before windows.h: COM headers #define `interface`, a name the
// network rules use.
#include "collectors/windows_machine.h"

#include <windows.h>
// wbemidl.h needs the COM declarations windows.h brings.
#include <wbemidl.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "collectors/windows_text.h"

namespace hwfp {
namespace {

constexpr wchar_t kNamespace[] = L"ROOT\\CIMV2";
constexpr wchar_t kQuery[] =
    L"SELECT Model, SerialNumber, Size FROM Win32_DiskDrive";

// Holds one COM interface pointer and releases it.
template <typename Interface>
class ComRef {
 public:
  ComRef() = default;
  ComRef(const ComRef&) = delete;
  ComRef& operator=(const ComRef&) = delete;
  ~ComRef() {
    if (pointer_ != nullptr) pointer_->Release();
  }

  Interface** Out() { return &pointer_; }
  Interface* operator->() const { return pointer_; }
  Interface* get() const { return pointer_; }

 private:
  Interface* pointer_ = nullptr;
};

// Holds one BSTR and frees it.
class Bstr {
 public:
  explicit Bstr(const wchar_t* text) : text_(SysAllocString(text)) {}
  Bstr(const Bstr&) = delete;
  Bstr& operator=(const Bstr&) = delete;
  ~Bstr() { SysFreeString(text_); }

  BSTR get() const { return text_; }

 private:
  BSTR text_;
};

// COM for this thread for one query. A caller that already entered an
// apartment of another kind keeps it (RPC_E_CHANGED_MODE): WMI's in-process
// locator works from either.
class ComApartment {
 public:
  ComApartment() {
    const HRESULT result = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    entered_ = SUCCEEDED(result);
    usable_ = entered_ || result == RPC_E_CHANGED_MODE;
    result_ = result;
  }
  ComApartment(const ComApartment&) = delete;
  ComApartment& operator=(const ComApartment&) = delete;
  ~ComApartment() {
    if (entered_) CoUninitialize();
  }

  bool usable() const { return usable_; }
  HRESULT result() const { return result_; }

 private:
  bool entered_ = false;
  bool usable_ = false;
  HRESULT result_ = S_OK;
};

absl::Status ComError(const char* call, HRESULT result) {
  return absl::UnavailableError(absl::StrFormat(
      "WMI Win32_DiskDrive: %s failed: HRESULT 0x%08X", call,
      static_cast<unsigned long>(result)));
}

// Returns a property as text: strings as they are, numbers (Size is a
// uint64, which WMI hands over as a string anyway) in decimal, NULL empty.
std::string PropertyText(IWbemClassObject* object, const wchar_t* name) {
  VARIANT value;
  VariantInit(&value);
  if (FAILED(object->Get(name, 0, &value, nullptr, nullptr))) return "";
  std::string text;
  if (value.vt != VT_BSTR && value.vt != VT_NULL && value.vt != VT_EMPTY) {
    VariantChangeType(&value, &value, 0, VT_BSTR);
  }
  if (value.vt == VT_BSTR) text = Utf8FromWide(value.bstrVal);
  VariantClear(&value);
  return text;
}

}  // namespace

absl::StatusOr<std::vector<WindowsDisk>> ReadDiskDrives() {
  ComApartment apartment;
  if (!apartment.usable()) {
    return ComError("CoInitializeEx", apartment.result());
  }
  // Process-wide and allowed once: RPC_E_TOO_LATE means the program (or an
  // earlier call) already chose, which serves WMI as well.
  CoInitializeSecurity(nullptr, -1, nullptr, nullptr,
                       RPC_C_AUTHN_LEVEL_DEFAULT, RPC_C_IMP_LEVEL_IMPERSONATE,
                       nullptr, EOAC_NONE, nullptr);

  ComRef<IWbemLocator> locator;
  HRESULT result =
      CoCreateInstance(CLSID_WbemLocator, nullptr, CLSCTX_INPROC_SERVER,
                       IID_IWbemLocator, reinterpret_cast<void**>(
                                             locator.Out()));
  if (FAILED(result)) return ComError("CoCreateInstance(WbemLocator)", result);

  ComRef<IWbemServices> services;
  const Bstr name_space(kNamespace);
  result = locator->ConnectServer(name_space.get(), nullptr, nullptr, nullptr,
                                  0, nullptr, nullptr, services.Out());
  if (FAILED(result)) return ComError("ConnectServer(ROOT\\CIMV2)", result);
  result = CoSetProxyBlanket(services.get(), RPC_C_AUTHN_WINNT,
                             RPC_C_AUTHZ_NONE, nullptr, RPC_C_AUTHN_LEVEL_CALL,
                             RPC_C_IMP_LEVEL_IMPERSONATE, nullptr, EOAC_NONE);
  if (FAILED(result)) return ComError("CoSetProxyBlanket", result);

  ComRef<IEnumWbemClassObject> rows;
  const Bstr language(L"WQL");
  const Bstr query(kQuery);
  result = services->ExecQuery(
      language.get(), query.get(),
      WBEM_FLAG_FORWARD_ONLY | WBEM_FLAG_RETURN_IMMEDIATELY, nullptr,
      rows.Out());
  if (FAILED(result)) return ComError("ExecQuery", result);

  std::vector<WindowsDisk> disks;
  while (true) {
    ComRef<IWbemClassObject> row;
    ULONG returned = 0;
    result = rows->Next(WBEM_INFINITE, 1, row.Out(), &returned);
    if (FAILED(result)) return ComError("IEnumWbemClassObject::Next", result);
    if (returned == 0) break;
    WindowsDisk disk;
    disk.model = PropertyText(row.get(), L"Model");
    disk.serial_number = PropertyText(row.get(), L"SerialNumber");
    disk.size = PropertyText(row.get(), L"Size");
    disks.push_back(std::move(disk));
  }
  return disks;
}

}  // namespace hwfp
