#include "tools/redact/scan_command.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>

#include "pipeline/analyze.h"
#include "pipeline/report.h"
#include "stages/detect/layout.h"
#include "tools/redact/common.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

void PrintText(const std::string& file, const AnalyzedDocument& doc, std::ostream& out) {
  out << file << "\n";
  std::map<std::string, int> counts;
  for (const Finding& f : doc.findings) {
    ++counts[f.category];
    std::string text = TextWithoutLineNumbers(doc.pages[f.page - 1], f.begin, f.end);
    std::replace(text.begin(), text.end(), '\n', ' ');
    out << "  p" << f.page << "  " << f.category << "  [" << f.rule << "]  \"" << text << "\"";
    if (!f.entity.empty()) out << "  entity=" << f.entity;
    out << "\n";
  }
  // Outside the page content: what apply scrubs from side channels.
  for (const Finding& f : doc.side_findings) {
    out << "  " << (f.page > 0 ? "p" + std::to_string(f.page) : std::string("doc")) << "  " << f.category << "  ["
        << f.rule << "]  in " << f.channel << " " << f.object << (f.key.empty() ? "" : " /" + f.key) << "  \""
        << f.value << "\"";
    if (!f.entity.empty()) out << "  entity=" << f.entity;
    out << "\n";
  }
  int undecodable = 0;
  for (const PageText& p : doc.pages) undecodable += p.undecodable_glyph_count();
  out << "  " << doc.findings.size() << " finding(s)";
  for (const auto& [c, n] : counts) out << ", " << c << " " << n;
  if (!doc.side_findings.empty()) out << "; " << doc.side_findings.size() << " in side channels";
  if (undecodable > 0) out << "; WARNING: " << undecodable << " undecodable glyph(s)";
  out << "\n";
}

}  // namespace

void AddScanCommand(CLI::App* app, ScanOptions* options) {
  CLI::App* cmd = app->add_subcommand("scan", "Print findings for review (nothing is written)");
  cmd->add_option("files", options->files, "PDF files")->required();
  const std::map<std::string, ScanFormat> formats = {{"text", ScanFormat::kText}, {"json", ScanFormat::kJson}};
  cmd->add_option("--format", options->format, "text or json")->transform(CLI::CheckedTransformer(formats));
  AddPasswordFlags(cmd, &options->password, "password for encrypted PDFs");
  AddSessionFlags(cmd, &options->session, "pages OCR'd at once (default: one per core)");
}

int RunScan(const ScanOptions& options, std::ostream& out, std::ostream& err) {
  int code = kExitOk;
  std::unique_ptr<Session> session = OpenSession(options.session, err, &code);
  if (!session) return code;
  std::map<std::string, int> totals;
  nlohmann::json documents = nlohmann::json::array();
  size_t failed = 0;
  StatusCode last_error = StatusCode::kOk;
  OcrContext ocr = session->NewOcrContext();
  for (const std::string& file : options.files) {
    ocr.on_page = PageProgress(options.verbosity, err, file);
    StatusOr<AnalyzedDocument> doc =
        AnalyzeDocument(file, session->OpenOptionsFor(options.password), session->detector(), &ocr,
                        GlyphHolding::kAuto);
    if (!doc) {
      Fail(err, doc.error());
      ++failed, last_error = doc.error().code();
      continue;
    }
    WarnIfRepaired(err, file, doc->document->repair_reason());
    for (const DocumentResult::PageToReview& p : PagesToReview(doc->pages)) {
      err << "redact: " << file << ": page " << p.page << ": review by hand before filing (" << p.reason << ")\n";
    }
    for (const Finding& f : doc->findings) ++totals[f.category];
    if (options.format == ScanFormat::kJson) {
      StatusOr<std::vector<Rect>> boxes = FindingBoxes(&*doc);
      if (!boxes) {
        Fail(err, boxes.error());
        ++failed, last_error = boxes.error().code();
        continue;
      }
      documents.push_back(ScanDocumentJson(file, *doc, *boxes));
    } else {
      PrintText(file, *doc, out);
    }
  }
  if (options.format == ScanFormat::kJson) {
    out << JsonText({{"documents", std::move(documents)}, {"counts", totals}}, 1) << "\n";
  } else {
    out << "summary:";
    for (const auto& [c, n] : totals) out << " " << c << "=" << n;
    out << "\n";
  }
  return ExitCodeForBatch(options.files.size(), failed, last_error);
}

}  // namespace redact::cli
