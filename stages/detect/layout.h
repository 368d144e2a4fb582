// Detection from the page's layout (stages/structure fills
// PageText::layout): what a table column's header or a form label says a
// value is, what a block's role says a person is, and the initials of
// listed people. Used by Detector::DetectDocument; exposed for tests.
//
// Thread-safety: pure functions.
#ifndef REDACT_STAGES_DETECT_LAYOUT_H_
#define REDACT_STAGES_DETECT_LAYOUT_H_

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "stages/detect/names.h"
#include "stages/detect/normalize.h"
#include "stages/detect/rules.h"

namespace redact {

// The page text as detection matches in it: normalized (normalize.h),
// without the words of the line-number column (PageLayout::line_numbers)
// or the space or line break after each. "patrick h.\n5 peluso" reads
// "patrick h.\npeluso"; a match across the gap maps back to a span of the
// page text that holds the number, whose glyphs ResolveFindings leaves out.
NormalizedText MatchingText(const PageText& page);

// The page text of [begin, end) without the line-number words in it (and
// the space or line break after each): "Patrick H.\nPeluso" for a finding
// wrapped round the number 5. For what a finding stands for (the sealed
// mapping, verification's needles).
std::string TextWithoutLineNumbers(const PageText& page, size_t begin, size_t end);

// The category whose values a column or field of this label key holds
// (structure/labels.h), or "" for keys that hold no identifier by
// themselves (country, facility, language, row numbers, dates).
std::string CategoryOfLabelKey(const std::string& key);

// Appends a finding for every line of every data cell under a header that
// names a protected category, and for every value of a form label that
// does — whatever the value's format, and whether or not the person is on
// the names list — when the value looks like one of its kind (digits for
// an A-number, letters for a name; never a label, "N/A" or a dash).
// `not_names` are normalized words that are never names; a name value
// holding one of `organisations` ("Acme Holdings LLC") is a company's, not
// a person's. A bare title ("Ms.") is no name either. A-numbers of
// listed people add their entity to *entities_seen.
void DetectLayoutFindings(const PageText& page, const WordSet& not_names,
                          const WordSet& organisations, const NamesIndex* names, std::vector<Finding>* out,
                          std::vector<int>* entities_seen);

// Drops the findings a public role keeps: in counsel, judge and letterhead
// blocks a name, phone, e-mail or address; in a certificate the
// certifier's own (not a name after "declaration of"), but never a name a
// cue found elsewhere in the document (name.cue.repeat); in a form's value
// for an office or facility (structure's keys "office", "facility") a
// phone, e-mail or address, and in one for a preparer's or interpreter's
// particulars (key "public") a name too. A finding from the names
// list is never dropped (the list wins). The names dropped (normalized)
// are appended to *public_people.
void KeepPublicRoles(const PageText& page, std::vector<Finding>* findings,
                     std::vector<std::string>* public_people);

// A table's header cells hold no identifier: a finding that runs from a
// header cell into the text after it ("A#" over the first row's number,
// read as "A# 297012560") or into one from before keeps only the part
// outside the header; one inside a header cell is dropped ("IJ review" is
// no notation), unless the names list found it.
void KeepTableHeaders(const PageText& page, std::vector<Finding>* findings);

// On a scanned page, the word OCR could not read right after a person's
// given names found without their surname (name.short, a listed name's
// part): set at twice the width the name's letters take, or read with
// confidence under 40 ("In the Matter of: FARID AHMAD oo", the surname
// under a scanner's noise). It is most likely that surname: it becomes a
// finding of its own (rule name.ocr.misread_surname), so the pixels go.
void CoverMisreadSurnames(const PageText& page, std::vector<Finding>* findings);

// Whether a normalized word names a relative ("wife", "son", "hermana"):
// a word before a relative's name, never part of it.
bool IsKinshipWord(std::string_view normalized);

// The words of a line that holds a person's name alone ("/s/ Dana Ruiz",
// "Hon. Dana Ruiz", "DANA RUIZ"): two to five capitalized words without
// digits, after a leading "/s/" or "Hon."; empty when the line is no such.
std::vector<std::string> NameLineWords(const PageText& page, const Line& line);

// Drops notation findings of a document's key or totals: a term a key
// defines or the meaning it gives it ("CF+ = positive credible fear
// determination; CFI = credible fear interview"), and a notation counted in
// a list of totals ("9 CF+, 7 NCF"). They speak of no one's case. `text` is
// the page's text.
void KeepLegendDefinitions(std::string_view text, std::vector<Finding>* findings);

// Drops street addresses (found by pattern) that follow an institution's
// name, on their line or alone on the next: a detention center's, a
// court's, a field office's, a legal clinic's ("El Paso Service Processing
// Center, 8915 Montana Avenue", "CHICAGO IMMIGRATION COURT" / "525 West Van
// Buren Street"). Not when the sentence says someone lives there. The
// phones and e-mail addresses right after such an address, on its line or
// the next, go with it, as do those on a line opening with "Office:" (an
// office's own letterhead line); those phones and e-mail addresses are
// added to *public_contacts ("phone:…", "email:…"), public wherever the
// document repeats them, with the domain of a web site on the address's
// line ("email:@domain": the office's e-mail addresses). An address may
// also sit under an institution's name alone on one of the two lines
// above it (a masthead).
// Drops phones and e-mail addresses set right after a public person's name
// on its line ("Court Administrator: Jerome P. Whitcombe, (213)
// 555-0106"; "Eileen Park Sorensen, tel. …"), or in an entry for counsel
// (its line and the one above, since the last semicolon: a bar number,
// "Esq.", "Counsel for", "Trial Attorney", "Requester's counsel:"):
// theirs, not a client's.
void KeepContactsOfPublicPeople(std::string_view text, const std::vector<std::string>& public_people,
                                std::vector<Finding>* findings);

void KeepInstitutionAddresses(std::string_view text, std::vector<Finding>* findings,
                              std::vector<std::string>* public_contacts);

// The initials a case's title gives a party ("L.G.M., et al. v. U.S.
// Department of Homeland Security", "D.A.K. v. Garland") or names a
// plaintiff or petitioner by ("Plaintiff D.A.K."): the pseudonym the court
// let the party sue under, public record. AddCaseTitleInitials
// collects them (lower-case letters) from a page's text;
// KeepCaseTitleInitials drops name findings that are those initials
// alone, wherever the document uses them ("Plaintiff L.G.M."), whether a
// cue, a short form or the list's initials found them. A listed full name
// beside them still goes.
void AddCaseTitleInitials(std::string_view text, std::set<std::string>* initials);
void KeepCaseTitleInitials(const std::set<std::string>& initials, std::string_view text,
                           std::vector<Finding>* findings);

// Drops name findings from cues (not from the list) of a person the
// document shows in a public role: the same name, or their surname alone
// ("Ms. Smith" for counsel "Jane Smith"), or their given name alone found
// as a short form ("Jane"); an e-mail at the domain of one a public role
// kept (not a free mail service's); the same phone, e-mail or address as
// one a public role kept (entries "<category>:<value>"); and, whatever the
// list, contacts no private person has: e-mails at .gov and .mil domains,
// toll-free numbers.
void KeepPublicPeople(const std::vector<std::string>& public_people,
                      std::vector<Finding>* findings);

// Appends findings for the initials ("O.P.", "M. G. H.") of the listed
// people `entities` (indices into names.entities(): those named in full,
// or by A-number, on this page). Initials two people share are left alone.
// Each listed person's initials, formed once per document (a common name
// names hundreds of people in a large list, on every page).
struct ListedInitialsCache {
  std::unordered_map<int, std::pair<std::string, std::string>> forms;  // entity → spaced, hyphened
};

void DetectListedInitials(const PageText& page, const NamesIndex& names,
                          const std::vector<int>& entities, std::vector<Finding>* findings,
                          ListedInitialsCache* cache);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_LAYOUT_H_
