// What `redact --version` reports: redact's own version (CMake's
// PROJECT_VERSION), the versions of the libraries it was built against
// (PoDoFo, qpdf and FreeType in the PDF layer, Tesseract in the OCR stage),
// the poppler-data folder CJK fonts are decoded with, and the rules folder
// a command would use by default. No identifiers, no I/O beyond resolving
// those folders.
//
// Thread-safety: pure functions.
#ifndef REDACT_PIPELINE_VERSION_H_
#define REDACT_PIPELINE_VERSION_H_

#include <string>

namespace redact {

// "0.1.0".
const char* RedactVersion();

// Several lines, each "key value", for `redact --version`:
//   redact 0.1.0
//   PoDoFo 0.9.8
//   qpdf 11.3.0
//   FreeType 2.12.1
//   poppler-data /usr/share/poppler    (or "missing (/usr/share/poppler)")
//   Tesseract 5.3.0
//   rules /usr/share/redact/patterns
std::string VersionText();

}  // namespace redact

#endif  // REDACT_PIPELINE_VERSION_H_
