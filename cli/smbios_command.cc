// `hwfp smbios`: prints this machine's SMBIOS structures (or a dump's) the
// way dmidecode does, or as JSON, and can write the table as a dump that
// dmidecode reads back.
//
//   hwfp smbios [--root DIR | --from-dump FILE] [-t KEYWORD|TYPE]...
//               [--json] [--dump-bin FILE]
//
// Exit statuses (cli/command.h): 3 no tables, 4 tables not readable (root
// only on Linux), 5 tables present but broken, 2 bad arguments.

#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/types/span.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "smbios/describe.h"
#include "smbios/keywords.h"
#include "smbios/sources.h"

namespace hwfp::cli {
namespace {

using smbios::Description;
using smbios::Field;
using smbios::Structure;
using smbios::Table;
using smbios::Warning;

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "hwfp smbios: %s\n",
               std::string(status.message()).c_str());
  return ExitStatusFor(status);
}

bool Selected(const std::vector<uint8_t>& types, uint8_t type) {
  if (types.empty()) return true;
  for (uint8_t t : types) {
    if (t == type) return true;
  }
  return false;
}

const char* EntryPointName(smbios::EntryPointKind kind) {
  switch (kind) {
    case smbios::EntryPointKind::kSmbios2:
      return "_SM_";
    case smbios::EntryPointKind::kSmbios3:
      return "_SM3_";
    case smbios::EntryPointKind::kLegacyDmi:
      return "_DMI_";
    case smbios::EntryPointKind::kNone:
      break;
  }
  return "none";
}

std::string Header(const Structure& s) {
  return absl::StrFormat("Handle 0x%04X, DMI type %d, %d bytes", s.handle(),
                         s.type(), static_cast<uint8_t>(s.raw()[1]));
}

void PrintText(const Table& table, const std::vector<uint8_t>& types,
               std::vector<Warning>& warnings) {
  const smbios::EntryPoint& entry = table.entry_point();
  std::printf("# hwfp smbios\n%s present.\n",
              smbios::DescribeVersion(entry).c_str());
  if (types.empty() && entry.structure_count != 0) {
    std::printf("%d structures occupying %d bytes.\n", entry.structure_count,
                entry.table_length);
  }
  std::printf("Table read from %s.\n\n", table.source().c_str());

  for (const Structure& s : table.structures()) {
    if (!Selected(types, s.type())) continue;
    const Description d = Describe(s, table.version(), &warnings);
    std::printf("%s\n%s\n", Header(s).c_str(), d.title.c_str());
    for (const Field& field : d.fields) {
      if (field.value.empty()) {
        std::printf("\t%s:\n", field.name.c_str());
      } else {
        std::printf("\t%s: %s\n", field.name.c_str(), field.value.c_str());
      }
      for (const std::string& item : field.items) {
        std::printf("\t\t%s\n", item.c_str());
      }
    }
    std::printf("\n");
  }
}

void PrintJson(const Table& table, const std::vector<uint8_t>& types,
               std::vector<Warning>& warnings) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
  const smbios::EntryPoint& entry = table.entry_point();

  json.StartObject();
  json.Key("source");
  json.String(table.source().c_str());
  json.Key("entry_point");
  json.StartObject();
  json.Key("anchor");
  json.String(EntryPointName(entry.kind));
  json.Key("version");
  json.String(entry.version.ToString().c_str());
  json.Key("table_length");
  json.Uint(entry.table_length);
  json.Key("structure_count");
  if (entry.structure_count != 0) {
    json.Uint(entry.structure_count);
  } else {
    json.Null();
  }
  json.EndObject();

  json.Key("structures");
  json.StartArray();
  for (const Structure& s : table.structures()) {
    if (!Selected(types, s.type())) continue;
    const Description d = Describe(s, table.version(), &warnings);
    json.StartObject();
    json.Key("handle");
    json.Uint(s.handle());
    json.Key("type");
    json.Uint(s.type());
    json.Key("length");
    json.Uint(s.length());
    json.Key("offset");
    json.Uint64(s.offset());
    json.Key("name");
    json.String(d.title.c_str());
    json.Key("fields");
    json.StartArray();
    for (const Field& field : d.fields) {
      json.StartObject();
      json.Key("name");
      json.String(field.name.c_str());
      json.Key("value");
      json.String(field.value.c_str());
      if (!field.items.empty()) {
        json.Key("items");
        json.StartArray();
        for (const std::string& item : field.items) json.String(item.c_str());
        json.EndArray();
      }
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();

  json.Key("warnings");
  json.StartArray();
  for (const Warning& w : warnings) {
    json.StartObject();
    json.Key("kind");
    json.String(smbios::WarningKindName(w.kind));
    json.Key("handle");
    if (w.handle) {
      json.Uint(*w.handle);
    } else {
      json.Null();
    }
    json.Key("offset");
    json.Uint64(w.offset);
    json.Key("message");
    json.String(w.message.c_str());
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  std::printf("%s\n", buffer.GetString());
}

int RunSmbios(absl::Span<const std::string> args) {
  if (!args.empty()) {
    return Fail(absl::InvalidArgumentError(
        absl::StrCat("unexpected argument '", args[0], "'")));
  }
  const std::string root = absl::GetFlag(FLAGS_root);
  const std::string dump = absl::GetFlag(FLAGS_from_dump);
  if (!dump.empty() && root != "/") {
    return Fail(absl::InvalidArgumentError(
        "--root and --from-dump name two different tables; give one"));
  }
  absl::StatusOr<std::vector<uint8_t>> types =
      smbios::ParseTypeSelection(absl::GetFlag(FLAGS_t));
  if (!types.ok()) return Fail(types.status());

  absl::StatusOr<Table> table =
      dump.empty() ? smbios::ReadSysfsTable(root) : smbios::ReadDumpFile(dump);
  if (!table.ok()) return Fail(table.status());

  const std::string dump_bin = absl::GetFlag(FLAGS_dump_bin);
  if (!dump_bin.empty()) {
    const absl::Status written = smbios::WriteDumpFile(*table, dump_bin);
    if (!written.ok()) return Fail(written);
    std::printf("# Wrote %zu bytes of %s to %s.\n",
                smbios::DumpBin(*table).size(), table->source().c_str(),
                dump_bin.c_str());
    return kExitOk;
  }

  std::vector<Warning> warnings = table->warnings();
  if (absl::GetFlag(FLAGS_json)) {
    PrintJson(*table, *types, warnings);
  } else {
    PrintText(*table, *types, warnings);
    for (const Warning& w : warnings) {
      std::fprintf(stderr, "warning: %s\n", w.message.c_str());
    }
  }
  return kExitOk;
}

const CommandRegistrar kRegistrar(
    {"smbios", "prints SMBIOS structures like dmidecode, or as JSON",
     &RunSmbios});

}  // namespace
}  // namespace hwfp::cli
