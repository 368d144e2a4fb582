#include "pipeline/verify.h"

#include <podofo/podofo.h>

#include <fstream>
#include <set>
#include <sstream>

#include "pdf/podofo_util.h"
#include "pipeline/analyze.h"
#include "stages/assemble/assemble.h"
#include "stages/detect/normalize.h"
#include "stages/extract/extract.h"

namespace redact {
namespace {

using PoDoFo::PdfObject;

struct Needle {
  std::string category;
  std::vector<std::string> literal;  // searched in streams, strings, text
  std::string normalized;            // searched in normalized text/strings
  std::string digits;                // searched in digit projections
};

std::string Digits(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d.push_back(c);
  }
  return d;
}

std::string HexOf(std::string_view s, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

bool Numeric(const std::string& category) {
  return category == "a_number" || category == "receipt_number" || category == "ssn" ||
         category == "phone" || category == "i94" || category == "eoir_or_fbi_label";
}

// All strings of an object tree, depth-first (bounded).
void CollectStrings(const PdfObject* o, std::vector<std::string>* out, int depth) {
  if (!o || depth > 64) return;
  if (o->IsString() || o->IsHexString()) {
    out->push_back(o->GetString().GetStringUtf8());
    const PoDoFo::PdfString& s = o->GetString();
    out->push_back(std::string(s.GetString(), s.GetLength()));  // raw bytes too
  } else if (o->IsName()) {
    out->push_back(o->GetName().GetName());
  } else if (o->IsDictionary()) {
    for (const auto& [k, v] : o->GetDictionary().GetKeys()) CollectStrings(v, out, depth + 1);
  } else if (o->IsArray()) {
    for (const PdfObject& v : o->GetArray()) CollectStrings(&v, out, depth + 1);
  }
}

bool IsImageStream(const PdfObject* o) {
  return pdf::AsName(pdf::DictGet(o, "Subtype")).value_or("") == "Image";
}

}  // namespace

StatusOr<VerifyResult> VerifyOutput(const std::string& output_path,
                                    const std::optional<std::string>& original_path,
                                    const pdf::OpenOptions& original_options,
                                    const Detector& detector) {
  VerifyResult result;
  // Revisions: one %%EOF, no /Prev.
  {
    std::ifstream in(output_path, std::ios::binary);
    if (!in) return Error(StatusCode::kNotFound, output_path + ": cannot open");
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string bytes = buf.str();
    int eofs = 0;
    for (size_t p = bytes.find("%%EOF"); p != std::string::npos; p = bytes.find("%%EOF", p + 5)) ++eofs;
    if (eofs > 1) result.leaks.push_back({"revisions", std::to_string(eofs) + " revisions", "any"});
  }
  // Scanned pages are read again with OCR: a burned image must not read back.
  OcrContext ocr;
  StatusOr<AnalyzedDocument> out = AnalyzeDocument(output_path, {}, detector, &ocr);
  if (!out) return Error(out.error());
  result.pages = static_cast<int>(out->pages.size());
  for (const Finding& f : out->findings) {
    const PageText& page = out->pages[static_cast<size_t>(f.page - 1)];
    bool read_by_ocr = !f.glyphs.empty();
    for (int g : f.glyphs) read_by_ocr &= page.glyphs[static_cast<size_t>(g)].ocr;
    const bool cue_only = f.category == "name" && f.rule.rfind("name.cue", 0) == 0;
    (read_by_ocr && cue_only ? result.to_review : result.leaks)
        .push_back({"text", "page " + std::to_string(f.page), f.category});
  }
  // Annotation appearances: what each annotation draws, read like a page.
  for (int i = 0; i < static_cast<int>(out->pages.size()); ++i) {
    StatusOr<const PdfObject*> page = out->document->PageObject(i);
    if (!page) continue;
    const PoDoFo::PdfArray* annots = pdf::AsArray(pdf::DictGet(*page, "Annots"));
    if (!annots) continue;
    for (const PdfObject& a : *annots) {
      const PdfObject* ap = pdf::DictGet(pdf::Resolve(&a), "AP");
      for (const char* state : {"N", "R", "D"}) {
        const PdfObject* form = pdf::DictGet(ap, state);
        if (!form || !form->HasStream()) continue;
        StatusOr<PageText> text = ExtractFormGlyphs(*out->document, form);
        if (!text) continue;
        AssembleText(&*text);
        for (const Finding& f : detector.DetectText(text->text)) {
          result.leaks.push_back({"annotation appearance", "page " + std::to_string(i + 1),
                                  f.category});
        }
      }
    }
  }
  if (pdf::DictGet(out->document->podofo().GetTrailer(), "Prev")) {
    result.leaks.push_back({"revisions", "trailer /Prev", "any"});
  }

  // Values found in the original.
  std::vector<Needle> needles;
  if (original_path) {
    StatusOr<AnalyzedDocument> orig = AnalyzeDocument(*original_path, original_options, detector, &ocr);
    if (!orig) return Error(orig.error());
    std::set<std::string> seen;
    for (const Finding& f : orig->findings) {
      const std::string text = orig->pages[f.page - 1].text.substr(f.begin, f.end - f.begin);
      if (!seen.insert(f.category + "\x1f" + text).second) continue;
      Needle n;
      n.category = f.category;
      n.literal.push_back(text);
      if (f.value != text && f.value.size() >= 4) n.literal.push_back(f.value);
      n.normalized = NormalizeString(text);
      if (Numeric(f.category)) n.digits = Digits(text);
      if (n.digits.size() < 7) n.digits.clear();
      needles.push_back(std::move(n));
    }
    result.values_searched = static_cast<int>(needles.size());
  }

  // Text of the output against the original's values.
  for (const PageText& p : out->pages) {
    const std::string norm = NormalizeString(p.text);
    const std::string digits = Digits(p.text);
    for (const Needle& n : needles) {
      bool hit = norm.find(n.normalized) != std::string::npos && n.normalized.size() >= 3;
      hit = hit || (!n.digits.empty() && digits.find(n.digits) != std::string::npos);
      if (hit) result.leaks.push_back({"text (original value)", "page " + std::to_string(p.number), n.category});
    }
  }

  // Every object: strings re-detected and searched; streams searched.
  Status walked = pdf::Guard(output_path, [&]() -> Status {
    for (PdfObject* o : out->document->podofo().GetObjects()) {
      if (!o) continue;
      ++result.objects_checked;
      const std::string where = pdf::Describe(o);
      std::vector<std::string> strings;
      CollectStrings(o, &strings, 0);
      std::string joined;
      for (const std::string& s : strings) joined += s + "\n";
      if (!joined.empty()) {
        for (const Finding& f : detector.DetectText(joined)) {
          result.leaks.push_back({"string", where, f.category});
        }
        const std::string norm = NormalizeString(joined);
        const std::string digits = Digits(joined);
        for (const Needle& n : needles) {
          bool hit = n.normalized.size() >= 3 && norm.find(n.normalized) != std::string::npos;
          hit = hit || (!n.digits.empty() && digits.find(n.digits) != std::string::npos);
          if (hit) result.leaks.push_back({"string (original value)", where, n.category});
        }
      }
      if (o->HasStream() && !IsImageStream(o) && !needles.empty()) {
        StatusOr<std::string> data = pdf::ReadStream(o, size_t{512} << 20);
        if (!data) continue;  // undecodable streams are not ours to judge here
        ++result.streams_checked;
        for (const Needle& n : needles) {
          for (const std::string& lit : n.literal) {
            if (lit.size() < 4) continue;
            if (data->find(lit) != std::string::npos ||
                data->find(HexOf(lit, true)) != std::string::npos ||
                data->find(HexOf(lit, false)) != std::string::npos) {
              result.leaks.push_back({"stream (original value)", where, n.category});
              break;
            }
          }
        }
      }
    }
    return Status::Ok();
  });
  if (!walked.ok()) return Error(walked);
  return result;
}

}  // namespace redact
