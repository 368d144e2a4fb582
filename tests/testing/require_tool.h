// Oracle tools for tests: a test that judges redact's output with a program
// no one here wrote (pdftotext, qpdf, mutool, tesseract, age, ...) first asks
// for it with REDACT_REQUIRE_TOOL. On a developer's machine a missing tool
// skips the test, saying which package installs it; under CI (the
// environment variable CI set to anything but "", "0" or "false") it fails
// the test instead, so a CI image that lost a tool cannot pass by skipping.
//
// Thread-safety: reads the environment and PATH only.
#ifndef REDACT_TESTS_TESTING_REQUIRE_TOOL_H_
#define REDACT_TESTS_TESTING_REQUIRE_TOOL_H_

#include <gtest/gtest.h>

#include <string>

namespace redact::testing {

// Whether tests run under CI (see above).
bool UnderCi();

// The Debian package that installs `program` ("poppler-utils" for
// pdftotext), or "" for a program this file does not know.
std::string DebianPackageFor(const std::string& program);

// "" when `program` is on PATH; otherwise why not, naming the program and
// its Debian package: "qpdf is not on PATH (Debian package: qpdf)".
std::string MissingProgramReason(const std::string& program);

// For a check inside a test that can go without `program` (the rest of the
// test still runs): true when `program` is on PATH. When it is not, false,
// and under CI a (non-fatal) test failure saying why.
bool RequireProgram(const std::string& program);

}  // namespace redact::testing

// Ends the current test function (or SetUp, or void helper) unless
// `program` is on PATH: skipped locally, failed under CI, with the reason.
#define REDACT_REQUIRE_TOOL(program)                                                       \
  do {                                                                                     \
    const std::string redact_missing_reason = ::redact::testing::MissingProgramReason(program); \
    if (!redact_missing_reason.empty()) {                                                  \
      if (::redact::testing::UnderCi()) GTEST_FAIL() << redact_missing_reason << " (CI must have every oracle)"; \
      GTEST_SKIP() << redact_missing_reason;                                               \
    }                                                                                      \
  } while (0)

#endif  // REDACT_TESTS_TESTING_REQUIRE_TOOL_H_
