#include "cli/decision_output.h"

#include <cmath>
#include <cstdio>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/command.h"

namespace hwfp::cli {

std::string ExplanationText(const Explanation& explanation) {
  const Verdict& verdict = explanation.verdict;
  std::string description = DescribeVerdict(verdict);
  // The description ends in ": similar" or ": not similar"; lead with it.
  const size_t colon = description.rfind(": ");
  std::string text = absl::StrCat(
      verdict.similar ? "similar" : "not similar", ": ",
      colon == std::string::npos ? description : description.substr(0, colon),
      "\n");
  for (const KeyComparison& key : explanation.keys) {
    absl::StrAppend(&text, "  ",
                    absl::StrFormat("%-8s", KeyChangeName(key.change)), " ",
                    absl::CEscape(key.key));
    switch (key.change) {
      case KeyChange::kMatched:
        break;
      case KeyChange::kChanged:
        absl::StrAppend(&text, ": \"", absl::CEscape(key.saved), "\" -> \"",
                        absl::CEscape(key.current), "\"");
        break;
      case KeyChange::kAdded:
        absl::StrAppend(&text, ": \"", absl::CEscape(key.current), "\"");
        break;
      case KeyChange::kRemoved:
        absl::StrAppend(&text, ": \"", absl::CEscape(key.saved), "\"");
        break;
    }
    absl::StrAppend(&text, "\n");
  }
  return text;
}

void WriteStringJson(const std::string& text, JsonWriter& writer) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void WriteMapJson(const std::map<std::string, std::string>& values,
                  JsonWriter& writer) {
  writer.StartObject();
  for (const auto& [key, value] : values) {
    writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    WriteStringJson(value, writer);
  }
  writer.EndObject();
}

void WriteExplanationJson(const Explanation& explanation, JsonWriter& writer) {
  const Verdict& verdict = explanation.verdict;
  writer.StartObject();
  writer.Key("similar");
  writer.Bool(verdict.similar);
  writer.Key("rule");
  WriteStringJson(std::string(SimilarityRuleName(verdict.rule)), writer);
  writer.Key("description");
  WriteStringJson(DescribeVerdict(verdict), writer);
  writer.Key("identityKey");
  WriteStringJson(std::string(IdentityKeyName(verdict.identity)), writer);
  writer.Key("threshold");
  writer.Int(verdict.threshold);
  writer.Key("matched");
  writer.Int(verdict.matched);
  writer.Key("compared");
  writer.Int(verdict.compared);
  // Rounded down, so a percentage just under the threshold never prints as
  // the threshold itself.
  writer.Key("percentage");
  writer.Double(std::floor(double{verdict.percentage} * 100) / 100);
  writer.Key("keys");
  writer.StartObject();
  for (const KeyComparison& key : explanation.keys) {
    writer.Key(key.key.data(),
               static_cast<rapidjson::SizeType>(key.key.size()));
    writer.StartObject();
    writer.Key("change");
    WriteStringJson(std::string(KeyChangeName(key.change)), writer);
    if (key.change != KeyChange::kAdded) {
      writer.Key("saved");
      WriteStringJson(key.saved, writer);
    }
    if (key.change != KeyChange::kRemoved) {
      writer.Key("current");
      WriteStringJson(key.current, writer);
    }
    writer.EndObject();
  }
  writer.EndObject();
  writer.EndObject();
}

void WriteRecordJson(const FingerprintRecord& record, JsonWriter& writer) {
  writer.StartObject();
  writer.Key("fingerprint");
  WriteStringJson(record.fingerprint, writer);
  writer.Key("hardwareHash");
  WriteMapJson(record.hardware_hash, writer);
  writer.Key("similarityThreshold");
  writer.Int(record.similarity_threshold);
  writer.EndObject();
}

int VaultExitStatus(const absl::Status& status) {
  return status.code() == absl::StatusCode::kPermissionDenied ? kExitUnreadable
                                                              : kExitVault;
}

void PrintError(const char* command, const absl::Status& status) {
  std::fprintf(stderr, "hwfp %s: %s\n", command,
               std::string(status.message()).c_str());
}

}  // namespace hwfp::cli
