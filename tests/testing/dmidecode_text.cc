#include "tests/testing/dmidecode_text.h"

#include <cstdio>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace hwfp::testing {

const DmidecodeField* DmidecodeRecord::Find(absl::string_view key) const {
  for (const DmidecodeField& field : fields) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

std::optional<std::string> DmidecodeRecord::Value(absl::string_view key) const {
  const DmidecodeField* field = Find(key);
  if (field == nullptr) return std::nullopt;
  return field->value;
}

std::vector<const DmidecodeRecord*> DmidecodeText::OfType(int type) const {
  std::vector<const DmidecodeRecord*> found;
  for (const DmidecodeRecord& record : records) {
    if (record.type == type) found.push_back(&record);
  }
  return found;
}

DmidecodeText ParseDmidecodeText(absl::string_view text) {
  DmidecodeText parsed;
  DmidecodeRecord* record = nullptr;
  bool want_title = false;

  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    unsigned handle = 0;
    int type = 0;
    int length = 0;
    const std::string copy(line);
    if (std::sscanf(copy.c_str(), "Handle 0x%X, DMI type %d, %d bytes",
                    &handle, &type, &length) == 3) {
      parsed.records.emplace_back();
      record = &parsed.records.back();
      record->handle = static_cast<uint16_t>(handle);
      record->type = type;
      record->length = length;
      want_title = true;
      continue;
    }
    if (line.empty()) {
      record = nullptr;
      continue;
    }
    if (record == nullptr) {
      if (absl::StartsWith(line, "#")) continue;
      if (absl::EndsWith(line, " present.")) {
        parsed.version_line = copy;
      } else if (!absl::StrContains(line, "structures occupying")) {
        parsed.messages.push_back(copy);
      }
      continue;
    }
    if (want_title) {
      record->title = copy;
      want_title = false;
      continue;
    }
    if (absl::StartsWith(line, "\t\t")) {
      if (record->fields.empty()) record->fields.emplace_back();
      record->fields.back().items.emplace_back(line.substr(2));
      continue;
    }
    absl::string_view body = absl::StripPrefix(line, "\t");
    DmidecodeField field;
    const size_t colon = body.find(':');
    if (colon == absl::string_view::npos) {
      field.key = std::string(body);
    } else {
      field.key = std::string(body.substr(0, colon));
      field.value = std::string(absl::StripPrefix(body.substr(colon + 1), " "));
    }
    record->fields.push_back(std::move(field));
  }
  return parsed;
}

}  // namespace hwfp::testing
