// A Session holds what every document of one command or job shares, loaded
// once: the rules, the names list and the policy (one Detector), the keyed
// hasher (the job key's, or a random key for this session), the
// pseudonymizer, the sealing keys of the mapping, and the OCR settings.
// Commands open one Session and hand it to the pipeline's operations
// (AnalyzeDocument, ApplyDocument, ReviewDocument, VerifyDocument); `run`
// opens it in the scheduler, and its forked workers share it.
//
// Secrets (the job key, a passphrase) live in locked memory owned by the
// session and are wiped when it goes.
//
// Thread-safety: immutable after Open; share it across threads. OCR
// engines are not shared: each thread or process takes its own OcrContext
// from NewOcrContext().
#ifndef REDACT_PIPELINE_SESSION_H_
#define REDACT_PIPELINE_SESSION_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/policy.h"
#include "core/status.h"
#include "pdf/document.h"
#include "pipeline/analyze.h"
#include "pipeline/output_names.h"
#include "stages/detect/detector.h"
#include "stages/ocr/ocr.h"
#include "stages/seal/age.h"
#include "stages/seal/keyed_hash.h"
#include "stages/seal/mapping.h"
#include "stages/write_pseudonym/pseudonyms.h"

namespace redact {

struct OcrSettings {
  OcrMode mode = OcrMode::kAuto;
  std::string languages = "eng+spa";
  int jobs = 0;  // pages of one document OCR'd at once; 0: one per core
  OcrCleanup cleanup;
};

// Where the sealed mapping goes: X25519 recipients (given, or one per line
// of a file, '#' comments), or one scrypt passphrase — the age format allows
// a passphrase only alone.
struct SealSettings {
  std::vector<std::string> recipients;  // age1…
  std::optional<std::string> recipients_file;
  std::optional<std::string> passphrase_file;
  bool armor = false;  // ASCII-armored mapping
};

struct SessionOptions {
  std::string patterns_dir;  // "" = DefaultPatternsDir()
  std::optional<std::string> names_csv;
  std::optional<std::string> policy_file;
  std::optional<std::string> job_key_file;  // keys pseudonyms and report hashes
  SealSettings seal;
  OcrSettings ocr;
};

// The rules folder when --patterns gives none: $REDACT_PATTERNS when set
// and not empty; else, for an installed binary, `<exe dir>/../share/redact/
// patterns` (the executable found through /proc/self/exe, so a relocated
// install or an extracted .deb finds its own rules); else, for a binary
// still in the build tree's bin/ folder, the source tree's patterns/.
// An installed binary never falls back to the source tree: a missing
// share/ folder is reported by the loader, naming the path.
std::string DefaultPatternsDir();

class Session {
 public:
  // Loads everything once. Errors name the file at fault: rules, names
  // list, policy, job key (kInvalidArgument: the command line or a
  // configuration file is wrong), a recipients file that cannot be opened
  // (kNotFound), a passphrase file (as ReadPassphraseFile says); and
  // kInvalidArgument for recipients together with a passphrase.
  static StatusOr<std::unique_ptr<Session>> Open(const SessionOptions& options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const SessionOptions& options() const { return options_; }
  const Detector& detector() const { return *detector_; }
  const Policy& policy() const { return detector_->policy(); }
  // What loading had to guess or left unused, each "<file>:<line>: …" and
  // never a value: today the names list's (NamesIndex::warnings). The
  // command shows each one; the session is usable.
  std::vector<std::string> warnings() const;
  // Keys report hashes and the pseudonyms of people not on the list.
  const KeyedHasher& hasher() const { return *hasher_; }
  bool has_job_key() const { return options_.job_key_file.has_value(); }
  const Pseudonymizer& pseudonyms() const { return *pseudonyms_; }

  // Whether a mapping can be sealed (recipients or a passphrase given).
  bool sealing() const { return !recipients_.empty() || passphrase_.has_value(); }
  // An empty mapping stamped with this build and the policy's SHA-256.
  MappingBuilder NewMapping() const;
  // The age file of `mapping`; its values are cleared. Precondition: sealing().
  StatusOr<std::string> Seal(MappingBuilder* mapping) const;

  // OCR state for one thread or process: engines start on first need.
  OcrContext NewOcrContext() const;
  // How to open an input: password, the policy's limits, and the name
  // messages use for it when its path must not be repeated.
  pdf::OpenOptions OpenOptionsFor(const std::optional<std::string>& password,
                                  const std::string& display_name = "") const;

  // NameOutputs (pipeline/output_names.h) with this session's detector and
  // pseudonyms.
  std::vector<NamedOutput> NameOutputs(const std::vector<std::string>& relatives,
                                       OutputNaming naming) const;

 private:
  Session() = default;
  SessionOptions options_;
  std::unique_ptr<Detector> detector_;
  std::unique_ptr<KeyedHasher> hasher_;
  std::unique_ptr<Pseudonymizer> pseudonyms_;
  std::vector<age::X25519Recipient> recipients_;
  std::optional<age::SecureBuffer> passphrase_;
  std::string policy_hash_ = "none";
};

// The keyed hasher of a job key file (read private, at least 16 bytes,
// hashed to 32). Errors: the file's (kInvalidArgument when it is too short).
StatusOr<std::unique_ptr<KeyedHasher>> LoadJobHasher(const std::string& path);

// A new random job key written to `path` (mode 0600) unless one is there.
Status EnsureJobKeyFile(const std::string& path);

}  // namespace redact

#endif  // REDACT_PIPELINE_SESSION_H_
