// The second PDF library: qpdf, used where its judgement is the reference.
//
// RenumberObjects rewrites a finished file with qpdf's writer: every object
// gets a fresh number with generation 0, in one cross-reference section,
// and only objects reachable from the trailer are kept. If qpdf cannot read
// the bytes without a warning (two objects under one number, an xref entry
// pointing at the wrong object), the bytes are not trusted: kInternal.
//
// CheckStructure runs exactly what `qpdf --check` runs (qpdf's own job
// code, in-process) over a file: unique object numbers, every reference
// resolving, a sound page tree, a valid xref, every stream decodable, every
// page's content parsable. A warning is a failure: an output that another
// reader repairs is not an output redact vouches for.
//
// Messages never quote document content: qpdf's warnings name objects and
// offsets only. Thread-safety: no shared state; one call per document.
#ifndef REDACT_PDF_QPDF_BRIDGE_H_
#define REDACT_PDF_QPDF_BRIDGE_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace redact::pdf {

// `name` is how the document is shown in messages.
// Errors: kDamagedPdf (a stream copied from the input cannot be decoded),
// kInternal (qpdf needed to repair or could not read `bytes`).
StatusOr<std::string> RenumberObjects(std::string_view bytes, const std::string& name);

// Errors: kDamagedPdf (a stream cannot be decoded), kInternal ("<name>:
// the file fails the structural check `qpdf --check` makes (<problem>)").
Status CheckStructure(const std::string& path, const std::string& name);

}  // namespace redact::pdf

#endif  // REDACT_PDF_QPDF_BRIDGE_H_
