// Short forms of people found in full: a person a cue, a table column or a
// form label names in full ("Marisol Quintero Ayala", "OKAFOR, Chidi
// Emeka") is called elsewhere in the document by their initials
// ("M.Q.A."), by a first initial and the rest of the name ("M.
// Quintero Ayala", "C. Okafor"), by their given name alone ("Marisol"),
// or by a middle name or surname alone ("Quintero"). Listed people have theirs in layout.h
// (DetectListedInitials); these are for the people the list lacks.
//
// Thread-safety: pure functions.
#ifndef REDACT_STAGES_DETECT_SHORT_FORMS_H_
#define REDACT_STAGES_DETECT_SHORT_FORMS_H_

#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/finding.h"
#include "stages/detect/names.h"
#include "stages/detect/normalize.h"
#include "stages/detect/rules.h"

namespace redact {

// The names (as normalized tokens, given names first) of the people
// `findings` name in full by a cue, a column or a label: two words or
// more, particles and never-name words left out; also a listed person's
// match of three words or more, which may hold a middle name the list
// lacks. Appends new ones only:
// `known` holds the names *people holds, kept by the caller across calls
// (one call per page of a long document: building it again each time grew
// with the pages times the people).
void AddPeopleFoundInFull(const std::vector<Finding>& findings,
                          const WordSet& not_names,
                          std::vector<std::vector<std::string>>* people,
                          std::set<std::vector<std::string>>* known);

// The short forms of `people` (AddPeopleFoundInFull), formed once for a
// document and then looked for page by page: forming them again for each
// page grew with the pages times the people.
class ShortForms {
 public:
  // `people` must outlive this.
  explicit ShortForms(const std::vector<std::vector<std::string>>& people);

  // Findings (rule "name.short", basis "cue") for the people's initials
  // (three letters or more, each followed by a period; only initials no
  // two people share), first-initial forms and given names standing alone
  // or with the person's next names ("Dmitriy Olegovich" of Dmitriy
  // Olegovich Kuznetsov; written with their capital, not next to another
  // capitalized word), and their other names of four letters or more
  // standing alone (no capitalized word a space away on either side) on
  // one page: `text` the page text, `norm` and `tokens` its matching text
  // and name tokens. A given name alone may be a public person's too:
  // KeepPublicPeople drops it when it is theirs.
  void Find(int page, const std::string& text, const NormalizedText& norm,
            const std::vector<TextToken>& tokens, std::vector<Finding>* out) const;

 private:
  template <typename Add>
  void FindGivenNames(int page, const std::string& text, const NormalizedText& norm,
                      const std::vector<TextToken>& tokens, Add& add) const;

  template <typename Add>
  void FindOtherNamesAlone(const std::string& text, const NormalizedText& norm,
                           const std::vector<TextToken>& tokens, Add& add) const;

  const std::vector<std::vector<std::string>>& people_;
  // Their other names of four letters or more (middle names, surnames),
  // none of them anyone's given name.
  std::set<std::string, std::less<>> others_;
  // Given names of three letters or more -> the people whose name starts so.
  std::map<std::string, std::vector<const std::vector<std::string>*>, std::less<>> given_;
  std::map<std::string, int> initials_;  // initials -> how many people have them
  std::map<char, std::vector<const std::vector<std::string>*>> by_initial_;
};

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_SHORT_FORMS_H_
