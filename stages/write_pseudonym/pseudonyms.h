// Pseudonyms: a consistent, deterministic replacement for each finding,
// the same for the same person in every document of a job and in every
// shard of it, without coordination:
//   - a person on the master list is numbered by their row in the list;
//   - anyone else by a keyed hash (BLAKE2b under the job key) of the
//     normalized value — never by order of appearance;
//   - variants of one person (full name, surname alone, LAST, First) share
//     the entity, so they share the pseudonym.
// Styles (policy [pseudonyms], per category): "label" ("Applicant 12"),
// "initials" ("M.G.H.N.", with the row number when two people on the list
// share initials), "doe" ("Abigail Doe"), "token" ("Person 12");
// A-numbers "pattern" ("A-XXX-XXX-012") or "reference" ("[A-number of
// Applicant 12]"). People not on the list get a hyphenated number and, in
// the label style, a word of their own ("Unlisted Person 482-173"), so no
// pseudonym of theirs looks like a row of the list. The words are the
// document's language's (core/output_words.h: "Solicitante 12", "[f. nac.]"
// in a Spanish document), each in WinAnsiEncoding; every pseudonym has
// shorter forms for tight spaces (Forms).
//
// Thread-safety: immutable after construction.
#ifndef REDACT_STAGES_WRITE_PSEUDONYM_PSEUDONYMS_H_
#define REDACT_STAGES_WRITE_PSEUDONYM_PSEUDONYMS_H_

#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/output_words.h"
#include "stages/detect/names.h"
#include "stages/seal/keyed_hash.h"

namespace redact {

struct PseudonymStyle {
  std::string name = "label";         // label | initials | doe | token
  std::string a_number = "pattern";   // pattern | reference
  // The words when a call names none (English by default).
  OutputWords words = BuiltInWords(DocumentLanguage::kEnglish);
};

class Pseudonymizer {
 public:
  // `names` may be null; `hasher` keys pseudonyms of unlisted people.
  Pseudonymizer(PseudonymStyle style, const NamesIndex* names, const KeyedHasher* hasher);

  // Fills Finding::replacement (and the shorter forms) for every finding,
  // in `words` (the style's own when omitted).
  void Assign(std::vector<Finding>* findings) const;
  void Assign(std::vector<Finding>* findings, const OutputWords& words) const;

  std::string For(const Finding& f) const;
  // Every form of f's pseudonym, longest first: the style's own form, then
  // shorter ones for tight spaces ("Class Member 12", "CM-12";
  // "[A-number of Applicant 12]", "A-XXX-XXX-012", "A-012";
  // "[f. nac.]", "[x]").
  std::vector<std::string> Forms(const Finding& f) const;
  std::vector<std::string> Forms(const Finding& f, const OutputWords& words) const;

 private:
  std::string PersonNumber(const Finding& f) const;  // "12", or a hash "1048213"
  // The list row (1-based) of a listed person's entity id, else 0; the
  // last row when several share the id.
  int RowOf(const std::string& entity) const;
  PseudonymStyle style_;
  const NamesIndex* names_;
  const KeyedHasher* hasher_;
  std::map<std::string, std::string> initials_of_entity_;  // "initials" style only
};

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_PSEUDONYM_PSEUDONYMS_H_
