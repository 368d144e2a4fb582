// Opens PDF bytes and extracts + assembles one page, for tests.
#ifndef REDACT_TESTS_TESTING_EXTRACT_HELPER_H_
#define REDACT_TESTS_TESTING_EXTRACT_HELPER_H_

#include <string>

#include "core/model.h"
#include "core/status.h"

namespace redact::testing {

StatusOr<PageText> ExtractPage(const std::string& pdf_bytes, int index = 0);

// Concatenated text of decodable glyphs, in content order.
std::string GlyphText(const PageText& page);

}  // namespace redact::testing

#endif  // REDACT_TESTS_TESTING_EXTRACT_HELPER_H_
