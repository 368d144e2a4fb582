// Detection: page text in, findings out. Composes the pattern rules and
// lexicons (patterns/*.toml, RE2 over normalized text), the names master
// list (names.h), cue-based names not on the list, and resolution (overlaps
// merged deterministically, spans mapped to the exact glyphs they cover).
//
// Names work per document: a full mention of a listed person (or their
// A-number) anywhere in the document lets their surname or given name alone
// be found on every page of it.
//
// Thread-safety: a Detector is immutable once created; DetectDocument may run
// on many threads at once.
#ifndef REDACT_STAGES_DETECT_DETECTOR_H_
#define REDACT_STAGES_DETECT_DETECTOR_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "core/policy.h"
#include "stages/detect/names.h"
#include "stages/detect/rules.h"

namespace redact {

class Detector {
 public:
  Detector(RuleSet rules, std::optional<NamesIndex> names, Policy policy);

  // Findings of every page, ordered by page and position, after resolution
  // and policy (categories the policy keeps are dropped).
  // With `everyone_mentioned`, a listed person's surname or given name
  // alone counts without a full mention first: for file and folder names,
  // short texts chosen to name someone ("Petrenko_I-589.pdf").
  // `also_mentioned`: entities (indices into names()->entities()) named in
  // full elsewhere — in the pages of the document a side channel belongs
  // to — so their partial variants count here too.
  // `also_people`: people the list lacks whom those pages name in full
  // (PeopleFoundInFull), so their full names and, capitalized, each of
  // their names alone count here too ("Call Teodoro" in a sticky note).
  std::vector<Finding> DetectDocument(const std::vector<PageText>& pages,
                                      bool everyone_mentioned = false,
                                      const std::vector<int>& also_mentioned = {},
                                      const std::vector<std::vector<std::string>>& also_people = {}) const;

  // Findings in a bare text (no glyphs): for tests, evaluation and side
  // channels. `as_ocr` treats the text as read by OCR, so ocr_only rules
  // apply; `also_mentioned` as for DetectDocument (a sticky note saying
  // "Maria" after the page text named Maria Hernández names her).
  std::vector<Finding> DetectText(const std::string& text, bool as_ocr = false,
                                  const std::vector<int>& also_mentioned = {},
                                  const std::vector<std::vector<std::string>>& also_people = {}) const;

  // The entities (indices) `findings` name, for also_mentioned.
  std::vector<int> EntitiesNamed(const std::vector<Finding>& findings) const;
  // The people the list lacks whom `findings` name in full (by a cue, a
  // column or a label), as normalized name tokens, for also_people.
  std::vector<std::vector<std::string>> PeopleFoundInFull(const std::vector<Finding>& findings) const;

  // Findings in the components of a file path, one per line (see
  // pipeline/output_names): every listed person counts as mentioned.
  std::vector<Finding> DetectPathText(const std::string& text) const;

  const RuleSet& rules() const { return *rules_; }
  const NamesIndex* names() const { return names_ ? &*names_ : nullptr; }
  const Policy& policy() const { return policy_; }

 private:
  struct PageWork;
  void DetectPatterns(PageWork& w) const;
  // Full names, and with `mentioned` also the partial ones of those people.
  void DetectListedNames(PageWork& w, const NamesIndex::Mentioned* mentioned) const;
  void DetectCuedNames(PageWork& w) const;
  // Column and field typing (detect/layout.h), without redact's own marks.
  void DetectLayout(PageWork* w) const;
  // Drops findings from index `from` on that are redact's own marks.
  void DropOwnMarks(size_t from, PageWork* w) const;
  // "Oksana Petrenko" where only "Ms. Petrenko" was cued: a capitalized
  // word (not a particle, not a never-name word) before a cued surname.
  void DetectFullNamesOfCuedSurnames(std::vector<PageWork>& work) const;
  void FullNamesOfSurnames(PageWork& w, const std::vector<std::vector<std::string>>& surnames) const;
  bool NameWordAt(const PageWork& w, size_t k, size_t min_size) const;
  bool AfterAProseWord(const PageWork& w, size_t k) const;
  // The entities the pages name, everyone listed when `everyone`, and
  // `also`: sorted, each once.
  std::vector<int> MentionedEntities(const std::vector<PageWork>& work, bool everyone,
                                     const std::vector<int>& also) const;
  // Listed dates of birth of the `mentioned` entities, wherever written.
  void FindListedDatesOfBirth(std::vector<PageWork>& work, const std::vector<int>& mentioned) const;
  // An A-number found anywhere, wherever its digits are written again in
  // the document, in any of its groupings ("208-561-390" alone on the
  // line after a transcript's "File No.: A").
  static void FindANumbersAgain(std::vector<PageWork>& work);
  // A passport, fingerprint or FBI number found anywhere by its label,
  // wherever the document writes it again.
  static void FindAgencyNumbersAgain(std::vector<PageWork>& work);
  // Every village (address.village) and town of birth (address.birthplace,
  // a birthplace label's value) found, wherever the document names it again.
  static void FindPlacesAgain(std::vector<PageWork>& work);
  // The date in parentheses right after a name finding ("Kenia Nicol
  // Zelaya (15/11/2014)"): that person's date of birth.
  static void FindDatesAfterNames(const std::string& text, std::vector<Finding>* findings);
  // Names found by a cue (`cued`, as tokens), at every other occurrence.
  // `tails`: the forms of `cued` that are the last two names of a longer
  // one (a compound surname): found again with the given names written
  // before them ("Byron Josué Espinoza Núñez" of "Kenia Espinoza Núñez").
  void FindCuedNamesAgain(std::vector<PageWork>& work, const std::vector<std::vector<std::string>>& cued,
                          const std::set<std::vector<std::string>>& tails) const;
  // How many given names (at most two: capitalized, a space apart, no
  // never-name word) come right before token `t` of `w`.
  size_t GivenNamesBefore(const PageWork& w, size_t t) const;
  static size_t GivenNamesAfterComma(const PageWork& w, size_t last, const std::vector<std::string>& tail,
                                     const std::vector<std::vector<std::string>>& full_names);
  // Each capitalized name alone of `people` (another text's people).
  void FindPartsOfPeople(std::vector<PageWork>& work, const std::vector<std::vector<std::string>>& people) const;

  std::shared_ptr<const RuleSet> rules_;
  std::optional<NamesIndex> names_;
  Policy policy_;
  // What redact draws, normalized, in every language's words: box labels,
  // and the words before a pseudonym's number ("applicant",
  // "persona no listada", "person").
  std::vector<std::string> own_labels_;
  std::vector<std::string> own_name_words_;
};

// Merges overlapping findings of one page (the longer, then the more
// confident, wins and takes the union of the spans; same-entity findings
// merge) and fills Finding::glyphs from page.text_glyph, adding the
// overprinted duplicates of covered words.
void ResolveFindings(const PageText& page, std::vector<Finding>* findings);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_DETECTOR_H_
