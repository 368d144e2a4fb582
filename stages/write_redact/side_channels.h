// Side channels: everything outside the page content that can hold an
// identifier. Channels redact cannot analyze are removed (fail closed);
// channels it can read (outline titles, annotation text and appearances,
// form values, link URIs) were read in analysis (stages/inspect), and only
// the items its findings name are removed or blanked here. What was
// scrubbed is itemized (no values).
//
// Removed always: document XMP metadata, OpenAction/AA and JavaScript,
// embedded files and file-attachment/multimedia annotations, PieceInfo,
// the structure tree (its /ActualText and /Alt duplicate page text), XFA,
// page thumbnails, page/image metadata, unapplied /Redact annotations,
// and EXIF/XMP/ICC-profile/comment segments inside embedded JPEGs.
// Removed when a finding names them or they overlap a redaction box:
// annotations (and their popups), outline titles (blanked) and actions,
// form field values (cleared, with their appearances).
//
// This stage edits PDF objects through PoDoFo directly (dictionaries,
// arrays, streams of the in-memory document), reached through the mutable
// accessors of pdf::Document and pdf/podofo_util.h: the edits are too many
// and too varied for a narrow API to pay off yet.
//
// Thread-safety: mutates the document; one thread per document.
#ifndef REDACT_STAGES_WRITE_REDACT_SIDE_CHANNELS_H_
#define REDACT_STAGES_WRITE_REDACT_SIDE_CHANNELS_H_

#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "pdf/document.h"
#include "stages/write_redact/plan.h"

namespace redact {

// Scrubs the side channels of `doc` (pages: its page texts; summary->boxes
// already hold the page boxes drawn). Marks the outline, annotation, link
// and form-field findings of `side` done as it acts on them; it does not
// check that all were (the caller does, once marked content is done too).
// Errors: PoDoFo errors mapped by pdf::Guard.
[[nodiscard]] Status ScrubSideChannels(pdf::Document& doc, const std::vector<PageText>& pages,
                                       SideFindings* side, RedactionSummary* summary);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_SIDE_CHANNELS_H_
