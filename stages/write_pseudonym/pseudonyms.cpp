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
  if (!names_) return;
  std::map<std::string, int> initials_count;
  for (size_t i = 0; i < names_->entities().size(); ++i) {
    const NameEntity& e = names_->entities()[i];
    row_of_entity_[e.id] = static_cast<int>(i) + 1;
    initials_of_entity_[e.id] = InitialsOf(NormalizeString(e.display));
    ++initials_count[initials_of_entity_[e.id]];
  }
  // Two listed people with the same initials: both get their row number.
  for (auto& [id, initials] : initials_of_entity_) {
    if (initials_count[initials] > 1) initials += std::to_string(row_of_entity_[id]);
  }
}

std::string Pseudonymizer::PersonNumber(const Finding& f) const {
  if (auto it = row_of_entity_.find(f.entity); it != row_of_entity_.end()) {
    return std::to_string(it->second);
  }
  // Unlisted: a keyed hash of the normalized value, stable across shards
  // that share the job key, as a 7-digit number from 1000000 (above any
  // row number). Digits only: a letter run ("Applicant AD69") reads as a
  // name to the detectors that verify the output.
  const std::string key = hasher_ ? hasher_->Hash("person:" + NormalizeString(f.value)) : "00000000";
  const uint32_t value = static_cast<uint32_t>(std::stoul(key.substr(0, 8), nullptr, 16));
  return std::to_string(1000000 + value % 1000000);
}

std::string Pseudonymizer::For(const Finding& f) const {
  const std::string n = PersonNumber(f);
  const bool listed = row_of_entity_.count(f.entity) > 0;
  if (f.category == "name") {
    if (style_.name == "initials") {
      if (listed) return initials_of_entity_.at(f.entity);
      return InitialsOf(NormalizeString(f.value)) + n;
    }
    if (style_.name == "doe") {
      size_t index = 0;
      if (listed) {
        index = static_cast<size_t>(row_of_entity_.at(f.entity) - 1);
      } else {
        index = std::stoul(n) - 1000000;
      }
      const size_t count = std::size(kDoeGiven);
      std::string out = std::string(kDoeGiven[index % count]) + " Doe";
      if (index >= count) out += " " + std::to_string(index / count + 1);
      return out;
    }
    if (style_.name == "token") return "Person " + n;
    return style_.name_label + " " + n;
  }
  if (f.category == "a_number") {
    if (!f.entity.empty() && style_.a_number == "reference") {
      return "[A-number of " + style_.name_label + " " + n + "]";
    }
    char buf[32];
    if (listed) {
      std::snprintf(buf, sizeof buf, "A-XXX-XXX-%03d", row_of_entity_.at(f.entity));
    } else {
      std::snprintf(buf, sizeof buf, "A-XXX-XXX-%s", n.c_str());
    }
    return buf;
  }
  if (f.category == "credible_fear") return "[protected]";
  return "[" + f.category + "]";
}

void Pseudonymizer::Assign(std::vector<Finding>* findings) const {
  for (Finding& f : *findings) f.replacement = For(f);
}

}  // namespace redact
