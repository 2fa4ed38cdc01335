// How hwfp prints a similarity decision, a hardware hash and the vault's
// records, as text for people and JSON for programs; shared by
// `hwfp fingerprint`, `hwfp compare` and `hwfp vault`.

#ifndef HWFP_CLI_DECISION_OUTPUT_H_
#define HWFP_CLI_DECISION_OUTPUT_H_

#include <map>
#include <string>

#include "absl/status/status.h"
#include "rapidjson/prettywriter.h"
#include "rapidjson/stringbuffer.h"
#include "similarity/similarity.h"
#include "vault/fingerprint_record.h"

namespace hwfp::cli {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// Returns the decision and one line per key, values C-escaped:
//
//   similar: ipaddress-info changed; 8 of 9 keys match (88.8%), threshold 40
//     matched  bios-hash
//     changed  ipaddress-info: "10.0.4.17" -> "10.0.9.3"
std::string ExplanationText(const Explanation& explanation);

// Writes the decision as one JSON object: similar, rule, description,
// identityKey, threshold, matched, compared, percentage (rounded down to
// hundredths) and keys (key -> {change, saved, current}).
void WriteExplanationJson(const Explanation& explanation, JsonWriter& writer);

// Writes `values` as a JSON object of strings.
void WriteMapJson(const std::map<std::string, std::string>& values,
                  JsonWriter& writer);

// Writes `text` as a JSON string.
void WriteStringJson(const std::string& text, JsonWriter& writer);

// Writes a record as {"fingerprint", "hardwareHash", "similarityThreshold"}
// (the reference agent's field names).
void WriteRecordJson(const FingerprintRecord& record, JsonWriter& writer);

// Returns the process exit status for a failed vault operation:
// kExitUnreadable when permission was denied, else kExitVault.
int VaultExitStatus(const absl::Status& status);

// Prints "hwfp COMMAND: MESSAGE" on stderr.
void PrintError(const char* command, const absl::Status& status);

}  // namespace hwfp::cli

#endif  // HWFP_CLI_DECISION_OUTPUT_H_
