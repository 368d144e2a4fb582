#include "pipeline/names_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "pdf/clean_writer.h"
#include "stages/seal/digest.h"

namespace redact {
namespace {

// A read-only mapping of a whole file, unmapped with its last owner.
class Mapping {
 public:
  Mapping(void* data, size_t size) : data_(data), size_(size) {}
  ~Mapping() { munmap(data_, size_); }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_;
  size_t size_;
};

StatusOr<std::string> ReadWhole(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Error(errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIo,
                 path + ": cannot open the names list: " + std::strerror(errno));
  }
  struct stat st;
  std::string bytes;
  if (fstat(fd, &st) == 0 && st.st_size > 0) bytes.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      close(fd);
      return Error(StatusCode::kIo, path + ": cannot read the names list: " + std::strerror(err));
    }
    bytes.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return bytes;
}

// The index file mapped, or nullptr when there is none; a file that is not
// ours alone (another owner, readable by others) is not trusted either.
std::shared_ptr<Mapping> MapPrivateFile(const std::string& path, bool* foreign) {
  *foreign = false;
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return nullptr;
  struct stat st;
  std::shared_ptr<Mapping> out;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 077) != 0) {
    *foreign = true;
  } else if (st.st_size > 0) {
    void* data = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (data != MAP_FAILED) out = std::make_shared<Mapping>(data, static_cast<size_t>(st.st_size));
  }
  close(fd);
  return out;
}

// The cache folder, made private when it is redact's own; "" when it
// cannot be. The list's own folder is left as its owner set it.
std::string PrivateCacheDir(const std::string& csv_path) {
  const std::string dir = NamesCacheDir(csv_path);
  if (dir.empty()) return "";
  if (std::getenv("REDACT_NAMES_CACHE") == nullptr) return dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return "";
  chmod(dir.c_str(), 0700);
  return dir;
}

// ".<list's file name>.<SHA-256>.redact-index": hidden beside the list,
// one per version of it.
std::string IndexName(const std::string& csv_path, const std::string& sha256_hex) {
  return "." + std::filesystem::path(csv_path).filename().string() + "." + sha256_hex + ".redact-index";
}

// Indexes of earlier versions of the list in `dir` (best effort: a file
// that cannot be removed only costs space).
void RemoveOlderIndexes(const std::string& dir, const std::string& csv_path, const std::string& current) {
  const std::string prefix = "." + std::filesystem::path(csv_path).filename().string() + ".";
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name != current && name.starts_with(prefix) && name.ends_with(".redact-index") &&
        name.size() == prefix.size() + 64 + std::string_view(".redact-index").size()) {
      std::filesystem::remove(e.path(), ec);
    }
  }
}

StatusOr<NamesIndex> Load(const std::string& csv_path, bool require_cache, CompiledNames* info) {
  StatusOr<std::string> csv = ReadWhole(csv_path);
  if (!csv) return Error(csv.error());
  const names_image::Source source{Sha256Hex(*csv), csv->size()};
  const std::string dir = PrivateCacheDir(csv_path);
  if (dir.empty() && require_cache) {
    return Error(StatusCode::kInvalidArgument,
                 "there is no folder for the names index (REDACT_NAMES_CACHE is off) — set REDACT_NAMES_CACHE "
                 "to a private folder, or unset it to keep the index beside the list");
  }
  const std::string name = IndexName(csv_path, source.sha256_hex);
  const std::string path = dir.empty() ? "" : dir + "/" + name;
  if (info) info->index_path = path;
  std::string damaged;
  if (!path.empty()) {
    bool foreign = false;
    if (std::shared_ptr<Mapping> mapped = MapPrivateFile(path, &foreign)) {
      const std::string_view bytes = mapped->bytes();
      StatusOr<NamesIndex> index = NamesIndex::FromImage(std::move(mapped), bytes, source, csv_path, path);
      if (index) {
        if (info) info->reused = true;
        return index;
      }
      damaged = index.error().message();
    } else if (foreign) {
      damaged = path + ": the compiled names index is not private to this user";
    }
  }
  StatusOr<std::string> image = NamesIndex::CompileCsvText(*csv, csv_path, source);
  if (!image) return Error(image.error());
  if (!path.empty()) {
    Status written = pdf::WriteFileAtomically(path, *image);
    if (!written.ok() && require_cache) return Error(written);
    if (written.ok()) RemoveOlderIndexes(dir, csv_path, name);
  }
  auto owned = std::make_shared<std::string>(std::move(*image));
  const std::string_view bytes = *owned;
  StatusOr<NamesIndex> index = NamesIndex::FromImage(std::move(owned), bytes, source, csv_path, "");
  if (index && !damaged.empty()) index->AddWarning(damaged + " — rebuilt from the list");
  return index;
}

}  // namespace

std::string NamesCacheDir(const std::string& csv_path) {
  if (const char* env = std::getenv("REDACT_NAMES_CACHE"); env != nullptr && *env != '\0') {
    return std::string(env) == "off" ? "" : env;
  }
  const std::filesystem::path parent = std::filesystem::path(csv_path).parent_path();
  return parent.empty() ? "." : parent.string();
}

StatusOr<NamesIndex> LoadNamesList(const std::string& csv_path) { return Load(csv_path, false, nullptr); }

StatusOr<CompiledNames> CompileNamesList(const std::string& csv_path) {
  CompiledNames info;
  StatusOr<NamesIndex> index = Load(csv_path, true, &info);
  if (!index) return Error(index.error());
  info.entities = index->entities().size();
  info.warnings = index->warnings();
  return info;
}

}  // namespace redact
