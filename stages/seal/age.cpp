#include "stages/seal/age.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <stdexcept>

namespace redact::age {
namespace {

constexpr size_t kFileKeySize = 16;
constexpr size_t kChunkSize = 64 * 1024;
constexpr size_t kTagSize = crypto_aead_chacha20poly1305_ietf_ABYTES;
constexpr char kVersionLine[] = "age-encryption.org/v1";
constexpr char kArmorBegin[] = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr char kArmorEnd[] = "-----END AGE ENCRYPTED FILE-----";

void InitSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
}

// ---------------------------------------------------------------- base64

std::string B64Encode(const uint8_t* data, size_t n, bool padded) {
  const int variant = padded ? sodium_base64_VARIANT_ORIGINAL : sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
  std::string out(sodium_base64_encoded_len(n, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// Canonical decoding only (libsodium rejects non-zero trailing bits).
std::optional<std::string> B64Decode(std::string_view text, bool padded) {
  const int variant = padded ? sodium_base64_VARIANT_ORIGINAL : sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
  for (char c : text) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' ||
                    (padded && c == '=');
    if (!ok) return std::nullopt;
  }
  std::string out(text.size() * 3 / 4 + 3, '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, &end, variant) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(len);
  if (B64Encode(reinterpret_cast<const uint8_t*>(out.data()), len, padded) != text) return std::nullopt;
  return out;
}

// ---------------------------------------------------------------- Bech32 (BIP 173, no length limit)

constexpr char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

uint32_t Polymod(const std::vector<uint8_t>& values) {
  static constexpr uint32_t kGen[] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
  uint32_t chk = 1;
  for (uint8_t v : values) {
    const uint8_t b = chk >> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (int i = 0; i < 5; ++i) chk ^= ((b >> i) & 1) ? kGen[i] : 0;
  }
  return chk;
}

std::vector<uint8_t> HrpExpand(std::string_view hrp) {
  std::vector<uint8_t> out;
  for (char c : hrp) out.push_back(static_cast<uint8_t>(c) >> 5);
  out.push_back(0);
  for (char c : hrp) out.push_back(static_cast<uint8_t>(c) & 31);
  return out;
}

std::optional<std::vector<uint8_t>> ConvertBits(const std::vector<uint8_t>& in, int from, int to,
                                                bool pad) {
  std::vector<uint8_t> out;
  uint32_t acc = 0;
  int bits = 0;
  const uint32_t max = (1u << to) - 1;
  for (uint8_t v : in) {
    if (v >> from) return std::nullopt;
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push_back(static_cast<uint8_t>((acc >> bits) & max));
    }
  }
  if (pad) {
    if (bits) out.push_back(static_cast<uint8_t>((acc << (to - bits)) & max));
  } else if (bits >= from || ((acc << (to - bits)) & max)) {
    return std::nullopt;
  }
  return out;
}

std::string Bech32Encode(std::string_view hrp, const uint8_t* data, size_t n) {
  std::vector<uint8_t> values = *ConvertBits(std::vector<uint8_t>(data, data + n), 8, 5, true);
  std::vector<uint8_t> check = HrpExpand(hrp);
  check.insert(check.end(), values.begin(), values.end());
  check.insert(check.end(), 6, 0);
  const uint32_t mod = Polymod(check) ^ 1;
  std::string out(hrp);
  out += '1';
  for (uint8_t v : values) out += kCharset[v];
  for (int i = 0; i < 6; ++i) out += kCharset[(mod >> (5 * (5 - i))) & 31];
  return out;
}

// Decodes a Bech32 string whose HRP (lower case) is `hrp`; returns bytes.
std::optional<std::vector<uint8_t>> Bech32Decode(std::string_view text, std::string_view hrp) {
  bool lower = false, upper = false;
  for (char c : text) {
    lower |= std::islower(static_cast<unsigned char>(c));
    upper |= std::isupper(static_cast<unsigned char>(c));
  }
  if (lower && upper) return std::nullopt;
  std::string s(text);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t sep = s.rfind('1');
  if (sep == std::string::npos || sep + 7 > s.size() || s.substr(0, sep) != hrp) return std::nullopt;
  std::vector<uint8_t> values;
  for (size_t i = sep + 1; i < s.size(); ++i) {
    const char* p = std::strchr(kCharset, s[i]);
    if (!p || !*p) return std::nullopt;
    values.push_back(static_cast<uint8_t>(p - kCharset));
  }
  std::vector<uint8_t> check = HrpExpand(hrp);
  check.insert(check.end(), values.begin(), values.end());
  if (Polymod(check) != 1) return std::nullopt;
  values.resize(values.size() - 6);
  return ConvertBits(values, 5, 8, false);
}

// ---------------------------------------------------------------- HKDF-SHA-256 (RFC 5869) from HMAC

void Hmac(const uint8_t* key, size_t key_len, const uint8_t* msg, size_t msg_len, uint8_t out[32]) {
  // An empty salt or message may come as a null pointer; libsodium's
  // arguments must not be null even at length 0 (UBSan).
  static const uint8_t kNothing[1] = {0};
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key ? key : kNothing, key_len);
  crypto_auth_hmacsha256_update(&st, msg ? msg : kNothing, msg_len);
  crypto_auth_hmacsha256_final(&st, out);
  sodium_memzero(&st, sizeof st);
}

// 32 bytes of output keying material (one HKDF-Expand block).
void Hkdf(const uint8_t* ikm, size_t ikm_len, const uint8_t* salt, size_t salt_len,
          std::string_view info, uint8_t out[32]) {
  uint8_t prk[32];
  Hmac(salt, salt_len, ikm, ikm_len, prk);
  std::string block(info);
  block.push_back('\x01');
  Hmac(prk, sizeof prk, reinterpret_cast<const uint8_t*>(block.data()), block.size(), out);
  sodium_memzero(prk, sizeof prk);
}

bool OpenBody(const uint8_t key[32], const std::string& body, uint8_t file_key[kFileKeySize]) {
  const uint8_t nonce[12] = {0};
  unsigned long long len = 0;
  return crypto_aead_chacha20poly1305_ietf_decrypt(
             file_key, &len, nullptr, reinterpret_cast<const uint8_t*>(body.data()), body.size(),
             nullptr, 0, nonce, key) == 0 &&
         len == kFileKeySize;
}

std::string SealBody(const uint8_t key[32], const uint8_t file_key[kFileKeySize]) {
  const uint8_t nonce[12] = {0};
  std::string out(kFileKeySize + kTagSize, '\0');
  unsigned long long len = 0;
  crypto_aead_chacha20poly1305_ietf_encrypt(reinterpret_cast<uint8_t*>(out.data()), &len, file_key,
                                            kFileKeySize, nullptr, 0, nullptr, nonce, key);
  return out;
}

void ChunkNonce(uint64_t counter, bool last, uint8_t nonce[12]) {
  std::memset(nonce, 0, 12);
  for (int i = 0; i < 8; ++i) nonce[10 - i] = static_cast<uint8_t>(counter >> (8 * i));
  nonce[11] = last ? 1 : 0;
}

// ---------------------------------------------------------------- armor

Expected<std::string, DecryptError> Dearmor(std::string_view file) {
  auto fail = [](std::string why) {
    return Unexpected(DecryptError{Failure::kArmor, std::move(why)});
  };
  const size_t first = file.find_first_not_of(" \t\r\n");
  const size_t last = file.find_last_not_of(" \t\r\n");
  if (first == std::string_view::npos) return fail("empty armor");
  std::string_view body = file.substr(first, last - first + 1);
  // Lines, LF or CRLF.
  std::vector<std::string_view> lines;
  size_t p = 0;
  while (p <= body.size()) {
    size_t nl = body.find('\n', p);
    std::string_view line = body.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    p = nl + 1;
  }
  if (lines.size() < 2 || lines.front() != kArmorBegin || lines.back() != kArmorEnd) {
    return fail("not an armored age file (begin/end lines)");
  }
  std::string b64;
  for (size_t i = 1; i + 1 < lines.size(); ++i) {
    const std::string_view l = lines[i];
    const bool final_line = i + 2 == lines.size();
    if (l.empty() || l.size() > 64 || (!final_line && l.size() != 64)) {
      return fail("armor line of the wrong length");
    }
    b64 += l;
  }
  auto decoded = B64Decode(b64, true);
  if (!decoded) return fail("armor is not canonical padded base64");
  return *decoded;
}

}  // namespace

// ---------------------------------------------------------------- SecureBuffer

SecureBuffer::SecureBuffer(size_t size) : size_(size) {
  InitSodium();
  data_ = static_cast<uint8_t*>(sodium_malloc(std::max<size_t>(size, 1)));
  if (!data_) throw std::bad_alloc();
  sodium_memzero(data_, std::max<size_t>(size, 1));
}
SecureBuffer::SecureBuffer(std::string_view bytes) : SecureBuffer(bytes.size()) {
  if (!bytes.empty()) std::memcpy(data_, bytes.data(), bytes.size());
}
SecureBuffer::~SecureBuffer() {
  if (data_) sodium_free(data_);  // wipes and unlocks
}
SecureBuffer::SecureBuffer(SecureBuffer&& o) noexcept : data_(o.data_), size_(o.size_) {
  o.data_ = nullptr;
  o.size_ = 0;
}
SecureBuffer& SecureBuffer::operator=(SecureBuffer&& o) noexcept {
  if (this != &o) {
    if (data_) sodium_free(data_);
    data_ = o.data_;
    size_ = o.size_;
    o.data_ = nullptr;
    o.size_ = 0;
  }
  return *this;
}

// ---------------------------------------------------------------- keys

X25519Identity X25519Identity::Generate() {
  X25519Identity id;
  randombytes_buf(id.secret_.data(), 32);
  return id;
}

StatusOr<X25519Identity> X25519Identity::Parse(std::string_view text) {
  auto bytes = Bech32Decode(text, "age-secret-key-");
  if (!bytes || bytes->size() != 32) {
    return Error(StatusCode::kInvalidArgument, "not an age X25519 identity (AGE-SECRET-KEY-1…)");
  }
  X25519Identity id;
  std::memcpy(id.secret_.data(), bytes->data(), 32);
  sodium_memzero(bytes->data(), bytes->size());
  return id;
}

std::string X25519Identity::Encode() const {
  std::string s = Bech32Encode("age-secret-key-", secret_.data(), 32);
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::array<uint8_t, 32> X25519Identity::public_key() const {
  std::array<uint8_t, 32> pub{};
  crypto_scalarmult_base(pub.data(), secret_.data());
  return pub;
}

std::string X25519Identity::Recipient() const {
  const auto pub = public_key();
  return Bech32Encode("age", pub.data(), pub.size());
}

StatusOr<X25519Recipient> X25519Recipient::Parse(std::string_view text) {
  auto bytes = Bech32Decode(text, "age");
  if (!bytes || bytes->size() != 32) {
    return Error(StatusCode::kInvalidArgument, "not an age X25519 recipient (age1…)");
  }
  X25519Recipient r;
  std::copy(bytes->begin(), bytes->end(), r.key.begin());
  return r;
}

std::string_view FailureName(Failure f) {
  switch (f) {
    case Failure::kArmor: return "armor failure";
    case Failure::kHeader: return "header failure";
    case Failure::kHmac: return "HMAC failure";
    case Failure::kNoMatch: return "no match";
    case Failure::kPayload: return "payload failure";
  }
  return "failure";
}

// ---------------------------------------------------------------- decrypt
//
// Decrypt in its steps: parse the header, unwrap the file key from a stanza
// one of our identities or passphrases opens, check the header MAC, then
// decrypt the payload. Each step fails with the Failure kind the C2SP test
// kit expects of it.

namespace {

Unexpected<DecryptError> Fail(Failure kind, std::string why) {
  return Unexpected(DecryptError{kind, std::move(why)});
}

// One recipient stanza: "-> type args…", then its base64 body.
struct Stanza {
  std::vector<std::string> args;
  std::string body;
};

// A parsed header. The views point into the file given to ParseHeader.
struct Header {
  std::vector<Stanza> stanzas;
  std::string mac;             // 32 bytes
  std::string_view mac_input;  // the header up to and including "---"
  std::string_view payload;    // nonce (16 bytes, checked present), then chunks
};

// Reads a file line by line ('\n' ends each line; none may be missing).
class LineReader {
 public:
  explicit LineReader(std::string_view file) : file_(file) {}
  bool Next(std::string_view* line) {
    const size_t nl = file_.find('\n', pos_);
    if (nl == std::string_view::npos) return false;
    *line = file_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    return true;
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view file_;
  size_t pos_ = 0;
};

// The stanza whose first line ("-> …") is `first`; its body is read from
// `lines`: lines of 64 base64 characters, ended by a shorter one.
Expected<Stanza, DecryptError> ParseStanza(std::string_view first, LineReader& lines) {
  Stanza s;
  std::string_view rest = first.substr(3);
  while (true) {
    const size_t sp = rest.find(' ');
    std::string_view arg = rest.substr(0, sp);
    if (arg.empty()) return Fail(Failure::kHeader, "empty stanza argument");
    for (char c : arg) {
      if (c < 0x21 || c > 0x7E) return Fail(Failure::kHeader, "bad character in a stanza");
    }
    s.args.emplace_back(arg);
    if (sp == std::string_view::npos) break;
    rest = rest.substr(sp + 1);
  }
  std::string b64;
  std::string_view line;
  while (true) {
    if (!lines.Next(&line)) return Fail(Failure::kHeader, "stanza body ends early");
    if (line.size() > 64) return Fail(Failure::kHeader, "stanza body line too long");
    b64 += line;
    if (line.size() < 64) break;
  }
  auto body = B64Decode(b64, false);
  if (!body) return Fail(Failure::kHeader, "stanza body is not canonical base64");
  s.body = std::move(*body);
  return s;
}

// Version line, stanzas, MAC line; then at least a payload nonce.
Expected<Header, DecryptError> ParseHeader(std::string_view file) {
  Header h;
  LineReader lines(file);
  std::string_view line;
  if (!lines.Next(&line) || line != kVersionLine) return Fail(Failure::kHeader, "not an age v1 header");
  size_t mac_line_start = 0;
  while (true) {
    const size_t line_start = lines.pos();
    if (!lines.Next(&line)) return Fail(Failure::kHeader, "header ends early");
    if (line.starts_with("-> ")) {
      auto stanza = ParseStanza(line, lines);
      if (!stanza) return Unexpected(std::move(stanza).error());
      h.stanzas.push_back(std::move(*stanza));
    } else if (line.starts_with("---")) {
      if (line.size() != 47 || line[3] != ' ') return Fail(Failure::kHeader, "malformed MAC line");
      auto m = B64Decode(line.substr(4), false);
      if (!m || m->size() != 32) return Fail(Failure::kHeader, "malformed MAC");
      h.mac = std::move(*m);
      mac_line_start = line_start;
      break;
    } else {
      return Fail(Failure::kHeader, "unexpected header line");
    }
  }
  if (h.stanzas.empty()) return Fail(Failure::kHeader, "no recipient stanza");
  h.mac_input = file.substr(0, mac_line_start + 3);
  h.payload = file.substr(lines.pos());
  if (h.payload.size() < 16) return Fail(Failure::kHeader, "payload nonce missing");
  return h;
}

// Whether one of `identities` opens X25519 stanza `s`; if so the file key
// is in `file_key`. Fails (header) on a malformed stanza.
Expected<bool, DecryptError> UnwrapX25519(const Stanza& s, const std::vector<const X25519Identity*>& identities,
                                          SecureBuffer* file_key) {
  if (s.args.size() != 2) return Fail(Failure::kHeader, "X25519 stanza arguments");
  auto share = B64Decode(s.args[1], false);
  if (!share || share->size() != 32) return Fail(Failure::kHeader, "X25519 share");
  if (s.body.size() != kFileKeySize + kTagSize) return Fail(Failure::kHeader, "X25519 body size");
  for (const X25519Identity* id : identities) {
    SecureBuffer shared(32);
    if (crypto_scalarmult(shared.data(), id->secret().data(), reinterpret_cast<const uint8_t*>(share->data())) !=
        0) {
      return Fail(Failure::kHeader, "X25519 shared secret is zero");
    }
    const auto pub = id->public_key();
    std::string salt = *share;
    salt.append(reinterpret_cast<const char*>(pub.data()), pub.size());
    uint8_t wrap[32];
    Hkdf(shared.data(), 32, reinterpret_cast<const uint8_t*>(salt.data()), salt.size(),
         "age-encryption.org/v1/X25519", wrap);
    const bool ok = OpenBody(wrap, s.body, file_key->data());
    sodium_memzero(wrap, sizeof wrap);
    if (ok) return true;
  }
  return false;
}

// The same for an scrypt stanza and `passphrases`. A work factor above
// options.max_scrypt_log2 is refused (header) before any work is done.
Expected<bool, DecryptError> UnwrapScrypt(const Stanza& s, const std::vector<const SecureBuffer*>& passphrases,
                                          const DecryptOptions& options, SecureBuffer* file_key) {
  if (s.args.size() != 3) return Fail(Failure::kHeader, "scrypt stanza arguments");
  auto salt = B64Decode(s.args[1], false);
  if (!salt || salt->size() != 16) return Fail(Failure::kHeader, "scrypt salt");
  const std::string& wf = s.args[2];
  if (wf.empty() || wf.size() > 2 || wf[0] < '1' || wf[0] > '9' ||
      !std::all_of(wf.begin(), wf.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Fail(Failure::kHeader, "scrypt work factor");
  }
  const int log_n = std::stoi(wf);
  if (log_n > options.max_scrypt_log2) return Fail(Failure::kHeader, "scrypt work factor too high");
  if (s.body.size() != kFileKeySize + kTagSize) return Fail(Failure::kHeader, "scrypt body size");
  std::string full_salt = "age-encryption.org/v1/scrypt" + *salt;
  for (const SecureBuffer* pass : passphrases) {
    SecureBuffer wrap(32);
    if (crypto_pwhash_scryptsalsa208sha256_ll(pass->data(), pass->size(),
                                              reinterpret_cast<const uint8_t*>(full_salt.data()), full_salt.size(),
                                              uint64_t{1} << log_n, 8, 1, wrap.data(), 32) != 0) {
      return Fail(Failure::kHeader, "scrypt failed");
    }
    if (OpenBody(wrap.data(), s.body, file_key->data())) return true;
  }
  return false;
}

// The file key, from the first stanza (in order) that opens. Stanza types
// other than X25519 and scrypt are not ours and are passed over; an scrypt
// stanza must be the only one.
Expected<SecureBuffer, DecryptError> UnwrapFileKey(const std::vector<Stanza>& stanzas,
                                                   const std::vector<const X25519Identity*>& identities,
                                                   const std::vector<const SecureBuffer*>& passphrases,
                                                   const DecryptOptions& options) {
  SecureBuffer file_key(kFileKeySize);
  const bool has_scrypt =
      std::any_of(stanzas.begin(), stanzas.end(), [](const Stanza& s) { return s.args[0] == "scrypt"; });
  if (has_scrypt && stanzas.size() != 1) return Fail(Failure::kHeader, "scrypt stanza not alone");
  for (const Stanza& s : stanzas) {
    Expected<bool, DecryptError> opened = false;
    if (s.args[0] == "X25519") {
      opened = UnwrapX25519(s, identities, &file_key);
    } else if (s.args[0] == "scrypt") {
      opened = UnwrapScrypt(s, passphrases, options, &file_key);
    }
    if (!opened) return Unexpected(std::move(opened).error());
    if (*opened) return file_key;
  }
  return Fail(Failure::kNoMatch, "no identity matches");
}

// Whether the header's MAC is right for `file_key`.
bool HeaderMacMatches(const SecureBuffer& file_key, const Header& header) {
  uint8_t hmac_key[32], computed[32];
  Hkdf(file_key.data(), kFileKeySize, nullptr, 0, "header", hmac_key);
  Hmac(hmac_key, sizeof hmac_key, reinterpret_cast<const uint8_t*>(header.mac_input.data()),
       header.mac_input.size(), computed);
  sodium_memzero(hmac_key, sizeof hmac_key);
  return sodium_memcmp(computed, header.mac.data(), 32) == 0;
}

// The payload (16-byte nonce, then STREAM over 64 KiB chunks) decrypted;
// nothing is released unless every chunk verifies.
Expected<SecureBuffer, DecryptError> DecryptPayload(const SecureBuffer& file_key, std::string_view payload) {
  uint8_t payload_key[32];
  Hkdf(file_key.data(), kFileKeySize, reinterpret_cast<const uint8_t*>(payload.data()), 16, "payload",
       payload_key);
  const std::string_view ct = payload.substr(16);
  if (ct.size() < kTagSize) {
    sodium_memzero(payload_key, sizeof payload_key);
    return Fail(Failure::kPayload, "payload has no chunk");
  }
  const size_t full = kChunkSize + kTagSize;
  const size_t chunks = ct.size() <= full ? 1 : (ct.size() + full - 1) / full;
  // Every chunk, the last included, must at least hold its tag; only then
  // is the plaintext size known (and the buffer exactly that large).
  if (ct.size() - (chunks - 1) * full < kTagSize) {
    sodium_memzero(payload_key, sizeof payload_key);
    return Fail(Failure::kPayload, "truncated final chunk");
  }
  SecureBuffer plain(ct.size() - chunks * kTagSize);
  size_t out = 0, in = 0;
  for (uint64_t counter = 0; in < ct.size(); ++counter) {
    const size_t remaining = ct.size() - in;
    const bool last = remaining <= full;
    const size_t n = last ? remaining : full;
    if (n < kTagSize) {
      sodium_memzero(payload_key, sizeof payload_key);
      return Fail(Failure::kPayload, "truncated chunk");
    }
    uint8_t nonce[12];
    ChunkNonce(counter, last, nonce);
    unsigned long long len = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(plain.data() + out, &len, nullptr,
                                                  reinterpret_cast<const uint8_t*>(ct.data() + in), n, nullptr, 0,
                                                  nonce, payload_key) != 0) {
      sodium_memzero(payload_key, sizeof payload_key);
      return Fail(Failure::kPayload, "payload chunk does not verify");
    }
    if (last && len == 0 && counter > 0) {
      sodium_memzero(payload_key, sizeof payload_key);
      return Fail(Failure::kPayload, "empty final chunk");
    }
    out += len;
    in += n;
  }
  sodium_memzero(payload_key, sizeof payload_key);
  return plain;
}

}  // namespace

Expected<SecureBuffer, DecryptError> Decrypt(
    std::string_view file, const std::vector<const X25519Identity*>& identities,
    const std::vector<const SecureBuffer*>& passphrases, const DecryptOptions& options) {
  InitSodium();
  // A binary file starts with the version line; anything else is armor
  // (and fails as armor if it is not).
  std::string dearmored;
  if (!file.empty() && !file.starts_with("age-encryption.org/")) {
    auto d = Dearmor(file);
    if (!d) return Unexpected(d.error());
    dearmored = std::move(*d);
    file = dearmored;
  }
  Expected<Header, DecryptError> header = ParseHeader(file);
  if (!header) return Unexpected(std::move(header).error());
  Expected<SecureBuffer, DecryptError> file_key =
      UnwrapFileKey(header->stanzas, identities, passphrases, options);
  if (!file_key) return Unexpected(std::move(file_key).error());
  if (!HeaderMacMatches(*file_key, *header)) return Fail(Failure::kHmac, "header MAC mismatch");
  return DecryptPayload(*file_key, header->payload);
}

// ---------------------------------------------------------------- encrypt

StatusOr<std::string> Encrypt(std::string_view plaintext,
                              const std::vector<X25519Recipient>& recipients,
                              const SecureBuffer* passphrase, const EncryptOptions& options) {
  InitSodium();
  if (recipients.empty() == (passphrase == nullptr)) {
    return Error(StatusCode::kInvalidArgument,
                 "age: give X25519 recipients or one passphrase (not both, not neither)");
  }
  SecureBuffer file_key(kFileKeySize);
  randombytes_buf(file_key.data(), kFileKeySize);
  auto wrap_lines = [](const std::string& b64) {
    std::string out;
    size_t i = 0;
    for (; i + 64 <= b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
    out += b64.substr(i) + "\n";  // the short (possibly empty) final line
    return out;
  };
  std::string header = std::string(kVersionLine) + "\n";
  for (const X25519Recipient& r : recipients) {
    SecureBuffer eph(32);
    randombytes_buf(eph.data(), 32);
    uint8_t share[32];
    crypto_scalarmult_base(share, eph.data());
    SecureBuffer shared(32);
    if (crypto_scalarmult(shared.data(), eph.data(), r.key.data()) != 0) {
      return Error(StatusCode::kInvalidArgument, "age: recipient is a low-order point");
    }
    std::string salt(reinterpret_cast<const char*>(share), 32);
    salt.append(reinterpret_cast<const char*>(r.key.data()), 32);
    uint8_t wrap[32];
    Hkdf(shared.data(), 32, reinterpret_cast<const uint8_t*>(salt.data()), salt.size(),
         "age-encryption.org/v1/X25519", wrap);
    const std::string body = SealBody(wrap, file_key.data());
    sodium_memzero(wrap, sizeof wrap);
    header += "-> X25519 " + B64Encode(share, 32, false) + "\n" +
              wrap_lines(B64Encode(reinterpret_cast<const uint8_t*>(body.data()), body.size(), false));
  }
  if (passphrase) {
    uint8_t salt[16];
    randombytes_buf(salt, sizeof salt);
    std::string full_salt = "age-encryption.org/v1/scrypt" + std::string(reinterpret_cast<char*>(salt), 16);
    SecureBuffer wrap(32);
    if (crypto_pwhash_scryptsalsa208sha256_ll(passphrase->data(), passphrase->size(),
                                              reinterpret_cast<const uint8_t*>(full_salt.data()),
                                              full_salt.size(), uint64_t{1} << options.scrypt_log2,
                                              8, 1, wrap.data(), 32) != 0) {
      return Error(StatusCode::kResource, "age: scrypt failed (memory)");
    }
    const std::string body = SealBody(wrap.data(), file_key.data());
    header += "-> scrypt " + B64Encode(salt, 16, false) + " " + std::to_string(options.scrypt_log2) +
              "\n" + wrap_lines(B64Encode(reinterpret_cast<const uint8_t*>(body.data()), body.size(), false));
  }
  header += "---";
  uint8_t hmac_key[32], mac[32];
  Hkdf(file_key.data(), kFileKeySize, nullptr, 0, "header", hmac_key);
  Hmac(hmac_key, 32, reinterpret_cast<const uint8_t*>(header.data()), header.size(), mac);
  sodium_memzero(hmac_key, sizeof hmac_key);
  header += " " + B64Encode(mac, 32, false) + "\n";

  uint8_t nonce[16];
  randombytes_buf(nonce, sizeof nonce);
  uint8_t payload_key[32];
  Hkdf(file_key.data(), kFileKeySize, nonce, sizeof nonce, "payload", payload_key);
  std::string out = header;
  out.append(reinterpret_cast<char*>(nonce), sizeof nonce);
  size_t in = 0;
  uint64_t counter = 0;
  do {
    const size_t n = std::min(kChunkSize, plaintext.size() - in);
    const bool last = in + n == plaintext.size();
    uint8_t chunk_nonce[12];
    ChunkNonce(counter++, last, chunk_nonce);
    std::string chunk(n + kTagSize, '\0');
    unsigned long long len = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(
        reinterpret_cast<uint8_t*>(chunk.data()), &len,
        reinterpret_cast<const uint8_t*>(plaintext.data() + in), n, nullptr, 0, nullptr,
        chunk_nonce, payload_key);
    out += chunk;
    in += n;
  } while (in < plaintext.size());
  sodium_memzero(payload_key, sizeof payload_key);
  if (!options.armor) return out;
  const std::string b64 = B64Encode(reinterpret_cast<const uint8_t*>(out.data()), out.size(), true);
  std::string armored = std::string(kArmorBegin) + "\n";
  for (size_t i = 0; i < b64.size(); i += 64) armored += b64.substr(i, 64) + "\n";
  return armored + kArmorEnd + "\n";
}

}  // namespace redact::age
