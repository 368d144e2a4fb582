#include "stages/second_look/second_look.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-version.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>

namespace redact {
namespace {

// Poppler prints its diagnostics on stderr; ours name the file once.
void Quiet(const std::string&, void*) {}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&Quiet, nullptr); });
}

std::string Utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// The share of dark pixels (gray < 128) in the box of `w`'s symbols on an
// 8-bit gray render; 0 for another depth or an empty box.
double InkOfWord(Pix* render, const OcrWord& w) {
  if (!render || pixGetDepth(render) != 8 || w.symbols.empty()) return 0;
  const int width = static_cast<int>(pixGetWidth(render)), height = static_cast<int>(pixGetHeight(render));
  int x0 = width, y0 = height, x1 = 0, y1 = 0;
  for (const OcrSymbol& s : w.symbols) {
    x0 = std::min(x0, s.x0), y0 = std::min(y0, s.y0), x1 = std::max(x1, s.x1), y1 = std::max(y1, s.y1);
  }
  x0 = std::max(x0, 0), y0 = std::max(y0, 0), x1 = std::min(x1, width), y1 = std::min(y1, height);
  if (x1 <= x0 || y1 <= y0) return 0;
  const l_uint32* data = pixGetData(render);
  const int wpl = pixGetWpl(render);
  size_t dark = 0;
  for (int y = y0; y < y1; ++y) {
    const l_uint32* row = data + static_cast<ptrdiff_t>(y) * wpl;
    for (int x = x0; x < x1; ++x) dark += GET_DATA_BYTE(row, x) < 128 ? 1 : 0;
  }
  return static_cast<double>(dark) / (static_cast<double>(x1 - x0) * (y1 - y0));
}

}  // namespace

SecondLook::~SecondLook() = default;

StatusOr<std::unique_ptr<SecondLook>> SecondLook::Open(const std::string& path) {
  SilencePoppler();
  std::unique_ptr<SecondLook> look(new SecondLook());
  look->path_ = path;
  look->doc_.reset(poppler::document::load_from_file(path));
  if (!look->doc_) return Error(StatusCode::kDamagedPdf, path + ": poppler cannot open the file");
  if (look->doc_->is_locked()) return Error(StatusCode::kPassword, path + ": poppler finds the file locked");
  return look;
}

int SecondLook::page_count() const { return doc_->pages(); }

StatusOr<std::string> SecondLook::PageText(int index) const {
  std::unique_ptr<poppler::page> page(doc_->create_page(index));
  if (!page) {
    return Error(StatusCode::kDamagedPdf, path_ + ": page " + std::to_string(index + 1) + ": poppler cannot read it");
  }
  // Reading order, as pdftotext prints by default: the physical layout
  // joins columns side by side on one line ("To: Dolores Doe   Para: …"),
  // and detection would read names across them.
  return Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
}

StatusOr<PixPtr> SecondLook::RenderGray(int index, int dpi) const {
  const std::string where = path_ + ": page " + std::to_string(index + 1);
  if (!poppler::page_renderer::can_render()) return Error(StatusCode::kInternal, "poppler was built without a renderer");
  std::unique_ptr<poppler::page> page(doc_->create_page(index));
  if (!page) return Error(StatusCode::kDamagedPdf, where + ": poppler cannot read it");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_gray8 || image.width() <= 0 ||
      image.height() <= 0) {
    return Error(StatusCode::kDamagedPdf, where + ": poppler cannot render it");
  }
  PixPtr pix(pixCreate(image.width(), image.height(), 8));
  if (!pix) return Error(StatusCode::kResource, where + ": no memory for its render");
  pixSetResolution(pix.get(), dpi, dpi);
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height(); ++y) {
    const unsigned char* row = reinterpret_cast<const unsigned char*>(image.const_data()) +
                               static_cast<size_t>(y) * static_cast<size_t>(image.bytes_per_row());
    l_uint32* line = data + static_cast<size_t>(y) * static_cast<size_t>(wpl);
    for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

StatusOr<RenderReading> ReadRenderedPage(const SecondLook& doc, int index, int dpi, OcrEngine& engine) {
  StatusOr<PixPtr> pix = doc.RenderGray(index, dpi);
  if (!pix) return Error(pix.error());
  return ReadRender(pix->get(), dpi, engine);
}

StatusOr<RenderReading> ReadRender(Pix* render, int dpi, OcrEngine& engine) {
  StatusOr<std::vector<OcrWord>> words = engine.Recognize(render, dpi);
  if (!words) return Error(words.error());
  RenderReading out;
  int line = -1;
  for (const OcrWord& w : *words) {
    if (!out.text.empty()) out.text += w.line != line ? "\n" : " ";
    line = w.line;
    const size_t begin = out.text.size();
    for (const OcrSymbol& s : w.symbols) out.text += s.text;
    if (out.text.size() > begin && InkOfWord(render, w) >= kBlotInk) out.blots.push_back({begin, out.text.size()});
  }
  return out;
}

std::string PopplerVersion() { return poppler::version_string(); }

}  // namespace redact
