// Inspect stage: reads every side channel the redaction writer keeps when
// it is clean — outline items, annotations (their text, link URIs and what
// their appearance streams draw), AcroForm field values, marked-content
// property lists (/ActualText, /Alt, /E) — with the same Detector as the
// page text, and returns findings that say what holds an identifier and
// where (Finding::channel, page, object, key, stream/op). Analysis decides,
// the writer (stages/write_redact) executes: it removes or blanks exactly
// the objects named here, and fails a document when it cannot find one.
//
// Findings by channel (Finding::key in brackets):
//   outline         an outline item's /Title ["Title"] or its action's /URI
//                   ["URI"]; page 0; object = the item.
//   annotation      an annotation's /Contents /T /RC /Subj /NM ["text"], or
//                   the text its appearance streams draw ["AP"]; page = the
//                   page whose /Annots lists it; object = the annotation.
//                   An appearance that cannot be read in full (undecodable
//                   text, an image, content the interpreter could not
//                   follow) is a finding of category "unreadable" whose
//                   reason says why: it cannot be shown to be clean.
//   link            an annotation's action /URI ["URI"]; as annotation.
//   form_field      a field's /V /DV /TU /TM /T or /Opt ["value"]; page 0;
//                   object = the field.
//   marked_content  a BDC property list's /ActualText /Alt /E
//                   ["properties"]; page, stream and op address the BDC.
// Not inspected, because the writer removes them whatever they hold:
// catalog /Metadata, JavaScript, embedded files, attachment and media
// annotations, unapplied /Redact annotations, annotations with JavaScript
// actions, the structure tree, XFA (see write_redact/side_channels.h);
// nor anything the writer's allow-list drops (write_redact/allow_list.h):
// only text this stage reads is kept in the output.
//
// Values are plaintext only in Finding::value; reasons and addresses never
// hold document text.
//
// Thread-safety: reads `doc` (one thread per Document); the Detector is
// shared read-only.
#ifndef REDACT_STAGES_INSPECT_INSPECT_H_
#define REDACT_STAGES_INSPECT_INSPECT_H_

#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "core/status.h"
#include "pdf/document.h"

namespace redact {

class Detector;

// Side-channel findings of `doc`, whose page texts are `pages` (from the
// same Document, unmodified, one per page in order). Reads only; `doc` is
// unchanged. The order is deterministic: form fields, outline items, then
// per page its annotations and its marked content.
// Errors: kDamagedPdf (or PoDoFo's mapped error) when an object cannot be
// read, or a page's content cannot be interpreted at all — a channel we
// cannot read is not reported clean.
// Detected with the document's context: a listed person `page_findings`
// name in full is mentioned, so a side channel's given name or surname
// alone (a sticky note saying "Maria") is that person; so is a capitalized
// name alone of anyone else they name in full (found by a cue, a column
// or a label: "Call Teodoro" after "my husband, Teodoro Quispe Mamani").
StatusOr<std::vector<Finding>> InspectSideChannels(pdf::Document& doc, const std::vector<PageText>& pages,
                                                   const Detector& detector,
                                                   const std::vector<Finding>& page_findings = {});

}  // namespace redact

#endif  // REDACT_STAGES_INSPECT_INSPECT_H_
