// ReviewDesk: what the review page does, without HTTP — the documents of
// one `review --serve` session, their findings as review wrote them, Save
// (the reviewed list written back through the findings file's own checks:
// ValidateFindings, WriteFileAtomically, then ReadReviewedFindings and
// CheckFindingsMadeFor on what was written), Preview (ApplyDocument on the
// reviewed list into a private temporary folder, removed before returning)
// and the queue's state file (DIR/review-state.json: which document the
// reviewer was at and which were saved, by findings file name and the
// SHA-256 of what was saved — no names, no values).
//
// The findings JSON it hands out and takes back holds identifiers: it goes
// to the page only (review_server.cpp), never to a log.
//
// Thread-safety: none; review_server.cpp calls it under one lock.
#ifndef REDACT_PIPELINE_REVIEW_SERVER_REVIEW_DESK_H_
#define REDACT_PIPELINE_REVIEW_SERVER_REVIEW_DESK_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "pipeline/review_server/review_server.h"

namespace redact {

class ReviewDesk {
 public:
  // Reads each document's findings file; one the page saved before
  // (`saved`, ReadSavedFindings) for the same input (same "sha256") is
  // written back first. Errors: ReadReviewedFindings', kWriteFailed.
  static StatusOr<ReviewDesk> Open(const Session& session, OcrContext* ocr, std::vector<ServedDocument> documents,
                                   const ReviewServerOptions& options);

  size_t size() const { return documents_.size(); }
  // The queue: per document its index, how it is shown, pages, pages to
  // review, findings count, saved or not; and where the reviewer was.
  nlohmann::json Queue() const;
  // The findings file's JSON as last saved (or as review wrote it).
  const nlohmann::json& Findings(size_t doc) const { return findings_[doc]; }
  // The PDF the page renders: the input itself, or the review copy when
  // the input needs a password (the page never sees one). Errors: kIo.
  StatusOr<std::string> PdfBytes(size_t doc) const;
  // Replaces the document's findings with `findings` (the "findings" list
  // of the file) and writes the file. Returns the apply command to print.
  // Errors: kInvalidArgument (ValidateFindings' message), kWriteFailed.
  StatusOr<std::string> Save(size_t doc, const nlohmann::json& findings);
  // The redacted PDF's bytes for `findings`, written nowhere that stays.
  // Errors: ValidateFindings', ApplyDocument's.
  StatusOr<std::string> Preview(size_t doc, const nlohmann::json& findings);
  // Remembers where the reviewer is (state file). Errors: kWriteFailed.
  Status SetCurrent(size_t doc);

 private:
  ReviewDesk(const Session& session, OcrContext* ocr) : session_(&session), ocr_(ocr) {}
  StatusOr<nlohmann::json> Reviewed(size_t doc, const nlohmann::json& findings) const;
  Status WriteState() const;
  void ReadState();
  Status PutBackSaved(const std::map<std::string, std::string>& saved);

  const Session* session_;
  OcrContext* ocr_;
  std::vector<ServedDocument> documents_;
  std::vector<nlohmann::json> findings_;
  std::string out_dir_;
  size_t current_ = 0;
  std::map<std::string, std::string> saved_;  // findings file name -> SHA-256 of what was saved
};

}  // namespace redact

#endif  // REDACT_PIPELINE_REVIEW_SERVER_REVIEW_DESK_H_
