#include "pdf/clean_writer.h"

#include <fcntl.h>
#include <podofo/podofo.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <string_view>
#include <vector>

#include "pdf/podofo_util.h"
#include "pdf/qpdf_bridge.h"

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

// The one way redact puts bytes on disk: a temporary file beside `path`,
// every write checked, fsync, rename, fsync of the folder. Any failure
// (a full disk, a file size limit, a folder that vanished) removes the
// temporary file and leaves nothing under `path`: kWriteFailed.
Status WriteChecked(const std::string& path, std::string_view bytes) {
  auto fail = [&](const std::string& what, int fd, const std::string& temp) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) close(fd);
    if (!temp.empty()) std::remove(temp.c_str());
    return Status(StatusCode::kWriteFailed, path + ": " + what + ": " + reason);
  };
  std::string templ = path + ".tmp-XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  const int fd = mkstemp(buf.data());
  if (fd < 0) return fail("cannot create", -1, "");
  const std::string temp(buf.data());
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("write failed", fd, temp);
    done += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) return fail("cannot flush to disk", fd, temp);
  if (close(fd) != 0) return fail("cannot close", -1, temp);
  if (std::rename(temp.c_str(), path.c_str()) != 0) return fail("cannot rename into place", -1, temp);
  // Make the rename itself durable.
  const std::string dir = std::filesystem::path(path).parent_path().string();
  const int dfd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd < 0 || fsync(dfd) != 0) {
    const std::string reason = std::strerror(errno);
    if (dfd >= 0) close(dfd);
    std::remove(path.c_str());
    return Status(StatusCode::kWriteFailed, path + ": cannot flush its folder: " + reason);
  }
  close(dfd);
  return Status::Ok();
}

}  // namespace

Status WriteFileAtomically(const std::string& path, const std::string& bytes) { return WriteChecked(path, bytes); }

Status PublishFile(const std::string& staged, const std::string& path) {
  if (std::rename(staged.c_str(), path.c_str()) != 0) {
    return Status(StatusCode::kWriteFailed, path + ": cannot rename into place: " + std::strerror(errno));
  }
  const std::string dir = std::filesystem::path(path).parent_path().string();
  const int dfd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  const bool synced = dfd >= 0 && fsync(dfd) == 0;
  if (dfd >= 0) close(dfd);
  if (!synced) return Status(StatusCode::kWriteFailed, path + ": cannot flush its folder");
  return Status::Ok();
}

Status WriteCleanCopy(Document& doc, const std::string& path, CleanWriteStats* stats) {
  PoDoFo::PdfMemDocument& pdf = doc.podofo();
  // Written to memory first: PoDoFo's file device does not report failed
  // writes, so the bytes go to disk through WriteChecked.
  PoDoFo::PdfRefCountedBuffer buffer;
  size_t length = 0;
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
    PoDoFo::PdfOutputDevice device(&buffer);
    writer.Write(&device);
    length = device.GetLength();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  // Fresh object numbers, generation 0, one xref: qpdf's writer, which
  // also refuses bytes it would have to repair.
  StatusOr<std::string> renumbered = RenumberObjects(std::string_view(buffer.GetBuffer(), length), doc.name());
  if (!renumbered) return renumbered.error();
  return WriteChecked(path, *renumbered);
}

}  // namespace redact::pdf
