#include "pipeline/session.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "pdf/clean_writer.h"
#include "stages/seal/digest.h"

namespace redact {
namespace {

// Configuration files that cannot be used are the command line's fault.
Status AsUsageError(const Status& s) {
  return s.code() == StatusCode::kInvalidArgument ? s : Status(StatusCode::kInvalidArgument, s.message());
}

StatusOr<std::vector<age::X25519Recipient>> ReadRecipients(const SealSettings& seal) {
  std::vector<std::string> texts = seal.recipients;
  if (seal.recipients_file) {
    std::ifstream in(*seal.recipients_file);
    if (!in) return Error(StatusCode::kNotFound, *seal.recipients_file + ": cannot open");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') texts.push_back(line);
    }
  }
  std::vector<age::X25519Recipient> recipients;
  for (const std::string& text : texts) {
    StatusOr<age::X25519Recipient> parsed = age::X25519Recipient::Parse(text);
    if (!parsed) return Error(StatusCode::kInvalidArgument, "--recipient: " + parsed.error().message());
    recipients.push_back(*parsed);
  }
  return recipients;
}

}  // namespace

std::string DefaultPatternsDir() {
  if (const char* env = std::getenv("REDACT_PATTERNS"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return REDACT_PATTERNS_DIR;
  const std::filesystem::path bin = exe.parent_path();
  if (std::filesystem::equivalent(bin, REDACT_BUILD_BIN_DIR, ec) && !ec) return REDACT_PATTERNS_DIR;
  return (bin.parent_path() / "share" / "redact" / "patterns").string();
}

StatusOr<std::unique_ptr<KeyedHasher>> LoadJobHasher(const std::string& path) {
  StatusOr<age::SecureBuffer> key = ReadSecretFile(path, "job key file");
  if (!key) return Error(key.error());
  if (key->size() < 16) {
    return Error(StatusCode::kInvalidArgument, path + ": a job key file needs at least 16 bytes");
  }
  return HasherFromSecret(*key);
}

Status EnsureJobKeyFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return Status::Ok();
  const age::SecureBuffer key = RandomSecret(32);
  return pdf::WriteFileAtomically(path, std::string(key.view()));
}

StatusOr<std::unique_ptr<Session>> Session::Open(const SessionOptions& options) {
  std::unique_ptr<Session> s(new Session());
  s->options_ = options;
  const std::string patterns = options.patterns_dir.empty() ? DefaultPatternsDir() : options.patterns_dir;
  StatusOr<std::unique_ptr<Detector>> detector = LoadDetector(patterns, options.names_csv, options.policy_file);
  if (!detector) return Error(AsUsageError(detector.error()));
  s->detector_ = std::move(*detector);
  StatusOr<std::vector<age::X25519Recipient>> recipients = ReadRecipients(options.seal);
  if (!recipients) return Error(recipients.error());
  s->recipients_ = std::move(*recipients);
  if (options.seal.passphrase_file) {
    StatusOr<age::SecureBuffer> read = ReadPassphraseFile(*options.seal.passphrase_file);
    if (!read) return Error(read.error());
    s->passphrase_.emplace(std::move(*read));
  }
  if (s->passphrase_ && !s->recipients_.empty()) {
    return Error(StatusCode::kInvalidArgument, "the age format seals to recipients or to a passphrase, not both");
  }
  if (options.job_key_file) {
    StatusOr<std::unique_ptr<KeyedHasher>> loaded = LoadJobHasher(*options.job_key_file);
    if (!loaded) return Error(AsUsageError(loaded.error()));
    s->hasher_ = std::move(*loaded);
  } else {
    s->hasher_ = std::make_unique<KeyedHasher>();
  }
  if (options.policy_file) {
    std::ifstream in(*options.policy_file, std::ios::binary);
    s->policy_hash_ = Sha256Hex(std::string((std::istreambuf_iterator<char>(in)), {}));
  }
  const Policy& policy = s->detector_->policy();
  PseudonymStyle style;
  style.name = policy.pseudonym_name;
  // Words where no document decides them (file and folder names): the
  // policy's fixed language, else English.
  style.words = policy.WordsFor(policy.language.value_or(DocumentLanguage::kEnglish));
  style.a_number = policy.pseudonym_a_number;
  s->pseudonyms_ = std::make_unique<Pseudonymizer>(style, s->detector_->names(), s->hasher_.get());
  return s;
}

Session::~Session() = default;

std::vector<std::string> Session::warnings() const {
  const NamesIndex* names = detector_->names();
  return names ? names->warnings() : std::vector<std::string>{};
}

MappingBuilder Session::NewMapping() const { return MappingBuilder("redact " REDACT_VERSION, policy_hash_); }

StatusOr<std::string> Session::Seal(MappingBuilder* mapping) const {
  return mapping->Seal(recipients_, passphrase_ ? &*passphrase_ : nullptr, options_.seal.armor);
}

OcrContext Session::NewOcrContext() const {
  OcrContext ocr;
  ocr.mode = options_.ocr.mode;
  ocr.languages = options_.ocr.languages;
  ocr.cleanup = options_.ocr.cleanup;
  ocr.jobs = options_.ocr.jobs > 0 ? options_.ocr.jobs
                                   : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  return ocr;
}

pdf::OpenOptions Session::OpenOptionsFor(const std::optional<std::string>& password,
                                         const std::string& display_name) const {
  pdf::OpenOptions open;
  open.password = password;
  open.limits = policy().limits;
  if (!display_name.empty()) open.display_name = display_name;
  return open;
}

std::vector<NamedOutput> Session::NameOutputs(const std::vector<std::string>& relatives,
                                              OutputNaming naming) const {
  return redact::NameOutputs(relatives, naming, *detector_, *pseudonyms_);
}

}  // namespace redact
