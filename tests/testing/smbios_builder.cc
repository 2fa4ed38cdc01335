#include "tests/testing/smbios_builder.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "tests/testing/test_files.h"

namespace hwfp::testing {
namespace {

void Put(std::string& out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
}

void SetChecksum(std::string& bytes, size_t begin, size_t size,
                 size_t checksum_at) {
  bytes[checksum_at] = 0;
  uint8_t sum = 0;
  for (size_t i = begin; i < begin + size; ++i) {
    sum = static_cast<uint8_t>(sum + bytes[i]);
  }
  bytes[checksum_at] = static_cast<char>(-sum);
}

void PutAt(std::string& out, size_t at, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

}  // namespace

StructureBuilder::StructureBuilder(uint8_t type, uint16_t handle) {
  formatted_.push_back(static_cast<char>(type));
  formatted_.push_back(0);
  Put(formatted_, handle, 2);
}

StructureBuilder& StructureBuilder::Byte(uint8_t value) {
  Put(formatted_, value, 1);
  return *this;
}
StructureBuilder& StructureBuilder::Word(uint16_t value) {
  Put(formatted_, value, 2);
  return *this;
}
StructureBuilder& StructureBuilder::Dword(uint32_t value) {
  Put(formatted_, value, 4);
  return *this;
}
StructureBuilder& StructureBuilder::Qword(uint64_t value) {
  Put(formatted_, value, 8);
  return *this;
}
StructureBuilder& StructureBuilder::Bytes(absl::string_view bytes) {
  formatted_.append(bytes.data(), bytes.size());
  return *this;
}
StructureBuilder& StructureBuilder::String(std::string value) {
  strings_.push_back(std::move(value));
  return *this;
}
StructureBuilder& StructureBuilder::AnnounceLength(uint8_t length) {
  announced_ = length;
  return *this;
}
StructureBuilder& StructureBuilder::WithoutTerminator() {
  terminated_ = false;
  return *this;
}

std::string StructureBuilder::Build() const {
  std::string out = formatted_;
  out[1] = static_cast<char>(announced_.value_or(
      static_cast<uint8_t>(formatted_.size())));
  for (const std::string& s : strings_) {
    out += s;
    out.push_back('\0');
  }
  if (!terminated_) return out;
  if (strings_.empty()) out.push_back('\0');
  out.push_back('\0');
  return out;
}

TableBuilder& TableBuilder::Add(const StructureBuilder& structure) {
  bytes_ += structure.Build();
  ++count_;
  return *this;
}

TableBuilder& TableBuilder::AddBytes(absl::string_view bytes) {
  bytes_.append(bytes.data(), bytes.size());
  return *this;
}

TableBuilder& TableBuilder::AddEndOfTable(uint16_t handle) {
  return Add(StructureBuilder(127, handle));
}

std::string TableBuilder::Smbios3EntryPoint(int major, int minor, int docrev,
                                            uint64_t address) const {
  std::string out = "_SM3_";
  out.resize(0x18, '\0');
  out[0x06] = 0x18;
  out[0x07] = static_cast<char>(major);
  out[0x08] = static_cast<char>(minor);
  out[0x09] = static_cast<char>(docrev);
  out[0x0A] = 1;
  PutAt(out, 0x0C, bytes_.size(), 4);
  PutAt(out, 0x10, address, 8);
  SetChecksum(out, 0, 0x18, 0x05);
  return out;
}

std::string TableBuilder::Smbios2EntryPoint(int major, int minor,
                                            std::optional<int> count,
                                            std::optional<int> length,
                                            uint32_t address) const {
  std::string out = "_SM_";
  out.resize(0x1F, '\0');
  out[0x05] = 0x1F;
  out[0x06] = static_cast<char>(major);
  out[0x07] = static_cast<char>(minor);
  PutAt(out, 0x08, 0x100, 2);
  out.replace(0x10, 5, "_DMI_");
  PutAt(out, 0x16, length.value_or(static_cast<int>(bytes_.size())), 2);
  PutAt(out, 0x18, address, 4);
  PutAt(out, 0x1C, count.value_or(count_), 2);
  out[0x1E] = static_cast<char>((major << 4) | (minor & 0x0F));
  SetChecksum(out, 0x10, 0x0F, 0x15);
  SetChecksum(out, 0, 0x1F, 0x04);
  return out;
}

std::string TableBuilder::LegacyEntryPoint(int major, int minor,
                                           uint32_t address) const {
  std::string out = "_DMI_";
  out.resize(0x0F, '\0');
  PutAt(out, 0x06, bytes_.size(), 2);
  PutAt(out, 0x08, address, 4);
  PutAt(out, 0x0C, count_, 2);
  out[0x0E] = static_cast<char>((major << 4) | (minor & 0x0F));
  SetChecksum(out, 0, 0x0F, 0x05);
  return out;
}

std::string TableBuilder::RawSmbiosData(int major, int minor,
                                        int dmi_revision) const {
  std::string out;
  Put(out, 0, 1);
  Put(out, major, 1);
  Put(out, minor, 1);
  Put(out, dmi_revision, 1);
  Put(out, bytes_.size(), 4);
  return out + bytes_;
}

std::string Announcing4GiB(std::string entry_point) {
  entry_point.replace(0x0C, 4, std::string(4, '\xFF'));
  SetChecksum(entry_point, 0, entry_point.size(), 0x05);
  return entry_point;
}

std::string DumpFile(const std::string& entry_point,
                     const std::string& table) {
  std::string out = entry_point;
  out.resize(0x20, '\0');
  return out + table;
}

absl::Status WriteSysfsTree(const std::string& root,
                            const std::optional<std::string>& entry_point,
                            const std::optional<std::string>& table) {
  const std::string dir = root + "/sys/firmware/dmi/tables";
  if (!MakeFolders(dir)) {
    return absl::InternalError(absl::StrCat("cannot create ", dir));
  }
  if (entry_point) {
    const std::string path = dir + "/smbios_entry_point";
    if (!WriteTestFile(path, *entry_point, 0644)) {
      return absl::InternalError(absl::StrCat("cannot write ", path));
    }
  }
  if (table && !WriteTestFile(dir + "/DMI", *table, 0644)) {
    return absl::InternalError(absl::StrCat("cannot write ", dir, "/DMI"));
  }
  return absl::OkStatus();
}


}  // namespace hwfp::testing
