// Runs a command for tests (no shell), capturing stdout, stderr and the
// exit status.
#ifndef REDACT_TESTS_TESTING_SUBPROCESS_H_
#define REDACT_TESTS_TESTING_SUBPROCESS_H_

#include <string>
#include <vector>

namespace redact::testing {

struct CommandResult {
  int exit_code = -1;   // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
};

// When argv[0] is the redact binary, every PDF under each `--out` folder
// that is new or changed is then run through `qpdf --check`, a failure
// being a (non-fatal) failure of the calling test.
CommandResult RunCommand(const std::vector<std::string>& argv);

// True when `program` is on PATH.
bool HaveProgram(const std::string& program);

// A file's bytes ("" when it cannot be read).
std::string ReadFile(const std::string& path);

}  // namespace redact::testing

#endif  // REDACT_TESTS_TESTING_SUBPROCESS_H_
