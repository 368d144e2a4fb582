// Pseudonymized exhibits and the sealed mapping, end to end: pdftotext shows
// the pseudonyms and none of the originals; words outside the replaced
// areas stay in place; one person gets one pseudonym across documents and
// across runs sharing a job key; the mapping opens with `redact unseal`
// and Debian's `age -d`, merges across runs, fails closed when tampered;
// and no file written holds an identifier in plaintext.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kTop = REDACT_SOURCE_DIR;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

struct Job {
  fs::path dir;
  std::string recipient;
};

Job NewJob(const std::string& name) {
  Job j{fs::temp_directory_path() / ("redact_pseudo_" + name), ""};
  fs::remove_all(j.dir);
  fs::create_directories(j.dir);
  auto k = RunCommand({REDACT_BINARY, "keygen", "--demo", "-o", (j.dir / "id.key").string()});
  EXPECT_EQ(k.exit_code, 0) << k.err;
  j.recipient = k.out.substr(0, k.out.find('\n'));
  std::ofstream(j.dir / "job.key") << "a test job key, shared by the runs of one job\n";
  fs::permissions(j.dir / "job.key", fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  return j;
}

int Apply(const Job& j, const std::string& out, const std::vector<std::string>& inputs) {
  std::vector<std::string> cmd = {REDACT_BINARY, "apply", "--mode", "pseudonymize", "--recipient",
                                  j.recipient, "--job-key", (j.dir / "job.key").string(), "--names",
                                  kTop + "/samples/names.csv", "--policy",
                                  kTop + "/samples/policy.toml", "--out", (j.dir / out).string()};
  cmd.insert(cmd.end(), inputs.begin(), inputs.end());
  auto r = RunCommand(cmd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code;
}

TEST(Pseudonymize, PseudonymsShowOriginalsDoNotAndStayConsistent) {
  Job j = NewJob("main");
  const std::string order = kTop + "/samples/order_libreoffice.pdf";
  const std::string list = kTop + "/samples/class_list_chromium.pdf";
  ASSERT_EQ(Apply(j, "run1", {order, list}), 0);
  ASSERT_EQ(Apply(j, "run2", {order}), 0);  // a second run (another shard, say)

  const std::string text1 = RunCommand({"pdftotext", (j.dir / "run1" / "order_libreoffice.pdf").string(), "-"}).out;
  const std::string text_list = RunCommand({"pdftotext", (j.dir / "run1" / "class_list_chromium.pdf").string(), "-"}).out;
  const std::string text2 = RunCommand({"pdftotext", (j.dir / "run2" / "order_libreoffice.pdf").string(), "-"}).out;
  for (const char* gone : {"Guadalupe", "Hernández", "Peña", "201-234", "098-765-432", "credible fear",
                           "EAC2190012345"}) {
    EXPECT_EQ(text1.find(gone), std::string::npos) << gone;
  }
  // Listed people by their row in the list, in every document and run (the
  // demo policy labels them "Class Member" and refers to their A-numbers).
  EXPECT_NE(text1.find("Class Member 1"), std::string::npos);
  EXPECT_NE(text_list.find("Class Member 1"), std::string::npos);
  // Her A-number by reference, or, where the number's width cannot hold
  // that at 80 % of its size, the style's shorter form.
  EXPECT_TRUE(text1.find("[A-number of Class Member 1]") != std::string::npos ||
              text1.find("A-XXX-XXX-001") != std::string::npos || text1.find("A-001") != std::string::npos)
      << text1;
  EXPECT_EQ(text1, text2);  // the same job key: the same pseudonyms, unlisted ones too

  // The mapping opens with our unseal and with Debian's age, and two runs
  // merge.
  auto unseal = RunCommand({REDACT_BINARY, "unseal", "-i", (j.dir / "id.key").string(),
                            (j.dir / "run1" / "mapping.age").string(),
                            (j.dir / "run2" / "mapping.age").string()});
  ASSERT_EQ(unseal.exit_code, 0) << unseal.err;
  auto merged = nlohmann::json::parse(unseal.out);
  EXPECT_EQ(merged["documents"].size(), 3u);
  bool maria = false;
  for (const auto& e : merged["documents"][0]["entries"]) {
    maria |= e["replacement"] == "Class Member 1" && e["original"] == "Maria Guadalupe Hernández-Núñez";
  }
  EXPECT_TRUE(maria);
  if (testing::RequireProgram("age")) {
    auto age = RunCommand({"age", "-d", "-i", (j.dir / "id.key").string(),
                           (j.dir / "run1" / "mapping.age").string()});
    EXPECT_EQ(age.exit_code, 0) << age.err;
    EXPECT_NE(age.out.find("Class Member 1"), std::string::npos);
  }
}

TEST(Pseudonymize, PolicyChoosesTheStyle) {
  Job j = NewJob("styles");
  for (const char* style : {"doe", "initials"}) {
    std::ofstream(j.dir / (std::string(style) + ".toml"))
        << "[pseudonyms]\nname = \"" << style << "\"\na_number = \"reference\"\n";
    const fs::path out = j.dir / style;
    auto r = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--no-mapping", "--names",
                         kTop + "/samples/names.csv", "--policy",
                         (j.dir / (std::string(style) + ".toml")).string(), "--out", out.string(),
                         kTop + "/samples/order_libreoffice.pdf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string text = RunCommand({"pdftotext", (out / "order_libreoffice.pdf").string(), "-"}).out;
    if (std::string(style) == "doe") {
      EXPECT_NE(text.find("Abigail Doe"), std::string::npos) << text;  // row 1
      EXPECT_NE(text.find("Beatriz Doe"), std::string::npos);          // row 2
    } else {
      EXPECT_NE(text.find("M.G.H.N."), std::string::npos) << text;
    }
    EXPECT_TRUE(text.find("[A-number of Applicant 1]") != std::string::npos ||
                text.find("A-XXX-XXX-001") != std::string::npos || text.find("A-001") != std::string::npos)
        << text;  // the reference, or its shorter form where it does not fit
  }
}

TEST(Pseudonymize, EveryStyleVerifiesClean) {
  // `redact verify` reads the output with the same detectors: our own
  // pseudonyms ("Applicant 1830968", "Person 1830968", "Abigail Doe",
  // "M.G.H.N.") must not read as names, or --verify would discard good work.
  Job j = NewJob("verify_styles");
  for (const char* style : {"label", "token", "doe", "initials"}) {
    const fs::path policy = j.dir / (std::string(style) + ".toml");
    std::ofstream(policy) << "[pseudonyms]\nname = \"" << style << "\"\n";
    const fs::path out = j.dir / style;
    std::vector<std::string> cmd = {REDACT_BINARY, "apply", "--mode", "pseudonymize", "--no-mapping",
                                    "--job-key", (j.dir / "job.key").string(), "--names",
                                    kTop + "/samples/names.csv", "--policy", policy.string(), "--out",
                                    out.string()};
    for (const char* s : {"declaracion_pdflatex.pdf", "record_reportlab.pdf", "order_libreoffice.pdf",
                          "notice_ghostscript.pdf"}) {
      cmd.push_back(kTop + "/samples/" + s);
    }
    ASSERT_EQ(RunCommand(cmd).exit_code, 0) << style;
    for (const char* s : {"declaracion_pdflatex.pdf", "record_reportlab.pdf", "order_libreoffice.pdf",
                          "notice_ghostscript.pdf"}) {
      auto v = RunCommand({REDACT_BINARY, "verify", "--policy", policy.string(), "--names",
                           kTop + "/samples/names.csv", "--original", kTop + "/samples/" + s,
                           (out / s).string()});
      EXPECT_EQ(v.exit_code, 0) << style << " " << s << ": " << v.out << v.err;
    }
  }
}

// The words redact draws are the document's language's (issue 21): a
// Spanish declaration used to read "[dob]" and "[protected]". The language
// is guessed per document, recorded in the report, and can be fixed by the
// policy; box labels can be set per language, accents and all (a letter
// outside ASCII used to be dropped from the box without a word).
struct Words {
  int exit_code = -1;
  std::string es, en, es_language, en_language;
};

Words ApplyWithPolicy(const Job& j, const std::string& name, const std::string& policy, const std::string& mode) {
  const fs::path policy_file = j.dir / (name + ".toml");
  std::ofstream(policy_file) << policy;
  const fs::path out = j.dir / name;
  auto r = RunCommand({REDACT_BINARY, "apply", "--mode", mode, "--no-mapping", "--job-key",
                       (j.dir / "job.key").string(), "--names", kTop + "/samples/names.csv", "--policy",
                       policy_file.string(), "--out", out.string(), kTop + "/samples/declaracion_pdflatex.pdf",
                       kTop + "/samples/order_libreoffice.pdf"});
  Words w;
  w.exit_code = r.exit_code;
  EXPECT_EQ(r.exit_code, 0) << r.err;
  w.es = RunCommand({"pdftotext", (out / "declaracion_pdflatex.pdf").string(), "-"}).out;
  w.en = RunCommand({"pdftotext", (out / "order_libreoffice.pdf").string(), "-"}).out;
  auto language = [&](const char* report) {
    const nlohmann::json j = nlohmann::json::parse(Read(out / report), nullptr, false);
    return j.is_object() && j.contains("language") ? j["language"].get<std::string>() : std::string("(none)");
  };
  w.es_language = language("declaracion_pdflatex.report.json");
  w.en_language = language("order_libreoffice.report.json");
  return w;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Pseudonymize, ASpanishDocumentGetsSpanishWords) {
  Job j = NewJob("spanish_words");
  const Words w = ApplyWithPolicy(j, "auto", "[pseudonyms]\nname = \"label\"\n", "pseudonymize");
  ASSERT_EQ(w.exit_code, 0);
  EXPECT_EQ(w.es_language, "es");
  EXPECT_EQ(w.en_language, "en");
  EXPECT_TRUE(std::regex_search(w.es, std::regex("Solicitante [0-9]+"))) << w.es;
  EXPECT_TRUE(Contains(w.es, "[f. nac.]")) << w.es;
  EXPECT_TRUE(Contains(w.es, "[protegido]") || Contains(w.es, "[prot.]")) << w.es;
  for (const char* english : {"[dob]", "[protected]", "Applicant", "Unlisted Person"}) {
    EXPECT_FALSE(Contains(w.es, english)) << english << " in the Spanish output:\n" << w.es;
  }
  EXPECT_TRUE(std::regex_search(w.en, std::regex("Applicant [0-9]+"))) << w.en;
  for (const char* spanish : {"Solicitante", "[protegido]", "Persona no listada", "[f. nac.]"}) {
    EXPECT_FALSE(Contains(w.en, spanish)) << spanish << " in the English output";
  }
}

TEST(Pseudonymize, ThePolicyFixesTheLanguageAndSetsEachLanguagesWords) {
  Job j = NewJob("fixed_words");
  Words w = ApplyWithPolicy(j, "en", "[output]\nlanguage = \"en\"\n", "pseudonymize");
  ASSERT_EQ(w.exit_code, 0);
  EXPECT_EQ(w.es_language, "en");
  EXPECT_TRUE(Contains(w.es, "[dob]")) << w.es;
  EXPECT_FALSE(Contains(w.es, "Solicitante")) << w.es;
  w = ApplyWithPolicy(j, "custom", "[pseudonyms]\nname_label = \"Class Member\"\n[pseudonyms.es]\n"
                                   "name_label = \"Miembro del grupo\"\n[placeholders.es]\ndob = \"nacimiento\"\n",
                      "pseudonymize");
  ASSERT_EQ(w.exit_code, 0);
  EXPECT_TRUE(std::regex_search(w.es, std::regex("Miembro del grupo [0-9]+"))) << w.es;
  EXPECT_TRUE(Contains(w.es, "[nacimiento]")) << w.es;
  EXPECT_TRUE(std::regex_search(w.en, std::regex("Class Member [0-9]+"))) << w.en;
  // Redact mode: box labels per language, with their accents (pdftotext
  // reads the white label inside the black box).
  w = ApplyWithPolicy(j, "labels", "[labels]\na_number = \"(b)(6)\"\n[labels.es]\na_number = \"número A\"\n",
                      "redact");
  ASSERT_EQ(w.exit_code, 0);
  EXPECT_TRUE(Contains(w.es, "número A")) << w.es;
  EXPECT_TRUE(Contains(w.en, "(b)(6)")) << w.en;
  EXPECT_FALSE(Contains(w.en, "número A"));
}

TEST(Pseudonymize, LayoutOutsideReplacementsIsUnchanged) {
  // As for redaction: every word of the original outside the replaced areas
  // keeps its text and position (pdftotext -bbox), on every sample.
  Job j = NewJob("layout");
  for (const char* sample : {"order_libreoffice", "class_list_chromium", "declaracion_pdflatex",
                             "notice_ghostscript", "record_reportlab", "motion_pdflatex_cm"}) {
    const std::string input = kTop + "/samples/" + sample + ".pdf";
    ASSERT_EQ(Apply(j, sample, {input}), 0);
    auto report = nlohmann::json::parse(Read(j.dir / sample / (std::string(sample) + ".report.json")));
    struct W {
      std::string text;
      double x0, y0, x1, y1;
      int page;
    };
    auto words = [](const std::string& pdf) {
      std::vector<W> out;
      const std::string bbox = RunCommand({"pdftotext", "-bbox", pdf, "-"}).out;
      int page = 0;
      for (size_t p = 0; p < bbox.size();) {
        const size_t pg = bbox.find("<page ", p), w = bbox.find("<word ", p);
        if (w == std::string::npos) break;
        if (pg != std::string::npos && pg < w) {
          ++page;
          p = pg + 1;
          continue;
        }
        W word{"", 0, 0, 0, 0, page};
        char text[256] = {0};
        std::sscanf(bbox.c_str() + w, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%255[^<]",
                    &word.x0, &word.y0, &word.x1, &word.y1, text);
        word.text = text;
        out.push_back(word);
        p = w + 1;
      }
      return out;
    };
    const auto before = words(input);
    const auto after = words((j.dir / sample / (std::string(sample) + ".pdf")).string());
    int outside = 0, kept = 0;
    for (const W& w : before) {
      bool covered = false;
      for (const auto& b : report["boxes"]) {
        const double bx0 = b["bbox"][0], by0 = b["bbox"][1], bx1 = b["bbox"][2], by1 = b["bbox"][3];
        const double ix = std::max(0.0, std::min(w.x1, bx1) - std::max(w.x0, bx0));
        const double iy = std::max(0.0, std::min(w.y1, by1) - std::max(w.y0, by0));
        covered |= b["page"] == w.page && ix * iy > 0.05 * (w.x1 - w.x0) * (w.y1 - w.y0);
      }
      if (covered) continue;
      ++outside;
      for (const W& o : after) {
        if (o.page == w.page && o.text == w.text && std::abs(o.x0 - w.x0) < 0.5 &&
            std::abs(o.y0 - w.y0) < 0.5) {
          ++kept;
          break;
        }
      }
    }
    std::printf("%s: %d/%d words outside replacements kept in place\n", sample, kept, outside);
    EXPECT_GE(kept, outside * 995 / 1000) << sample;
  }
}

TEST(Pseudonymize, NoPlaintextIdentifierInAnyFileWritten) {
  Job j = NewJob("disk");
  ASSERT_EQ(Apply(j, "out", {kTop + "/samples/order_libreoffice.pdf",
                             kTop + "/samples/record_reportlab.pdf"}), 0);
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(j.dir / "out")) {
    if (!e.is_regular_file()) continue;
    ++files;
    const std::string bytes = Read(e.path());
    for (const char* secret : {"Guadalupe", "Hernandez", "Hern\xC3\xA1ndez", "201234567",
                               "201-234-567", "098-765-432", "Petrenko", "EAC2190012345"}) {
      EXPECT_EQ(bytes.find(secret), std::string::npos) << e.path().filename() << " holds " << secret;
    }
  }
  EXPECT_EQ(files, 5);  // two PDFs, two reports, one sealed mapping
}

TEST(Pseudonymize, RefusesWithoutAWayBackAndUnsealFailsClosed) {
  Job j = NewJob("refuse");
  auto r = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--out",
                       (j.dir / "x").string(), kTop + "/samples/order_libreoffice.pdf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--no-mapping"), std::string::npos);
  auto ok = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--no-mapping", "--out",
                        (j.dir / "y").string(), kTop + "/samples/order_libreoffice.pdf"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_FALSE(fs::exists(j.dir / "y" / "mapping.age"));

  ASSERT_EQ(Apply(j, "z", {kTop + "/samples/order_libreoffice.pdf"}), 0);
  std::string sealed = Read(j.dir / "z" / "mapping.age");
  sealed[sealed.size() - 5] ^= 1;
  std::ofstream(j.dir / "tampered.age", std::ios::binary) << sealed;
  auto t = RunCommand({REDACT_BINARY, "unseal", "-i", (j.dir / "id.key").string(),
                       (j.dir / "tampered.age").string()});
  EXPECT_NE(t.exit_code, 0);
  EXPECT_TRUE(t.out.empty()) << "released plaintext: " << t.out.substr(0, 80);
  EXPECT_NE(t.err.find("nothing was released"), std::string::npos) << t.err;

  auto other = RunCommand({REDACT_BINARY, "keygen", "-o", (j.dir / "other.key").string()});
  auto wrong = RunCommand({REDACT_BINARY, "unseal", "-i", (j.dir / "other.key").string(),
                           (j.dir / "z" / "mapping.age").string()});
  EXPECT_EQ(wrong.exit_code, 5);
  EXPECT_TRUE(wrong.out.empty());

  // Key files are private, and refused when they are not.
  EXPECT_EQ(fs::status(j.dir / "id.key").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  fs::permissions(j.dir / "other.key", fs::perms::others_read, fs::perm_options::add);
  auto readable = RunCommand({REDACT_BINARY, "unseal", "-i", (j.dir / "other.key").string(),
                              (j.dir / "z" / "mapping.age").string()});
  EXPECT_EQ(readable.exit_code, 2);
  EXPECT_NE(readable.err.find("chmod 600"), std::string::npos);
  auto again = RunCommand({REDACT_BINARY, "keygen", "-o", (j.dir / "id.key").string()});
  EXPECT_EQ(again.exit_code, 2);

  // So are passphrase files and job keys that others can read.
  std::ofstream(j.dir / "open.pass") << "correct horse battery staple\n";
  std::ofstream(j.dir / "open.key") << "a job key anyone on the machine can read\n";
  const std::string sample = kTop + "/samples/order_libreoffice.pdf";
  auto pass = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--passphrase-file",
                          (j.dir / "open.pass").string(), "--out", (j.dir / "p").string(), sample});
  EXPECT_EQ(pass.exit_code, 2) << pass.err;
  EXPECT_NE(pass.err.find("passphrase file is readable by others; run chmod 600"), std::string::npos) << pass.err;
  auto key = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--no-mapping", "--job-key",
                         (j.dir / "open.key").string(), "--out", (j.dir / "k").string(), sample});
  EXPECT_EQ(key.exit_code, 2) << key.err;
  EXPECT_NE(key.err.find("job key file is readable by others"), std::string::npos) << key.err;
  EXPECT_FALSE(fs::exists(j.dir / "p")) ;
  EXPECT_FALSE(fs::exists(j.dir / "k" / "order_libreoffice.pdf"));
}

// Smallest number of edits that turn `pattern` into some substring of
// `text` (OCR misreads a character here and there).
size_t FuzzyFind(const std::string& pattern, const std::string& text) {
  std::vector<size_t> prev(pattern.size() + 1), cur(pattern.size() + 1);
  for (size_t i = 0; i <= pattern.size(); ++i) prev[i] = i;
  size_t best = pattern.size();
  for (char c : text) {
    cur[0] = 0;
    for (size_t i = 1; i <= pattern.size(); ++i) {
      cur[i] = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (pattern[i - 1] == c ? 0 : 1)});
    }
    best = std::min(best, cur[pattern.size()]);
    std::swap(prev, cur);
  }
  return best;
}

std::string Squash(std::string s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// A pseudonym was once drawn about 3 pt tall to fit a 9-digit number's
// width. Below the policy's minimum scale the style's shorter form is
// drawn, the report says which form each replacement got, and every
// replacement on the rendered pages reads back with tesseract.
TEST(Pseudonymize, EveryReplacementReadsBackWithTesseract) {
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("tesseract");
  Job j = NewJob("ocr_readback");
  const std::vector<std::string> samples = {"order_libreoffice", "class_list_chromium", "record_reportlab"};
  std::vector<std::string> inputs;
  for (const std::string& s : samples) inputs.push_back(kTop + "/samples/" + s + ".pdf");
  ASSERT_EQ(Apply(j, "out", inputs), 0);
  const std::regex pseudonym(
      "\\[A-number of [A-Za-z ]+ [0-9-]+\\]|A-XXX-XXX-[0-9-]+|A-[0-9]{3}(-[0-9]{3})?|Class Member [0-9-]+|"
      "Unlisted Person [0-9-]+|\\b[A-Z]{1,2}-[0-9]{1,3}(-[0-9]{3})?\\b|\\[protected\\]|\\[prot\\.\\]");
  size_t checked = 0, shorter = 0;
  for (const std::string& s : samples) {
    const fs::path pdf = j.dir / "out" / (s + ".pdf");
    const auto report = nlohmann::json::parse(Read(j.dir / "out" / (s + ".report.json")));
    for (const auto& r : report.at("replacements")) {
      const std::string form = r.at("form").get<std::string>();
      EXPECT_TRUE(form == "full" || form == "short" || form == "shortest") << form;
      shorter += form != "full";
      // Compressed below the minimum only when even the shortest form
      // does not fit.
      if (form != "shortest") EXPECT_GE(r.at("scale").get<double>(), 0.8) << s << " " << r.dump();
      // Even then it stays legible: never below half width and size.
      EXPECT_GE(r.at("scale").get<double>(), 0.4) << s << " " << r.dump();
    }
    const std::string text = RunCommand({"pdftotext", pdf.string(), "-"}).out;
    ASSERT_EQ(RunCommand({"pdftoppm", "-r", "300", "-gray", "-png", pdf.string(), (j.dir / s).string()}).exit_code, 0);
    std::string ocr;
    for (const auto& e : fs::directory_iterator(j.dir)) {
      const std::string name = e.path().filename().string();
      if (name.starts_with(s + "-") && e.path().extension() == ".png") {
        ocr += RunCommand({"tesseract", e.path().string(), "-", "--psm", "11"}).out + "\n";
      }
    }
    const std::string squashed = Squash(ocr);
    std::set<std::string> seen;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pseudonym); it != std::sregex_iterator(); ++it) {
      const std::string p = Squash(it->str());
      if (!seen.insert(p).second) continue;
      ++checked;
      const size_t errors = FuzzyFind(p, squashed);
      EXPECT_LE(errors, std::max<size_t>(1, p.size() / 6)) << s << ": a replacement does not read back with tesseract: " << it->str();
    }
  }
  EXPECT_GE(checked, 8u);
  EXPECT_GE(shorter, 1u) << "no replacement needed a shorter form: the test no longer covers the tight case";
  fs::remove_all(j.dir);
}

}  // namespace
}  // namespace redact
