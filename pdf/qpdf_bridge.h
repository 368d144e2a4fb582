// The second PDF library: qpdf, used where its judgement is the reference.
//
// RenumberObjects rewrites a finished file with qpdf's writer: every object
// gets a fresh number with generation 0, in one cross-reference section,
// and only objects reachable from the trailer are kept. If qpdf cannot read
// the bytes without a warning (two objects under one number, an xref entry
// pointing at the wrong object), the bytes are not trusted: kInternal.
//
// CheckStructure runs the checks `qpdf --check` runs (those of qpdf's own
// job code, QPDFJob::doCheck, in-process) over a file: unique object
// numbers, every reference resolving, a sound page tree, a valid xref,
// every stream decodable, every page's content parsable. The pages'
// content is parsed by two readers of the file at once where there are two
// cores (qpdf_calls.h). A warning is a failure: an output that another
// reader repairs is not an output redact vouches for.
//
// RepairWithQpdf is the fallback for inputs PoDoFo refuses: qpdf reads the
// file with its recovery on (it rebuilds a broken cross-reference table,
// ignores a wrong /Size or startxref, finds a header after junk) and writes
// it back, in memory, as one clean unencrypted revision that PoDoFo then
// loads. Streams are copied as they are (decrypted, never decoded), so a
// stream qpdf cannot decode stays for redact's own reader to judge. qpdf's
// recovery has no time limit and takes minutes over some fuzzed files, so
// it runs in a forked child process given 5 s plus 1 s a MiB (at most
// 120 s); a child that takes longer is killed, one that crashes fails the
// repair only.
//
// Messages never quote document content: qpdf's warnings name objects and
// offsets only. Thread-safety: no shared state; one call per document.
#ifndef REDACT_PDF_QPDF_BRIDGE_H_
#define REDACT_PDF_QPDF_BRIDGE_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace redact::pdf {

// `name` is how the document is shown in messages.
// Errors: kDamagedPdf (a stream copied from the input cannot be decoded),
// kInternal (qpdf needed to repair or could not read `bytes`).
StatusOr<std::string> RenumberObjects(std::string_view bytes, const std::string& name);

// What RepairWithQpdf made: the clean file, and how many warnings qpdf
// gave while reading the damaged one (each a repair it made).
struct QpdfRepair {
  std::string bytes;
  size_t warnings = 0;
  size_t pages = 0;  // in qpdf's (repaired) page tree
  size_t widgets = 0;  // FlattenFormsWithQpdf: widgets taken off the pages
};

// `bytes` repaired by qpdf; an encrypted file is decrypted with the empty
// user password first, then with `password` (as user or owner password)
// when one is given. `name` is how the document is shown in messages.
// Errors: kPassword (encrypted, and no password given opens it: "<name>:
// encrypted; …" or "<name>: wrong password"), kDamagedPdf ("<name>: qpdf
// cannot repair it either (<qpdf's reason, naming offsets and objects
// only; or: its recovery took longer than N s>)").
StatusOr<QpdfRepair> RepairWithQpdf(std::string_view bytes, const std::string& name,
                                    const std::optional<std::string>& password);

// `bytes` with every form field drawn into its page as a viewer shows it
// (qpdf_calls::FlattenForms): the widgets' appearances become page
// content, read and rewritten as the rest of the page is; no widget and no
// /AcroForm remain. Runs in a child process as RepairWithQpdf does.
// Errors: kPassword as RepairWithQpdf; kDamagedPdf ("<name>: its form
// fields cannot be drawn into its pages (<qpdf's reason>)").
StatusOr<QpdfRepair> FlattenFormsWithQpdf(std::string_view bytes, const std::string& name,
                                          const std::optional<std::string>& password);

// Errors: kDamagedPdf (a stream cannot be decoded), kInternal ("<name>:
// the file fails the structural check `qpdf --check` makes (<problem>)").
Status CheckStructure(const std::string& path, const std::string& name);

}  // namespace redact::pdf

#endif  // REDACT_PDF_QPDF_BRIDGE_H_
