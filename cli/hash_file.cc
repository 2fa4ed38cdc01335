// 64-bit file sizes and directory offsets on 32-bit ARM too: without them
// fstat and readdir fail with EOVERFLOW on large files and file systems.
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif

#include "cli/hash_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "cli/open_file.h"
#include "rapidjson/document.h"
#include "vault/bounded_json.h"
#include "vault/capped_read.h"

namespace hwfp::cli {
namespace {

constexpr int kMaxHashFileDepth = 8;

absl::Status ReadMap(const rapidjson::Value& object,
                     std::map<std::string, std::string>& values) {
  for (const auto& member : object.GetObject()) {
    const std::string key(member.name.GetString(),
                          member.name.GetStringLength());
    if (member.value.IsNull()) {
      values[key] = "";
    } else if (member.value.IsString()) {
      values[key] =
          std::string(member.value.GetString(), member.value.GetStringLength());
    } else {
      return absl::DataLossError(absl::StrCat(
          "the value of \"", absl::CHexEscape(key), "\" is not a string"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<HashFile> ParseHashFile(absl::string_view text) {
  rapidjson::Document document;
  if (absl::Status parsed = ParseBoundedJson(text, kMaxHashFileDepth, document);
      !parsed.ok()) {
    return parsed;
  }
  if (!document.IsObject()) {
    return absl::DataLossError("not a JSON object");
  }

  HashFile file;
  const auto hash = document.FindMember("hardwareHash");
  if (hash == document.MemberEnd()) {
    if (absl::Status read = ReadMap(document, file.values); !read.ok()) {
      return read;
    }
    return file;
  }
  if (!hash->value.IsObject()) {
    return absl::DataLossError("\"hardwareHash\" is not an object");
  }
  if (absl::Status read = ReadMap(hash->value, file.values); !read.ok()) {
    return read;
  }
  const auto threshold = document.FindMember("similarityThreshold");
  if (threshold != document.MemberEnd()) {
    if (!threshold->value.IsInt()) {
      return absl::DataLossError("\"similarityThreshold\" is not an integer");
    }
    file.threshold = threshold->value.GetInt();
  }
  return file;
}

absl::StatusOr<HashFile> ReadHashFile(const std::string& path) {
  auto failed = [&](absl::StatusCode code, absl::string_view why) {
    return absl::Status(code, absl::StrCat(path, ": ", why));
  };
  const int fd = OpenForReading(path);
  if (fd < 0) {
    return failed(errno == ENOENT ? absl::StatusCode::kNotFound
                                  : absl::StatusCode::kPermissionDenied,
                  std::strerror(errno));
  }
  struct stat info;
  if (fstat(fd, &info) != 0) {
    const int error = errno;
    close(fd);
    return failed(absl::StatusCode::kPermissionDenied, std::strerror(error));
  }
  if (!S_ISREG(info.st_mode)) {
    close(fd);
    return failed(absl::StatusCode::kInvalidArgument, "not a regular file");
  }
  if (static_cast<uint64_t>(info.st_size) > kMaxHashFileBytes) {
    close(fd);
    return failed(
        absl::StatusCode::kInvalidArgument,
        absl::StrCat("is ", info.st_size, " bytes, more than the ",
                     kMaxHashFileBytes, " a hardware hash file may hold"));
  }
  std::string text;
  const int read_error = ReadCapped(fd, static_cast<size_t>(info.st_size),
                                    kMaxHashFileBytes, text);
  close(fd);
  // A failed read is not an empty or cut-off file: say so rather than
  // report the JSON the failure left behind.
  if (read_error != 0) {
    return failed(absl::StatusCode::kPermissionDenied,
                  absl::StrCat("cannot be read: ", std::strerror(read_error)));
  }
  // The file may grow after fstat.
  if (text.size() > kMaxHashFileBytes) {
    return failed(absl::StatusCode::kInvalidArgument, "grew while read");
  }

  absl::StatusOr<HashFile> file = ParseHashFile(text);
  if (!file.ok()) return failed(file.status().code(), file.status().message());
  return file;
}

}  // namespace hwfp::cli
