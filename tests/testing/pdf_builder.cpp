#include "tests/testing/pdf_builder.h"

#include <zlib.h>

#include <cstdio>

namespace redact::testing {

int PdfBuilder::Add(const std::string& body) {
  objects_.push_back(body);
  return static_cast<int>(objects_.size());
}

int PdfBuilder::AddStream(const std::string& dict_entries, const std::string& data) {
  return Add("<< " + dict_entries + " /Length " + std::to_string(data.size()) +
             " >>\nstream\n" + data + "\nendstream");
}

int PdfBuilder::Reserve() { return Add("null"); }

void PdfBuilder::Set(int number, const std::string& body) { objects_[number - 1] = body; }

std::string PdfBuilder::Build(int root) const {
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects_.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " +
         std::to_string(root) + " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string PdfBuilder::OnePage(const std::string& content, const std::string& resources,
                                const std::string& page_extra, const std::string& media_box) {
  PdfBuilder b;
  const int contents = b.AddStream("", content);
  const int pages = b.Reserve();
  const int page = b.Add("<< /Type /Page /Parent " + std::to_string(pages) +
                         " 0 R /MediaBox " + media_box + " /Resources " + resources +
                         " /Contents " + std::to_string(contents) + " 0 R " + page_extra + " >>");
  b.Set(pages, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  const int catalog = b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>");
  return b.Build(catalog);
}

std::string PdfBuilder::BuildOnePage(int contents, const std::string& resources,
                                     const std::string& page_extra,
                                     const std::string& catalog_extra) {
  const int pages = Reserve();
  const int page = Add("<< /Type /Page /Parent " + std::to_string(pages) +
                       " 0 R /MediaBox [0 0 612 792] /Resources " + resources + " /Contents " +
                       std::to_string(contents) + " 0 R " + page_extra + " >>");
  Set(pages, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  return Build(Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R " + catalog_extra +
                   " >>"));
}

std::string Helvetica() { return "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"; }

std::string Deflate(const std::string& data) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()), data.size(), 9);
  out.resize(size);
  return out;
}

}  // namespace redact::testing
