// JSON parsing for files an attacker may have written: RapidJSON's
// iterative parser (no recursion, so no stack to exhaust), strict UTF-8,
// and a nesting limit checked while parsing, before any deeper value is
// built. Callers cap the text's size before reading it.

#ifndef HWFP_VAULT_BOUNDED_JSON_H_
#define HWFP_VAULT_BOUNDED_JSON_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "rapidjson/document.h"

namespace hwfp {

// Parses `text` as exactly one JSON value into `document`. Fails with
// kDataLoss, saying what and at which byte offset, when the text is not
// JSON, is not valid UTF-8, escapes a lone UTF-16 surrogate ("\udc00",
// which no UTF-8 text can hold), has anything but white space after the
// value, or nests arrays and objects deeper than `max_depth` (a flat
// object is depth 1).
absl::Status ParseBoundedJson(absl::string_view text, int max_depth,
                              rapidjson::Document& document);

}  // namespace hwfp

#endif  // HWFP_VAULT_BOUNDED_JSON_H_
