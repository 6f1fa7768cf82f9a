//! Affine transforms and small geometry helpers.

use crate::model::Rect;

/// A PDF transformation matrix `[a b c d e f]`, applied to row vectors: `[x y 1] × M`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix {
    pub(crate) a: f32,
    pub(crate) b: f32,
    pub(crate) c: f32,
    pub(crate) d: f32,
    pub(crate) e: f32,
    pub(crate) f: f32,
}

impl Matrix {
    /// The identity transform.
    pub(crate) const IDENTITY: Matrix = Matrix::new(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);

    /// A matrix from its six entries.
    pub(crate) const fn new(a: f32, b: f32, c: f32, d: f32, e: f32, f: f32) -> Self {
        Self { a, b, c, d, e, f }
    }

    /// A translation.
    pub(crate) const fn translate(x: f32, y: f32) -> Self {
        Self::new(1.0, 0.0, 0.0, 1.0, x, y)
    }

    /// `self` followed by `then`.
    pub(crate) fn then(self, then: Matrix) -> Matrix {
        Matrix {
            a: self.a * then.a + self.b * then.c,
            b: self.a * then.b + self.b * then.d,
            c: self.c * then.a + self.d * then.c,
            d: self.c * then.b + self.d * then.d,
            e: self.e * then.a + self.f * then.c + then.e,
            f: self.e * then.b + self.f * then.d + then.f,
        }
    }

    /// Maps a point.
    pub(crate) fn apply(self, x: f32, y: f32) -> (f32, f32) {
        (
            x * self.a + y * self.c + self.e,
            x * self.b + y * self.d + self.f,
        )
    }

    /// Maps a direction (no translation).
    pub(crate) fn apply_vector(self, x: f32, y: f32) -> (f32, f32) {
        (x * self.a + y * self.c, x * self.b + y * self.d)
    }

    /// Whether every entry is finite.
    pub(crate) fn is_finite(self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f]
            .iter()
            .all(|value| value.is_finite())
    }

    /// The bounding box of the unit square under this transform.
    pub(crate) fn unit_square_bounds(self) -> Rect {
        bounds_of(&[
            self.apply(0.0, 0.0),
            self.apply(1.0, 0.0),
            self.apply(1.0, 1.0),
            self.apply(0.0, 1.0),
        ])
    }
}

/// The axis-aligned bounding box of some points (a zero rectangle when empty).
pub(crate) fn bounds_of(points: &[(f32, f32)]) -> Rect {
    let Some(&(first_x, first_y)) = points.first() else {
        return Rect::default();
    };
    points.iter().fold(
        Rect {
            x0: first_x,
            y0: first_y,
            x1: first_x,
            y1: first_y,
        },
        |acc, &(x, y)| Rect {
            x0: acc.x0.min(x),
            y0: acc.y0.min(y),
            x1: acc.x1.max(x),
            y1: acc.y1.max(y),
        },
    )
}

impl Rect {
    /// The smallest rectangle containing both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// Width (`x1 - x0`).
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    /// Height (`y1 - y0`).
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    /// The area of the overlap with another rectangle (0 when disjoint).
    pub fn intersection_area(&self, other: &Rect) -> f32 {
        let width = self.x1.min(other.x1) - self.x0.max(other.x0);
        let height = self.y1.min(other.y1) - self.y0.max(other.y0);
        if width > 0.0 && height > 0.0 {
            width * height
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_applies_left_matrix_first() {
        let scale = Matrix::new(2.0, 0.0, 0.0, 2.0, 0.0, 0.0);
        let shift = Matrix::translate(10.0, 0.0);
        assert_eq!(scale.then(shift).apply(1.0, 1.0), (12.0, 2.0));
        assert_eq!(shift.then(scale).apply(1.0, 1.0), (22.0, 2.0));
    }
}
