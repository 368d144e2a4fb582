#include "stages/detect/layout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

#include "stages/detect/initials_search.h"
#include "stages/detect/normalize.h"

namespace redact {
namespace {

int CountDigits(std::string_view s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

// Whether `norm` (a cell's or value's normalized text) can be a value of
// `category`; blanks, dashes and "N/A" never are.
bool Plausible(const std::string& category, const std::string& norm,
               const WordSet& not_names,
               const WordSet& organisations) {
  static const char* const kBlank[] = {"n/a", "na", "none", "ninguno", "-", "--", "unknown",
                                       "desconocido", "same", "pending", "tbd"};
  for (const char* b : kBlank) {
    if (norm == b) return category == "credible_fear" && norm == "pending";
  }
  const int digits = CountDigits(norm);
  if (category == "a_number") {
    // 7-9 digits, or 10 from a 0, in one run (spaces, hyphens and dots
    // between): "July 8, 2025, 8:30 a.m." holds eight digits, no number.
    size_t longest = 0, run = 0;
    for (size_t i = 0; i < norm.size(); ++i) {
      const char c = norm[i];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        longest = std::max(longest, ++run);
      } else if (!((c == ' ' || c == '-' || c == '.') && run > 0 && i + 1 < norm.size() &&
                   std::isdigit(static_cast<unsigned char>(norm[i + 1])))) {
        run = 0;
      }
    }
    return longest >= 7 && !NormalizeANumber(norm).empty();
  }
  if (category == "dob") return digits >= 4 || (digits >= 1 && HasLetter(norm));
  if (category == "phone") return digits >= 7;
  if (category == "ssn") return digits == 9;
  if (category == "receipt_number") return digits >= 6;
  if (category == "eoir_or_fbi_label") return digits >= 4;
  if (category == "email") return norm.find('@') != std::string::npos;
  if (category == "name") {
    if (!HasLetter(norm) || digits > 0) return false;
    // A professional named with the title of a public role ("Dr. Helena
    // Marchetti", an expert, in an index of declarants).
    for (const char* title : {"dr. ", "dra. ", "hon. ", "honorable ", "judge ", "prof. ", "professor "}) {
      if (norm.starts_with(title)) return false;
    }
    // A form's question or instruction read into a cell ("parent, or
    // child(ren) assist you in completing this application?", "X Yes (If
    // "Yes," list the name and relationship.)"): no name asks or tells.
    if (norm.find('?') != std::string::npos) return false;
    // A case's status where a client's name would go ("Client: Detained -
    // Bond", a legal-aid tracker's).
    static const std::set<std::string_view> kStatusWords = {
        "detained", "released", "paroled", "pending", "removed", "deported", "transferred", "granted",
        "denied", "closed", "active", "inactive", "represented", "unrepresented", "detenido", "detenida",
        "liberado", "liberada", "deportado", "deportada"};
    if (kStatusWords.count(norm.substr(0, norm.find_first_of(" ,-")))) return false;
    static const std::set<std::string_view> kSentenceWords = {
        "you", "your", "this", "that", "is", "are", "was", "were", "have", "has", "had", "did", "do",
        "does", "will", "would", "should", "if", "list", "please", "not", "yes", "in", "on", "to",
        "for", "from", "with", "the", "usted", "su", "sus", "si", "es", "por", "para", "favor"};
    // A relationship is no name ("Son", "Daughter": a derivatives table
    // read once its names are gone, probe34).
    if (IsKinshipWord(norm)) return false;
    int sentence_words = 0;
    std::string word;
    bool any_name = false;
    for (char c : norm + " ") {
      if (c == ' ' || c == ',') {
        while (!word.empty() && word.back() == '.') word.pop_back();  // "Ms." is "ms"
        sentence_words += kSentenceWords.count(word) ? 1 : 0;
        if (sentence_words >= 2) return false;
        if (organisations.count(word)) return false;
        // (A lone letter is no name: "y" left between two removed names.)
        if (word.size() >= 2 && !not_names.count(word)) any_name = true;
        word.clear();
      } else {
        word.push_back(c);
      }
    }
    return any_name;
  }
  return HasLetter(norm) || digits > 0;
}

// Findings for `words` (a cell or a value): one per line they lie on, so a
// span never runs over another cell's text.
void AddSpans(const PageText& page, const std::vector<int>& words, const std::vector<int>& word_line,
              Finding proto, std::vector<Finding>* out) {
  std::map<int, std::pair<size_t, size_t>> by_line;
  // A number's words end with its last digits: "A203-556-918 IN REMOVAL
  // PROCEEDINGS" beside "File No.:" is the number and the caption's words.
  std::map<int, int> last_digits;  // line → its last word holding a digit
  static const std::set<std::string, std::less<>> kDigitValues = {"a_number", "ssn", "receipt_number", "eoir_or_fbi_label"};
  if (kDigitValues.count(proto.category)) {
    for (int w : words) {
      if (CountDigits(page.words[w].text) > 0) {
        auto [it, fresh] = last_digits.try_emplace(word_line[w], w);
        if (!fresh && page.words[w].text_end > page.words[it->second].text_end) it->second = w;
      }
    }
  }
  for (int w : words) {
    if (auto it = last_digits.find(word_line[w]); it != last_digits.end() &&
                                                  page.words[w].text_begin > page.words[it->second].text_begin) {
      continue;
    }
    auto [it, fresh] = by_line.try_emplace(word_line[w], page.words[w].text_begin, page.words[w].text_end);
    if (!fresh) {
      it->second.first = std::min<size_t>(it->second.first, page.words[w].text_begin);
      it->second.second = std::max<size_t>(it->second.second, page.words[w].text_end);
    }
  }
  // A value of a number's kind whole on one of the lines is only there:
  // a caption's box "File No.: A 221-048-367" / "Immigration Judge: …" /
  // "Next Hearing: …" lost its other lines (probe31). A number wrapped over
  // two lines is whole on none, and keeps both.
  static const std::set<std::string, std::less<>> kNumbers = {"a_number", "ssn", "receipt_number", "email", "eoir_or_fbi_label"};
  bool whole_on_a_line = false;
  if (kNumbers.count(proto.category) && by_line.size() > 1) {
    for (const auto& [line, span] : by_line) {
      const std::string norm = NormalizeString(std::string_view(page.text).substr(span.first, span.second - span.first));
      whole_on_a_line = whole_on_a_line || Plausible(proto.category, norm, {}, {});
    }
  }
  for (const auto& [line, span] : by_line) {
    if (span.first >= span.second) continue;
    if (whole_on_a_line &&
        !Plausible(proto.category, NormalizeString(std::string_view(page.text).substr(span.first, span.second - span.first)), {}, {})) {
      continue;
    }
    Finding f = proto;
    f.begin = span.first;
    f.end = span.second;
    f.value = NormalizeString(std::string_view(page.text).substr(f.begin, f.end - f.begin));
    if (f.category == "a_number") {
      const std::string a = NormalizeANumber(f.value);
      if (!a.empty()) f.value = a;
    }
    out->push_back(std::move(f));
  }
}

// A finding typed by layout: basis "column" (rule layout.column.<category>)
// or "label" (layout.field.<category>); spans and values come later.
Finding Typed(const PageText& page, const std::string& category, const std::string& basis,
              std::string reason) {
  Finding f;
  f.category = category;
  f.rule = (basis == "column" ? "layout.column." : "layout.field.") + category;
  f.page = page.number;
  f.confidence = 0.85;
  f.basis = basis;
  f.reason = std::move(reason);
  return f;
}

std::string WordsText(const PageText& page, const std::vector<int>& words) {
  std::string s;
  for (int w : words) s += (s.empty() ? "" : " ") + page.words[w].text;
  return NormalizeString(s);
}

}  // namespace

bool IsKinshipWord(std::string_view normalized) {
  static const std::set<std::string, std::less<>> kKin = {
      "wife", "husband", "spouse", "son", "daughter", "mother", "father", "brother", "sister", "cousin", "uncle",
      "aunt", "nephew", "niece", "esposa", "esposo", "hijo", "hija", "madre", "padre", "hermano", "hermana",
      "primo", "prima", "partner", "friend", "fiance", "fiancee", "pareja", "amiga", "amigo"};
  return kKin.count(normalized) > 0;
}

std::string CategoryOfLabelKey(const std::string& key) {
  static const char* const kProtected[] = {"name", "a_number", "dob", "credible_fear",
                                           "receipt_number", "phone", "address", "email",
                                           "ssn"};
  for (const char* k : kProtected) {
    if (key == k) return key;
  }
  if (key == "agency_number") return "eoir_or_fbi_label";  // as the rule after such labels
  if (key == "birthplace") return "address";
  return "";
}

// Whether word `b` is read right after word `a`: next on its line, or
// first on the next line when `a` ends its own. (A cell's words after a
// removal need not be: "Sister" / "in" / "Houston;" once the name between
// them is gone.)
bool ReadsNext(const PageText& page, const std::vector<int>& word_line, int a, int b) {
  const int la = word_line[static_cast<size_t>(a)], lb = word_line[static_cast<size_t>(b)];
  if (la < 0 || lb < 0) return false;
  const std::vector<int>& line_a = page.lines[static_cast<size_t>(la)].words;
  const auto at = std::find(line_a.begin(), line_a.end(), a);
  if (la == lb) return at != line_a.end() && at + 1 != line_a.end() && *(at + 1) == b;
  const std::vector<int>& line_b = page.lines[static_cast<size_t>(lb)].words;
  return lb == la + 1 && at != line_a.end() && at + 1 == line_a.end() && !line_b.empty() && line_b.front() == b;
}

// A cell of notes that opens with a relative and their name ("Wife
// Mirlande Lafortune and son Wesley …", "Mother Aissatou Bah: +224 …"): the
// capitalized words after the kinship word, up to four, are a name. (The
// cell's line runs on from the cell before it, so the cue for a kinship
// word at a line's start does not see it.)
void RelativeOpeningCell(const PageText& page, const std::vector<int>& words, const WordSet& not_names,
                         const WordSet& organisations, const std::vector<int>& word_line,
                         std::vector<Finding>* out) {
  if (words.size() < 2 || !IsKinshipWord(NormalizeString(page.words[static_cast<size_t>(words[0])].text))) return;
  std::vector<int> name;
  for (size_t k = 1; k < words.size() && name.size() < 4; ++k) {
    if (!ReadsNext(page, word_line, words[k - 1], words[k])) break;
    std::string t = page.words[static_cast<size_t>(words[k])].text;
    const bool last = t.ends_with(":") || t.ends_with(",") || t.ends_with(";") || t.ends_with(".");
    while (!t.empty() && (t.back() == ':' || t.back() == ',' || t.back() == ';' || t.back() == '.')) t.pop_back();
    const unsigned char c = t.empty() ? 0 : static_cast<unsigned char>(t[0]);
    if (!(std::isupper(c) || c >= 0x80) || CountDigits(t) > 0 || not_names.count(NormalizeString(t))) break;
    name.push_back(words[k]);
    if (last) break;
  }
  if (name.empty() || !Plausible("name", WordsText(page, name), not_names, organisations)) return;
  Finding f = Typed(page, "name", "column", "a relative named at the start of a table's cell of notes");
  f.rule = "name.cue.cell.relative";  // a cue: found again elsewhere, not read off the text after removal
  f.basis = "cue";
  const size_t first = out->size();
  AddSpans(page, name, word_line, std::move(f), out);
  for (size_t k = first; k < out->size(); ++k) {  // not the punctuation after the name
    Finding& n = (*out)[k];
    while (n.end > n.begin && std::string_view(":,;.").find(page.text[n.end - 1]) != std::string_view::npos) --n.end;
    n.value = NormalizeString(std::string_view(page.text).substr(n.begin, n.end - n.begin));
  }
}

// A paired label and value ("COB / POB: Haiti / Jacmel"): the part of
// `value` in the place the label's place-of-birth part stands. Unchanged
// when the two do not pair up (false).
bool PairedPart(const PageText& page, const std::vector<int>& label_words, std::vector<int>* value) {
  std::vector<std::string> label_parts(1);
  for (int w : label_words) {
    for (char c : NormalizeString(page.words[static_cast<size_t>(w)].text)) {
      if (c == '/') {
        label_parts.emplace_back();
      } else {
        label_parts.back() += c;
      }
    }
    label_parts.back() += ' ';
  }
  if (label_parts.size() < 2) return false;
  std::vector<std::vector<int>> value_parts(1);
  for (int w : *value) {
    if (page.words[static_cast<size_t>(w)].text == "/") {
      value_parts.emplace_back();
    } else {
      value_parts.back().push_back(w);
    }
  }
  if (value_parts.size() != label_parts.size()) return false;
  for (size_t k = 0; k < label_parts.size(); ++k) {
    const std::string& part = label_parts[k];
    if (part.find("pob") != std::string::npos || part.find("place") != std::string::npos ||
        part.find("lugar") != std::string::npos) {
      *value = value_parts[k];
      return true;
    }
  }
  return false;
}

// The rows of `t` another cell of which calls the row's person a relative
// ("Family" under "Visitor Type", "Wife" under "Relationship"): a
// visitation log's family visitors are people of the detainee's; its
// attorneys, in the same "Visitor Name" column, are not.
std::set<int> RelativesRows(const PageText& page, const Table& t) {
  std::set<int> rows;
  for (const TableCell& cell : t.cells) {
    if (cell.row < t.header_rows || cell.words.empty() || cell.words.size() > 2) continue;
    const std::string n = NormalizeString(WordsText(page, cell.words));
    static const std::set<std::string, std::less<>> kFamily = {
        "family", "family member", "relative", "familia", "familiar", "pariente", "next of kin"};
    if (kFamily.count(n) || IsKinshipWord(n)) rows.insert(cell.row);
  }
  return rows;
}

// Whether column `c` of `t` is headed as the name of someone ("Visitor
// Name", "Nombre del visitante") without being a protected name column.
bool NamesSomeone(const Table& t, size_t c) {
  if (c >= t.headers.size()) return false;
  const std::string h = " " + NormalizeString(t.headers[c]) + " ";
  return h.find(" name ") != std::string::npos || h.find(" nombre ") != std::string::npos;
}

void DetectLayoutFindings(const PageText& page, const WordSet& not_names,
                          const WordSet& organisations, const NamesIndex* names,
                          std::vector<Finding>* out,
                          std::vector<int>* entities_seen) {
  const PageLayout& layout = page.layout;
  if (layout.tables.empty() && layout.fields.empty()) return;
  std::vector<int> word_line(page.words.size(), -1);
  for (int l = 0; l < static_cast<int>(page.lines.size()); ++l) {
    for (int w : page.lines[l].words) word_line[w] = l;
  }
  const size_t first = out->size();
  for (const Table& t : layout.tables) {
    const std::set<int> relatives = RelativesRows(page, t);
    for (const TableCell& cell : t.cells) {
      if (cell.row < t.header_rows || cell.column >= static_cast<int>(t.header_keys.size())) continue;
      // A box drawn across three columns or more is the table's note, not
      // a cell of its first ("Interpreters:" | "Spanish – Rosa E.
      // Villafañe; …" under a court calendar, probe33).
      const size_t c = static_cast<size_t>(cell.column);
      if (t.ruled && c + 2 < t.column_right.size() && cell.box.x1 > t.column_right[c + 2] + 1) continue;
      const std::string category = CategoryOfLabelKey(t.header_keys[cell.column]);
      std::vector<int> words = cell.words;
      // A row's number a name's column took with it ("14 NAZARI, Shabnam").
      if (category == "name" && words.size() >= 2) {
        const std::string& first = page.words[static_cast<size_t>(words.front())].text;
        if (first.size() <= 3 && std::all_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          words.erase(words.begin());
        }
      }
      if (category.empty() && relatives.count(cell.row) && NamesSomeone(t, c) &&
          Plausible("name", WordsText(page, words), not_names, organisations)) {
        AddSpans(page, words, word_line, Typed(page, "name", "column", "a relative's name: the row calls them family"),
                 out);
        continue;
      }
      if (category.empty()) {
        RelativeOpeningCell(page, words, not_names, organisations, word_line, out);
        continue;
      }
      if (!Plausible(category, WordsText(page, words), not_names, organisations)) continue;
      AddSpans(page, words, word_line,
               Typed(page, category, "column",
                     "a cell in a table column headed as " + category +
                         (t.header_inherited ? " (header on an earlier page)" : "")),
               out);
    }
  }
  for (const LabeledField& field : layout.fields) {
    const std::string category = CategoryOfLabelKey(field.key);
    if (category.empty()) continue;
    std::vector<int> value = field.value_words;
    // The rest of a label a removal cut in two ("Derivative (I-589 Part
    // A.III): Santiago José" read without "I-589": label "Derivative (",
    // value from "Part"): the value starts after the colon.
    for (size_t k = 0; k < std::min<size_t>(value.size(), 3); ++k) {
      if (page.words[static_cast<size_t>(value[k])].text.ends_with(':')) {
        value.erase(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(k) + 1);
        break;
      }
    }
    // A name written with its particulars ("Santiago José Rondón,
    // A219-447-091, DOB 2011-02-17"): the name is the words before them.
    if (category == "name") {
      const auto digits = std::find_if(value.begin(), value.end(), [&](int w) {
        return CountDigits(page.words[static_cast<size_t>(w)].text) > 0;
      });
      if (digits != value.begin() + std::min<std::ptrdiff_t>(1, std::ssize(value))) value.erase(digits, value.end());
    }
    // A town of birth, not the country after it; a country alone is no one's.
    if (field.key == "birthplace") {
      const bool paired = PairedPart(page, field.label_words, &value);
      // An answer's mark and preposition ("A. In Tocoa, in the department
      // of Colón").
      for (const char* const lead : {"a.", "a:", "in", "en"}) {
        if (!value.empty() && NormalizeString(page.words[static_cast<size_t>(value.front())].text) == lead) {
          value.erase(value.begin());
        }
      }
      auto comma = std::find_if(value.rbegin(), value.rend(),
                                [&](int w) { return page.words[static_cast<size_t>(w)].text.ends_with(','); });
      if (comma != value.rend() || !paired) {
        value.erase(comma == value.rend() ? value.begin() : comma.base(), value.end());
      }
    }
    // A fear finding's outcome is a few words ("Negative CF – IJ review
    // requested"); a line of prose under a memo's "DECISION" heading is
    // the memo's sentence, no value.
    if (category == "credible_fear") {
      std::map<int, int> per_line;
      for (int w : value) ++per_line[word_line[static_cast<size_t>(w)]];
      if (std::any_of(per_line.begin(), per_line.end(), [](const auto& l) { return l.second > 10; })) continue;
    }
    // Letters in comb boxes spell one word ("B R I C E Ñ O").
    std::string text = WordsText(page, value);
    if (field.comb) std::erase(text, ' ');
    if (value.empty() || !Plausible(category, text, not_names, organisations)) continue;
    // An agency's number, not the country beside it ("F2381746 HONDURAS").
    if (category == "eoir_or_fbi_label") {
      std::erase_if(value, [&](int w) { return CountDigits(page.words[static_cast<size_t>(w)].text) == 0; });
    }
    Finding proto = Typed(page, category, "label",
                          "the value of a form label for " + category +
                              (field.below ? " (below the label)" : " (beside the label)"));
    if (field.key == "birthplace") proto.rule = "layout.field.birthplace";
    AddSpans(page, value, word_line, std::move(proto), out);
  }
  if (!names) return;
  for (size_t i = first; i < out->size(); ++i) {
    Finding& f = (*out)[i];
    if (f.category != "a_number") continue;
    const int entity = names->EntityForANumber(f.value);
    if (entity < 0) continue;
    f.entity = names->entities()[entity].id;
    entities_seen->push_back(entity);
  }
}

namespace {

// Whether the name at [begin, …) is the subject of a certificate ("the
// declaration of X", "applicant X") rather than its certifier.
bool NamedAsSubject(const PageText& page, size_t begin) {
  const size_t from = begin > 48 ? begin - 48 : 0;
  std::string before = NormalizeString(std::string_view(page.text).substr(from, begin - from));
  while (!before.empty() && (before.back() == ' ' || before.back() == '\n' || before.back() == ',')) {
    before.pop_back();
  }
  static const char* const kSubject[] = {"declaration of", "declaracion de", "affidavit of",
                                         "statement of", "testimony of", "letter of",
                                         "carta de", "applicant", "solicitante", "respondent",
                                         "petitioner", "plaintiff", "declarant", "declarante",
                                         "matter of", "matter of:", "in re", "in re:", "en el asunto de",
                                         "en el asunto de:", "re:"};
  return std::any_of(std::begin(kSubject), std::end(kSubject),
                     [&](const char* s) { return before.ends_with(s); });
}

// Whether a finding of the credible-fear process is the words of a
// notation ("credible fear determination", "Form I-589"), not a date.
bool NotationWords(const Finding& f) {
  return f.category == "credible_fear" && f.basis == "rule" && !f.rule.ends_with(".date");
}

// The box of the word holding text offset `at`, if any.
std::optional<Rect> WordBoxAt(const PageText& page, size_t at) {
  for (const Word& w : page.words) {
    if (w.text_begin <= at && at < w.text_end) return w.box.ToRect();
  }
  return std::nullopt;
}

// Whether an A-number found on the page stands on the name's line (beside
// it, whatever the reading order): the name is that noncitizen's, never a
// certifier's ("Respondent: BRICEÑO CARRASQUEL, YUSMARY  A# 245-703-168"
// in a certificate of service).
// `numbers`: the boxes of the page's A-numbers' first words.
bool BesideANumber(const PageText& page, const std::vector<Rect>& numbers, const Finding& name) {
  const std::optional<Rect> box = WordBoxAt(page, name.begin);
  if (!box) return false;
  return std::any_of(numbers.begin(), numbers.end(), [&](const Rect& number) {
    const double middle = (number.y0 + number.y1) / 2;
    return middle >= box->y0 && middle <= box->y1 && number.x0 > box->x0;
  });
}

// Whether a contact in a certificate of service is the protected party's
// own: its line, before it, says it was served on the respondent (or
// applicant, petitioner, detainee, client) rather than on counsel
// ("served by mail to: respondent at 3318 W. 59th Place, …", an EOIR
// notice's certificate, probe29).
bool ServedOnTheParty(std::string_view text, size_t begin) {
  if (begin > text.size()) return false;
  const size_t newline = begin == 0 ? std::string_view::npos : text.rfind('\n', begin - 1);
  const size_t from = newline == std::string_view::npos ? 0 : newline + 1;
  static const RE2 kParty(
      R"((?i)\b(?:respondent|applicant|petitioner|detainee|client|alien|noncitizen|demandado|solicitante|peticionari[oa]|detenid[oa])(?:'s)?[ \t]*(?:at|en|,|:)?[ \t]*$)");
  if (RE2::PartialMatch(text.substr(from, begin - from), kParty)) return true;
  // Or the entry it belongs to opens with the party, up to three lines
  // above with no blank line between ("Respondent, pro se (via
  // first-class mail):" / name / street / city / "Tel. …", a DHS
  // motion's certificate).
  static const RE2 kEntry(
      R"((?i)^[ \t]*(?:the[ \t]+)?(?:respondent|applicant|petitioner|detainee|noncitizen|alien|client|demandado|solicitante|peticionari[oa]|detenid[oa])\b[^\n]*$)");
  size_t line_start = from;
  for (int up = 0; up < 4 && line_start > 0; ++up) {
    const size_t above = line_start - 1 == 0 ? std::string_view::npos : text.rfind('\n', line_start - 2);
    const size_t above_from = above == std::string_view::npos ? 0 : above + 1;
    const std::string_view line = text.substr(above_from, line_start - 1 - above_from);
    if (line.find_first_not_of(" \t") == std::string_view::npos) break;  // a blank line ends the entry
    if (RE2::FullMatch(line, kEntry)) return true;
    line_start = above_from;
  }
  return false;
}

bool Dropped(const PageText& page, const RoleBlock& role, const Finding& f, bool names_a_person) {
  const std::string& c = f.category;
  const bool contact = c == "phone" || c == "email" || c == "address";
  switch (role.role) {
    case BlockRole::kCounsel:
    case BlockRole::kJudge:
    case BlockRole::kLetterhead:
      return contact || c == "name";
    case BlockRole::kCertificate:
      return (contact && !ServedOnTheParty(page.text, f.begin)) || (c == "name" && !NamedAsSubject(page, f.begin));
    // An agency's office: its address and phone, not the people named
    // beside it (a letter's "Re:" line may share the block).
    case BlockRole::kOffice:
      return contact;
    // A statute or regulation quoted in general terms ("records pertaining
    // to any credible fear determination") speaks of no one: its words are
    // the law's, not a notation on this person's record. A quotation that
    // names a person (a decision quoted from the record) keeps them found.
    case BlockRole::kQuotation:
      return NotationWords(f) && !names_a_person;
    default:
      return false;
  }
}

// Whether findings name a person (a name, an A-number, a date of birth)
// inside [begin, end).
bool NamesAPerson(const std::vector<Finding>& findings, size_t begin, size_t end) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.channel == kChannelPage && f.begin >= begin && f.end <= end &&
           (f.category == "name" || f.category == "a_number" || f.category == "dob");
  });
}

// Whether the words of `line` from `i` open a parenthesis that gives a
// credential: a bar number, "pro hac vice", "admitted in …" — not a cc
// list's "(sponsor)".
bool CredentialInParentheses(const PageText& page, const Line& line, size_t i) {
  if (!page.words[static_cast<size_t>(line.words[i])].text.starts_with("(")) return false;
  std::string rest;
  for (size_t k = i; k < line.words.size(); ++k) rest += " " + NormalizeString(page.words[static_cast<size_t>(line.words[k])].text);
  static const char* const kMarks[] = {"bar", "sbn", "pro hac", "admitted", "esq", "license", "0", "1", "2", "3",
                                       "4", "5", "6", "7", "8", "9"};
  return std::any_of(std::begin(kMarks), std::end(kMarks),
                     [&](const char* m) { return rest.find(m) != std::string::npos; });
}

// A counsel line's name without what follows it: a parenthesis ("Dana
// Whitfield (AZ Bar No. 031842)", "(pro hac vice)") or a credential after
// a comma ("Dana Whitfield, Esq.", ", Bar No. 1234", ", SBN 298811").
Line WithoutCredentials(const PageText& page, const Line& line) {
  static const std::set<std::string> kCredentials = {"esq", "esq.", "esquire", "bar", "sbn", "state", "pro",
                                                     "attorney", "counsel", "wsba", "osb", "d.c."};
  Line cut = line;
  for (size_t i = 0; i < cut.words.size(); ++i) {
    const std::string& w = page.words[static_cast<size_t>(cut.words[i])].text;
    const bool after_comma =
        i > 0 && page.words[static_cast<size_t>(cut.words[i - 1])].text.ends_with(",");
    if (i >= 2 && (CredentialInParentheses(page, cut, i) || (after_comma && kCredentials.count(NormalizeString(w))))) {
      cut.words.resize(i);
      break;
    }
  }
  return cut;
}

// The people a counsel's or judge's block names on lines of their own
// ("/s/ Dana Ruiz", "Hon. Dana Ruiz", "DANA RUIZ"), normalized: public
// wherever a cue finds them in the document ("Declaration of Dana Ruiz").
void NamesOnTheirOwnLines(const PageText& page, const RoleBlock& role, std::vector<std::string>* people) {
  if (role.block < 0 || role.block >= static_cast<int>(page.blocks.size())) return;
  for (int l : page.blocks[static_cast<size_t>(role.block)].lines) {
    // A role may hold only the block's last lines (a signature under a
    // paragraph): the lines before it are not its.
    const Line& line = page.lines[static_cast<size_t>(l)];
    if (!line.words.empty() && (page.words[static_cast<size_t>(line.words.front())].text_begin < role.text_begin ||
                                page.words[static_cast<size_t>(line.words.front())].text_begin >= role.text_end)) {
      continue;
    }
    const std::vector<std::string> words = NameLineWords(page, WithoutCredentials(page, line));
    if (words.empty()) continue;
    std::string joined;
    for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
    std::string norm = NormalizeString(joined);
    while (!norm.empty() && (norm.back() == ',' || norm.back() == '.')) norm.pop_back();
    // Once each: a long filing signs every page.
    if (std::find(people->begin(), people->end(), norm) == people->end()) people->push_back(norm);
  }
}

// A listed name's initials: one letter per word ("Maria Guadalupe
// Hernández-Núñez": "mgh"), and per part of a hyphenated surname too
// ("mghn"; "" when that is the same). "Last, First" is read as First Last.
std::pair<std::string, std::string> InitialsOf(std::string_view listed) {
  std::string display(listed);
  if (const size_t comma = display.find(','); comma != std::string::npos) {
    display = display.substr(comma + 1) + " " + display.substr(0, comma);
  }
  std::string spaced, hyphened;
  bool start = true, start_h = true;
  for (char c : NormalizeString(display) + " ") {
    if (c == ' ') {
      start = start_h = true;
    } else if (c == '-') {
      start_h = true;
    } else {
      if (start) spaced.push_back(c);
      if (start_h) hyphened.push_back(c);
      start = start_h = false;
    }
  }
  if (hyphened == spaced) hyphened.clear();
  return {spaced, hyphened};
}

// A contact in a form's value for a public office or a facility ("Asylum
// Office" | "…, 75 Hawthorne Street, San Francisco"): the office's; a
// name or contact in a value for a preparer's or interpreter's
// particulars ("Teléfono del intérprete"): theirs.
bool InPublicField(const PageText& page, const Finding& f) {
  const bool contact = f.category == "phone" || f.category == "email" || f.category == "address";
  if (!contact && f.category != "name") return false;
  for (const LabeledField& field : page.layout.fields) {
    // A preparer's or interpreter's particulars, names too; an office's
    // or facility's contacts.
    const bool holds = field.key == "public" || (contact && (field.key == "office" || field.key == "facility"));
    if (!holds || field.value_words.empty()) continue;
    size_t begin = page.text.size(), end = 0;
    for (int w : field.value_words) {
      begin = std::min<size_t>(begin, page.words[static_cast<size_t>(w)].text_begin);
      end = std::max<size_t>(end, page.words[static_cast<size_t>(w)].text_end);
    }
    if (f.begin >= begin && f.end <= end) return true;
  }
  return false;
}

// Whether the finding's words lie in the role's block's box, though not in
// its text: a letterhead set side by side reads as two blocks, its e-mail
// line one of its own inside the letterhead's box.
bool InRoleBox(const PageText& page, const RoleBlock& role, const Finding& f) {
  if (role.block < 0 || static_cast<size_t>(role.block) >= page.blocks.size()) return false;
  const Rect& box = page.blocks[static_cast<size_t>(role.block)].box;
  bool any = false;
  for (const Word& w : page.words) {
    if (w.text_end <= f.begin || w.text_begin >= f.end) continue;
    const double cx = (w.box.x0 + w.box.x1) / 2, cy = (w.box.y0 + w.box.y1) / 2;
    if (cx < box.x0 || cx > box.x1 || cy < box.y0 || cy > box.y1) return false;
    any = true;
  }
  return any;
}

// Whether an e-mail address is at the domain of an e-mail a public role
// kept ("mc.desrosiers@tcrls.org" in a letter's prose, "intake@tcrls.org"
// in its letterhead): the office's, not a client's. Never for the
// domains of free mail services, where anyone has an address.
// Whether `domain` is a free mail service's, where anyone has an address.
bool FreeMailDomain(std::string_view domain) {
  static const char* const kFreeMail[] = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com",
                                          "icloud.com", "aol.com", "proton.me", "protonmail.com", "gmx.com",
                                          "msn.com", "me.com", "mail.com", "yandex.com", "hotmail.es", "yahoo.es"};
  return std::any_of(std::begin(kFreeMail), std::end(kFreeMail), [&](const char* free) { return domain == free; });
}

bool AtPublicDomain(const std::vector<std::string>& public_people, const std::string& email) {
  const size_t at = email.rfind('@');
  if (at == std::string::npos || at + 1 >= email.size()) return false;
  const std::string_view domain = std::string_view(email).substr(at + 1);
  if (FreeMailDomain(domain)) return false;
  for (const std::string& p : public_people) {
    if (p.starts_with("email:") && p.size() > domain.size() && p.ends_with(domain) &&
        p[p.size() - domain.size() - 1] == '@') {
      return true;
    }
  }
  return false;
}

// Whether an e-mail address's own part names a public person by surname
// ("rlindqvist@…" of counsel Rebecca J. Lindqvist, who signs the letter;
// "jadeyemicole@…" of Jonathan Adeyemi-Cole): counsel's address, not a
// client's. Surnames of four letters or more, letters alone compared.
bool NamesAPublicPerson(const std::vector<std::string>& public_people, const std::string& email) {
  const size_t at = email.find('@');
  if (at == std::string::npos) return false;
  auto letters = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) out.push_back(c);
    }
    return out;
  };
  const std::string local = letters(NormalizeString(std::string_view(email).substr(0, at)));
  for (const std::string& p : public_people) {
    if (p.find(':') != std::string::npos) continue;  // a contact, not a person
    const size_t space = p.rfind(' ');
    if (space == std::string::npos) continue;
    const std::string surname = letters(std::string_view(p).substr(space + 1));
    if (surname.size() >= 4 && local.find(surname) != std::string::npos) return true;
  }
  return false;
}

// A contact no private person has: an e-mail at a U.S. government domain
// (".gov", ".mil": an official's, "priya.raman-holt@ice.dhs.gov" in an
// e-mail's header), a toll-free number (an agency's or a company's line:
// 800, 833, 844, 855, 866, 877, 888).
bool InstitutionalContact(const Finding& f) {
  if (f.category == "email") {
    const std::string v = NormalizeString(f.value);
    return v.ends_with(".gov") || v.ends_with(".mil");
  }
  if (f.category != "phone") return false;
  std::string digits;
  for (char c : f.value) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() == 11 && digits[0] == '1') digits.erase(0, 1);
  if (digits.size() != 10 || digits[0] != '8' || digits[1] != digits[2]) return false;
  return digits[1] == '0' || (digits[1] >= '3' && digits[1] <= '8');
}

}  // namespace

std::vector<std::string> NameLineWords(const PageText& page, const Line& line) {
  std::vector<std::string> words;
  for (int w : line.words) words.push_back(page.words[static_cast<size_t>(w)].text);
  while (!words.empty() && (words.front() == "/s/" || NormalizeString(words.front()) == "hon." ||
                            NormalizeString(words.front()) == "honorable")) {
    words.erase(words.begin());
  }
  if (words.size() < 2 || words.size() > 5) return {};
  const bool name_like = std::all_of(words.begin(), words.end(), [](const std::string& w) {
    const unsigned char c = static_cast<unsigned char>(w[0]);
    return (std::isupper(c) || c >= 0x80) &&
           std::none_of(w.begin(), w.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
  });
  return name_like ? words : std::vector<std::string>{};
}

void KeepPublicRoles(const PageText& page, std::vector<Finding>* findings,
                     std::vector<std::string>* public_people) {
  if (page.layout.roles.empty() && page.layout.fields.empty()) return;
  for (const RoleBlock& role : page.layout.roles) {
    if (role.role == BlockRole::kCounsel || role.role == BlockRole::kJudge) {
      NamesOnTheirOwnLines(page, role, public_people);
    }
  }
  std::vector<bool> names_a_person;
  for (const RoleBlock& role : page.layout.roles) {
    names_a_person.push_back(role.role == BlockRole::kQuotation &&
                             NamesAPerson(*findings, role.text_begin, role.text_end));
  }
  std::vector<Rect> a_numbers;
  for (const Finding& f : *findings) {
    if (f.category != "a_number" || f.channel != kChannelPage) continue;
    if (std::optional<Rect> box = WordBoxAt(page, f.begin)) a_numbers.push_back(*box);
  }
  std::erase_if(*findings, [&](const Finding& f) {
    if (f.rule.starts_with("names.list") || f.channel != kChannelPage) return false;
    // A person a cue found elsewhere as a relative or a party is not made
    // public by sharing a block with counsel (a letter's cc list: "Joanna
    // Kestrel, Esq." above "Nadège Saint-Fleur Joseph (sponsor)").
    if (f.rule == "name.cue.repeat") return false;
    // Roles may nest (a quotation inside a paragraph's block): any role
    // that keeps the item public decides.
    bool dropped = InPublicField(page, f);
    for (size_t r = 0; r < page.layout.roles.size() && !dropped; ++r) {
      const RoleBlock& role = page.layout.roles[r];
      const bool inside = (f.begin >= role.text_begin && f.end <= role.text_end) ||
                          (role.role == BlockRole::kLetterhead && f.category != "name" && InRoleBox(page, role, f));
      dropped = inside && Dropped(page, role, f, names_a_person[r]);
      if (dropped && role.role == BlockRole::kCertificate && f.category == "name") {
        dropped = !BesideANumber(page, a_numbers, f);
      }
    }
    if (!dropped) return false;
    if (f.category == "name" && f.value.find(' ') != std::string::npos) {
      public_people->push_back(f.value);
    } else if (f.category == "phone" || f.category == "email" || f.category == "address") {
      public_people->push_back(f.category + ":" + f.value);  // counsel's phone
    }
    return true;
  });
}

void AddCaseTitleInitials(std::string_view text, std::set<std::string>* initials) {
  // "L.G.M., et al. v. U.S. Department…", "D.A.K. v. Garland", "L.G.M.,
  // et al.," alone on a caption's line.
  // "Plaintiff D.A.K." is a named plaintiff's pseudonym too.
  static const RE2 kTitle(
      R"(((?:\p{Lu}\.[ \t]?){2,5}),?[ \t]+(?:et[ \t]+al\.|v\.|vs\.)|(?:Plaintiffs?|Petitioners?|PLAINTIFFS?|PETITIONERS?)[ \t]+((?:\p{Lu}\.[ \t]?){2,5}))");
  re2::StringPiece rest(text.data(), text.size()), title, party;
  while (RE2::FindAndConsume(&rest, kTitle, &title, &party)) {
    const re2::StringPiece m = title.empty() ? party : title;
    std::string letters;
    for (char c : std::string_view(m.data(), m.size())) {
      if (c != '.' && c != ' ' && c != '\t') letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    initials->insert(std::move(letters));
  }
}

void KeepCaseTitleInitials(const std::set<std::string>& initials, std::string_view text,
                           std::vector<Finding>* findings) {
  if (initials.empty()) return;
  std::erase_if(*findings, [&](const Finding& f) {
    if (f.category != "name" || f.channel != kChannelPage || f.end > text.size()) return false;
    if (f.rule.starts_with("names.list") && f.rule != "names.list.initials") return false;
    // The whole run of initials the finding lies in ("G.M" of "L.G.M.").
    auto initial_char = [&](size_t i) {
      const char c = text[i];
      return c == '.' || std::isupper(static_cast<unsigned char>(c));
    };
    size_t begin = f.begin, end = f.end;
    while (begin > 0 && initial_char(begin - 1)) --begin;
    while (end < text.size() && initial_char(end)) ++end;
    std::string letters;
    for (char c : text.substr(begin, end - begin)) {
      if (c == '.' || c == ' ' || c == '\t') continue;
      if (!std::isupper(static_cast<unsigned char>(c))) return false;  // initials only, never a name
      letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return letters.size() >= 2 && initials.count(letters) > 0;
  });
}

namespace {

bool Blank(char c) { return c == ' ' || c == '\t'; }

// "CF+ = positive credible fear determination", "RFI pending = reasonable
// fear interview scheduled": the notation is the term a key defines (an
// "=" after it, past at most one more word of the term).
bool DefinedTerm(std::string_view text, const Finding& f) {
  size_t i = f.end;
  for (int words = 0; words < 2; ++words) {
    while (i < text.size() && (Blank(text[i]) || text[i] == '\n')) ++i;
    if (i < text.size() && text[i] == '=') return true;
    if (words == 1) break;
    const size_t from = i;
    while (i < text.size() && (std::isupper(static_cast<unsigned char>(text[i])) || text[i] == '+' || text[i] == '-')) ++i;
    if (i == from || i - from > 6) return false;
  }
  return false;
}

// "CFI = credible fear interview", "CF+ = positive credible fear
// determination by USCIS", "IJ vacated NCF = an Immigration Judge vacated
// …": the notation is the meaning a key gives a short term ("=" before
// it on its line, past at most three small words; the term before the
// "=" four words at most since the key's last separator).
bool DefinitionOfTerm(std::string_view text, const Finding& f) {
  size_t i = f.begin;
  for (int words = 0; words <= 3; ++words) {
    while (i > 0 && Blank(text[i - 1])) --i;
    if (i > 0 && text[i - 1] == '=') break;
    if (words == 3) return false;
    const size_t to = i;
    while (i > 0 && std::islower(static_cast<unsigned char>(text[i - 1]))) --i;
    if (i == to) return false;
  }
  if (i == 0) return false;
  --i;  // the "="
  // The term: back to the key's last separator; on the line before when
  // the "=" opens its line.
  size_t to = i;
  while (to > 0 && Blank(text[to - 1])) --to;
  if (to > 0 && text[to - 1] == '\n') --to;
  size_t from = to;
  while (from > 0 && text[from - 1] != ';' && text[from - 1] != ':' && text[from - 1] != '\n' && text[from - 1] != '.') {
    --from;
  }
  const std::string_view term = text.substr(from, to - from);
  if (term.size() > 30) return false;
  int words = 0, capitals = 0;
  bool in_word = false;
  for (char c : term) {
    capitals += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
    if (!Blank(c) && !in_word) ++words;
    in_word = !Blank(c);
  }
  return words >= 1 && words <= 4 && capitals >= 2;
}

// "Totals: 26 class members; 9 CF+, 7 NCF, 5 RFI pending": a notation
// counted in a list of totals speaks of no one's case (a number right
// before it, opening a list item; a list's separator or the line's end
// after it).
bool CountedInTotals(std::string_view text, const Finding& f) {
  size_t i = f.begin;
  while (i > 0 && Blank(text[i - 1])) --i;
  const size_t digits_end = i;
  while (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) --i;
  if (i == digits_end || digits_end - i > 4 || i == f.begin) return false;
  size_t before = i;
  while (before > 0 && Blank(text[before - 1])) --before;
  const bool opens_item = before == 0 || std::string_view(",;:(\n").find(text[before - 1]) != std::string_view::npos ||
                          (before >= 4 && text.substr(before - 4, 4) == " and");
  if (!opens_item || before == i) return false;
  size_t after = f.end;
  while (after < text.size() && Blank(text[after])) ++after;
  // The rest of the item's term in capitals ("5 IJ vacated NCF,").
  size_t caps = after;
  while (caps < text.size() && std::isupper(static_cast<unsigned char>(text[caps]))) ++caps;
  if (caps > after && caps - after <= 6) after = caps;
  return after >= text.size() || std::string_view(",;.)\n").find(text[after]) != std::string_view::npos ||
         text.substr(after, 4) == "and ";
}

// "Form M-444, Information About Credible Fear Interview": the notation is
// part of a form's title (capitalized words after "Form <number>,"), unless
// the form is someone's ("Her Form I-589, Application for Asylum").
bool InFormTitle(std::string_view text, const Finding& f) {
  const size_t from = f.begin > 80 ? f.begin - 80 : 0;
  static const RE2 kTitle(
      R"((?:^|[^A-Za-z])((?i:her|his|my|their|your|our|su|sus|mi|mis|filed|submitted|lodged|completed|signed)\s+)?[Ff]orm\s+[A-Z]{1,3}-?\d+[A-Z]?,?\s+(?:(?:[A-Z][A-Za-z/-]*|of|and|for|the|on|to|about)\s+)*$)");
  std::string someones;
  return std::isupper(static_cast<unsigned char>(text[f.begin])) &&
         RE2::PartialMatch(text.substr(from, f.begin - from), kTitle, &someones) && someones.empty();
}

// "acknowledged receipt of Form M-444, Information About Credible Fear
// Interview": a form's number named with its title is the form, not a
// notation on anyone's record; unless someone's it is ("Her Form I-589,
// Application for Asylum", "filed Form I-589, …").
bool NamedWithItsTitle(std::string_view text, const Finding& f) {
  const std::string_view found = text.substr(f.begin, f.end - f.begin);
  if (std::none_of(found.begin(), found.end(), [](unsigned char c) { return std::isdigit(c); })) return false;
  static const RE2 kTitle(R"(^,\s+[A-Z][a-z]+)");
  static const RE2 kSomeones(
      R"((?i)\b(?:her|his|my|their|your|our|su|sus|mi|mis|filed|submitted|presented|presento|present[oó]|lodged|completed|signed)\s+(?:form\s+)?$)");
  const size_t from = f.begin > 30 ? f.begin - 30 : 0;
  return RE2::PartialMatch(text.substr(f.end), kTitle) && !RE2::PartialMatch(text.substr(from, f.begin - from), kSomeones);
}

}  // namespace

void KeepLegendDefinitions(std::string_view text, std::vector<Finding>* findings) {
  std::erase_if(*findings, [&](const Finding& f) {
    if (!NotationWords(f) || f.channel != kChannelPage || f.begin >= text.size() || f.end > text.size()) return false;
    return DefinedTerm(text, f) || DefinitionOfTerm(text, f) || CountedInTotals(text, f) || InFormTitle(text, f) ||
           NamedWithItsTitle(text, f);
  });
}

namespace {

// The last word of `text` before `end`, lower case, its trailing
// separators (spaces, commas, dashes, middle dots, a line's number on
// pleading paper) skipped; "" past more than one line break that holds
// anything but a line number. *start: where the word begins.
std::string WordBefore(std::string_view text, size_t end, size_t* start = nullptr) {
  size_t i = end;
  int breaks = 0;
  while (i > 0) {
    const unsigned char c = static_cast<unsigned char>(text[i - 1]);
    if (c == '\n') {
      if (++breaks > 4) return "";  // blank lines and line numbers between
      --i;
    } else if (c == ' ' || c == '\t' || c == ',' || c == '-' || c == ':' || c == '|' || c >= 0x80) {
      --i;  // (UTF-8 separators: "·", "–")
    } else if (std::isdigit(c)) {
      // A pleading line number alone at a line's start ("\n 4   525 West").
      size_t j = i;
      while (j > 0 && std::isdigit(static_cast<unsigned char>(text[j - 1]))) --j;
      size_t k = j;
      while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
      if (k > 0 && text[k - 1] != '\n') return "";
      i = k;
    } else {
      break;
    }
  }
  size_t j = i;
  while (j > 0 && (std::isalpha(static_cast<unsigned char>(text[j - 1])) || text[j - 1] == '.')) --j;
  std::string word(text.substr(j, i - j));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (start) *start = j;
  // The same line must not say that someone lives there.
  const size_t line = text.rfind('\n', j == 0 ? 0 : j - 1);
  const std::string before = NormalizeString(text.substr(line == std::string_view::npos ? 0 : line + 1, j - (line == std::string_view::npos ? 0 : line + 1)));
  for (const char* lives : {"live", "resid", "home", "vive", "domicilio", "staying", "stays"}) {
    if (before.find(lives) != std::string::npos) return "";
  }
  return word;
}

}  // namespace

// Whether the address at `begin` is a Spanish-named institution's, whose
// name opens with its kind ("Centro Legal para Inmigrantes del Valle" on
// the line above, a letterhead's; "el Tribunal de Inmigración de
// Harlingen, ubicado en …"), and no one is said to live there.
namespace {

bool AfterSpanishInstitution(std::string_view text, size_t begin) {
  // From the start of the line above (a blank line between allowed).
  size_t from = std::min(begin, text.size());
  for (int newlines = 0; from > 0; --from) {
    if (text[from - 1] == '\n' && ++newlines == 3) break;
  }
  const std::string before = NormalizeString(text.substr(from, begin - from));
  static const RE2 kLetterhead(R"((?:^|\n)[ \t]*(?:centro|tribunal|corte|oficina|clinica|proyecto)[ \t]+(?:de|del|legal|para)\b[^.;:\n]*\n+[ \t]*$)");
  static const RE2 kLocated(R"(\b(?:centro|tribunal|corte|oficina|clinica|proyecto)[ \t]+(?:de|del|legal|para)\b[^.;]*(?:ubicad[oa]|situad[oa])[ \t]+en\s*$)");
  if (!RE2::PartialMatch(before, kLetterhead) && !RE2::PartialMatch(before, kLocated)) return false;
  for (const char* lives : {"vive", "vivo", "vivimos", "viven", "reside", "domicilio", "live", "resid", "home"}) {
    if (before.find(lives) != std::string::npos) return false;
  }
  return true;
}

}  // namespace

namespace {

// The phones and e-mail addresses that follow an institution's address on
// its line (`ends`: where each such address ends), set off only by
// separators or their own labels, and those on a line that opens with the
// office's own label ("Office: 2900 Fourth Street NE, … | (555) 201-3300 |
// intake@…", a legal-aid tracker's letterhead line): the institution's.
void KeepContactsAfter(std::string_view text, const std::vector<size_t>& ends, std::vector<Finding>* findings,
                       std::vector<std::string>* public_contacts) {
  std::vector<size_t> contacts;  // indices into *findings, by place
  for (size_t i = 0; i < findings->size(); ++i) {
    const Finding& f = (*findings)[i];
    if ((f.category == "phone" || f.category == "email") && f.channel == kChannelPage && f.end <= text.size()) {
      contacts.push_back(i);
    }
  }
  if (contacts.empty()) return;
  std::sort(contacts.begin(), contacts.end(),
            [&](size_t a, size_t b) { return (*findings)[a].begin < (*findings)[b].begin; });
  std::vector<bool> kept(findings->size(), false);
  static const RE2 kOfficeLine(R"((?i)^[ \t]*(?:office|main office|oficina|clinic|cl[ií]nica|headquarters)[ \t]*:)");
  for (size_t c : contacts) {
    const size_t begin = (*findings)[c].begin;
    const size_t line = begin == 0 ? std::string_view::npos : text.rfind('\n', begin - 1);
    const size_t from = line == std::string_view::npos ? 0 : line + 1;
    kept[c] = RE2::PartialMatch(text.substr(from, begin - from), kOfficeLine);
  }
  // (A letterhead sets its phones on the line under its address.)
  // (And the office's own word for its line: "• Clinic tel. (956) …".)
  // The web site on an institution's address line names its domain: its
  // e-mail addresses are the office's ("www.riobravoajn.org" over
  // "info@riobravoajn.org" in the newsletter's text).
  static const RE2 kSite(R"((?i)\bwww\.([a-z0-9-]+(?:\.[a-z0-9-]+)+))");
  for (size_t end : ends) {
    const size_t line_end = std::min(text.find('\n', end), text.size());
    re2::StringPiece rest(text.data() + end, line_end - end);
    std::string domain;
    while (RE2::FindAndConsume(&rest, kSite, &domain)) {
      if (!FreeMailDomain(NormalizeString(domain))) public_contacts->push_back("email:@" + NormalizeString(domain));
    }
  }
  static const RE2 kBetween(
      R"((?i)(?:[ \t|,;/·•.-]|\n|tel\.?|phone|fax|e-?mail|t:|f:|e:|:|clinic|office|main|intake|reception|front[ \t]+desk|line|desk|hotline|facility|visitation|legal)*)");
  // The rest of the address the street pattern stopped short of ("4100
  // Ranch Road 1111, Sierra Blanca, TX 79851"): up to its state and ZIP.
  static const RE2 kAddressTail(R"((?i)[^\n|·•@]{0,60}?\b[a-z]{2}[ \t]+\d{5}(?:-\d{4})?)");
  for (size_t end : ends) {
    for (size_t c : contacts) {
      const Finding& f = (*findings)[c];
      if (f.begin < end) continue;
      std::string_view between = text.substr(end, f.begin - end);
      re2::StringPiece tail(between.data(), between.size());
      if (RE2::Consume(&tail, kAddressTail)) between = std::string_view(tail.data(), tail.size());
      if (between.size() > 32 || !RE2::FullMatch(between, kBetween) ||
          std::count(between.begin(), between.end(), '\n') > 1) {
        break;
      }
      kept[c] = true;
      end = f.end;
    }
  }
  std::vector<Finding> rest;
  rest.reserve(findings->size());
  for (size_t i = 0; i < findings->size(); ++i) {
    Finding& f = (*findings)[i];
    // The institution's line is its line wherever the document repeats it
    // ("Please direct any questions to me at (612) 555-0120").
    if (kept[i]) public_contacts->push_back(f.category + ":" + f.value);
    if (!kept[i]) rest.push_back(std::move(f));
  }
  findings->swap(rest);
}

}  // namespace

// Whether one of the two lines (not blank) above the line where `begin` starts is an
// institution's name alone (its last word one of `kinds`, no sentence's
// period after it): a masthead's "Rio Bravo Asylum Justice Network" /
// "SPRING 2025 NEWSLETTER | Volume 9, Issue 1" over its address line.
bool UnderAnInstitutionsName(std::string_view text, size_t begin, const std::set<std::string, std::less<>>& kinds) {
  size_t line_start = begin == 0 ? 0 : text.rfind('\n', begin - 1);
  if (line_start == std::string_view::npos || begin == 0) return false;
  // The address opens its line.
  for (size_t i = line_start + 1; i < begin; ++i) {
    if (text[i] != ' ' && text[i] != '\t') return false;
  }
  for (int up = 0, seen = 0; up < 4 && seen < 2 && line_start > 0; ++up) {
    const size_t above = text.rfind('\n', line_start - 1);
    const size_t from = above == std::string_view::npos ? 0 : above + 1;
    std::string_view line = text.substr(from, line_start - from);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    seen += line.empty() ? 0 : 1;  // (blank lines between blocks do not count)
    const size_t space = line.find_last_of(" \t");
    const std::string last = NormalizeString(space == std::string_view::npos ? line : line.substr(space + 1));
    if (!line.empty() && kinds.count(last)) return true;
    // A masthead's name set off from the rest of its line ("Gulf Coast
    // Immigrant Justice Project — Asylum Intake Tracker (export)";
    // "MONTGOMERY PROCESSING CENTER — LEGAL & FAMILY VISITATION LOG").
    for (std::string_view separator : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " \xC2\xB7 ", " | "}) {
      const size_t at = line.find(separator);
      if (at == std::string_view::npos || at == 0) continue;
      const std::string_view head = line.substr(0, at);
      const size_t cut = head.find_last_of(" \t");
      if (kinds.count(NormalizeString(cut == std::string_view::npos ? head : head.substr(cut + 1)))) return true;
    }
    if (above == std::string_view::npos) break;
    line_start = above;
  }
  return false;
}

// Whether the line before `begin` is an office's name that opens its line
// ("Department of Hospital Medicine · 4400 Ridgeview Parkway", a
// hospital's header; "Office of Equity: 14201 School Lane", a school
// district's footer), set off by a separator.
bool AfterAnOfficesName(std::string_view text, size_t begin) {
  if (begin == 0 || begin > text.size()) return false;
  const size_t line = text.rfind('\n', begin - 1);
  const size_t from = line == std::string_view::npos ? 0 : line + 1;
  std::string_view name = text.substr(from, begin - from);
  const size_t length = name.size();
  while (!name.empty() && (std::strchr(" \t,:;|-", name.back()) || static_cast<unsigned char>(name.back()) >= 0x80)) {
    name.remove_suffix(1);  // (UTF-8 separators: "·", "—")
  }
  // (Or opens a sentence on it: "… in its programs. Office of Equity:".)
  for (const char* stop : {". ", "; "}) {
    if (const size_t at = name.rfind(stop); at != std::string_view::npos) name.remove_prefix(at + 2);
  }
  if (name.empty() || name.size() == length || name.size() > 60) return false;
  static const RE2 kOffice(
      R"((?i)[ \t]*(?:the[ \t]+)?(?:department|office|division|bureau|unit|section|ministry)[ \t]+of[ \t]+[^\d\n@]+)");
  return RE2::FullMatch(re2::StringPiece(name.data(), name.size()), kOffice);
}

void KeepInstitutionAddresses(std::string_view text, std::vector<Finding>* findings,
                              std::vector<std::string>* public_contacts) {
  static const std::set<std::string, std::less<>> kInstitutions = {
      "center", "centre", "court", "courthouse", "office", "offices", "project", "clinic", "facility", "llp", "pllc",
      "p.c.", "university", "department", "agency", "building", "complex", "collaborative", "coalition", "network",
      // A legal-aid organisation's name ends its kind: "Central Valley Sikh
      // Legal Defense, 2150 Tulare Street" (counsel's, in a cc line).
      "defense", "defence", "services", "society", "association", "foundation", "alliance", "partners", "initiative",
      "program", "programme",
      // DHS's and counsel's offices in a cc line: "Office of the Principal
      // Legal Advisor, 1717 Zoy St.", "…, Esquire, 1120 E. Harrison Ave.".
      "advisor", "counsel", "esq", "esq.", "esquire", "firm", "law", "group",
      // A jail's or hospital's own address ("Detained at: Sherburne County
      // Jail" over "13880 Business Center Drive NW, …", probe29).
      "jail", "prison", "penitentiary", "hospital", "shelter", "institution",
      // A school's letterhead and an office's unit ("Riverdale Hills
      // Elementary School"; "Houston Asylum Office — Credible Fear Unit ·
      // 16630 Imperial Valley Drive", probe32).
      "school", "schools", "academy", "college", "unit", "division", "bureau", "section",
      // A rights group's name in a fax's footer ("Texas Civil Rights
      // Advocates, 1500 McGowen St").
      "advocates", "advocacy"};
  std::vector<size_t> kept_ends;  // where each institution's address ends
  std::erase_if(*findings, [&](const Finding& f) {
    if (f.category == "phone" && f.basis == "rule" && f.channel == kChannelPage && f.begin <= text.size()) {
      // A phone right after an institution's name on its line ("(Palomar
      // Ridge Endocrine Clinic, (619) 555-2310)", a discharge summary).
      size_t start = 0;
      const std::string word = WordBefore(text, f.begin, &start);
      // (Care's and schooling's places; an office's contact for a class
      // is the evaluation's identifier, as its e-mail is.)
      static const std::set<std::string, std::less<>> kPlaces = {
          "clinic", "hospital", "center", "centre", "school", "academy", "college", "university", "unit", "department", "fund"};
      const bool kept = kPlaces.count(word) > 0 && start < f.begin && std::isupper(static_cast<unsigned char>(text[start])) &&
                        text.substr(start, f.begin - start).find('\n') == std::string_view::npos;
      if (kept) public_contacts->push_back(f.category + ":" + f.value);
      return kept;
    }
    if (f.category != "address" || f.basis != "rule" || f.channel != kChannelPage || f.begin > text.size()) return false;
    size_t start = 0;
    std::string word = WordBefore(text, f.begin, &start);
    // A label naming whose address it is ("Facility Address", an ICE
    // locator printout's; "Court address:").
    if (word == "address" || word == "addresses" || word == "direccion") word = WordBefore(text, start);
    const bool institution = kInstitutions.count(word) > 0 || AfterSpanishInstitution(text, f.begin) ||
                             UnderAnInstitutionsName(text, f.begin, kInstitutions) || AfterAnOfficesName(text, f.begin);
    if (institution) kept_ends.push_back(f.end);
    return institution;
  });
  KeepContactsAfter(text, kept_ends, findings, public_contacts);
}

void CoverMisreadSurnames(const PageText& page, std::vector<Finding>* findings) {
  std::vector<Finding> added;
  for (const Finding& f : *findings) {
    if (f.category != "name" || f.channel != kChannelPage || (f.rule != "name.short" && f.rule != "names.list.partial")) {
      continue;
    }
    // The name's own words, and the word after them.
    double width = 0;
    size_t chars = 0;
    const Word* last = nullptr;
    const Word* next = nullptr;
    for (const Word& w : page.words) {
      if (w.text_begin >= f.begin && w.text_end <= f.end) {
        width += w.box.x1 - w.box.x0, chars += w.text.size(), last = &w;
      } else if (w.text_begin >= f.end && (next == nullptr || w.text_begin < next->text_begin)) {
        next = &w;
      }
    }
    if (last == nullptr || next == nullptr || chars == 0 || next->glyphs.empty() || next->text.empty()) continue;
    // (A long document's text pages let their glyphs go: they hold no OCR.)
    const bool ocr = std::all_of(next->glyphs.begin(), next->glyphs.end(), [&](int g) {
      return static_cast<size_t>(g) < page.glyphs.size() && page.glyphs[static_cast<size_t>(g)].ocr;
    });
    const double height = last->box.y1 - last->box.y0;
    const double gap = next->box.x0 - last->box.x1;
    const bool same_line = std::fabs((last->box.y0 + last->box.y1) / 2 - (next->box.y0 + next->box.y1) / 2) <= height &&
                           gap >= 0 && gap <= 1.5 * height;
    if (!ocr || !same_line) continue;
    // Set at twice the width a letter of the name takes, or read with low
    // confidence: not the word it reads as.
    const double per_char = width / static_cast<double>(chars);
    const double next_per_char = (next->box.x1 - next->box.x0) / static_cast<double>(next->text.size());
    float confidence = 100;
    for (int g : next->glyphs) confidence = std::min(confidence, page.glyphs[static_cast<size_t>(g)].confidence);
    if (next_per_char < 2 * per_char && confidence >= 40) continue;
    Finding cover = f;
    cover.begin = next->text_begin, cover.end = next->text_end;
    cover.glyphs.assign(next->glyphs.begin(), next->glyphs.end());
    cover.value = NormalizeString(next->text);
    cover.rule = "name.ocr.misread_surname";
    cover.basis = "cue";
    cover.reason = "a word OCR could not read after a person's given names, on their line";
    added.push_back(std::move(cover));
  }
  for (Finding& f : added) findings->push_back(std::move(f));
}

void KeepTableHeaders(const PageText& page, std::vector<Finding>* findings) {
  for (const Table& t : page.layout.tables) {
    for (const TableCell& cell : t.cells) {
      if (cell.row >= t.header_rows || cell.words.empty()) continue;
      size_t begin = page.text.size(), end = 0;
      for (int w : cell.words) {
        begin = std::min<size_t>(begin, page.words[static_cast<size_t>(w)].text_begin);
        end = std::max<size_t>(end, page.words[static_cast<size_t>(w)].text_end);
      }
      for (Finding& f : *findings) {
        if (f.channel != kChannelPage || f.end <= begin || f.begin >= end) continue;
        // A header is no notation ("IJ review" over the review outcomes); a
        // listed person's name is theirs wherever it stands.
        if (f.begin >= begin && f.end <= end && !f.rule.starts_with("names.")) {
          f.end = f.begin;  // (dropped below)
          continue;
        }
        if (f.begin >= begin && f.end > end) {  // "A#" header, then the first row's number
          f.begin = end;
          while (f.begin < f.end && (page.text[f.begin] == ' ' || page.text[f.begin] == '\n')) ++f.begin;
        } else if (f.begin < begin && f.end <= end) {
          f.end = begin;
          while (f.end > f.begin && (page.text[f.end - 1] == ' ' || page.text[f.end - 1] == '\n')) --f.end;
        }
      }
    }
  }
  std::erase_if(*findings, [](const Finding& f) { return f.channel == kChannelPage && f.end <= f.begin; });
}

void KeepPublicPeople(const std::vector<std::string>& public_people,
                      std::vector<Finding>* findings) {
  std::erase_if(*findings, [&](const Finding& f) {
    if (InstitutionalContact(f)) return true;
    if ((f.category == "phone" || f.category == "email" || f.category == "address") &&
        std::find(public_people.begin(), public_people.end(), f.category + ":" + f.value) !=
            public_people.end()) {
      return true;  // a contact detail public in one place is public everywhere
    }
    if (f.category == "email" && (AtPublicDomain(public_people, f.value) || NamesAPublicPerson(public_people, f.value))) {
      return true;
    }
    if (f.category != "name") return false;
    // A column's cell that is exactly a public person (counsel's own
    // declaration in an index of declarants).
    if (f.rule == "layout.column.name") return std::find(public_people.begin(), public_people.end(), f.value) != public_people.end();
    if (!(f.rule.starts_with("name.cue") || f.rule == "name.short")) return false;
    // A public person named with their title ("PROFESSOR ELENA V.
    // MARCHETTI" in a declaration's title, of the expert who declares).
    std::string_view untitled = f.value;
    for (std::string_view title : {"professor ", "prof. ", "dr. ", "dr ", "dra. ", "judge ", "hon. ", "honorable "}) {
      if (untitled.starts_with(title)) untitled.remove_prefix(title.size());
    }
    for (const std::string& p : public_people) {
      if (f.value == p || (untitled.size() < f.value.size() && untitled == p)) return true;
      const size_t space = p.rfind(' ');
      if (f.value.find(' ') == std::string::npos && p.compare(space + 1, std::string::npos, f.value) == 0) {
        return true;
      }
      // A public person's given name alone ("Joanna" of counsel Joanna Kestrel).
      if (f.rule == "name.short" && space != std::string::npos && p.compare(0, p.find(' '), f.value) == 0) return true;
    }
    return false;
  });
}

// Whether the text before `at`, back to the last semicolon or blank line
// on its line or the one above, is an entry for counsel: a service list's or a
// caption's "Jonathan K. Ashby (D.C. Bar No. 1004821), Capital Area Asylum
// Defense Project, 1200 18th Street N.W., …, (202) 331-4480", "Requester's
// counsel: Sarah J. Whitcombe, Esq. (Texas Bar No. …), …".
bool CounselsEntry(std::string_view text, size_t at) {
  if (at > text.size()) return false;
  // The contact's line and the one above it: an entry wraps once or twice,
  // and a signature block further up is another's ("Staff Attorney" over
  // a thread's next message from a client).
  size_t from = 0;
  for (int lines = 0, i = static_cast<int>(at) - 1; i >= 0; --i) {
    if (text[static_cast<size_t>(i)] == '\n' && ++lines == 2) {
      from = static_cast<size_t>(i) + 1;
      break;
    }
  }
  from = std::max(from, at > 300 ? at - 300 : size_t{0});
  const size_t semicolon = text.rfind(';', at == 0 ? 0 : at - 1);
  if (semicolon != std::string_view::npos && semicolon >= from) from = semicolon + 1;
  const size_t blank = text.rfind("\n\n", at);
  if (blank != std::string_view::npos && blank >= from) from = blank + 2;
  static const RE2 kCounsel(
      R"((?i)\bbar\s+(?:no\b|number|#)|\besq\b|\besquire\b|\b(?:counsel|attorneys?)\s+(?:for|of\s+record)\b|\b(?:trial|staff|supervising|senior|managing)\s+attorney\b|\w'?s\s+counsel\s*:)");
  return RE2::PartialMatch(text.substr(from, at - from), kCounsel);
}

void KeepContactsOfPublicPeople(std::string_view text, const std::vector<std::string>& public_people,
                                std::vector<Finding>* findings) {
  std::erase_if(*findings, [&](const Finding& f) {
    if ((f.category != "phone" && f.category != "email") || f.channel != kChannelPage || f.begin > text.size()) {
      return false;
    }
    const size_t newline = f.begin == 0 ? std::string_view::npos : text.rfind('\n', f.begin - 1);
    const size_t from = newline == std::string_view::npos ? 0 : newline + 1;
    std::string_view before = text.substr(from, f.begin - from);
    // What sets the contact off from the name before it.
    size_t cut = before.size();
    while (cut > 0 && std::string_view(" \t,;:|(-").find(before[cut - 1]) != std::string_view::npos) --cut;
    const std::string tail = NormalizeString(before.substr(0, cut));
    for (std::string_view label : {"tel.", "tel", "phone", "telephone", "fax", "email", "e-mail", "at"}) {
      if (tail.ends_with(" " + std::string(label))) {
        cut -= label.size();
        while (cut > 0 && std::string_view(" \t,;:|(-").find(before[cut - 1]) != std::string_view::npos) --cut;
        break;
      }
    }
    if (CounselsEntry(text, f.begin)) return true;
    if (before.size() - cut > 12) return false;
    const std::string named = NormalizeString(before.substr(0, cut));
    return std::any_of(public_people.begin(), public_people.end(), [&](const std::string& p) {
      if (p.find(':') != std::string::npos || p.find(' ') == std::string::npos) return false;
      return named.ends_with(p) && (named.size() == p.size() || named[named.size() - p.size() - 1] == ' ');
    });
  });
}

void DetectListedInitials(const PageText& page, const NamesIndex& names,
                          const std::vector<int>& entities, std::vector<Finding>* findings,
                          ListedInitialsCache* cache) {
  if (entities.empty()) return;
  // The page's initials first: most pages hold none, and forming every
  // listed person's initials costs more than reading the page (a common
  // name names hundreds of people in a large list).
  // (Not \b: an accented capital is no word character to RE2, "É.A.R.".)
  static const RE2 kInitials(R"((?:^|[^\p{L}\p{N}.])((?:\p{Lu}\.[ \t]?){2,4}))");
  struct Candidate {
    size_t begin, end;
    std::string letters;
  };
  std::vector<Candidate> candidates;
  InitialsSearch search(kInitials, page.text);
  re2::StringPiece m;
  while (search.Next(&m)) {
    Candidate c{static_cast<size_t>(m.data() - page.text.data()), 0, {}};
    c.end = c.begin + m.size();
    for (char ch : NormalizeString(std::string_view(m.data(), m.size()))) {
      if (ch != '.' && ch != ' ' && ch != '\t') c.letters.push_back(ch);
    }
    candidates.push_back(std::move(c));
  }
  if (candidates.empty()) return;
  // Initials of the listed people named here, in their usual forms: one
  // letter per word, or per part of a hyphenated surname too (formed once
  // per document: a common name names hundreds of people in a large list).
  // Initials two people share are no one's.
  std::vector<int> unique = entities;
  if (!std::is_sorted(unique.begin(), unique.end())) std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  std::vector<int> people(candidates.size(), 0);
  std::vector<std::string_view> owner(candidates.size());
  for (int index : unique) {
    auto [it, fresh] = cache->forms.try_emplace(index);
    if (fresh) it->second = InitialsOf(names.entities()[static_cast<size_t>(index)].display);
    const auto& [spaced, hyphened] = it->second;
    for (size_t k = 0; k < candidates.size(); ++k) {
      const std::string& letters = candidates[k].letters;
      if ((spaced.size() >= 2 && letters == spaced) || (hyphened.size() >= 2 && letters == hyphened)) {
        if (++people[k] == 1) owner[k] = names.entities()[static_cast<size_t>(index)].id;
      }
    }
  }
  for (size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& c = candidates[k];
    if (people[k] != 1) continue;
    Finding f;
    f.category = "name";
    f.rule = "names.list.initials";
    f.page = page.number;
    f.begin = c.begin;
    f.end = c.end;
    while (f.end > f.begin && (page.text[f.end - 1] == ' ' || page.text[f.end - 1] == '\t')) --f.end;
    f.value = c.letters;
    f.entity = std::string(owner[k]);
    f.confidence = 0.8;
    f.basis = "list";
    f.reason = "initials of a listed person named in full on this page";
    findings->push_back(std::move(f));
  }
}

namespace {

// The spans of the page text the line-number words take, each with the
// space or line break after it; sorted.
std::vector<std::pair<size_t, size_t>> LineNumberSpans(const PageText& page) {
  std::vector<std::pair<size_t, size_t>> spans;
  for (int w : page.layout.line_numbers) {
    const Word& word = page.words[static_cast<size_t>(w)];
    if (word.text_begin >= word.text_end || word.text_end > page.text.size()) continue;
    size_t end = word.text_end;
    if (end < page.text.size() && (page.text[end] == ' ' || page.text[end] == '\n')) ++end;
    spans.emplace_back(word.text_begin, end);
  }
  std::sort(spans.begin(), spans.end());
  return spans;
}

}  // namespace

NormalizedText MatchingText(const PageText& page) {
  NormalizedText n = NormalizeForMatching(page.text);
  DropOriginalSpans(LineNumberSpans(page), &n);
  return n;
}

std::string TextWithoutLineNumbers(const PageText& page, size_t begin, size_t end) {
  end = std::min(end, page.text.size());
  std::string out;
  size_t at = begin;
  for (const auto& [b, e] : LineNumberSpans(page)) {
    if (e <= at || b >= end) continue;
    if (b > at) out.append(page.text, at, b - at);
    at = std::max(at, e);
  }
  if (at < end) out.append(page.text, at, end - at);
  return out;
}

}  // namespace redact
