#include "tools/redact/verbosity.h"

#include <CLI/CLI.hpp>

#include "tools/redact/messages.h"

namespace redact::cli {

void AddVerbosityFlags(CLI::App* cmd, Verbosity* verbosity) {
  CLI::Option* quiet = cmd->add_flag_callback(
      "-q,--quiet", [verbosity] { *verbosity = Verbosity::kQuiet; },
      "only errors (and pages a person must review): no reports of what was written, no warnings");
  CLI::Option* verbose = cmd->add_flag_callback(
      "-v,--verbose", [verbosity] { *verbosity = Verbosity::kVerbose; },
      "also per-page progress on stderr while documents are read");
  quiet->excludes(verbose);
}

QuietStream::QuietStream(std::ostream* target) : std::ostream(&buffer_), buffer_(target) {}

QuietStream::~QuietStream() { buffer_.FlushLine(); }

void QuietStream::Buffer::FlushLine() {
  // "redact: warning:" in English or the user's language.
  static const std::string kWarning = "redact: warning:";
  static const std::string kTranslated = "redact: " + Translate("warning:");
  const auto starts = [this](const std::string& prefix) { return line_.compare(0, prefix.size(), prefix) == 0; };
  if (target_ != nullptr && !starts(kWarning) && !starts(kTranslated)) {
    *target_ << line_;
    target_->flush();
  }
  line_.clear();
}

QuietStream::Buffer::int_type QuietStream::Buffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  line_ += traits_type::to_char_type(c);
  if (c == '\n') FlushLine();
  return c;
}

std::function<void(int, int, bool)> PageProgress(Verbosity verbosity, std::ostream& err,
                                                 const std::string& shown) {
  if (verbosity != Verbosity::kVerbose) return nullptr;
  return [&err, shown](int page, int pages, bool recognized) {
    err << "redact: " << shown << ": page " << page << "/" << pages << " read"
        << (recognized ? " (OCR)" : "") << "\n";
    err.flush();
  };
}

}  // namespace redact::cli
