// Compares the typed decoders with decoded.json, the values go-smbios
// published for the same tables. go-smbios trims spaces and drops the
// "To Be Filled By O.E.M." placeholder, so strings are compared after the
// same normalisation. The fixtures' identifying strings were replaced by
// made-up digit strings independently in the table and in decoded.json;
// a difference where either side is such a made-up value is counted as
// redacted and skipped. Any other difference fails.

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "smbios/records.h"
#include "smbios/sources.h"
#include "tests/testing/fixtures.h"
#include "tests/testing/smbios_builder.h"
#include "tests/testing/temp_dir.h"

namespace hwfp::smbios {
namespace {

class JsonComparison {
 public:
  explicit JsonComparison(const Table& table) : table_(table) {}

  void String(const rapidjson::Value& object, const char* key,
              const SmbiosString& ours) {
    ASSERT_TRUE(object.HasMember(key)) << key;
    const std::string theirs = object[key].GetString();
    const std::string mine = Normalized(ours);
    if (mine == theirs) {
      ++compared_;
    } else if (MadeUp(mine) || MadeUp(theirs)) {
      ++redacted_;
    } else {
      ADD_FAILURE() << key << ": ours '" << mine << "', decoded.json '"
                    << theirs << "'";
    }
  }

  template <typename T>
  void Number(const rapidjson::Value& object, const char* key,
              std::optional<T> ours) {
    ASSERT_TRUE(object.HasMember(key)) << key;
    EXPECT_EQ(static_cast<uint64_t>(ours.value_or(0)),
              object[key].GetUint64())
        << key;
    ++compared_;
  }

  static std::string Normalized(const SmbiosString& s) {
    if (!s.present()) return "";
    const std::string trimmed(absl::StripAsciiWhitespace(s.value));
    return trimmed == "To Be Filled By O.E.M." ? "" : trimmed;
  }

  // The fixtures' replacement serials: digits and dashes, 10 or more.
  static bool MadeUp(const std::string& s) {
    return s.size() >= 10 &&
           s.find_first_not_of("0123456789-") == std::string::npos;
  }

  int compared() const { return compared_; }
  int redacted() const { return redacted_; }

 private:
  const Table& table_;
  int compared_ = 0;
  int redacted_ = 0;
};

const Structure* First(const Table& table, uint8_t type) {
  for (const Structure& s : table.structures()) {
    if (s.type() == type) return &s;
  }
  return nullptr;
}

void Compare(const Table& table, const rapidjson::Document& json,
             JsonComparison& c) {
  const Version& v = table.version();
  EXPECT_EQ(json["Version"]["Major"].GetInt(), v.major);
  EXPECT_EQ(json["Version"]["Minor"].GetInt(), v.minor);

  if (const Structure* s = First(table, 0)) {
    const rapidjson::Value& j = json["BIOSInformation"];
    const BiosInfo b = DecodeBios(*s, nullptr);
    c.String(j, "Vendor", b.vendor);
    c.String(j, "Version", b.version);
    c.String(j, "ReleaseDate", b.release_date);
  }
  if (const Structure* s = First(table, 1)) {
    const rapidjson::Value& j = json["SystemInformation"];
    const SystemInfo info = DecodeSystem(*s, v, nullptr);
    c.String(j, "Manufacturer", info.manufacturer);
    c.String(j, "ProductName", info.product_name);
    c.String(j, "Version", info.version);
    c.String(j, "SerialNumber", info.serial_number);
    EXPECT_EQ(info.uuid, j["UUID"].GetString());
    c.Number(j, "WakeUpType", info.wake_up_type);
    c.String(j, "SKUNumber", info.sku_number);
    c.String(j, "Family", info.family);
  }
  if (const Structure* s = First(table, 2)) {
    const rapidjson::Value& j = json["BaseboardInformation"];
    const BaseboardInfo b = DecodeBaseboard(*s, nullptr);
    c.String(j, "Manufacturer", b.manufacturer);
    c.String(j, "Product", b.product);
    c.String(j, "Version", b.version);
    c.String(j, "SerialNumber", b.serial_number);
    c.String(j, "AssetTag", b.asset_tag);
    c.String(j, "LocationInChassis", b.location_in_chassis);
    c.Number(j, "BoardType", b.board_type);
  }
  if (const Structure* s = First(table, 3)) {
    const rapidjson::Value& j = json["SystemEnclosure"];
    const ChassisInfo ch = DecodeChassis(*s, nullptr);
    c.String(j, "Manufacturer", ch.manufacturer);
    c.String(j, "Version", ch.version);
    c.String(j, "SerialNumber", ch.serial_number);
    c.String(j, "AssetTagNumber", ch.asset_tag);
    c.String(j, "SKUNumber", ch.sku_number);
  }

  const std::vector<const Structure*> cpus = table.OfType(4);
  if (json["ProcessorInformation"].IsArray()) {
    const auto& list = json["ProcessorInformation"].GetArray();
    ASSERT_EQ(list.Size(), cpus.size());
    for (size_t i = 0; i < cpus.size(); ++i) {
      const rapidjson::Value& j = list[i];
      const ProcessorInfo p = DecodeProcessor(*cpus[i], nullptr);
      c.String(j, "SocketDesignation", p.socket_designation);
      c.String(j, "ProcessorManufacturer", p.manufacturer);
      c.String(j, "ProcessorVersion", p.version);
      c.Number(j, "MaxSpeed", p.max_speed_mhz);
      c.Number(j, "CurrentSpeed", p.current_speed_mhz);
      c.Number(j, "Status", p.status);
      c.String(j, "SerialNumber", p.serial_number);
      c.String(j, "AssetTag", p.asset_tag);
      c.String(j, "PartNumber", p.part_number);
      c.Number(j, "CoreCount", p.core_count);
      c.Number(j, "CoreEnabled", p.core_enabled);
      c.Number(j, "ThreadCount", p.thread_count);
    }
  }

  if (const Structure* s = First(table, 16)) {
    const rapidjson::Value& j = json["PhysicalMemoryArray"];
    const MemoryArray a = DecodeMemoryArray(*s);
    c.Number(j, "Location", a.location);
    c.Number(j, "Use", a.use);
    c.Number(j, "MemoryErrorCorrection", a.error_correction);
    c.Number(j, "MaximumCapacity", a.maximum_capacity_kb);
    c.Number(j, "MemoryErrorInformationHandle", a.error_information_handle);
    c.Number(j, "NumberOfMemoryDevices", a.device_count);
    c.Number(j, "ExtendedMaximumCapacity", a.extended_maximum_capacity);
  }

  const std::vector<const Structure*> dimms = table.OfType(17);
  if (json["MemoryDevices"].IsArray()) {
    const auto& list = json["MemoryDevices"].GetArray();
    ASSERT_EQ(list.Size(), dimms.size());
    for (size_t i = 0; i < dimms.size(); ++i) {
      const rapidjson::Value& j = list[i];
      const MemoryDevice d = DecodeMemoryDevice(*dimms[i], nullptr);
      c.Number(j, "PhysicalMemoryArrayHandle", d.array_handle);
      c.Number(j, "MemoryErrorInformationHandle", d.error_information_handle);
      c.Number(j, "TotalWidth", d.total_width);
      c.Number(j, "DataWidth", d.data_width);
      c.Number(j, "Size", d.size);
      c.Number(j, "FormFactor", d.form_factor);
      c.String(j, "DeviceLocator", d.device_locator);
      c.String(j, "BankLocator", d.bank_locator);
      c.Number(j, "MemoryType", d.memory_type);
      // go-smbios keeps only the low byte of this word field.
      c.Number(j, "TypeDetail",
               std::optional<uint16_t>(d.type_detail.value_or(0) & 0xFF));
      c.Number(j, "Speed", d.speed);
      c.String(j, "Manufacturer", d.manufacturer);
      c.String(j, "SerialNumber", d.serial_number);
      c.String(j, "AssetTag", d.asset_tag);
      c.String(j, "PartNumber", d.part_number);
      c.Number(j, "Attributes", d.attributes);
      c.Number(j, "ExtendedSize", d.extended_size);
      c.Number(j, "ConfiguredMemorySpeed", d.configured_speed);
      c.Number(j, "MinimumVoltage", d.minimum_voltage);
      c.Number(j, "MaximumVoltage", d.maximum_voltage);
      c.Number(j, "ConfiguredVoltage", d.configured_voltage);
    }
  }
}

TEST(DecodedJsonTest, TypedFieldsEqualGoSmbios) {
  const std::optional<std::string> dir = hwfp::testing::FixturesDir();
  if (!dir) GTEST_SKIP() << hwfp::testing::kNoFixtures;

  int tables = 0;
  for (const char* name :
       {"asrock-single-ryzen", "dell-poweredge-r630-dual-xeon",
        "dell-precision-3620", "generic-smbios27", "hyperv",
        "supermicro-quad-opteron"}) {
    SCOPED_TRACE(name);
    const std::string folder = absl::StrCat(*dir, "/smbios/", name);
    const std::string text =
        hwfp::testing::ReadTestFile(folder + "/decoded.json");
    if (text.empty()) continue;  // go-smbios published none for this one.
    rapidjson::Document json;
    json.Parse(text.c_str());
    ASSERT_FALSE(json.HasParseError());
    absl::StatusOr<Table> table = ReadDumpFile(folder + "/dump.bin");
    ASSERT_TRUE(table.ok()) << table.status();

    JsonComparison c(*table);
    Compare(*table, json, c);
    EXPECT_GT(c.compared(), 15);
    std::printf("%s: %d values equal, %d redacted strings skipped\n", name,
                c.compared(), c.redacted());
    ++tables;
  }
  EXPECT_EQ(tables, 4);
}

}  // namespace
}  // namespace hwfp::smbios
