#include "pdf/qpdf_bridge.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFJob.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <exception>
#include <memory>
#include <sstream>
#include <vector>

namespace redact::pdf {
namespace {

// qpdf names the file it read in its messages; show `name` instead, so a
// staged path never reaches a message.
std::string Reword(std::string text, const std::string& path, const std::string& name) {
  if (!path.empty()) {
    for (size_t at = text.find(path); at != std::string::npos; at = text.find(path, at + name.size())) {
      text.replace(at, path.size(), name);
    }
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  // "WARNING: <file> (offset 735): error decoding …" → "error decoding …".
  const size_t at = text.find("): ");
  if (at != std::string::npos && text.rfind(name, at) != std::string::npos) text.erase(0, at + 3);
  return text;
}

// The first line of qpdf's --check output that reports a problem.
std::string FirstProblem(const std::string& out, const std::string& err) {
  for (const std::string* text : {&err, &out}) {
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("WARNING:") || line.starts_with("page ") || line.find("error") != std::string::npos ||
          line.find("damaged") != std::string::npos) {
        return line;
      }
    }
  }
  return "qpdf reported a problem";
}

// A stream qpdf cannot decode came from the input unchanged (redact writes
// only streams it encoded): the input's fault, and content no one has read.
Status Problem(const std::string& name, const std::string& what, const std::string& frame) {
  if (what.find("error decoding stream data") != std::string::npos) {
    return Status(StatusCode::kDamagedPdf, name + ": a stream in the input cannot be decoded (" + what +
                                               "); content that cannot be read is not passed through");
  }
  return Status(StatusCode::kInternal, name + ": " + frame + " (" + what + ")");
}

// Why qpdf could not repair `name`: its message on one line, without the
// name it starts with.
Status CannotRepair(const std::string& what, const std::string& label, const std::string& name) {
  std::string text = Reword(what, label, name);
  if (text.starts_with(name + ": ")) text.erase(0, name.size() + 2);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return Status(StatusCode::kDamagedPdf, name + ": qpdf cannot repair it either (" + text + ")");
}

// One qpdf read (recovery on) and write of `bytes`: unencrypted, no object
// streams (PoDoFo reads plain xref tables best), streams as they were.
// Throws what qpdf throws (QPDFExc, std::exception).
QpdfRepair RepairOnce(std::string_view bytes, const std::string& label, const char* password) {
  QPDF in;
  in.setSuppressWarnings(true);
  in.setAttemptRecovery(true);
  in.processMemoryFile(label.c_str(), bytes.data(), bytes.size(), password);
  // qpdf repairs the page tree as it walks it (a page without /Type, a
  // kid that is not a dictionary); the writer then keeps the repair.
  const size_t pages = in.getAllPages().size();
  QPDFWriter writer(in);
  writer.setOutputMemory();
  writer.setPreserveEncryption(false);
  writer.setObjectStreamMode(qpdf_o_disable);
  writer.setCompressStreams(false);
  writer.setDecodeLevel(qpdf_dl_none);
  writer.setDeterministicID(true);
  writer.write();
  std::unique_ptr<Buffer> buffer(writer.getBuffer());
  return {std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()), in.numWarnings(),
          pages};
}

}  // namespace

StatusOr<QpdfRepair> RepairWithQpdf(std::string_view bytes, const std::string& name,
                                    const std::optional<std::string>& password) {
  const std::string label = "input " + name;
  // The empty user password first, as PoDoFo's loading does; then the one given.
  std::vector<const char*> tries{nullptr};
  if (password) tries.push_back(password->c_str());
  for (size_t k = 0; k < tries.size(); ++k) {
    try {
      return RepairOnce(bytes, label, tries[k]);
    } catch (const QPDFExc& e) {
      if (e.getErrorCode() == qpdf_e_password) {
        if (k + 1 < tries.size()) continue;
        return Error(StatusCode::kPassword, password ? name + ": wrong password"
                                                     : name + ": encrypted; the document needs a password (--password)");
      }
      return Error(CannotRepair(e.what(), label, name));
    } catch (const std::exception& e) {
      return Error(CannotRepair(e.what(), label, name));
    }
  }
  return Error(StatusCode::kInternal, name + ": no repair was tried");
}

StatusOr<std::string> RenumberObjects(std::string_view bytes, const std::string& name) {
  const std::string label = "output of " + name;
  try {
    QPDF in;
    in.setSuppressWarnings(true);
    in.setAttemptRecovery(false);
    in.processMemoryFile(label.c_str(), bytes.data(), bytes.size());
    QPDFWriter writer(in);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setCompressStreams(true);
    writer.setDecodeLevel(qpdf_dl_generalized);
    writer.write();
    if (in.anyWarnings()) {
      return Error(Problem(name, Reword(in.getWarnings().front().what(), label, name),
                           "the written file is not consistent; nothing was written"));
    }
    std::unique_ptr<Buffer> buffer(writer.getBuffer());
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    return Error(Problem(name, Reword(e.what(), label, name),
                         "the written file is not consistent; nothing was written"));
  }
}

Status CheckStructure(const std::string& path, const std::string& name) {
  std::ostringstream out, err;
  int code = QPDFJob::EXIT_ERROR;
  try {
    QPDFJob job;
    std::shared_ptr<QPDFLogger> log = QPDFLogger::create();
    log->setOutputStreams(&out, &err);
    job.setLogger(log);
    job.setMessagePrefix("redact");
    job.config()->inputFile(path)->check()->checkConfiguration();
    job.run();
    code = job.getExitCode();
  } catch (const std::exception& e) {
    err << e.what() << "\n";
  }
  if (code == 0) return Status::Ok();
  return Problem(name, Reword(FirstProblem(out.str(), err.str()), path, name),
                 "the file fails the structural check `qpdf --check` makes");
}

}  // namespace redact::pdf
