// The redact command line: subcommands share options and map every failure
// to a one-line message naming the file and a distinct exit code.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <csignal>

#include <cstdlib>
#include <string>
#include <iostream>

#include "pipeline/version.h"
#include "tools/redact/apply_command.h"
#include "tools/redact/exit_codes.h"
#include "tools/redact/extract_command.h"
#include "tools/redact/messages.h"
#include "tools/redact/names_command.h"
#include "tools/redact/review_command.h"
#include "tools/redact/run_command.h"
#include "tools/redact/scan_command.h"
#include "tools/redact/seal_commands.h"
#include "tools/redact/verbosity.h"
#include "tools/redact/verify_command.h"

int main(int argc, char** argv) {
  // Settings the runtimes read only at start: set them and start again once.
  // - Tesseract's OpenMP threads make OCR slower here, not faster (see
  //   docs/PODOFO.md): OMP_THREAD_LIMIT=1.
  // - glibc's malloc asks for transparent huge pages for what it maps
  //   (glibc.malloc.hugetlb=1): a long document's glyphs are hundreds of
  //   MB of fresh memory, and taking them 4 KiB at a time cost a tenth of
  //   a 1,000-page run in page faults (bench/peers.sh). A tunable the
  //   caller set is kept.
  if (!std::getenv("OMP_THREAD_LIMIT")) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    const std::string given = tunables ? tunables : "";
    if (given.find("glibc.malloc.hugetlb") == std::string::npos) {
      setenv("GLIBC_TUNABLES", (given.empty() ? "" : given + ":").append("glibc.malloc.hugetlb=1").c_str(), 1);
    }
    execv("/proc/self/exe", argv);  // on failure, carry on as we are
  }
  // A file size limit (ulimit -f) must fail a write with EFBIG, which the
  // checked write path reports, not kill the process mid-file.
  signal(SIGXFSZ, SIG_IGN);
  using namespace redact::cli;
  InitMessages();
  CLI::App app{"redact: remove asylum-applicant identifiers from PDFs"};
  app.footer(ExitCodeHelp());
  app.require_subcommand(1);
  app.set_version_flag(
      "--version",
      [] {
        std::string text = redact::VersionText();
        text.pop_back();  // CLI11 ends the line
        return text;
      },
      "print redact's version, the library versions it was built with, and its rules folder");
  ExtractOptions extract;
  AddExtractCommand(&app, &extract);
  ScanOptions scan;
  AddScanCommand(&app, &scan);
  ApplyOptions apply;
  AddApplyCommand(&app, &apply);
  VerifyOptions verify;
  AddVerifyCommand(&app, &verify);
  ReviewOptions review;
  AddReviewCommand(&app, &review);
  KeygenOptions keygen;
  AddKeygenCommand(&app, &keygen);
  UnsealOptions unseal;
  AddUnsealCommand(&app, &unseal);
  RunOptions run;
  AddRunCommand(&app, &run);
  NamesOptions names;
  AddNamesCommand(&app, &names);
  Verbosity verbosity = Verbosity::kNormal;
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    AddVerbosityFlags(command, &verbosity);
  }
  TranslateHelp(&app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  extract.verbosity = scan.verbosity = apply.verbosity = review.verbosity = verbosity;
  // -q: reports of what was written go nowhere, warnings are dropped; what
  // a command exists to print still goes to stdout (verbosity.h).
  const bool quiet = verbosity == Verbosity::kQuiet;
  QuietStream quiet_err(&std::cerr), no_reports(nullptr);
  std::ostream& err = quiet ? quiet_err : std::cerr;
  std::ostream& reports = quiet ? no_reports : std::cout;
  if (quiet && run.progress == ProgressStyle::kAuto) run.progress = ProgressStyle::kNone;
  if (app.got_subcommand("extract")) return RunExtract(extract, std::cout, err);
  if (app.got_subcommand("scan")) return RunScan(scan, std::cout, err);
  if (app.got_subcommand("apply")) return RunApply(apply, reports, err);
  if (app.got_subcommand("verify")) return RunVerify(verify, std::cout, err);
  if (app.got_subcommand("review")) return RunReview(review, reports, err);
  if (app.got_subcommand("keygen")) return RunKeygen(keygen, std::cout, err);
  if (app.got_subcommand("unseal")) return RunUnseal(unseal, std::cout, err);
  if (app.got_subcommand("run")) return RunJob(run, reports, err);
  if (app.got_subcommand("names")) return RunNames(names, std::cout, err);
  return kExitUsage;
}
