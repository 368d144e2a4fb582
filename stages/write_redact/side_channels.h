// Side channels: everything outside the page content that can hold an
// identifier. The output keeps only what redact understands: after the
// findings are acted on here, KeepOnlyAllowed (allow_list.h) rebuilds the
// document from a per-kind allow-list of keys, annotation subtypes and
// actions, cuts every resource dictionary to what its content uses, strips
// JPEG metadata, rebuilds navigation (page labels without prefixes, named
// destinations resolved, layer names neutral) and drops everything else
// (counted by kind in RedactionSummary::dropped). Nothing survives for
// being absent from a list of known leaks.
//
// Acted on here, when a finding (stages/inspect) names them or they
// overlap a redaction box: annotations (and their popups), outline titles
// (blanked) and actions, form field values (cleared, with their
// appearances); always: attachment and media annotations, unapplied
// /Redact annotations, annotations with JavaScript actions, tiling pattern
// cells and Type3 glyph procedures that show text or paint images or
// forms (emptied). The page tree is rebuilt over the analysed pages. What
// was scrubbed is itemized (no values) in RedactionSummary::side_channels.
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
// already hold the page boxes drawn), then keeps only the allow-list. Marks the outline, annotation, link
// and form-field findings of `side` done as it acts on them; it does not
// check that all were (the caller does, once marked content is done too).
// Errors: PoDoFo errors mapped by pdf::Guard; KeepOnlyAllowed's.
[[nodiscard]] Status ScrubSideChannels(pdf::Document& doc, const std::vector<PageText>& pages,
                                       SideFindings* side, RedactionSummary* summary);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_SIDE_CHANNELS_H_
