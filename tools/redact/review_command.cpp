#include "tools/redact/review_command.h"

#include <CLI/CLI.hpp>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "pipeline/jobs/inputs.h"
#include "pipeline/review.h"
#include "pipeline/review_server/review_server.h"
#include "tools/redact/common.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

// The apply command that applies the reviewed findings as review found
// them: every option that changes what apply reads, names or keys, shell-
// quoted. The input is "INPUT" when its path names someone; a password is
// never printed ("PASSWORD" stands for it).
std::string ApplyCommand(const ReviewOptions& options, const std::string& file, const ReviewResult& r) {
  const SessionOptions& s = options.session;
  std::string cmd = "redact apply " + (r.hide_path ? std::string("INPUT") : ShellQuote(file));
  cmd += " --findings " + ShellQuote(r.findings_json);
  cmd += " --out " + ShellQuote((std::filesystem::path(options.out) / "redacted").string());
  if (s.names_csv) cmd += " --names " + ShellQuote(*s.names_csv);
  if (s.policy_file) cmd += " --policy " + ShellQuote(*s.policy_file);
  if (!s.patterns_dir.empty() || std::getenv("REDACT_PATTERNS")) {
    cmd += " --patterns " + ShellQuote(s.patterns_dir.empty() ? DefaultPatternsDir() : s.patterns_dir);
  }
  if (s.job_key_file) cmd += " --job-key " + ShellQuote(*s.job_key_file);
  const OcrSettings defaults;
  if (s.ocr.mode != defaults.mode) cmd += s.ocr.mode == OcrMode::kAlways ? " --ocr always" : " --ocr never";
  if (s.ocr.languages != defaults.languages) cmd += " --lang " + ShellQuote(s.ocr.languages);
  if (s.ocr.cleanup.deskew) cmd += " --deskew";
  if (s.ocr.cleanup.binarize) cmd += " --binarize";
  if (options.naming == OutputNaming::kSequence) cmd += " --output-names sequence";
  if (options.naming == OutputNaming::kKeep) cmd += " --output-names keep";
  if (options.password) cmd += " --password PASSWORD";
  return cmd;
}

std::atomic<bool> g_stop_serving = false;

void OnStopServing(int) { g_stop_serving = true; }

Status CheckServeChoice(const ReviewOptions& options, std::ostream& err) {
  if (!options.serve) return Status::Ok();
  if (options.port < 0 || options.port > 65535) {
    return Status(StatusCode::kInvalidArgument, "--port: not a port number (0 to 65535)");
  }
  if (IsLoopbackAddress(options.listen)) return Status::Ok();
  if (!options.allow_remote) {
    return Status(StatusCode::kInvalidArgument,
                  "--listen " + options.listen + ": not a loopback address; the review page shows asylum case "
                  "files to anyone who can reach it. Add --allow-remote if that is really meant");
  }
  err << "redact: warning: the review page listens on " << options.listen
      << ", not only this machine: anyone who can reach it and learns the token sees these documents\n";
  return Status::Ok();
}

// Prints what review wrote for one input and what to run next.
void PrintReviewed(const ReviewOptions& options, const ServedDocument& d, std::ostream& out, std::ostream& err) {
  const ReviewResult& r = d.review;
  out << r.review_pdf << ": " << r.findings << " finding(s) highlighted\n"
      << r.findings_json << ": edit, then: " << d.apply_command << "\n";
  // Or the review copy, marked up in any PDF viewer: the same command, reading it.
  std::string by_viewer = d.apply_command;
  by_viewer.replace(by_viewer.find(" --findings "), 12 + ShellQuote(r.findings_json).size(),
                    " --reviewed " + ShellQuote(r.review_pdf));
  out << r.review_pdf << ": or mark it up in a PDF viewer, then: " << by_viewer << "\n";
  if (r.hide_path || options.password) {
    out << "  (" << (r.hide_path ? "INPUT: the input's path, not printed because it names someone" : "")
        << (r.hide_path && options.password ? "; " : "")
        << (options.password ? "PASSWORD: the input's password, not printed" : "") << ")\n";
  }
  WarnIfRepaired(err, r.shown, r.input_repaired);
  for (const DocumentResult::PageToReview& p : r.pages_to_review) {
    err << "redact: " << r.shown << ": page " << p.page << ": review by hand before filing (" << p.reason << ")\n";
  }
}

// The inputs: each file as given (read as a PDF, as review always did),
// each folder's PDFs as run finds them.
StatusOr<std::vector<std::string>> ReviewInputs(const std::vector<std::string>& arguments) {
  std::vector<std::string> inputs;
  for (const std::string& arg : arguments) {
    std::error_code ec;
    if (!std::filesystem::is_directory(arg, ec)) {
      inputs.push_back(arg);
      continue;
    }
    StatusOr<std::vector<jobs::JobInput>> found = jobs::CollectInputs({arg});
    if (!found) return Error(found.error());
    for (const jobs::JobInput& input : *found) inputs.push_back(input.path);
  }
  return inputs;
}

// Reviews every input; a second input that would write the first one's
// review files is refused.
StatusOr<std::vector<ServedDocument>> ReviewAll(const ReviewOptions& options, const Session& session,
                                                OcrContext* ocr) {
  StatusOr<std::vector<std::string>> inputs = ReviewInputs(options.files);
  if (!inputs) return Error(inputs.error());
  std::vector<ServedDocument> done;
  std::set<std::string> written;
  for (const std::string& input : *inputs) {
    StatusOr<ReviewResult> r = ReviewDocument(session, ocr, {input, options.password, options.out, options.naming});
    if (!r) return Error(r.error());
    if (!written.insert(r->findings_json).second) {
      return Error(StatusCode::kInvalidArgument, r->shown + ": its review files are another input's (" +
                                                     r->findings_json + "); review them into separate folders");
    }
    done.push_back({input, options.password, *r, ApplyCommand(options, input, *r)});
  }
  return done;
}

int Serve(const ReviewOptions& options, const Session& session, OcrContext* ocr, std::vector<ServedDocument> docs,
          const std::map<std::string, std::string>& saved, std::ostream& out, std::ostream& err) {
  struct sigaction action {};
  action.sa_handler = OnStopServing;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  ReviewServerOptions server;
  server.listen = options.listen;
  server.port = options.port;
  server.out_dir = options.out;
  server.saved_findings = saved;
  auto ready = [&](const ServerReady& r) {
    out << "review page: open in a browser on this machine (Ctrl-C stops it; unsaved changes are lost):\n"
        << r.url << std::endl;
  };
  Status s = ServeReview(session, ocr, std::move(docs), server, ready, g_stop_serving, out, err);
  if (!s.ok()) return Fail(err, s);
  err << "redact: review page stopped\n";
  return kExitOk;
}

}  // namespace

void AddReviewCommand(CLI::App* app, ReviewOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "review", "Write a review copy with highlighted findings and an editable findings file");
  cmd->add_option("files", options->files, "PDF files, or folders of them (every *.pdf below)")->required();
  cmd->add_option("--out", options->out, "output folder (created if missing)")->required();
  const std::map<std::string, OutputNaming> namings = {
      {"pseudonym", OutputNaming::kPseudonym}, {"sequence", OutputNaming::kSequence}, {"keep", OutputNaming::kKeep}};
  cmd->add_option("--output-names", options->naming, "name outputs as apply does: pseudonym (default), sequence or keep")
      ->transform(CLI::CheckedTransformer(namings));
  AddPasswordFlags(cmd, &options->password, "password for encrypted PDFs");
  cmd->add_option("--job-key", options->session.job_key_file,
                  "the job key apply will use: output names that take a pseudonym are the same");
  AddSessionFlags(cmd, &options->session, "pages OCR'd at once (default: one per core)");
  AddNoNamesFlag(cmd, &options->no_names);
  CLI::Option* serve = cmd->add_flag(
      "--serve", options->serve,
      "then open the review page: a local web page (URL printed) to accept, reject and add findings");
  cmd->add_option("--port", options->port, "--serve: the port (default: any free one)")->needs(serve);
  cmd->add_option("--listen", options->listen, "--serve: the address to listen on (default: 127.0.0.1)")
      ->needs(serve);
  cmd->add_flag("--allow-remote", options->allow_remote,
                "--serve: let --listen name an address other machines can reach")
      ->needs(serve);
}

int RunReview(const ReviewOptions& options, std::ostream& out, std::ostream& err) {
  if (Status s = CheckNamesChoice(options.session, options.no_names, err); !s.ok()) return Fail(err, s);
  if (Status s = CheckServeChoice(options, err); !s.ok()) return Fail(err, s);
  int code = kExitOk;
  std::unique_ptr<Session> session = OpenSession(options.session, err, &code);
  if (!session) return code;
  OcrContext ocr = session->NewOcrContext();
  ocr.on_page = PageProgress(options.verbosity, err, "the input");  // its path may name someone
  // Findings the page saved here before: review writes them again below.
  const std::map<std::string, std::string> saved = options.serve ? ReadSavedFindings(options.out)
                                                                 : std::map<std::string, std::string>{};
  StatusOr<std::vector<ServedDocument>> docs = ReviewAll(options, *session, &ocr);
  if (!docs) return Fail(err, docs.error());
  for (const ServedDocument& d : *docs) PrintReviewed(options, d, out, err);
  return options.serve ? Serve(options, *session, &ocr, std::move(*docs), saved, out, err) : kExitOk;
}

}  // namespace redact::cli
