// Builds small PDFs byte by byte for tests: objects are given as PDF source
// text, the builder numbers them and writes a correct xref. Lets tests make
// exactly the structures they need, broken ones included.
#ifndef REDACT_TESTS_TESTING_PDF_BUILDER_H_
#define REDACT_TESTS_TESTING_PDF_BUILDER_H_

#include <string>
#include <vector>

namespace redact::testing {

class PdfBuilder {
 public:
  // Adds an object ("<< /Type /Font … >>") and returns its number.
  int Add(const std::string& body);
  // Adds a stream object with the given dictionary entries (no /Length).
  int AddStream(const std::string& dict_entries, const std::string& data);
  // Reserves a number to fill later with Set (for forward references).
  int Reserve();
  void Set(int number, const std::string& body);

  // A one-page document: page with `content`, resources dictionary text,
  // and optional extra page entries ("/Rotate 90"). Returns the PDF bytes.
  static std::string OnePage(const std::string& content, const std::string& resources,
                             const std::string& page_extra = "",
                             const std::string& media_box = "[0 0 612 792]");

  // Adds a one-page tree (letter-size page, `resources` and `page_extra`
  // entries, contents object `contents`) and a catalog with
  // `catalog_extra`; returns the PDF bytes.
  std::string BuildOnePage(int contents, const std::string& resources,
                           const std::string& page_extra = "",
                           const std::string& catalog_extra = "");

  // Writes the document with `root` as /Root.
  std::string Build(int root) const;

 private:
  std::vector<std::string> objects_;
};

// "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
std::string Helvetica();

// `data` zlib-compressed (the bytes of a /FlateDecode stream).
std::string Deflate(const std::string& data);

}  // namespace redact::testing

#endif  // REDACT_TESTS_TESTING_PDF_BUILDER_H_
