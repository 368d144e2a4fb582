#include "pipeline/version.h"

#include "pdf/cid_collections.h"
#include "pdf/font_program.h"
#include "pdf/versions.h"
#include "pipeline/session.h"
#include "stages/ocr/ocr.h"

namespace redact {

const char* RedactVersion() { return REDACT_VERSION; }

std::string VersionText() {
  std::string text = std::string("redact ") + RedactVersion() + "\n";
  text += std::string("PoDoFo ") + pdf::PodofoVersion() + "\n";
  text += std::string("qpdf ") + pdf::QpdfVersion() + "\n";
  text += "FreeType " + pdf::FreeTypeVersion() + "\n";
  text += "poppler-data " + (pdf::PopplerDataFound() ? pdf::PopplerDataDir()
                                                      : "missing (" + pdf::PopplerDataDir() + ")") + "\n";
  text += std::string("Tesseract ") + TesseractVersion() + "\n";
  text += "rules " + DefaultPatternsDir() + "\n";
  return text;
}

}  // namespace redact
