// `redact review FILE.pdf…|DIR --out DIR [--names CSV] [--policy FILE]
//  [--password P] [--serve [--port N] [--listen ADDR [--allow-remote]]]`:
// writes DIR/<name>.review.pdf (the original with a coloured highlight per
// finding, nothing removed) and DIR/<name>.findings.json (editable; `redact
// apply --findings` applies exactly what it lists) per input; --serve then
// opens the review page (pipeline/review_server/) on them until Ctrl-C.
#ifndef REDACT_TOOLS_REDACT_REVIEW_COMMAND_H_
#define REDACT_TOOLS_REDACT_REVIEW_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/session.h"
#include "tools/redact/verbosity.h"

namespace CLI {
class App;
}

namespace redact::cli {

struct ReviewOptions {
  Verbosity verbosity = Verbosity::kNormal;  // -v: per-page progress (set by main)
  std::vector<std::string> files;  // PDFs, folders of them (as run finds them)
  std::string out;
  bool serve = false;                // --serve: the review page
  int port = 0;                      // --port (0: any free port)
  std::string listen = "127.0.0.1";  // --listen
  bool allow_remote = false;         // --allow-remote: --listen may name a non-loopback address
  std::optional<std::string> password;
  SessionOptions session;
  OutputNaming naming = OutputNaming::kPseudonym;  // as apply --output-names
  bool no_names = false;                            // --no-names
};

void AddReviewCommand(CLI::App* app, ReviewOptions* options);
int RunReview(const ReviewOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_REVIEW_COMMAND_H_
