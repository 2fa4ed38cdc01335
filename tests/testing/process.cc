#include "tests/testing/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

extern char** environ;

namespace hwfp::testing {
namespace {

std::string TempRoot() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A unique name per process and call, for output files.
std::string UniqueName(const std::string& prefix) {
  static std::atomic<long> counter{0};
  return absl::StrCat(TempRoot(), "/", prefix, ".", getpid(), ".",
                      counter.fetch_add(1));
}

}  // namespace

absl::StatusOr<ChildProcess> ChildProcess::Start(
    const std::vector<std::string>& argv) {
  if (argv.empty()) return absl::InvalidArgumentError("empty argv");

  // posix_spawn cannot report a failed exec under qemu-user, which turns
  // vfork into fork, so a missing program is caught before spawning.
  if (access(argv[0].c_str(), X_OK) != 0) {
    return absl::InternalError(
        absl::StrCat("cannot start ", argv[0], ": ", std::strerror(errno)));
  }

  const std::string base = UniqueName("child");
  const std::string out_path = base + ".out";
  const std::string err_path = base + ".err";

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);

  std::vector<char*> args;
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);

  pid_t pid = 0;
  const absl::Time started = absl::Now();
  const int error = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr,
                                args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    return absl::InternalError(
        absl::StrCat("cannot start ", argv[0], ": ", std::strerror(error)));
  }
  return ChildProcess(pid, out_path, err_path, started);
}

ChildProcess::ChildProcess(pid_t pid, std::string out_path,
                           std::string err_path, absl::Time started)
    : pid_(pid),
      out_path_(std::move(out_path)),
      err_path_(std::move(err_path)),
      started_(started) {}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, 0)),
      out_path_(std::move(other.out_path_)),
      err_path_(std::move(other.err_path_)),
      started_(other.started_) {}

ChildProcess::~ChildProcess() {
  // A child never waited for is killed and reaped, never left behind.
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (!out_path_.empty()) {
    unlink(out_path_.c_str());
    unlink(err_path_.c_str());
  }
}

void ChildProcess::Kill(int signal) {
  if (pid_ > 0) kill(pid_, signal);
}

absl::StatusOr<ProcessResult> ChildProcess::Wait(absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("already reaped");
  ProcessResult result;
  const absl::Time deadline = started_ + timeout;
  int status = 0;
  struct rusage usage;
  absl::Duration pause = absl::Microseconds(50);
  while (true) {
    const pid_t done = wait4(pid_, &status, WNOHANG, &usage);
    if (done == pid_) break;
    if (done < 0 && errno != EINTR) {
      return absl::InternalError(
          absl::StrCat("wait4(", pid_, "): ", std::strerror(errno)));
    }
    if (!result.timed_out && absl::Now() > deadline) {
      result.timed_out = true;
      kill(pid_, SIGKILL);
    }
    absl::SleepFor(pause);
    pause = std::min(pause * 2, absl::Milliseconds(5));
  }
  pid_ = 0;

  result.elapsed = absl::Now() - started_;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.max_rss_kib = usage.ru_maxrss;
  if (!out_path_.empty()) {
    result.out = ReadWhole(out_path_);
    result.err = ReadWhole(err_path_);
  }
  return result;
}

absl::StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv,
                                         absl::Duration timeout) {
  absl::StatusOr<ChildProcess> child = ChildProcess::Start(argv);
  if (!child.ok()) return child.status();
  return child->Wait(timeout);
}

absl::StatusOr<ProcessResult> RunInChild(absl::FunctionRef<int()> body,
                                         absl::Duration timeout) {
  const absl::Time started = absl::Now();
  const pid_t pid = fork();
  if (pid < 0) {
    return absl::InternalError(absl::StrCat("fork: ", std::strerror(errno)));
  }
  // _exit: the copy must not run this process's atexit handlers or flush
  // its stdio buffers a second time.
  if (pid == 0) _exit(body());
  return ChildProcess(pid, "", "", started).Wait(timeout);
}

std::string HwfpBinary() {
  const char* runfiles = std::getenv("TEST_SRCDIR");
  return absl::StrCat(runfiles != nullptr ? runfiles : ".", "/hwfp/hwfp");
}
}  // namespace hwfp::testing
