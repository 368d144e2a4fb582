#include "stages/seal/digest.h"

#include <sodium.h>

#include <fstream>
#include <stdexcept>

namespace redact {
namespace {

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(2 * size + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

void InitSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  InitSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return Hex(digest, sizeof digest);
}

StatusOr<std::string> FileSha256(const std::string& path) {
  InitSodium();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(StatusCode::kIo, path + ": cannot read");
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::string buf(1 << 16, '\0');
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const std::streamsize n = in.gcount();
    if (n > 0) {
      crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buf.data()),
                                static_cast<unsigned long long>(n));
    }
  }
  if (in.bad()) return Error(StatusCode::kIo, path + ": read error");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return Hex(digest, sizeof digest);
}

age::SecureBuffer RandomSecret(size_t size) {
  InitSodium();
  age::SecureBuffer out(size);
  randombytes_buf(out.data(), size);
  return out;
}

void Wipe(std::string* secret) { sodium_memzero(secret->data(), secret->size()); }

std::unique_ptr<KeyedHasher> HasherFromSecret(const age::SecureBuffer& secret) {
  InitSodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, secret.data(), secret.size(), nullptr, 0);
  auto hasher = std::make_unique<KeyedHasher>(std::string(reinterpret_cast<char*>(digest), 32));
  sodium_memzero(digest, sizeof digest);
  return hasher;
}

}  // namespace redact
