#include "tests/testing/run_hwfp.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/testing/temp_dir.h"

extern char** environ;

namespace hwfp::testing {

HwfpRun RunHwfp(const std::vector<std::string>& args,
                const std::vector<std::string>& env) {
  const char* runfiles = std::getenv("TEST_SRCDIR");
  const std::string binary =
      std::string(runfiles ? runfiles : ".") + "/hwfp/hwfp";
  TempDir capture;
  const std::string out_path = capture.path() + "/out";
  const std::string err_path = capture.path() + "/err";

  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    environment.emplace_back(*entry);
  }
  environment.insert(environment.end(), env.begin(), env.end());
  std::vector<char*> argv = {const_cast<char*>(binary.c_str())};
  for (const std::string& arg : args)
    argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (std::string& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);

  HwfpRun run;
  const pid_t child = fork();
  if (child < 0) return run;
  if (child == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(126);
    execve(binary.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) != child) return run;
  run.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadTestFile(out_path);
  run.err = ReadTestFile(err_path);
  return run;
}

}  // namespace hwfp::testing
