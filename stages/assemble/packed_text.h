// A page's assembled text held compactly while nothing reads it.
//
// Apply detects a second time in the pages as they will read once the
// findings are gone (pipeline/analyze.cpp DetectAfterRemoval). While it
// does, every page with findings holds two readings: its own, set aside,
// and the reduced one being read. In a long document the reading set
// aside was about a third of the peak memory: a word is 104 bytes with
// its glyph list on the heap, a line's word list is a heap allocation of
// its own, and the text → glyph map is 4 bytes per byte of text. Packed,
// the same reading takes about a quarter of that: varint deltas for the
// index lists, the word's text not repeated (it is a slice of the page
// text), boxes as their exact bytes.
//
// Packing is lossless: PutBack restores every field bit for bit (boxes,
// font sizes, a word's text even where it is not its slice of the page
// text). A field added to Word, Line or Block must be added to the packing
// too; a static_assert in packed_text.cpp trips when their sizes change.
//
// Thread-safety: a PackedText is a value; distinct ones may be used from
// distinct threads.
#ifndef REDACT_STAGES_ASSEMBLE_PACKED_TEXT_H_
#define REDACT_STAGES_ASSEMBLE_PACKED_TEXT_H_

#include <cstddef>
#include <string>

#include "core/model.h"

namespace redact {

class PackedText {
 public:
  PackedText() = default;

  // Takes page->words, lines, blocks, text and text_glyph (left empty, their
  // memory given back); the glyphs, layout and everything else stay.
  static PackedText Take(PageText* page);

  // Puts what Take took back into `page` (replacing what those fields hold
  // now), exactly as it was; this PackedText is empty afterwards.
  void PutBack(PageText* page);

  // The bytes held.
  size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
};

}  // namespace redact

#endif  // REDACT_STAGES_ASSEMBLE_PACKED_TEXT_H_
