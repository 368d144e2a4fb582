#include "tools/redact/apply_command.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "pdf/clean_writer.h"
#include "pipeline/analyze.h"
#include "pipeline/output_names.h"
#include "stages/seal/keyed_hash.h"
#include "stages/seal/mapping.h"
#include "stages/write_pseudonym/pseudonyms.h"
#include <sodium.h>
#include "stages/write_redact/redactor.h"
#include "stages/write_review/review.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

namespace fs = std::filesystem;

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

bool SameFile(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

}  // namespace

void AddApplySettings(CLI::App* cmd, ApplyOptions* options) {
  cmd->add_option("--password", options->password, "password for encrypted PDFs");
  cmd->add_flag("--no-boxes", options->no_boxes, "remove without drawing boxes");
  cmd->add_flag("--uniform-boxes", options->uniform_boxes,
                "round box widths up to 3-em steps where the line has room (never over "
                "live text); labels come from the policy's [labels]");
  cmd->add_flag("--ocr-layer", options->ocr_layer,
                "make redacted scans searchable: an invisible text layer of the OCR'd words that "
                "were not removed");
  cmd->add_flag("--fail-on-undecodable", options->fail_on_undecodable,
                "fail a document whose pages with findings hold undecodable text "
                "(default: remove and box that text)");
  cmd->add_option("--mode", options->mode, "redact (boxes) or pseudonymize (replacements drawn)")
      ->check(CLI::IsMember({"redact", "pseudonymize"}));
  cmd->add_option("--recipient", options->recipients,
                  "seal the mapping to this age recipient (age1…, repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--recipients-file", options->recipients_file, "file of age recipients");
  cmd->add_option("--passphrase-file", options->passphrase_file,
                  "seal the mapping with the passphrase in this file (scrypt)");
  cmd->add_flag("--armor", options->armor, "write the sealed mapping ASCII-armored (PEM)");
  cmd->add_flag("--no-mapping", options->no_mapping,
                "pseudonymize without a mapping: the pseudonyms cannot be reversed");
  cmd->add_option("--output-names", options->output_names,
                  "pseudonym: file and folder names holding an identifier take its pseudonym "
                  "(default); sequence: doc-000001.pdf …; keep: the input's name, for inputs known "
                  "to be clean")
      ->check(CLI::IsMember({"pseudonym", "sequence", "keep"}));
  cmd->add_option("--job-key", options->job_key,
                  "file holding the job key: pseudonyms of unlisted people and report hashes "
                  "stay the same across runs and shards that share it");
  AddDetectionOptions(cmd, &options->detection);
}

void AddApplyCommand(CLI::App* app, ApplyOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "apply", "Write redacted PDFs and reports (identifiers removed, not covered)");
  cmd->add_option("files", options->files, "PDF files")->required();
  cmd->add_option("--out", options->out, "output folder (created if missing)")->required();
  cmd->add_option("--findings", options->findings,
                  "apply exactly the findings of a reviewed file (from redact review) "
                  "instead of detecting; one input only");
  cmd->add_option("--mapping-out", options->mapping_out,
                  "where the sealed mapping goes (default: OUT/mapping.age)");
  AddApplySettings(cmd, options);
}

int RunApply(const ApplyOptions& options, std::ostream& out, std::ostream& err) {
  auto detector = LoadDetector(PatternsDir(options.detection.patterns), options.detection.names,
                               options.detection.policy);
  if (!detector) {
    err << "redact: " << detector.error().message() << "\n";
    return kExitUsage;
  }
  return RunApplyWith(options, **detector, out, err);
}

StatusOr<std::unique_ptr<KeyedHasher>> LoadJobHasher(const std::string& path) {
  StatusOr<age::SecureBuffer> key = ReadSecretFile(path, "job key file");
  if (!key) return Error(key.error());
  if (key->size() < 16) {
    return Error(StatusCode::kInvalidArgument, path + ": a job key file needs at least 16 bytes");
  }
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, key->data(), key->size(), nullptr, 0);
  auto hasher = std::make_unique<KeyedHasher>(std::string(reinterpret_cast<char*>(digest), 32));
  sodium_memzero(digest, sizeof digest);
  return hasher;
}

int RunApplyWith(const ApplyOptions& options, const Detector& detector, std::ostream& out, std::ostream& err) {
  // Sealing: recipients and/or a passphrase (age allows a passphrase only
  // alone); pseudonyms without a way back need --no-mapping.
  std::vector<age::X25519Recipient> recipients;
  std::vector<std::string> recipient_texts = options.recipients;
  if (options.recipients_file) {
    std::ifstream in(*options.recipients_file);
    if (!in) {
      err << "redact: " << *options.recipients_file << ": cannot open\n";
      return kExitInputFile;
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') recipient_texts.push_back(line);
    }
  }
  for (const std::string& r : recipient_texts) {
    auto parsed = age::X25519Recipient::Parse(r);
    if (!parsed) {
      err << "redact: --recipient: " << parsed.error().message() << "\n";
      return kExitUsage;
    }
    recipients.push_back(*parsed);
  }
  std::optional<age::SecureBuffer> passphrase;
  if (options.passphrase_file) {
    StatusOr<age::SecureBuffer> read = ReadPassphraseFile(*options.passphrase_file);
    if (!read) {
      err << "redact: " << read.error().message() << "\n";
      return read.error().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitInputFile;
    }
    passphrase.emplace(std::move(*read));
  }
  if (passphrase && !recipients.empty()) {
    err << "redact: the age format seals to recipients or to a passphrase, not both\n";
    return kExitUsage;
  }
  const bool sealing = passphrase || !recipients.empty();
  const bool pseudonymize = options.mode == "pseudonymize";
  if (pseudonymize && !sealing && !options.no_mapping) {
    err << "redact: pseudonymize needs --recipient, --recipients-file or --passphrase-file to "
           "seal the mapping, or --no-mapping to accept that pseudonyms cannot be reversed\n";
    return kExitUsage;
  }
  std::unique_ptr<KeyedHasher> job_hasher;
  if (options.job_key) {
    StatusOr<std::unique_ptr<KeyedHasher>> loaded = LoadJobHasher(*options.job_key);
    if (!loaded) {
      err << "redact: " << loaded.error().message() << "\n";
      return kExitUsage;
    }
    job_hasher = std::move(*loaded);
  }
  std::string policy_hash = "none";
  if (options.detection.policy) {
    std::ifstream in(*options.detection.policy, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char hex[2 * sizeof h + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    policy_hash = hex;
  }
  MappingBuilder mapping("redact " REDACT_VERSION, policy_hash);
  PseudonymStyle style;
  style.name = detector.policy().pseudonym_name;
  style.name_label = detector.policy().pseudonym_name_label;
  style.a_number = detector.policy().pseudonym_a_number;
  std::optional<nlohmann::json> reviewed;
  if (options.findings) {
    if (options.files.size() != 1) {
      err << "redact: --findings goes with exactly one input\n";
      return kExitUsage;
    }
    std::ifstream in(*options.findings);
    if (!in) {
      err << "redact: " << *options.findings << ": cannot open the findings file\n";
      return kExitInputFile;
    }
    reviewed = nlohmann::json::parse(in, nullptr, false);
    if (reviewed->is_discarded()) {
      err << "redact: " << *options.findings << ": not valid JSON\n";
      return kExitUsage;
    }
  }
  std::error_code ec;
  fs::create_directories(options.out, ec);
  if (!fs::is_directory(options.out)) {
    err << "redact: " << options.out << ": cannot create the output folder\n";
    return kExitInputFile;
  }
  OcrContext ocr = MakeOcrContext(options.detection);
  KeyedHasher random_hasher;
  const KeyedHasher& hasher = job_hasher ? *job_hasher : random_hasher;
  Pseudonymizer pseudonyms(style, detector.names(), &hasher);
  // Output names: an input named after the person is not published under
  // that name, and messages call it by its output name.
  std::vector<std::string> file_names;
  for (const std::string& file : options.files) file_names.push_back(fs::path(file).stem().string() + ".pdf");
  const std::vector<NamedOutput> named =
      NameOutputs(file_names, *ParseOutputNaming(options.output_names), detector, pseudonyms);
  const size_t renamed = static_cast<size_t>(std::count_if(
      named.begin(), named.end(), [](const NamedOutput& n) { return !n.findings.empty(); }));
  if (renamed > 0 && !sealing && !options.output_file) {
    err << "redact: " << renamed << " input(s) named after a person are written under other names; "
        << "without --recipient or --passphrase-file no record links them to their outputs\n";
  }
  int failed = 0, last_error = kExitOk;
  for (size_t fi = 0; fi < options.files.size(); ++fi) {
    const std::string& file = options.files[fi];
    const auto t0 = std::chrono::steady_clock::now();
    const std::string out_name = options.output_file ? *options.output_file : named[fi].output;
    const bool renamed = options.display_name.has_value() || out_name != file_names[fi];
    // Folders typed on the command line can name the person too.
    const bool hide_path = renamed || (!options.output_file && PathHoldsIdentifier(file, detector));
    const std::string shown = options.display_name ? *options.display_name
                              : renamed            ? "input renamed " + out_name
                              : hide_path          ? "input " + out_name
                                                   : file;
    const fs::path out_pdf = fs::path(options.out) / out_name;
    fs::path out_report = out_pdf;
    out_report.replace_extension(".report.json");
    auto fail = [&](const Status& s) {
      err << "redact: " << s.message() << "\n";
      ++failed;
      last_error = ExitCodeFor(s.code());
    };
    if (SameFile(file, out_pdf) || SameFile(file, out_report)) {
      fail(Status(StatusCode::kInvalidArgument, shown + ": refusing to overwrite the input"));
      continue;
    }
    pdf::OpenOptions open;
    open.password = options.password;
    open.limits = detector.policy().limits;
    if (shown != file) open.display_name = shown;
    StatusOr<AnalyzedDocument> doc = AnalyzeDocument(file, open, detector, &ocr);
    if (!doc) {
      fail(doc.error());
      continue;
    }
    if (reviewed) {
      // The reviewed list replaces detection, exactly.
      StatusOr<std::vector<Finding>> list =
          FindingsFromJson(*reviewed, *options.findings, doc->pages);
      if (!list) {
        err << "redact: " << list.error().message() << "\n";
        return kExitUsage;
      }
      doc->findings = std::move(*list);
    }
    // What the input already marks for redaction is removed too: dropping
    // those annotations alone would reveal what they hid.
    for (Finding& f : PriorRedactions(*doc->document, doc->pages)) {
      doc->findings.push_back(std::move(f));
    }
    const auto t1 = std::chrono::steady_clock::now();
    pseudonyms.Assign(&doc->findings);
    if (!pseudonymize) {
      for (Finding& f : doc->findings) {
        auto label = detector.policy().labels.find(f.category);
        f.replacement = label != detector.policy().labels.end() ? label->second : "[REDACTED]";
      }
    }
    RedactOptions redact_options;
    redact_options.pseudonymize = pseudonymize;
    redact_options.draw_boxes = !options.no_boxes;
    redact_options.fail_on_undecodable =
        options.fail_on_undecodable || detector.policy().undecodable_fail;
    redact_options.undecodable_everywhere = detector.policy().undecodable_everywhere;
    redact_options.vector_text_min_shapes =
        detector.policy().vector_text_keep ? 0 : detector.policy().vector_text_min_shapes;
    redact_options.uniform_width = options.uniform_boxes;
    redact_options.ocr_layer = options.ocr_layer;
    redact_options.labels = detector.policy().labels;
    StatusOr<RedactionSummary> summary =
        RedactDocument(*doc->document, doc->pages, doc->findings, detector, redact_options);
    if (!summary) {
      fail(summary.error());
      continue;
    }
    const auto t2 = std::chrono::steady_clock::now();
    pdf::CleanWriteStats stats;
    Status written = pdf::WriteCleanCopy(*doc->document, out_pdf.string(), &stats);
    if (!written.ok()) {
      fail(written);
      continue;
    }
    const auto t3 = std::chrono::steady_clock::now();

    // The report: counts, boxes, channels, warnings — never values.
    nlohmann::json report;
    report["tool"] = "redact";
    report["output"] = out_pdf.filename().string();
    report["pages"] = doc->pages.size();
    std::map<std::string, int> counts;
    std::map<int, std::map<std::string, int>> per_page_rules;
    nlohmann::json findings = nlohmann::json::array();
    for (const Finding& f : doc->findings) {
      ++counts[f.category];
      ++per_page_rules[f.page][f.rule];
      findings.push_back({{"page", f.page},
                          {"category", f.category},
                          {"rule", f.rule},
                          {"value_hash", hasher.Hash(f.category + ":" + f.value)},
                          {"entity_hash", f.entity.empty() ? "" : hasher.Hash("entity:" + f.entity)},
                          {"confidence", f.confidence},
                          {"glyphs", f.glyphs.size()}});
    }
    report["counts"] = counts;
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& [page, rules] : per_page_rules) pages.push_back({{"page", page}, {"rules", rules}});
    report["per_page"] = pages;
    report["findings"] = findings;
    nlohmann::json boxes = nlohmann::json::array();
    for (const RedactionBox& b : summary->boxes) {
      const Rect r = Quad::Transform(b.quad, doc->pages[b.page - 1].geometry.user_to_display).Bounds();
      boxes.push_back({{"page", b.page}, {"category", b.category},
                       {"bbox", {std::round(r.x0 * 100) / 100, std::round(r.y0 * 100) / 100,
                                 std::round(r.x1 * 100) / 100, std::round(r.y1 * 100) / 100}}});
    }
    report["boxes"] = boxes;
    report["removed"] = {{"glyphs", summary->glyphs_removed},
                         {"undecodable_glyphs", summary->undecodable_removed},
                         {"images_burned", summary->images_burned},
                         {"images_replaced_whole", summary->images_removed},
                         {"streams_rewritten", summary->streams_rewritten},
                         {"form_xobjects_copied", summary->forms_copied},
                         {"orphan_objects_dropped", stats.orphans_removed}};
    report["side_channels"] = summary->side_channels;
    std::map<std::string, int> problems;
    for (const PageText& p : doc->pages) {
      for (const ExtractionProblem& pr : p.problems) ++problems[std::string(ExtractionProblemName(pr.kind))];
    }
    // Pages a person must look at before filing: unread or badly read scans.
    nlohmann::json review_pages = nlohmann::json::array();
    for (const PageText& p : doc->pages) {
      for (const ExtractionProblem& pr : p.problems) {
        if (pr.kind == ExtractionProblem::Kind::kNotOcrd ||
            pr.kind == ExtractionProblem::Kind::kLowOcrConfidence) {
          review_pages.push_back({{"page", p.number}, {"reason", ExtractionProblemName(pr.kind)}});
        }
      }
    }
    report["warnings"] = {{"extraction_problems", problems},
                          {"notes", summary->warnings},
                          {"pages_to_review", review_pages}};
    report["timings_ms"] = {{"analyze", Ms(t0, t1)}, {"redact", Ms(t1, t2)}, {"write", Ms(t2, t3)}};
    Status r = pdf::WriteFileAtomically(out_report.string(),
                                        report.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    if (!r.ok()) {
      fail(r);
      continue;
    }
    if (sealing) {
      std::vector<MappingEntry> entries;
      for (const Finding& f : doc->findings) {
        const PageText& page = doc->pages[f.page - 1];
        Rect box{};
        for (size_t k = 0; k < f.glyphs.size(); ++k) {
          box = k == 0 ? page.glyphs[f.glyphs[k]].box : box.Union(page.glyphs[f.glyphs[k]].box);
        }
        std::string original = f.end > f.begin ? page.text.substr(f.begin, f.end - f.begin) : f.value;
        std::replace(original.begin(), original.end(), '\n', ' ');
        entries.push_back({f.replacement, std::move(original), f.category, f.entity, f.page,
                           {box.x0, box.y0, box.x1, box.y1}});
      }
      // The input's own name (which may name the person) is kept here,
      // sealed, and nowhere else.
      mapping.AddDocument(options.source_label ? *options.source_label : fs::path(file).filename().string(),
                          out_pdf.filename().string(), std::move(entries));
    }
    out << out_pdf.string() << ": " << doc->findings.size() << " finding(s) removed, "
        << summary->boxes.size() << " box(es); report " << out_report.string() << "\n";
    for (const nlohmann::json& r : report["warnings"]["pages_to_review"]) {
      err << "redact: " << shown << ": page " << r["page"].get<int>() << ": review by hand before filing ("
          << r["reason"].get<std::string>() << ")\n";
    }
  }
  if (sealing && !mapping.empty()) {
    const fs::path map_path =
        options.mapping_out ? fs::path(*options.mapping_out) : fs::path(options.out) / "mapping.age";
    auto sealed = mapping.Seal(recipients, passphrase ? &*passphrase : nullptr, options.armor);
    Status w = sealed ? pdf::WriteFileAtomically(map_path.string(), *sealed) : sealed.error();
    if (!w.ok()) {
      err << "redact: " << w.message() << "\n";
      return ExitCodeFor(w.code());
    }
    out << map_path.string() << ": mapping sealed (age); open it with redact unseal or age -d\n";
  }
  if (failed == 0) return kExitOk;
  return options.files.size() == 1 ? last_error : kExitSomeFailed;
}

}  // namespace redact::cli
