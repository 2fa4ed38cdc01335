#include "tests/fuzz/smbios_fuzz_util.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "collectors/hardware_hash.h"
#include "collectors/smbios_keys.h"
#include "smbios/describe.h"
#include "smbios/records.h"
#include "smbios/sources.h"
#include "smbios/structure.h"

namespace hwfp::fuzz {
namespace {

// Keeps values alive so the reads are not optimised away.
volatile size_t sink;

void Consume(absl::string_view bytes) {
  size_t sum = 0;
  for (char c : bytes) sum += static_cast<unsigned char>(c);
  sink = sum;
}

template <typename T>
void Consume(const std::optional<T>& value) {
  if (value) sink = static_cast<size_t>(*value);
}

[[noreturn]] void Finding(const std::string& what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
  std::abort();
}

void ExerciseStructure(const smbios::Structure& s) {
  sink = s.type() + s.length() + s.handle() + s.offset();
  Consume(s.formatted());
  Consume(s.string_set());
  Consume(s.raw());
  // Past the formatted area too: those must come back empty, not read on.
  for (size_t offset = 0; offset < size_t{s.length()} + 9; ++offset) {
    Consume(s.Byte(offset));
    Consume(s.Word(offset));
    Consume(s.Dword(offset));
    Consume(s.Qword(offset));
  }
  const int count = s.string_count();
  for (int index = 0; index <= count + 1 && index <= 255; ++index) {
    const std::optional<absl::string_view> text =
        s.String(static_cast<uint8_t>(index));
    if (text) Consume(*text);
  }
}

// The typed decoder for the structure's type and its dmidecode-style
// description, as `hwfp smbios` and the hashes use them: each must stay
// within the structure it is given.
void DecodeStructure(const smbios::Structure& s,
                     const smbios::Version& version) {
  std::vector<smbios::Warning> warnings;
  const smbios::Description description =
      smbios::Describe(s, version, &warnings);
  Consume(description.title);
  for (const smbios::Field& field : description.fields) {
    Consume(field.value);
    for (const std::string& item : field.items) Consume(item);
  }
  switch (s.type()) {
    case 0:
      Consume(smbios::DecodeBios(s, &warnings).vendor.Display());
      break;
    case 1:
      Consume(smbios::DecodeSystem(s, version, &warnings).uuid);
      break;
    case 2:
      Consume(smbios::DecodeBaseboard(s, &warnings).serial_number.Display());
      break;
    case 3:
      Consume(smbios::DecodeChassis(s, &warnings).asset_tag.Display());
      break;
    case 4: {
      const smbios::ProcessorInfo processor =
          smbios::DecodeProcessor(s, &warnings);
      Consume(processor.Signature());
      Consume(processor.FamilyName());
      break;
    }
    case 13:
      sink = smbios::DecodeBiosLanguage(s, &warnings).languages.size();
      break;
    case 16:
      Consume(smbios::DecodeMemoryArray(s).MaximumCapacityBytes());
      break;
    case 17:
      Consume(smbios::DecodeMemoryDevice(s, &warnings).SizeBytes());
      break;
  }
  Consume(MaskedStructureBytes(s));
  for (const smbios::Warning& w : warnings) Consume(w.message);
}

}  // namespace

absl::StatusOr<smbios::Table> ReadDumpBytes(absl::string_view bytes) {
  const int fd = memfd_create("dump.bin", 0);
  if (fd < 0) Finding("memfd_create failed");
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) Finding("write to memfd failed");
    done += static_cast<size_t>(n);
  }
  absl::StatusOr<smbios::Table> table =
      smbios::ReadDumpFile(absl::StrCat("/proc/self/fd/", fd));
  close(fd);
  return table;
}

void ExerciseTable(const smbios::Table& table) {
  Consume(table.bytes());
  for (const smbios::Structure& s : table.structures()) {
    ExerciseStructure(s);
    DecodeStructure(s, table.version());
    if (table.FindHandle(s.handle()) == nullptr) {
      Finding("FindHandle misses a structure the walk returned");
    }
  }
  for (const smbios::Warning& w : table.warnings()) Consume(w.message);
  sink = table.OfType(1).size() + table.OfType(127).size();
  const HardwareHash keys = SmbiosKeys(table);
  for (const auto& [key, value] : keys.values) Consume(value);

  // What `hwfp smbios --dump-bin` writes must read back the same: dmidecode
  // and hwfp itself both read these files.
  absl::StatusOr<smbios::Table> again = ReadDumpBytes(smbios::DumpBin(table));
  if (!again.ok()) {
    Finding(absl::StrCat("DumpBin output does not read back: ",
                         again.status().ToString()));
  }
  if (again->structures().size() != table.structures().size()) {
    Finding(absl::StrCat("DumpBin output reads back ",
                         again->structures().size(), " structures, not ",
                         table.structures().size()));
  }
  for (size_t i = 0; i < table.structures().size(); ++i) {
    if (again->structures()[i].raw() != table.structures()[i].raw()) {
      Finding(absl::StrCat("DumpBin output changes structure ", i));
    }
  }
}

}  // namespace hwfp::fuzz
