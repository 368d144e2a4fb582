// Fuzzes the rule-file loader: TOML parsing (toml++), schema checks, RE2
// compilation of patterns and lexicons, and each rule's own examples.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stages/detect/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 32 * 1024) return -1;
  auto rules = redact::LoadRulesText(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
  (void)rules;
  return 0;
}
