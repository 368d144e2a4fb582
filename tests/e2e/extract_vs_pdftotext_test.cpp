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
#include <nlohmann/json.hpp>
#include <regex>

#include "core/geometry.h"
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

}  // namespace
}  // namespace redact
