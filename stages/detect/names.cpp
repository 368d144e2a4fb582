#include "stages/detect/names.h"

#include <cstring>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "stages/detect/names_csv.h"

namespace redact {
namespace {

const char* const kParticles[] = {"de", "del", "la",  "las", "los", "da", "das", "do", "dos",
                                  "di", "du",  "van", "von", "der", "den", "ter", "y",  "e",
                                  "bin", "ibn", "al", "el", "le", "st"};

bool IsParticle(const std::string& t) {
  for (const char* p : kParticles) {
    if (t == p) return true;
  }
  return false;
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '\'';
}

// The code point of the UTF-8 sequence at t[i] and its length; a byte
// that starts no valid sequence is itself, length 1.
std::pair<char32_t, size_t> CodePointAt(std::string_view t, size_t i) {
  const unsigned char lead = static_cast<unsigned char>(t[i]);
  const size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (n <= 1 || i + n > t.size()) return {lead, 1};
  char32_t cp = lead & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    const unsigned char c = static_cast<unsigned char>(t[i + k]);
    if ((c & 0xC0) != 0x80) return {lead, 1};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {cp, n};
}

// Hangul vowel and final-consonant jamo: normalization decomposes a
// syllable (김) into a leading consonant and these (ᄀ ᅵ ᆷ).
bool IsHangulVowelOrFinal(char32_t cp) {
  return (cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FB);
}

// Whether `cp` is a token by itself (with the jamo that follow it): a CJK
// letter, or a Hangul vowel or final jamo with no initial consonant before
// it (a stray one, or text decomposed oddly), which would otherwise start
// a word that ends before its first character.
bool StartsCjkToken(char32_t cp) { return IsCjkLetter(cp) || IsHangulVowelOrFinal(cp); }

// The bytes of the CJK character at t[i] (StartsCjkToken): one code point,
// or a decomposed Hangul syllable with its vowel and final jamo.
size_t CjkCharLength(std::string_view t, size_t i) {
  size_t length = CodePointAt(t, i).second;
  while (i + length < t.size()) {
    const auto [cp, n] = CodePointAt(t, i + length);
    if (!IsHangulVowelOrFinal(cp)) break;
    length += n;
  }
  return length;
}

// Ideographic punctuation and brackets (、。「」『』【】〜), not 々 〆 〇.
bool IsCjkPunctuation(char32_t cp) { return cp >= 0x3000 && cp <= 0x303F && !(cp >= 0x3005 && cp <= 0x3007); }

// Splits the CJK letters of a normalized word into one token each
// ("山田" → "山", "田"); other runs stay whole. Counts the CJK letters.
void SplitCjkLetters(const std::string& word, std::vector<std::string>* out, int* cjk_letters) {
  std::string run;
  for (size_t i = 0; i < word.size();) {
    auto [cp, n] = CodePointAt(word, i);
    if (StartsCjkToken(cp)) {
      if (!run.empty()) out->push_back(std::move(run));
      run.clear();
      n = CjkCharLength(word, i);
      out->push_back(word.substr(i, n));
      ++*cjk_letters;
    } else {
      run.append(word, i, n);
    }
    i += n;
  }
  if (!run.empty()) out->push_back(std::move(run));
}

// Normalized words of a name, hyphens and punctuation as separators.
std::vector<std::string> NameTokens(std::string_view name) {
  const std::string norm = NormalizeString(name);
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < norm.size();) {
    const auto [cp, n] = CodePointAt(norm, i);
    const unsigned char c = static_cast<unsigned char>(norm[i]);
    if (IsWordByte(c) && !(c == '\'' && cur.empty()) && !IsCjkPunctuation(cp)) {
      cur.append(norm, i, n);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
    i += n;
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  for (std::string& t : out) {
    while (!t.empty() && t.back() == '\'') t.pop_back();
  }
  std::erase_if(out, [](const std::string& t) { return t.empty(); });
  return out;
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

std::string NormalizeANumber(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() == 10 && digits[0] == '0') digits.erase(0, 1);  // "0208-119-502"
  if (digits.size() < 7 || digits.size() > 9) return "";
  return "A" + std::string(9 - digits.size(), '0') + digits;
}

bool IsCjkLetter(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3041 && cp <= 0x309F) ||
         (cp >= 0x30A0 && cp <= 0x30FF && cp != 0x30FB) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0xA960 && cp <= 0xA97F);
}

bool StartsWithCjkLetter(std::string_view text) { return !text.empty() && IsCjkLetter(CodePointAt(text, 0).first); }

std::vector<TextToken> TokenizeForNames(const std::string& t) {
  std::vector<TextToken> out;
  out.reserve(t.size() / 6);  // about a word's length
  size_t i = 0;
  size_t gap_start = 0;
  while (i < t.size()) {
    const auto [cp, n] = CodePointAt(t, i);
    if (!IsWordByte(static_cast<unsigned char>(t[i])) || t[i] == '\'' || IsCjkPunctuation(cp)) {
      i += n;
      continue;
    }
    size_t b = i;
    if (StartsCjkToken(cp)) {
      i += CjkCharLength(t, i);  // one character, one token
    } else {
      while (i < t.size() && IsWordByte(static_cast<unsigned char>(t[i]))) {
        if (static_cast<unsigned char>(t[i]) < 0x80) {  // no CJK character
          ++i;
          continue;
        }
        const auto [next, length] = CodePointAt(t, i);
        if (IsCjkLetter(next) || IsCjkPunctuation(next) || IsHangulVowelOrFinal(next)) break;
        i += length;
      }
    }
    size_t e = i;
    while (e > b && t[e - 1] == '\'') --e;
    // A possessive is not part of the word: "petrenko's" → "petrenko".
    if (e - b > 3 && t[e - 1] == 's' && t[e - 2] == '\'') e -= 2;
    bool joinable = true;
    if (!out.empty()) {
      int spaces = 0;
      for (size_t k = gap_start; k < b; ++k) {
        const char c = t[k];
        if (c == ' ' || c == '\n') {
          ++spaces;
        } else if (c != '-' && c != ',' && c != '.' && c != '\'') {
          joinable = false;
        }
      }
      joinable = joinable && b - gap_start <= 6 && spaces <= 3;
    }
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), joinable});
    gap_start = e;
  }
  return out;
}

namespace {

// Builds the tables of one list (names_image::Parts): the variants of each
// entity, de-duplicated, indexed by first token(s) and by entity.
class Builder {
 public:
  using VariantKind = NamesIndex::VariantKind;
  void AddName(int entity, const std::string& name);
  void AddParts(int entity, const std::vector<std::string>& given, const std::vector<std::string>& middle,
                const std::vector<std::string>& surname);
  // The tables, with `entities` and `warnings`; empties the builder.
  names_image::Parts Finish(names_image::Parts parts);

 private:
  struct Variant {
    uint32_t pool_begin;  // into pool_
    uint16_t length;
    VariantKind kind;
    int entity;
  };
  void AddVariant(int entity, const std::vector<std::string>& tokens, VariantKind kind);
  uint32_t TokenId(const std::string& token);

  std::unordered_map<std::string, uint32_t> vocabulary_;
  std::vector<std::string> words_;  // by token id
  std::vector<uint32_t> pool_;
  std::vector<Variant> variants_;
  // Full variants by their first token (one-token variants) or first two
  // tokens (longer ones), so a common given name does not make a lookup walk
  // thousands of candidates. Partial variants are kept per entity.
  std::unordered_map<uint32_t, std::vector<uint32_t>> single_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> pairs_;
  std::vector<std::vector<uint32_t>> partials_;  // by entity
  std::unordered_map<std::string, uint32_t> dedupe_;
};

uint32_t Builder::TokenId(const std::string& token) {
  auto [it, inserted] = vocabulary_.try_emplace(token, static_cast<uint32_t>(vocabulary_.size()));
  if (inserted) words_.push_back(token);
  return it->second;
}

void Builder::AddVariant(int entity, const std::vector<std::string>& words, NamesIndex::VariantKind kind) {
  if (words.empty() || words.size() > 12) return;
  if (kind == NamesIndex::VariantKind::kPartial && words.size() == 1 &&
      (words[0].size() <= 2 || IsParticle(words[0]))) {
    return;  // "de", "Li" alone would match everywhere
  }
  // CJK words as the text is tokenized: a token a character.
  std::vector<std::string> tokens;
  int cjk_letters = 0;
  for (const std::string& w : words) SplitCjkLetters(w, &tokens, &cjk_letters);
  // One character alone ("王", "李") is in too many words to be a name.
  if (kind == NamesIndex::VariantKind::kPartial && cjk_letters > 0 && tokens.size() < 2) return;
  if (tokens.size() > 12) return;
  std::vector<uint32_t> ids;
  for (const std::string& t : tokens) ids.push_back(TokenId(t));
  // Exact de-duplication: the key is the entity and the token ids.
  std::string key(reinterpret_cast<const char*>(&entity), sizeof entity);
  key.append(reinterpret_cast<const char*>(ids.data()), ids.size() * sizeof(uint32_t));
  auto index_full = [&](uint32_t index) {
    if (ids.size() == 1) {
      single_[ids[0]].push_back(index);
    } else {
      pairs_[(static_cast<uint64_t>(ids[0]) << 32) | ids[1]].push_back(index);
    }
  };
  if (auto it = dedupe_.find(key); it != dedupe_.end()) {
    Variant& existing = variants_[it->second];
    if (kind == NamesIndex::VariantKind::kFull && existing.kind == NamesIndex::VariantKind::kPartial) {
      existing.kind = kind;  // full wins; the partial entry is skipped later
      index_full(it->second);
    }
    return;
  }
  const uint32_t index = static_cast<uint32_t>(variants_.size());
  dedupe_.emplace(std::move(key), index);
  variants_.push_back(
      {static_cast<uint32_t>(pool_.size()), static_cast<uint16_t>(ids.size()), kind, entity});
  pool_.insert(pool_.end(), ids.begin(), ids.end());
  if (kind == NamesIndex::VariantKind::kFull) {
    index_full(index);
  } else {
    if (partials_.size() <= static_cast<size_t>(entity)) partials_.resize(entity + 1);
    partials_[entity].push_back(index);
  }
}

void Builder::AddParts(int entity, const std::vector<std::string>& given,
                          const std::vector<std::string>& middle,
                          const std::vector<std::string>& surname) {
  auto cat = [](std::initializer_list<const std::vector<std::string>*> parts) {
    std::vector<std::string> out;
    for (const auto* p : parts) out.insert(out.end(), p->begin(), p->end());
    return out;
  };
  const auto kFull = NamesIndex::VariantKind::kFull, kPartial = NamesIndex::VariantKind::kPartial;
  if (surname.empty()) {  // a single name: the whole of it
    AddVariant(entity, cat({&given, &middle}), kFull);
    return;
  }
  if (given.empty()) {
    AddVariant(entity, surname, kFull);
    return;
  }
  std::vector<std::string> initials;
  for (const std::string& m : middle) initials.push_back(m.substr(0, 1));
  const std::vector<std::string> first{given[0]};
  // The first surname with the particles before it: "de la Garza" of "de
  // la Garza Treviño" ("Juan de" alone was found in "Hospital San Juan de
  // Dios").
  size_t lead = 0;
  while (lead + 1 < surname.size() && IsParticle(surname[lead])) ++lead;
  const std::vector<std::string> first_surname(surname.begin(), surname.begin() + static_cast<std::ptrdiff_t>(lead) + 1);
  AddVariant(entity, cat({&given, &middle, &surname}), kFull);
  AddVariant(entity, cat({&given, &surname}), kFull);
  AddVariant(entity, cat({&first, &surname}), kFull);
  if (!middle.empty()) AddVariant(entity, cat({&given, &initials, &surname}), kFull);
  AddVariant(entity, cat({&surname, &given, &middle}), kFull);
  AddVariant(entity, cat({&surname, &given}), kFull);
  AddVariant(entity, cat({&surname, &first}), kFull);
  if (surname.size() > first_surname.size()) {
    AddVariant(entity, cat({&given, &first_surname}), kFull);
    AddVariant(entity, cat({&first, &first_surname}), kFull);
    // With one surname of two, the first given name and the other given
    // names' initials: "Yusmary C. Palencia", "Yusmary C. Briceño" of
    // Yusmary Coromoto Briceño Palencia (the second given name a list's
    // "first" column holds, or its "middle").
    const std::vector<std::string> last{surname.back()};
    std::vector<std::string> others;
    for (size_t k = 1; k < given.size(); ++k) others.push_back(given[k].substr(0, 1));
    others.insert(others.end(), initials.begin(), initials.end());
    if (!others.empty()) {
      AddVariant(entity, cat({&first, &others, &first_surname}), kFull);
      AddVariant(entity, cat({&first, &others, &last}), kFull);
    }
    AddVariant(entity, first_surname, kPartial);
    // The last surname alone, as the first is: a line wrapped inside the
    // name ("DECLARACIÓN DE DARWIN OMAR MARADIAGA" / "EUCEDA") leaves it on
    // a line of its own. (AddVariant refuses particles and short words.)
    AddVariant(entity, {surname.back()}, kPartial);
  }
  AddVariant(entity, surname, kPartial);
  AddVariant(entity, first, kPartial);
  // A middle name alone ("Guadalupe" on the line under "HERNÁNDEZ-NÚÑEZ,
  // María" in a table cell) names the same person once the full name is there.
  for (const std::string& m : middle) {
    if (m.size() >= 3) AddVariant(entity, {m}, kPartial);
  }
  const std::vector<std::string> initial{given[0].substr(0, 1)};
  AddVariant(entity, cat({&initial, &surname}), kPartial);
  if (surname.size() >= 2) {
    // A compound surname run together ("ELIDRISSI", "DeLaCruz"): how OCR
    // reads tight print, and how some records spell it.
    std::string joined;
    for (const std::string& part : surname) joined += part;
    const std::vector<std::string> compact{joined};
    AddVariant(entity, cat({&given, &middle, &compact}), kFull);
    AddVariant(entity, cat({&given, &compact}), kFull);
    AddVariant(entity, cat({&compact, &given, &middle}), kFull);
    AddVariant(entity, cat({&compact, &given}), kFull);
    AddVariant(entity, cat({&compact, &first}), kFull);
    AddVariant(entity, compact, kPartial);
  }
}

void Builder::AddName(int entity, const std::string& name) {
  // "LAST, First Middle".
  if (size_t comma = name.find(','); comma != std::string::npos) {
    std::vector<std::string> surname = NameTokens(name.substr(0, comma));
    std::vector<std::string> rest = NameTokens(name.substr(comma + 1));
    if (!surname.empty() && !rest.empty()) {
      std::vector<std::string> given{rest[0]};
      std::vector<std::string> middle(rest.begin() + 1, rest.end());
      AddParts(entity, given, middle, surname);
      AddParts(entity, rest, {}, surname);
      return;
    }
  }
  std::vector<std::string> t = NameTokens(name);
  if (t.empty()) return;
  if (t.size() == 1) {
    AddParts(entity, t, {}, {});
    return;
  }
  // A particle starts the surname: "Ana Sofía de la Cruz Ramírez".
  for (size_t p = 1; p < t.size(); ++p) {
    if (IsParticle(t[p])) {
      std::vector<std::string> given(t.begin(), t.begin() + p);
      std::vector<std::string> surname(t.begin() + p, t.end());
      AddParts(entity, {given[0]}, std::vector<std::string>(given.begin() + 1, given.end()),
               surname);
      // And without the particles, as lists often write it.
      std::vector<std::string> bare;
      for (const auto& s : surname) {
        if (!IsParticle(s)) bare.push_back(s);
      }
      if (!bare.empty()) AddParts(entity, given, {}, bare);
      return;
    }
  }
  if (t.size() == 2) {
    AddParts(entity, {t[0]}, {}, {t[1]});
    return;
  }
  // Three or more words: "given middle surname" and "given surname surname".
  AddParts(entity, {t[0]}, std::vector<std::string>(t.begin() + 1, t.end() - 1), {t.back()});
  AddParts(entity, {t[0]}, std::vector<std::string>(t.begin() + 1, t.end() - 2),
           std::vector<std::string>(t.end() - 2, t.end()));
  if (t.size() >= 4) {
    AddParts(entity, {t[0], t[1]}, {}, std::vector<std::string>(t.begin() + 2, t.end()));
  }
}


names_image::Parts Builder::Finish(names_image::Parts parts) {
  for (const std::string& w : words_) parts.vocab.push_back(parts.Add(w));
  dedupe_.clear();
  // Rows' variants with the same tokens and kind become one shared
  // variant (names_image::VariantRec): its rows are `members`, in the
  // order they were indexed, so the first is the one a match reports.
  std::unordered_map<std::string, uint32_t> shared;
  std::vector<std::vector<int32_t>> members;
  auto share = [&](uint32_t row_variant) {
    const Variant& v = variants_[row_variant];
    std::string key(1, static_cast<char>(v.kind));
    key.append(reinterpret_cast<const char*>(pool_.data() + v.pool_begin), v.length * sizeof(uint32_t));
    auto [it, inserted] = shared.try_emplace(std::move(key), static_cast<uint32_t>(parts.variants.size()));
    if (inserted) {
      parts.variants.push_back({static_cast<uint32_t>(parts.pool.size()), v.length, static_cast<uint8_t>(v.kind), 0,
                                v.entity, 0, 0});
      parts.pool.insert(parts.pool.end(), pool_.begin() + v.pool_begin, pool_.begin() + v.pool_begin + v.length);
      members.emplace_back();
    }
    members[it->second].push_back(v.entity);
    return std::pair<uint32_t, bool>(it->second, inserted);
  };
  // A bucket's rows' variants as shared ones, each once, in the order of
  // its first row (the same tokens are always in the same bucket).
  auto share_bucket = [&](const std::vector<uint32_t>& bucket, std::vector<uint32_t>* out) {
    for (uint32_t vi : bucket) {
      if (auto [shared_index, is_new] = share(vi); is_new) out->push_back(shared_index);
    }
  };
  parts.single_offsets.assign(words_.size() + 1, 0);
  for (uint32_t id = 0; id < words_.size(); ++id) {
    parts.single_offsets[id] = static_cast<uint32_t>(parts.single_items.size());
    if (auto it = single_.find(id); it != single_.end()) share_bucket(it->second, &parts.single_items);
  }
  parts.single_offsets.back() = static_cast<uint32_t>(parts.single_items.size());
  for (auto& [key, bucket] : pairs_) {
    std::vector<uint32_t> items;
    share_bucket(bucket, &items);
    parts.pairs.emplace_back(key, std::move(items));
  }
  parts.partial_offsets.assign(parts.entities.size() + 1, 0);
  for (size_t e = 0; e < parts.entities.size(); ++e) {
    parts.partial_offsets[e] = static_cast<uint32_t>(parts.partial_items.size());
    if (e >= partials_.size()) continue;
    for (uint32_t vi : partials_[e]) {
      // (A variant a row also has in full is that row's full one.)
      if (variants_[vi].kind == VariantKind::kPartial) parts.partial_items.push_back(share(vi).first);
    }
  }
  parts.partial_offsets.back() = static_cast<uint32_t>(parts.partial_items.size());
  for (size_t i = 0; i < members.size(); ++i) {
    names_image::VariantRec& rec = parts.variants[i];
    rec.entity = members[i].front();
    rec.entities_begin = static_cast<uint32_t>(parts.variant_entities.size());
    rec.entity_count = static_cast<uint32_t>(members[i].size());
    std::sort(members[i].begin(), members[i].end());
    parts.variant_entities.insert(parts.variant_entities.end(), members[i].begin(), members[i].end());
  }
  *this = Builder();
  return parts;
}

// The tables of the list in `csv` (entities, variants, warnings, each
// warning without its "<name>" prefix: see Warnings).
StatusOr<names_image::Parts> BuildParts(std::string_view csv, const std::string& name) {
  StatusOr<NamesTable> table = ReadNamesTable(csv, name);
  if (!table) return Error(table.error());
  names_image::Parts parts;
  for (const std::string& w : table->warnings) {
    parts.warnings.push_back(w.starts_with(name) ? "+" + w.substr(name.size()) : "=" + w);
  }
  Builder builder;
  for (const NamesTable::Row& row : table->rows) {
    auto cell = [&](NamesColumn c) -> const std::string& { return table->Cell(row, c); };
    const std::string& full = cell(NamesColumn::kName);
    const std::string& first = cell(NamesColumn::kFirst);
    const std::string& middle = cell(NamesColumn::kMiddle);
    std::string last = cell(NamesColumn::kLast);
    if (const std::string& second = cell(NamesColumn::kSecondLast); !second.empty()) {
      last += (last.empty() ? "" : " ") + second;
    }
    if (full.empty() && first.empty() && last.empty()) continue;  // no name in this row
    std::string a_number;
    if (const std::string& anum = cell(NamesColumn::kANumber); !anum.empty()) {
      a_number = NormalizeANumber(anum);
      if (a_number.empty()) {
        return Error(StatusCode::kInvalidArgument,
                     name + ":" + std::to_string(row.line) +
                         ": the A-number (a_number column) is not 7 to 9 digits — correct it or leave it empty");
      }
    }
    const std::string& listed_id = cell(NamesColumn::kId);
    names_image::EntityRec e;
    e.id = parts.Add(listed_id.empty() ? "row-" + std::to_string(row.line) : listed_id);
    e.display = parts.Add(!full.empty() ? full : first + (middle.empty() ? "" : " " + middle) + " " + last);
    e.a_number = parts.Add(a_number);
    e.dob = parts.Add(cell(NamesColumn::kDob));
    const int id = static_cast<int>(parts.entities.size());
    parts.entities.push_back(e);
    if (!first.empty() || !last.empty()) {
      builder.AddParts(id, NameTokens(first), NameTokens(middle), NameTokens(last));
    }
    if (!full.empty()) builder.AddName(id, full);
    const std::string& aliases = cell(NamesColumn::kAliases);
    for (size_t start = 0; start < aliases.size();) {
      size_t semi = aliases.find(';', start);
      if (semi == std::string::npos) semi = aliases.size();
      const std::string alias = Trim(aliases.substr(start, semi - start));
      if (!alias.empty()) builder.AddName(id, alias);
      start = semi + 1;
    }
  }
  return builder.Finish(std::move(parts));
}

// The image's warnings, each "+<rest>" (prefixed here with `name`: the
// same list may be read through another path) or "=<whole>".
std::vector<std::string> Warnings(const names_image::View& view, const std::string& name) {
  std::vector<std::string> out;
  for (uint32_t i = 0; i < view.warning_count; ++i) {
    const std::string_view w = view.Get(view.warnings[i]);
    if (w.empty()) continue;
    out.push_back((w[0] == '+' ? name : std::string()) + std::string(w.substr(1)));
  }
  return out;
}

// An index over a fresh image of this process (not checked again).
StatusOr<NamesIndex> OverOwnImage(StatusOr<std::string> image, const std::string& name) {
  if (!image) return Error(image.error());
  auto owned = std::make_shared<std::string>(std::move(*image));
  const std::string_view bytes = *owned;
  return NamesIndex::FromImage(std::move(owned), bytes, {}, name, "");
}

}  // namespace

NamesIndex::NamesIndex() {
  static const std::shared_ptr<const std::string> kEmptyImage = [] {
    StatusOr<std::string> image = names_image::Write(Builder().Finish({}), {});
    return std::make_shared<const std::string>(image ? std::move(*image) : std::string());
  }();
  StatusOr<names_image::View> view = names_image::Open(*kEmptyImage, nullptr, false, "");
  if (view) view_ = *view;  // always: the image was just written
  owner_ = kEmptyImage;
}

StatusOr<NamesIndex> NamesIndex::LoadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(StatusCode::kNotFound, path + ": cannot open the names list");
  std::ostringstream buf;
  buf << in.rdbuf();
  return FromCsvText(buf.str(), path);
}

StatusOr<NamesIndex> NamesIndex::FromCsvText(std::string_view csv, const std::string& name) {
  return OverOwnImage(CompileCsvText(csv, name, {}), name);
}

StatusOr<std::string> NamesIndex::CompileCsvText(std::string_view csv, const std::string& name,
                                                 const names_image::Source& source) {
  StatusOr<names_image::Parts> parts = BuildParts(csv, name);
  if (!parts) return Error(parts.error());
  return names_image::Write(std::move(*parts), source);
}

StatusOr<NamesIndex> NamesIndex::FromImage(std::shared_ptr<const void> owner, std::string_view image,
                                           const names_image::Source& expected, const std::string& name,
                                           const std::string& image_name) {
  // An image of this process (no name) is checked for layout, not again
  // for its checksum and source.
  const bool own = image_name.empty();
  StatusOr<names_image::View> view =
      names_image::Open(image, own ? nullptr : &expected, !own, own ? name : image_name);
  if (!view) return Error(view.error());
  NamesIndex index;
  index.owner_ = std::move(owner);
  index.view_ = *view;
  index.warnings_ = Warnings(index.view_, name);
  return index;
}

NameEntity NamesIndex::Entities::operator[](size_t i) const {
  const names_image::EntityRec& e = view_->entities[i];
  return {view_->Get(e.id), view_->Get(e.display), view_->Get(e.a_number), view_->Get(e.dob)};
}

uint32_t NamesIndex::OcrTokenId(const std::string& word) const {
  constexpr uint32_t kUnknown = UINT32_MAX;
  constexpr size_t kMinFuzzyLength = 5;
  // Usual confusions, each read back everywhere in the word.
  static const std::pair<const char*, const char*> kConfusions[] = {
      {"fi", "n"}, {"rn", "m"}, {"ii", "n"}, {"cl", "d"}, {"vv", "w"}, {"0", "o"}, {"1", "l"}, {"1", "i"},
      {"5", "s"}, {"8", "b"}, {"|", "l"}};
  for (const auto& [from, to] : kConfusions) {
    std::string fixed = word;
    bool changed = false;
    for (size_t at = fixed.find(from); at != std::string::npos; at = fixed.find(from, at + std::strlen(to))) {
      fixed.replace(at, std::strlen(from), to);
      changed = true;
    }
    if (!changed) continue;
    if (const uint32_t id = view_.TokenId(fixed); id != kUnknown) return id;
  }
  if (word.size() < kMinFuzzyLength || word.size() > 40) return kUnknown;
  // Every word one edit away, looked up: about 55 lookups a letter, with
  // nothing to build or hold (a 100,000-name list has ~200,000 words).
  uint32_t best = kUnknown;
  auto lookup = [&](const std::string& candidate) {
    if (candidate.size() < kMinFuzzyLength) return;
    best = std::min(best, view_.TokenId(candidate));
  };
  std::string candidate;
  for (size_t i = 0; i < word.size(); ++i) {
    candidate = word;
    candidate.erase(i, 1);  // a letter too many
    lookup(candidate);
    if (i + 1 < word.size()) {  // two letters swapped
      candidate = word;
      std::swap(candidate[i], candidate[i + 1]);
      lookup(candidate);
    }
  }
  for (size_t i = 0; i <= word.size(); ++i) {
    for (char c = 'a'; c <= 'z'; ++c) {
      if (i < word.size() && word[i] != c) {  // a letter wrong
        candidate = word;
        candidate[i] = c;
        lookup(candidate);
      }
      candidate = word;  // a letter missing
      candidate.insert(candidate.begin() + static_cast<long>(i), c);
      lookup(candidate);
    }
  }
  return best;
}

namespace {

// Calls try_skip(n) for each n (1 or 2) such that the n tokens after token
// `i` may be middle names or initials the list lacks (see Find): initials
// ("M.") always; words `middle` flags only when nothing but whitespace
// separates token i from the token after them.
template <typename TrySkip>
void MiddleSkips(const std::string& text, const std::vector<TextToken>& tokens, size_t i,
                 const std::vector<uint8_t>* middle, TrySkip&& try_skip) {
  auto initial = [&](size_t k) {
    return tokens[k].end - tokens[k].begin == 1 && std::isalpha(static_cast<unsigned char>(text[tokens[k].begin])) &&
           tokens[k].joinable;
  };
  auto spaced = [&](size_t k) {  // only whitespace before token k
    for (uint32_t p = tokens[k - 1].end; p < tokens[k].begin; ++p) {
      if (!std::isspace(static_cast<unsigned char>(text[p]))) return false;
    }
    return true;
  };
  bool words_only_spaced = true;  // every separator so far is whitespace
  bool has_word = false;          // a skipped token is a word, not an initial
  for (size_t skip = 1; skip <= 2 && i + skip + 1 < tokens.size(); ++skip) {
    const size_t k = i + skip;
    words_only_spaced = words_only_spaced && spaced(k);
    const bool word = middle && (*middle)[k] && !initial(k);
    if (!initial(k) && !word) return;
    has_word = has_word || word;
    if (!tokens[k + 1].joinable) return;
    if (has_word && !(words_only_spaced && spaced(k + 1))) continue;
    try_skip(skip);
  }
}

}  // namespace

NamesIndex::Mentioned NamesIndex::PartialsOf(const std::vector<int>& mentioned) const {
  Mentioned out;
  if (mentioned.empty()) return out;
  // Each variant once, for the first entity with it.
  std::vector<bool> seen(view_.variant_count, false);
  for (int e : mentioned) {
    if (e < 0 || static_cast<uint32_t>(e) >= view_.entity_count) continue;
    for (uint32_t k = view_.partial_offsets[e]; k < view_.partial_offsets[e + 1]; ++k) {
      const uint32_t vi = view_.partial_items[k];
      if (seen[vi]) continue;
      seen[vi] = true;
      out.partials_.push_back({view_.pool[view_.variants[vi].pool_begin], vi, e});
    }
  }
  std::stable_sort(out.partials_.begin(), out.partials_.end(),
                   [](const Mentioned::Partial& a, const Mentioned::Partial& b) { return a.first < b.first; });
  return out;
}

void NamesIndex::Find(const std::string& text, const std::vector<TextToken>& tokens,
                      const std::vector<int>& mentioned, std::vector<Match>* out,
                      const std::vector<uint8_t>* middle) const {
  Find(text, tokens, PartialsOf(mentioned), out, middle);
}

namespace {

// The partial variants of `partials` (NamesIndex::PartialsOf, sorted by
// first token) whose first token is one of `ids` (matching every one of
// them would cost more than the whole page): by first token, then in the
// order of `partials`. Looked up by the page's words, not read whole: a
// long document with a large list mentions thousands of people, and this
// runs for every page.
template <typename Partial>
std::vector<Partial> PartialsInText(const std::vector<Partial>& partials, std::vector<uint32_t> ids) {
  std::vector<Partial> out;
  if (partials.empty()) return out;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (uint32_t id : ids) {
    auto [from, to] = std::equal_range(partials.begin(), partials.end(), Partial{id, 0, 0},
                                       [](const Partial& a, const Partial& b) { return a.first < b.first; });
    out.insert(out.end(), from, to);
  }
  return out;
}

}  // namespace

std::vector<uint32_t> NamesIndex::TokenIds(const std::string& text, const std::vector<TextToken>& tokens) const {
  constexpr uint32_t kUnknown = UINT32_MAX;
  std::vector<uint32_t> ids(tokens.size(), kUnknown);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view word(text.data() + tokens[i].begin, tokens[i].end - tokens[i].begin);
    ids[i] = view_.TokenId(word);
    if (ids[i] == kUnknown && tokens[i].ocr) ids[i] = OcrTokenId(std::string(word));
  }
  return ids;
}

void NamesIndex::Find(const std::string& text, const std::vector<TextToken>& tokens,
                      const Mentioned& mentioned, std::vector<Match>* out,
                      const std::vector<uint8_t>* middle) const {
  FindTokens(text, tokens, TokenIds(text, tokens), mentioned, true, out, middle);
}

void NamesIndex::FindTokens(const std::string& text, const std::vector<TextToken>& tokens,
                            const std::vector<uint32_t>& ids, const Mentioned& mentioned, bool full,
                            std::vector<Match>* out, const std::vector<uint8_t>* middle) const {
  constexpr uint32_t kUnknown = UINT32_MAX;
  // `skip` text tokens (a middle initial the list lacks) lie between the
  // variant's first token and its second. `entity`: the one to report.
  const names_image::View& index = view_;
  auto try_variant = [&](uint32_t vi, size_t i, VariantKind kind, size_t skip, int entity) {
    const names_image::VariantRec& v = index.variants[vi];
    if (static_cast<VariantKind>(v.kind) != kind || i + v.length + skip > tokens.size()) return;
    for (uint16_t k = 1; k < v.length; ++k) {
      if (ids[i + k + skip] != index.pool[v.pool_begin + k] || !tokens[i + k + skip].joinable) return;
    }
    out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(v.length + skip), entity, kind, vi});
  };
  auto try_bucket = [&](const uint32_t* begin, const uint32_t* end, size_t i, VariantKind kind, size_t skip = 0) {
    for (const uint32_t* vi = begin; vi != end; ++vi) try_variant(*vi, i, kind, skip, index.variants[*vi].entity);
  };
  const std::vector<Mentioned::Partial> partials = PartialsInText(mentioned.partials_, ids);
  auto full_variants_at = [&](size_t i) {
    try_bucket(index.single_items + index.single_offsets[ids[i]], index.single_items + index.single_offsets[ids[i] + 1],
               i, VariantKind::kFull);
    if (i + 1 < tokens.size() && ids[i + 1] != kUnknown && tokens[i + 1].joinable) {
      auto [begin, end] = index.Pair((static_cast<uint64_t>(ids[i]) << 32) | ids[i + 1]);
      try_bucket(begin, end, i, VariantKind::kFull);
    }
    MiddleSkips(text, tokens, i, middle, [&](size_t skip) {
      if (ids[i + skip + 1] == kUnknown) return;
      auto [begin, end] = index.Pair((static_cast<uint64_t>(ids[i]) << 32) | ids[i + skip + 1]);
      try_bucket(begin, end, i, VariantKind::kFull, skip);
    });
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (ids[i] == kUnknown) continue;
    if (full) full_variants_at(i);
    auto [from, to] = std::equal_range(partials.begin(), partials.end(), Mentioned::Partial{ids[i], 0, 0},
                                       [](const auto& a, const auto& b) { return a.first < b.first; });
    for (; from != to; ++from) try_variant(from->variant, i, VariantKind::kPartial, 0, from->entity);
  }
}


}  // namespace redact
