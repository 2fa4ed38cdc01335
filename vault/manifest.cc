#include "vault/manifest.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "vault/bounded_json.h"

namespace hwfp {
namespace {

// An object of strings needs one level; a little slack costs nothing.
constexpr int kMaxManifestDepth = 4;

// Splits a path into its components, dropping empty and "." ones. Both
// separators count: a vault written on Windows names its files
// "C:\ProgramData\hwfp\vault\Store\NAME".
std::vector<absl::string_view> Components(absl::string_view path) {
  std::vector<absl::string_view> parts;
  for (absl::string_view part :
       absl::StrSplit(path, absl::ByAnyChar("/\\"))) {
    if (!part.empty() && part != ".") parts.push_back(part);
  }
  return parts;
}

bool IsSeparator(char c) { return c == '/' || c == '\\'; }

// "/..." and "\\..." (POSIX, UNC) or "C:\..." (a Windows drive).
bool IsAbsolutePath(absl::string_view path) {
  if (!path.empty() && IsSeparator(path[0])) return true;
  return path.size() >= 3 && absl::ascii_isalpha(path[0]) && path[1] == ':' &&
         IsSeparator(path[2]);
}

}  // namespace

bool IsStoreFileName(absl::string_view name) {
  return !name.empty() && name.size() <= 255 && name[0] != '.' &&
         !absl::StrContains(name, '/') && !absl::StrContains(name, '\\') &&
         !absl::StrContains(name, absl::string_view("\0", 1));
}

absl::StatusOr<Manifest> ParseManifest(absl::string_view text) {
  rapidjson::Document document;
  if (absl::Status parsed = ParseBoundedJson(text, kMaxManifestDepth, document);
      !parsed.ok()) {
    return parsed;
  }
  Manifest manifest;
  if (document.IsNull()) return manifest;
  if (!document.IsObject()) {
    return absl::DataLossError("not a JSON object of key to path");
  }
  for (const auto& member : document.GetObject()) {
    const std::string key(member.name.GetString(),
                          member.name.GetStringLength());
    if (!member.value.IsString()) {
      return absl::DataLossError(absl::StrCat("the entry for \"",
                                              absl::CHexEscape(key),
                                              "\" is not a string path"));
    }
    // Repeated keys: the last wins, as in the reference agent.
    manifest[key] =
        std::string(member.value.GetString(), member.value.GetStringLength());
  }
  return manifest;
}

std::string SerializeManifest(const Manifest& manifest) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& [key, path] : manifest) {
    writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    writer.String(path.data(), static_cast<rapidjson::SizeType>(path.size()));
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

absl::StatusOr<std::string> StoreFileNameOf(
    absl::string_view key, absl::string_view path,
    absl::Span<const std::string> vault_roots) {
  auto refuse = [&](absl::string_view why) {
    return absl::FailedPreconditionError(
        absl::StrCat("the Manifest entry \"", absl::CHexEscape(key),
                     "\" names \"", absl::CHexEscape(path), "\", ", why,
                     "; hwfp reads only files in this vault's Store folder"));
  };

  const std::vector<absl::string_view> parts = Components(path);
  for (absl::string_view part : parts) {
    if (part == "..") return refuse("which climbs out with \"..\"");
  }
  const bool in_store =
      parts.size() >= 2 && parts[parts.size() - 2] == kStoreFolderName;

  if (IsAbsolutePath(path)) {
    bool inside = false;
    if (in_store) {
      const std::string root =
          absl::StrCat("/", absl::StrJoin(parts.begin(), parts.end() - 2, "/"));
      for (const std::string& vault_root : vault_roots) {
        inside = inside ||
                 root == absl::StrCat(
                             "/", absl::StrJoin(Components(vault_root), "/"));
      }
    }
    if (!inside) return refuse("outside this vault");
  } else if (!in_store || parts.size() != 2) {
    return refuse("which is not Store/NAME");
  }

  const absl::string_view name = parts.back();
  if (!IsStoreFileName(name)) {
    return refuse("whose file name hwfp does not accept");
  }
  return std::string(name);
}

std::string ManifestPathFor(absl::string_view vault_root,
                            absl::string_view name) {
  // A Windows root ("C:\ProgramData\hwfp\vault") gets Windows separators.
  const char* separator =
      absl::StrContains(vault_root, '\\') && !absl::StrContains(vault_root, '/')
          ? "\\"
          : "/";
  const bool at_root = !vault_root.empty() && IsSeparator(vault_root.back());
  return absl::StrCat(vault_root, at_root ? "" : separator, kStoreFolderName,
                      separator, name);
}

}  // namespace hwfp
