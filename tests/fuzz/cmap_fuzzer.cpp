// Fuzzes the CMap parser (ToUnicode and encoding CMaps) and lookups in the
// parsed map: codes split from the input itself, each looked up both ways.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pdf/cmap.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const redact::pdf::CMap cmap = redact::pdf::CMap::Parse(text);
  // Split the first 256 bytes into codes as a Type0 font's strings would be.
  std::string_view bytes = text.substr(0, 256);
  while (!bytes.empty()) {
    const redact::pdf::CMap::Code code = cmap.NextCode(bytes, size % 2 == 0);
    if (code.length < 1 || static_cast<size_t>(code.length) > bytes.size()) __builtin_trap();
    (void)cmap.LookupUnicode(code.value);
    (void)cmap.LookupCid(code.value);
    bytes.remove_prefix(code.length);
  }
  (void)redact::pdf::Utf16BeToUtf8(text.substr(0, 64));
  return 0;
}
