// Where the vault lives by default: /var/lib/hwfp/vault for root, the XDG
// state folder otherwise, and a clear error when neither is known.

#include "vault/default_location.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hwfp {
namespace {

TEST(DefaultVaultDirTest, RootUsesVarLib) {
  VaultEnvironment env;
  env.root = true;
  env.xdg_state_home = "/home/ada/state";
  EXPECT_EQ(*DefaultVaultDir(env), "/var/lib/hwfp/vault");
}

TEST(DefaultVaultDirTest, UserUsesXdgStateHome) {
  VaultEnvironment env;
  env.xdg_state_home = "/home/ada/state/";
  env.home = "/home/ada";
  EXPECT_EQ(*DefaultVaultDir(env), "/home/ada/state/hwfp/vault");
}

TEST(DefaultVaultDirTest, XdgStateHomeDefaultsUnderHome) {
  VaultEnvironment env;
  env.home = "/home/ada";
  EXPECT_EQ(*DefaultVaultDir(env), "/home/ada/.local/state/hwfp/vault");
}

TEST(DefaultVaultDirTest, RelativeXdgStateHomeIsIgnored) {
  VaultEnvironment env;
  env.xdg_state_home = "state";
  env.home = "/home/ada";
  EXPECT_EQ(*DefaultVaultDir(env), "/home/ada/.local/state/hwfp/vault");
}

TEST(DefaultVaultDirTest, NoAbsoluteFolderIsAClearError) {
  VaultEnvironment env;
  env.home = "relative";
  const absl::StatusOr<std::string> dir = DefaultVaultDir(env);
  EXPECT_EQ(dir.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(dir.status().message(), ::testing::HasSubstr("--vault"));
}

TEST(DefaultVaultDirTest, WindowsUsesProgramData) {
  VaultEnvironment env;
  env.program_data = "C:\\ProgramData";
  env.root = true;  // Never set on Windows; ProgramData wins regardless.
  EXPECT_EQ(*DefaultVaultDir(env), "C:\\ProgramData\\hwfp\\vault");
  env.program_data = "C:\\ProgramData\\";
  EXPECT_EQ(*DefaultVaultDir(env), "C:\\ProgramData\\hwfp\\vault");
}

TEST(DefaultVaultDirTest, RelativeProgramDataIsRefused) {
  VaultEnvironment env;
  env.program_data = "ProgramData";
  EXPECT_EQ(DefaultVaultDir(env).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace hwfp
