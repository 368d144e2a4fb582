#include "stages/detect/short_forms.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "stages/detect/initials_search.h"

namespace redact {
namespace {

bool IsParticle(std::string_view w) {
  static const char* const kParticles[] = {"de", "del", "la", "las", "los", "da", "das", "do", "dos",
                                           "di", "du", "van", "von", "der", "den", "ter", "y", "e",
                                           "bin", "ibn", "al", "el", "le"};
  return std::any_of(std::begin(kParticles), std::end(kParticles), [&](const char* p) { return w == p; });
}

bool Letters(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '-' || c == '\'';
  });
}

// The letters of a person's initials: one per word.
std::string InitialsOf(const std::vector<std::string>& name) {
  std::string s;
  for (const std::string& w : name) s.push_back(w[0]);
  return s;
}

// A word a sentence opens with, capitalized there, that is no name: a given
// name after it stands alone ("Cuando Baltazar supo", "When Kevin left").
bool IsSentenceOpener(std::string_view word) {
  static const WordSet kOpeners{
      "when", "after", "before", "then", "but", "and", "because", "since", "if", "while", "so", "also", "that",
      "the", "in", "on", "at", "for", "with", "my", "his", "her", "our", "their", "once", "until", "although",
      "cuando", "despues", "antes", "luego", "pero", "y", "porque", "desde", "si", "mientras", "entonces",
      "tambien", "que", "el", "la", "los", "las", "en", "por", "para", "con", "mi", "su", "nuestro", "nuestra",
      "aunque", "hasta", "ademas", "ahi", "alli",
      // A letter's greeting, and a sentence's opening preposition ("Dear
      // Luwam,", "About Kibrom: we cannot …").
      "dear", "hello", "hi", "about", "from", "to", "querido", "querida", "estimado", "estimada", "hola", "sobre"};
  return kOpeners.count(word) > 0;
}

// Whether token `tok` is written with a capital in the original text (or
// a letter beyond ASCII, which has no case test here).
bool Capitalized(const std::string& text, const NormalizedText& norm, const TextToken& tok) {
  const auto [b, e] = norm.ToOriginal(tok.begin, tok.end);
  if (b >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[b]);
  return c >= 0x80 || std::isupper(c);
}

// Whether a single space stands between tokens k - 1 and k of `t`.
bool Spaced(const std::string& t, const std::vector<TextToken>& tokens, size_t k) {
  return t.compare(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end, " ") == 0;
}

}  // namespace

void AddPeopleFoundInFull(const std::vector<Finding>& findings,
                          const WordSet& not_names,
                          std::vector<std::vector<std::string>>* people,
                          std::set<std::vector<std::string>>* known) {
  // A list of thousands: new names are looked up, not searched for.
  for (const Finding& f : findings) {
    if (f.category != "name" || f.channel != kChannelPage) continue;
    // A listed person's match of three words or more may hold a middle name
    // the list lacks ("SAYED NASRATULLAH AZIMI" for Sayed … Azimi).
    const bool listed = f.rule == "names.list" && std::count(f.value.begin(), f.value.end(), ' ') >= 2;
    if (!f.rule.starts_with("name.cue.") && !f.rule.starts_with("layout.") && !listed) continue;
    // "OKAFOR, Chidi" is Chidi Okafor: given names first. A name written
    // again in another script after it, in parentheses ("Ruslan Ilgizovich
    // SABIROV (Сабиров Руслан Ильгизович)"), is left out.
    std::string value = f.value.substr(0, f.value.find(" ("));
    if (const size_t comma = value.find(','); comma != std::string::npos) {
      value = value.substr(comma + 1) + " " + value.substr(0, comma);
    }
    std::vector<std::string> name;
    bool ok = true;
    for (const TextToken& t : TokenizeForNames(value)) {
      std::string w = value.substr(t.begin, t.end - t.begin);
      if (IsParticle(w)) continue;
      if (!Letters(w) || w.size() < 2 || not_names.count(w)) ok = false;
      name.push_back(std::move(w));
    }
    if (!ok || name.size() < 2 || name.size() > 5) continue;
    if (known->insert(name).second) people->push_back(std::move(name));
  }
}

ShortForms::ShortForms(const std::vector<std::vector<std::string>>& people) : people_(people) {
  // A middle name is often left out: "José Ángel Menjívar Zúñiga" signs
  // "J.M.Z." as well as "J.Á.M.Z.".
  for (const auto& name : people_) {
    if (name.size() >= 3) ++initials_[InitialsOf(name)];
    if (name.size() >= 4) ++initials_[InitialsOf({name[0], name[name.size() - 2], name.back()})];
    by_initial_[name[0][0]].push_back(&name);
    if (name[0].size() >= 3 && !IsParticle(name[0])) given_[name[0]].push_back(&name);
  }
  for (const auto& name : people_) {
    for (size_t k = 1; k < name.size(); ++k) {
      if (name[k].size() >= 4 && !IsParticle(name[k]) && !given_.count(name[k])) others_.insert(name[k]);
    }
  }
}

void ShortForms::Find(int page, const std::string& text, const NormalizedText& norm,
                      const std::vector<TextToken>& tokens, std::vector<Finding>* out) const {
  if (people_.empty()) return;
  auto add = [&](size_t b, size_t e, const std::string& value, const char* reason) {
    Finding f;
    f.category = "name";
    f.rule = "name.short";
    f.page = page;
    f.begin = b;
    f.end = e;
    f.value = value;
    f.confidence = 0.8;
    f.basis = "cue";
    f.reason = reason;
    out->push_back(std::move(f));
  };
  // Initials, where no two people found share them.
  static const RE2 kInitials(R"((?:^|[^\p{L}\p{N}.])((?:\p{Lu}\.[ \t]?){3,5}))");
  InitialsSearch search(kInitials, text);
  re2::StringPiece m;
  while (search.Next(&m)) {
    std::string letters;
    for (char c : NormalizeString(std::string_view(m.data(), m.size()))) {
      if (c != '.' && c != ' ' && c != '\t') letters.push_back(c);
    }
    auto it = initials_.find(letters);
    if (it == initials_.end() || it->second > 1) continue;
    size_t b = static_cast<size_t>(m.data() - text.data()), e = b + m.size();
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    add(b, e, letters, "initials of a person named in full in this document");
  }
  // A first initial and the rest of the name: "M. Quintero Ayala".
  const std::string& t = norm.text;
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    const TextToken& first = tokens[k];
    if (first.end - first.begin != 1 || first.end >= t.size() || t[first.end] != '.') continue;
    const auto candidates = by_initial_.find(t[first.begin]);
    if (candidates == by_initial_.end()) continue;
    for (const std::vector<std::string>* person : candidates->second) {
      const std::vector<std::string>& name = *person;
      if (k + name.size() > tokens.size()) continue;
      bool match = true;
      for (size_t n = 1; n < name.size() && match; ++n) {
        const TextToken& tok = tokens[k + n];
        match = tok.joinable && t.compare(tok.begin, tok.end - tok.begin, name[n]) == 0;
      }
      if (!match) continue;
      const TextToken& last = tokens[k + name.size() - 1];
      const auto [b, e] = norm.ToOriginal(first.begin, last.end);
      const unsigned char lead = b < text.size() ? static_cast<unsigned char>(text[b]) : 0;
      if (lead == 0 || (lead < 0x80 && !std::isupper(lead))) continue;  // an initial is a capital
      add(b, e, t.substr(first.begin, last.end - first.begin),
          "a first initial and the rest of a name found in full in this document");
      break;
    }
  }
  FindGivenNames(page, text, norm, tokens, add);
  FindOtherNamesAlone(text, norm, tokens, add);
}

// A middle name or surname alone ("request G-28 for Nasratullah", after
// "Name: SAYED NASRATULLAH AZIMI"; "that Mensah fled"), written with its
// capital, with no capitalized word a space away on either side (part of
// another name, or of this one in full: found as such; "Mr. Mensah" is
// the honorific's).
template <typename Add>
void ShortForms::FindOtherNamesAlone(const std::string& text, const NormalizedText& norm,
                                     const std::vector<TextToken>& tokens, Add& add) const {
  if (others_.empty()) return;
  const std::string& t = norm.text;
  auto word = [&](size_t k) { return std::string_view(t).substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
  auto capitalized = [&](size_t k) { return Capitalized(text, norm, tokens[k]); };
  auto spaced = [&](size_t k) { return Spaced(t, tokens, k); };
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (!others_.count(word(k)) || !capitalized(k)) continue;
    if (k > 0 && spaced(k) && capitalized(k - 1) && !IsSentenceOpener(word(k - 1))) continue;
    if (k + 1 < tokens.size() && spaced(k + 1) && capitalized(k + 1)) continue;
    const auto [b, e] = norm.ToOriginal(tokens[k].begin, tokens[k].end);
    add(b, e, std::string(word(k)), "a middle name or surname of a person named in full in this document");
  }
}

// A given name alone ("Kevin died on April 2", after "my brother Kevin
// Alexander Alvarado Quintanilla"), written with its capital, where no
// capitalized word a space away makes it part of another name ("Kevin
// Smith"), or of this one written in full (found as such).
template <typename Add>
void ShortForms::FindGivenNames(int page, const std::string& text, const NormalizedText& norm,
                                const std::vector<TextToken>& tokens, Add& add) const {
  if (given_.empty()) return;
  (void)page;
  const std::string& t = norm.text;
  auto capitalized = [&](size_t k) { return Capitalized(text, norm, tokens[k]); };
  auto spaced = [&](size_t k) { return Spaced(t, tokens, k); };
  auto is = [&](size_t k, const std::string& word) {
    return t.compare(tokens[k].begin, tokens[k].end - tokens[k].begin, word) == 0;
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    const TextToken& tok = tokens[k];
    const auto people = given_.find(std::string_view(t).substr(tok.begin, tok.end - tok.begin));
    if (people == given_.end() || !capitalized(k)) continue;
    if (k > 0 && spaced(k) && capitalized(k - 1) && !IsSentenceOpener(std::string_view(t).substr(
                                                          tokens[k - 1].begin, tokens[k - 1].end - tokens[k - 1].begin))) {
      continue;
    }
    // The person's next names after it, short of the whole name (found in
    // full as such): "KUZNETSOV, Dmitriy Olegovich" in a page's footer.
    size_t last = k;
    for (const std::vector<std::string>* name : people->second) {
      size_t j = k;
      while (j + 1 < tokens.size() && j + 1 - k + 1 < name->size() && spaced(j + 1) && is(j + 1, (*name)[j + 1 - k])) ++j;
      last = std::max(last, j);
    }
    // Or the given name, a middle name's initial and the surname: "Ruslan
    // I. Sabirov" of Ruslan Ilgizovich Sabirov.
    if (last == k && k + 2 < tokens.size() && spaced(k + 1) && tokens[k + 1].end - tokens[k + 1].begin == 1 &&
        tokens[k + 1].end < t.size() && t[tokens[k + 1].end] == '.') {
      for (const std::vector<std::string>* name : people->second) {
        if (name->size() >= 3 && t[tokens[k + 1].begin] == (*name)[1][0] && tokens[k + 2].joinable &&
            is(k + 2, name->back())) {
          last = k + 2;
        }
      }
    }
    // Or the person's names in turn, each in full or as its initial, one
    // after the given name in full: "Reina E. Mejía B." of Reina Esperanza
    // Mejía Bonilla, signing her declaration.
    if (last == k) {
      for (const std::vector<std::string>* name : people->second) {
        size_t j = k, n = 1;
        bool word = false;
        while (j + 1 < tokens.size() && n < name->size()) {
          const TextToken& next = tokens[j + 1];
          const std::string_view gap = std::string_view(t).substr(tokens[j].end, next.begin - tokens[j].end);
          const bool after_initial = tokens[j].end - tokens[j].begin == 1 && j > k;
          if (gap != " " && !(gap == ". " && after_initial)) break;
          const bool initial = next.end - next.begin == 1 && t[next.begin] == (*name)[n][0] && next.end < t.size() &&
                               t[next.end] == '.';
          if (is(j + 1, (*name)[n])) {
            word = true;
          } else if (!initial) {
            break;
          }
          ++j, ++n;
        }
        if (word && j >= k + 2) last = std::max(last, j);
      }
    }
    // Or the given name and the surname's initial: "Hawa K." of Hawa Kourouma.
    if (last == k && k + 1 < tokens.size() && spaced(k + 1) && tokens[k + 1].end - tokens[k + 1].begin == 1) {
      const char initial = t[tokens[k + 1].begin];
      const bool theirs = std::any_of(people->second.begin(), people->second.end(),
                                      [&](const std::vector<std::string>* name) { return name->back()[0] == initial; });
      const size_t after = tokens[k + 1].end;
      if (theirs && after < t.size() && t[after] == '.') last = k + 1;
    }
    if (last + 1 < tokens.size() && spaced(last + 1) && capitalized(last + 1)) continue;
    const auto [b, e] = norm.ToOriginal(tok.begin, tokens[last].end);
    add(b, e, t.substr(tok.begin, tokens[last].end - tok.begin),
        last == k ? "the given name of a person named in full in this document"
                  : "the given names of a person named in full in this document");
  }
}

}  // namespace redact
