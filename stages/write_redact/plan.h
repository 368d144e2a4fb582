// What the redaction writer was asked to do and what it did: the summary it
// returns (boxes drawn, counts, side channels scrubbed) and the index of
// side-channel findings it executes (stages/inspect decides them; the
// writer acts on exactly those and proves it found each one). Shared by
// redactor.cpp (page content, marked content) and side_channels.cpp
// (outline, annotations, form fields).
//
// Thread-safety: plain data; one writer (one thread) per document.
// SideFindings keeps pointers into the findings it was built from, which
// must outlive it.
#ifndef REDACT_STAGES_WRITE_REDACT_PLAN_H_
#define REDACT_STAGES_WRITE_REDACT_PLAN_H_

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/finding.h"
#include "core/geometry.h"

namespace redact {

struct RedactionBox {
  int page = 0;
  Quad quad;              // user space
  std::string category;   // or "image", "undecodable"
};

// A pseudonym drawn in place of a finding: which of its forms
// (Finding::replacement, then shorter_replacements) and at what scale.
struct ReplacementDrawn {
  int page = 0;
  const Finding* finding = nullptr;  // into the findings RedactDocument got
  size_t form = 0;                   // 0: the full form
  double scale = 1;                  // drawn width / natural width
};

struct RedactionSummary {
  int glyphs_removed = 0;
  int streams_rewritten = 0;
  int forms_copied = 0;
  int images_burned = 0;    // pixels under boxes painted, re-encoded
  int images_removed = 0;   // replaced whole (could not be burned)
  int undecodable_removed = 0;
  // Pages where text with no provable Unicode was removed (boxed): what it
  // said is unknown, so a person should look at them.
  std::vector<int> undecodable_pages;
  // Pages whose filled shapes are mostly a drawing but hold a few word-like
  // runs (RedactOptions::vector_text_min_shapes): they may be text drawn as
  // outlines, which no one has read.
  std::vector<int> vector_text_pages;
  std::vector<RedactionBox> boxes;
  std::vector<ReplacementDrawn> replacements;  // pseudonymize mode
  // Each page finding's glyphs' bounds, display space (the sealed mapping
  // says where each one was): taken while the page's glyphs are held.
  std::map<const Finding*, Rect> finding_boxes;
  std::vector<std::string> side_channels;  // what was scrubbed, no values
  // What the allow-list rebuild dropped, by kind (allow_list.h), no values.
  std::map<std::string, int> dropped;
  std::vector<std::string> warnings;       // no values
};

// Side-channel findings (Finding::channel other than "page") looked up by
// where they lie. Each is marked done when the writer has removed or
// blanked what holds it; any left pending at the end means the writer did
// not find an object analysis named, and the document fails (fail closed).
class SideFindings {
 public:
  // Indexes the side-channel findings of `findings` (page findings are
  // skipped).
  void Add(const std::vector<Finding>& findings);

  // A finding at (channel, page, object) whose key is `key` ("" for any);
  // nullptr when there is none.
  const Finding* Find(std::string_view channel, int page, const std::string& object,
                      std::string_view key = "") const;
  // Marks the findings at (channel, page, object) with key `key` ("" for
  // any) as acted on.
  void Done(std::string_view channel, int page, const std::string& object, std::string_view key = "");

  // Marked-content findings of page `page` (1-based).
  std::vector<const Finding*> MarkedContent(int page) const;
  void Done(const Finding* f);

  // The first finding not acted on, or nullptr.
  const Finding* FirstPending() const;

 private:
  using Where = std::tuple<std::string, int, std::string>;  // channel, page, object
  std::vector<const Finding*> findings_;
  std::vector<bool> done_;
  std::map<Where, std::vector<size_t>> by_where_;
  std::map<const Finding*, size_t> index_;
};

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_PLAN_H_
