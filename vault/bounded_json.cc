#include "vault/bounded_json.h"

#include <cstddef>

#include "absl/strings/str_cat.h"
#include "rapidjson/encodedstream.h"
#include "rapidjson/error/en.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"

namespace hwfp {
namespace {

using rapidjson::SizeType;

// Returns true when `text` holds a UTF-16 surrogate encoded as UTF-8 (ED A0
// to ED BF), which is not a character. The input is validated as UTF-8, but
// RapidJSON 1.1.0 turns a \u escape of a lone low surrogate ("\udc00")
// into those bytes unchecked; a string holding them cannot be written back
// as JSON that reads again.
bool HasEncodedSurrogate(const char* text, SizeType length) {
  for (SizeType i = 0; i + 1 < length; ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xED &&
        static_cast<unsigned char>(text[i + 1]) >= 0xA0) {
      return true;
    }
  }
  return false;
}

// Forwards every SAX event to the document being built, refusing to open a
// container beyond the depth limit.
class DepthLimitedHandler {
 public:
  DepthLimitedHandler(rapidjson::Document& document, int max_depth)
      : document_(document), max_depth_(max_depth) {}

  bool too_deep() const { return too_deep_; }
  bool lone_surrogate() const { return lone_surrogate_; }

  bool Null() { return document_.Null(); }
  bool Bool(bool b) { return document_.Bool(b); }
  bool Int(int i) { return document_.Int(i); }
  bool Uint(unsigned u) { return document_.Uint(u); }
  bool Int64(int64_t i) { return document_.Int64(i); }
  bool Uint64(uint64_t u) { return document_.Uint64(u); }
  bool Double(double d) { return document_.Double(d); }
  bool RawNumber(const char* text, SizeType length, bool copy) {
    return document_.RawNumber(text, length, copy);
  }
  bool String(const char* text, SizeType length, bool copy) {
    return Characters(text, length) && document_.String(text, length, copy);
  }
  bool Key(const char* text, SizeType length, bool copy) {
    return Characters(text, length) && document_.Key(text, length, copy);
  }
  bool StartObject() { return Enter() && document_.StartObject(); }
  bool EndObject(SizeType members) {
    --depth_;
    return document_.EndObject(members);
  }
  bool StartArray() { return Enter() && document_.StartArray(); }
  bool EndArray(SizeType elements) {
    --depth_;
    return document_.EndArray(elements);
  }

 private:
  bool Characters(const char* text, SizeType length) {
    if (!HasEncodedSurrogate(text, length)) return true;
    lone_surrogate_ = true;
    return false;
  }

  bool Enter() {
    if (++depth_ <= max_depth_) return true;
    too_deep_ = true;
    return false;
  }

  rapidjson::Document& document_;
  const int max_depth_;
  int depth_ = 0;
  bool too_deep_ = false;
  bool lone_surrogate_ = false;
};

constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

}  // namespace

absl::Status ParseBoundedJson(absl::string_view text, int max_depth,
                              rapidjson::Document& document) {
  rapidjson::MemoryStream memory(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream>
      stream(memory);
  rapidjson::Reader reader;
  DepthLimitedHandler handler(document, max_depth);
  bool too_deep = false;
  bool lone_surrogate = false;

  // Populate hands the generator the document's own value stack and keeps
  // the root only when the generator succeeds.
  auto generate = [&](rapidjson::Document&) {
    const bool parsed = !reader.Parse<kParseFlags>(stream, handler).IsError();
    too_deep = handler.too_deep();
    lone_surrogate = handler.lone_surrogate();
    return parsed;
  };
  document.Populate(generate);

  if (too_deep) {
    return absl::DataLossError(absl::StrCat("JSON nests deeper than ",
                                            max_depth, " levels at byte ",
                                            reader.GetErrorOffset()));
  }
  if (lone_surrogate) {
    return absl::DataLossError(absl::StrCat(
        "not JSON: a \\u escape names a lone UTF-16 surrogate, not a "
        "character, in the string ending at byte ",
        reader.GetErrorOffset()));
  }
  if (reader.HasParseError()) {
    return absl::DataLossError(absl::StrCat(
        "not JSON: ", rapidjson::GetParseError_En(reader.GetParseErrorCode()),
        " at byte ", reader.GetErrorOffset()));
  }
  // RapidJSON reads a zero byte as the end of the text; anything after one
  // is not JSON.
  if (stream.Tell() != text.size()) {
    return absl::DataLossError(
        absl::StrCat("not JSON: a zero byte at byte ", stream.Tell()));
  }
  return absl::OkStatus();
}

}  // namespace hwfp
