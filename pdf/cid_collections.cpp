#include "pdf/cid_collections.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <utility>

namespace redact::pdf {
namespace {

// The largest table file read (poppler-data's largest CMap is ~200 KB, its
// largest cidToUnicode ~150 KB).
constexpr std::streamoff kMaxTableBytes = 8 << 20;
constexpr int kMaxUseCMapDepth = 4;

std::optional<std::string> ReadTableFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0 || size > kMaxTableBytes) return std::nullopt;
  in.seekg(0);
  std::string data(static_cast<size_t>(size), '\0');
  if (!in.read(data.data(), size)) return std::nullopt;
  return data;
}

bool PlainCMapName(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.find("..") != std::string_view::npos) return false;
  for (char c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// Loaded tables by file path; nullptr remembers a miss. Guarded by Mutex().
std::mutex& Mutex() {
  static std::mutex mutex;
  return mutex;
}
std::map<std::string, std::shared_ptr<const CidToUnicode>>& CidTables() {
  static auto* tables = new std::map<std::string, std::shared_ptr<const CidToUnicode>>;
  return *tables;
}
std::map<std::string, std::shared_ptr<const CMap>>& CMaps() {
  static auto* cmaps = new std::map<std::string, std::shared_ptr<const CMap>>;
  return *cmaps;
}

// Loads cMap/<collection>/<name> and what it uses; Mutex() held.
std::shared_ptr<const CMap> LoadCMapLocked(const std::string& dir, std::string_view name,
                                           int depth) {
  if (depth > kMaxUseCMapDepth || !PlainCMapName(name)) return nullptr;
  const std::string path = dir + "/" + std::string(name);
  if (auto it = CMaps().find(path); it != CMaps().end()) return it->second;
  std::shared_ptr<CMap> cmap;
  if (std::optional<std::string> data = ReadTableFile(path)) {
    cmap = std::make_shared<CMap>(CMap::Parse(*data));
    if (!cmap->used_cmap().empty()) {
      std::shared_ptr<const CMap> parent = LoadCMapLocked(dir, cmap->used_cmap(), depth + 1);
      if (parent) {
        cmap->SetParent(std::move(parent));
      } else {
        cmap = nullptr;  // half a CMap would decode some codes wrongly as unmapped
      }
    }
    if (cmap && !cmap->has_codespace()) cmap = nullptr;
  }
  CMaps().emplace(path, cmap);
  return cmap;
}

}  // namespace

std::string PopplerDataDir() {
  const char* env = std::getenv("REDACT_POPPLER_DATA");
  if (env && *env) return env;
  return "/usr/share/poppler";
}

bool PopplerDataFound() {
  std::error_code error;
  return std::filesystem::is_directory(PopplerDataDir() + "/cidToUnicode", error);
}

std::string KnownCjkOrdering(std::string_view registry, std::string_view ordering) {
  if (registry != "Adobe") return "";
  for (std::string_view known : {"Japan1", "GB1", "CNS1", "Korea1"}) {
    if (ordering == known) return std::string(known);
  }
  return "";
}

CidToUnicode CidToUnicode::Parse(std::string_view data) {
  CidToUnicode t;
  while (!data.empty()) {
    const size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    char32_t cp = 0;
    bool valid = !line.empty() && line.size() <= 8;
    for (char c : line) {
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) {
        valid = false;
        break;
      }
      cp = (cp << 4) | static_cast<char32_t>(digit);
    }
    t.table_.push_back(valid && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) ? cp : 0);
  }
  return t;
}

std::optional<std::string> CidToUnicode::Lookup(uint32_t cid) const {
  if (cid >= table_.size() || table_[cid] == 0) return std::nullopt;
  std::string out;
  AppendUtf8(table_[cid], &out);
  return out;
}

std::shared_ptr<const CidToUnicode> CollectionCidToUnicode(std::string_view ordering) {
  if (KnownCjkOrdering("Adobe", ordering).empty()) return nullptr;
  const std::string path = PopplerDataDir() + "/cidToUnicode/Adobe-" + std::string(ordering);
  std::lock_guard<std::mutex> lock(Mutex());
  if (auto it = CidTables().find(path); it != CidTables().end()) return it->second;
  std::shared_ptr<const CidToUnicode> table;
  if (std::optional<std::string> data = ReadTableFile(path)) {
    auto parsed = std::make_shared<CidToUnicode>(CidToUnicode::Parse(*data));
    if (parsed->size() > 1) table = std::move(parsed);
  }
  CidTables().emplace(path, table);
  return table;
}

std::shared_ptr<const CMap> PredefinedCMap(std::string_view ordering, std::string_view name) {
  if (KnownCjkOrdering("Adobe", ordering).empty()) return nullptr;
  const std::string dir = PopplerDataDir() + "/cMap/Adobe-" + std::string(ordering);
  std::lock_guard<std::mutex> lock(Mutex());
  return LoadCMapLocked(dir, name, 0);
}

std::string MissingCollectionReason(std::string_view ordering) {
  return "poppler-data's Adobe-" + std::string(ordering) + " tables are missing from " +
         PopplerDataDir();
}

}  // namespace redact::pdf
