// `hwfp compare SAVED.json CURRENT.json [--threshold N] [--json]`: decides
// whether two hardware hashes describe the same machine, with the rule that
// decided and every key's comparison. Each file is a vault record, the
// output of `hwfp hash --json`, or a plain object of key to value.
//
// The threshold is --threshold when given, else SAVED's own when it is a
// record with an accepted one, else 40. The exit status is 0 whichever way
// the decision goes; it is in the output.

#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "cli/command.h"
#include "cli/decision_output.h"
#include "cli/flags.h"
#include "cli/hash_file.h"
#include "fingerprint/fingerprint.h"
#include "similarity/similarity.h"

namespace hwfp::cli {
namespace {

constexpr char kName[] = "compare";

int RunCompare(absl::Span<const std::string> args) {
  if (args.size() != 2) {
    std::fprintf(stderr,
                 "usage: hwfp compare SAVED.json CURRENT.json "
                 "[--threshold N] [--json]\n");
    return kExitUsage;
  }
  int threshold = absl::GetFlag(FLAGS_threshold);
  if (threshold != 0) {
    if (absl::Status valid = CheckThreshold(threshold); !valid.ok()) {
      PrintError(kName, valid);
      return kExitUsage;
    }
  }

  const absl::StatusOr<HashFile> saved = ReadHashFile(args[0]);
  const absl::StatusOr<HashFile> current =
      saved.ok() ? ReadHashFile(args[1]) : saved;
  for (const absl::Status& status : {saved.status(), current.status()}) {
    if (status.ok()) continue;
    PrintError(kName, status);
    return status.code() == absl::StatusCode::kPermissionDenied
               ? kExitUnreadable
               : kExitUsage;
  }

  if (threshold == 0) {
    threshold =
        saved->threshold.has_value() && IsValidThreshold(*saved->threshold)
            ? *saved->threshold
            : kDefaultSimilarityThreshold;
  }
  const Explanation explanation =
      Explain(saved->values, current->values, threshold,
              IdentityKeyFor(current->values));

  if (absl::GetFlag(FLAGS_json)) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.SetIndent(' ', 2);
    WriteExplanationJson(explanation, writer);
    std::printf("%s\n", buffer.GetString());
  } else {
    std::printf("%s", ExplanationText(explanation).c_str());
  }
  return kExitOk;
}

const CommandRegistrar kRegistrar(
    {kName,
     "explains whether two hardware hashes (JSON files) are the same machine "
     "(--threshold, --json)",
     &RunCompare});

}  // namespace
}  // namespace hwfp::cli
