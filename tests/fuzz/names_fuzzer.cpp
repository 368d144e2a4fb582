// Fuzzes the names-list CSV reader (libcsv) and the variant index built
// from it, then matches the index against tokens of the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "stages/detect/names.h"
#include "stages/detect/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;
  const std::string_view csv(reinterpret_cast<const char*>(data), size);
  auto index = redact::NamesIndex::FromCsvText(csv, "fuzz.csv");
  if (!index) return 0;
  const std::string normalized = redact::NormalizeString(csv);
  (void)redact::TokenizeForNames(normalized);
  (void)redact::NormalizeANumber(csv.substr(0, 64));
  return 0;
}
