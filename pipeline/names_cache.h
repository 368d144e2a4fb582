// The names list through its compiled index: a process that opens a
// 100,000-row list maps the index built for it (milliseconds) instead of
// building one (seconds).
//
// The index of a list lives beside it, hidden, one file per list version:
// `.<list's file name>.<SHA-256 of the CSV>.redact-index` in the list's own
// folder — on the same volume, under the same protection (an encrypted
// volume, a restricted share) as the names it copies, never in a home
// cache the list's owner did not choose. Writing one removes the indexes
// of earlier versions. `REDACT_NAMES_CACHE` names another folder (made
// 0700), or "off" for none. Each index is written 0600, atomically, like
// every file that holds names; a folder that cannot be written only costs
// time. An index is used only when
// its header says it was built from exactly these CSV bytes (SHA-256 and
// size), by this build's names rules and format version, and its checksum
// and every offset in it check out (names_image::Open); anything else is
// rebuilt from the CSV and replaced, with a warning when it was damaged.
// Editing the CSV gives it another SHA-256, so a stale index is never
// found, let alone served.
//
// Thread-safety: functions; concurrent processes may build the same index
// at once (each write is atomic, and the files are the same).
#ifndef REDACT_PIPELINE_NAMES_CACHE_H_
#define REDACT_PIPELINE_NAMES_CACHE_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "stages/detect/names.h"

namespace redact {

// The folder of `csv_path`'s index (see above), "" when caching is off.
std::string NamesCacheDir(const std::string& csv_path);

// The list at `csv_path`, through the cache: mapped when a valid index is
// there, else built and (best effort: a cache that cannot be written only
// costs time) written there. A damaged index found is rebuilt and said in
// warnings(). Errors: NamesIndex::FromCsvText's, kNotFound or kIo for the
// CSV.
StatusOr<NamesIndex> LoadNamesList(const std::string& csv_path);

struct CompiledNames {
  std::string index_path;
  size_t entities = 0;
  bool reused = false;  // a valid index was already there
  std::vector<std::string> warnings;  // the list's (NamesIndex::warnings)
};

// `redact names compile`: builds the index of `csv_path` into the cache
// (or checks the one there). Errors: LoadNamesList's; kInvalidArgument
// when caching is off; kWriteFailed when the index cannot be written.
StatusOr<CompiledNames> CompileNamesList(const std::string& csv_path);

}  // namespace redact

#endif  // REDACT_PIPELINE_NAMES_CACHE_H_
