// Every real table in the shared fixtures, handed over the way Windows'
// GetSystemFirmwareTable('RSMB') hands a table out, gives the firmware
// keys and system UUID below. The values were computed by the Linux build
// (OpenSSL's MD5) and are checked by every build, so the Windows build
// under wine (CNG's MD5, mingw's code) passing this test proves that both
// platforms hash the same tables to the same keys.

#include <cstdint>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "collectors/hardware_hash.h"
#include "collectors/smbios_keys.h"
#include "collectors/system_uuid.h"
#include "gtest/gtest.h"
#include "smbios/entry_point.h"
#include "smbios/sources.h"
#include "tests/testing/fixtures.h"
#include "tests/testing/smbios_builder.h"
#include "tests/testing/test_files.h"

namespace hwfp {
namespace {

struct Expected {
  const char* table;
  std::map<std::string, std::string> values;
};

const Expected kExpected[] = {
    {"asrock-single-ryzen",
     {{"bios-hash", "fQKixT/adP/5SAdvhnPE1Q=="},
      {"memory-hash", "iyf4ln/+xMl8xjlpbySxow=="},
      {"processor-hash", "+8qWctm/HjPMpsuSJza9FQ=="},
      {"system-hash", "SXO3IH160bqGTwDZ3T66yA=="},
      {"uuid", "1AF72E79-759C-96C6-6FCD-04B995C55C1B"}}},
    {"dell-poweredge-r630-dual-xeon",
     {{"bios-hash", "RRJRy/t7GkHMORdAVTvzzw=="},
      {"memory-hash", "kshOUbprycLjddth9YGPhg=="},
      {"processor-hash", "xCBQc41Ho9zbEii6TvKmIA=="},
      {"system-hash", "QRLrW2v5hxg+hhRv8ngZ3A=="},
      {"uuid", "44EF17F3-A57C-E6D8-7437-66C7277D8796"}}},
    {"dell-precision-3620",
     {{"bios-hash", "6zxaW97yX7K+q0Dgn+zOYA=="},
      {"memory-hash", "Qau9WjnGt6c/J5NQHEuT4Q=="},
      {"processor-hash", "2fQF41fHa2hdgdFpDFQRZw=="},
      {"system-hash", "Hf1YNCPsZv2lsqTEA187KA=="},
      {"uuid", "DA3369DD-B017-4207-8319-B0C52CF21C1E"}}},
    {"generic-smbios27",
     {{"bios-hash", "WamhqxXSgG+arUBo9msChg=="},
      {"memory-hash", "EdNTettUV7t+fTjda86dRQ=="},
      {"processor-hash", "fu47tbdpp69T68Y2aaRMJQ=="},
      {"system-hash", "5ifKJOD4LeSKjakPJ4APtw=="},
      {"uuid", "CB37ADA7-11DD-81F7-CC07-EED603732ED3"}}},
    // Zero padding ends Hyper-V's table before any processor or memory
    // structure (dmidecode stops there too): those two keys are empty.
    {"hyperv",
     {{"bios-hash", "RFJ0dD+rk5/hL+zBI4ixEQ=="},
      {"memory-hash", ""},
      {"processor-hash", ""},
      {"system-hash", "GiinxDhrdPe+JXG9VYI2rQ=="},
      {"uuid", "C03A66A7-C4E1-DA99-107D-9ADBD064800F"}}},
    {"supermicro-quad-opteron",
     {{"bios-hash", "TG2kqg0D0BfQXqtpsbm0bQ=="},
      {"memory-hash", "7KCQtDa5OleXBHgQhwa2Og=="},
      {"processor-hash", "qKnMrEVEpFHhqyGR4LCWCA=="},
      {"system-hash", "MzwQcNPnwqkxzxPmV0Gs4g=="},
      {"uuid", "7ABC3965-2C70-4E29-AC90-A7D489A16E43"}}},
};

// RawSMBIOSData: Used20CallingMethod, major, minor, DMI revision, a dword
// length, then the structure table exactly as Linux exposes it in DMI.
std::string RawSmbiosData(const smbios::Version& version,
                          const std::string& table) {
  std::string raw = {0, static_cast<char>(version.major),
                     static_cast<char>(version.minor),
                     static_cast<char>(version.docrev)};
  const uint32_t size = static_cast<uint32_t>(table.size());
  for (int i = 0; i < 4; ++i) raw.push_back(static_cast<char>(size >> 8 * i));
  return raw + table;
}

TEST(RsmbFixtureKeysTest, EveryFixtureTableGivesTheLinuxValues) {
  const std::optional<std::string> dir = hwfp::testing::FixturesDir();
  if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;

  for (const Expected& expected : kExpected) {
    SCOPED_TRACE(expected.table);
    const std::string folder = absl::StrCat(*dir, "/smbios/", expected.table);
    const std::string entry_bytes =
        hwfp::testing::ReadTestFile(folder + "/smbios_entry_point");
    const std::string table_bytes = hwfp::testing::ReadTestFile(folder + "/DMI");
    // An unreadable fixture is a failure here, never a skip.
    ASSERT_FALSE(table_bytes.empty()) << folder << "/DMI";
    const absl::StatusOr<smbios::EntryPoint> entry =
        smbios::ParseEntryPoint(entry_bytes, folder + "/smbios_entry_point");
    ASSERT_TRUE(entry.ok()) << entry.status();

    const absl::StatusOr<smbios::Table> table = smbios::ParseRawSmbiosData(
        RawSmbiosData(entry->version, table_bytes), "RSMB");
    ASSERT_TRUE(table.ok()) << table.status();

    std::map<std::string, std::string> values = SmbiosKeys(*table).values;
    values[kUuidKey] = CollectSystemUuid(*table).value;
    for (const auto& [key, value] : values) {
      EXPECT_EQ(value, expected.values.count(key) ? expected.values.at(key)
                                                  : "<missing>")
          << "{\"" << key << "\", \"" << value << "\"},";
    }
    EXPECT_EQ(values.size(), expected.values.size());
  }
}

}  // namespace
}  // namespace hwfp
