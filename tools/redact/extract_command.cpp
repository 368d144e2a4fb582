#include "tools/redact/extract_command.h"

#include <CLI/CLI.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "pdf/document.h"
#include "pipeline/analyze.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

double Round2(double v) { return std::round(v * 100.0) / 100.0; }

nlohmann::json BoxJson(const Rect& r) {
  return nlohmann::json::array({Round2(r.x0), Round2(r.y0), Round2(r.x1), Round2(r.y1)});
}

nlohmann::json PageJson(const PageText& page, bool with_glyphs) {
  nlohmann::json p;
  p["number"] = page.number;
  p["width"] = Round2(page.geometry.display_width);
  p["height"] = Round2(page.geometry.display_height);
  p["rotate"] = page.geometry.rotate;
  nlohmann::json words = nlohmann::json::array();
  for (const Word& w : page.words) {
    words.push_back({{"text", w.text}, {"bbox", BoxJson(w.box)}});
  }
  p["words"] = std::move(words);
  p["text"] = page.text;
  p["undecodable_glyphs"] = page.undecodable_glyph_count();
  std::map<std::string, int> problems;
  for (const ExtractionProblem& pr : page.problems) {
    ++problems[std::string(ExtractionProblemName(pr.kind))];
  }
  p["problems"] = problems;
  if (with_glyphs) {
    nlohmann::json glyphs = nlohmann::json::array();
    for (const Glyph& g : page.glyphs) {
      glyphs.push_back({{"text", g.text},
                        {"decodable", g.decodable},
                        {"bbox", BoxJson(g.box)},
                        {"render_mode", g.render_mode},
                        {"source", {g.source.stream, g.source.op, g.source.code}}});
    }
    p["glyphs"] = std::move(glyphs);
  }
  return p;
}

}  // namespace

void AddExtractCommand(CLI::App* app, ExtractOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "extract", "Print the glyph-accurate text of a PDF (text or JSON with word boxes)");
  cmd->add_option("file", options->file, "PDF file")->required();
  cmd->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--password", options->password,
                  "password for encrypted PDFs (the empty password is tried first)");
  cmd->add_flag("--glyphs", options->glyphs, "json: include every glyph");
  cmd->add_option("--ocr", options->ocr, "OCR pages without a text layer: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--lang", options->lang, "OCR languages (default eng+spa)");
  cmd->add_option("--jobs", options->jobs,
                  "pages OCR'd at once (default 1: pages are printed as read, memory stays flat)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--deskew", options->deskew, "OCR: straighten pages scanned askew first");
  cmd->add_flag("--binarize", options->binarize, "OCR: black-and-white gray or colour scans first");
}

int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err) {
  pdf::OpenOptions open;
  open.password = options.password;
  StatusOr<std::unique_ptr<pdf::Document>> doc = pdf::Document::Open(options.file, open);
  if (!doc) {
    err << "redact: " << doc.error().message() << "\n";
    return ExitCodeFor(doc.error().code());
  }
  // JSON is written page by page, so memory stays flat on long documents.
  const bool json = options.format == "json";
  if (json) {
    out << "{\"file\": " << nlohmann::json(options.file).dump(-1, ' ', false,
                                                           nlohmann::json::error_handler_t::replace)
        << ", \"pages\": [\n";
  }
  OcrContext ocr;
  ocr.mode = options.ocr;
  ocr.languages = options.lang;
  ocr.jobs = options.jobs;
  ocr.cleanup.deskew = options.deskew;
  ocr.cleanup.binarize = options.binarize;
  // With workers, the pages are read first and printed after.
  std::vector<PageText> all;
  if (ocr.jobs > 1) {
    StatusOr<std::vector<PageText>> pages = ReadDocumentText(**doc, &ocr);
    if (!pages) {
      err << "redact: " << pages.error().message() << "\n";
      return ExitCodeFor(pages.error().code());
    }
    all = std::move(*pages);
  }
  for (int i = 0; i < (*doc)->page_count(); ++i) {
    StatusOr<PageText> page = ocr.jobs > 1 ? StatusOr<PageText>(std::move(all[static_cast<size_t>(i)]))
                                           : ReadPageText(**doc, i, &ocr);
    if (!page) {
      err << "redact: " << page.error().message() << "\n";
      return ExitCodeFor(page.error().code());
    }
    if (json) {
      if (i > 0) out << ",\n";
      out << PageJson(*page, options.glyphs)
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
      out << page->text << "\n\f";
    }
  }
  if (json) out << "\n]}\n";
  out.flush();
  if (!out) {
    err << "redact: cannot write output\n";
    return kExitInputFile;
  }
  return kExitOk;
}

}  // namespace redact::cli
