// /proc/cpuinfo parsing and the processor identity: the stable fields per
// architecture, the 32-bit ARM layouts old and new, and nothing that moves
// on its own.

#include "collectors/cpuinfo.h"

#include <string>

#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"

namespace hwfp {
namespace {

constexpr char kX86[] =
    "processor\t: 0\n"
    "vendor_id\t: GenuineIntel\n"
    "cpu family\t: 6\n"
    "model\t\t: 143\n"
    "model name\t: Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz\n"
    "stepping\t: 8\n"
    "microcode\t: 0x2b000461\n"
    "cpu MHz\t\t: 2699.998\n"
    "flags\t\t: fpu vme de pse tsc\n"
    "bogomips\t: 5399.99\n"
    "power management:\n"
    "\n"
    "processor\t: 1\n"
    "vendor_id\t: GenuineIntel\n"
    "cpu family\t: 6\n"
    "model\t\t: 143\n"
    "model name\t: Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz\n"
    "stepping\t: 8\n"
    "microcode\t: 0x2b000461\n"
    "cpu MHz\t\t: 2701.113\n"
    "flags\t\t: fpu vme de pse tsc\n"
    "bogomips\t: 5399.99\n"
    "\n";

TEST(ParseCpuInfoTest, SplitsCpusAndKeepsEmptyValues) {
  const CpuInfo info = ParseCpuInfo(kX86);
  ASSERT_EQ(info.cpus.size(), 2u);
  EXPECT_TRUE(info.machine.empty());
  EXPECT_EQ(CpuField(info, 1, "cpu MHz"), "2701.113");
  EXPECT_EQ(CpuField(info, 0, "model"), "143");
  EXPECT_EQ(CpuField(info, 0, "power management"), "");
  EXPECT_EQ(CpuField(info, 2, "model"), std::nullopt);
}

TEST(IdentifyCpusTest, X86StableFieldsOnly) {
  const CpuIdentity identity = IdentifyCpus(ParseCpuInfo(kX86));
  EXPECT_EQ(identity.architecture, "x86");
  EXPECT_EQ(identity.text,
            "cpu 0: vendor_id=GenuineIntel; cpu family=6; model=143; "
            "stepping=8; model name=Intel(R) Xeon(R) Platinum 8481C CPU @ "
            "2.70GHz\n"
            "cpu 1: vendor_id=GenuineIntel; cpu family=6; model=143; "
            "stepping=8; model name=Intel(R) Xeon(R) Platinum 8481C CPU @ "
            "2.70GHz\n");
}

TEST(IdentifyCpusTest, WhatMovesOnItsOwnChangesNothing) {
  std::string rebooted = absl::StrReplaceAll(
      kX86, {{"2699.998", "1200.000"},
             {"2701.113", "3400.457"},
             {"5399.99", "5400.12"},
             {"0x2b000461", "0x2b000590"},
             {"fpu vme de pse tsc", "fpu de vme tsc pse md_clear"}});
  EXPECT_EQ(IdentifyCpus(ParseCpuInfo(rebooted)).text,
            IdentifyCpus(ParseCpuInfo(kX86)).text);

  // A different stepping is a different processor.
  std::string other =
      absl::StrReplaceAll(kX86, {{"stepping\t: 8", "stepping\t: 6"}});
  EXPECT_NE(IdentifyCpus(ParseCpuInfo(other)).text,
            IdentifyCpus(ParseCpuInfo(kX86)).text);
}

// A Raspberry Pi 4 under a 64-bit kernel.
constexpr char kArm64[] =
    "processor\t: 0\n"
    "BogoMIPS\t: 108.00\n"
    "Features\t: fp asimd evtstrm crc32 cpuid\n"
    "CPU implementer\t: 0x41\n"
    "CPU architecture: 8\n"
    "CPU variant\t: 0x0\n"
    "CPU part\t: 0xd08\n"
    "CPU revision\t: 3\n"
    "\n"
    "processor\t: 1\n"
    "BogoMIPS\t: 108.00\n"
    "Features\t: fp asimd evtstrm crc32 cpuid\n"
    "CPU implementer\t: 0x41\n"
    "CPU architecture: 8\n"
    "CPU variant\t: 0x0\n"
    "CPU part\t: 0xd08\n"
    "CPU revision\t: 3\n"
    "\n"
    "Hardware\t: BCM2835\n"
    "Revision\t: c03114\n"
    "Serial\t\t: 10000000a1b2c3d4\n"
    "Model\t\t: Raspberry Pi 4 Model B Rev 1.4\n";

TEST(IdentifyCpusTest, Arm64PerCpuFieldsAndBoardFieldsApart) {
  const CpuInfo info = ParseCpuInfo(kArm64);
  ASSERT_EQ(info.cpus.size(), 2u);
  EXPECT_EQ(MachineField(info, "Revision"), "c03114");
  EXPECT_EQ(MachineField(info, "Model"), "Raspberry Pi 4 Model B Rev 1.4");
  // "Model" (board) is not x86's "model" (CPU).
  EXPECT_EQ(CpuField(info, 0, "model"), std::nullopt);

  const CpuIdentity identity = IdentifyCpus(info);
  EXPECT_EQ(identity.architecture, "ARM");
  EXPECT_EQ(identity.text,
            "cpu 0: CPU implementer=0x41; CPU variant=0x0; CPU part=0xd08; "
            "CPU revision=3\n"
            "cpu 1: CPU implementer=0x41; CPU variant=0x0; CPU part=0xd08; "
            "CPU revision=3\n");
}

// A Raspberry Pi 3 under a recent 32-bit kernel: per-CPU "model name".
constexpr char kArm32[] =
    "processor\t: 0\n"
    "model name\t: ARMv7 Processor rev 4 (v7l)\n"
    "BogoMIPS\t: 38.40\n"
    "Features\t: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4\n"
    "CPU implementer\t: 0x41\n"
    "CPU architecture: 7\n"
    "CPU variant\t: 0x0\n"
    "CPU part\t: 0xd03\n"
    "CPU revision\t: 4\n"
    "\n"
    "processor\t: 1\n"
    "model name\t: ARMv7 Processor rev 4 (v7l)\n"
    "BogoMIPS\t: 38.40\n"
    "Features\t: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4\n"
    "CPU implementer\t: 0x41\n"
    "CPU architecture: 7\n"
    "CPU variant\t: 0x0\n"
    "CPU part\t: 0xd03\n"
    "CPU revision\t: 4\n"
    "\n"
    "Hardware\t: BCM2835\n"
    "Revision\t: a02082\n"
    "Serial\t\t: 00000000deadbeef\n";

// The same board under a kernel before 3.8: "Processor" once for the
// machine, the CPU fields once after the last CPU.
constexpr char kArm32Old[] =
    "Processor\t: ARMv7 Processor rev 4 (v7l)\n"
    "processor\t: 0\n"
    "BogoMIPS\t: 38.40\n"
    "\n"
    "processor\t: 1\n"
    "BogoMIPS\t: 38.40\n"
    "\n"
    "Features\t: swp half thumb fastmult vfp edsp neon vfpv3 tls vfpv4\n"
    "CPU implementer\t: 0x41\n"
    "CPU architecture: 7\n"
    "CPU variant\t: 0x0\n"
    "CPU part\t: 0xd03\n"
    "CPU revision\t: 4\n"
    "\n"
    "Hardware\t: BCM2709\n"
    "Revision\t: a02082\n"
    "Serial\t\t: 00000000deadbeef\n";

// Some old kernels print the CPU fields right after the last CPU's lines,
// inside its block.
constexpr char kArm32OldNoBlank[] =
    "Processor\t: ARMv7 Processor rev 4 (v7l)\n"
    "processor\t: 0\n"
    "BogoMIPS\t: 38.40\n"
    "processor\t: 1\n"
    "BogoMIPS\t: 38.40\n"
    "Features\t: swp half thumb fastmult vfp edsp neon vfpv3 tls vfpv4\n"
    "CPU implementer\t: 0x41\n"
    "CPU architecture: 7\n"
    "CPU variant\t: 0x0\n"
    "CPU part\t: 0xd03\n"
    "CPU revision\t: 4\n"
    "\n"
    "Hardware\t: BCM2709\n";

TEST(IdentifyCpusTest, Arm32OldAndNewLayoutsGiveTheSameIdentity) {
  const CpuIdentity current = IdentifyCpus(ParseCpuInfo(kArm32));
  EXPECT_EQ(current.architecture, "ARM");
  EXPECT_EQ(current.text,
            "cpu 0: CPU implementer=0x41; CPU variant=0x0; CPU part=0xd03; "
            "CPU revision=4\n"
            "cpu 1: CPU implementer=0x41; CPU variant=0x0; CPU part=0xd03; "
            "CPU revision=4\n");
  EXPECT_EQ(IdentifyCpus(ParseCpuInfo(kArm32Old)).text, current.text);
  EXPECT_EQ(IdentifyCpus(ParseCpuInfo(kArm32OldNoBlank)).text, current.text);

  // "Processor" is the model line, not a CPU.
  EXPECT_EQ(ParseCpuInfo(kArm32Old).cpus.size(), 2u);
  EXPECT_EQ(MachineField(ParseCpuInfo(kArm32Old), "Processor"),
            "ARMv7 Processor rev 4 (v7l)");
}

TEST(IdentifyCpusTest, PerCpuValuesAreNotSpreadToOtherCpus) {
  // A big.LITTLE board: two kinds of core, each printed per CPU.
  const std::string text =
      "processor\t: 0\nCPU implementer\t: 0x41\nCPU part\t: 0xd03\n\n"
      "processor\t: 1\nCPU implementer\t: 0x41\nCPU part\t: 0xd09\n\n";
  EXPECT_EQ(IdentifyCpus(ParseCpuInfo(text)).text,
            "cpu 0: CPU implementer=0x41; CPU part=0xd03\n"
            "cpu 1: CPU implementer=0x41; CPU part=0xd09\n");
}

TEST(IdentifyCpusTest, NothingKnownGivesNoIdentity) {
  EXPECT_EQ(IdentifyCpus(ParseCpuInfo("")).text, "");
  EXPECT_EQ(IdentifyCpus(ParseCpuInfo("processor : 0\nBogoMIPS : 1\n")).text,
            "");
  EXPECT_EQ(IdentifyCpus(ParseCpuInfo("Hardware : BCM2835\n")).text, "");
}

}  // namespace
}  // namespace hwfp
