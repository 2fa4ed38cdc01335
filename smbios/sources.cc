#include "smbios/sources.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "smbios/file_io.h"
#include "smbios/little_endian.h"

namespace hwfp::smbios {
namespace {

using internal::FileError;
using internal::JoinPath;
using internal::ReadFileBytes;

// dmidecode writes the table right after a 32-byte entry point area.
constexpr uint32_t kDumpTableOffset = 0x20;

// Entry points are at most 32 bytes (spec 5.2.1: 0x1F, 5.2.2: 0x18, both
// with room for growth up to 0x20).
constexpr size_t kEntryPointMax = 0x20;

// The most table bytes read from a file. SMBIOS 2 tables hold at most
// 64 KiB and real SMBIOS 3 ones a few hundred KiB, but an _SM3_ entry
// point may announce up to 4 GiB and a file (a dump, a root folder's DMI)
// may hold anything: reads stop here, so memory stays bounded.
constexpr size_t kMaxTableBytes = 16 << 20;

// Returns how many table bytes to read for `entry`: what it announces,
// at most kMaxTableBytes. A larger announcement gets a warning.
size_t TableReadLimit(EntryPoint& entry, absl::string_view file) {
  if (entry.table_length == 0) return kMaxTableBytes;  // Not announced.
  if (entry.table_length <= kMaxTableBytes) return entry.table_length;
  entry.warnings.push_back(
      {WarningKind::kLengthMismatch, std::nullopt, kMaxTableBytes,
       absl::StrFormat("%s: entry point announces %d table bytes; only the "
                       "first %d are read",
                       file, entry.table_length, kMaxTableBytes)});
  return kMaxTableBytes;
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

// Returns `entry`'s bytes with the table address pointing at 0x20 in the
// dump, checksums redone: what dmidecode does before --dump-bin.
std::string DumpEntryPoint(const EntryPoint& entry) {
  std::string bytes = entry.bytes;
  switch (entry.kind) {
    case EntryPointKind::kSmbios3:
      internal::Store64(&bytes[0x10], kDumpTableOffset);
      SetChecksum(bytes, 0, bytes.size(), 0x05);
      break;
    case EntryPointKind::kSmbios2:
      internal::Store32(&bytes[0x18], kDumpTableOffset);
      SetChecksum(bytes, 0x10, 0x0F, 0x15);
      SetChecksum(bytes, 0, bytes.size(), 0x04);
      break;
    case EntryPointKind::kLegacyDmi:
      internal::Store32(&bytes[0x08], kDumpTableOffset);
      SetChecksum(bytes, 0, 0x0F, 0x05);
      break;
    case EntryPointKind::kNone:
      break;
  }
  return bytes;
}

// Largest table an _SM_ entry point can describe: its length and count
// fields are 16 bits.
constexpr size_t kSmbios2TableMax = 0xFFFF;

// Makes an entry point for a table that came without one (RSMB): _SM3_
// for SMBIOS 3 and later, and for a 2.x table too long or with too many
// structures for _SM_'s 16-bit fields (cut, they would lose the table's
// end); otherwise _SM_ with the count the walk found.
std::string MakeEntryPoint(const Table& table) {
  const Version& v = table.version();
  const size_t size = table.bytes().size();
  if (v.major >= 3 || size > kSmbios2TableMax ||
      table.structures().size() > kSmbios2TableMax) {
    std::string bytes(0x18, '\0');
    bytes.replace(0, 5, "_SM3_");
    bytes[0x06] = 0x18;
    bytes[0x07] = static_cast<char>(v.major);
    bytes[0x08] = static_cast<char>(v.minor);
    bytes[0x09] = static_cast<char>(v.docrev);
    bytes[0x0A] = 0x01;  // Entry point revision: 3.0 layout.
    internal::Store32(&bytes[0x0C], static_cast<uint32_t>(size));
    internal::Store64(&bytes[0x10], kDumpTableOffset);
    SetChecksum(bytes, 0, bytes.size(), 0x05);
    return bytes;
  }

  size_t largest = 0;
  for (const Structure& s : table.structures()) {
    largest = std::max(largest, s.raw().size());
  }
  std::string bytes(0x1F, '\0');
  bytes.replace(0, 4, "_SM_");
  bytes[0x05] = 0x1F;
  bytes[0x06] = static_cast<char>(v.major);
  bytes[0x07] = static_cast<char>(v.minor);
  internal::Store16(&bytes[0x08], static_cast<uint16_t>(largest));
  bytes.replace(0x10, 5, "_DMI_");
  internal::Store16(&bytes[0x16], static_cast<uint16_t>(size));
  internal::Store32(&bytes[0x18], kDumpTableOffset);
  internal::Store16(&bytes[0x1C],
                    static_cast<uint16_t>(table.structures().size()));
  bytes[0x1E] = static_cast<char>(((v.major & 0x0F) << 4) | (v.minor & 0x0F));
  SetChecksum(bytes, 0x10, 0x0F, 0x15);
  SetChecksum(bytes, 0, bytes.size(), 0x04);
  return bytes;
}

}  // namespace

absl::StatusOr<Table> ReadSysfsTable(absl::string_view root) {
  const std::string entry_path = JoinPath(root, kSysfsEntryPoint);
  absl::StatusOr<std::string> entry_bytes =
      ReadFileBytes(entry_path, kEntryPointMax);
  if (!entry_bytes.ok()) {
    if (absl::IsNotFound(entry_bytes.status())) {
      return absl::NotFoundError(
          absl::StrCat("no SMBIOS tables: ", entry_bytes.status().message(),
                       " (firmware published no entry point)"));
    }
    return entry_bytes.status();
  }
  absl::StatusOr<EntryPoint> entry = ParseEntryPoint(*entry_bytes,
                                                     entry_path);
  if (!entry.ok()) return entry.status();

  const std::string table_path = JoinPath(root, kSysfsTable);
  absl::StatusOr<std::string> table =
      ReadFileBytes(table_path, TableReadLimit(*entry, entry_path));
  if (!table.ok()) {
    if (absl::IsNotFound(table.status())) {
      return absl::DataLossError(
          absl::StrCat(table.status().message(), " (but ", entry_path,
                       " exists: the table is missing)"));
    }
    return table.status();
  }
  return ParseTable(*std::move(entry), *std::move(table), table_path);
}

absl::StatusOr<Table> ReadDumpFile(absl::string_view path) {
  const std::string file(path);
  // One read, so that a pipe (`--from-dump <(...)`) works too, and at most
  // kMaxTableBytes after dmidecode's 0x20-byte entry point area, so that a
  // huge file is never read whole.
  absl::StatusOr<std::string> bytes =
      ReadFileBytes(file, kDumpTableOffset + kMaxTableBytes);
  if (!bytes.ok()) return bytes.status();

  absl::StatusOr<EntryPoint> entry =
      ParseEntryPoint(absl::string_view(*bytes).substr(0, kEntryPointMax),
                      file);
  if (!entry.ok()) return entry.status();

  // A dump's address field holds the table's offset in the file.
  const uint64_t offset = entry->table_address;
  if (offset < entry->bytes.size() || offset >= bytes->size()) {
    return absl::DataLossError(absl::StrFormat(
        "%s: table offset 0x%X from the entry point lies outside the "
        "file's table area (%d bytes read)",
        file, offset, bytes->size()));
  }
  bytes->resize(std::min<uint64_t>(bytes->size(),
                                   offset + TableReadLimit(*entry, file)));
  bytes->erase(0, offset);
  return ParseTable(*std::move(entry), *std::move(bytes), file);
}

absl::StatusOr<Table> ParseRawSmbiosData(absl::string_view buffer,
                                         absl::string_view source) {
  if (buffer.empty()) {
    return absl::NotFoundError(
        absl::StrCat(source, ": no SMBIOS tables (the buffer is empty)"));
  }
  if (buffer.size() < 8) {
    return absl::DataLossError(absl::StrFormat(
        "%s: RawSMBIOSData header needs 8 bytes, got %d", source,
        buffer.size()));
  }

  EntryPoint entry;
  entry.kind = EntryPointKind::kNone;
  const int major = static_cast<uint8_t>(buffer[1]);
  const int minor = static_cast<uint8_t>(buffer[2]);
  // Byte 3 is Microsoft's DmiRevision (the DMI revision), not the SMBIOS
  // 3.x document revision: Windows gives no docrev, so none is claimed.
  entry.version = {major, minor, 0, false};
  entry.table_length = internal::Load32(buffer.data() + 4);

  const absl::string_view data = buffer.substr(8);
  if (data.size() < entry.table_length) {
    entry.warnings.push_back(
        {WarningKind::kLengthMismatch, std::nullopt, data.size(),
         absl::StrFormat("RawSMBIOSData announces %d table bytes, only %d "
                         "follow",
                         entry.table_length, data.size())});
  }
  return ParseTable(std::move(entry), std::string(data),
                    std::string(source));
}

std::string DumpBin(const Table& table) {
  const EntryPoint& entry = table.entry_point();
  std::string dump = entry.kind == EntryPointKind::kNone
                         ? MakeEntryPoint(table)
                         : DumpEntryPoint(entry);
  dump.resize(kDumpTableOffset, '\0');
  dump.append(table.bytes().data(), table.bytes().size());
  return dump;
}

absl::Status WriteDumpFile(const Table& table, absl::string_view path) {
  return internal::WriteFileBytes(std::string(path), DumpBin(table));
}

}  // namespace hwfp::smbios
