// Writes a document as a fresh, single-revision, unencrypted PDF with no
// unreachable objects. PoDoFo's own Write keeps orphans (an old content
// stream survived that way) and its CollectGarbage breaks page trees, so
// this does its own mark-and-sweep from the trailer (docs/PODOFO.md).
// /Info is dropped (PoDoFo re-creates it on load) and so is /Encrypt.
// PoDoFo's bytes then pass through qpdf's writer (pdf/qpdf_bridge.h):
// every object gets a fresh number, generation 0, and bytes qpdf would
// have to repair fail the write (kInternal).
//
// Every byte goes through one checked path: the file is built in memory,
// written to a temporary file in the target folder (each write checked),
// flushed to disk, renamed over `path`, and the folder flushed. On any
// failure nothing is left under `path` or beside it (kWriteFailed).
//
// Thread-safety: mutates the document; one thread per document.
#ifndef REDACT_PDF_CLEAN_WRITER_H_
#define REDACT_PDF_CLEAN_WRITER_H_

#include <string>

#include "pdf/document.h"
#include "core/status.h"

namespace redact::pdf {

struct CleanWriteStats {
  int objects_written = 0;
  int orphans_removed = 0;
};

// Errors: kWriteFailed (cannot create, write, flush or rename the file:
// a full disk, a file size limit), kDamagedPdf (PoDoFo failed while
// loading objects lazily or serializing), kInternal (the serialized file
// is not consistent).
Status WriteCleanCopy(Document& doc, const std::string& path, CleanWriteStats* stats);

// Writes `bytes` to `path` atomically (temp file in the same folder, fsync,
// rename, folder fsync), as WriteCleanCopy writes. Errors: kWriteFailed.
Status WriteFileAtomically(const std::string& path, const std::string& bytes);

// Renames a file written (and synced) by the two functions above into its
// final place and syncs the folder, so a caller can write several files
// and make them appear only when all are ready. Errors: kWriteFailed.
Status PublishFile(const std::string& staged, const std::string& path);

}  // namespace redact::pdf

#endif  // REDACT_PDF_CLEAN_WRITER_H_
