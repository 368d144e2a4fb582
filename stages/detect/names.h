// The names master list: entities from a CSV file, expanded into variants
// and matched over normalized tokens — not one giant regex, so a
// 100,000-row list builds in well under 2 s and scanning stays cheap.
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
// Thread-safety: immutable after loading; share across threads.
#ifndef REDACT_STAGES_DETECT_NAMES_H_
#define REDACT_STAGES_DETECT_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "stages/detect/normalize.h"

namespace redact {

struct NameEntity {
  std::string id;        // from the `id` column, else "row-<line>"
  std::string display;   // the name as the list writes it
  std::string a_number;  // normalized "A#########", or ""
  std::string dob;       // as given
};

// Words of normalized text, with the information name matching needs.
struct TextToken {
  uint32_t begin, end;  // in the normalized text
  bool joinable;        // only spaces/hyphens/commas/periods since the last token
  bool ocr = false;     // read by OCR: may match a listed word through OCR's
                        // usual misreadings (see NamesIndex::Find)
};
std::vector<TextToken> TokenizeForNames(const std::string& normalized);

class NamesIndex {
 public:
  enum class VariantKind : uint8_t { kFull, kPartial };

  struct Match {
    uint32_t first_token, token_count;
    int entity;
    VariantKind kind;
  };

  NamesIndex() = default;

  // Errors name the file and line and say what to fix (kInvalidArgument),
  // or kNotFound; never a value from the list. `name` stands for the file
  // in messages.
  static StatusOr<NamesIndex> LoadCsv(const std::string& path);
  static StatusOr<NamesIndex> FromCsvText(std::string_view csv, const std::string& name);

  // What loading had to guess or left unread, each "<file>:<line>: …"
  // (never a value from the list): a list read as Windows-1252 or as
  // UTF-16 without a byte-order mark, a column it does not know. The list
  // is usable, but whoever runs the tool must see these.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Every variant occurrence in `tokens` (of `text`): full variants of any
  // entity, and partial variants of the entities in `mentioned` only (the
  // ones named in full elsewhere in the document; usually a handful).
  // An OCR'd token that is no listed word stands for the listed word OCR
  // most likely misread: one letter wrong, missing or extra in words of 5
  // letters or more ("Rernandez"), or a usual confusion anywhere (ñ read
  // as "fi", "rn" for "m", "cl" for "d", digits for letters: "Pefia").
  void Find(const std::string& text, const std::vector<TextToken>& tokens,
            const std::vector<int>& mentioned, std::vector<Match>* out) const;

  const std::vector<NameEntity>& entities() const { return entities_; }

  // The entity whose A-number is `a_number` ("A#########"), or -1.
  int EntityForANumber(const std::string& a_number) const;

 private:
  struct Variant {
    uint32_t pool_begin;  // into pool_
    uint16_t length;
    VariantKind kind;
    int entity;
  };

  void AddName(int entity, const std::string& name);
  void AddParts(int entity, const std::vector<std::string>& given,
                const std::vector<std::string>& middle, const std::vector<std::string>& surname);
  void AddVariant(int entity, const std::vector<std::string>& tokens, VariantKind kind);
  uint32_t TokenId(const std::string& token);
  // The listed word `word` (OCR'd, not listed) most likely misreads, or
  // UINT32_MAX.
  uint32_t OcrTokenId(const std::string& word) const;

  std::vector<NameEntity> entities_;
  std::vector<std::string> warnings_;
  std::unordered_map<std::string, uint32_t> vocabulary_;
  std::vector<uint32_t> pool_;
  std::vector<Variant> variants_;
  // Full variants by their first token (one-token variants) or first two
  // tokens (longer ones), so a common given name does not make a lookup walk
  // thousands of candidates. Partial variants are kept per entity.
  std::unordered_map<uint32_t, std::vector<uint32_t>> single_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> pairs_;
  std::vector<std::vector<uint32_t>> partials_;  // by entity
  std::unordered_map<std::string, uint32_t> dedupe_;  // build time only
  std::unordered_map<std::string, int> by_a_number_;
};

// "A-012-345-678", "12345678" → "A012345678" (9 digits, left-padded);
// "" when not 7–9 digits.
std::string NormalizeANumber(std::string_view text);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_NAMES_H_
