// Built as C++17: see qpdf_calls.h.
#include "pdf/qpdf_calls.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFJob.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>
#include <sstream>

namespace redact::pdf::qpdf_calls {
namespace {

std::string Take(QPDFWriter& writer) {
  std::unique_ptr<Buffer> buffer(writer.getBuffer());
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

Outcome Repair(const char* data, size_t size, const std::string& label, const char* password) {
  Outcome o;
  try {
    QPDF in;
    in.setSuppressWarnings(true);
    in.setAttemptRecovery(true);
    in.processMemoryFile(label.c_str(), data, size, password);
    // qpdf repairs the page tree as it walks it (a page without /Type, a
    // kid that is not a dictionary); the writer then keeps the repair.
    o.pages = in.getAllPages().size();
    QPDFWriter writer(in);
    writer.setOutputMemory();
    writer.setPreserveEncryption(false);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setCompressStreams(false);
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setDeterministicID(true);
    writer.write();
    o.bytes = Take(writer);
    o.warnings = in.numWarnings();
    o.ok = true;
  } catch (const QPDFExc& e) {
    o.wrong_password = e.getErrorCode() == qpdf_e_password;
    o.error = e.what();
  } catch (const std::exception& e) {
    o.error = e.what();
  }
  return o;
}

Outcome Renumber(const char* data, size_t size, const std::string& label) {
  Outcome o;
  try {
    QPDF in;
    in.setSuppressWarnings(true);
    in.setAttemptRecovery(false);
    in.processMemoryFile(label.c_str(), data, size);
    QPDFWriter writer(in);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setCompressStreams(true);
    writer.setDecodeLevel(qpdf_dl_generalized);
    writer.write();
    o.warnings = in.numWarnings();
    if (o.warnings > 0) o.first_warning = in.getWarnings().front().what();
    o.bytes = Take(writer);
    o.ok = true;
  } catch (const std::exception& e) {
    o.error = e.what();
  }
  return o;
}

Check RunCheck(const std::string& path) {
  Check c;
  std::ostringstream out, err;
  try {
    QPDFJob job;
    std::shared_ptr<QPDFLogger> log = QPDFLogger::create();
    log->setOutputStreams(&out, &err);
    job.setLogger(log);
    job.setMessagePrefix("redact");
    job.config()->inputFile(path)->check()->checkConfiguration();
    job.run();
    c.exit_code = job.getExitCode();
  } catch (const std::exception& e) {
    err << e.what() << "\n";
  }
  c.out = out.str(), c.err = err.str();
  return c;
}

}  // namespace redact::pdf::qpdf_calls
