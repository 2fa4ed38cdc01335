// Times a whole hardware-hash collection in-process against the way the
// reference agent gathers the same facts: one `dmidecode` process per
// firmware key plus `ls -l /dev/disk/by-uuid`, each output read and
// hashed.
//
//   bazel run -c opt //bench:collect_bench
//
// Reads the shared fixtures: $HWFP_FIXTURES, else the @hwfp_fixtures
// runfiles, else ../shared/fixtures beside the workspace. Without
// dmidecode the reference timing is skipped with a message.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/bench_fixtures.h"
#include "benchmark/benchmark.h"
#include "collectors/collect.h"
#include "collectors/digest.h"

extern char** environ;

namespace {

constexpr char kR630Dump[] = "/smbios/dell-poweredge-r630-dual-xeon/dump.bin";

std::optional<std::string> FindProgram(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    if (access(path.c_str(), X_OK) == 0) return path;
  }
  return std::nullopt;
}

// Runs `argv` with stdout captured and stderr discarded; returns the
// output, or nullopt when the program could not be started or failed.
std::optional<std::string> Capture(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return std::nullopt;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null",
                                   O_WRONLY, 0);

  std::vector<char*> args;
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);

  pid_t child = 0;
  const int spawned =
      posix_spawn(&child, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return std::nullopt;
  }

  std::string output;
  char buffer[16384];
  ssize_t got;
  while ((got = read(pipe_fds[0], buffer, sizeof(buffer))) > 0) {
    output.append(buffer, static_cast<size_t>(got));
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return output;
}

void BM_CollectHardwareHash(benchmark::State& state, std::string root) {
  const hwfp::CollectOptions options{root};
  for (auto _ : state) {
    absl::StatusOr<hwfp::HardwareHash> hash =
        hwfp::CollectHardwareHash(options);
    if (!hash.ok()) {
      state.SkipWithError(std::string(hash.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(hash);
  }
}

// The reference agent's way: four dmidecode runs and `ls -l`, each output
// hashed.
void BM_ReferenceProcesses(benchmark::State& state, std::string fixtures) {
  const std::optional<std::string> dmidecode = FindProgram(
      {"/usr/sbin/dmidecode", "/sbin/dmidecode", "/usr/bin/dmidecode"});
  if (!dmidecode) {
    state.SkipWithError(
        "dmidecode is not installed; reference timing skipped "
        "(apt-get install dmidecode)");
    return;
  }
  const std::optional<std::string> ls = FindProgram({"/bin/ls", "/usr/bin/ls"});
  if (!ls) {
    state.SkipWithError("ls not found; reference timing skipped");
    return;
  }
  const std::string dump = fixtures + kR630Dump;
  const std::string by_uuid = fixtures + "/hosts/dell-r630/dev/disk/by-uuid";

  for (auto _ : state) {
    for (const char* keyword : {"processor", "memory", "bios", "system"}) {
      std::optional<std::string> out =
          Capture({*dmidecode, "--from-dump", dump, "-t", keyword});
      if (!out) {
        state.SkipWithError("dmidecode --from-dump failed");
        return;
      }
      benchmark::DoNotOptimize(hwfp::Md5Base64(*out));
    }
    std::optional<std::string> listing = Capture({*ls, "-l", by_uuid});
    if (!listing) {
      state.SkipWithError("ls -l failed");
      return;
    }
    benchmark::DoNotOptimize(hwfp::Md5Base64(*listing));
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const std::optional<std::string> fixtures = hwfp::bench::FindFixtures();
  if (!fixtures) {
    std::fprintf(stderr,
                 "collect_bench: the shared fixtures were not found (set "
                 "HWFP_FIXTURES to ../shared/fixtures); nothing to time\n");
    return 1;
  }

  for (const char* host : {"dell-r630", "pi4", "vm-nodmi"}) {
    benchmark::RegisterBenchmark(
        (std::string("CollectHardwareHash/") + host).c_str(),
        BM_CollectHardwareHash, *fixtures + "/hosts/" + host)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::RegisterBenchmark("Reference/dmidecode_x4_and_ls/dell-r630",
                               BM_ReferenceProcesses, *fixtures)
      ->Unit(benchmark::kMicrosecond)
      ->UseRealTime();

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
