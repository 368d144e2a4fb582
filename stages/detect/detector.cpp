#include "stages/detect/detector.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <cctype>
#include <cstdio>
#include <set>

#include "core/literal_search.h"
#include "stages/detect/layout.h"
#include "stages/detect/short_forms.h"
#include "stages/detect/normalize.h"
#include "stages/detect/covered.h"
#include "stages/detect/group_search.h"
#include "stages/detect/page_breaks.h"

namespace redact {
namespace {

std::string Digits(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d.push_back(c);
  }
  return d;
}

bool ValidSsn(const std::string& d) {
  if (d.size() != 9) return false;
  const int area = std::stoi(d.substr(0, 3)), group = std::stoi(d.substr(3, 2)),
            serial = std::stoi(d.substr(5, 4));
  return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
}

bool ValidDate(std::string_view s) {
  const std::string d = Digits(s);
  // Word-month dates ("30 de julio de 1995") are accepted as matched.
  if (s.find('/') == std::string_view::npos && s.find('.') == std::string_view::npos &&
      std::count(s.begin(), s.end(), '-') < 2) {
    return true;
  }
  int parts[3] = {0, 0, 0}, n = 0;
  std::string cur;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      cur.push_back(c);
    } else if (!cur.empty()) {
      if (n < 3) parts[n++] = std::stoi(cur);
      cur.clear();
    }
  }
  if (!cur.empty() && n < 3) parts[n++] = std::stoi(cur);
  if (n != 3) return false;
  if (parts[0] > 1000) return parts[1] >= 1 && parts[1] <= 12 && parts[2] >= 1 && parts[2] <= 31;
  const bool us = parts[0] >= 1 && parts[0] <= 12 && parts[1] >= 1 && parts[1] <= 31;
  const bool eu = parts[1] >= 1 && parts[1] <= 12 && parts[0] >= 1 && parts[0] <= 31;
  return (us || eu) && (parts[2] < 100 || (parts[2] >= 1900 && parts[2] <= 2100));
}

// Digits of an OCR'd number, reading back the letters OCR puts for them
// (o→0, l/i/|→1, s→5, b→8; the text is already case-folded).
std::string OcrDigits(std::string_view value) {
  std::string out;
  for (char c : value) {
    switch (c) {
      case 'o': out.push_back('0'); break;
      case 'l': case 'i': case '|': out.push_back('1'); break;
      case 's': out.push_back('5'); break;
      case 'b': out.push_back('8'); break;
      default:
        if (c >= '0' && c <= '9') out.push_back(c);
    }
  }
  return out;
}

bool Validate(const std::string& validator, std::string_view value) {
  if (validator.empty()) return true;
  const std::string d = Digits(value);
  if (validator == "ssn") return ValidSsn(d);
  if (validator == "a_number") {
    // Nine digits, fewer with their leading zeros left off, or ten with
    // one more zero in front ("0208-119-502", as some systems pad them).
    const bool padded = d.size() == 10 && d[0] == '0';
    return ((d.size() >= 7 && d.size() <= 9) || padded) && d.find_first_not_of('0') != std::string::npos;
  }
  if (validator == "has_digits") return d.size() >= 3;
  if (validator == "ocr_digits") {
    // Mostly real digits, 8-10 once OCR's letter-for-digit confusions are read back.
    const std::string read = OcrDigits(value);
    return d.size() >= 6 && read.size() >= 8 && read.size() <= 10;
  }
  if (validator == "date") return ValidDate(value);
  if (validator == "proper_name") return true;  // on the original text: ProperNameEnd
  return false;
}



std::string ValueOf(const std::string& kind, std::string_view matched) {
  if (kind == "digits9") return NormalizeANumber(matched);
  if (kind == "digits") return Digits(matched);
  if (kind == "ocr_digits") return OcrDigits(matched);
  if (kind == "upper") {
    std::string out;
    for (char c : matched) {
      if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::toupper(c)));
    }
    return out;
  }
  std::string out(matched);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

bool IsNameParticle(std::string_view normalized) {
  static constexpr std::string_view kParticles[] = {"de", "del", "la", "las", "los", "da", "das", "do",
                                                    "dos", "di", "du", "van", "von", "der", "den", "ter",
                                                    "y", "e", "bin", "ibn", "al", "el", "le"};
  if (normalized.size() > 3) return false;
  for (std::string_view p : kParticles) {
    if (normalized == p) return true;
  }
  return false;
}

bool StartsUpper(std::string_view original) {
  if (original.empty()) return false;
  const unsigned char c = original[0];
  if (c < 0x80) return std::isupper(c);
  return true;  // non-ASCII initial: accented capitals are the common case
}

// Whether every word of `original` (split at spaces) that is no name
// particle starts with a capital.
bool WordsStartUpper(std::string_view original) {
  size_t from = 0;
  while (from < original.size()) {
    size_t space = original.find(' ', from);
    if (space == std::string_view::npos) space = original.size();
    const std::string_view word = original.substr(from, space - from);
    if (!word.empty() && !StartsUpper(word) && !IsNameParticle(NormalizeString(word))) return false;
    from = space + 1;
  }
  return true;
}

// Where the capitalized words at the start of original[begin, end) end
// ("El Zapotal" of "El Zapotal queda"; particles inside kept: "Qala-e
// Shafi", "San José de Colinas"), or `begin` when the first is not
// capitalized: a place's name as a proper_name rule finds it.
size_t ProperNameEnd(std::string_view original, size_t begin, size_t end) {
  static const std::set<std::string_view> kParticles = {"de", "del", "la", "las", "los", "el", "e", "y"};
  size_t at = begin, last = begin;
  bool named = false;  // a word no particle: an article alone names nothing ("La" of "La aldea")
  while (at < end) {
    size_t word_end = at;
    while (word_end < end && original[word_end] != ' ' && original[word_end] != '\n') ++word_end;
    const std::string_view word = original.substr(at, word_end - at);
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (StartsUpper(word)) {
      last = word_end;
      named |= !kParticles.count(lower);
    } else if (last == begin || !kParticles.count(word)) {
      break;
    }
    at = word_end;
    while (at < end && (original[at] == ' ' || original[at] == '\n')) ++at;
  }
  return named ? last : begin;
}

// Whether a normalized run of words holds a word of `organisations`
// (trailing periods and commas aside): "berkshire life insurance company".
bool NamesAnOrganisation(const std::string& normalized, const WordSet& organisations) {
  size_t i = 0;
  while (i < normalized.size()) {
    while (i < normalized.size() && (normalized[i] == ' ' || normalized[i] == '\n')) ++i;
    size_t end = i;
    while (end < normalized.size() && normalized[end] != ' ' && normalized[end] != '\n') ++end;
    std::string word = normalized.substr(i, end - i);
    while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.pop_back();
    if (!word.empty() && organisations.count(word)) return true;
    i = end;
  }
  return false;
}

// Where the capitalized words right after `from` end: up to four, on its
// line or across one line break ("Service Processing\nCenter").
size_t CapitalizedRunEnd(const std::string& text, size_t from) {
  size_t end = from;
  bool wrapped = false;
  for (int words = 0; words < 4; ++words) {
    size_t i = end;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || (text[i] == '\n' && !wrapped))) {
      wrapped = wrapped || text[i] == '\n';
      ++i;
    }
    if (i >= text.size() || !std::isupper(static_cast<unsigned char>(text[i]))) break;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    end = i;
  }
  return end;
}

// Where the sentence running on at `from` in normalized text `t` ends,
// or `to` if later: at a period after a word of three letters or more
// ("… y pedí asilo." — not "Dr.", "No." or "U.S."), then a space or line
// break. Context after a value stays in its sentence: the next one names
// another event ("el 2 de febrero de 2023, y pedí asilo. 2. Un oficial de
// asilo me hizo una entrevista de miedo creíble").
size_t SentenceEnd(std::string_view t, size_t from, size_t to) {
  for (size_t k = from + 1; k + 1 < to; ++k) {
    if (t[k] != '.' || (t[k + 1] != ' ' && t[k + 1] != '\n')) continue;
    size_t w = k;
    while (w > from && std::isalpha(static_cast<unsigned char>(t[w - 1]))) --w;
    if (k - w >= 3 && (w == 0 || t[w - 1] != '.')) return k;
  }
  return to;
}

// How many of a capture's first `keep` words (spans of `text`) a name
// takes when it wraps once at most, counting a break between its cue (at
// `cue_begin`) and it: a capture over two ran down a column read as text
// ("Declarant" / "Nasrin Haidari" / "Mirela Dobrev Stanca" / …) and ends
// at the second.
size_t WrappedOnceAtMost(const std::string& text, const std::vector<std::pair<size_t, size_t>>& words, size_t keep,
                         size_t cue_begin) {
  if (keep == 0) return 0;
  size_t breaks = text.find('\n', cue_begin) < words.front().first ? 1 : 0;
  for (size_t k = 1; k < keep; ++k) {
    if (text.find('\n', words[k - 1].second) < words[k].first && ++breaks == 2) return k;
  }
  return keep;
}

// A cue's capture [*b, e) as words (spans of `text`). A capture that
// stops inside a word ("Fisher U" of "U.S.", `raw_end` its end) loses it;
// so does one that starts inside a word: "ABC-DEF" of the case number
// "3:24-cv-01234-ABC-DEF" is no one's name (*b moves past it).
std::vector<std::pair<size_t, size_t>> CaptureWords(const std::string& text, size_t* b, size_t e, size_t raw_end) {
  std::vector<std::pair<size_t, size_t>> words;
  size_t i = *b;
  while (i < e) {
    while (i < e && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    const size_t s = i;
    while (i < e && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > s) words.emplace_back(s, i);
  }
  if (!words.empty() && words.back().second == raw_end && raw_end < text.size() &&
      std::isalnum(static_cast<unsigned char>(text[raw_end]))) {
    words.pop_back();
  }
  if (!words.empty() && words.front().first == *b && *b > 0 &&
      (std::isalnum(static_cast<unsigned char>(text[*b - 1])) || text[*b - 1] == '-')) {
    words.erase(words.begin());
    if (!words.empty()) *b = words.front().first;
  }
  return words;
}

// Where a name captured as [b, e) ends: a possessive is not part of it
// ("Petrenko’s" → "Petrenko"), nor is trailing punctuation, but the period
// of a final initial is ("Maria G.", "A.V.P.").
size_t NameEnd(const std::string& text, size_t b, size_t e) {
  for (std::string_view suffix : {"\xE2\x80\x99s", "'s"}) {
    if (e - b > suffix.size() && text.compare(e - suffix.size(), suffix.size(), suffix) == 0) {
      e -= suffix.size();
      break;
    }
  }
  while (e > b && (text[e - 1] == ',' || text[e - 1] == '.' || text[e - 1] == '\'')) {
    if (text[e - 1] == '.' && e - b >= 2 && std::isupper(static_cast<unsigned char>(text[e - 2])) &&
        (e - b == 2 || text[e - 3] == ' ' || text[e - 3] == '.')) {
      break;
    }
    --e;
  }
  return e;
}

// Where a capture's words (`keep` of them) break onto a line that names an
// organisation: the index of the first word on it, or `keep`.
size_t BreakBeforeOrganisation(const std::string& text, const std::vector<std::pair<size_t, size_t>>& words, size_t keep,
                               const WordSet& organisations) {
  for (size_t k = 1; k < keep; ++k) {
    if (text.find('\n', words[k - 1].second) >= words[k].first) continue;
    const size_t line_end = std::min(text.find('\n', words[k].first), text.size());
    return NamesAnOrganisation(NormalizeString(text.substr(words[k].first, line_end - words[k].first)), organisations) ? k
                                                                                                                   : keep;
  }
  return keep;
}

// Words that are never someone's middle name: titles and roles that stand
// between a given name and a surname only across a sentence or a cell.
bool IsTitleOrRole(std::string_view normalized) {
  static const WordSet kWords{
      "mr", "mrs", "ms", "miss", "dr", "hon", "judge", "justice", "officer", "agent", "counsel", "attorney",
      "esq", "sr", "sra", "srta", "senor", "senora", "lic", "abogado", "abogada", "juez", "jueza",
      "plaintiff", "defendant", "petitioner", "respondent", "applicant", "declarant", "witness", "interpreter",
      "translator", "clerk", "deputy", "sergeant", "captain", "detective", "director", "secretary", "the", "and"};
  // Kinship words stand before a relative's name ("Sister Karla Fuentes
  // Alvarado", a note in a tracking sheet).
  return kWords.count(normalized) > 0 || IsKinshipWord(normalized);
}

// Per token of `norm`: may it be a middle name the list lacks (see
// NamesIndex::Find)? A particle, or a capitalized word of three letters or
// more that is neither a title, a role nor a word the rules say is never a
// name.
std::vector<uint8_t> MiddleNameTokens(const NormalizedText& norm, const std::vector<TextToken>& tokens,
                                      std::string_view original, const WordSet& not_names) {
  std::vector<uint8_t> middle(tokens.size(), 0);
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view word(norm.text.data() + tokens[k].begin, tokens[k].end - tokens[k].begin);
    if (IsNameParticle(word)) {
      middle[k] = 1;
      continue;
    }
    // Two letters are an abbreviation ("Crystal MA Long"), not a name.
    if (word.size() < 3) continue;
    // (Most words fail here: checked before the letters and the sets.)
    auto [b, e] = norm.ToOriginal(tokens[k].begin, tokens[k].end);
    if (!StartsUpper(original.substr(b, e - b))) continue;
    if (!std::all_of(word.begin(), word.end(), [](char c) {
          return (c & 0x80) || (static_cast<unsigned char>((c | 0x20) - 'a') < 26);
        })) {
      continue;
    }
    middle[k] = IsTitleOrRole(word) || not_names.contains(word) ? 0 : 1;
  }
  return middle;
}

// Calls f with each maximal run of ASCII digits in `s`, its leading zeros
// dropped ("0" stays).
template <typename F>
void ForEachNumber(std::string_view s, F&& f) {
  for (size_t i = 0; i < s.size();) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    size_t k = i;
    while (k + 1 < j && s[k] == '0') ++k;
    f(s.substr(k, j - k));
    i = j;
  }
}

// The written forms of a listed date of birth ("03/14/1987", "1987-03-14",
// "14 de marzo de 1987", "march 14, 1987", …), normalized; empty when the
// list's value is not a month/day/year date.
std::vector<std::string> DateForms(const std::string& dob) {
  int m = 0, d = 0, y = 0;
  if (std::sscanf(dob.c_str(), "%d-%d-%d", &y, &m, &d) == 3 && y > 1000) {
  } else if (std::sscanf(dob.c_str(), "%d/%d/%d", &m, &d, &y) != 3) {
    return {};
  }
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900) return {};
  static const char* const kEn[] = {"january", "february", "march", "april", "may", "june", "july",
                                    "august", "september", "october", "november", "december"};
  static const char* const kEs[] = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                                    "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
  char buf[64];
  std::vector<std::string> forms;
  auto add = [&](const char* fmt, auto... args) {
    std::snprintf(buf, sizeof buf, fmt, args...);
    forms.push_back(buf);
  };
  add("%02d/%02d/%04d", m, d, y);
  add("%d/%d/%04d", m, d, y);
  add("%02d-%02d-%04d", m, d, y);
  add("%04d-%02d-%02d", y, m, d);
  add("%02d/%02d/%04d", d, m, y);
  add("%02d.%02d.%04d", d, m, y);
  add("%s %d, %04d", kEn[m - 1], d, y);
  add("%d %s %04d", d, kEn[m - 1], y);
  add("%d de %s de %04d", d, kEs[m - 1], y);
  add("%d de %s del %04d", d, kEs[m - 1], y);
  return forms;
}

}  // namespace

struct Detector::PageWork {
  const PageText* page_text;
  const std::string* text;       // original page text
  int page;
  NormalizedText norm;
  std::vector<TextToken> tokens;
  std::vector<Finding> findings;
  std::vector<int> entities_seen;  // from A-numbers and full names
  std::vector<uint8_t> middle;     // MiddleNameTokens of `tokens`, once formed
  // DetectListedNames' first pass: the names list's ids of `tokens`, and
  // the full variants found.
  std::vector<uint32_t> token_ids;
  std::vector<NamesIndex::Match> full_matches;
  // Declarants who say they stand in a public role ("I, Guo Lihua, am a
  // paralegal"): public in the whole document, so another cue elsewhere
  // ("Declaration of Guo Lihua") does not take them.
  std::vector<std::string> public_people;
};

Detector::Detector(RuleSet rules, std::optional<NamesIndex> names, Policy policy)
    : rules_(std::make_shared<RuleSet>(std::move(rules))),
      names_(std::move(names)),
      policy_(std::move(policy)) {
  for (DocumentLanguage l : AllLanguages()) {
    const OutputWords words = policy_.WordsFor(l);
    for (const auto& [category, label] : words.labels) own_labels_.push_back(NormalizeString(label));
    for (const std::string* w : {&words.name_label, &words.unlisted_label, &words.person}) {
      own_name_words_.push_back(NormalizeString(*w));
    }
  }
}

namespace {

// Whether every glyph behind bytes [begin, end) of the page text was read by
// OCR (white space between words maps to no glyph and does not count).
bool AllOcr(const PageText& page, size_t begin, size_t end) {
  bool any = false;
  for (size_t i = begin; i < end && i < page.text_glyph.size(); ++i) {
    const int g = page.text_glyph[i];
    if (g < 0) continue;
    if (g >= static_cast<int>(page.glyphs.size()) || !page.glyphs[g].ocr) return false;
    any = true;
  }
  return any;
}

// `text` (normalized, case-folded) with OCR's letters-for-digits read back
// inside numbers: an o, l, i, |, s or b next to a digit (or to one read
// back) on OCR'd text becomes 0, 1, 1, 1, 5, 8. One byte for one, so every
// offset stays valid.
std::string ReadBackOcrDigits(const std::string& text, const std::vector<bool>& ocr) {
  std::string out = text;
  auto digit = [&](size_t i) { return i < out.size() && out[i] >= '0' && out[i] <= '9'; };
  auto read_back = [](char c) -> char {
    switch (c) {
      case 'o': return '0';
      case 'l': case 'i': case '|': return '1';
      case 's': return '5';
      case 'b': return '8';
      default: return 0;
    }
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < out.size(); ++i) {
      const char d = read_back(out[i]);
      if (!d || !ocr[i] || !((i > 0 && digit(i - 1)) || digit(i + 1))) continue;
      out[i] = d;
      changed = true;
    }
  }
  return out;
}

// Which bytes of normalized text may be read back by ReadBackOcrDigits:
// those read by OCR, and letters of another script or width that folded
// to a Latin one ("А2О1234567" with Cyrillic А and О) — a disguise.
std::vector<bool> ReadBackMask(const PageText& page, const NormalizedText& norm, bool any_ocr_glyph) {
  std::vector<bool> mask(norm.text.size(), false);
  for (size_t k = 0; k < mask.size(); ++k) {
    const auto [b, e] = norm.ToOriginal(k, k + 1);
    const char c = norm.text[k];
    mask[k] = (any_ocr_glyph && AllOcr(page, b, e)) ||
              (b < page.text.size() && static_cast<unsigned char>(page.text[b]) >= 0x80 &&
               c >= 'a' && c <= 'z');
  }
  return mask;
}

// Whether a word of a cue's capture is never part of a name: a never-name
// word, trailing periods and commas aside, or its possessive ("Defendants'
// declarant", "the Government's declarant").
bool IsNeverNameWord(std::string_view word, const WordSet& not_names) {
  std::string wn = NormalizeString(word);
  while (!wn.empty() && (wn.back() == '.' || wn.back() == ',')) wn.pop_back();
  for (std::string_view suffix : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"}) {
    if (wn.ends_with(suffix) && not_names.count(std::string_view(wn).substr(0, wn.size() - suffix.size()))) return true;
  }
  return not_names.count(wn) > 0;
}

// Whether original text [begin, end) is written as part of a proper name
// or a title: every word capitalized, and on its line a colon right after
// it (a label), a capitalized word right after it (the officer's name), or
// a capitalized word right before it that is no sentence's opening article
// or possessive ("Houston Asylum Office", "Supervisory Asylum Officer").
bool WrittenAsProperName(std::string_view text, size_t begin, size_t end,
                         const WordSet& not_names) {
  for (size_t i = begin; i < end; ++i) {
    if ((i != begin && text[i - 1] != ' ' && text[i - 1] != '\n') || text[i] == ' ' || text[i] == '\n') continue;
    size_t e = i;
    while (e < end && text[e] != ' ' && text[e] != '\n') ++e;
    // Particles stay lower case in a proper name ("Oficial de Asilo").
    if (!StartsUpper(text.substr(i)) && !IsNameParticle(NormalizeString(text.substr(i, e - i)))) return false;
  }
  size_t after = end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
  if (after < text.size() && text[after] == ':') return true;
  if (after > end && after < text.size() && std::isalpha(static_cast<unsigned char>(text[after])) &&
      std::isupper(static_cast<unsigned char>(text[after]))) {
    return true;
  }
  // The word before, also across one line break (a table cell wrapped:
  // "RFI filed with Houston" / "Asylum Office 08/20").
  size_t before = begin;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  if (before > 0 && text[before - 1] == '\n') {
    --before;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  }
  if (before == begin || before == 0 || text[before - 1] == '\n') return false;
  size_t word = before;
  while (word > 0 && text[word - 1] != ' ' && text[word - 1] != '\t' && text[word - 1] != '\n') --word;
  std::string prev = NormalizeString(text.substr(word, before - word));
  while (!prev.empty() && (prev.back() == ',' || prev.back() == '.')) prev.pop_back();
  static const std::set<std::string> kOpeners{"the", "a", "an", "her", "his", "my", "our", "their", "your",
                                              "el", "la", "los", "las", "su", "mi", "un", "una"};
  return !prev.empty() && std::isalpha(static_cast<unsigned char>(text[word])) &&
         std::isupper(static_cast<unsigned char>(text[word])) && !kOpeners.count(prev) && !not_names.count(prev);
}

// Whether the words before word k of a capture are written in capitals and
// word k is not: a title's line ("DECLARATION OF REBECCA T. HOLLANDER")
// ends there, and the next line ("Al Otro Lado Doe Plaintiffs v. …") is
// no part of the name.
bool CapitalsEndAt(std::string_view text, const std::vector<std::pair<size_t, size_t>>& words, size_t k) {
  int upper = 0;
  for (size_t i = words.front().first; i < words[k - 1].second; ++i) {
    if (std::islower(static_cast<unsigned char>(text[i]))) return false;
    if (std::isupper(static_cast<unsigned char>(text[i]))) ++upper;
  }
  const std::string_view next = text.substr(words[k].first, words[k].second - words[k].first);
  return upper >= 2 && std::any_of(next.begin(), next.end(), [](char c) {
           return std::islower(static_cast<unsigned char>(c)) != 0;
         });
}

// Which patterns of a prefilter set (RuleSet::prefilter, cue_prefilter) may
// match a text, from one pass over it: pattern i runs when may_match(i).
// Every pattern runs when the set cannot tell (none built, or its DFA out
// of memory).
class MayMatch {
 public:
  MayMatch(const RE2::Set* set, re2::StringPiece text) {
    if (!set) return;
    RE2::Set::ErrorInfo error{};
    if (!set->Match(text, &hits_, &error) && error.kind != RE2::Set::kNoError) return;
    std::sort(hits_.begin(), hits_.end());
    filtered_ = true;
  }
  bool operator()(size_t i) const {
    return !filtered_ || std::binary_search(hits_.begin(), hits_.end(), static_cast<int>(i));
  }

 private:
  std::vector<int> hits_;
  bool filtered_ = false;
};

}  // namespace

void Detector::DetectPatterns(PageWork& w) const {
  const std::string& t = w.norm.text;
  re2::StringPiece input(t);
  const MayMatch may_match(rules_->prefilter.get(), input);
  for (size_t r = 0; r < rules_->rules.size(); ++r) {
    if (!may_match(r)) continue;
    const PatternRule& rule = rules_->rules[r];
    // A rule whose every finding needs a context, none of which occurs on
    // the page, finds nothing here (RuleSet::prefilter).
    if (!rule.contexts.empty() &&
        std::none_of(rule.contexts.begin(), rule.contexts.end(), [&](const ContextPattern* c) {
          return c->prefilter_index < 0 || may_match(static_cast<size_t>(c->prefilter_index));
        })) {
      continue;
    }
    re2::StringPiece whole, g;
    size_t pos = 0;
    while (pos < t.size() && FindWithGroup(*rule.re, rule.group, rule.group_is_whole, input, pos, &whole, &g)) {
      const size_t whole_end = static_cast<size_t>(whole.data() - t.data()) + whole.size();
      pos = std::max(whole_end, pos + 1);
      if (g.data() == nullptr || g.empty()) continue;
      const size_t b = static_cast<size_t>(g.data() - t.data()), e = b + g.size();
      if (g.size() < rule.min_length || g.size() > rule.max_length) continue;
      if (!Validate(rule.validator, std::string_view(g.data(), g.size()))) continue;
      auto [orig_begin, orig_end] = w.norm.ToOriginal(b, e);
      if (rule.ocr_only && !AllOcr(*w.page_text, orig_begin, orig_end)) continue;
      if (rule.validator == "proper_name") {
        orig_end = ProperNameEnd(*w.text, orig_begin, orig_end);
        if (orig_end == orig_begin) continue;
      }
      if (rule.public_as_proper_name && WrittenAsProperName(*w.text, orig_begin, orig_end, rules_->not_names)) {
        continue;
      }
      if (rule.exclude_before) {
        const size_t from = b > 24 ? b - 24 : 0;
        if (RE2::PartialMatch(re2::StringPiece(t.data() + from, b - from), *rule.exclude_before)) {
          continue;
        }
      }
      if (!rule.contexts.empty()) {
        bool found = false;
        for (const ContextPattern* c : rule.contexts) {
          const size_t from = b > static_cast<size_t>(c->before) ? b - c->before : 0;
          const size_t to = SentenceEnd(t, e, std::min(t.size(), e + static_cast<size_t>(c->after)));
          // The window excludes the match itself: the label must be outside it.
          found = RE2::PartialMatch(re2::StringPiece(t.data() + from, b - from), *c->re) ||
                  (to > e && RE2::PartialMatch(re2::StringPiece(t.data() + e, to - e), *c->re));
          if (found) break;
        }
        if (!found) continue;
      }
      Finding f;
      f.category = rule.category;
      f.rule = rule.id;
      f.page = w.page;
      f.begin = orig_begin;
      f.end = orig_end;
      f.value = rule.validator == "proper_name" ? NormalizeString(std::string_view(*w.text).substr(orig_begin, orig_end - orig_begin))
                                                : ValueOf(rule.value_kind, std::string_view(g.data(), g.size()));
      f.confidence = rule.confidence;
      f.reason = rule.description.empty() ? "pattern " + rule.id : rule.description;
      if (f.category == "a_number" && names_) {
        int entity = names_->EntityForANumber(f.value);
        if (entity >= 0) {
          f.entity = names_->entities()[entity].id;
          w.entities_seen.push_back(entity);
        }
      }
      w.findings.push_back(std::move(f));
    }
  }
}

void Detector::DetectListedNames(PageWork& w, const NamesIndex::Mentioned* mentioned) const {
  if (!names_) return;
  const bool partial = mentioned != nullptr;
  std::vector<NamesIndex::Match> matches;
  // The same for both passes of a page.
  if (w.middle.size() != w.tokens.size()) w.middle = MiddleNameTokens(w.norm, w.tokens, *w.text, rules_->not_names);
  // The first pass keeps the page's token ids and full matches; the
  // second adds the partial ones to them (NamesIndex::FindTokens). The
  // people the full matches name are added to entities_seen by the pass
  // that finds those matches.
  bool full_found_here = true;
  if (!partial) {
    w.token_ids = names_->TokenIds(w.norm.text, w.tokens);
    names_->FindTokens(w.norm.text, w.tokens, w.token_ids, NamesIndex::Mentioned(), true, &matches, &w.middle);
    w.full_matches = matches;
  } else {
    if (w.token_ids.size() != w.tokens.size()) {  // no first pass: both at once
      w.token_ids = names_->TokenIds(w.norm.text, w.tokens);
      names_->FindTokens(w.norm.text, w.tokens, w.token_ids, NamesIndex::Mentioned(), true, &w.full_matches, &w.middle);
    } else {
      full_found_here = false;
    }
    matches = w.full_matches;
    names_->FindTokens(w.norm.text, w.tokens, w.token_ids, *mentioned, false, &matches, &w.middle);
  }
  // In a large list one span can name many people ("Maria Hernández"): every
  // one of them counts as mentioned, but the span needs one finding.
  std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first_token, a.token_count, a.kind) <
           std::tie(b.first_token, b.token_count, b.kind);
  });
  // Whether a full name of `entity` starts at `token`: one of the full
  // variants found there is theirs.
  auto full_start = [&](int entity, uint32_t token) {
    auto at = std::lower_bound(matches.begin(), matches.end(), token,
                               [](const NamesIndex::Match& m, uint32_t t) { return m.first_token < t; });
    for (; at != matches.end() && at->first_token == token; ++at) {
      if (at->kind != NamesIndex::VariantKind::kFull) continue;
      const std::span<const int32_t> named = names_->EntitiesOf(at->variant);
      if (std::binary_search(named.begin(), named.end(), entity)) return true;
    }
    return false;
  };
  // The full variants found, whose people all count as mentioned.
  std::vector<uint32_t> full_variants;
  for (size_t mi = 0; mi < matches.size(); ++mi) {
    const NamesIndex::Match& m = matches[mi];
    if (!partial && m.kind == NamesIndex::VariantKind::kPartial) continue;
    if (m.kind == NamesIndex::VariantKind::kFull) full_variants.push_back(m.variant);
    if (mi > 0 && matches[mi - 1].first_token == m.first_token &&
        matches[mi - 1].token_count == m.token_count && matches[mi - 1].kind == m.kind) {
      continue;
    }
    const TextToken& first = w.tokens[m.first_token];
    const TextToken& last = w.tokens[m.first_token + m.token_count - 1];
    auto [b, e] = w.norm.ToOriginal(first.begin, last.end);
    if (m.kind == NamesIndex::VariantKind::kPartial) {
      // Alone, a surname must look like a name where it stands, and must
      // not be the start of someone else's full name ("Hon. Maria Lopez").
      if (!StartsUpper(std::string_view(*w.text).substr(b, e - b))) continue;
      // Unless that full name is this person's own: OCR reads a wrapped
      // table cell as "Guadalupe HERNÁNDEZ-NÚÑEZ, María".
      const size_t next = m.first_token + m.token_count;
      if (next < w.tokens.size() && w.tokens[next].joinable &&
          !full_start(m.entity, static_cast<uint32_t>(next))) {
        auto [nb, ne] = w.norm.ToOriginal(w.tokens[next].begin, w.tokens[next].end);
        const std::string_view between = std::string_view(*w.text).substr(e, nb - e);
        // (A token with a digit, "A78123456", starts no one's name.)
        const std::string_view next_word = std::string_view(*w.text).substr(nb, ne - nb);
        // (Chinese, Japanese and Korean have no capitals to tell by, and a
        // surname runs on into what follows: "山田さん".)
        // Nor the first part of someone else's compound surname ("SDDO
        // Fernando Menjivar-Rios", an ICE officer, of a listed Menjívar).
        if ((between.find_first_not_of(" ") == std::string_view::npos || between == "-") && StartsUpper(next_word) &&
            !StartsWithCjkLetter(next_word) && next_word.find_first_of("0123456789") == std::string_view::npos) {
          continue;
        }
      }
      // Nor the second word of a place ("San Diego", "Santa Rosa", "St.
      // Louis" of a listed Diego, Rosa or Louis), or of someone else's
      // compound surname ("Rios-Menjivar").
      if (m.first_token > 0) {
        const TextToken& before = w.tokens[m.first_token - 1];
        if (w.norm.text.compare(before.end, first.begin - before.end, "-") == 0 && first.joinable) {
          const auto [pb, pe] = w.norm.ToOriginal(before.begin, before.end);
          if (StartsUpper(std::string_view(*w.text).substr(pb, pe - pb))) continue;
        }
        static const WordSet kPlacePrefixes{"san", "santa", "santo", "sao", "saint", "st", "fort", "port", "mount", "los", "las"};
        const std::string_view gap = std::string_view(w.norm.text).substr(before.end, first.begin - before.end);
        if ((gap == " " || gap == ". ") &&
            kPlacePrefixes.count(std::string_view(w.norm.text).substr(before.begin, before.end - before.begin))) {
          continue;
        }
      }
    }
    Finding f;
    f.category = "name";
    f.rule = m.kind == NamesIndex::VariantKind::kFull ? "names.list" : "names.list.partial";
    f.page = w.page;
    f.begin = b;
    f.end = e;
    f.value = w.norm.text.substr(first.begin, last.end - first.begin);
    f.entity = names_->entities()[m.entity].id;
    f.confidence = m.kind == NamesIndex::VariantKind::kFull ? 0.98 : 0.85;
    f.basis = "list";
    f.reason = m.kind == NamesIndex::VariantKind::kFull
                   ? "listed name"
                   : "part of a listed name, after a full mention in this document";
    w.findings.push_back(std::move(f));
  }
  if (!full_found_here) return;
  // Once each (a span of a common name names hundreds of people).
  std::sort(full_variants.begin(), full_variants.end());
  full_variants.erase(std::unique(full_variants.begin(), full_variants.end()), full_variants.end());
  for (uint32_t v : full_variants) {
    const std::span<const int32_t> named = names_->EntitiesOf(v);
    w.entities_seen.insert(w.entities_seen.end(), named.begin(), named.end());
  }
  std::sort(w.entities_seen.begin(), w.entities_seen.end());
  w.entities_seen.erase(std::unique(w.entities_seen.begin(), w.entities_seen.end()), w.entities_seen.end());
}

namespace {

// Whether a normalized capture is a pseudonym the pseudonymizer draws for a
// person (stages/write_pseudonym), in any language's words (`name_words`):
// "<label> <n>", "person <n>", "unlisted person 482-173", "<given> doe
// [n]", "a. doe", and initials ("m.g.h.n.", "m.g.3") when the policy's
// style is initials (otherwise initials may well be a real person's).
bool IsPseudonymName(const std::string& normalized, const Policy& policy, const std::vector<std::string>& name_words) {
  if (policy.pseudonym_name == "initials") {
    static const RE2 kInitials("^(?:[a-z]\\.-?)+ ?[0-9-]*$");
    if (RE2::FullMatch(normalized, kInitials)) return true;
  }
  auto numbered = [&](std::string_view prefix) {
    if (normalized.size() <= prefix.size() + 1 || !normalized.starts_with(prefix) ||
        normalized[prefix.size()] != ' ') {
      return false;
    }
    return std::all_of(normalized.begin() + static_cast<std::ptrdiff_t>(prefix.size()) + 1, normalized.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == '-'; });
  };
  if (std::any_of(name_words.begin(), name_words.end(), numbered)) return true;
  static const RE2 kDoe("^[a-z]+\\.? doe(?: [0-9-]+)?$");
  return RE2::FullMatch(normalized, kDoe);
}

// Whether `original` (text from a capture's start on) opens with one of our
// own pseudonyms, "<word> <number>": a capture that stops inside one
// ("Persona" of "Persona no listada 482-173": "no" is not capitalized) is
// not a name.
//
// Cheaply where it can be: normalization goes code point by code point (a
// line-end hyphen joins only what follows it), so an ASCII first character
// is the normalized text's first, lowercased, and a shorter window's
// normalization starts as the 96-byte window's does, but for its last few
// bytes (a character or a hyphen cut at its end).
bool StartsOwnPseudonym(std::string_view original, const std::vector<std::string>& name_words) {
  if (original.empty()) return false;
  size_t longest = 0;
  bool first_letter = false;
  const unsigned char c0 = static_cast<unsigned char>(original[0]);
  const char folded = FoldAscii(c0);
  for (const std::string& w : name_words) {
    longest = std::max(longest, w.size());
    first_letter = first_letter || (!w.empty() && w[0] == folded);
  }
  if (c0 < 0x80 && !first_letter) return false;
  constexpr size_t kWindow = 96, kCutMargin = 8;
  const size_t need = longest + 2;  // "<word> <digit>"
  std::string normalized = NormalizeString(original.substr(0, std::min(kWindow, 2 * need + kCutMargin)));
  if (normalized.size() < need + kCutMargin && original.size() > 2 * need + kCutMargin) {
    normalized = NormalizeString(original.substr(0, kWindow));
  }
  for (const std::string& w : name_words) {
    if (w.empty() || normalized.size() <= w.size() + 1 || !normalized.starts_with(w) ||
        normalized[w.size()] != ' ' || !std::isdigit(static_cast<unsigned char>(normalized[w.size() + 1]))) {
      continue;
    }
    return true;
  }
  return false;
}

// A name before its cue is on the cue's line, after any label there
// ("Derivative (I-589 Part A.III): Santiago José Rondón, A219-…"): moves
// *b past the last line break or colon before `e`; false when nothing is
// left.
bool OnTheCuesLine(const std::string& text, size_t* b, size_t e) {
  const size_t cut = text.find_last_of("\n:", e == 0 ? 0 : e - 1);
  if (cut != std::string::npos && cut >= *b) {
    *b = cut + 1;
    while (*b < e && (text[*b] == ' ' || text[*b] == '\t')) ++*b;
  }
  return *b < e;
}

// Whether a word (as written) is prose that may run on to a name on the
// next line: it starts with a small letter and places no one ("and", "for",
// "child"; not "in", "at", "of": "… in Houston" / "Ana Ruiz, A# …").
bool ProseWordBeforeAName(std::string_view word) {
  static const std::set<std::string_view> kPlaces{"in", "at", "from", "near", "into", "within", "outside", "en", "desde", "of", "on"};
  return !word.empty() && std::islower(static_cast<unsigned char>(word[0])) && !kPlaces.count(word);
}

// Where a name that opens its line before an "after" cue begins when its
// given names end the line above, in prose: "derivative child Ashley
// Nicole" / "Pineda Mejía (minor), A# …" (a Vaughn index's wrapped row).
// At most two capitalized words are taken, and only after a lowercase word
// that places no one ("in Houston" / "Ana Ruiz, A# …" takes nothing): a
// caption's line in capitals ("FOR THE DISTRICT OF COLUMBIA") gives none.
size_t GivenNamesWrappedBefore(const std::string& text, size_t b, const WordSet& not_names) {
  size_t start = b;
  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
  if (start == 0 || text[start - 1] != '\n') return b;
  const size_t line_end = start - 1;
  const size_t line_begin = line_end == 0 ? 0 : text.rfind('\n', line_end - 1) + 1;  // (npos + 1 == 0)
  std::vector<std::pair<size_t, size_t>> words;  // the line's words, last first
  for (size_t e = line_end; e > line_begin && words.size() < 3;) {
    while (e > line_begin && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    size_t w = e;
    while (w > line_begin && text[w - 1] != ' ' && text[w - 1] != '\t') --w;
    if (w < e) words.emplace_back(w, e);
    e = w;
  }
  size_t taken = 0;
  for (; taken < words.size() && taken < 2; ++taken) {
    const std::string_view word(text.data() + words[taken].first, words[taken].second - words[taken].first);
    const std::string normalized = NormalizeString(word);
    const bool letters = std::all_of(word.begin(), word.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || c == '-' || (c & 0x80) != 0;
    });
    if (!letters || !StartsUpper(word) || IsNeverNameWord(word, not_names) || IsNameParticle(normalized) ||
        IsTitleOrRole(normalized)) {
      break;
    }
  }
  if (taken == 0 || taken == words.size()) return b;
  const std::string_view before(text.data() + words[taken].first, words[taken].second - words[taken].first);
  if (!ProseWordBeforeAName(before)) return b;
  return words[taken - 1].first;
}

// Where a name before an "after" cue begins when a family name in
// capitals and a comma stand before its given names, as lists write them:
// "2. JEAN-BAPTISTE, Wiselande (A# 220-117-904)" took only "Wiselande". Up
// to three words, each of capitals (hyphens and apostrophes allowed), that
// open their line or follow a list's number.
size_t FamilyNameBeforeComma(const std::string& text, size_t b) {
  size_t i = b;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == 0 || text[i - 1] != ',') return b;
  size_t start = --i;  // at the comma
  int words = 0;
  while (words < 3) {
    size_t w = start;
    while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\t' && text[w - 1] != '\n') --w;
    const std::string_view word(text.data() + w, start - w);
    const bool capitals = word.size() >= 2 && std::none_of(word.begin(), word.end(), [](char c) {
      return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
    }) && std::any_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    if (!capitals) break;
    ++words;
    start = w;
    if (w == 0 || text[w - 1] == '\n') return start;
    size_t before = w;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    // A list's number ("2.", "14)") or the line's start opens the name.
    size_t n = before;
    while (n > 0 && text[n - 1] != ' ' && text[n - 1] != '\t' && text[n - 1] != '\n') --n;
    const std::string_view prev(text.data() + n, before - n);
    const bool number = !prev.empty() && std::isdigit(static_cast<unsigned char>(prev[0])) &&
                        (prev.back() == '.' || prev.back() == ')') &&
                        std::all_of(prev.begin(), prev.end() - 1, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (number && (n == 0 || text[n - 1] == '\n' || text[n - 1] == ' ' || text[n - 1] == '\t')) return start;
    start = before;
  }
  return b;
}

// Whether the name at [b, e) is named in a public role: a role before it
// ("Judge", "interpreter, Mr.", "Dr.") or after it (", Esq.", ", an
// expert"). A relative's title is no such role ("His brother, Dr. Abdoul
// Sall").
bool InPublicRole(const RuleSet& rules, const std::string& text, size_t b, size_t e) {
  if (rules.public_roles_before) {
    const size_t from = b > 48 ? b - 48 : 0;
    const re2::StringPiece before(text.data() + from, b - from);
    static const RE2 kRelativesTitle(
        R"((?i)\b(?:brother|sister|son|daughter|father|mother|husband|wife|spouse|cousin|uncle|aunt|nephew|niece|hermano|hermana|hijo|hija|padre|madre|esposo|esposa|primo|prima|t[ií]o|t[ií]a)[ \t,:]*(?:dr|dra)\.?[ \t]*$)");
    if (RE2::PartialMatch(before, *rules.public_roles_before) && !RE2::PartialMatch(before, kRelativesTitle)) return true;
  }
  if (rules.public_roles_after) {
    const size_t to = std::min(text.size(), e + 64);
    if (RE2::PartialMatch(re2::StringPiece(text.data() + e, to - e), *rules.public_roles_after)) return true;
  }
  return false;
}

// People named with their office after a comma ("Wolfgang E. Hoffmann,
// Field Office Director", "Pamela Bondi, Attorney General"): a habeas
// caption's respondents, public wherever the document names them again
// ("Respondent Hoffmann exercises custody over him"). Two words or more,
// normalized, onto `people`.
void OfficialsNamed(const RuleSet& rules, const std::string& text, std::vector<std::string>* people) {
  if (!rules.public_roles_after) return;
  // Set off by a comma, or alone on its line above the title (a docket's
  // party: "Christine Vallejo-Hart" / "Field Office Director, …").
  static const RE2 kNamed(R"(((?:\p{Lu}[\p{L}'-]+|\p{Lu}\.)(?:[ 	]+(?:\p{Lu}[\p{L}'-]+|\p{Lu}\.)){1,3})(?:,|[ 	]*\n))");
  re2::StringPiece input(text), name;
  while (RE2::FindAndConsume(&input, kNamed, &name)) {
    const size_t end = static_cast<size_t>(name.data() - text.data()) + name.size() + 1;  // after the comma
    const size_t to = std::min(text.size(), end + 64);
    // Alone on its line, the name is an official's only above a title's
    // short line, not above prose ("KOFI ASANTE MENSAH" / "Counsel will
    // request a G-28 for …").
    if (text[end - 1] != ',') {
      const size_t line_end = std::min(text.find('\n', end), text.size());
      if (line_end == end || line_end - end > 60) continue;
    }
    // Or with the office before the name, on its line, when a contact
    // follows it ("Court Administrator: Jerome P. Whitcombe, (213) …").
    const size_t begin = static_cast<size_t>(name.data() - text.data());
    const size_t line = begin == 0 ? std::string::npos : text.rfind('\n', begin - 1);
    const size_t from = line == std::string::npos ? 0 : line + 1;
    static const RE2 kContact(R"((?i)^[ \t]*(?:tel\.?|phone|telephone|e-?mail)?[ \t:]*(?:\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}|[\w.+-]+@))");
    const bool office_before = rules.public_roles_before && text[end - 1] == ',' &&
                               RE2::PartialMatch(re2::StringPiece(text.data() + end, to - end), kContact) &&
                               InPublicRole(rules, text, begin, begin) &&
                               RE2::PartialMatch(re2::StringPiece(text.data() + from, begin - from), *rules.public_roles_before);
    if (!office_before && !RE2::PartialMatch(re2::StringPiece(text.data() + end, to - end), *rules.public_roles_after)) continue;
    const std::string normalized = NormalizeString(std::string_view(name.data(), name.size()));
    if (normalized.find(' ') != std::string::npos) people->push_back(normalized);
  }
}

// Counsel named after the party they appear for, as minute orders and
// transcripts list appearances: "Counsel appearing for Plaintiffs: Daniel
// K." / "Osei and Mariela Sandoval-Whitfield, Northwest Immigrant Rights
// Legal Center." Each name of two to four capitalized words (initials
// too), no never-name word or title among them, normalized onto `people`.
void CounselNamedForAParty(const std::string& text, const WordSet& not_names, std::vector<std::string>* people) {
  static const RE2 kAppearing(
      R"((?i)\b(?:counsel|attorneys?|abogad[oa]s?)(?:[ \t]+appearing)?[ \t]+for[ \t]+(?:the[ \t]+)?(?:plaintiffs?|defendants?|petitioners?|respondents?|government|class|applicants?|movants?)[ \t]*:[ \t]*)");
  static const RE2 kName(R"(((?:\p{Lu}[\p{L}'-]+|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{L}'-]+|\p{Lu}\.)){1,3})(?:\s*,|\s+and\s+|\s*;|\s*\.|\s*$))");
  re2::StringPiece rest(text);
  while (RE2::FindAndConsume(&rest, kAppearing)) {
    re2::StringPiece from = rest;
    for (int n = 0; n < 2; ++n) {
      re2::StringPiece name;
      if (!RE2::Consume(&from, kName, &name)) break;
      std::string normalized = NormalizeString(std::string_view(name.data(), name.size()));
      for (char& c : normalized) c = c == '\n' ? ' ' : c;
      bool person = true;
      size_t at = 0;
      while (at < normalized.size()) {
        const size_t space = std::min(normalized.find(' ', at), normalized.size());
        const std::string word = normalized.substr(at, space - at);
        person = person && !not_names.count(word) && !IsTitleOrRole(word);
        at = space + 1;
      }
      if (!person) break;
      people->push_back(normalized);
    }
  }
}

}  // namespace

void Detector::DetectCuedNames(PageWork& w) const {
  const std::string& text = *w.text;
  OfficialsNamed(*rules_, text, &w.public_people);
  CounselNamedForAParty(text, rules_->not_names, &w.public_people);
  re2::StringPiece input(text);
  const MayMatch may_match(rules_->cue_prefilter.get(), input);
  for (size_t c = 0; c < rules_->name_cues.size(); ++c) {
    if (!may_match(c)) continue;
    const NameCue& cue = rules_->name_cues[c];
    re2::StringPiece m[2];
    const bool split = cue.cue_re && rules_->name_re;
    auto next = [&](size_t from) {
      if (!split) return FindWithGroup(*cue.re, 1, false, input, from, &m[0], &m[1]);
      return cue.after ? FindSplitGroup(*cue.re, *rules_->name_re, *cue.cue_re, true, input, from, &m[0], &m[1])
                       : FindSplitGroup(*cue.re, *cue.cue_re, *rules_->name_re, false, input, from, &m[0], &m[1]);
    };
    size_t pos = 0;
    while (pos < text.size() && next(pos)) {
      const size_t whole_begin = static_cast<size_t>(m[0].data() - text.data());
      pos = std::max(whole_begin + 1, pos + 1);
      if (m[1].data() == nullptr || m[1].empty()) continue;
      size_t b = static_cast<size_t>(m[1].data() - text.data());
      size_t e = b + m[1].size();
      // The next search starts after the name as trimmed below (so a cue the
      // raw capture ran over, "…Ayala\nBeneficiary: Omar…", still fires), or
      // after the whole capture when nothing of it is a name.
      const size_t raw_end = e;
      bool organisation_below = false;  // the capture ran onto an organisation's line
      if (cue.after && !OnTheCuesLine(text, &b, e)) continue;
      if (cue.after) b = GivenNamesWrappedBefore(text, b, rules_->not_names);
      if (cue.after) b = FamilyNameBeforeComma(text, b);
      // "Don" after an initial is a given name, not the honorific: "T. Don
      // Hutto Residential Center" (a detention centre, probe31).
      if (cue.id == "name.cue.honorific" && whole_begin >= 3 && text[whole_begin - 1] == ' ' &&
          text[whole_begin - 2] == '.' && std::isupper(static_cast<unsigned char>(text[whole_begin - 3])) &&
          (whole_begin == 3 || !std::isalpha(static_cast<unsigned char>(text[whole_begin - 4])))) {
        continue;
      }
      // Cut the capture at the first word that is never part of a name
      // ("Maria Lopez Applicant" → "Maria Lopez"), dropping trailing particles.
      {
        const std::vector<std::pair<size_t, size_t>> words = CaptureWords(text, &b, e, raw_end);
        size_t keep = 0;
        for (; keep < words.size(); ++keep) {
          const std::string_view word(text.data() + words[keep].first, words[keep].second - words[keep].first);
          // "A." is an initial ("Ms. A."), not the article "a".
          if (word.size() == 2 && word[1] == '.' && std::isupper(static_cast<unsigned char>(word[0]))) continue;
          if (IsNeverNameWord(word, rules_->not_names)) break;
        }
        while (keep > 0 && IsNameParticle(NormalizeString(text.substr(
                               words[keep - 1].first,
                               words[keep - 1].second - words[keep - 1].first)))) {
          --keep;  // a trailing particle ("… de")
        }
        // A capture that runs onto the next line stops at the line break when
        // that line goes on as a label ("Ramírez\nFecha: …").
        for (size_t k = 1; k < keep; ++k) {
          if (text.find('\n', words[k - 1].second) < words[k].first) {
            size_t after = words[keep - 1].second;
            while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
            if ((after < text.size() && text[after] == ':') || CapitalsEndAt(text, words, k)) keep = k;
            break;
          }
        }
        keep = WrappedOnceAtMost(text, words, keep, whole_begin);
        // A person in care of an organisation ("C/O REBECCA LINDQVIST" /
        // "GULF COAST IMMIGRANT JUSTICE PROJECT", a notice's mailing
        // address) is its staff: counsel's office, not the applicant's
        // family. The capture ran into the organisation's line.
        if (const size_t cut = BreakBeforeOrganisation(text, words, keep, rules_->organisations); cut < keep) {
          keep = cut;
          organisation_below = true;
          // (Not a detention centre's: mail care of a detained person.)
          static const RE2 kDetention(R"((?i)\b(?:detention|processing|correctional|jail|prison|penitentiary|facility)\b)");
          const size_t org_end = std::min(text.find('\n', words[keep].first), text.size());
          if (cue.id == "name.cue.care_of" &&
              !RE2::PartialMatch(re2::StringPiece(text.data() + words[keep].first, org_end - words[keep].first), kDetention)) {
            w.public_people.push_back(NormalizeString(text.substr(words.front().first, words[keep - 1].second - words.front().first)));
            pos = std::max(pos, raw_end);
            continue;
          }
        }
        // A capture that starts on a line after its cue and is followed by a
        // colon is the next label of a column of labels ("Last Name:\n
        // Language:", values in the next column), not a name.
        if (keep > 0 && text.find('\n', whole_begin) < words.front().first) {
          size_t after = words[keep - 1].second;
          while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
          if (after < text.size() && text[after] == ':') keep = 0;
        }
        if (keep == 0) {
          pos = std::max(pos, raw_end);
          continue;
        }
        e = words[keep - 1].second;
        pos = std::max(pos, e);
        e = NameEnd(text, b, e);
      }
      const std::string normalized = NormalizeString(text.substr(b, e - b));
      if (rules_->public_names.count(normalized)) continue;
      // "ISLAND CREEK COAL COMPANY, Petitioner": a party, not a person. A
      // caption's party is its whole line ("Bank of America,\nPetitioner").
      {
        const size_t line = cue.after ? text.rfind('\n', b == 0 ? 0 : b - 1) : std::string::npos;
        const size_t from = !cue.after ? b : line == std::string::npos || b == 0 ? 0 : line + 1;
        if (NamesAnOrganisation(NormalizeString(text.substr(from, e - from)), rules_->organisations)) continue;
        // A name cut short by a word that is never one, in a capitalized run
        // that names a place ("c/o Port Isabel Service Processing\nCenter").
        // (Not a person's line over the organisation's: "C/O MARIA ELENA
        // LOPEZ" / "OTAY MESA DETENTION CENTER".)
        if (!cue.after && !organisation_below && raw_end > e &&
            NamesAnOrganisation(NormalizeString(text.substr(b, CapitalizedRunEnd(text, e) - b)),
                                              rules_->organisations)) {
          continue;
        }
      }
      // Our own pseudonyms ("Applicant 02C6", "Person 1F", "Ana Doe 2") are
      // not names: a pseudonymized output must verify clean.
      if (IsPseudonymName(normalized, policy_, own_name_words_)) continue;
      if (StartsOwnPseudonym(std::string_view(text).substr(b), own_name_words_)) continue;
      // Nor is a word that ends in a hyphen before digits: the short forms
      // of pseudonyms ("CM-12", "UP-482-173") and codes, never a name.
      if (e > b && text[e - 1] == '-' && e < text.size() && std::isdigit(static_cast<unsigned char>(text[e]))) continue;
      if (InPublicRole(*rules_, text, b, e)) {
        // Only a declarant says their own role ("I, Guo Lihua, am a
        // paralegal"); a role word on the next line is weaker evidence.
        if (cue.id == "name.cue.declarant" && normalized.find(' ') != std::string::npos) {
          w.public_people.push_back(normalized);
        }
        continue;
      }
      Finding f;
      f.category = "name";
      f.rule = cue.id;
      f.page = w.page;
      f.begin = b;
      f.end = e;
      f.value = normalized;
      f.confidence = cue.confidence;
      f.basis = "cue";
      f.reason = "name after a cue (" + cue.id + ")";
      w.findings.push_back(std::move(f));
    }
  }
}

namespace {
void AppendCovered(const PageText& page, std::vector<Finding>* findings) {
  for (Finding& f : CoveredTextFindings(page)) findings->push_back(std::move(f));
}

// Names as token lists, each once, in the order first found (looked up in
// a set: a long document's cues name thousands).
struct NameForms {
  std::vector<std::vector<std::string>> list;
  std::set<std::vector<std::string>> seen;
  std::set<std::vector<std::string>> tails;  // the last two names of a longer one
  void Add(std::vector<std::string> name) {
    if (seen.insert(name).second) list.push_back(std::move(name));
  }
};

// Adds to *cued, once each, the words of every name a cue found in
// `findings`, and of the two names that end a longer one: a person named in
// full by a cue is later called by them ("José Luis Peña Ortiz" … "Mr.
// Peña Ortiz"): a compound surname, or a middle name and a surname.
void AddCuedNameForms(const std::vector<Finding>& findings, NameForms* cued) {
  for (const Finding& f : findings) {
    if (!f.rule.starts_with("name.cue.")) continue;
    std::vector<std::string> tokens;
    for (const TextToken& t : TokenizeForNames(f.value)) tokens.push_back(f.value.substr(t.begin, t.end - t.begin));
    if (tokens.size() >= 3) {
      cued->tails.insert(std::vector<std::string>(tokens.end() - 2, tokens.end()));
      cued->Add(std::vector<std::string>(tokens.end() - 2, tokens.end()));
    }
    // The first and last names alone, the middle one left out: "Leysan
    // Garipova's affidavit" of "his sister-in-law, Leysan Ramilevna Garipova".
    if (tokens.size() == 3) cued->Add({tokens.front(), tokens.back()});
    // Two given names and two surnames: the first of each, as Spanish
    // names are shortened ("Gerson Pineda" of Gerson Alexis Pineda Rivas).
    if (tokens.size() == 4) cued->Add({tokens[0], tokens[2]});
    // A list's "JEAN-BAPTISTE, Wiselande" is "Wiselande Jean-Baptiste" in
    // prose: the given names first.
    if (const size_t comma = f.value.find(','); comma != std::string::npos && tokens.size() >= 2) {
      std::vector<std::string> given, family;
      for (const TextToken& t : TokenizeForNames(f.value)) {
        (t.begin > comma ? given : family).push_back(f.value.substr(t.begin, t.end - t.begin));
      }
      if (!given.empty() && !family.empty()) {
        given.insert(given.end(), family.begin(), family.end());
        cued->Add(std::move(given));
      }
    }
    if (tokens.size() >= 2) cued->Add(std::move(tokens));
  }
}

// A name a form writes in separate fields (family name, given name, middle
// name) is written whole elsewhere ("Bohdan Bondarenko" on the signature
// line): the values of name fields next to each other on a page, given
// names first or last, are added to *cued like a cued name.
void AddFieldNameForms(const std::vector<Finding>& findings, std::string_view text, NameForms* cued) {
  std::vector<std::vector<std::string>> parts;  // per name field, in page order
  for (const Finding& f : findings) {
    if (f.rule != "layout.field.name" && f.rule != "layout.column.name") continue;
    std::vector<std::string> tokens;
    for (const TextToken& t : TokenizeForNames(f.value)) tokens.push_back(f.value.substr(t.begin, t.end - t.begin));
    // A whole name in one box or cell ("Full Name | MARIAMA DIALLO") is
    // written again elsewhere ("MARIAMA DIALLO (SISTER)" under a
    // question): found there as a cued name is, when every word of it is
    // written as a name's.
    const std::string_view written = f.end <= text.size() && f.begin < f.end ? text.substr(f.begin, f.end - f.begin) : "";
    const bool whole = tokens.size() >= 2 && tokens.size() <= 4 &&
                       std::none_of(written.begin(), written.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
                       WordsStartUpper(written);
    if (whole) cued->Add(tokens);
    if (f.rule == "layout.field.name" && !tokens.empty() && tokens.size() <= 3) parts.push_back(std::move(tokens));
  }
  auto add = [&](std::initializer_list<const std::vector<std::string>*> pieces) {
    std::vector<std::string> name;
    for (const auto* p : pieces) name.insert(name.end(), p->begin(), p->end());
    if (name.size() >= 2) cued->Add(std::move(name));
  };
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i] == parts[i + 1]) continue;
    add({&parts[i + 1], &parts[i]});  // family, then given: "Given Family"
    add({&parts[i], &parts[i + 1]});
    if (i + 2 < parts.size()) add({&parts[i + 1], &parts[i + 2], &parts[i]});  // given middle family
  }
}

}  // namespace

// The listed people the pages name (PageWork::entities_seen), everyone on
// the list when `everyone`, and `also`: each once, in order. Marked in a
// bitmap of the list, not sorted: on a long document with a large list
// the pages together name the same common names' people many times over.
std::vector<int> Detector::MentionedEntities(const std::vector<PageWork>& work, bool everyone,
                                             const std::vector<int>& also) const {
  // Ascending: the ones beyond the list below it (negative), the listed,
  // the ones beyond it above. Only what was seen is sorted, not the whole
  // list: a short text (a page break's two lines) costs nothing per row.
  const size_t listed = names_ ? names_->entities().size() : 0;
  std::vector<int> mentioned;
  for (const PageWork& w : work) mentioned.insert(mentioned.end(), w.entities_seen.begin(), w.entities_seen.end());
  mentioned.insert(mentioned.end(), also.begin(), also.end());
  if (everyone) {
    mentioned.reserve(mentioned.size() + listed);
    for (size_t e = 0; e < listed; ++e) mentioned.push_back(static_cast<int>(e));
  }
  std::sort(mentioned.begin(), mentioned.end());
  mentioned.erase(std::unique(mentioned.begin(), mentioned.end()), mentioned.end());
  return mentioned;
}

std::vector<Finding> Detector::DetectDocument(const std::vector<PageText>& pages,
                                              bool everyone_mentioned,
                                              const std::vector<int>& also_mentioned,
                                              const std::vector<std::vector<std::string>>& also_people) const {
  std::vector<PageWork> work(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    work[i].page_text = &pages[i];
    work[i].text = &pages[i].text;
    work[i].page = pages[i].number;
    work[i].norm = MatchingText(pages[i]);
    work[i].tokens = TokenizeForNames(work[i].norm.text);
    // (Text no OCR read has no byte AllOcr: most pages.)
    const bool any_ocr_glyph = std::any_of(pages[i].glyphs.begin(), pages[i].glyphs.end(),
                                           [](const Glyph& g) { return g.ocr; });
    const std::vector<bool> ocr = ReadBackMask(pages[i], work[i].norm, any_ocr_glyph);
    const bool any_ocr = std::find(ocr.begin(), ocr.end(), true) != ocr.end();
    for (TextToken& t : work[i].tokens) {
      const auto [b, e] = work[i].norm.ToOriginal(t.begin, t.end);
      t.ocr = any_ocr_glyph && AllOcr(pages[i], b, e);
    }
    DetectPatterns(work[i]);
    if (any_ocr) {
      // Identifiers in scanned text (or in look-alike letters), read again
      // with letter-for-digit confusions read back ("EAC219OO12345",
      // "123-4S-6789").
      std::string read_back = ReadBackOcrDigits(work[i].norm.text, ocr);
      if (read_back != work[i].norm.text) {
        PageWork again = work[i];
        again.findings.clear();
        again.norm.text = std::move(read_back);
        DetectPatterns(again);
        for (Finding& f : again.findings) work[i].findings.push_back(std::move(f));
      }
    }
    DetectLayout(&work[i]);
    DetectListedNames(work[i], nullptr);
  }
  // Entities mentioned in full (or by A-number) anywhere in the document.
  const std::vector<int> mentioned = MentionedEntities(work, everyone_mentioned, also_mentioned);
  const bool any_mentioned = !mentioned.empty();
  const NamesIndex::Mentioned partials = any_mentioned && names_ ? names_->PartialsOf(mentioned) : NamesIndex::Mentioned();
  ListedInitialsCache initials;
  for (PageWork& w : work) {
    if (any_mentioned) {
      // Second pass: partial variants; full ones again are merged away.
      std::erase_if(w.findings, [](const Finding& f) { return f.rule == "names.list"; });
      DetectListedNames(w, &partials);
    }
    DetectCuedNames(w);
    if (names_) DetectListedInitials(*w.page_text, *names_, w.entities_seen, &w.findings, &initials);
  }
  // Public roles keep their people (and, document-wide, their names).
  std::vector<std::string> public_people;
  for (PageWork& w : work) KeepPublicRoles(*w.page_text, &w.findings, &public_people);
  for (const PageWork& w : work) public_people.insert(public_people.end(), w.public_people.begin(), w.public_people.end());
  for (PageWork& w : work) KeepPublicPeople(public_people, &w.findings);
  // A name found by a cue anywhere is found at every occurrence in the
  // document ("her son, Kevin Hernández" … "Kevin Hernández | Son").
  NameForms cued;
  for (const PageWork& w : work) AddCuedNameForms(w.findings, &cued);
  for (const PageWork& w : work) AddFieldNameForms(w.findings, *w.text, &cued);
  DetectFullNamesOfCuedSurnames(work);
  for (Finding& f : FindingsAcrossPageBreaks(*this, pages)) {
    for (PageWork& w : work) if (w.page == f.page) w.findings.push_back(f);
  }
  FindListedDatesOfBirth(work, mentioned);
  FindANumbersAgain(work);
  FindAgencyNumbersAgain(work);
  FindPlacesAgain(work);
  for (const std::vector<std::string>& person : also_people) {
    if (person.size() >= 2) cued.Add(person);
  }
  FindCuedNamesAgain(work, cued.list, cued.tails);
  FindPartsOfPeople(work, also_people);
  // A person found in full is found in their initials and first-initial forms.
  std::vector<std::vector<std::string>> people;
  std::set<std::vector<std::string>> known;
  for (const PageWork& w : work) AddPeopleFoundInFull(w.findings, rules_->not_names, &people, &known);
  const ShortForms short_forms(people);
  for (PageWork& w : work) short_forms.Find(w.page, *w.text, w.norm, w.tokens, &w.findings);
  std::set<std::string> case_initials;
  for (const PageWork& w : work) AddCaseTitleInitials(*w.text, &case_initials);
  size_t count = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    PageWork& w = work[i];
    KeepTableHeaders(pages[i], &w.findings);
    CoverMisreadSurnames(pages[i], &w.findings);
    KeepCaseTitleInitials(case_initials, *w.text, &w.findings);
    KeepLegendDefinitions(*w.text, &w.findings);
    KeepInstitutionAddresses(*w.text, &w.findings, &public_people);
    KeepPublicRoles(pages[i], &w.findings, &public_people);
    KeepPublicPeople(public_people, &w.findings);
    KeepContactsOfPublicPeople(*w.text, public_people, &w.findings);
    FindDatesAfterNames(*w.text, &w.findings);
    std::erase_if(w.findings, [&](const Finding& f) {
      return policy_.ActionFor(f.category) == PolicyAction::kKeep ||
             f.confidence < policy_.min_confidence;
    });
    ResolveFindings(pages[i], &w.findings);
    // After resolution, so a covered run holding a name keeps both findings.
    if (policy_.ActionFor(kCoveredCategory) != PolicyAction::kKeep) AppendCovered(pages[i], &w.findings);
    count += w.findings.size();
  }
  std::vector<Finding> all;
  all.reserve(count);  // (each finding moved once: a dozen strings)
  for (PageWork& w : work) {
    all.insert(all.end(), std::make_move_iterator(w.findings.begin()), std::make_move_iterator(w.findings.end()));
  }
  return all;
}

namespace {

// Where `search` finds one of `forms` in `t` standing apart: no letter or
// digit just before, no character `joins_after` accepts just after. As
// (form, begin), in the order of forms, then of places.
template <typename JoinsAfter>
std::vector<std::pair<size_t, size_t>> StandingHits(const LiteralSearch& search, const std::vector<std::string>& forms,
                                                    const std::string& t, JoinsAfter joins_after) {
  std::vector<std::pair<size_t, size_t>> hits;
  search.ForEach(t, [&](size_t form, size_t p) {
    const size_t e = p + forms[form].size();
    if ((p > 0 && std::isalnum(static_cast<unsigned char>(t[p - 1]))) ||
        (e < t.size() && joins_after(static_cast<unsigned char>(t[e])))) {
      return;
    }
    hits.push_back({form, p});
  });
  std::sort(hits.begin(), hits.end());
  return hits;
}

}  // namespace

// The listed date of birth of a mentioned person, wherever it is written
// (a table's DOB column is too far from its header for the label rule).
// One pass over each page for every form of every date (core/literal_search.h):
// a long filing mentions thousands of people. Only dates whose year the
// document writes are formed at all (a path mentions everyone on the list).
void Detector::FindListedDatesOfBirth(std::vector<PageWork>& work, const std::vector<int>& mentioned) const {
  if (!names_ || mentioned.empty()) return;
  std::unordered_set<std::string_view> numbers;  // every run of digits the pages hold
  for (const PageWork& w : work) ForEachNumber(w.norm.text, [&](std::string_view n) { numbers.insert(n); });
  std::vector<std::string> forms;
  std::vector<int> entity_of;
  for (int e : mentioned) {
    const std::string_view dob = names_->entities()[e].dob;
    bool written = false;
    ForEachNumber(dob, [&](std::string_view n) { written = written || numbers.count(n); });
    if (!written) continue;
    for (std::string& form : DateForms(std::string(dob))) forms.push_back(std::move(form)), entity_of.push_back(e);
  }
  if (forms.empty()) return;
  const LiteralSearch search(forms);
  for (PageWork& w : work) {
    const std::string& t = w.norm.text;
    const auto hits = StandingHits(search, forms, t, [](unsigned char c) { return std::isdigit(c) != 0; });
    for (const auto& [form, p] : hits) {
      Finding f;
      f.category = "dob";
      f.rule = "names.list.dob";
      f.page = w.page;
      std::tie(f.begin, f.end) = w.norm.ToOriginal(p, p + forms[form].size());
      f.value = forms[form];
      f.entity = names_->entities()[entity_of[form]].id;
      f.confidence = 0.9;
      f.basis = "list";
      f.reason = "the listed date of birth of a person named in this document";
      w.findings.push_back(std::move(f));
    }
  }
}

void Detector::FindDatesAfterNames(const std::string& text, std::vector<Finding>* findings) {
  // "Kenia Nicol Zelaya (15/11/2014)", "Yama Sadat (DOB 01/30/2018)",
  // "her son Kevin (born March 3, 2011)": a full date in parentheses
  // right after a person's name is their date of birth.
  static const RE2 kDateAfter(
      R"(^[ \t]*\((?:(?i:dob|d\.o\.b\.|b\.|born|nacid[oa]|f\.[ \t]*nac\.|fecha de nacimiento)[:.]?[ \t]*(?:(?i:el|on)[ \t]+)?)?)"
      R"((\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2},?[ \t]+\d{4})\))");
  std::vector<Finding> dates;
  for (const Finding& f : *findings) {
    if (f.category != "name" || f.channel != kChannelPage || f.end >= text.size()) continue;
    re2::StringPiece rest(text.data() + f.end, std::min<size_t>(text.size() - f.end, 60)), date;
    if (!RE2::PartialMatch(rest, kDateAfter, &date)) continue;
    Finding d;
    d.category = "dob";
    d.rule = "dob.after_name";
    d.page = f.page;
    d.begin = static_cast<size_t>(date.data() - text.data());
    d.end = d.begin + date.size();
    d.value = std::string(date.data(), date.size());
    d.confidence = 0.85;
    d.basis = "rule";
    d.reason = "a date in parentheses right after a person's name";
    dates.push_back(std::move(d));
  }
  for (Finding& d : dates) findings->push_back(std::move(d));
}

void Detector::FindANumbersAgain(std::vector<PageWork>& work) {
  // The digits of every A-number found (eight or nine; a padded tenth
  // zero dropped), each written as officers and clerks group them.
  std::set<std::string> numbers;
  for (const PageWork& w : work) {
    for (const Finding& f : w.findings) {
      if (f.category != "a_number") continue;
      std::string digits;
      for (char c : f.value) if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      if (digits.size() == 10 && digits.front() == '0') digits.erase(0, 1);
      if (digits.size() == 8 || digits.size() == 9) numbers.insert(digits);
    }
  }
  if (numbers.empty()) return;
  std::vector<std::string> forms, values;
  for (const std::string& d : numbers) {
    const size_t head = d.size() - 6;  // "208-561-390", "12-345-678"
    forms.push_back(d);
    for (const char* sep : {"-", " ", "."}) {
      forms.push_back(d.substr(0, head) + sep + d.substr(head, 3) + sep + d.substr(head + 3));
    }
    values.resize(forms.size(), "A" + d);  // as the rules write the value
  }
  const LiteralSearch search(forms);
  for (PageWork& w : work) {
    const std::string& t = w.norm.text;
    std::vector<std::pair<size_t, size_t>> hits;  // (begin, form)
    search.ForEach(t, [&](size_t form, size_t p) {
      const size_t e = p + forms[form].size();
      const auto joins = [&](size_t at) {
        const unsigned char c = static_cast<unsigned char>(t[at]);
        return std::isalnum(c) || c == '-' || c == '.' || c == '/';
      };
      // Not inside a longer number or word ("12085613901", "208561390X").
      if ((p > 0 && joins(p - 1) && !(t[p - 1] == 'a' && (p < 2 || !std::isalnum(static_cast<unsigned char>(t[p - 2]))))) ||
          (e < t.size() && std::isalnum(static_cast<unsigned char>(t[e])))) {
        return;
      }
      hits.push_back({p, form});
    });
    std::sort(hits.begin(), hits.end());
    for (const auto& [p, form] : hits) {
      Finding f;
      f.category = "a_number";
      f.rule = "a_number.again";
      f.page = w.page;
      std::tie(f.begin, f.end) = w.norm.ToOriginal(p, p + forms[form].size());
      f.value = values[form];
      f.confidence = 0.9;
      f.basis = "rule";
      f.reason = "an A-number found elsewhere in this document, written again";
      w.findings.push_back(std::move(f));
    }
  }
}

namespace {

// A rule finding for `form`, found again at `p` of page `page`'s
// normalized text `norm`.
Finding FoundAgain(const NormalizedText& norm, int page, size_t p, const std::string& form, const char* category,
                   const char* rule, double confidence, const char* reason) {
  Finding f;
  std::tie(f.begin, f.end) = norm.ToOriginal(p, p + form.size());
  f.category = category;
  f.rule = rule;
  f.page = page;
  f.value = form;
  f.confidence = confidence;
  f.basis = "rule";
  f.reason = reason;
  return f;
}

}  // namespace

void Detector::FindAgencyNumbersAgain(std::vector<PageWork>& work) {
  // The numbers other agencies gave the person (a passport, a fingerprint
  // or FBI number), found once by their label, written again in a
  // record's narrative ("Subject presented Mauritanian passport B01847263").
  std::set<std::string> numbers;
  for (const PageWork& w : work) {
    for (const Finding& f : w.findings) {
      if (f.category != "eoir_or_fbi_label" || f.value.size() < 6) continue;
      std::string n = NormalizeString(f.value);
      if (std::count_if(n.begin(), n.end(), [](unsigned char c) { return std::isdigit(c); }) >= 4) numbers.insert(n);
    }
  }
  if (numbers.empty()) return;
  const std::vector<std::string> forms(numbers.begin(), numbers.end());
  const LiteralSearch search(forms);
  for (PageWork& w : work) {
    const auto hits = StandingHits(search, forms, w.norm.text, [](unsigned char c) { return std::isalnum(c) != 0; });
    for (const auto& [form, p] : hits) {
      w.findings.push_back(FoundAgain(w.norm, w.page, p, forms[form], "eoir_or_fbi_label", "agency_number.again", 0.85,
                                      "an agency's number for the person found elsewhere in this document, written again"));
    }
  }
}

void Detector::FindPlacesAgain(std::vector<PageWork>& work) {
  // Each village named after its kind once ("the village of Qala-e Shafi")
  // is the same place wherever the document names it ("his family's home
  // in Qala-e Shafi"), written with its capital.
  // So is a town someone was born in ("born in Achkhoy-Martan, Chechen
  // Republic"; "Where were you born? In Tocoa, in the department of
  // Colón"): its name, up to its comma.
  std::set<std::string> places;
  for (const PageWork& w : work) {
    for (const Finding& f : w.findings) {
      std::string place = f.value;
      if (f.rule == "address.birthplace" || f.rule == "layout.field.birthplace") place = place.substr(0, place.find(','));
      else if (f.rule != "address.village") continue;
      if (place.size() >= 4) places.insert(place);
    }
  }
  if (places.empty()) return;
  const std::vector<std::string> forms(places.begin(), places.end());
  const LiteralSearch search(forms);
  for (PageWork& w : work) {
    const std::string& t = w.norm.text;
    const auto hits = StandingHits(search, forms, t, [](unsigned char c) { return std::isalnum(c) != 0; });
    for (const auto& [form, p] : hits) {
      Finding f = FoundAgain(w.norm, w.page, p, forms[form], "address", "address.village.again", 0.75,
                             "a village or town of birth named elsewhere in this document, named again");
      if (StartsUpper(std::string_view(*w.text).substr(f.begin, f.end - f.begin))) w.findings.push_back(std::move(f));
    }
  }
}

namespace {

// A name found through a cue's context (basis "cue", confidence 0.8): a
// cued name again, a part of it, a given name before a cued surname.
Finding CueContextName(int page, size_t begin, size_t end, std::string value, const char* rule,
                       const char* reason) {
  Finding f;
  f.category = "name";
  f.rule = rule;
  f.page = page;
  f.begin = begin;
  f.end = end;
  f.value = std::move(value);
  f.confidence = 0.8;
  f.basis = "cue";
  f.reason = reason;
  return f;
}

}  // namespace

// A name found by a cue anywhere is found at every occurrence in the
// document ("her son, Kevin Hernández" … "Kevin Hernández | Son"): looked
// up by its first word, so each page is read once however many were cued.
// Whether the token before token k of a page, on its line, is a word of
// prose: it starts with a small letter and places no one ("and", "of
// the", not "in", "at").
bool Detector::AfterAProseWord(const PageWork& w, size_t k) const {
  if (k == 0) return false;
  const TextToken& before = w.tokens[k - 1];
  if (w.norm.text.find('\n', before.end) < w.tokens[k].begin) return false;
  const auto [b, e] = w.norm.ToOriginal(before.begin, before.end);
  const std::string_view word = std::string_view(*w.text).substr(b, e - b);
  return ProseWordBeforeAName(word);
}

size_t Detector::GivenNamesBefore(const PageWork& w, size_t t) const {
  const std::string& n = w.norm.text;
  size_t count = 0;
  while (count < 2 && t > count) {
    const TextToken& tok = w.tokens[t - count];
    const TextToken& before = w.tokens[t - count - 1];
    const std::string_view gap = std::string_view(n).substr(before.end, tok.begin - before.end);
    // A given name may end the line above its surname ("EDWIN TZOC" /
    // "CHÁVEZ" in a caption), but only the one next to it: past it, the
    // line above is another line's ("FOR THE DISTRICT OF COLUMBIA" over
    // "DANIELA MORALES UCELO") — unless prose runs on to it: "… and
    // Daniela" / "Abigail Villalobos Quintanilla (born …)".
    if (gap != " " && (gap != "\n" || (count > 0 && !AfterAProseWord(w, t - count - 1)))) break;
    const std::string word = n.substr(before.begin, before.end - before.begin);
    const auto [b, e] = w.norm.ToOriginal(before.begin, before.end);
    if (word.size() < 2 || rules_->not_names.count(word) || IsNameParticle(word) || IsTitleOrRole(word) ||
        !StartsUpper(std::string_view(*w.text).substr(b, e - b)) || word.find_first_of("0123456789") != std::string::npos) {
      break;
    }
    ++count;
  }
  return count;
}

// How many tokens after `last` (the end of a surname `tail` found again)
// are ", " and the given names of a person named in full (`full_names`)
// with that surname: a memo's "RE: ORELLANA DE LA CRUZ, Yesenia Maribel" after
// "Yesenia Maribel Orellana de la Cruz" in its text.
size_t Detector::GivenNamesAfterComma(const PageWork& w, size_t last, const std::vector<std::string>& tail,
                                      const std::vector<std::vector<std::string>>& full_names) {
  if (last + 1 >= w.tokens.size()) return 0;
  const std::string_view gap =
      std::string_view(w.norm.text).substr(w.tokens[last].end, w.tokens[last + 1].begin - w.tokens[last].end);
  if (gap != ", " && gap != ",") return 0;
  size_t best = 0;
  for (const std::vector<std::string>& full : full_names) {
    // Where the surname starts in the full name: the rest of the full name
    // is the surname's beginning ("Yesenia Maribel Orellana" of "ORELLANA
    // DE LA CRUZ"), or all of it.
    size_t givens = 0;
    for (size_t j = 1; j < full.size() && givens == 0; ++j) {
      bool same = true;
      for (size_t i = 0; j + i < full.size() && i < tail.size() && same; ++i) same = full[j + i] == tail[i];
      if (same && (full.size() - j <= tail.size())) givens = j;
    }
    if (givens == 0) continue;
    size_t k = 0;
    while (k < givens && last + 1 + k < w.tokens.size()) {
      const TextToken& tok = w.tokens[last + 1 + k];
      if (k > 0 && !tok.joinable) break;
      if (w.norm.text.compare(tok.begin, tok.end - tok.begin, full[k]) != 0) break;
      ++k;
    }
    best = std::max(best, k);
  }
  return best;
}

void Detector::FindCuedNamesAgain(std::vector<PageWork>& work,
                                  const std::vector<std::vector<std::string>>& cued,
                                  const std::set<std::vector<std::string>>& tails) const {
  if (cued.empty()) return;
  // The names found in full so far, whose given names a "SURNAMES, Given"
  // form may repeat after its comma.
  std::vector<std::vector<std::string>> full_names;
  for (const PageWork& w : work) {
    for (const Finding& f : w.findings) {
      if (f.category != "name" || f.value.find(',') != std::string::npos) continue;
      std::vector<std::string> tokens;
      for (const TextToken& t : TokenizeForNames(f.value)) tokens.push_back(f.value.substr(t.begin, t.end - t.begin));
      if (tokens.size() >= 3) full_names.push_back(std::move(tokens));
    }
  }
  std::unordered_map<std::string_view, std::vector<size_t>> by_first;
  for (size_t n = 0; n < cued.size(); ++n) by_first[cued[n].front()].push_back(n);
  for (PageWork& w : work) {
    std::vector<std::pair<size_t, size_t>> hits;  // (name, first token): in the order of names, then of places
    for (size_t t = 0; t < w.tokens.size(); ++t) {
      const TextToken& first = w.tokens[t];
      auto it = by_first.find(std::string_view(w.norm.text).substr(first.begin, first.end - first.begin));
      if (it == by_first.end()) continue;
      for (size_t n : it->second) {
        const std::vector<std::string>& name = cued[n];
        if (t + name.size() > w.tokens.size()) continue;
        bool match = true;
        for (size_t k = 1; k < name.size() && match; ++k) {
          const TextToken& tok = w.tokens[t + k];
          match = tok.joinable && w.norm.text.compare(tok.begin, tok.end - tok.begin, name[k]) == 0;
        }
        if (match) hits.push_back({n, t});
      }
    }
    std::sort(hits.begin(), hits.end());
    for (const auto& [n, t] : hits) {
      size_t last = t + cued[n].size() - 1;
      const size_t first = tails.count(cued[n]) ? t - GivenNamesBefore(w, t) : t;
      if (first == t) last += GivenNamesAfterComma(w, last, cued[n], full_names);
      const auto [b, e] = w.norm.ToOriginal(w.tokens[first].begin, w.tokens[last].end);
      w.findings.push_back(CueContextName(w.page, b, e,
                                          w.norm.text.substr(w.tokens[first].begin, w.tokens[last].end - w.tokens[first].begin),
                                          "name.cue.repeat", "a name found by a cue elsewhere in this document"));
    }
  }
}

void Detector::FindPartsOfPeople(std::vector<PageWork>& work,
                                 const std::vector<std::vector<std::string>>& people) const {
  std::unordered_set<std::string> parts;
  for (const std::vector<std::string>& person : people) {
    for (const std::string& part : person) {
      if (part.size() >= 3) parts.insert(part);  // "Li", initials: too short to stand alone
    }
  }
  if (parts.empty()) return;
  for (PageWork& w : work) {
    for (const TextToken& t : w.tokens) {
      if (!parts.count(w.norm.text.substr(t.begin, t.end - t.begin))) continue;
      auto [b, e] = w.norm.ToOriginal(t.begin, t.end);
      if (!StartsUpper(std::string_view(*w.text).substr(b, e - b))) continue;  // "rosa", "flores": words
      w.findings.push_back(CueContextName(w.page, b, e, w.norm.text.substr(t.begin, t.end - t.begin),
                                          "name.context.part", "a name of a person this document names in full"));
    }
  }
}

std::vector<std::vector<std::string>> Detector::PeopleFoundInFull(const std::vector<Finding>& findings) const {
  std::vector<std::vector<std::string>> people;
  std::set<std::vector<std::string>> known;
  AddPeopleFoundInFull(findings, rules_->not_names, &people, &known);
  return people;
}

void Detector::DetectFullNamesOfCuedSurnames(std::vector<PageWork>& work) const {
  // One word ("Ms. Camara"), or a compound surname ("Mr. Coto Mejía") of
  // up to three.
  std::vector<std::vector<std::string>> surnames;
  for (const PageWork& w : work) {
    for (const Finding& f : w.findings) {
      if (f.rule != "name.cue.honorific") continue;
      std::vector<std::string> words;
      for (const TextToken& t : TokenizeForNames(f.value)) words.push_back(f.value.substr(t.begin, t.end - t.begin));
      if (!words.empty() && words.size() <= 3 &&
          std::find(surnames.begin(), surnames.end(), words) == surnames.end()) {
        surnames.push_back(std::move(words));
      }
    }
  }
  for (PageWork& w : work) FullNamesOfSurnames(w, surnames);
}

// Whether token k of a page is a word that may be a given name or a
// second surname: capitalized, no digit, three letters or more, neither a
// never-name word, a particle, a title nor a role.
bool Detector::NameWordAt(const PageWork& w, size_t k, size_t min_size) const {
  const TextToken& tok = w.tokens[k];
  const std::string word = w.norm.text.substr(tok.begin, tok.end - tok.begin);
  const auto [b, e] = w.norm.ToOriginal(tok.begin, tok.end);
  return word.size() >= min_size && !rules_->not_names.count(word) && !IsNameParticle(word) && !IsTitleOrRole(word) &&
         StartsUpper(std::string_view(*w.text).substr(b, e - b)) && word.find_first_of("0123456789") == std::string::npos;
}

void Detector::FullNamesOfSurnames(PageWork& w, const std::vector<std::vector<std::string>>& surnames) const {
  if (surnames.empty()) return;
  const std::string& t = w.norm.text;
  auto spaced = [&](size_t a, size_t b) {  // tokens a, b = a + 1 one space apart
    return t.compare(w.tokens[a].end, w.tokens[b].begin - w.tokens[a].end, " ") == 0;
  };
  for (size_t k = 1; k < w.tokens.size(); ++k) {
    for (const std::vector<std::string>& surname : surnames) {
      if (k + surname.size() > w.tokens.size()) continue;
      bool match = true;
      for (size_t s = 0; s < surname.size() && match; ++s) {
        const TextToken& tok = w.tokens[k + s];
        match = tok.joinable && t.compare(tok.begin, tok.end - tok.begin, surname[s]) == 0 && (s == 0 || spaced(k + s - 1, k + s));
      }
      if (!match) continue;
      // The given name before it, past a particle or two ("Óscar Iván de
      // León Barrios" of "Mr. de León Barrios").
      size_t given = k - 1;
      for (int particles = 0; particles < 2 && given > 0 && spaced(given, given + 1) &&
                              IsNameParticle(t.substr(w.tokens[given].begin, w.tokens[given].end - w.tokens[given].begin));
           ++particles) {
        --given;
      }
      const std::string first = t.substr(w.tokens[given].begin, w.tokens[given].end - w.tokens[given].begin);
      if (!w.tokens[given + 1].joinable || !spaced(given, given + 1) || first.size() < 2 || rules_->not_names.count(first) ||
          IsNameParticle(first)) {
        continue;
      }
      // A second surname after a one-word one is theirs too ("Juan Funes
      // Solís" of "Mr. Funes"): a capitalized word just a space away.
      size_t last = k + surname.size() - 1;
      if (surname.size() == 1 && last + 1 < w.tokens.size() && w.tokens[last + 1].joinable && spaced(last, last + 1) &&
          NameWordAt(w, last + 1, 3)) {
        ++last;
      }
      // A second given name before the first ("Fatoumata Binta Camara" of
      // "Ms. Camara"), capitalized, a space away.
      size_t begin = given;
      if (given >= 1 && w.tokens[given].joinable && spaced(given - 1, given) && NameWordAt(w, given - 1, 3)) --begin;
      const auto [b, e] = w.norm.ToOriginal(w.tokens[begin].begin, w.tokens[last].end);
      if (!StartsUpper(std::string_view(*w.text).substr(b, e - b))) continue;
      w.findings.push_back(CueContextName(w.page, b, e, t.substr(w.tokens[begin].begin, w.tokens[last].end - w.tokens[begin].begin),
                                          "name.cue.surname", "a given name before a surname found by a cue in this document"));
    }
  }
}

void Detector::DetectLayout(PageWork* w) const {
  const size_t from = w->findings.size();
  DetectLayoutFindings(*w->page_text, rules_->not_names, rules_->organisations, names(), &w->findings,
                       &w->entities_seen);
  DropOwnMarks(from, w);
}

void Detector::DropOwnMarks(size_t from, PageWork* w) const {
  // What redact itself draws where it removed something — a pseudonym
  // ("Abigail Doe", "Class Member 12"), a placeholder ("[protected]"), a
  // box label ("(b)(6)") — sits in the same cell or field afterwards: it
  // is not a value, or no output would ever verify clean.
  const std::vector<std::string>& labels = own_labels_;
  auto own = [&](const Finding& f) {
    const std::string& v = f.value;
    if (v.size() >= 2 && (v.front() == '[' || v.front() == '(') && (v.back() == ']' || v.back() == ')')) {
      return true;
    }
    // An A-number pseudonym keeps a few digits: "A-XXX-XXX-012".
    const std::string span = NormalizeString(w->text->substr(f.begin, f.end - f.begin));
    if (span.find("xxx") != std::string::npos) return true;
    return std::find(labels.begin(), labels.end(), v) != labels.end() ||
           (f.category == "name" && (IsPseudonymName(v, policy_, own_name_words_) ||
                                     StartsOwnPseudonym(std::string_view(*w->text).substr(f.begin), own_name_words_)));
  };
  w->findings.erase(std::remove_if(w->findings.begin() + static_cast<std::ptrdiff_t>(from),
                                   w->findings.end(), own),
                    w->findings.end());
}

std::vector<int> Detector::EntitiesNamed(const std::vector<Finding>& findings) const {
  std::vector<int> out;
  if (!names_) return out;
  for (const Finding& f : findings) {
    if (f.entity.empty()) continue;
    if (const int e = names_->EntityForId(f.entity); e >= 0) out.push_back(e);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<Finding> Detector::DetectText(const std::string& text, bool as_ocr,
                                          const std::vector<int>& also_mentioned,
                                          const std::vector<std::vector<std::string>>& also_people) const {
  std::vector<PageText> pages(1);
  pages[0].number = 1;
  pages[0].text = text;
  pages[0].text_glyph.assign(text.size(), -1);
  if (as_ocr) {
    // One stand-in OCR glyph behind every byte.
    pages[0].glyphs.emplace_back().ocr = true;
    pages[0].text_glyph.assign(text.size(), 0);
  }
  return DetectDocument(pages, false, also_mentioned, also_people);
}

std::vector<Finding> Detector::DetectPathText(const std::string& text) const {
  std::vector<PageText> pages(1);
  pages[0].number = 1;
  pages[0].text = text;
  pages[0].text_glyph.assign(text.size(), -1);
  return DetectDocument(pages, /*everyone_mentioned=*/true);
}

void ResolveFindings(const PageText& page, std::vector<Finding>* findings) {
  std::vector<Finding>& fs = *findings;
  // Sorted by position, as indices: moving whole findings (a dozen strings
  // each) cost more than the rest of resolution on a dense page. The same
  // sort over indices puts ties in the same order as over the findings.
  std::vector<uint32_t> order(fs.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&fs](uint32_t i, uint32_t j) {
    const Finding& a = fs[i];
    const Finding& b = fs[j];
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return std::tie(a.category, a.rule) < std::tie(b.category, b.rule);
  });
  std::vector<Finding> kept;
  kept.reserve(fs.size());  // (a finding moved is a dozen strings moved)
  for (uint32_t i : order) {
    Finding& f = fs[i];
    if (!kept.empty() && f.begin < kept.back().end) {
      Finding& k = kept.back();
      const size_t k_len = k.end - k.begin, f_len = f.end - f.begin;
      const bool f_wins = f_len > k_len || (f_len == k_len && f.confidence > k.confidence);
      const size_t begin = std::min(k.begin, f.begin), end = std::max(k.end, f.end);
      // An entity carries over only between findings of the very same text:
      // "Kevin Hernández" (a son, by cue) is not his mother just because her
      // surname alone also matched inside it.
      const bool same_span = f.begin == k.begin && f.end == k.end;
      if (f_wins) {
        if (f.entity.empty() && same_span) f.entity = k.entity;
        k = std::move(f);
      } else if (k.entity.empty() && same_span && f.category == k.category) {
        k.entity = f.entity;
      }
      k.begin = begin;
      k.end = end;
      continue;
    }
    kept.push_back(std::move(f));
  }
  // Glyphs: every glyph a covered byte maps to, and the overprinted twins
  // of the words they belong to.
  // A name wrapped round a line number holds it in its span, never in its
  // glyphs: the number is the paper's.
  std::vector<int> word_of_glyph(page.glyph_count(), -1);
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    for (int g : page.words[w].glyphs) word_of_glyph[g] = w;
  }
  std::vector<bool> line_number(page.glyph_count(), false);
  for (int w : page.layout.line_numbers) {
    for (int g : page.words[w].glyphs) line_number[g] = true;
    for (int g : page.words[w].duplicates) line_number[g] = true;
  }
  for (Finding& f : kept) {
    f.glyphs.clear();
    for (size_t i = f.begin; i < f.end && i < page.text_glyph.size(); ++i) {
      const int g = page.text_glyph[i];
      if (g >= 0 && !line_number[g] && (f.glyphs.empty() || f.glyphs.back() != g)) f.glyphs.push_back(g);
    }
    std::vector<int> extra;
    int last_word = -1;
    for (int g : f.glyphs) {
      const int w = word_of_glyph[g];
      if (w >= 0 && w != last_word) {
        extra.insert(extra.end(), page.words[w].duplicates.begin(), page.words[w].duplicates.end());
        last_word = w;
      }
    }
    f.glyphs.insert(f.glyphs.end(), extra.begin(), extra.end());
    std::sort(f.glyphs.begin(), f.glyphs.end());
    f.glyphs.erase(std::unique(f.glyphs.begin(), f.glyphs.end()), f.glyphs.end());
  }
  fs = std::move(kept);
}

}  // namespace redact
