// The review page's own files (page/index.html, page/app.js,
// page/app.css), embedded in the binary at build time (embed_page.cmake),
// so an installed redact serves exactly the page it was built with.
//
// Thread-safety: constant data.
#ifndef REDACT_PIPELINE_REVIEW_SERVER_PAGE_FILES_H_
#define REDACT_PIPELINE_REVIEW_SERVER_PAGE_FILES_H_

#include <string_view>

namespace redact {

// The file's bytes by its name in page/ ("app.js"); empty for any other.
std::string_view ReviewPageFile(std::string_view name);

}  // namespace redact

#endif  // REDACT_PIPELINE_REVIEW_SERVER_PAGE_FILES_H_
