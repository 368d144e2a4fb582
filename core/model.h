// The model that flows through redact's stages: glyphs with their place on
// the page and in the file, words and lines in reading order, and the page
// text that detection reads, with a map from every byte of it back to glyphs.
//
// Produced by stages/extract (glyphs) and stages/assemble (words, lines,
// text); read by detection and by the writers, which remove exactly the
// glyphs named by ContentRef. Plain values: no pointers into PoDoFo, so a
// PageText outlives the document it came from and can cross threads.
#ifndef REDACT_CORE_MODEL_H_
#define REDACT_CORE_MODEL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.h"
#include "core/glyph_text.h"
#include "core/int_list.h"

namespace redact {

// Where a page sits when displayed. PDF user space (y up, origin anywhere)
// maps to display space: points, origin at the top-left corner of the media
// box as the page is shown after /Rotate, y down. This is the convention of
// `pdftotext -bbox` (which lays pages over the media box, not the crop
// box), so boxes compare directly.
struct PageGeometry {
  Rect media_box;
  Rect crop_box;  // already intersected with the media box
  int rotate = 0;  // 0, 90, 180 or 270 (normalized)
  double display_width = 0;
  double display_height = 0;
  Matrix user_to_display;

  // `rotate` may be any multiple of 90, negative included; other values
  // are treated as 0 (as viewers do).
  static PageGeometry Make(const Rect& media_box, const Rect& crop_box,
                           int rotate);
};

// The content stream a glyph was drawn by. Index 0 on a page is always the
// page's own /Contents (all its parts, which PDF concatenates). A soft
// mask's group (an ExtGState's /SMask /G form) is content too: what it draws
// shapes what later painting shows (a fill through a mask of letters reads
// as those letters, and poppler and MuPDF extract them as text).
struct ContentStream {
  enum class Kind { kPageContents, kFormXObject, kSoftMaskGroup };
  Kind kind = Kind::kPageContents;
  int object_number = 0;  // the form; 0 for page contents
  int generation = 0;
  // The stream whose `Do` painted this one (a soft mask's group: whose
  // `gs` set the mask), and that operator's index.
  int parent_stream = -1;
  int parent_op = -1;
};

// The text a marked-content sequence's property list carries for readers
// (BDC's /ActualText, /Alt, /E; pdf::MarkedPropertyText), read where the
// page's content is read: stream and operator index as in ContentRef.
struct MarkedText {
  int stream = -1;
  int op = -1;
  std::string text;
};

// A glyph's address in the file: content stream, operator, and the index of
// the code among all codes that operator shows (across a TJ array's strings).
struct ContentRef {
  int stream = -1;
  int op = -1;
  int code = -1;
  bool operator==(const ContentRef&) const = default;
};

// Fields are ordered, the small ones narrowed and positions stored in
// floats (core/geometry.h; every computation on them is in doubles), so
// that a glyph takes 124 bytes, not 240: glyphs are most of the memory a
// page costs (and, as fresh memory, much of its time). A long document's
// pages let theirs go once read (PageText::released) and read them again
// one page at a time where they are needed. Comparisons at a threshold that float
// rounding can cross have a tie rule of their own (structure.cpp kRowTie).
struct Glyph {
  GlyphText text;         // UTF-8, possibly several code points ("ffi")
  QuadF quad;             // user space: the glyph's advance × ascent/descent
  RectF box;              // display space (see PageGeometry)
  PointF baseline_start;  // display space
  PointF baseline_end;    // display space
  PointF pen_end;         // display space: after the glyph and its Tc
  float font_size = 0;    // size as displayed, in points
  uint32_t code = 0;      // the character code as shown
  ContentRef source;      // stream -1 for OCR glyphs: they live in pixels
  float confidence = 100; // OCR confidence 0..100 (low ones are kept)
  int ocr_word = -1;      // OCR glyphs: the word (numbered per page) they
                          // were read in
  int16_t code_length = 1;  // the code's length in bytes
  int16_t rotation = 0;   // quadrant of the baseline direction in display
                          // space: 0 left→right, 1 top→bottom, 2, 3
  int16_t render_mode = 0;  // Tr; 3 (invisible) is still text
  bool decodable : 1 = true;  // false: no Unicode could be proven for the
                              // code; text is then U+FFFD. Never silently
                              // dropped.
  bool is_space : 1 = false;  // decoded to white space
  bool ocr : 1 = false;       // recognized from an image, not a text operator
  // An invisible text layer replaced by our OCR (--ocr always): left out of
  // the page text, and removed from the output with nothing drawn.
  bool superseded : 1 = false;
  // Visible text the page itself paints over later with an opaque box or
  // image (any colour, hatched boxes too): hidden from a reader's eyes, not
  // from text extraction — a "redaction" that removed nothing. Detection
  // makes it a finding of its own ("covered"); verification reports it.
  bool covered : 1 = false;
};
static_assert(sizeof(Glyph) <= 124, "a glyph's size is most of a long document's memory");

// Words, lines and blocks index into PageText::glyphs / words / lines.
struct Word {
  std::vector<int> glyphs;      // in reading order; their text is `text`
  IntList duplicates;           // glyphs overprinted on the word's own
                                // (fake bold): not in `text`, but removed
                                // with the word
  IntList accents;              // glyphs of `glyphs` or `duplicates` that are
                                // spacing accents drawn over a letter (TeX's
                                // \' or a second pass): read as the combining
                                // mark after that letter
  std::string text;
  // In floats, as the glyphs it is made of (their union, exactly): reads
  // back as a Rect; a long document holds hundreds of thousands of words.
  RectF box;
  int rotation = 0;
  float font_size = 0;  // a glyph's, as the glyph keeps it
  // Where `text` lies in PageText::text (filled by assemble).
  uint32_t text_begin = 0;
  uint32_t text_end = 0;
};
static_assert(sizeof(Word) <= 104, "a long document holds hundreds of thousands of words");

struct Line {
  std::vector<int> words;
  Rect box;
};

struct Block {
  std::vector<int> lines;
  Rect box;
};

// Something the interpreter could not fully understand. Details never hold
// text from the document (operator and font names only).
struct ExtractionProblem {
  enum class Kind {
    kBadToken,           // bytes the lexer could not read
    kUnknownOperator,    // an operator not in the PDF specification
    kBadOperands,        // a known operator with unusable operands
    kMissingFont,        // Tf names a font not in the resources
    kUnsupportedFont,    // a font whose codes we cannot decode at all
    kUndecodableGlyph,   // a code with no provable Unicode
    kMissingXObject,     // Do names an XObject not in the resources
    kBrokenXObject,      // a Form XObject we could not read
    kRecursionLimit,     // Form XObjects nested too deep or cyclic
    kStreamError,        // a content stream that would not decode
    kTruncatedStream,    // a content stream whose Flate data breaks off: read up
                         // to the break, the rest unread (page to review)
    kNotOcrd,            // a page of images and no text, left unread (--ocr never)
    kLowOcrConfidence,   // OCR read little, or read it unsure: check by hand
    kTextLayerReplaced,  // an invisible text layer (a scanner's, an earlier
                         // OCR's) the pixels under it contradict, or that
                         // leaves text in them unread: OCR'd instead (page
                         // to review)
  };
  Kind kind;
  int stream = -1;
  int op = -1;
  std::string detail;
};

std::string_view ExtractionProblemName(ExtractionProblem::Kind kind);

// A straight horizontal or vertical line drawn on the page (a stroked
// segment, a thin filled rectangle, an edge of a rectangle): what ruled
// tables and form boxes are made of. Display space; `from` is the top or
// left end.
struct Ruling {
  Point from;
  Point to;
  bool horizontal() const { return to.y - from.y < to.x - from.x; }
};

// Where text stood that no longer reads: an opaque box with nothing under
// it, sized like a line of text (a redaction mark, ours or another's), or
// the words apply removes when it reads a page as its output will read.
// The structure stage takes each for a piece of text no one can read, so
// that a table keeps its columns and a label its value once cells and
// values are blacked out (stages/structure).
struct Blank {
  RectF box;            // display space
  float font_size = 0;  // of the text it stands for (estimated from a box)
};

// ---- The layout the structure stage saw (stages/structure). Everything
// indexes PageText::words and ::blocks; header and label text is the
// document's own and must not leave the process outside `extract`.

struct TableCell {
  int row = 0;
  int column = 0;
  std::vector<int> words;  // in reading order; may span several lines
  Rect box;
};

struct Table {
  bool ruled = false;       // from drawn lines; else from aligned columns
  Rect box;
  int rows = 0;
  int columns = 0;
  int header_rows = 0;      // the first rows of `cells` that are headers
  bool header_inherited = false;  // headers taken from an earlier page's table
  std::vector<double> column_left;   // per column, display x
  std::vector<double> column_right;
  std::vector<std::string> headers;  // per column: header text ("" if none)
  std::vector<std::string> header_keys;  // per column: canonical label key
                                         // (see structure/labels.h) or ""
  std::vector<TableCell> cells;  // row-major; header rows first
};

// A form label and its value, paired by where they sit: the value right of
// the label (same line, or after a colon) or below it.
struct LabeledField {
  std::string key;          // canonical label key ("name", "a_number", …)
  std::vector<int> label_words;
  std::vector<int> value_words;
  bool below = false;       // the value sits under its label
  bool comb = false;        // one character per box: the value's words are
                            // the letters of the words they spell
};

enum class BlockRole {
  kCaption,      // the case caption (parties, court, case number)
  kLetterhead,   // a firm's or office's name, address, phone at the top
  kCounsel,      // a signature block of counsel (/s/, bar number, "Attorney for")
  kJudge,        // a judge's signature ("United States District Judge")
  kSignature,    // another signature line (/s/, "Signature", "Firma")
  kCertificate,  // a certificate of translation, interpretation or service
  kHeader,       // running page header (top margin)
  kFooter,       // running page footer, Bates stamps (bottom margin)
  kQuotation,    // a block quotation of a statute, regulation or case
  kOffice,       // an agency's or court's office with its address (a
                 // letter's inside address: "Atlanta Field Office / U.S.
                 // Immigration and Customs Enforcement / 180 Ted Turner Dr")
};
std::string_view BlockRoleName(BlockRole role);

struct RoleBlock {
  BlockRole role;
  int block = -1;           // index into PageText::blocks
  size_t text_begin = 0;    // the block's span of PageText::text
  size_t text_end = 0;
};

struct PageLayout {
  std::vector<Table> tables;
  std::vector<LabeledField> fields;
  std::vector<RoleBlock> roles;
  // The words of a line-number column down the left margin (pleading
  // paper's 1–28, a transcript's 1–25), top to bottom. They are the
  // paper's, not the text's: public, left in every output, and not part of
  // the text detection matches in ("Patrick H." / "5 Peluso" reads
  // "Patrick H. Peluso"), nor of any finding's glyphs.
  std::vector<int> line_numbers;
};

struct PageText {
  int number = 0;  // 1-based
  PageGeometry geometry;
  std::vector<ContentStream> streams;
  // Every property list with text on the page (stages/extract), read in
  // the same run as the glyphs; `marked_read` says that run filled it, so
  // side-channel inspection need not interpret the page again.
  std::vector<MarkedText> marked;
  bool marked_read = false;
  std::vector<Glyph> glyphs;  // in content (painting) order
  std::vector<ExtractionProblem> problems;
  // Filled shapes with the size and outline of a glyph (curved, at most 72
  // units each way): text drawn as outlines instead of with a font shows
  // up as many of these, and cannot be read without rendering the page.
  int glyph_like_shapes = 0;
  // How many letter-sized filled shapes (curved or not) stand in word-like
  // runs on a baseline (stages/extract/vector_text.h): text drawn as
  // outlines has many, a diagram's dots and hatching none.
  int glyph_like_in_runs = 0;
  // Small painted shapes that may be letters, weighed: 5 per path of several
  // pieces (block letters, strokes, outlines), 1 per tiny plain rectangle;
  // boxes and lines 0. Verification renders a page that reaches
  // kMinVectorShapes (stages/second_look/trigger.h): no text speaks for it.
  int vector_shapes = 0;
  // Horizontal and vertical lines drawn on the page (filled by extract; at
  // most kMaxRulings: a page of hatching is not a table).
  std::vector<Ruling> rulings;
  static constexpr size_t kMaxRulings = 4000;
  // Text-sized opaque boxes over nothing (see Blank; filled by extract, at
  // most kMaxBlanks).
  std::vector<Blank> blanks;
  static constexpr size_t kMaxBlanks = 2000;

  // Filled by the assemble stage.
  std::vector<Word> words;
  std::vector<Line> lines;
  std::vector<Block> blocks;  // in reading order
  std::string text;           // UTF-8: words by ' ', lines by '\n',
                              // blocks by "\n\n"
  std::vector<int32_t> text_glyph;  // per byte of `text`: glyph index, or
                                    // -1 for separators we inserted

  // Filled by the structure stage: tables, label–value fields, roles.
  PageLayout layout;

  // Set when the page's glyphs were let go once its text was assembled and
  // its structure built (stages/extract ReleaseGlyphs: a long document's
  // glyphs are most of its memory). `glyphs` is then empty; everything
  // else (words, text_glyph, findings) still indexes them, and
  // RestoreGlyphs reads the page again where they are needed, checking that
  // it gives back these very glyphs.
  struct ReleasedGlyphs {
    size_t count = 0;
    int undecodable = 0;
    uint64_t digest = 0;
  };
  std::optional<ReleasedGlyphs> released;

  // The page's glyphs, held or released.
  size_t glyph_count() const { return released ? released->count : glyphs.size(); }
  int undecodable_glyph_count() const;
  // The display-space bounds of `indices`' glyphs (an empty Rect for none);
  // the glyphs must be held.
  Rect GlyphBounds(const std::vector<int>& indices) const;
};

}  // namespace redact

#endif  // REDACT_CORE_MODEL_H_
