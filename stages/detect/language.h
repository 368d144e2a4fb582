// A document's language, guessed from its text, for the words redact
// writes into it (core/output_words.h): Spanish when its common function
// words ("de", "que", "los", "para", …) clearly outnumber English ones
// ("the", "and", "of", "that", …); English otherwise, and for a document
// with too few of either to tell. Words of both languages ("a", "no",
// "me") count for neither. Reads at most the first 50,000 words.
//
// Thread-safety: a pure function.
#ifndef REDACT_STAGES_DETECT_LANGUAGE_H_
#define REDACT_STAGES_DETECT_LANGUAGE_H_

#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/output_words.h"

namespace redact {

DocumentLanguage GuessLanguage(const std::vector<PageText>& pages);
DocumentLanguage GuessLanguage(std::string_view text);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_LANGUAGE_H_
