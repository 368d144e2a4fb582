// The allow-list rebuild: the last step of the redaction writer, after the
// page content was rewritten and the side-channel findings acted on. The
// output is whatever this step keeps, reached from the catalog; every
// object it does not keep is unreachable and swept by pdf/clean_writer.
//
// What survives (the per-kind key tables are allow_list_keys.h):
// - catalog, page tree, pages, content streams, resources, fonts (and
//   descriptors, font programs, CMaps), images, Form XObjects, patterns,
//   shadings, functions, ExtGStates, soft masks, transparency groups, ICC
//   profiles, annotations, appearance streams, AcroForm fields, outline
//   items, actions and optional-content groups, each with only the keys
//   its table lists. Unknown and private keys are dropped, whatever they
//   hold; so is the trailer's every key but /Root and /Size.
// - resources: on every page, in every Form XObject, tiling pattern,
//   Type3 font and appearance stream, only the entries its content stream
//   names (Tf Do gs sh scn SCN cs CS BDC DP, inline-image colour spaces);
//   XObjects only of subtype Image or Form; /Properties only
//   optional-content groups.
// - images: no /Metadata /Alternates /OPI; JPEG data (DCTDecode, also
//   behind a filter array, and inline images) without COM and APPn
//   segments (APP0 JFIF and APP14 Adobe, which decoding needs, stay) or
//   bytes after its end; JPEG data that does not parse fails the document
//   (kDamagedPdf), as a stream qpdf cannot decode does.
// - annotations: /Link, /Widget (only those the AcroForm's field tree
//   holds), /Text /FreeText /Popup, text markup, /Stamp /Square /Circle
//   /Line /Polygon /PolyLine /Ink /Caret; every other subtype dropped.
//   Actions: GoTo to a page of the output and URI (their /Next chain
//   dropped); every other action and every /AA dropped.
// - navigation: outline items (titles were inspected) with explicit
//   destinations; named destinations resolved to explicit ones, then
//   /Dests and the /Names trees dropped; /PageLabels rebuilt with only /S
//   and /St (no /P prefix strings); optional-content group names replaced
//   by "Layer N" and label strings in /Order dropped, visibility (/ON
//   /OFF /BaseState) kept.
// Everything dropped is counted by kind in RedactionSummary::dropped
// ("annotation:FileAttachment", "action:Launch", "unknown_keys",
// "key:/AA", …), never by value, and no private key's name is reported.
//
// - fonts: a /BaseFont or /FontName that does not read as a font's name
//   (font_names.h: "ABCDEF+MariaLopezGarcia") is replaced by
//   "RedactFontN" (the subset tag kept); a ToUnicode CMap with an entry
//   that is no glyph's text (one code mapped to a whole name) is written
//   anew from its parsed entries without those ("font_name_replaced",
//   "tounicode_entries_not_glyph_text").
// Known limits: font programs, encoding CMaps and ICC profiles are kept as
// they are (their bytes are not parsed for text: a font program's own name
// table is not rewritten); appearance-state names and checkbox export
// values (names) are kept.
//
// Edits objects through PoDoFo (see side_channels.h). Thread-safety:
// mutates the document; one thread per document.
#ifndef REDACT_STAGES_WRITE_REDACT_ALLOW_LIST_H_
#define REDACT_STAGES_WRITE_REDACT_ALLOW_LIST_H_

#include "core/status.h"
#include "pdf/document.h"
#include "stages/write_redact/plan.h"

namespace redact {

// Rebuilds `doc` (whose first `page_count` pages are the output's, the
// page tree already rebuilt over them) from the allow-list, adding what
// it drops to summary->dropped. Throws PoDoFo errors (call inside
// pdf::Guard). Errors: kDamagedPdf when a content stream that stays cannot
// be read to find the resources it uses, or an image's (or inline image's)
// JPEG data cannot be decoded.
[[nodiscard]] Status KeepOnlyAllowed(pdf::Document& doc, int page_count, RedactionSummary* summary);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_ALLOW_LIST_H_
