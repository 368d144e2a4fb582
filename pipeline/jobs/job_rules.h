// The rules a job folder's outputs were made under, kept beside its journal
// (.redact-job/rules.json): hashes of the names list, the policy and the
// rule files, and the mode, output naming and source of findings. A resumed
// job skips documents the journal calls done, so a resume under other rules
// would mix outputs made two ways (a resume without the names list once
// wrote renamed documents again under the applicants' real names, beside
// their pseudonymized copies). A run whose rules differ refuses, naming
// what changed; --restart starts over, moving the earlier run's outputs,
// journal and mappings aside into .redact-job/previous-N/ (never deleting
// a mapping: it may be the only way to reverse pseudonyms).
//
// Shards of one job that start together agree: the first to write the
// file wins, atomically, and the others compare with it.
//
// Thread-safety: call from the job's main thread, before workers start.
#ifndef REDACT_PIPELINE_JOBS_JOB_RULES_H_
#define REDACT_PIPELINE_JOBS_JOB_RULES_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/jobs/job.h"
#include "pipeline/session.h"

namespace redact::jobs {

struct JobRules {
  std::string names;     // SHA-256 of the names list's bytes, or "none"
  std::string policy;    // SHA-256 of the policy file, or "built-in"
  std::string patterns;  // SHA-256 over the rule files' names and bytes
  std::string mode;      // "redact" | "pseudonymize"
  std::string naming;    // "pseudonym" | "sequence" | "keep"
  std::string findings;  // "detected" | "reviewed" (findings files) | "reviewed-pdf" (review copies)
};

// Errors: kNotFound/kIo when a file named in the options cannot be read.
StatusOr<JobRules> CurrentJobRules(const SessionOptions& session, const JobOptions& job);

// Records `rules` in a job folder that has none; in one that has, refuses
// (kInvalidArgument, listing what differs and what to do) unless they are
// the same, or `restart` is set: then the earlier run is moved aside and
// `*moved_to` names where. Errors: kWriteFailed when the file or the move
// fails.
Status SettleJobRules(const std::string& out, const JobRules& rules, bool restart, std::string* moved_to);

}  // namespace redact::jobs

#endif  // REDACT_PIPELINE_JOBS_JOB_RULES_H_
