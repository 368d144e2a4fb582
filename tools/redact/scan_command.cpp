#include "tools/redact/scan_command.h"

#include <algorithm>
#include <thread>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/analyze.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

Rect FindingBox(const PageText& page, const Finding& f) {
  Rect box{};
  bool any = false;
  for (int g : f.glyphs) {
    box = any ? box.Union(page.glyphs[g].box) : page.glyphs[g].box;
    any = true;
  }
  return box;
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

std::string PatternsDir(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("REDACT_PATTERNS")) return env;
  return REDACT_PATTERNS_DIR;
}

void AddDetectionOptions(CLI::App* cmd, DetectionOptions* options) {
  cmd->add_option("--names", options->names, "names master list (CSV with a header)");
  cmd->add_option("--policy", options->policy, "policy file (TOML)");
  cmd->add_option("--patterns", options->patterns,
                  "folder of rule files (default: the shipped patterns/, or $REDACT_PATTERNS)");
  cmd->add_option("--ocr", options->ocr,
                  "OCR pages without a text layer: auto (default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--lang", options->lang, "OCR languages (Tesseract names, default eng+spa)");
  cmd->add_option("--jobs", options->jobs, "pages OCR'd at once (default: one per core)")
      ->check(CLI::Range(0, 256));
  cmd->add_flag("--deskew", options->deskew, "OCR: straighten pages scanned askew first");
  cmd->add_flag("--binarize", options->binarize,
                "OCR: black-and-white gray or colour scans first (adaptive threshold: uneven light, faint faxes)");
}

OcrContext MakeOcrContext(const DetectionOptions& options) {
  OcrContext ocr;
  ocr.mode = options.ocr;
  ocr.languages = options.lang;
  ocr.cleanup.deskew = options.deskew;
  ocr.cleanup.binarize = options.binarize;
  ocr.jobs = options.jobs > 0 ? options.jobs : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  return ocr;
}

void AddScanCommand(CLI::App* app, ScanOptions* options) {
  CLI::App* cmd = app->add_subcommand("scan", "Print findings for review (nothing is written)");
  cmd->add_option("files", options->files, "PDF files")->required();
  cmd->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--password", options->password, "password for encrypted PDFs");
  AddDetectionOptions(cmd, &options->detection);
}

int RunScan(const ScanOptions& options, std::ostream& out, std::ostream& err) {
  auto detector = LoadDetector(PatternsDir(options.detection.patterns), options.detection.names,
                               options.detection.policy);
  if (!detector) {
    err << "redact: " << detector.error().message() << "\n";
    return ExitCodeFor(detector.error().code()) == kExitInputFile ||
                   detector.error().code() == StatusCode::kInvalidArgument
               ? kExitUsage
               : ExitCodeFor(detector.error().code());
  }
  pdf::OpenOptions open;
  open.password = options.password;
  open.limits = (*detector)->policy().limits;
  std::map<std::string, int> totals;
  nlohmann::json documents = nlohmann::json::array();
  int failed = 0, last_error = kExitOk;
  OcrContext ocr = MakeOcrContext(options.detection);
  for (const std::string& file : options.files) {
    StatusOr<AnalyzedDocument> doc = AnalyzeDocument(file, open, **detector, &ocr);
    if (!doc) {
      err << "redact: " << doc.error().message() << "\n";
      ++failed;
      last_error = ExitCodeFor(doc.error().code());
      continue;
    }
    std::map<std::string, int> counts;
    nlohmann::json findings = nlohmann::json::array();
    if (options.format == "text") out << file << "\n";
    for (const Finding& f : doc->findings) {
      ++counts[f.category];
      ++totals[f.category];
      const PageText& page = doc->pages[f.page - 1];
      const std::string text = OneLine(page.text.substr(f.begin, f.end - f.begin));
      if (options.format == "json") {
        const Rect b = FindingBox(page, f);
        findings.push_back({{"page", f.page},
                            {"category", f.category},
                            {"rule", f.rule},
                            {"text", text},
                            {"value", f.value},
                            {"entity", f.entity},
                            {"confidence", f.confidence},
                            {"reason", f.reason},
                            {"glyphs", f.glyphs.size()},
                            {"bbox", {b.x0, b.y0, b.x1, b.y1}}});
      } else {
        out << "  p" << f.page << "  " << f.category << "  [" << f.rule << "]  \"" << text << "\"";
        if (!f.entity.empty()) out << "  entity=" << f.entity;
        out << "\n";
      }
    }
    int undecodable = 0;
    for (const PageText& p : doc->pages) undecodable += p.undecodable_glyph_count();
    if (options.format == "json") {
      documents.push_back({{"file", file},
                           {"pages", doc->pages.size()},
                           {"undecodable_glyphs", undecodable},
                           {"counts", counts},
                           {"findings", std::move(findings)}});
    } else {
      out << "  " << doc->findings.size() << " finding(s)";
      for (const auto& [c, n] : counts) out << ", " << c << " " << n;
      if (undecodable > 0) out << "; WARNING: " << undecodable << " undecodable glyph(s)";
      out << "\n";
    }
  }
  if (options.format == "json") {
    out << nlohmann::json{{"documents", std::move(documents)}, {"counts", totals}}.dump(
               1, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  } else {
    out << "summary:";
    for (const auto& [c, n] : totals) out << " " << c << "=" << n;
    out << "\n";
  }
  if (failed == 0) return kExitOk;
  return options.files.size() == 1 ? last_error : kExitSomeFailed;
}

}  // namespace redact::cli
