#include "tests/testing/test_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace hwfp::testing {

bool WriteTestFile(const std::string& path, const std::string& content,
                   int mode) {
  std::error_code error;
  std::filesystem::remove(path, error);
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file.write(content.data(), content.size())) return false;
    file.close();
    if (!file) return false;
  }
  std::filesystem::permissions(path, static_cast<std::filesystem::perms>(mode),
                               error);
  return !error;
}

bool MakeFolders(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  return std::filesystem::is_directory(path, error);
}

std::string ReadTestFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

}  // namespace hwfp::testing
