// `redact review FILE.pdf --out DIR [--names CSV] [--policy FILE]
//  [--password P]`: writes DIR/<name>.review.pdf (the original with a
// coloured highlight per finding, nothing removed) and DIR/<name>.findings.json
// (editable; `redact apply --findings` applies exactly what it lists).
#ifndef REDACT_TOOLS_REDACT_REVIEW_COMMAND_H_
#define REDACT_TOOLS_REDACT_REVIEW_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>

#include "pipeline/session.h"
#include "tools/redact/verbosity.h"

namespace CLI {
class App;
}

namespace redact::cli {

struct ReviewOptions {
  Verbosity verbosity = Verbosity::kNormal;  // -v: per-page progress (set by main)
  std::string file;
  std::string out;
  std::optional<std::string> password;
  SessionOptions session;
  OutputNaming naming = OutputNaming::kPseudonym;  // as apply --output-names
  bool no_names = false;                            // --no-names
};

void AddReviewCommand(CLI::App* app, ReviewOptions* options);
int RunReview(const ReviewOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_REVIEW_COMMAND_H_
