// Keyed hashes of identifier values, so reports can say "the same value
// appears on pages 2 and 5" without holding the value. BLAKE2b (libsodium
// crypto_generichash) under a 32-byte key; without a job key a random one
// is made per run, so hashes cannot be compared across runs or guessed
// from a list of likely A-numbers.
//
// Thread-safety: a KeyedHasher is immutable after construction.
#ifndef REDACT_STAGES_SEAL_KEYED_HASH_H_
#define REDACT_STAGES_SEAL_KEYED_HASH_H_

#include <string>
#include <string_view>

namespace redact {

class KeyedHasher {
 public:
  KeyedHasher();                          // random key
  explicit KeyedHasher(std::string key);  // 32 bytes
  ~KeyedHasher();
  KeyedHasher(const KeyedHasher&) = delete;
  KeyedHasher& operator=(const KeyedHasher&) = delete;

  // 32 hex characters (128 bits).
  std::string Hash(std::string_view value) const;

 private:
  unsigned char* key_;  // sodium_malloc'd, locked, wiped on destruction
};

}  // namespace redact

#endif  // REDACT_STAGES_SEAL_KEYED_HASH_H_
