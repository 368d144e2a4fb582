// The age v1 file format (age-encryption.org/v1, C2SP age.md) on libsodium:
// X25519 and scrypt recipient stanzas, HKDF-SHA-256 built from HMAC-SHA-256
// (libsodium 1.0.18 has no HKDF), the ChaCha20-Poly1305 STREAM payload in
// 64 KiB chunks, the header MAC, and strict ASCII armor. Files made here
// open with the standard `age` tool and the other way round, so a sealed
// mapping outlives this tool.
//
// Decryption releases nothing unless the whole file verifies: header MAC
// and every payload chunk. Failures are typed the way the age test kit
// names them (header, HMAC, payload, armor, no match).
//
// Secrets (identities, file keys, plaintexts) live in SecureBuffer:
// sodium_malloc'd, locked in memory, wiped when freed.
//
// Thread-safety: functions are reentrant; objects are not shared-mutable.
#ifndef REDACT_STAGES_SEAL_AGE_H_
#define REDACT_STAGES_SEAL_AGE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace redact::age {

// Bytes in locked memory, wiped on destruction. Move-only.
class SecureBuffer {
 public:
  SecureBuffer() = default;
  explicit SecureBuffer(size_t size);
  SecureBuffer(std::string_view bytes);
  ~SecureBuffer();
  SecureBuffer(SecureBuffer&& o) noexcept;
  SecureBuffer& operator=(SecureBuffer&& o) noexcept;
  SecureBuffer(const SecureBuffer&) = delete;
  SecureBuffer& operator=(const SecureBuffer&) = delete;

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  std::string_view view() const {
    return {reinterpret_cast<const char*>(data_), size_};
  }

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

class X25519Identity {
 public:
  static X25519Identity Generate();
  // "AGE-SECRET-KEY-1…" (Bech32, either case). kInvalidArgument otherwise.
  static StatusOr<X25519Identity> Parse(std::string_view text);

  std::string Encode() const;     // AGE-SECRET-KEY-1… (upper case)
  std::string Recipient() const;  // age1…
  const SecureBuffer& secret() const { return secret_; }
  std::array<uint8_t, 32> public_key() const;

 private:
  SecureBuffer secret_{32};
};

struct X25519Recipient {
  std::array<uint8_t, 32> key{};
  // "age1…". kInvalidArgument otherwise.
  static StatusOr<X25519Recipient> Parse(std::string_view text);
};

enum class Failure { kArmor, kHeader, kHmac, kNoMatch, kPayload };
std::string_view FailureName(Failure f);

struct DecryptError {
  Failure kind;
  std::string message;  // no secrets, no plaintext
};

struct DecryptOptions {
  int max_scrypt_log2 = 22;  // higher work factors are refused (header)
};

// Decrypts a binary or armored age file with any of the identities or
// passphrases. The plaintext is returned only if everything verifies.
Expected<SecureBuffer, DecryptError> Decrypt(
    std::string_view file, const std::vector<const X25519Identity*>& identities,
    const std::vector<const SecureBuffer*>& passphrases, const DecryptOptions& options = {});

struct EncryptOptions {
  bool armor = false;
  int scrypt_log2 = 18;
};

// Encrypts to X25519 recipients, or to one passphrase (age allows a
// passphrase stanza only alone). kInvalidArgument when neither or both.
StatusOr<std::string> Encrypt(std::string_view plaintext,
                              const std::vector<X25519Recipient>& recipients,
                              const SecureBuffer* passphrase, const EncryptOptions& options = {});

}  // namespace redact::age

#endif  // REDACT_STAGES_SEAL_AGE_H_
