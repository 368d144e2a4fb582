#include "tests/testing/oracles.h"

#include <utf8proc.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "tests/testing/subprocess.h"

namespace redact::testing {
namespace {

namespace fs = std::filesystem;

std::string Run(const std::vector<std::string>& argv, OracleReading* r) {
  if (!HaveProgram(argv[0])) {
    r->problems.push_back(argv[0] + " is not on PATH");
    return "";
  }
  CommandResult c = RunCommand(argv);
  // qpdf exits 3 for warnings and still writes its file.
  if (c.exit_code != 0 && !(argv[0] == "qpdf" && c.exit_code == 3)) {
    r->problems.push_back(argv[0] + " exited " + std::to_string(c.exit_code) + ": " +
                          c.err.substr(0, 200));
  }
  return c.out;
}

std::string OcrFile(const fs::path& image, OracleReading* r) {
  return Run({"tesseract", image.string(), "-", "-l", "eng", "--psm", "3"}, r);
}

}  // namespace

OracleReading ReadWithOracles(const std::string& pdf_path, const std::string& work_dir,
                              bool ocr) {
  OracleReading r;
  const fs::path dir(work_dir);
  fs::remove_all(dir);
  fs::create_directories(dir);
  r.pdftotext = Run({"pdftotext", "-enc", "UTF-8", pdf_path, "-"}, &r);
  r.mutool = Run({"mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf_path}, &r);
  const fs::path qdf = dir / "qdf.pdf";
  Run({"qpdf", "--qdf", "--object-streams=disable", "--decode-level=all", pdf_path, qdf.string()},
      &r);
  r.qpdf_bytes = ReadFile(qdf.string());
  if (!ocr) return r;
  const fs::path renders = dir / "render";
  fs::create_directories(renders);
  Run({"pdftoppm", "-r", "150", "-gray", "-png", pdf_path, (renders / "p").string()}, &r);
  const fs::path images = dir / "images";
  fs::create_directories(images);
  // mutool extract writes into the current folder: run it through env -C.
  Run({"env", "-C", images.string(), "mutool", "extract", "-r", fs::absolute(pdf_path).string()},
      &r);
  for (const fs::path& folder : {renders, images}) {
    for (const auto& entry : fs::directory_iterator(folder)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".png" || ext == ".jpg" || ext == ".pbm" || ext == ".pgm" || ext == ".ppm" ||
          ext == ".tif") {
        r.ocr += OcrFile(entry.path(), &r) + "\n";
      }
    }
  }
  return r;
}

std::string FoldForReading(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
      UTF8PROC_IGNORE | UTF8PROC_STRIPCC);
  // Invalid UTF-8 (raw file bytes) is folded byte by byte as Latin-1 bytes
  // would be: ASCII case-folded, the rest kept.
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  std::string folded;
  if (n >= 0) {
    folded.assign(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    std::free(out);
  } else {
    folded = text;
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  std::string compact;
  compact.reserve(folded.size());
  for (char c : folded) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') compact.push_back(c);
  }
  return compact;
}

std::vector<std::string> ReadersShowing(const OracleReading& reading, const std::string& value) {
  const std::string needle = FoldForReading(value);
  std::vector<std::string> shown;
  if (needle.empty()) return shown;
  const std::pair<const char*, const std::string*> readings[] = {
      {"pdftotext", &reading.pdftotext},
      {"mutool", &reading.mutool},
      {"qpdf-bytes", &reading.qpdf_bytes},
      {"ocr", &reading.ocr}};
  for (const auto& [name, text] : readings) {
    if (FoldForReading(*text).find(needle) != std::string::npos) shown.emplace_back(name);
  }
  return shown;
}

}  // namespace redact::testing
