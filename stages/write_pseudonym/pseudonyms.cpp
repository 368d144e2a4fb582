#include "stages/write_pseudonym/pseudonyms.h"

#include <cctype>
#include <cstdio>

#include "stages/detect/normalize.h"

namespace redact {
namespace {

constexpr const char* kDoeGiven[] = {
    "Abigail", "Beatriz", "Carmen", "Dolores", "Elena",  "Fatima", "Gloria", "Helena", "Irene",
    "Julia",   "Karina",  "Lucia",  "Marta",   "Nadia",  "Olga",   "Paula",  "Rosa",   "Sara",
    "Teresa",  "Valeria", "Adrian", "Bruno",   "Carlos", "Diego",  "Emilio", "Felipe", "Gabriel",
    "Hector",  "Ivan",    "Jorge",  "Kevin",   "Luis",   "Mateo",  "Nicolas", "Oscar", "Pablo",
    "Rafael",  "Samuel",  "Tomas",  "Victor"};

std::string InitialsOf(const std::string& normalized_name) {
  std::string out;
  bool start = true;
  for (char c : normalized_name) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      if (start) {
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out += '.';
      }
      start = false;
    } else {
      start = c == ' ' || c == '-' || c == ',';
    }
  }
  return out.empty() ? "X." : out;
}

}  // namespace

Pseudonymizer::Pseudonymizer(PseudonymStyle style, const NamesIndex* names,
                             const KeyedHasher* hasher)
    : style_(std::move(style)), names_(names), hasher_(hasher) {
  // Only the initials style needs every listed person's initials (to tell
  // apart two who share them): the others look rows up in the index, so a
  // 100,000-row list costs nothing here.
  if (!names_ || style_.name != "initials") return;
  std::map<std::string, int> initials_count;
  for (size_t i = 0; i < names_->entities().size(); ++i) {
    const NameEntity e = names_->entities()[i];
    const std::string id(e.id);
    initials_of_entity_[id] = InitialsOf(NormalizeString(e.display));
    ++initials_count[initials_of_entity_[id]];
  }
  // Two listed people with the same initials: both get their row number.
  for (auto& [id, initials] : initials_of_entity_) {
    if (initials_count[initials] > 1) initials += std::to_string(RowOf(id));
  }
}

int Pseudonymizer::RowOf(const std::string& entity) const {
  return names_ && !entity.empty() ? names_->EntityForId(entity) + 1 : 0;
}

std::string Pseudonymizer::PersonNumber(const Finding& f) const {
  if (const int row = RowOf(f.entity); row > 0) return std::to_string(row);
  // Unlisted: a keyed hash of the normalized value, stable across shards
  // that share the job key, as six digits in two groups ("482-173"): no
  // row number has a hyphen, so it never reads as a row of the list
  // ("Class Member 1682307" did). Digits only: a letter run ("Applicant
  // AD69") reads as a name to the detectors that verify the output.
  const std::string key = hasher_ ? hasher_->Hash("person:" + NormalizeString(f.value)) : "00000000";
  const uint32_t value = static_cast<uint32_t>(std::stoul(key.substr(0, 8), nullptr, 16)) % 1000000;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03u-%03u", value / 1000, value % 1000);
  return buf;
}

// "Class Member" → "CM": the label's capitals (its first letter if none).
static std::string LabelInitials(const std::string& label) {
  std::string out;
  for (char c : label) {
    if (c >= 'A' && c <= 'Z') out += c;
  }
  if (out.empty() && !label.empty()) out += static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return out;
}

std::vector<std::string> Pseudonymizer::Forms(const Finding& f) const { return Forms(f, style_.words); }

std::vector<std::string> Pseudonymizer::Forms(const Finding& f, const OutputWords& words) const {
  const std::string n = PersonNumber(f);
  const int row = RowOf(f.entity);
  const bool listed = row > 0;
  // Listed people by their label ("Class Member 12"), others under a word
  // of their own ("Unlisted Person 482-173").
  const std::string label = listed ? words.name_label : words.unlisted_label;
  if (f.category == "name") {
    if (style_.name == "initials") {
      if (listed) return {initials_of_entity_.at(f.entity)};
      return {InitialsOf(NormalizeString(f.value)) + " " + n};
    }
    if (style_.name == "doe") {
      const size_t count = std::size(kDoeGiven);
      if (!listed) {
        const std::string given = kDoeGiven[std::stoul(n.substr(0, 3)) % count];
        return {given + " Doe " + n, given.substr(0, 1) + ". Doe " + n};
      }
      const size_t index = static_cast<size_t>(row - 1);
      const std::string given = kDoeGiven[index % count];
      const std::string suffix = index >= count ? " " + std::to_string(index / count + 1) : "";
      return {given + " Doe" + suffix, given.substr(0, 1) + ". Doe" + suffix};
    }
    if (style_.name == "token") return {words.person + " " + n, LabelInitials(words.person) + "-" + n};
    return {label + " " + n, LabelInitials(label) + "-" + n};
  }
  if (f.category == "a_number") {
    char buf[48];
    if (listed) {
      std::snprintf(buf, sizeof buf, "%03d", row);
    } else {
      std::snprintf(buf, sizeof buf, "%s", n.c_str());
    }
    const std::string pattern = std::string("A-XXX-XXX-") + buf, shortest = std::string("A-") + buf;
    if (!f.entity.empty() && style_.a_number == "reference") {
      return {"[" + words.a_number_of + " " + label + " " + n + "]", pattern, shortest};
    }
    return {pattern, shortest};
  }
  const std::string word = words.PlaceholderFor(f.category);
  std::vector<std::string> forms{"[" + word + "]"};
  // A credible-fear finding stands in running text: "[protected]" has a
  // middle form, its first four letters ("[prot.]", "[prot.]" for
  // "protegido" too).
  if (f.category == "credible_fear") {
    size_t end = 0;
    for (int letters = 0; end < word.size() && letters < 4; ++letters) {
      do ++end;
      while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80);
    }
    if (end < word.size()) forms.push_back("[" + word.substr(0, end) + ".]");
  }
  forms.push_back("[x]");
  return forms;
}

std::string Pseudonymizer::For(const Finding& f) const { return Forms(f).front(); }

void Pseudonymizer::Assign(std::vector<Finding>* findings) const { Assign(findings, style_.words); }

void Pseudonymizer::Assign(std::vector<Finding>* findings, const OutputWords& words) const {
  for (Finding& f : *findings) {
    std::vector<std::string> forms = Forms(f, words);
    f.replacement = forms.front();
    f.shorter_replacements.assign(forms.begin() + 1, forms.end());
  }
}

}  // namespace redact
