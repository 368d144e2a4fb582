// Fuzzes the age v1 reader: armor, header and stanza parsing, the header
// MAC and the STREAM payload, with the C2SP test kit's usual X25519
// identity and passphrase (scrypt work factors above 2^10 are refused so
// that one input cannot take seconds).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stages/seal/age.h"

namespace {

struct Keys {
  redact::age::X25519Identity identity;
  redact::age::SecureBuffer passphrase;
};

const Keys& SharedKeys() {
  static const Keys* keys = [] {
    auto id = redact::age::X25519Identity::Parse(
        "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0");
    if (!id) __builtin_trap();
    return new Keys{std::move(*id), redact::age::SecureBuffer(std::string_view("password"))};
  }();
  return *keys;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Keys& keys = SharedKeys();
  const std::string_view file(reinterpret_cast<const char*>(data), size);
  redact::age::DecryptOptions options;
  options.max_scrypt_log2 = 10;
  auto plain = redact::age::Decrypt(file, {&keys.identity}, {&keys.passphrase}, options);
  (void)plain;
  (void)redact::age::X25519Recipient::Parse(file.substr(0, 100));
  (void)redact::age::X25519Identity::Parse(file.substr(0, 100));
  return 0;
}
