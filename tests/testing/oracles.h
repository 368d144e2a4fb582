// Reads a PDF the way people and other programs will, with tools no one
// here wrote, and says which of them can still read a given value. The
// judge of every hostile-PDF test (tests/e2e/hostile_*_test.cpp):
//   pdftotext        poppler's text of every page
//   mutool           MuPDF's text (`mutool draw -F txt`)
//   qpdf-bytes       `qpdf --qdf --object-streams=disable --decode-level=all`:
//                    the file's bytes with every stream decoded it can decode
//   ocr              tesseract on `pdftoppm -r 150` renders of every page,
//                    and on every image in the file (`mutool extract`),
//                    painted or not (only when asked: it is slow)
// A value is "readable" in a reading when its fold (NFKC, case folded,
// accents and default-ignorable characters removed, whitespace removed)
// occurs in the fold of that reading: a reader who sees "Ｎelson", "Nel son"
// or "Nelson" (with a soft hyphen inside) still sees Nelson.
//
// Thread-safety: runs child processes in a folder of the caller's.
#ifndef REDACT_TESTS_TESTING_ORACLES_H_
#define REDACT_TESTS_TESTING_ORACLES_H_

#include <string>
#include <vector>

namespace redact::testing {

struct OracleReading {
  std::string pdftotext;
  std::string mutool;
  std::string qpdf_bytes;
  std::string ocr;  // "" unless read with ocr
  std::vector<std::string> problems;  // a tool that failed, and how
};

// Reads `pdf_path` with every oracle (ocr only when `ocr`). Uses `work_dir`
// (created) for renders and the qdf copy. Missing tools are reported in
// `problems` (the caller asks for them with REDACT_REQUIRE_TOOL first).
OracleReading ReadWithOracles(const std::string& pdf_path, const std::string& work_dir,
                              bool ocr);

// The fold described above (UTF-8 in, UTF-8 out).
std::string FoldForReading(const std::string& text);

// The names of the readings ("pdftotext", "mutool", "qpdf-bytes", "ocr")
// in which `value` is readable; empty when none.
std::vector<std::string> ReadersShowing(const OracleReading& reading, const std::string& value);

}  // namespace redact::testing

#endif  // REDACT_TESTS_TESTING_ORACLES_H_
