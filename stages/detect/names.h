// The names master list: entities from a CSV file, expanded into variants
// and matched over normalized tokens — not one giant regex, so scanning
// stays cheap with 100,000 rows. Building the variants of such a list takes
// seconds; a compiled image of them (names_image.h, cached by
// pipeline/names_cache.h) is mapped back in milliseconds.
//
// CSV: a header row, then one row per entity. Read as people export it
// (names_csv.h): UTF-8, UTF-16 or Windows-1252 bytes; ',', ';' or tab
// separators; headers in English or Spanish, case- and accent-insensitive:
// a full `name` (Nombre completo), or `first`/`middle`/`last` (Nombre,
// Segundo nombre, Apellidos; Segundo apellido is appended to the surname);
// optional `id`, `a_number` (Número A, A#), `aliases` (separated by ';'),
// `dob` (Fecha de nacimiento). What the reader had to guess or could not use
// (an encoding, an unknown column) is in warnings(): the caller shows them.
//
// Variants of an entity (all accent-, case- and punctuation-insensitive, a
// hyphen equal to a space: García-López = Garcia Lopez):
//   full (match anywhere): given+middle+surname, given+surname, given +
//     middle initials + surname, surname+given(+middle) ("LAST, First"),
//     first given + surname, given + first surname of a compound surname,
//     and a compound surname run together ("ELIDRISSI, Fatima": OCR) with
//     the given name either side; and any of these with a middle initial
//     the list lacks after its first word ("CRYSTAL M. LONG" for a listed
//     Crystal Long);
//   on OCR'd text, a word that is no listed word stands for the listed word
//     it most likely misreads (one edit in words of 5+ letters, or a usual
//     OCR confusion: see Find);
//   partial (only after a full mention of the entity in the same document,
//     and only where the text is capitalized): the surname alone (also run
//     together), the first surname alone, the given name alone, a middle
//     name alone, initial + surname.
// Rows with only `name` are split heuristically: "LAST, First" at the
// comma, particles (de, la, van …) start the surname, and for three or more
// words both "given middle surname" and "given surname surname" are tried.
//
// Thread-safety: immutable after loading; share across threads. The rules
// that build variants are hashed into every compiled image
// (names_image::RulesHash), so an image built by other rules is rebuilt.
#ifndef REDACT_STAGES_DETECT_NAMES_H_
#define REDACT_STAGES_DETECT_NAMES_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "stages/detect/names_image.h"
#include "stages/detect/normalize.h"

namespace redact {

// One listed person, as views into the index (valid while it lives).
struct NameEntity {
  std::string_view id;        // from the `id` column, else "row-<line>"
  std::string_view display;   // the name as the list writes it
  std::string_view a_number;  // normalized "A#########", or ""
  std::string_view dob;       // as given
};

// Words of normalized text, with the information name matching needs.
struct TextToken {
  uint32_t begin, end;  // in the normalized text
  bool joinable;        // only spaces/hyphens/commas/periods since the last token
  bool ocr = false;     // read by OCR: may match a listed word through OCR's
                        // usual misreadings (see NamesIndex::Find)
};
// Words are runs of letters and digits, except in Chinese, Japanese and
// Korean, which are written without spaces between names and what
// follows ("山田太郎さんは", "王小明说", "김민준은"): each Han, kana or
// Hangul character is a token of its own, so a listed "山田 太郎" matches
// "山田太郎" and its surname matches "山田さん" (NamesIndex expands the
// list's words the same way; see IsCjkLetter). CJK punctuation (、。「」)
// separates tokens.
std::vector<TextToken> TokenizeForNames(const std::string& normalized);

// Han (with 々 〆 〇), hiragana, katakana, Hangul syllables and the
// leading jamo that starts a decomposed one (normalization decomposes
// Hangul; a syllable's jamo make one token).
bool IsCjkLetter(char32_t cp);
// Whether UTF-8 `text` starts with such a letter.
bool StartsWithCjkLetter(std::string_view text);

// The index is a view over one flat image (names_image.h): built in memory
// from a CSV, or compiled once (CompileCsvText) and mapped back from a file
// (FromImage) by a later process, which then costs milliseconds instead of
// seconds. Both match exactly alike. Copies share the image.
class NamesIndex {
 public:
  enum class VariantKind : uint8_t { kFull, kPartial };

  // One variant found once at one place, however many rows share it: a
  // full "Maria Hernández" names every row whose variant it is
  // (EntitiesOf), reported as `entity`, the first of them the list indexed.
  // A partial variant names only the mentioned entity it was found for
  // (`entity`: the first in `mentioned` with it).
  struct Match {
    uint32_t first_token, token_count;
    int entity;
    VariantKind kind;
    uint32_t variant;  // the shared variant (EntitiesOf)
  };

  // An empty list.
  NamesIndex();

  // Errors name the file and line and say what to fix (kInvalidArgument),
  // or kNotFound; never a value from the list. `name` stands for the file
  // in messages.
  static StatusOr<NamesIndex> LoadCsv(const std::string& path);
  static StatusOr<NamesIndex> FromCsvText(std::string_view csv, const std::string& name);

  // The compiled image of `csv`, bound to `source` (the CSV's SHA-256 and
  // size). Errors: FromCsvText's; kResource for a list too large to index.
  static StatusOr<std::string> CompileCsvText(std::string_view csv, const std::string& name,
                                              const names_image::Source& source);
  // The index over `image` (8-byte aligned; `owner` keeps it alive: a
  // mapping, or a string), checked by names_image::Open against `expected`.
  // `name` (the CSV's path) prefixes the list's warnings and, with the
  // image's path, the errors: kIo when the image is not one, is damaged,
  // or is of another version, other rules or another CSV.
  static StatusOr<NamesIndex> FromImage(std::shared_ptr<const void> owner, std::string_view image,
                                        const names_image::Source& expected, const std::string& name,
                                        const std::string& image_name);

  // What loading had to guess or left unread, each "<file>:<line>: …"
  // (never a value from the list): a list read as Windows-1252 or as
  // UTF-16 without a byte-order mark, a column it does not know. The list
  // is usable, but whoever runs the tool must see these.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // For the loader (pipeline/names_cache): what it had to redo.
  void AddWarning(std::string warning) { warnings_.push_back(std::move(warning)); }

  // Every variant occurrence in `tokens` (of `text`), once each (see
  // Match): full variants of any entity, and partial variants of the
  // entities in `mentioned` only (the ones named in full elsewhere in the
  // document; usually a handful).
  // An OCR'd token that is no listed word stands for the listed word OCR
  // most likely misread: one letter wrong, missing or extra in words of 5
  // letters or more ("Rernandez"), or a usual confusion anywhere (ñ read
  // as "fi", "rn" for "m", "cl" for "d", digits for letters: "Pefia").
  // A middle initial the list lacks does not hide a full variant ("CRYSTAL
  // M. LONG" for a listed Crystal Long), nor do up to two middle names or
  // particles ("Rosa Elena Marquez", "María de la Cruz" for a listed Rosa
  // Marquez, María Cruz): the tokens `middle` flags (one per token, from
  // the original text: a capitalized word that is no title or role, or a
  // particle) may stand between a full variant's first two words when only
  // spaces or line breaks separate them all. Without `middle`, only
  // initials are skipped.
  void Find(const std::string& text, const std::vector<TextToken>& tokens,
            const std::vector<int>& mentioned, std::vector<Match>* out,
            const std::vector<uint8_t>* middle = nullptr) const;

  // The partial variants of some mentioned entities, gathered once for
  // every page of a document (a document mentions hundreds of people).
  class Mentioned {
   private:
    friend class NamesIndex;
    struct Partial {
      uint32_t first;    // the variant's first token
      uint32_t variant;
      int entity;
    };
    // Each variant once, for the first entity with it (in the order of
    // the entities), sorted stably by first token.
    std::vector<Partial> partials_;
  };
  Mentioned PartialsOf(const std::vector<int>& mentioned) const;
  // Find with `mentioned` (PartialsOf) as with the entities it was made of.
  void Find(const std::string& text, const std::vector<TextToken>& tokens,
            const Mentioned& mentioned, std::vector<Match>* out,
            const std::vector<uint8_t>* middle = nullptr) const;

  // The list's word of each token: its id, or UINT32_MAX for a word the
  // list does not hold (an OCR'd token reads as OcrTokenId says).
  std::vector<uint32_t> TokenIds(const std::string& text, const std::vector<TextToken>& tokens) const;
  // Find over tokens whose ids are known (TokenIds of the same tokens).
  // Without `full`, only the partial variants: a page's full matches do
  // not depend on who is mentioned, so a second pass over it (with
  // `mentioned` known) adds these to the first pass's matches; in the order
  // of a stable sort by first token, length and kind, they are then what
  // Find gives.
  void FindTokens(const std::string& text, const std::vector<TextToken>& tokens,
                  const std::vector<uint32_t>& ids, const Mentioned& mentioned, bool full,
                  std::vector<Match>* out, const std::vector<uint8_t>* middle = nullptr) const;

  // Every entity (ascending) with `variant` (Match::variant): for a full
  // match the people its span names, Match::entity among them. Valid while
  // the index lives.
  std::span<const int32_t> EntitiesOf(uint32_t variant) const {
    const names_image::VariantRec& v = view_.variants[variant];
    return {view_.variant_entities + v.entities_begin, v.entity_count};
  }

  // The listed people, by index (the row order of the list).
  class Entities {
   public:
    explicit Entities(const names_image::View* view) : view_(view) {}
    size_t size() const { return view_->entity_count; }
    bool empty() const { return size() == 0; }
    NameEntity operator[](size_t i) const;

   private:
    const names_image::View* view_;
  };
  Entities entities() const { return Entities(&view_); }

  // The entity whose A-number is `a_number` ("A#########"), or -1; the
  // first row with it.
  int EntityForANumber(std::string_view a_number) const { return view_.EntityForANumber(a_number); }
  // The entity whose id is `id`, or -1; the last row with it.
  int EntityForId(std::string_view id) const { return view_.EntityForId(id); }

 private:
  // The listed word `word` (OCR'd, not listed) most likely misreads, or
  // UINT32_MAX.
  uint32_t OcrTokenId(const std::string& word) const;

  std::shared_ptr<const void> owner_;  // the image's bytes
  names_image::View view_;
  std::vector<std::string> warnings_;
};

// "A-012-345-678", "12345678" → "A012345678" (9 digits, left-padded);
// "" when not 7–9 digits.
std::string NormalizeANumber(std::string_view text);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_NAMES_H_
