// The age file format against the C2SP test kit (tests/data/external/
// age-testkit): each vector's expected outcome, and on success the SHA-256
// of the plaintext. Hybrid post-quantum vectors are skipped (not
// implemented); every other vector must pass. Plus round trips.
#include "stages/seal/age.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace redact::age {
namespace {

namespace fs = std::filesystem;

std::string Inflate(const std::string& in) {
  z_stream z{};
  inflateInit(&z);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[65536];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  return out;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[2 * sizeof h + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

TEST(AgeTestKit, EveryApplicableVector) {
  const fs::path dir = fs::path(REDACT_SOURCE_DIR) / "tests" / "data" / "external" / "age-testkit";
  ASSERT_TRUE(fs::is_directory(dir)) << dir << " is part of the repository";
  int passed = 0, skipped = 0, total = 0;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    const std::string raw((std::istreambuf_iterator<char>(in)), {});
    const size_t split = raw.find("\n\n");
    ASSERT_NE(split, std::string::npos) << path;
    std::multimap<std::string, std::string> meta;
    for (size_t p = 0; p < split;) {
      const size_t nl = raw.find('\n', p);
      const std::string line = raw.substr(p, std::min(nl, split) - p);
      const size_t colon = line.find(": ");
      if (colon != std::string::npos) meta.emplace(line.substr(0, colon), line.substr(colon + 2));
      p = nl + 1;
    }
    std::string body = raw.substr(split + 2);
    if (meta.count("compressed") && meta.find("compressed")->second == "zlib") body = Inflate(body);
    ++total;
    std::vector<X25519Identity> ids;
    bool pq = false;
    for (auto [it, end] = meta.equal_range("identity"); it != end; ++it) {
      if (it->second.starts_with("AGE-SECRET-KEY-PQ-")) {
        pq = true;
        continue;
      }
      auto id = X25519Identity::Parse(it->second);
      ASSERT_TRUE(id.has_value()) << path;
      ids.push_back(std::move(*id));
    }
    if (pq || path.filename().string().starts_with("hybrid")) {
      ++skipped;
      continue;
    }
    std::vector<SecureBuffer> passes;
    for (auto [it, end] = meta.equal_range("passphrase"); it != end; ++it) passes.emplace_back(it->second);
    std::vector<const X25519Identity*> id_ptrs;
    for (const auto& id : ids) id_ptrs.push_back(&id);
    std::vector<const SecureBuffer*> pass_ptrs;
    for (const auto& p : passes) pass_ptrs.push_back(&p);

    const std::string expect = meta.find("expect")->second;
    auto result = Decrypt(body, id_ptrs, pass_ptrs);
    const std::string got = result ? "success" : std::string(FailureName(result.error().kind));
    EXPECT_EQ(got, expect) << path.filename() << (result ? "" : ": " + result.error().message);
    if (result && expect == "success" && meta.count("payload")) {
      EXPECT_EQ(Sha256Hex(result->view()), meta.find("payload")->second) << path.filename();
    }
    if (got == expect) ++passed;
  }
  std::printf("age test kit: %d vectors, %d passed, %d skipped (hybrid post-quantum)\n", total,
              passed, skipped);
  EXPECT_EQ(passed + skipped, total);
}

TEST(Age, RoundTripsX25519ArmoredAndPassphrase) {
  X25519Identity a = X25519Identity::Generate(), b = X25519Identity::Generate();
  auto ra = X25519Recipient::Parse(a.Recipient());
  auto rb = X25519Recipient::Parse(b.Recipient());
  ASSERT_TRUE(ra && rb);
  for (size_t size : {size_t{0}, size_t{1}, size_t{65536}, size_t{65537}, size_t{200000}}) {
    std::string plain(size, 'x');
    for (size_t i = 0; i < size; ++i) plain[i] = static_cast<char>(i * 7 + 3);
    for (bool armor : {false, true}) {
      auto sealed = Encrypt(plain, {*ra, *rb}, nullptr, {.armor = armor});
      ASSERT_TRUE(sealed.has_value());
      auto opened = Decrypt(*sealed, {&b}, {});
      ASSERT_TRUE(opened.has_value()) << size << " " << opened.error().message;
      EXPECT_EQ(opened->view(), plain);
    }
  }
  SecureBuffer pass(std::string_view("correct horse"));
  auto sealed = Encrypt("mapping", {}, &pass, {.scrypt_log2 = 10});
  ASSERT_TRUE(sealed.has_value());
  auto opened = Decrypt(*sealed, {}, {&pass});
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ(opened->view(), "mapping");
  SecureBuffer wrong(std::string_view("wrong"));
  EXPECT_EQ(Decrypt(*sealed, {}, {&wrong}).error().kind, Failure::kNoMatch);
}

TEST(Age, TamperingReleasesNothing) {
  X25519Identity a = X25519Identity::Generate();
  auto ra = X25519Recipient::Parse(a.Recipient());
  auto sealed = Encrypt(std::string(100000, 'p'), {*ra}, nullptr);
  ASSERT_TRUE(sealed.has_value());
  std::string bad = *sealed;
  bad[bad.size() - 100] ^= 1;  // in the last chunk
  auto r = Decrypt(bad, {&a}, {});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, Failure::kPayload);
  EXPECT_EQ(Decrypt(sealed->substr(0, sealed->size() - 10), {&a}, {}).error().kind, Failure::kPayload);
}

TEST(Age, KeysEncodeAsBech32) {
  auto id = X25519Identity::Parse("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->Recipient(), "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj");
  EXPECT_EQ(id->Encode(), "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  EXPECT_FALSE(X25519Identity::Parse("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEy").has_value());
  EXPECT_FALSE(X25519Recipient::Parse("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwk").has_value());
}

}  // namespace
}  // namespace redact::age

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact::age {
namespace {

TEST(AgeInterop, DebianAgeOpensOursAndWeOpenTheirs) {
  REDACT_REQUIRE_TOOL("age");
  REDACT_REQUIRE_TOOL("age-keygen");
  using redact::testing::RunCommand;
  const fs::path dir = fs::temp_directory_path() / "redact_age_interop";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string plain = "{\"mapping\": \"test\"}\n" + std::string(70000, 'z');

  // Ours → age.
  X25519Identity ours = X25519Identity::Generate();
  std::ofstream(dir / "ours.key") << ours.Encode() << "\n";
  fs::permissions(dir / "ours.key", fs::perms::owner_read | fs::perms::owner_write);
  for (bool armor : {false, true}) {
    auto sealed = Encrypt(plain, {*X25519Recipient::Parse(ours.Recipient())}, nullptr, {.armor = armor});
    ASSERT_TRUE(sealed.has_value());
    std::ofstream(dir / "ours.age", std::ios::binary) << *sealed;
    auto r = RunCommand({"age", "-d", "-i", (dir / "ours.key").string(), (dir / "ours.age").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, plain);
  }

  // age → ours.
  auto kg = RunCommand({"age-keygen", "-o", (dir / "theirs.key").string()});
  ASSERT_EQ(kg.exit_code, 0) << kg.err;
  std::ifstream key_file(dir / "theirs.key");
  std::string line, secret, recipient;
  while (std::getline(key_file, line)) {
    if (line.starts_with("AGE-SECRET-KEY-1")) secret = line;
    if (line.starts_with("# public key: ")) recipient = line.substr(14);
  }
  auto theirs = X25519Identity::Parse(secret);
  ASSERT_TRUE(theirs.has_value());
  EXPECT_EQ(theirs->Recipient(), recipient);
  std::ofstream(dir / "plain.txt", std::ios::binary) << plain;
  for (bool armor : {false, true}) {
    std::vector<std::string> cmd = {"age", "-r", recipient, "-o", (dir / "theirs.age").string()};
    if (armor) cmd.insert(cmd.begin() + 1, "-a");
    cmd.push_back((dir / "plain.txt").string());
    ASSERT_EQ(RunCommand(cmd).exit_code, 0);
    std::ifstream in(dir / "theirs.age", std::ios::binary);
    const std::string file((std::istreambuf_iterator<char>(in)), {});
    auto opened = Decrypt(file, {&*theirs}, {});
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    EXPECT_EQ(opened->view(), plain);
  }
}

}  // namespace
}  // namespace redact::age
