#include "tools/redact/extract_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <iterator>
#include <map>

#include "pdf/document.h"
#include "pipeline/analyze.h"
#include "pipeline/report.h"
#include "stages/inspect/shown_annotations.h"
#include "tools/redact/common.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

// Content of `page` that could not be read, or read only in part, is said
// on `err`: the text printed for it is not all the page shows.
void WarnUnread(std::ostream& err, const std::string& file, const PageText& page) {
  for (const ExtractionProblem& p : page.problems) {
    using Kind = ExtractionProblem::Kind;
    if (p.kind != Kind::kTruncatedStream && p.kind != Kind::kStreamError && p.kind != Kind::kBrokenXObject &&
        p.kind != Kind::kRecursionLimit) {
      continue;
    }
    err << "redact: warning: " << file << ": page " << page.number << ": " << p.detail
        << (p.kind == Kind::kTruncatedStream ? "; its text is printed as far as it was read"
                                             : "; text there, if any, is not printed") << "\n";
  }
}

// What the page's annotations show (a FreeText box, a filled field), as
// pdftotext and mutool print it with the page: as JSON, or as lines after
// the page's own text. An appearance not read in full is said on `err`.
StatusOr<std::string> AnnotationsOf(pdf::Document& doc, int index, bool json, const std::string& file,
                                    std::ostream& err, nlohmann::json* page_json) {
  StatusOr<std::vector<ShownAnnotation>> shown = ShownAnnotationText(doc, index);
  if (!shown) return Error(shown.error());
  std::string text;
  nlohmann::json list = nlohmann::json::array();
  for (const ShownAnnotation& a : *shown) {
    if (!a.problem.empty()) {
      err << "redact: warning: " << file << ": page " << index + 1 << ": annotation " << a.index + 1 << " ("
          << a.subtype << "): " << a.problem << "\n";
    }
    text += a.text + "\n";
    list.push_back({{"annotation", a.index + 1},
                    {"subtype", a.subtype},
                    {"rect", {a.rect.x0, a.rect.y0, a.rect.x1, a.rect.y1}},
                    {"text", a.text}});
  }
  if (json) (*page_json)["annotations"] = std::move(list);
  if (!text.empty()) text.pop_back();  // lines between annotations, none after the last
  return text;
}

}  // namespace

void AddExtractCommand(CLI::App* app, ExtractOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "extract", "Print the glyph-accurate text of a PDF (text or JSON with word boxes)");
  cmd->add_option("file", options->file, "PDF file, or - for standard input")->required();
  const std::map<std::string, ExtractOptions::Format> formats = {{"text", ExtractOptions::Format::kText},
                                                                 {"json", ExtractOptions::Format::kJson}};
  cmd->add_option("--format", options->format, "text or json")->transform(CLI::CheckedTransformer(formats));
  AddPasswordFlags(cmd, &options->password, "password for encrypted PDFs (the empty password is tried first)");
  cmd->add_flag("--glyphs", options->glyphs, "json: include every glyph");
  const std::map<std::string, OcrMode> modes = {
      {"auto", OcrMode::kAuto}, {"always", OcrMode::kAlways}, {"never", OcrMode::kNever}};
  cmd->add_option("--ocr", options->ocr.mode, "OCR pages without a text layer: auto, always, never")
      ->transform(CLI::CheckedTransformer(modes));
  cmd->add_option("--lang", options->ocr.languages, "OCR languages (default eng+spa)");
  cmd->add_option("--jobs", options->ocr.jobs,
                  "pages OCR'd at once (default 1: pages are printed as read, memory stays flat)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--deskew", options->ocr.cleanup.deskew, "OCR: straighten pages scanned askew first");
  cmd->add_flag("--binarize", options->ocr.cleanup.binarize, "OCR: black-and-white gray or colour scans first");
}

int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err) {
  pdf::OpenOptions open;
  open.password = options.password;
  // "-": the PDF on standard input, held in memory (never copied to disk).
  StatusOr<std::unique_ptr<pdf::Document>> doc =
      options.file == "-" ? pdf::Document::OpenBytes(std::string(std::istreambuf_iterator<char>(std::cin), {}),
                                                     "standard input", open)
                          : pdf::Document::Open(options.file, open);
  if (!doc) return Fail(err, doc.error());
  WarnIfRepaired(err, options.file, (*doc)->repair_reason());
  // JSON is written page by page, so memory stays flat on long documents.
  const bool json = options.format == ExtractOptions::Format::kJson;
  if (json) out << "{\"file\": " << JsonText(options.file) << ", \"pages\": [\n";
  OcrContext ocr;
  ocr.mode = options.ocr.mode;
  ocr.languages = options.ocr.languages;
  ocr.jobs = options.ocr.jobs;
  ocr.cleanup = options.ocr.cleanup;
  ocr.on_page = PageProgress(options.verbosity, err, options.file == "-" ? "standard input" : options.file);
  // With workers, the pages are read first and printed after.
  std::vector<PageText> all;
  if (ocr.jobs > 1) {
    StatusOr<std::vector<PageText>> pages = ReadDocumentText(**doc, &ocr);
    if (!pages) return Fail(err, pages.error());
    all = std::move(*pages);
  }
  for (int i = 0; i < (*doc)->page_count(); ++i) {
    const int recognized = ocr.pages_recognized;
    StatusOr<PageText> page = ocr.jobs > 1 ? StatusOr<PageText>(std::move(all[static_cast<size_t>(i)]))
                                           : ReadPageText(**doc, i, &ocr);
    if (!page) return Fail(err, page.error());
    // ReadDocumentText reported the pages it read itself.
    if (ocr.jobs <= 1 && ocr.on_page) ocr.on_page(i + 1, (*doc)->page_count(), ocr.pages_recognized > recognized);
    WarnUnread(err, options.file, *page);
    nlohmann::json page_json = json ? PageJson(*page, options.glyphs) : nlohmann::json();
    StatusOr<std::string> shown = AnnotationsOf(**doc, i, json, options.file, err, &page_json);
    if (!shown) return Fail(err, shown.error());
    if (json) {
      if (i > 0) out << ",\n";
      out << JsonText(page_json);
    } else {
      const bool apart = !shown->empty() && !page->text.empty() && page->text.back() != '\n';
      out << page->text << (apart ? "\n" : "") << *shown << "\n\f";
    }
  }
  if (json) out << "\n]}\n";
  out.flush();
  if (!out) return Fail(err, Status(StatusCode::kWriteFailed, "cannot write to standard output"));
  return kExitOk;
}

}  // namespace redact::cli
