// ServeReview: the local review page of `redact review --serve`. A small
// HTTP server inside redact (cpp-httplib, linked by this folder only) shows
// each reviewed document's pages in the browser (pdf.js from Debian's
// libjs-pdf, served from its installed copy) with every finding outlined,
// and lets a reviewer accept, reject, add (text selection or a drawn area),
// relabel and undo findings, then Save (the findings file ReviewDocument
// wrote is rewritten with the reviewed list, still bound to the input's
// SHA-256) or Preview (ApplyDocument on the reviewed list into a private
// temporary folder, the redacted PDF shown beside the original, the folder
// removed before the response is sent).
//
// It serves asylum case files, so it is locked down:
//  - it binds the given address only; the caller refuses a non-loopback
//    address unless the user asked for it explicitly (IsLoopbackAddress);
//  - every request must carry the session's token (random, 32 bytes from
//    libsodium via stages/seal/digest.h): `?token=` on the first load,
//    which sets an HttpOnly, SameSite=Strict cookie, or the cookie, or an
//    X-Redact-Token header; otherwise 403;
//  - the Host header must be this server's own (127.0.0.1:PORT,
//    localhost:PORT, [::1]:PORT, or the --listen address) — no DNS
//    rebinding; a request with an Origin other than this server's, or a
//    browser's Sec-Fetch-Site "cross-site", gets 403;
//  - every response says Content-Security-Policy "default-src 'self'"
//    (nothing from elsewhere, no inline script), nosniff, no-store, no
//    framing, no referrer;
//  - its log lines (to `log`) name requests by method, route and status
//    and documents by their index, never a path, value or name.
//
// Everything the page changes stays in the browser until Save; the server
// writes only the findings files it was given and a small state file
// (DIR/review-state.json: the document the reviewer was at, which were
// saved — no names, no values) so a job's queue resumes where it stopped.
//
// Thread-safety: ServeReview blocks the calling thread; requests are served
// on the library's worker threads, and everything that touches the
// Session, the OCR context or a file is done under one lock.
#ifndef REDACT_PIPELINE_REVIEW_SERVER_REVIEW_SERVER_H_
#define REDACT_PIPELINE_REVIEW_SERVER_REVIEW_SERVER_H_

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/review.h"
#include "pipeline/session.h"

namespace redact {

// One document on the page: what ReviewDocument made of it.
struct ServedDocument {
  std::string input;                    // the original PDF (read, never written)
  std::optional<std::string> password;
  ReviewResult review;                  // its review PDF and findings file
  std::string apply_command;            // printed after Save (no password, see review_command)
};

struct ReviewServerOptions {
  std::string listen = "127.0.0.1";     // address to bind
  int port = 0;                         // 0: a free port, chosen by the system
  std::string out_dir;                  // where the state file goes
  // Where libjs-pdf installed pdf.js (build/pdf.js, build/pdf.worker.js,
  // web/standard_fonts/, web/cmaps/).
  std::string pdfjs_dir = DefaultPdfjsDir();
  static std::string DefaultPdfjsDir();
  // What the page saved in `out_dir` before (ReadSavedFindings), put back
  // over what review wrote again for the same input.
  std::map<std::string, std::string> saved_findings;
};

// The findings files a previous session of the page saved in `out_dir`
// (as the state file records them, and only while unchanged since): file
// name -> contents. Read before review writes them again. Never fails: a
// missing or unreadable state file is an empty map.
std::map<std::string, std::string> ReadSavedFindings(const std::string& out_dir);

// What the caller prints once the server listens.
struct ServerReady {
  int port = 0;
  std::string url;  // http://HOST:PORT/?token=…: a line of its own
};

// Whether `address` is a loopback address (127.0.0.0/8, ::1, "localhost").
bool IsLoopbackAddress(const std::string& address);

// Serves `documents` until `stop` becomes true (the caller's signal
// handling sets it; polled every 100 ms) and returns Ok. `on_ready` is
// called once, after the port is bound and before the first request.
// After each Save, the document's apply command is printed to `out` (as
// review prints it: an input path that names someone is INPUT); `log`
// takes the request log, which names no document but by its number.
// Errors: kUnsupported when pdf.js is not installed (naming the package),
// kIo when the address or port cannot be bound, kInvalidArgument when
// `documents` is empty.
Status ServeReview(const Session& session, OcrContext* ocr, std::vector<ServedDocument> documents,
                   const ReviewServerOptions& options, const std::function<void(const ServerReady&)>& on_ready,
                   const std::atomic<bool>& stop, std::ostream& out, std::ostream& log);

}  // namespace redact

#endif  // REDACT_PIPELINE_REVIEW_SERVER_REVIEW_SERVER_H_
