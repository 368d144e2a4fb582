// Oracle test: `redact extract --format json` against `pdftotext -bbox`
// (poppler-utils, written by no one here) on every sample. Words are paired
// by text (NFKC-normalized) and best box overlap. Where pdftotext splits a
// word we keep whole (it breaks diagonal text into letters), its pieces are
// paired by position instead: a piece counts when one of our words contains
// its text and covers most of its box; such pairs are counted in "split"
// and left out of the IoU median. Per sample: word recall and precision
// >= 0.99 and median IoU >= 0.9. The table is printed for the notes.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/geometry.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

struct BoxWord {
  std::string text;
  Rect box;
};

std::string Nfkc(const std::string& s) {
  utf8proc_uint8_t* out = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
  if (!out) return s;
  std::string r(reinterpret_cast<char*>(out));
  free(out);
  return r;
}

std::string Unescape(std::string s) {
  const std::pair<std::string, std::string> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
      s.replace(p, from.size(), to);
    }
  }
  return s;
}

std::vector<std::vector<BoxWord>> PdftotextWords(const std::string& pdf) {
  auto r = RunCommand({"pdftotext", "-bbox", pdf, "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::vector<BoxWord>> pages;
  static const std::regex kWord(
      R"re(<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>)re");
  size_t pos = 0;
  while ((pos = r.out.find("<page ", pos)) != std::string::npos) {
    size_t end = r.out.find("</page>", pos);
    std::string page = r.out.substr(pos, end - pos);
    std::vector<BoxWord> words;
    for (std::sregex_iterator it(page.begin(), page.end(), kWord), e; it != e; ++it) {
      words.push_back({Unescape((*it)[5]),
                       {std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                        std::stod((*it)[4])}});
    }
    pages.push_back(std::move(words));
    pos = end;
  }
  return pages;
}

std::vector<std::vector<BoxWord>> OurWords(const std::string& pdf) {
  auto r = RunCommand({REDACT_BINARY, "extract", "--format", "json", pdf});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::vector<BoxWord>> pages;
  auto j = nlohmann::json::parse(r.out);
  for (const auto& p : j["pages"]) {
    std::vector<BoxWord> words;
    for (const auto& w : p["words"]) {
      words.push_back({w["text"], {w["bbox"][0], w["bbox"][1], w["bbox"][2], w["bbox"][3]}});
    }
    pages.push_back(std::move(words));
  }
  return pages;
}

struct Agreement {
  size_t theirs = 0, ours = 0, matched = 0, split = 0, ours_matched = 0;
  double median_iou = 0;
};

Agreement Compare(const std::string& pdf) {
  auto theirs = PdftotextWords(pdf);
  auto ours = OurWords(pdf);
  EXPECT_EQ(theirs.size(), ours.size());
  Agreement a;
  std::vector<double> ious;
  for (size_t p = 0; p < std::min(theirs.size(), ours.size()); ++p) {
    a.theirs += theirs[p].size();
    a.ours += ours[p].size();
    std::vector<bool> used(ours[p].size());
    for (const BoxWord& t : theirs[p]) {
      const std::string tn = Nfkc(t.text);
      int best = -1;
      double best_iou = -1;
      for (size_t i = 0; i < ours[p].size(); ++i) {
        if (used[i] || Nfkc(ours[p][i].text) != tn) continue;
        double iou = t.box.IoU(ours[p][i].box);
        if (iou > best_iou) best_iou = iou, best = static_cast<int>(i);
      }
      if (best >= 0) {
        used[best] = true;
        ++a.matched;
        ious.push_back(best_iou);
      }
    }
    // Second pass: pieces of words pdftotext split, paired by position.
    std::vector<bool> absorbed(ours[p].size());
    std::vector<bool> t_matched(theirs[p].size());
    for (size_t k = 0; k < theirs[p].size(); ++k) {
      const BoxWord& t = theirs[p][k];
      bool direct = false;
      for (size_t i = 0; i < ours[p].size() && !direct; ++i) {
        direct = used[i] && Nfkc(ours[p][i].text) == Nfkc(t.text) && t.box.IoU(ours[p][i].box) > 0;
      }
      if (direct) continue;
      for (size_t i = 0; i < ours[p].size(); ++i) {
        if (used[i]) continue;
        const bool contains = Nfkc(ours[p][i].text).find(Nfkc(t.text)) != std::string::npos;
        const double covered = t.box.Intersect(ours[p][i].box).area();
        if (contains && t.box.area() > 0 && covered >= 0.5 * t.box.area()) {
          absorbed[i] = true;
          ++a.split;
          break;
        }
      }
    }
    for (size_t i = 0; i < ours[p].size(); ++i) a.ours_matched += used[i] || absorbed[i];
  }
  if (!ious.empty()) {
    std::nth_element(ious.begin(), ious.begin() + ious.size() / 2, ious.end());
    a.median_iou = ious[ious.size() / 2];
  }
  return a;
}

std::vector<std::string> Samples() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(REDACT_SOURCE_DIR) / "samples")) {
    if (e.path().extension() == ".pdf") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ExtractVsPdftotext, EverySampleAgrees) {
  REDACT_REQUIRE_TOOL("pdftotext");
  std::vector<std::string> samples = Samples();
  ASSERT_GE(samples.size(), 5u);
  std::printf("%-32s %9s %6s %8s %6s %8s %9s %10s\n", "sample", "pdftotext", "ours", "matched",
              "split", "recall", "precision", "median IoU");
  for (const std::string& s : samples) {
    Agreement a = Compare(s);
    const double recall = a.theirs ? double(a.matched + a.split) / a.theirs : 0;
    const double precision = a.ours ? double(a.ours_matched) / a.ours : 0;
    std::printf("%-32s %9zu %6zu %8zu %6zu %8.4f %9.4f %10.3f\n",
                fs::path(s).filename().c_str(), a.theirs, a.ours, a.matched, a.split, recall,
                precision, a.median_iou);
    EXPECT_GT(a.theirs, 50u) << s;
    EXPECT_GE(recall, 0.99) << s;
    EXPECT_GE(precision, 0.99) << s;
    EXPECT_GE(a.median_iou, 0.9) << s;
  }
}

// Issue 18: a FreeText box (and any annotation a viewer draws) shows text
// that pdftotext and mutool print with the page; `extract` printed only the
// page's own content. A hidden annotation shows nothing, in every reader.
TEST(ExtractVsPdftotext, AnnotationTextOtherReadersShowIsPrinted) {
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("mutool");
  const std::string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  testing::PdfBuilder b;
  const auto appearance = [&](const std::string& words) {
    return b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 228 30] /Resources << /Font << /F1 " + font +
                           " >> >>",
                       "BT /F1 11 Tf 2 10 Td (" + words + ") Tj ET");
  };
  const int shown = appearance("Hearing moved to Thursday");
  const int hidden = appearance("Hidden draft remark");
  const int contents = b.AddStream("", "BT /F1 12 Tf 72 700 Td (Body of the order) Tj ET");
  const int pages = b.Reserve();
  const int page = b.Reserve();
  const int box = b.Add("<< /Type /Annot /Subtype /FreeText /Rect [72 600 300 630] /DA (/F1 11 Tf) "
                        "/Contents (Hearing moved to Thursday) /AP << /N " + std::to_string(shown) + " 0 R >> >>");
  const int secret = b.Add("<< /Type /Annot /Subtype /FreeText /F 2 /Rect [72 500 300 530] /DA (/F1 11 Tf) "
                           "/Contents (Hidden draft remark) /AP << /N " + std::to_string(hidden) + " 0 R >> >>");
  b.Set(page, "<< /Type /Page /Parent " + std::to_string(pages) +
                  " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + font + " >> >> /Contents " +
                  std::to_string(contents) + " 0 R /Annots [" + std::to_string(box) + " 0 R " +
                  std::to_string(secret) + " 0 R] >>");
  b.Set(pages, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  const int root = b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>");
  const fs::path file = fs::temp_directory_path() / "redact_extract_freetext.pdf";
  {
    std::ofstream(file, std::ios::binary) << b.Build(root);
  }
  const std::string poppler = RunCommand({"pdftotext", file.string(), "-"}).out;
  const std::string mupdf = RunCommand({"mutool", "draw", "-q", "-F", "txt", file.string()}).out;
  auto ours = RunCommand({REDACT_BINARY, "extract", file.string()});
  ASSERT_EQ(ours.exit_code, 0) << ours.err;
  for (const std::string& reader : {poppler, mupdf, ours.out}) {
    EXPECT_NE(reader.find("Body of the order"), std::string::npos) << reader;
    EXPECT_NE(reader.find("Hearing moved to Thursday"), std::string::npos) << reader;
    EXPECT_EQ(reader.find("Hidden draft"), std::string::npos) << reader;
  }
  auto json = RunCommand({REDACT_BINARY, "extract", "--format", "json", file.string()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json annots = nlohmann::json::parse(json.out)["pages"][0]["annotations"];
  ASSERT_EQ(annots.size(), 1u) << annots.dump();
  EXPECT_EQ(annots[0]["subtype"], "FreeText");
  EXPECT_EQ(annots[0]["text"], "Hearing moved to Thursday");
  EXPECT_EQ(annots[0]["rect"][1], 600.0);
}

}  // namespace
}  // namespace redact
