// A scripted OCR engine for tests: what it "reads" is what the test says,
// so the OCR half of the pipeline (planning, placing words on the page,
// confidence flags, detection on OCR text, parallel pages) can be tested
// without Tesseract and without depending on what Tesseract reads.
//
//   testing::FakeOcr fake;
//   fake.Push({{"A-Number:", 72, 100, 180, 112}, {"A201234567", 190, 100, 300, 112}});
//   OcrContext ocr;
//   ocr.make_engine = fake.Factory();
//   ... ReadPageText(doc, 0, &ocr) ...
//   EXPECT_EQ(fake.recognize_calls(), 1);
//
// Each Recognize call (on any engine the factory made) takes the next pushed
// answer; once they run out, every call reads the fallback (empty unless
// set). Words are in the pixels of the image the engine is given: upright,
// top-left origin. An image painted over a whole 612 x 792 page from
// 612 x 792 pixels puts pixel (x, y) at display point (x, y).
//
// Thread-safety: the engines may run on several threads at once (OcrContext
// jobs > 1); the script and counters are guarded. FakeOcr may be destroyed
// before the engines it made: they share its state.
#ifndef REDACT_TESTS_TESTING_FAKE_OCR_H_
#define REDACT_TESTS_TESTING_FAKE_OCR_H_

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "stages/ocr/ocr.h"

namespace redact::testing {

// One word as the fake reads it. Its letters (UTF-8 code points) are spread
// evenly over the box, one symbol each; the word's baseline is the box's
// bottom edge.
struct FakeWord {
  std::string text;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // pixels, top-left origin, x1/y1 exclusive
  float confidence = 95;               // 0..100, as Tesseract gives it
  int line = 1;                        // text line in reading order
};

// What one Recognize call was given.
struct FakeOcrCall {
  int engine = 0;             // which engine (0-based, in creation order)
  int width = 0, height = 0;  // of the image, pixels
  int dpi = 0;
};

class FakeOcr {
 public:
  FakeOcr();

  // The answer to the next Recognize call not yet answered.
  void Push(std::vector<FakeWord> words);
  // The answer once the pushed ones run out (default: no words).
  void SetFallback(std::vector<FakeWord> words);
  // Engines fail to start with `status` (as Tesseract does without its
  // language data), or Recognize fails with it.
  void FailStart(Status status);
  void FailRecognize(Status status);

  // Makes engines that read from this script. Give it to
  // OcrContext::make_engine.
  OcrEngineFactory Factory();

  int engines_started() const;
  int recognize_calls() const;
  std::vector<FakeOcrCall> calls() const;
  // The languages each engine was asked for, in creation order.
  std::vector<std::string> languages() const;

  struct State;  // shared with the engines (fake_ocr.cpp)

 private:
  std::shared_ptr<State> state_;
};

// The OcrWord a FakeWord becomes (exposed for tests of the fake itself).
OcrWord ToOcrWord(const FakeWord& word);

}  // namespace redact::testing

#endif  // REDACT_TESTS_TESTING_FAKE_OCR_H_
