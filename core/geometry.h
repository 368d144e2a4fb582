// Plain geometry for PDF coordinates: points, rectangles, affine matrices and
// quadrilaterals. Values only; no allocation; thread-safe.
//
// Matrix follows the PDF convention [a b c d e f]: a point is a row vector,
// p' = p × M, and "A then B" is A * B (so Trm = Tsize * Tm * CTM).
#ifndef REDACT_CORE_GEOMETRY_H_
#define REDACT_CORE_GEOMETRY_H_

#include <algorithm>
#include <cmath>

namespace redact {

struct Point {
  double x = 0;
  double y = 0;
};

// Axis-aligned rectangle with x0 <= x1 and y0 <= y1 when non-empty.
struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  static Rect FromCorners(Point a, Point b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x),
            std::max(a.y, b.y)};
  }
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double area() const {
    return (x1 > x0 && y1 > y0) ? (x1 - x0) * (y1 - y0) : 0.0;
  }
  Rect Union(const Rect& o) const {
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1),
            std::max(y1, o.y1)};
  }
  Rect Intersect(const Rect& o) const {
    return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1),
            std::min(y1, o.y1)};
  }
  // Intersection over union; 0 when either is empty.
  double IoU(const Rect& o) const {
    double inter = Intersect(o).area();
    double uni = area() + o.area() - inter;
    return uni > 0 ? inter / uni : 0.0;
  }
};

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

  static Matrix Translate(double tx, double ty) { return {1, 0, 0, 1, tx, ty}; }

  Point Apply(Point p) const {
    return {p.x * a + p.y * c + e, p.x * b + p.y * d + f};
  }
  // Applies only the linear part (for displacement vectors).
  Point ApplyVector(Point v) const {
    return {v.x * a + v.y * c, v.x * b + v.y * d};
  }
  // this, then m.
  Matrix operator*(const Matrix& m) const {
    return {a * m.a + b * m.c,       a * m.b + b * m.d,
            c * m.a + d * m.c,       c * m.b + d * m.d,
            e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f};
  }
  // The inverse; a singular matrix gives non-finite entries (check
  // IsFinite, or the determinant first).
  Matrix Inverse() const {
    const double det = a * d - b * c;
    return {d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det};
  }
  bool IsFinite() const {
    return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) &&
           std::isfinite(d) && std::isfinite(e) && std::isfinite(f);
  }
};

// Four corners of a glyph or box, in order: lower-left, lower-right,
// upper-right, upper-left of the glyph's own (unrotated) frame.
struct Quad {
  Point ll, lr, ur, ul;

  Rect Bounds() const {
    Rect r = Rect::FromCorners(ll, ur);
    return r.Union(Rect::FromCorners(lr, ul));
  }
  static Quad Transform(const Quad& q, const Matrix& m) {
    return {m.Apply(q.ll), m.Apply(q.lr), m.Apply(q.ur), m.Apply(q.ul)};
  }
};

// A Point and a Rect held in floats, for what is kept per glyph: half the
// room, and 1e-4 pt off on a page of 10,000 pt. They read back as doubles.
struct PointF {
  float x = 0, y = 0;
  PointF() = default;
  PointF(Point p) : x(static_cast<float>(p.x)), y(static_cast<float>(p.y)) {}  // NOLINT
  operator Point() const { return {x, y}; }  // NOLINT
};

struct RectF {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  RectF() = default;
  RectF(const Rect& r)  // NOLINT: a rect is stored as it comes
      : x0(static_cast<float>(r.x0)), y0(static_cast<float>(r.y0)), x1(static_cast<float>(r.x1)),
        y1(static_cast<float>(r.y1)) {}
  operator Rect() const { return {x0, y0, x1, y1}; }  // NOLINT
  Rect ToRect() const { return *this; }
  double width() const { return ToRect().width(); }
  double height() const { return ToRect().height(); }
  double area() const { return ToRect().area(); }
  Rect Union(const Rect& o) const { return ToRect().Union(o); }
  Rect Intersect(const Rect& o) const { return ToRect().Intersect(o); }
};

// A Quad held in floats, half the room, for what is kept per glyph and only
// drawn or compared coarsely (redaction boxes, a cover over 60 % of a
// glyph): 1e-4 pt off on a page of 10,000 pt. Reads back as a Quad.
struct QuadF {
  float c[8] = {};  // ll, lr, ur, ul: x then y

  QuadF() = default;
  QuadF(const Quad& q)  // NOLINT: a quad is stored as it comes
      : c{static_cast<float>(q.ll.x), static_cast<float>(q.ll.y), static_cast<float>(q.lr.x),
          static_cast<float>(q.lr.y), static_cast<float>(q.ur.x), static_cast<float>(q.ur.y),
          static_cast<float>(q.ul.x), static_cast<float>(q.ul.y)} {}
  Quad ToQuad() const { return {{c[0], c[1]}, {c[2], c[3]}, {c[4], c[5]}, {c[6], c[7]}}; }
  operator Quad() const { return ToQuad(); }  // NOLINT: reads as a Quad
  Rect Bounds() const { return ToQuad().Bounds(); }
};

}  // namespace redact

#endif  // REDACT_CORE_GEOMETRY_H_
