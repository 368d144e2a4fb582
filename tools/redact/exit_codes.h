// Exit codes of the redact CLI: one per cause, so scripts can tell a bad
// input from a damaged PDF from a leak. The only place that maps Status
// codes to process exit codes. Documented in `redact --help` and README.
#ifndef REDACT_TOOLS_REDACT_EXIT_CODES_H_
#define REDACT_TOOLS_REDACT_EXIT_CODES_H_

#include "core/status.h"

namespace redact::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 2,          // bad command line
  kExitInputFile = 3,      // missing, unreadable, or not a PDF
  kExitDamagedPdf = 4,     // a PDF we cannot parse or process safely
  kExitPassword = 5,       // encrypted; password missing or wrong
  kExitSomeFailed = 6,     // batch: some documents failed
  kExitLeak = 7,           // verification found protected content
  kExitInternal = 70,      // a bug in redact
};

int ExitCodeFor(StatusCode code);

// Text for --help: each code and its meaning.
const char* ExitCodeHelp();

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_EXIT_CODES_H_
