#include "stages/detect/names_image.h"

#include <utf8proc.h>

#include <bit>
#include <cstring>

namespace redact::names_image {
namespace {

constexpr uint64_t kP1 = 0x9E3779B185EBCA87ULL, kP2 = 0xC2B2AE3D27D4EB4FULL, kP3 = 0x165667B19E3779F9ULL;

// A power of two at least twice `n` (load at most one half).
uint32_t TableSize(size_t n) { return std::bit_ceil(static_cast<uint32_t>(std::max<size_t>(n * 2, 8))); }

size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

Status Damaged(const std::string& name, const std::string& what) {
  return Status(StatusCode::kIo, name + ": the compiled names index " + what);
}

// Open-addressing table of `count` items keyed by `key(i)` (a string), the
// first item with a key kept unless `last_wins`.
template <typename KeyOf>
std::vector<uint32_t> StringTable(uint32_t count, KeyOf key_of, bool last_wins, bool skip_empty) {
  std::vector<uint32_t> table(TableSize(count), kEmpty);
  const uint32_t mask = static_cast<uint32_t>(table.size() - 1);
  for (uint32_t i = 0; i < count; ++i) {
    const std::string_view key = key_of(i);
    if (skip_empty && key.empty()) continue;
    for (uint64_t slot = HashBytes(key) & mask;; slot = (slot + 1) & mask) {
      if (table[slot] == kEmpty) {
        table[slot] = i;
        break;
      }
      if (key_of(table[slot]) == key) {
        if (last_wins) table[slot] = i;
        break;
      }
    }
  }
  return table;
}

template <typename T>
void Put(std::string* image, Header* header, Section section, const std::vector<T>& items) {
  image->resize(Align8(image->size()));
  header->sections[section] = {image->size(), items.size() * sizeof(T)};
  if (!items.empty()) image->append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
}

template <typename T>
const T* At(std::string_view bytes, const Header& h, Section s) {
  return reinterpret_cast<const T*>(bytes.data() + h.sections[s].offset);
}

template <typename T>
uint64_t Count(const Header& h, Section s) {
  return h.sections[s].bytes / sizeof(T);
}

// Every section inside the image, aligned, a whole number of its items.
bool SectionsFit(const Header& h, uint64_t size) {
  static constexpr size_t kItem[kSectionCount] = {
      1, sizeof(Str), 4, 4, sizeof(VariantRec), 4, 4, 4, sizeof(PairSlot), 4, 4, 4, sizeof(EntityRec), 4, 4, sizeof(Str)};
  for (uint32_t s = 0; s < kSectionCount; ++s) {
    const SectionRec& r = h.sections[s];
    if (r.offset < sizeof(Header) || r.offset % 8 != 0 || r.offset > size || r.bytes > size - r.offset ||
        r.bytes % kItem[s] != 0 || r.bytes / kItem[s] >= kEmpty) {
      return false;
    }
  }
  return true;
}

// The checksum of a whole image: its header (with the checksum field zero)
// and everything after it.
uint64_t ImageChecksum(const Header& header, std::string_view image) {
  Header h = header;
  h.checksum = 0;
  const uint64_t head = Checksum(reinterpret_cast<const unsigned char*>(&h), sizeof h);
  const uint64_t body =
      Checksum(reinterpret_cast<const unsigned char*>(image.data()) + sizeof h, image.size() - sizeof h);
  return HashKey(head ^ std::rotl(body, 17));
}

bool IsPowerOfTwo(uint64_t n) { return n != 0 && (n & (n - 1)) == 0; }

// Every index in the view inside what it indexes.
bool IndicesFit(const View& v, const Header& h) {
  auto str_ok = [&](Str s) { return s.offset <= v.strings_size && s.length <= v.strings_size - s.offset; };
  const uint64_t pool_count = Count<uint32_t>(h, kPool);
  for (uint32_t i = 0; i < v.vocab_count; ++i) {
    if (!str_ok(v.vocab[i])) return false;
  }
  for (uint32_t i = 0; i <= v.vocab_mask; ++i) {
    if (v.vocab_table[i] != kEmpty && v.vocab_table[i] >= v.vocab_count) return false;
  }
  for (uint64_t i = 0; i < pool_count; ++i) {
    if (v.pool[i] >= v.vocab_count) return false;
  }
  const uint64_t variant_entities = Count<int32_t>(h, kVariantEntities);
  for (uint64_t i = 0; i < variant_entities; ++i) {
    if (v.variant_entities[i] < 0 || static_cast<uint32_t>(v.variant_entities[i]) >= v.entity_count) return false;
  }
  for (uint32_t i = 0; i < v.variant_count; ++i) {
    const VariantRec& r = v.variants[i];
    if (r.length == 0 || r.pool_begin > pool_count || r.length > pool_count - r.pool_begin || r.kind > 1 ||
        r.entity < 0 || static_cast<uint32_t>(r.entity) >= v.entity_count || r.entity_count == 0 ||
        r.entities_begin > variant_entities || r.entity_count > variant_entities - r.entities_begin) {
      return false;
    }
  }
  auto csr_ok = [&](const uint32_t* offsets, uint64_t n, Section items) {
    const uint64_t item_count = Count<uint32_t>(h, items);
    if (offsets[0] != 0 || offsets[n] != item_count) return false;
    for (uint64_t i = 0; i < n; ++i) {
      if (offsets[i] > offsets[i + 1]) return false;
    }
    return true;
  };
  auto items_ok = [&](const uint32_t* items, uint64_t n) {
    for (uint64_t i = 0; i < n; ++i) {
      if (items[i] >= v.variant_count) return false;
    }
    return true;
  };
  if (!csr_ok(v.single_offsets, v.vocab_count, kSingleItems) ||
      !csr_ok(v.partial_offsets, v.entity_count, kPartialItems) ||
      !items_ok(v.single_items, Count<uint32_t>(h, kSingleItems)) ||
      !items_ok(v.partial_items, Count<uint32_t>(h, kPartialItems)) ||
      !items_ok(v.pair_items, Count<uint32_t>(h, kPairItems))) {
    return false;
  }
  const uint64_t pair_items = Count<uint32_t>(h, kPairItems);
  for (uint32_t i = 0; i <= v.pair_mask; ++i) {
    const PairSlot& p = v.pair_table[i];
    if (p.begin != kEmpty && (p.begin > pair_items || p.count > pair_items - p.begin)) return false;
  }
  for (uint32_t i = 0; i < v.entity_count; ++i) {
    const EntityRec& e = v.entities[i];
    if (!str_ok(e.id) || !str_ok(e.display) || !str_ok(e.a_number) || !str_ok(e.dob)) return false;
  }
  for (uint32_t i = 0; i <= v.a_number_mask; ++i) {
    if (v.a_number_table[i] != kEmpty && v.a_number_table[i] >= v.entity_count) return false;
  }
  for (uint32_t i = 0; i <= v.id_mask; ++i) {
    if (v.id_table[i] != kEmpty && v.id_table[i] >= v.entity_count) return false;
  }
  for (uint32_t i = 0; i < v.warning_count; ++i) {
    if (!str_ok(v.warnings[i])) return false;
  }
  return true;
}

int FindString(const uint32_t* table, uint32_t mask, std::string_view key,
               std::string_view (*key_of)(const View&, uint32_t), const View& v) {
  uint64_t slot = HashBytes(key) & mask;
  for (uint64_t probes = 0; probes <= mask; ++probes, slot = (slot + 1) & mask) {
    const uint32_t i = table[slot];
    if (i == kEmpty) return -1;
    if (key_of(v, i) == key) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

uint64_t HashBytes(std::string_view bytes) {
  uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a, then a final mix
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001B3ULL;
  return HashKey(h);
}

uint64_t HashKey(uint64_t key) {
  key ^= key >> 33;
  key *= 0xFF51AFD7ED558CCDULL;
  key ^= key >> 33;
  key *= 0xC4CEB9FE1A85EC53ULL;
  key ^= key >> 33;
  return key;
}

uint64_t Checksum(const unsigned char* data, size_t size) {
  // Four independent lanes over 8-byte words (xxHash's round), so the
  // check runs at memory speed: an image of 100,000 rows is ~20 MB.
  uint64_t lane[4] = {kP1 + kP2, kP2, 0, 0 - kP1};
  size_t i = 0;
  auto round = [](uint64_t acc, uint64_t w) { return std::rotl(acc + w * kP2, 31) * kP1; };
  for (; i + 32 <= size; i += 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, data + i + 8 * k, 8);
      lane[k] = round(lane[k], w);
    }
  }
  uint64_t h = std::rotl(lane[0], 1) + std::rotl(lane[1], 7) + std::rotl(lane[2], 12) + std::rotl(lane[3], 18);
  for (; i < size; ++i) h = std::rotl(h ^ (data[i] * kP3), 11) * kP1;
  return HashKey(h ^ size);
}

uint64_t RulesHash() {
  std::string rules = "names-image/" + std::to_string(kVersion) + ";source/" REDACT_NAMES_RULES_SOURCE ";utf8proc/";
  rules += utf8proc_version();
  rules += ";unicode/";
  rules += utf8proc_unicode_version();
  return HashBytes(rules);
}

Str Parts::Add(std::string_view s) {
  const Str out{static_cast<uint32_t>(strings.size()), static_cast<uint32_t>(s.size())};
  strings.append(s);
  return out;
}

StatusOr<std::string> Write(Parts p, const Source& source) {
  if (p.strings.size() + p.pool.size() * 4 + p.variants.size() * sizeof(VariantRec) + p.variant_entities.size() * 4 >
      (1ULL << 31)) {
    return Error(StatusCode::kResource, "the names list is too large to index (over 2 GiB of variants)");
  }
  std::vector<Str> warnings;
  for (const std::string& w : p.warnings) warnings.push_back(p.Add(w));
  const View strings_only{.strings = p.strings.data(), .strings_size = p.strings.size()};
  std::vector<uint32_t> vocab_table = StringTable(
      static_cast<uint32_t>(p.vocab.size()), [&](uint32_t i) { return strings_only.Get(p.vocab[i]); }, false, false);
  std::vector<uint32_t> a_numbers = StringTable(
      static_cast<uint32_t>(p.entities.size()), [&](uint32_t i) { return strings_only.Get(p.entities[i].a_number); },
      false, true);
  std::vector<uint32_t> ids = StringTable(
      static_cast<uint32_t>(p.entities.size()), [&](uint32_t i) { return strings_only.Get(p.entities[i].id); }, true,
      false);
  std::vector<PairSlot> pair_table(TableSize(p.pairs.size()), PairSlot{0, kEmpty, 0});
  std::vector<uint32_t> pair_items;
  const uint64_t pair_mask = pair_table.size() - 1;
  for (const auto& [key, items] : p.pairs) {
    uint64_t slot = HashKey(key) & pair_mask;
    while (pair_table[slot].begin != kEmpty) slot = (slot + 1) & pair_mask;
    pair_table[slot] = {key, static_cast<uint32_t>(pair_items.size()), static_cast<uint32_t>(items.size())};
    pair_items.insert(pair_items.end(), items.begin(), items.end());
  }
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kVersion;
  header.section_count = kSectionCount;
  header.rules_hash = RulesHash();
  std::memset(header.csv_sha256, '0', sizeof header.csv_sha256);
  std::memcpy(header.csv_sha256, source.sha256_hex.data(), std::min<size_t>(64, source.sha256_hex.size()));
  header.csv_size = source.size;
  std::string image(sizeof(Header), '\0');
  Put(&image, &header, kStrings, std::vector<char>(p.strings.begin(), p.strings.end()));
  Put(&image, &header, kVocab, p.vocab);
  Put(&image, &header, kVocabTable, vocab_table);
  Put(&image, &header, kPool, p.pool);
  Put(&image, &header, kVariants, p.variants);
  Put(&image, &header, kVariantEntities, p.variant_entities);
  Put(&image, &header, kSingleOffsets, p.single_offsets);
  Put(&image, &header, kSingleItems, p.single_items);
  Put(&image, &header, kPairTable, pair_table);
  Put(&image, &header, kPairItems, pair_items);
  Put(&image, &header, kPartialOffsets, p.partial_offsets);
  Put(&image, &header, kPartialItems, p.partial_items);
  Put(&image, &header, kEntities, p.entities);
  Put(&image, &header, kANumberTable, a_numbers);
  Put(&image, &header, kIdTable, ids);
  Put(&image, &header, kWarnings, warnings);
  image.resize(Align8(image.size()));
  header.image_size = image.size();
  header.checksum = ImageChecksum(header, image);
  std::memcpy(image.data(), &header, sizeof header);
  return image;
}

uint32_t View::TokenId(std::string_view word) const {
  uint64_t slot = HashBytes(word) & vocab_mask;
  for (uint64_t probes = 0; probes <= vocab_mask; ++probes, slot = (slot + 1) & vocab_mask) {
    const uint32_t id = vocab_table[slot];
    if (id == kEmpty || Get(vocab[id]) == word) return id;
  }
  return kEmpty;
}

std::pair<const uint32_t*, const uint32_t*> View::Pair(uint64_t key) const {
  uint64_t slot = HashKey(key) & pair_mask;
  for (uint64_t probes = 0; probes <= pair_mask; ++probes, slot = (slot + 1) & pair_mask) {
    const PairSlot& p = pair_table[slot];
    if (p.begin == kEmpty) break;
    if (p.key == key) return {pair_items + p.begin, pair_items + p.begin + p.count};
  }
  return {nullptr, nullptr};
}

int View::EntityForANumber(std::string_view value) const {
  if (value.empty()) return -1;
  return FindString(a_number_table, a_number_mask, value,
                    [](const View& v, uint32_t i) { return v.Get(v.entities[i].a_number); }, *this);
}

int View::EntityForId(std::string_view value) const {
  return FindString(id_table, id_mask, value, [](const View& v, uint32_t i) { return v.Get(v.entities[i].id); },
                    *this);
}

StatusOr<View> Open(std::string_view bytes, const Source* expected, bool verify_checksum, const std::string& name) {
  Header h;
  if (bytes.size() < sizeof h || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return Error(Damaged(name, "is not one (no header)"));
  }
  std::memcpy(&h, bytes.data(), sizeof h);
  if (h.version != kVersion || h.section_count != kSectionCount) {
    return Error(Damaged(name, "was written by another version of redact"));
  }
  if (h.rules_hash != RulesHash()) return Error(Damaged(name, "was built under other names rules"));
  if (expected && (h.csv_size != expected->size ||
                   std::string_view(h.csv_sha256, sizeof h.csv_sha256) != expected->sha256_hex)) {
    return Error(Damaged(name, "was built from another version of the names list"));
  }
  if (h.image_size != bytes.size() || !SectionsFit(h, bytes.size())) {
    return Error(Damaged(name, "is cut short or damaged (sizes)"));
  }
  if (verify_checksum && ImageChecksum(h, bytes) != h.checksum) {
    return Error(Damaged(name, "is damaged (checksum)"));
  }
  View v;
  v.strings = At<char>(bytes, h, kStrings);
  v.strings_size = h.sections[kStrings].bytes;
  v.vocab = At<Str>(bytes, h, kVocab);
  v.vocab_count = static_cast<uint32_t>(Count<Str>(h, kVocab));
  v.vocab_table = At<uint32_t>(bytes, h, kVocabTable);
  v.pool = At<uint32_t>(bytes, h, kPool);
  v.variants = At<VariantRec>(bytes, h, kVariants);
  v.variant_count = static_cast<uint32_t>(Count<VariantRec>(h, kVariants));
  v.variant_entities = At<int32_t>(bytes, h, kVariantEntities);
  v.single_offsets = At<uint32_t>(bytes, h, kSingleOffsets);
  v.single_items = At<uint32_t>(bytes, h, kSingleItems);
  v.pair_table = At<PairSlot>(bytes, h, kPairTable);
  v.pair_items = At<uint32_t>(bytes, h, kPairItems);
  v.partial_offsets = At<uint32_t>(bytes, h, kPartialOffsets);
  v.partial_items = At<uint32_t>(bytes, h, kPartialItems);
  v.entities = At<EntityRec>(bytes, h, kEntities);
  v.entity_count = static_cast<uint32_t>(Count<EntityRec>(h, kEntities));
  v.a_number_table = At<uint32_t>(bytes, h, kANumberTable);
  v.id_table = At<uint32_t>(bytes, h, kIdTable);
  v.warnings = At<Str>(bytes, h, kWarnings);
  v.warning_count = static_cast<uint32_t>(Count<Str>(h, kWarnings));
  const uint64_t vocab_slots = Count<uint32_t>(h, kVocabTable), pair_slots = Count<PairSlot>(h, kPairTable),
                 a_slots = Count<uint32_t>(h, kANumberTable), id_slots = Count<uint32_t>(h, kIdTable);
  // Tables with room to spare (a full table would make a miss loop), CSR
  // offsets one longer than what they index.
  if (!IsPowerOfTwo(vocab_slots) || vocab_slots <= v.vocab_count || !IsPowerOfTwo(pair_slots) ||
      !IsPowerOfTwo(a_slots) || a_slots <= v.entity_count || !IsPowerOfTwo(id_slots) || id_slots <= v.entity_count ||
      Count<uint32_t>(h, kSingleOffsets) != uint64_t{v.vocab_count} + 1 ||
      Count<uint32_t>(h, kPartialOffsets) != uint64_t{v.entity_count} + 1) {
    return Error(Damaged(name, "is damaged (tables)"));
  }
  v.vocab_mask = static_cast<uint32_t>(vocab_slots - 1);
  v.pair_mask = static_cast<uint32_t>(pair_slots - 1);
  v.a_number_mask = static_cast<uint32_t>(a_slots - 1);
  v.id_mask = static_cast<uint32_t>(id_slots - 1);
  if (!IndicesFit(v, h)) return Error(Damaged(name, "is damaged (indices)"));
  return v;
}

}  // namespace redact::names_image
