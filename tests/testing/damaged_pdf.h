// Damage as real files carry it, made to order from a sound PDF (for
// example one PdfBuilder wrote): a header after junk bytes, a
// cross-reference table whose offsets are wrong, a startxref that points
// elsewhere, a trailer /Size too small, no xref at all, and Flate data that
// breaks off after a readable head. PoDoFo 0.9.8 refuses each of the file
// kinds; qpdf, poppler and MuPDF read them (qpdf with warnings).
//
// Thread-safety: pure functions.
#ifndef REDACT_TESTS_TESTING_DAMAGED_PDF_H_
#define REDACT_TESTS_TESTING_DAMAGED_PDF_H_

#include <string>

namespace redact::testing {

// `junk` + `pdf`: offsets stay right when counted from the header, as
// qpdf counts them.
std::string WithJunkBeforeHeader(const std::string& pdf, const std::string& junk);
// Every in-use offset of the (classic) xref table moved 5 bytes on, so it
// points into the middle of a line.
std::string WithBrokenXref(const std::string& pdf);
// startxref points 10 bytes before the xref table.
std::string WithWrongStartxref(const std::string& pdf);
// The trailer's /Size says 9999999 where the file has a handful of
// objects (PoDoFo refuses a /Size past its object limit; a /Size too
// small it reads, as qpdf does with a warning).
std::string WithWrongSize(const std::string& pdf);
// The xref table and startxref removed; the trailer stays.
std::string WithoutXref(const std::string& pdf);

// zlib data whose first part inflates to `readable` (it ends in a full
// flush), followed by bytes that are not Flate (an invalid block type):
// readers inflate up to the break and warn.
std::string FlateWithBadTail(const std::string& readable);

}  // namespace redact::testing

#endif  // REDACT_TESTS_TESTING_DAMAGED_PDF_H_
