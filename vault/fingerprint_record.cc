#include "vault/fingerprint_record.h"

#include <climits>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "vault/bounded_json.h"

namespace hwfp {
namespace {

// A record nests two levels; unknown fields get some room.
constexpr int kMaxRecordDepth = 8;

using Value = rapidjson::Value;
using Writer = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>,
                                 rapidjson::UTF8<>, rapidjson::CrtAllocator,
                                 rapidjson::kWriteValidateEncodingFlag>;

std::string StringOf(const Value& value) {
  return std::string(value.GetString(), value.GetStringLength());
}

absl::StatusOr<std::string> ReadString(const Value& value,
                                       absl::string_view field) {
  if (value.IsNull()) return std::string();
  if (!value.IsString()) {
    return absl::DataLossError(absl::StrCat("\"", field, "\" is not a string"));
  }
  return StringOf(value);
}

absl::Status ReadHash(const Value& value,
                      std::map<std::string, std::string>& hash) {
  hash.clear();
  if (value.IsNull()) return absl::OkStatus();
  if (!value.IsObject()) {
    return absl::DataLossError("\"hardwareHash\" is not an object");
  }
  for (const auto& member : value.GetObject()) {
    const std::string key = StringOf(member.name);
    if (!member.value.IsString() && !member.value.IsNull()) {
      return absl::DataLossError(absl::StrCat(
          "hardwareHash \"", absl::CHexEscape(key), "\" is not a string"));
    }
    hash[key] = member.value.IsNull() ? "" : StringOf(member.value);
  }
  return absl::OkStatus();
}

absl::Status ReadThreshold(const Value& value, int& threshold) {
  if (value.IsNull()) {
    threshold = 0;
    return absl::OkStatus();
  }
  if (!value.IsInt64()) {
    return absl::DataLossError("\"similarityThreshold\" is not an integer");
  }
  const int64_t wide = value.GetInt64();
  if (wide < INT_MIN || wide > INT_MAX) {
    return absl::DataLossError(
        absl::StrCat("\"similarityThreshold\" ", wide, " is out of range"));
  }
  threshold = static_cast<int>(wide);
  return absl::OkStatus();
}

// Fills the record's fields, and the previous record's when `previous` is
// given, from a parsed object. Go's decoder matches names regardless of
// case and keeps the last of repeated fields; so does this.
absl::Status ReadFields(const Value& object, FingerprintRecord& record,
                        PreviousFingerprint* previous) {
  if (!object.IsObject()) return absl::DataLossError("not a JSON object");
  for (const auto& member : object.GetObject()) {
    const absl::string_view name(member.name.GetString(),
                                 member.name.GetStringLength());
    const Value& value = member.value;
    absl::Status status;
    if (absl::EqualsIgnoreCase(name, "fingerprint")) {
      absl::StatusOr<std::string> text = ReadString(value, "fingerprint");
      if (!text.ok()) return text.status();
      record.fingerprint = *std::move(text);
    } else if (absl::EqualsIgnoreCase(name, "hardwareHash")) {
      status = ReadHash(value, record.hardware_hash);
    } else if (absl::EqualsIgnoreCase(name, "similarityThreshold")) {
      status = ReadThreshold(value, record.similarity_threshold);
    } else if (previous != nullptr) {
      std::string* field = nullptr;
      if (absl::EqualsIgnoreCase(name, "replacedAt")) {
        field = &previous->replaced_at;
      } else if (absl::EqualsIgnoreCase(name, "replacedBy")) {
        field = &previous->replaced_by;
      } else if (absl::EqualsIgnoreCase(name, "reason")) {
        field = &previous->reason;
      }
      if (field != nullptr) {
        absl::StatusOr<std::string> text = ReadString(value, name);
        if (!text.ok()) return text.status();
        *field = *std::move(text);
      }
    }
    if (!status.ok()) return status;
  }
  if (!record.fingerprint.empty() && !IsUuidText(record.fingerprint)) {
    return absl::DataLossError(
        absl::StrCat("\"fingerprint\" \"",
                     absl::CHexEscape(record.fingerprint.substr(0, 64)),
                     "\" is not a UUID"));
  }
  return absl::OkStatus();
}

absl::Status ParseRecordText(absl::string_view text, FingerprintRecord& record,
                             PreviousFingerprint* previous) {
  rapidjson::Document document;
  if (absl::Status parsed = ParseBoundedJson(text, kMaxRecordDepth, document);
      !parsed.ok()) {
    return parsed;
  }
  return ReadFields(document, record, previous);
}

bool WriteString(Writer& writer, absl::string_view text) {
  return writer.String(text.data(),
                       static_cast<rapidjson::SizeType>(text.size()));
}

bool WriteRecordFields(Writer& writer, const FingerprintRecord& record) {
  bool ok = writer.Key("fingerprint") &&
            WriteString(writer, record.fingerprint) &&
            writer.Key("hardwareHash") && writer.StartObject();
  for (const auto& [key, value] : record.hardware_hash) {
    ok = ok && WriteString(writer, key) && WriteString(writer, value);
  }
  return ok && writer.EndObject() && writer.Key("similarityThreshold") &&
         writer.Int(record.similarity_threshold);
}

absl::StatusOr<std::string> Finish(bool ok,
                                   const rapidjson::StringBuffer& buffer) {
  if (!ok) {
    return absl::InvalidArgumentError(
        "the record holds a string that is not valid UTF-8");
  }
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

bool IsUuidText(absl::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
    if (hyphen ? text[i] != '-' : !absl::ascii_isxdigit(text[i])) {
      return false;
    }
  }
  return true;
}

absl::StatusOr<FingerprintRecord> ParseFingerprintRecord(
    absl::string_view text) {
  FingerprintRecord record;
  if (absl::Status status = ParseRecordText(text, record, nullptr);
      !status.ok()) {
    return status;
  }
  return record;
}

absl::StatusOr<std::string> SerializeFingerprintRecord(
    const FingerprintRecord& record) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  const bool ok = writer.StartObject() && WriteRecordFields(writer, record) &&
                  writer.EndObject();
  return Finish(ok, buffer);
}

absl::StatusOr<PreviousFingerprint> ParsePreviousFingerprint(
    absl::string_view text) {
  PreviousFingerprint previous;
  if (absl::Status status = ParseRecordText(text, previous.record, &previous);
      !status.ok()) {
    return status;
  }
  return previous;
}

absl::StatusOr<std::string> SerializePreviousFingerprint(
    const PreviousFingerprint& previous) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  const bool ok =
      writer.StartObject() && WriteRecordFields(writer, previous.record) &&
      writer.Key("replacedAt") && WriteString(writer, previous.replaced_at) &&
      writer.Key("replacedBy") && WriteString(writer, previous.replaced_by) &&
      writer.Key("reason") && WriteString(writer, previous.reason) &&
      writer.EndObject();
  return Finish(ok, buffer);
}

}  // namespace hwfp
