#include "tests/testing/require_tool.h"

#include <cstdlib>
#include <map>

#include "tests/testing/subprocess.h"

namespace redact::testing {

bool UnderCi() {
  const char* ci = std::getenv("CI");
  if (ci == nullptr) return false;
  const std::string value = ci;
  return !value.empty() && value != "0" && value != "false";
}

std::string DebianPackageFor(const std::string& program) {
  static const std::map<std::string, std::string> kPackages = {
      {"pdftotext", "poppler-utils"}, {"pdftoppm", "poppler-utils"}, {"pdfimages", "poppler-utils"},
      {"qpdf", "qpdf"},               {"mutool", "mupdf-tools"},     {"tesseract", "tesseract-ocr"},
      {"age", "age"},                 {"age-keygen", "age"},         {"timeout", "coreutils"},
      {"script", "bsdutils"},        {"gs", "ghostscript"},
  };
  auto it = kPackages.find(program);
  return it == kPackages.end() ? "" : it->second;
}

std::string MissingProgramReason(const std::string& program) {
  if (HaveProgram(program)) return "";
  const std::string package = DebianPackageFor(program);
  return program + " is not on PATH" + (package.empty() ? "" : " (Debian package: " + package + ")");
}

bool RequireProgram(const std::string& program) {
  const std::string reason = MissingProgramReason(program);
  if (reason.empty()) return true;
  if (UnderCi()) ADD_FAILURE() << reason << " (CI must have every oracle)";
  return false;
}

}  // namespace redact::testing
