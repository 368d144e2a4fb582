#include "stages/seal/keyed_hash.h"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace redact {
namespace {

unsigned char* NewKey() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
  auto* key = static_cast<unsigned char*>(sodium_malloc(crypto_generichash_KEYBYTES));
  if (!key) throw std::bad_alloc();
  return key;
}

}  // namespace

KeyedHasher::KeyedHasher() : key_(NewKey()) {
  randombytes_buf(key_, crypto_generichash_KEYBYTES);
  sodium_mprotect_readonly(key_);
}

KeyedHasher::KeyedHasher(std::string key) : key_(NewKey()) {
  std::memset(key_, 0, crypto_generichash_KEYBYTES);
  std::memcpy(key_, key.data(), std::min<size_t>(key.size(), crypto_generichash_KEYBYTES));
  sodium_memzero(key.data(), key.size());
  sodium_mprotect_readonly(key_);
}

KeyedHasher::~KeyedHasher() { sodium_free(key_); }  // wipes

std::string KeyedHasher::Hash(std::string_view value) const {
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(value.data()),
                     value.size(), key_, crypto_generichash_KEYBYTES);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

}  // namespace redact
