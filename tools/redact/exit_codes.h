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
  kExitWriteFailed = 8,    // an output could not be written; nothing left under its name
  kExitInternal = 70,      // a bug in redact
  kExitInterrupted = 130,  // stopped by Ctrl-C or SIGTERM (128 + SIGINT)
};

int ExitCodeFor(StatusCode code);

// A command over several documents: 0 when none failed; the one
// document's own code when there was only one; else kExitSomeFailed.
// `last_error` is the code of the last failure.
int ExitCodeForBatch(size_t documents, size_t failed, StatusCode last_error);

// Text for --help: each code and its meaning.
const char* ExitCodeHelp();

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_EXIT_CODES_H_
