// The versions of the PDF libraries this layer was compiled against
// (PoDoFo, qpdf), for `redact --version` and bug reports. Constant strings
// taken from the libraries' headers at build time.
//
// Thread-safety: pure functions over constants.
#ifndef REDACT_PDF_VERSIONS_H_
#define REDACT_PDF_VERSIONS_H_

namespace redact::pdf {

// "0.9.8": PoDoFo's PODOFO_VERSION_{MAJOR,MINOR,PATCH}.
const char* PodofoVersion();
// "11.3.0": qpdf's QPDF_VERSION.
const char* QpdfVersion();

}  // namespace redact::pdf

#endif  // REDACT_PDF_VERSIONS_H_
