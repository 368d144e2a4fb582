#include "pdf/versions.h"

#include <podofo/base/PdfDefines.h>
#include <qpdf/DLL.h>

#define REDACT_STRINGIFY_(x) #x
#define REDACT_STRINGIFY(x) REDACT_STRINGIFY_(x)

namespace redact::pdf {

const char* PodofoVersion() {
  return REDACT_STRINGIFY(PODOFO_VERSION_MAJOR) "." REDACT_STRINGIFY(
      PODOFO_VERSION_MINOR) "." REDACT_STRINGIFY(PODOFO_VERSION_PATCH);
}

const char* QpdfVersion() { return QPDF_VERSION; }

}  // namespace redact::pdf
