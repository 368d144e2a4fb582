// -q/--quiet and -v/--verbose, on every command.
//
//   quiet:   only errors. Reports of what was written (apply, review, run's
//            progress and summary) and "redact: warning: …" lines are
//            dropped; errors, and pages a person must review, still print.
//            What a command exists to print (extract's text, scan's
//            findings, verify's verdicts, keygen's recipient, unseal's
//            mapping) is its output, not chatter, and still prints.
//   verbose: also per-page progress on stderr while documents are read
//            ("redact: NAME: page 3/6 read (OCR)"), naming a document as
//            messages do (its output name when its path names someone).
//
// The streams a command gets are made here, once, in main.
#ifndef REDACT_TOOLS_REDACT_VERBOSITY_H_
#define REDACT_TOOLS_REDACT_VERBOSITY_H_

#include <functional>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace CLI {
class App;
}

namespace redact::cli {

enum class Verbosity { kNormal, kQuiet, kVerbose };

// Adds -q,--quiet and -v,--verbose (exclusive) to `cmd`, both writing into
// `*verbosity`, which must outlive `cmd`.
void AddVerbosityFlags(CLI::App* cmd, Verbosity* verbosity);

// A stream that forwards whole lines to `target` except those starting
// with "redact: warning:" (quiet's stderr), or discards everything when
// `target` is null (quiet's stdout for reports). Flushes a partial last
// line when destroyed.
class QuietStream : public std::ostream {
 public:
  explicit QuietStream(std::ostream* target);
  ~QuietStream() override;

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(std::ostream* target) : target_(target) {}
    void FlushLine();

   protected:
    int_type overflow(int_type c) override;

   private:
    std::ostream* target_;
    std::string line_;
  };
  Buffer buffer_;
};

// For OcrContext::on_page under -v: "redact: <shown>: page P/N read[ (OCR)]"
// on `err`. Null (no progress) unless `verbosity` is kVerbose.
std::function<void(int, int, bool)> PageProgress(Verbosity verbosity, std::ostream& err,
                                                 const std::string& shown);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_VERBOSITY_H_
