// Side channels: everything outside the page content that can hold an
// identifier. Channels redact cannot analyze are removed (fail closed);
// channels it can read (outline titles, annotation text, form values,
// link URIs) are scanned with the same detector and only matching items
// are removed or blanked. What was scrubbed is itemized (no values).
//
// Removed always: document XMP metadata, OpenAction/AA and JavaScript,
// embedded files and file-attachment/multimedia annotations, PieceInfo,
// the structure tree (its /ActualText and /Alt duplicate page text), XFA,
// page thumbnails, page/image metadata, unapplied /Redact annotations,
// and EXIF/XMP/ICC-profile/comment segments inside embedded JPEGs.
// Removed when they match or overlap a redaction box: annotations (and
// their popups), outline titles (blanked), form field values (cleared, with
// their appearances).
#ifndef REDACT_STAGES_WRITE_REDACT_SIDE_CHANNELS_H_
#define REDACT_STAGES_WRITE_REDACT_SIDE_CHANNELS_H_

#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "pdf/document.h"
#include "stages/write_redact/redactor.h"

namespace redact {

Status ScrubSideChannels(pdf::Document& doc, const std::vector<PageText>& pages,
                         const std::vector<Finding>& findings, const Detector& detector,
                         RedactionSummary* summary);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_SIDE_CHANNELS_H_
