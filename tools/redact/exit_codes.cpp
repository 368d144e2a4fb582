#include "tools/redact/exit_codes.h"

namespace redact::cli {

int ExitCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kNotFound:
    case StatusCode::kIo:
    case StatusCode::kNotPdf: return kExitInputFile;
    case StatusCode::kDamagedPdf:
    case StatusCode::kUnsupported:
    case StatusCode::kResource: return kExitDamagedPdf;
    case StatusCode::kPassword: return kExitPassword;
    case StatusCode::kLeakDetected: return kExitLeak;
    case StatusCode::kWriteFailed: return kExitWriteFailed;
    case StatusCode::kInterrupted: return kExitInterrupted;
    case StatusCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

int ExitCodeForBatch(size_t documents, size_t failed, StatusCode last_error) {
  if (failed == 0) return kExitOk;
  return documents == 1 ? ExitCodeFor(last_error) : kExitSomeFailed;
}

const char* ExitCodeHelp() {
  return "Exit codes:\n"
         "  0  success\n"
         "  2  usage error\n"
         "  3  input file missing, unreadable, or not a PDF\n"
         "  4  damaged PDF, or content that cannot be processed safely\n"
         "  5  encrypted PDF: password missing or wrong\n"
         "  6  some documents of a batch failed\n"
         "  7  leak detected by verification\n"
         "  8  an output could not be written (disk full, file size limit, permissions)\n"
         "  70 internal error\n"
         "  130 stopped (Ctrl-C)\n";
}

}  // namespace redact::cli
