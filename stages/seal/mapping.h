// The mapping: for each output document, what each replacement (a
// pseudonym or a redaction label) stands for — the original value, its
// category, entity, pages and boxes — plus job metadata. It is the most
// sensitive thing redact makes: built in memory, sealed with age to the
// job's recipients, and never written in plaintext.
//
// The JSON text is assembled into locked memory (SecureBuffer); the
// intermediate JSON values live briefly in ordinary heap memory and are
// wiped where the library allows (see Seal).
//
// Thread-safety: a MappingBuilder is not thread-safe.
#ifndef REDACT_STAGES_SEAL_MAPPING_H_
#define REDACT_STAGES_SEAL_MAPPING_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "stages/seal/age.h"

namespace redact {

struct MappingEntry {
  std::string replacement;  // "Applicant 3", "(b)(6)", "[REDACTED]"
  std::string original;
  std::string category;
  std::string entity;
  int page = 0;
  std::vector<double> box;  // x0, y0, x1, y1 (display space)
};

class MappingBuilder {
 public:
  MappingBuilder(std::string tool, std::string policy_hash);
  void AddDocument(const std::string& input_name, const std::string& output_name,
                   std::vector<MappingEntry> entries);
  bool empty() const { return documents_.empty(); }

  // The age file (binary) holding the mapping's JSON. The builder's own
  // copies of the values are cleared afterwards.
  StatusOr<std::string> Seal(const std::vector<age::X25519Recipient>& recipients,
                             const age::SecureBuffer* passphrase, bool armor = false);

 private:
  nlohmann::json meta_;
  nlohmann::json documents_ = nlohmann::json::array();
};

// Opens sealed mappings and merges their documents (shards of one job, or
// several jobs). Errors say which file failed and why, with no content.
StatusOr<nlohmann::json> UnsealMappings(const std::vector<std::string>& files,
                                        const std::vector<const age::X25519Identity*>& identities,
                                        const std::vector<const age::SecureBuffer*>& passphrases);

// Reads a secret file (an identity, a passphrase, a job key) into locked
// memory. Refuses a file that group or others can read (kInvalidArgument,
// saying to chmod 600 it), naming it as `what` ("passphrase file").
StatusOr<age::SecureBuffer> ReadSecretFile(const std::string& path, std::string_view what);

// The first line of a passphrase file (no line ending), in locked memory.
StatusOr<age::SecureBuffer> ReadPassphraseFile(const std::string& path);

// Reads identities from an age identity file (AGE-SECRET-KEY-1… lines,
// '#' comments). Refuses a file that group or others can read.
StatusOr<std::vector<age::X25519Identity>> ReadIdentityFile(const std::string& path);

// Writes a new identity file (mode 0600, refusing to overwrite) and
// returns the identity.
StatusOr<age::X25519Identity> WriteNewIdentityFile(const std::string& path, bool demo);

}  // namespace redact

#endif  // REDACT_STAGES_SEAL_MAPPING_H_
