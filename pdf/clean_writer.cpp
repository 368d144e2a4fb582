#include "pdf/clean_writer.h"

#include <fcntl.h>
#include <podofo/podofo.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <vector>

#include "pdf/podofo_util.h"

namespace redact::pdf {
namespace {

using PoDoFo::PdfObject;
using PoDoFo::PdfReference;

// Every reference reachable from `root` (iteratively; cycles are fine).
void Mark(PoDoFo::PdfVecObjects& objects, const PdfObject* root, std::set<PdfReference>* seen) {
  std::vector<const PdfObject*> stack{root};
  while (!stack.empty()) {
    const PdfObject* o = stack.back();
    stack.pop_back();
    if (!o) continue;
    if (o->IsReference()) {
      const PdfReference& ref = o->GetReference();
      if (!seen->insert(ref).second) continue;
      stack.push_back(objects.GetObject(ref));
    } else if (o->IsDictionary()) {
      for (const auto& [key, value] : o->GetDictionary().GetKeys()) stack.push_back(value);
    } else if (o->IsArray()) {
      for (const PdfObject& item : o->GetArray()) stack.push_back(&item);
    }
  }
}

Status SyncAndRename(const std::string& temp, const std::string& path) {
  const int fd = open(temp.c_str(), O_RDONLY);
  if (fd < 0 || fsync(fd) != 0) {
    if (fd >= 0) close(fd);
    std::remove(temp.c_str());
    return Status(StatusCode::kIo, path + ": cannot flush output: " + std::strerror(errno));
  }
  close(fd);
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return Status(StatusCode::kIo, path + ": cannot rename into place: " + std::strerror(errno));
  }
  // Make the rename itself durable.
  const std::string dir = std::filesystem::path(path).parent_path().string();
  const int dfd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return Status::Ok();
}

std::string TempPathFor(const std::string& path, int* fd) {
  std::string templ = path + ".tmp-XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  *fd = mkstemp(buf.data());
  return std::string(buf.data());
}

}  // namespace

Status WriteFileAtomically(const std::string& path, const std::string& bytes) {
  int fd = -1;
  const std::string temp = TempPathFor(path, &fd);
  if (fd < 0) return Status(StatusCode::kIo, path + ": cannot create: " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      close(fd);
      std::remove(temp.c_str());
      return Status(StatusCode::kIo, path + ": write failed: " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  close(fd);
  return SyncAndRename(temp, path);
}

Status WriteCleanCopy(Document& doc, const std::string& path, CleanWriteStats* stats) {
  PoDoFo::PdfMemDocument& pdf = doc.podofo();
  int fd = -1;
  const std::string temp = TempPathFor(path, &fd);
  if (fd < 0) return Status(StatusCode::kIo, path + ": cannot create: " + std::strerror(errno));
  close(fd);
  Status s = Guard(doc.name(), [&]() -> Status {
    PoDoFo::PdfVecObjects& objects = pdf.GetObjects();
    PdfObject* trailer = const_cast<PdfObject*>(pdf.GetTrailer());
    trailer->GetDictionary().RemoveKey("Info");
    trailer->GetDictionary().RemoveKey("Encrypt");
    trailer->GetDictionary().RemoveKey("Prev");
    trailer->GetDictionary().RemoveKey("XRefStm");
    // Load every object now: PoDoFo loads lazily and may fail mid-write.
    for (PdfObject* o : objects) {
      if (o) o->GetDataType();
    }
    std::set<PdfReference> reachable;
    Mark(objects, trailer, &reachable);
    std::vector<PdfReference> orphans;
    for (PdfObject* o : objects) {
      if (o && !reachable.count(o->Reference())) orphans.push_back(o->Reference());
    }
    for (const PdfReference& ref : orphans) delete objects.RemoveObject(ref, false);
    if (stats) {
      stats->orphans_removed = static_cast<int>(orphans.size());
      stats->objects_written = static_cast<int>(objects.GetSize());
    }
    PoDoFo::PdfWriter writer(&objects, trailer);
    writer.SetPdfVersion(pdf.GetPdfVersion());
    writer.SetWriteMode(PoDoFo::ePdfWriteMode_Compact);
    writer.Write(temp.c_str());
    return Status::Ok();
  });
  if (!s.ok()) {
    std::remove(temp.c_str());
    return s;
  }
  return SyncAndRename(temp, path);
}

}  // namespace redact::pdf
