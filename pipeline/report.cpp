#include "pipeline/report.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "stages/detect/layout.h"

namespace redact {
namespace {

using nlohmann::json;

double Round2(double v) { return std::round(v * 100.0) / 100.0; }

json BoxJson(const Rect& r) { return json::array({Round2(r.x0), Round2(r.y0), Round2(r.x1), Round2(r.y1)}); }

json FindingsJson(const DocumentResult& r) {
  json findings = json::array();
  for (const DocumentResult::FindingRecord& f : r.findings) {
    findings.push_back({{"page", f.page},
                        {"category", f.category},
                        {"rule", f.rule},
                        {"value_hash", f.value_hash},
                        {"entity_hash", f.entity_hash},
                        {"confidence", f.confidence},
                        {"glyphs", f.glyphs}});
  }
  return findings;
}

json SideFindingsJson(const DocumentResult& r) {
  json side = json::array();
  for (const DocumentResult::SideFindingRecord& f : r.side_findings) {
    side.push_back({{"page", f.page},         {"channel", f.channel},       {"object", f.object},
                    {"key", f.key},           {"category", f.category},     {"rule", f.rule},
                    {"value_hash", f.value_hash}, {"entity_hash", f.entity_hash}});
  }
  return side;
}

json PerPageJson(const DocumentResult& r) {
  std::map<int, std::map<std::string, int>> per_page;
  for (const DocumentResult::FindingRecord& f : r.findings) ++per_page[f.page][f.rule];
  json pages = json::array();
  for (const auto& [page, rules] : per_page) pages.push_back({{"page", page}, {"rules", rules}});
  return pages;
}

json RemovedJson(const DocumentResult::Removed& m) {
  return {{"glyphs", m.glyphs},
          {"undecodable_glyphs", m.undecodable_glyphs},
          {"images_burned", m.images_burned},
          {"images_replaced_whole", m.images_replaced_whole},
          {"streams_rewritten", m.streams_rewritten},
          {"form_xobjects_copied", m.form_xobjects_copied},
          {"orphan_objects_dropped", m.orphan_objects_dropped}};
}

// How the output was checked: the level, the engines that read it, and how
// many pages the second engine read and rendered (counts, never text).
void AddVerificationCounts(const DocumentResult::Verification& v, json* out) {
  (*out)["level"] = v.level;
  (*out)["engines"] = v.engines;
  (*out)["pages_poppler"] = v.pages_poppler;
  (*out)["pages_rendered"] = v.pages_rendered;
  (*out)["render_reasons"] = v.render_reasons;
  (*out)["pages_render_skipped"] = v.pages_render_skipped;
  (*out)["images_unpainted_ocrd"] = v.images_unpainted_ocrd;
}

void ReadVerificationCounts(const json& j, DocumentResult::Verification* v) {
  v->level = j.value("level", "");
  v->engines = j.value("engines", std::vector<std::string>());
  v->pages_poppler = j.value("pages_poppler", 0);
  v->pages_rendered = j.value("pages_rendered", 0);
  v->render_reasons = j.value("render_reasons", std::map<std::string, int>());
  v->pages_render_skipped = j.value("pages_render_skipped", 0);
  v->images_unpainted_ocrd = j.value("images_unpainted_ocrd", 0);
}

}  // namespace

std::string JsonText(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json ReportJson(const DocumentResult& r) {
  json report;
  report["tool"] = "redact";
  report["output"] = std::filesystem::path(r.output_pdf).filename().string();
  report["pages"] = r.pages;
  report["input_repaired"] = {{"repaired", !r.input_repaired.empty()}, {"reason", r.input_repaired}};
  report["language"] = r.language;
  report["counts"] = r.counts;
  report["per_page"] = PerPageJson(r);
  report["findings"] = FindingsJson(r);
  report["side_findings"] = SideFindingsJson(r);
  json boxes = json::array();
  for (const DocumentResult::Box& b : r.boxes) {
    boxes.push_back({{"page", b.page}, {"category", b.category}, {"bbox", {b.bbox[0], b.bbox[1], b.bbox[2], b.bbox[3]}}});
  }
  report["boxes"] = boxes;
  json replacements = json::array();
  for (const DocumentResult::Replacement& x : r.replacements) {
    replacements.push_back({{"page", x.page}, {"category", x.category}, {"form", x.form}, {"scale", x.scale}});
  }
  report["replacements"] = replacements;
  report["removed"] = RemovedJson(r.removed);
  report["side_channels"] = r.side_channels;
  report["dropped"] = r.dropped;
  json review = json::array();
  for (const DocumentResult::PageToReview& p : r.pages_to_review) review.push_back({{"page", p.page}, {"reason", p.reason}});
  report["warnings"] = {{"extraction_problems", r.extraction_problems}, {"notes", r.notes}, {"pages_to_review", review}};
  report["timings_ms"] = {{"analyze", r.analyze_ms}, {"redact", r.redact_ms}, {"write", r.write_ms}};
  json leaks = r.verification.leaks;
  report["verification"] = {{"checked", r.verification.checked}, {"skipped", r.verification.skipped}, {"leaks", leaks}};
  AddVerificationCounts(r.verification, &report["verification"]);
  return report;
}

std::string ReportText(const DocumentResult& result) { return JsonText(ReportJson(result), 1) + "\n"; }

std::string ResultLine(const DocumentResult& r) {
  json line = ReportJson(r);
  line["output_pdf"] = r.output_pdf;
  line["report"] = r.report;
  return JsonText(line);
}

StatusOr<DocumentResult> ParseResultLine(std::string_view text) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("output_pdf")) {
    return Error(StatusCode::kInternal, "a worker's result line is not one");
  }
  DocumentResult r;
  try {
    r.output_pdf = j.at("output_pdf").get<std::string>();
    r.report = j.at("report").get<std::string>();
    r.pages = j.at("pages").get<int>();
    r.input_repaired = j.at("input_repaired").at("reason").get<std::string>();
    r.language = j.at("language").get<std::string>();
    r.counts = j.at("counts").get<std::map<std::string, int>>();
    for (const json& f : j.at("findings")) {
      r.findings.push_back({f.at("page").get<int>(), f.at("category").get<std::string>(),
                            f.at("rule").get<std::string>(), f.at("value_hash").get<std::string>(),
                            f.at("entity_hash").get<std::string>(), f.at("confidence").get<double>(),
                            f.at("glyphs").get<size_t>()});
    }
    for (const json& f : j.at("side_findings")) {
      r.side_findings.push_back({f.at("page").get<int>(), f.at("channel").get<std::string>(),
                                 f.at("object").get<std::string>(), f.at("key").get<std::string>(),
                                 f.at("category").get<std::string>(), f.at("rule").get<std::string>(),
                                 f.at("value_hash").get<std::string>(), f.at("entity_hash").get<std::string>()});
    }
    for (const json& b : j.at("boxes")) {
      DocumentResult::Box box{b.at("page").get<int>(), b.at("category").get<std::string>(), {}};
      for (int k = 0; k < 4; ++k) box.bbox[k] = b.at("bbox").at(static_cast<size_t>(k)).get<double>();
      r.boxes.push_back(box);
    }
    for (const json& x : j.value("replacements", json::array())) {
      r.replacements.push_back({x.at("page").get<int>(), x.at("category").get<std::string>(),
                                x.at("form").get<std::string>(), x.at("scale").get<double>()});
    }
    const json& m = j.at("removed");
    r.removed = {m.at("glyphs").get<int>(),          m.at("undecodable_glyphs").get<int>(),
                 m.at("images_burned").get<int>(),   m.at("images_replaced_whole").get<int>(),
                 m.at("streams_rewritten").get<int>(), m.at("form_xobjects_copied").get<int>(),
                 m.at("orphan_objects_dropped").get<int>()};
    r.side_channels = j.at("side_channels").get<std::vector<std::string>>();
    r.dropped = j.value("dropped", std::map<std::string, int>());
    const json& w = j.at("warnings");
    r.notes = w.at("notes").get<std::vector<std::string>>();
    r.extraction_problems = w.at("extraction_problems").get<std::map<std::string, int>>();
    for (const json& p : w.at("pages_to_review")) {
      r.pages_to_review.push_back({p.at("page").get<int>(), p.at("reason").get<std::string>()});
    }
    const json& t = j.at("timings_ms");
    r.analyze_ms = t.at("analyze").get<double>(), r.redact_ms = t.at("redact").get<double>();
    r.write_ms = t.at("write").get<double>();
    r.verification.checked = j.at("verification").at("checked").get<bool>();
    r.verification.skipped = j.at("verification").at("skipped").get<std::string>();
    r.verification.leaks = j.at("verification").at("leaks").get<std::vector<std::string>>();
    ReadVerificationCounts(j.at("verification"), &r.verification);
  } catch (const json::exception& e) {
    return Error(StatusCode::kInternal, std::string("a worker's result line is malformed: ") + e.what());
  }
  return r;
}

std::string WorkerLine(const StatusOr<DocumentResult>& result) {
  if (result) return ResultLine(*result);
  return JsonText({{"error", StatusCodeName(result.error().code())}, {"message", result.error().message()}});
}

StatusOr<DocumentResult> ParseWorkerLine(std::string_view line) {
  const json j = json::parse(line, nullptr, false);
  if (!j.is_discarded() && j.is_object() && j.contains("error") && j["error"].is_string() &&
      j.contains("message") && j["message"].is_string()) {
    const std::string name = j["error"].get<std::string>();
    for (int c = static_cast<int>(StatusCode::kInvalidArgument); c <= static_cast<int>(StatusCode::kInternal); ++c) {
      if (StatusCodeName(static_cast<StatusCode>(c)) == name) {
        return Error(static_cast<StatusCode>(c), j["message"].get<std::string>());
      }
    }
    return Error(StatusCode::kInternal, j["message"].get<std::string>());
  }
  return ParseResultLine(line);
}

std::string_view DocumentStatusName(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::kDone: return "done";
    case DocumentStatus::kFailed: return "failed";
    case DocumentStatus::kSkipped: return "skipped";
    case DocumentStatus::kInterrupted: return "interrupted";
  }
  return "failed";
}

JobTotals CountJob(const std::vector<JobDocument>& documents) {
  JobTotals t;
  for (const JobDocument& d : documents) {
    if (d.status == DocumentStatus::kDone) ++t.done;
    if (d.status == DocumentStatus::kSkipped) ++t.skipped;
    if (d.status == DocumentStatus::kFailed) ++t.failed;
    if (d.status == DocumentStatus::kInterrupted) ++t.interrupted;
    if (d.status == DocumentStatus::kFailed && d.error == StatusCode::kLeakDetected) ++t.leaks;
  }
  return t;
}

std::string JobSummaryText(const std::vector<JobDocument>& documents, double seconds) {
  json docs = json::array();
  for (const JobDocument& r : documents) {
    json d = {{"output", r.output},   {"status", DocumentStatusName(r.status)}, {"reason", r.reason},
              {"pages", r.pages},     {"findings", r.counts.empty() ? json::object() : json(r.counts)},
              {"seconds", Round2(r.seconds)}};
    json review = json::array();
    for (const DocumentResult::PageToReview& p : r.pages_to_review) {
      review.push_back({{"page", p.page}, {"reason", p.reason}});
    }
    d["pages_to_review"] = std::move(review);
    // The input's own path only when it holds no identifier; otherwise it
    // is in the sealed mapping alone.
    if (r.input.empty()) {
      d["input_renamed"] = true;
    } else {
      d["input"] = r.input;
    }
    docs.push_back(std::move(d));
  }
  const JobTotals t = CountJob(documents);
  size_t to_review = 0;
  for (const JobDocument& r : documents) to_review += r.pages_to_review.size();
  const json summary = {
      {"tool", "redact " REDACT_VERSION},
      {"documents", docs},
      {"totals",
       {{"done", t.done}, {"skipped", t.skipped}, {"failed", t.failed}, {"interrupted", t.interrupted},
        {"pages_to_review", to_review}}},
      {"seconds", Round2(seconds)}};
  return JsonText(summary, 1) + "\n";
}

std::string JobAttentionText(const std::vector<JobDocument>& documents) {
  std::string text;
  for (const JobDocument& d : documents) {
    if (d.status == DocumentStatus::kFailed) text += "  failed: " + d.output + ": " + d.reason + "\n";
  }
  for (const JobDocument& d : documents) {
    for (const DocumentResult::PageToReview& p : d.pages_to_review) {
      text += "  review: " + d.output + " page " + std::to_string(p.page) + " (" + p.reason + ")\n";
    }
  }
  return text;
}

std::string ProgressLine(const JobDocument& r, size_t done, size_t total, size_t failed_so_far) {
  return JsonText({{"event", "document"},
                   {"done", done},
                   {"total", total},
                   {"output", r.output},
                   {"status", DocumentStatusName(r.status)},
                   {"reason", r.reason},
                   {"pages", r.pages},
                   {"seconds", Round2(r.seconds)},
                   {"failed_so_far", failed_so_far}});
}

json ScanDocumentJson(const std::string& file, const AnalyzedDocument& doc, const std::vector<Rect>& boxes) {
  std::map<std::string, int> counts;
  json findings = json::array();
  for (size_t k = 0; k < doc.findings.size(); ++k) {
    const Finding& f = doc.findings[k];
    ++counts[f.category];
    const PageText& page = doc.pages[f.page - 1];
    std::string text = TextWithoutLineNumbers(page, f.begin, f.end);
    std::replace(text.begin(), text.end(), '\n', ' ');
    const Rect b = boxes[k];
    findings.push_back({{"page", f.page},         {"category", f.category},     {"rule", f.rule},
                        {"text", text},           {"value", f.value},           {"entity", f.entity},
                        {"confidence", f.confidence}, {"reason", f.reason},    {"basis", f.basis},
                        {"glyphs", f.glyphs.size()},
                        {"bbox", {b.x0, b.y0, b.x1, b.y1}}});
  }
  json side = json::array();
  for (const Finding& f : doc.side_findings) {
    side.push_back({{"page", f.page},         {"channel", f.channel}, {"object", f.object}, {"key", f.key},
                    {"category", f.category}, {"rule", f.rule},       {"value", f.value},   {"entity", f.entity},
                    {"reason", f.reason}});
  }
  int undecodable = 0;
  for (const PageText& p : doc.pages) undecodable += p.undecodable_glyph_count();
  return {{"file", file}, {"side_findings", std::move(side)}, {"pages", doc.pages.size()}, {"undecodable_glyphs", undecodable},
          {"counts", counts}, {"findings", std::move(findings)}};
}

namespace {

std::string JoinWords(const PageText& page, const std::vector<int>& words) {
  std::string s;
  for (int w : words) s += (s.empty() ? "" : " ") + page.words[w].text;
  return s;
}

// What the structure stage saw (extract only: it holds document text).
json LayoutJson(const PageText& page) {
  json tables = json::array();
  for (const Table& t : page.layout.tables) {
    json cells = json::array();
    for (const TableCell& c : t.cells) {
      cells.push_back({{"row", c.row}, {"column", c.column}, {"text", JoinWords(page, c.words)},
                       {"bbox", BoxJson(c.box)}});
    }
    tables.push_back({{"ruled", t.ruled}, {"bbox", BoxJson(t.box)}, {"rows", t.rows},
                      {"columns", t.columns}, {"header_rows", t.header_rows},
                      {"header_inherited", t.header_inherited}, {"headers", t.headers},
                      {"header_keys", t.header_keys}, {"cells", std::move(cells)}});
  }
  json fields = json::array();
  for (const LabeledField& f : page.layout.fields) {
    fields.push_back({{"key", f.key}, {"label", JoinWords(page, f.label_words)},
                      {"value", JoinWords(page, f.value_words)}, {"below", f.below}, {"comb", f.comb}});
  }
  json roles = json::array();
  for (const RoleBlock& r : page.layout.roles) {
    roles.push_back({{"role", std::string(BlockRoleName(r.role))},
                     {"bbox", BoxJson(page.blocks[static_cast<size_t>(r.block)].box)}});
  }
  // The line-number column of pleading paper or a transcript, top to bottom.
  json line_numbers = json::array();
  for (int w : page.layout.line_numbers) {
    const Word& word = page.words[static_cast<size_t>(w)];
    line_numbers.push_back({{"role", "line_number"}, {"text", word.text}, {"bbox", BoxJson(word.box)}});
  }
  return {{"tables", std::move(tables)},
          {"fields", std::move(fields)},
          {"roles", std::move(roles)},
          {"line_numbers", std::move(line_numbers)}};
}

}  // namespace

json PageJson(const PageText& page, bool with_glyphs) {
  json p;
  p["number"] = page.number;
  p["width"] = Round2(page.geometry.display_width);
  p["height"] = Round2(page.geometry.display_height);
  p["rotate"] = page.geometry.rotate;
  json words = json::array();
  for (const Word& w : page.words) words.push_back({{"text", w.text}, {"bbox", BoxJson(w.box)}});
  p["words"] = std::move(words);
  p["text"] = page.text;
  p["layout"] = LayoutJson(page);
  p["undecodable_glyphs"] = page.undecodable_glyph_count();
  std::map<std::string, int> problems;
  for (const ExtractionProblem& pr : page.problems) ++problems[std::string(ExtractionProblemName(pr.kind))];
  p["problems"] = problems;
  if (with_glyphs) {
    json glyphs = json::array();
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

nlohmann::json VerifyJson(const std::string& file, const VerifyResult& result) {
  const nlohmann::json second = {{"engines", result.engines},
                                 {"pages_poppler", result.pages_poppler},
                                 {"pages_rendered", result.pages_rendered},
                                 {"render_reasons", result.render_reasons},
                                 {"pages_render_skipped", result.pages_render_skipped},
                                 {"images_unpainted_ocrd", result.images_unpainted_ocrd}};
  const auto leaks = [](const std::vector<Leak>& list) {
    nlohmann::json array = nlohmann::json::array();
    for (const Leak& l : list) array.push_back({{"channel", l.channel}, {"where", l.where}, {"category", l.category}});
    return array;
  };
  const char* status = !result.structure_problem.empty() ? "damaged" : result.leaks.empty() ? "clean" : "leak";
  nlohmann::json j = {{"file", file},
                      {"status", status},
                      {"pages", result.pages},
                      {"objects_checked", result.objects_checked},
                      {"streams_checked", result.streams_checked},
                      {"values_searched", result.values_searched},
                      {"leaks", leaks(result.leaks)},
                      {"to_review", leaks(result.to_review)}};
  j.update(second);
  if (!result.structure_problem.empty()) j["structure_problem"] = result.structure_problem;
  return j;
}

}  // namespace redact
