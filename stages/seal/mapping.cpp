#include "stages/seal/mapping.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

namespace redact {

MappingBuilder::MappingBuilder(std::string tool, std::string policy_hash) {
  const std::time_t now = std::time(nullptr);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  meta_ = {{"format", "redact-mapping/1"}, {"tool", tool}, {"policy_sha256", policy_hash},
           {"created", when}};
}

void MappingBuilder::AddDocument(const std::string& input_name, const std::string& output_name,
                                 std::vector<MappingEntry> entries) {
  nlohmann::json list = nlohmann::json::array();
  for (MappingEntry& e : entries) {
    list.push_back({{"replacement", e.replacement},
                    {"original", e.original},
                    {"category", e.category},
                    {"entity", e.entity},
                    {"page", e.page},
                    {"box", e.box}});
    sodium_memzero(e.original.data(), e.original.size());
  }
  documents_.push_back({{"input", input_name}, {"output", output_name}, {"entries", list}});
}

StatusOr<std::string> MappingBuilder::Seal(const std::vector<age::X25519Recipient>& recipients,
                                           const age::SecureBuffer* passphrase, bool armor) {
  nlohmann::json doc = meta_;
  doc["documents"] = std::move(documents_);
  std::string text = doc.dump(1);
  age::SecureBuffer plain(text);
  sodium_memzero(text.data(), text.size());
  doc = nlohmann::json();
  documents_ = nlohmann::json::array();
  return age::Encrypt(plain.view(), recipients, passphrase, {.armor = armor});
}

StatusOr<nlohmann::json> UnsealMappings(const std::vector<std::string>& files,
                                        const std::vector<const age::X25519Identity*>& identities,
                                        const std::vector<const age::SecureBuffer*>& passphrases) {
  nlohmann::json merged = {{"mappings", nlohmann::json::array()},
                           {"documents", nlohmann::json::array()}};
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error(StatusCode::kNotFound, file + ": cannot open");
    std::stringstream buf;
    buf << in.rdbuf();
    auto plain = age::Decrypt(buf.str(), identities, passphrases);
    if (!plain) {
      return Error(plain.error().kind == age::Failure::kNoMatch ? StatusCode::kPassword
                                                               : StatusCode::kDamagedPdf,
                   file + ": " + std::string(age::FailureName(plain.error().kind)) + " (" +
                       plain.error().message + "); nothing was released");
    }
    nlohmann::json doc = nlohmann::json::parse(plain->view(), nullptr, false);
    if (doc.is_discarded() || !doc.contains("documents")) {
      return Error(StatusCode::kDamagedPdf, file + ": not a redact mapping");
    }
    merged["mappings"].push_back({{"file", file},
                                  {"tool", doc.value("tool", "")},
                                  {"created", doc.value("created", "")},
                                  {"policy_sha256", doc.value("policy_sha256", "")}});
    for (auto& d : doc["documents"]) merged["documents"].push_back(std::move(d));
  }
  return merged;
}

StatusOr<age::SecureBuffer> ReadSecretFile(const std::string& path, std::string_view what) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Error(errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIo,
                 path + ": " + std::string(what) + ": " + std::strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (1 << 20)) {
    close(fd);
    return Error(StatusCode::kIo, path + ": " + std::string(what) + " is not a small regular file");
  }
  if (st.st_mode & 077) {
    close(fd);
    return Error(StatusCode::kInvalidArgument, path + ": " + std::string(what) +
                                                   " is readable by others; run chmod 600 on it first");
  }
  if (st.st_size == 0) {
    close(fd);
    return Error(StatusCode::kInvalidArgument, path + ": the " + std::string(what) + " is empty");
  }
  age::SecureBuffer buffer(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < buffer.size()) {
    const ssize_t n = read(fd, buffer.data() + got, buffer.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fd);
  if (got != buffer.size()) return Error(StatusCode::kIo, path + ": cannot read the " + std::string(what));
  return buffer;
}

StatusOr<age::SecureBuffer> ReadPassphraseFile(const std::string& path) {
  StatusOr<age::SecureBuffer> file = ReadSecretFile(path, "passphrase file");
  if (!file) return file;
  std::string_view text = file->view();
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (text.empty()) return Error(StatusCode::kInvalidArgument, path + ": the passphrase file is empty");
  return age::SecureBuffer(text);
}

StatusOr<std::vector<age::X25519Identity>> ReadIdentityFile(const std::string& path) {
  StatusOr<age::SecureBuffer> file = ReadSecretFile(path, "identity file");
  if (!file) return Error(file.error());
  std::vector<age::X25519Identity> out;
  std::string_view rest = file->view();
  int number = 0;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto id = age::X25519Identity::Parse(line);
    if (!id) {
      return Error(StatusCode::kInvalidArgument,
                   path + ":" + std::to_string(number) + ": not an age identity line");
    }
    out.push_back(std::move(*id));
  }
  if (out.empty()) return Error(StatusCode::kInvalidArgument, path + ": no identity in the file");
  return out;
}

StatusOr<age::X25519Identity> WriteNewIdentityFile(const std::string& path, bool demo) {
  age::X25519Identity id = age::X25519Identity::Generate();
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    return Error(errno == EEXIST ? StatusCode::kInvalidArgument : StatusCode::kIo,
                 path + ": " + (errno == EEXIST ? "exists; refusing to overwrite an identity"
                                                : std::string(std::strerror(errno))));
  }
  std::string text = std::string("# created by redact keygen") +
                     (demo ? " -- DEMO KEY: for the bundled samples only, never for real data" : "") +
                     "\n# public key: " + id.Recipient() + "\n" + id.Encode() + "\n";
  const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                  fsync(fd) == 0;
  close(fd);
  sodium_memzero(text.data(), text.size());
  if (!ok) return Error(StatusCode::kWriteFailed, path + ": cannot write the identity");
  return id;
}

}  // namespace redact
