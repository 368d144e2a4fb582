// Resource limits: how much of anything one document may make us read,
// decode or hold. Hostile or broken PDFs (decompression bombs, forms nested
// without end, absurd page counts, giant images) hit a limit and fail with a
// kResource error that names the limit, never an OOM, a hang or a stack
// overflow. Defaults suit real court filings; a policy's [limits] section
// changes them (pipeline/policy.h).
//
// Thread-safety: a value; copy freely.
#ifndef REDACT_CORE_LIMITS_H_
#define REDACT_CORE_LIMITS_H_

#include <cstddef>
#include <cstdint>

namespace redact {

struct ResourceLimits {
  size_t max_file_bytes = size_t{2} << 30;      // the input file
  int max_pages = 50000;                        // pages in one document
  size_t max_stream_bytes = size_t{256} << 20;  // one decoded stream
  int max_form_depth = 32;                      // Form XObjects inside each other
  size_t max_glyphs_per_page = 5000000;
  int max_graphics_stack = 1024;                // q without Q
  int64_t max_image_pixels = 400000000;         // width × height of one image
};

}  // namespace redact

#endif  // REDACT_CORE_LIMITS_H_
