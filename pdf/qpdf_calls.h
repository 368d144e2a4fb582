// The calls into qpdf's library, behind a header of standard types only.
// qpdf 11.3's own headers do not compile as C++20 or later with clang 14
// and libstdc++ 12 (JSON.hh destroys a vector of a type not yet complete),
// and the fuzz targets build pdf/ with clang: so this file alone is built
// as C++17 and nothing else includes qpdf. pdf/qpdf_bridge.h is the
// interface the rest of redact uses.
//
// Thread-safety: no shared state; qpdf objects live within each call (qpdf
// allows different QPDF objects on different threads at once).
#ifndef REDACT_PDF_QPDF_CALLS_H_
#define REDACT_PDF_QPDF_CALLS_H_

#include <cstddef>
#include <string>

namespace redact::pdf::qpdf_calls {

struct Outcome {
  bool ok = false;
  bool wrong_password = false;  // qpdf's password error
  std::string error;            // what qpdf threw, when !ok
  std::string bytes;            // the file written, when ok
  size_t warnings = 0;          // warnings while reading
  std::string first_warning;
  size_t pages = 0;
  size_t widgets = 0;  // FlattenForms: widget annotations taken off the pages
};

// Reads `data` with recovery on (as user or owner `password`, may be null)
// and writes it unencrypted, without object streams, streams as they were.
Outcome Repair(const char* data, size_t size, const std::string& label, const char* password);

// Reads `data` (as Repair does) and draws form fields' widgets into their
// pages' content, as a viewer shows them: appearances are generated where
// the form asks a viewer to (/NeedAppearances), then qpdf's flattening
// paints each widget's normal appearance as a Form XObject. Other
// annotations are left as they are, and so are widgets qpdf does not draw
// (hidden, no appearance), with their fields; the fields of the drawn
// widgets leave /AcroForm /Fields (no /AcroForm when none is left).
// `widgets` counts the widgets drawn. Written as Repair writes.
Outcome FlattenForms(const char* data, size_t size, const std::string& label, const char* password);

// Reads `data` without recovery and writes it with fresh object numbers,
// generation 0, streams recompressed where qpdf's generalized filters allow.
Outcome Renumber(const char* data, size_t size, const std::string& label);

// The checks of `qpdf --check` (QPDFJob::doCheck in qpdf 11) over the file
// at `path`: linearization, a traversal writing every object to nowhere
// with every stream decoded, and every page's content parsed. Its exit
// code (0 sound, 2 errors, 3 warnings) and what qpdf printed ("WARNING: …",
// "ERROR: page N: …"). The content of the pages, most of the cost, is
// parsed by `readers` readers of their own (each its own QPDF of the file,
// on a thread of its own but the first): page k by reader k % readers.
struct Check {
  int exit_code = 2;
  std::string out, err;
};
Check RunCheck(const std::string& path, size_t readers);

}  // namespace redact::pdf::qpdf_calls

#endif  // REDACT_PDF_QPDF_CALLS_H_
