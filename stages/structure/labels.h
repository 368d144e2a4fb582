// The column headers and form labels the structure stage recognizes, as
// they are written on USCIS and EOIR forms, detention and class lists, in
// English and Spanish, each mapped to a canonical key: "name", "a_number",
// "dob", "credible_fear", "receipt_number", "phone", "address", "email",
// "ssn" (protected categories), or "country", "facility", "language",
// "row", "date", "case_number" (known, holding no identifier by itself),
// "office" (an asylum office's, a field office's or a court's: its
// address and phone are public), "public" (a preparer's, interpreter's or
// attorney's name, phone, address or e-mail: "Teléfono del intérprete").
//
// Matching is accent-, case- and punctuation-insensitive over the whole
// label: "Family Name (Last Name)" = "FAMILY NAME (LAST NAME):" → "name";
// a leading item number ("1.", "3a.") and a trailing "(if any)" / "(si
// tiene)" are ignored; a bilingual label ("A-Number / Número A") matches
// when every part is a label of the same key. Near misses: "Name of the
// court" (not a label of a person's name), "Date" (a date, not a birth
// date), "Birth country" (country).
//
// Thread-safety: pure functions over a static table.
#ifndef REDACT_STAGES_STRUCTURE_LABELS_H_
#define REDACT_STAGES_STRUCTURE_LABELS_H_

#include <string>
#include <string_view>

namespace redact {

// "family name last name" for "Family Name (Last Name):" — lower case,
// accents stripped, punctuation (but '#') a space, spaces collapsed.
std::string NormalizeLabel(std::string_view text);

// The canonical key of a label or column header, or "" when `text` is not
// one this table knows.
std::string LabelKey(std::string_view text);

// Like LabelKey, for a label followed by its value on the same line
// ("Date of Birth: 03/14/1987"): the key of the longest label that starts
// `text` and ends at a colon, and in *label_end the byte offset just after
// the colon; "" when there is none.
std::string LabelKeyBeforeColon(std::string_view text, size_t* label_end);

// The key of what a question asks for ("your true and complete name",
// "your last address in Haiti", "your mother's name", "your date of
// birth"): the label its words end with, before any "in …" / "at …"
// place; "" when it asks for nothing a label names.
std::string QuestionKey(std::string_view asked);

// Whether a label is too general to type a form field by itself
// ("Outcome", "Decision", "#"): such words type a table column only.
bool IsColumnOnlyLabel(std::string_view text);

// Whether the key names a protected category (its values are findings).
bool IsProtectedLabelKey(std::string_view key);

}  // namespace redact

#endif  // REDACT_STAGES_STRUCTURE_LABELS_H_
