// Digests and random bytes for the rest of redact, so that libsodium is
// linked by the seal stage alone: SHA-256 of bytes and files (input
// fingerprints, policy hashes), fresh random keys, and a job key turned
// into a KeyedHasher.
//
// Thread-safety: pure functions (libsodium is initialized on first use).
#ifndef REDACT_STAGES_SEAL_DIGEST_H_
#define REDACT_STAGES_SEAL_DIGEST_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "stages/seal/age.h"
#include "stages/seal/keyed_hash.h"

namespace redact {

// SHA-256 of `bytes`, 64 lowercase hex characters.
std::string Sha256Hex(std::string_view bytes);

// SHA-256 of a file's bytes, read in 64 KiB pieces. Errors: kIo naming the
// file.
StatusOr<std::string> FileSha256(const std::string& path);

// `size` random bytes in locked memory.
age::SecureBuffer RandomSecret(size_t size);

// Overwrites a string's bytes with zeros (sodium_memzero: not optimized
// away), for secrets that had to pass through ordinary memory.
void Wipe(std::string* secret);

// A KeyedHasher keyed by BLAKE2b-256 of `secret` (a job key file's bytes).
std::unique_ptr<KeyedHasher> HasherFromSecret(const age::SecureBuffer& secret);

}  // namespace redact

#endif  // REDACT_STAGES_SEAL_DIGEST_H_
