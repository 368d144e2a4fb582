// The compiled names index: every table NamesIndex matches with, laid out
// flat in one byte image that can be written to a file and memory-mapped
// back, so a process opening a 100,000-row list reads it in milliseconds
// instead of rebuilding it (seconds).
//
// Layout (all integers little-endian, as the machine writes them; every
// section 8-byte aligned):
//   NamesImageHeader — magic "RDXNAMES", format version, the rule-set hash
//     (NamesRulesHash: what built the variants), the CSV it was built from
//     (SHA-256 hex and size), the image's size, a checksum of everything
//     after the header, and the section table;
//   sections — the string bytes, the vocabulary (words and an
//     open-addressing table), variants and their token pool, the entities
//     of each variant, full variants by first token (CSR) and by first two
//     tokens (a hash table over a CSR), partial variants by entity (CSR),
//     the entities, their A-number and id tables, and the list's warnings.
//
// A variant is one token sequence of one kind, shared by every row that
// has it: in a 100,000-row list "maria hernandez" names hundreds of
// people, and matching it once, not once per row, is what keeps dense
// text fast.
//
// OpenNamesImage trusts nothing in the bytes: it checks the magic, the
// version, the rule-set hash, the source binding, the checksum, and then
// that every offset and index in every section stays inside the image, so
// a damaged, foreign or crafted file is refused, never read out of bounds.
//
// Thread-safety: the view is immutable; share it across threads.
#ifndef REDACT_STAGES_DETECT_NAMES_IMAGE_H_
#define REDACT_STAGES_DETECT_NAMES_IMAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace redact::names_image {

inline constexpr char kMagic[8] = {'R', 'D', 'X', 'N', 'A', 'M', 'E', 'S'};
// Bumped when the layout below changes.
inline constexpr uint32_t kVersion = 2;
inline constexpr uint32_t kEmpty = UINT32_MAX;  // a free hash-table slot

// A string in the strings section.
struct Str {
  uint32_t offset, length;
};

// One token sequence of one kind, and every entity that has it.
struct VariantRec {
  uint32_t pool_begin;  // into the pool section
  uint16_t length;      // tokens
  uint8_t kind;         // NamesIndex::VariantKind
  uint8_t unused;
  // The entity a match of it reports: for a full variant the first row in
  // the order its rows were indexed, for a partial one the first row.
  int32_t entity;
  // Every entity with the variant, ascending (at least one, `entity`
  // among them): entities section [entities_begin, + entity_count).
  uint32_t entities_begin;
  uint32_t entity_count;
};

struct PairSlot {  // full variants whose first two tokens are `key`
  uint64_t key;     // first token id << 32 | second
  uint32_t begin;   // into pair items; kEmpty: a free slot
  uint32_t count;
};

struct EntityRec {
  Str id, display, a_number, dob;
};

enum Section : uint32_t {
  kStrings,         // char
  kVocab,           // Str per token id
  kVocabTable,      // uint32 token id per slot (kEmpty: free); power of 2
  kPool,            // uint32 token ids of variants
  kVariants,        // VariantRec
  kVariantEntities, // int32 entities of the variants (VariantRec::entities_begin)
  kSingleOffsets,   // uint32, vocabulary size + 1
  kSingleItems,     // uint32 variant indices
  kPairTable,       // PairSlot; power of 2
  kPairItems,       // uint32 variant indices
  kPartialOffsets,  // uint32, entity count + 1
  kPartialItems,    // uint32 variant indices
  kEntities,        // EntityRec
  kANumberTable,    // uint32 entity per slot (kEmpty: free); power of 2
  kIdTable,         // uint32 entity per slot (kEmpty: free); power of 2
  kWarnings,        // Str
  kSectionCount
};

struct SectionRec {
  uint64_t offset, bytes;
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t section_count;
  uint64_t rules_hash;
  char csv_sha256[64];  // hex
  uint64_t csv_size;
  uint64_t image_size;
  uint64_t checksum;  // of the header (this field zero) and the sections
  SectionRec sections[kSectionCount];
};

// What an image was built from: the CSV's SHA-256 (hex) and size. An
// image built in memory (no file) has an empty hash and size 0.
struct Source {
  std::string sha256_hex;
  uint64_t size = 0;
};

// Hashes of the format (stable: they are part of what is written).
uint64_t HashBytes(std::string_view bytes);
uint64_t HashKey(uint64_t key);
uint64_t Checksum(const unsigned char* data, size_t size);

// What built the variants: this format's version, the source of the names
// rules (names.cpp, names_csv.cpp, normalize.cpp, hashed by the build) and
// the Unicode tables' version. An image made under other rules is rebuilt.
uint64_t RulesHash();

// The tables, as the builder fills them (see Section for each).
struct Parts {
  std::string strings;
  std::vector<Str> vocab;
  std::vector<uint32_t> pool;
  std::vector<VariantRec> variants;
  std::vector<int32_t> variant_entities;
  std::vector<uint32_t> single_offsets, single_items;
  std::vector<std::pair<uint64_t, std::vector<uint32_t>>> pairs;  // key, variants in order
  std::vector<uint32_t> partial_offsets, partial_items;
  std::vector<EntityRec> entities;
  std::vector<std::string> warnings;
  // Into `strings`; returns where.
  Str Add(std::string_view s);
};

// The image of `parts` (hash tables built here), bound to `source`. An
// image is at most 4 GiB; errors: kResource beyond that.
StatusOr<std::string> Write(Parts parts, const Source& source);

// A checked view of an image: pointers into the caller's bytes, which must
// outlive it.
struct View {
  const char* strings = nullptr;
  uint64_t strings_size = 0;
  const Str* vocab = nullptr;
  uint32_t vocab_count = 0;
  const uint32_t* vocab_table = nullptr;
  uint32_t vocab_mask = 0;
  const uint32_t* pool = nullptr;
  const VariantRec* variants = nullptr;
  uint32_t variant_count = 0;
  const int32_t* variant_entities = nullptr;
  const uint32_t* single_offsets = nullptr;
  const uint32_t* single_items = nullptr;
  const PairSlot* pair_table = nullptr;
  uint32_t pair_mask = 0;
  const uint32_t* pair_items = nullptr;
  const uint32_t* partial_offsets = nullptr;
  const uint32_t* partial_items = nullptr;
  const EntityRec* entities = nullptr;
  uint32_t entity_count = 0;
  const uint32_t* a_number_table = nullptr;
  uint32_t a_number_mask = 0;
  const uint32_t* id_table = nullptr;
  uint32_t id_mask = 0;
  const Str* warnings = nullptr;
  uint32_t warning_count = 0;

  std::string_view Get(Str s) const { return {strings + s.offset, s.length}; }
  // The token id of `word`, or kEmpty.
  uint32_t TokenId(std::string_view word) const;
  // Variants of the pair key, or an empty range.
  std::pair<const uint32_t*, const uint32_t*> Pair(uint64_t key) const;
  // The entity whose A-number / id is `value`, or -1 (ids: the last row
  // with it, A-numbers: the first).
  int EntityForANumber(std::string_view value) const;
  int EntityForId(std::string_view value) const;
};

// Checks `bytes` (8-byte aligned) as an image of `expected` (skipped when
// `check_source` is false) and views it. `verify_checksum` false only for
// an image this process has just written. Errors (kIo, naming `name` and
// what is wrong, never a value): not an image, another format
// version, other rules, another CSV, a size or checksum that does not
// match, a section or index out of bounds.
StatusOr<View> Open(std::string_view bytes, const Source* expected, bool verify_checksum,
                    const std::string& name);

}  // namespace redact::names_image

#endif  // REDACT_STAGES_DETECT_NAMES_IMAGE_H_
