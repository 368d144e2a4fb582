// Content-stream syntax, written: the one place where redact formats PDF
// numbers, strings, paths and text-placement operators for the streams it
// writes (redaction boxes, labels, pseudonym replacements, the OCR text
// layer, rewritten show-text operators). Every writer that emits operators
// goes through these functions, so all emit the same syntax.
//
// Pure functions over plain values: no PoDoFo, no document, thread-safe.
// Strings are written exactly as documented (no locale): the outputs are
// part of the files we produce and are compared byte for byte in tests.
#ifndef REDACT_PDF_CONTENT_WRITER_H_
#define REDACT_PDF_CONTENT_WRITER_H_

#include <string>
#include <string_view>

#include "core/geometry.h"

namespace redact::pdf {

// A number with at most 4 decimals, trailing zeros and point dropped:
// 12 → "12", 0.5 → "0.5", 1/3 → "0.3333"; |v| < 5e-5 → "0".
std::string Number(double v);

// A number with exactly `decimals` decimals ("%.*f"): 12 → "12.000".
std::string FixedNumber(double v, int decimals);

// A hex string of raw bytes: "AB" → "<4142>".
std::string HexString(std::string_view bytes);

// A literal string of UTF-8 `text` in WinAnsiEncoding (core/output_words.h
// Utf8ToWinAnsi), for a WinAnsi font: "(Solicitante)", "(tel\351fono)".
// A character WinAnsi has no code for is shown as '?', never dropped.
std::string LiteralWinAnsiString(std::string_view text);

// A closed path along a quad: "x y m x y l x y l x y l h\n".
std::string QuadPath(const Quad& q);

// A quad filled with a gray level in its own graphics state:
// "q <gray> g <path>f Q\n" (0 black, 1 white).
std::string FillQuad(const Quad& q, int gray);

// The text matrix of text running along the unit vector (ux, uy) from
// (x, y): "ux uy -uy ux x y Tm", each value formatted by `number`.
template <typename Format>
std::string TextMatrix(double ux, double uy, double x, double y, Format number) {
  return number(ux) + " " + number(uy) + " " + number(-uy) + " " + number(ux) + " " + number(x) + " " +
         number(y) + " Tm";
}

}  // namespace redact::pdf

#endif  // REDACT_PDF_CONTENT_WRITER_H_
