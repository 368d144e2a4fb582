// A finding: one span of page text that detection says is protected, with
// the glyphs it covers so the writers remove exactly those.
//
// `value` is the normalized identifier ("A201234567", "maria hernandez
// nunez"); it is plaintext and must never reach a report, log or error
// message — reports carry keyed hashes of it instead.
#ifndef REDACT_CORE_FINDING_H_
#define REDACT_CORE_FINDING_H_

#include <string>
#include <vector>

namespace redact {

struct Finding {
  std::string category;    // "a_number", "name", "credible_fear", …
  std::string rule;        // id of the rule or dictionary that fired
  int page = 0;            // 1-based
  size_t begin = 0;        // byte span in PageText::text
  size_t end = 0;
  std::vector<int> glyphs; // indices into PageText::glyphs (duplicates incl.)
  std::string value;       // normalized value; plaintext, see above
  std::string entity;      // entity id from the names list, or ""
  double confidence = 0;   // 0..1
  std::string reason;      // why it fired, without the value
  std::string replacement; // pseudonymize mode: the text drawn in its place
};

}  // namespace redact

#endif  // REDACT_CORE_FINDING_H_
