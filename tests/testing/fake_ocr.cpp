#include "tests/testing/fake_ocr.h"

#include <deque>
#include <mutex>
#include <optional>

#include <leptonica/allheaders.h>

namespace redact::testing {

struct FakeOcr::State {
  mutable std::mutex mutex;
  std::deque<std::vector<FakeWord>> script;
  std::vector<FakeWord> fallback;
  std::optional<Status> fail_start, fail_recognize;
  std::vector<std::string> languages;
  std::vector<FakeOcrCall> calls;
};

namespace {

class FakeEngine : public OcrEngine {
 public:
  FakeEngine(std::shared_ptr<FakeOcr::State> state, int id) : state_(std::move(state)), id_(id) {}

  StatusOr<std::vector<OcrWord>> Recognize(Pix* image, int dpi) override {
    std::lock_guard lock(state_->mutex);
    state_->calls.push_back({id_, image ? static_cast<int>(pixGetWidth(image)) : 0,
                             image ? static_cast<int>(pixGetHeight(image)) : 0, dpi});
    if (state_->fail_recognize) return Error(*state_->fail_recognize);
    std::vector<FakeWord> words = state_->fallback;
    if (!state_->script.empty()) {
      words = std::move(state_->script.front());
      state_->script.pop_front();
    }
    std::vector<OcrWord> out;
    for (const FakeWord& w : words) out.push_back(ToOcrWord(w));
    return out;
  }

 private:
  std::shared_ptr<FakeOcr::State> state_;
  int id_;
};

// UTF-8 code points of `text`, each as its own string.
std::vector<std::string> CodePoints(const std::string& text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) n = 4;
    else if (lead >= 0xE0) n = 3;
    else if (lead >= 0xC0) n = 2;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

OcrWord ToOcrWord(const FakeWord& w) {
  OcrWord word;
  word.confidence = w.confidence;
  word.line = w.line;
  word.baseline_x0 = w.x0, word.baseline_y0 = w.y1;
  word.baseline_x1 = w.x1, word.baseline_y1 = w.y1;
  const std::vector<std::string> letters = CodePoints(w.text);
  const int n = static_cast<int>(letters.size());
  for (int k = 0; k < n; ++k) {
    OcrSymbol s;
    s.text = letters[static_cast<size_t>(k)];
    s.x0 = w.x0 + (w.x1 - w.x0) * k / n;
    s.x1 = w.x0 + (w.x1 - w.x0) * (k + 1) / n;
    s.y0 = w.y0;
    s.y1 = w.y1;
    word.symbols.push_back(std::move(s));
  }
  return word;
}

FakeOcr::FakeOcr() : state_(std::make_shared<State>()) {}

void FakeOcr::Push(std::vector<FakeWord> words) {
  std::lock_guard lock(state_->mutex);
  state_->script.push_back(std::move(words));
}

void FakeOcr::SetFallback(std::vector<FakeWord> words) {
  std::lock_guard lock(state_->mutex);
  state_->fallback = std::move(words);
}

void FakeOcr::FailStart(Status status) {
  std::lock_guard lock(state_->mutex);
  state_->fail_start = std::move(status);
}

void FakeOcr::FailRecognize(Status status) {
  std::lock_guard lock(state_->mutex);
  state_->fail_recognize = std::move(status);
}

OcrEngineFactory FakeOcr::Factory() {
  return [state = state_](const std::string& languages) -> StatusOr<std::unique_ptr<OcrEngine>> {
    std::lock_guard lock(state->mutex);
    if (state->fail_start) return Error(*state->fail_start);
    state->languages.push_back(languages);
    const int id = static_cast<int>(state->languages.size()) - 1;
    return std::unique_ptr<OcrEngine>(std::make_unique<FakeEngine>(state, id));
  };
}

int FakeOcr::engines_started() const {
  std::lock_guard lock(state_->mutex);
  return static_cast<int>(state_->languages.size());
}

int FakeOcr::recognize_calls() const {
  std::lock_guard lock(state_->mutex);
  return static_cast<int>(state_->calls.size());
}

std::vector<FakeOcrCall> FakeOcr::calls() const {
  std::lock_guard lock(state_->mutex);
  return state_->calls;
}

std::vector<std::string> FakeOcr::languages() const {
  std::lock_guard lock(state_->mutex);
  return state_->languages;
}

}  // namespace redact::testing
