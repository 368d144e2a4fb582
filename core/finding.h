// A finding: something detection says is protected, and exactly where it
// lies, so the writers remove exactly that.
//
// Page findings (channel "page", the default) are spans of page text, with
// the glyphs they cover. Side-channel findings (stages/inspect) lie outside
// the page content — an outline title, an annotation, a form field value, a
// link URI, a marked-content property list — and name the object that holds
// them instead (channel, page, object, key, stream/op); they have no span
// and no glyphs. Consumers that index pages and glyphs (scan, review,
// pseudonyms, reports) must look at page findings only.
//
// A page finding may also name areas of the page (`areas`, user space): a
// reviewer's box over a picture, a signature or a margin. The writer treats
// each area like the quads of the finding's glyphs — glyphs whose centre
// lies inside go, image pixels under it are burned, a box is drawn — and
// keeps it even when it covers no glyph at all.
//
// `value` is the normalized identifier ("A201234567", "maria hernandez
// nunez"); it is plaintext and must never reach a report, log or error
// message — reports carry keyed hashes of it instead. No other field holds
// document text.
#ifndef REDACT_CORE_FINDING_H_
#define REDACT_CORE_FINDING_H_

#include <string>
#include <vector>

#include "core/geometry.h"

namespace redact {

// Finding::channel values.
inline constexpr char kChannelPage[] = "page";                  // page content
inline constexpr char kChannelOutline[] = "outline";            // an outline item
inline constexpr char kChannelAnnotation[] = "annotation";      // an annotation
inline constexpr char kChannelLink[] = "link";                  // an annotation's URI
inline constexpr char kChannelFormField[] = "form_field";       // an AcroForm field
inline constexpr char kChannelMarkedContent[] = "marked_content";  // a BDC property list

// Categories the code itself gives findings, besides those of the rule
// files (patterns/*.toml): names (list and cues), dates of birth from the
// list, side channels that cannot be read, undecodable glyphs removed,
// earlier redactions found in the input (marked by annotations, or text
// left under boxes drawn over it: "covered"), boxes added in review.
inline constexpr const char* kBuiltInCategories[] = {"name",           "dob",    "unreadable", "undecodable",
                                                     "prior_redaction", "manual", "covered"};

struct Finding {
  std::string category;    // "a_number", "name", "credible_fear", …
                           // ("unreadable": a side channel that cannot be read)
  std::string rule;        // id of the rule or dictionary that fired
  int page = 0;            // 1-based; 0 for document-level side channels
  size_t begin = 0;        // byte span in PageText::text (page findings)
  size_t end = 0;
  std::vector<int> glyphs; // indices into PageText::glyphs (duplicates incl.)
  std::string value;       // normalized value; plaintext, see above
  std::string entity;      // entity id from the names list, or ""
  double confidence = 0;   // 0..1
  std::string reason;      // why it fired, without the value
  // What kind of evidence decided it, for scan and review: "rule" (an
  // identifier pattern or lexicon), "list" (the names list), "cue" (a word
  // before or after a name), "column" (a table column's header), "label"
  // (a form label paired with its value), "role" (where the person stands:
  // a certificate, a caption). `reason` says which header, label or cue —
  // in the rule files' words, never the document's.
  std::string basis = "rule";
  // Found only in the page as it reads once the other findings are gone
  // (pipeline/analyze.cpp DetectAfterRemoval): its context is the removal's.
  bool after_removal = false;
  std::string replacement; // pseudonymize mode: the text drawn in its place
  // A reviewer's label ("Client 1"; a findings file's "label"): drawn in
  // its box instead of the category's policy label, and in pseudonymize
  // mode in its place instead of the pseudonym. "" when none was given.
  std::string label;
  // Shorter forms of `replacement`, shortest last ("A-XXX-XXX-001",
  // "A-001"): the writer draws the first form that fits the removed width
  // at the policy's minimum scale, never squeezing one until it cannot be
  // read (the last form is squeezed only when nothing fits).
  std::vector<std::string> shorter_replacements;
  // Page areas removed whole (user space; see above), beyond the glyphs'
  // own quads. Corners in display order: ll/lr along the bottom edge as
  // the page is shown, so a label in the box reads upright.
  std::vector<Quad> areas;

  // Where a side-channel finding lies (see stages/inspect/inspect.h).
  std::string channel = kChannelPage;
  // The object holding it: "12 0 R", or for a direct object its path from
  // the nearest indirect one ("Annots[2]", "12 0 R/Kids[0]").
  std::string object;
  // Which part of the object: "Title", "URI", "text", "AP", "value",
  // "properties" (inspect.h lists them per channel).
  std::string key;
  // Marked content: the content stream (ContentRef::stream numbering on
  // `page`) and the index of the BDC operator in it.
  int stream = -1;
  int op = -1;
};

}  // namespace redact

#endif  // REDACT_CORE_FINDING_H_
