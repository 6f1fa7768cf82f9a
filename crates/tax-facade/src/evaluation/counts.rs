//! True and false positives and negatives, and the ratios computed from them.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::compare::Verdict;

/// Decimals kept in precision, recall and accuracy.
const RATIO_DECIMALS: u32 = 4;

/// Field counts of a document, a field name, a kind or a whole corpus.
///
/// Ratios are exact decimals rounded to four places; they are `None` when their denominator is
/// zero.
///
/// ```
/// use rust_decimal::Decimal;
/// use tax_facade::evaluation::{Counts, Verdict};
///
/// // 8 correct, 1 wrong, 1 missing.
/// let mut counts = Counts::default().with(Verdict::Wrong).with(Verdict::Missing);
/// for _ in 0..8 {
///     counts = counts.with(Verdict::Correct);
/// }
/// assert_eq!((counts.tp, counts.fp, counts.fn_), (8, 1, 2));
/// assert_eq!(counts.precision(), Some(Decimal::new(8889, 4)));
/// assert_eq!(counts.recall(), Some(Decimal::new(8, 1)));
/// assert_eq!(counts.accuracy(), Some(Decimal::new(8, 1)));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "CountsRecord")]
pub struct Counts {
    /// True positives: values returned as expected.
    pub tp: u64,
    /// False positives: values returned that are absent from the truth or differ from it.
    pub fp: u64,
    /// False negatives: truth values not returned or returned differently.
    pub fn_: u64,
    /// Values returned differently from the truth (each counted as one FP and one FN).
    pub wrong: u64,
}

impl Counts {
    /// These counts with one more field of `verdict`.
    #[must_use]
    pub fn with(mut self, verdict: Verdict) -> Self {
        match verdict {
            Verdict::Correct => self.tp += 1,
            Verdict::Wrong => {
                self.fp += 1;
                self.fn_ += 1;
                self.wrong += 1;
            }
            Verdict::Missing => self.fn_ += 1,
            Verdict::Spurious => self.fp += 1,
        }
        self
    }

    /// The sum of two counts.
    #[must_use]
    pub fn plus(self, other: Self) -> Self {
        Self {
            tp: self.tp + other.tp,
            fp: self.fp + other.fp,
            fn_: self.fn_ + other.fn_,
            wrong: self.wrong + other.wrong,
        }
    }

    /// The number of distinct paths: in the truth, returned, or both.
    pub fn paths(&self) -> u64 {
        (self.tp + self.fp + self.fn_).saturating_sub(self.wrong)
    }

    /// TP / (TP + FP).
    pub fn precision(&self) -> Option<Decimal> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN).
    pub fn recall(&self) -> Option<Decimal> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// TP / distinct paths: the share of the paths in the truth or returned that are correct.
    pub fn accuracy(&self) -> Option<Decimal> {
        ratio(self.tp, self.paths())
    }
}

fn ratio(numerator: u64, denominator: u64) -> Option<Decimal> {
    if denominator == 0 {
        return None;
    }
    Decimal::from(numerator)
        .checked_div(Decimal::from(denominator))
        .map(|r| r.round_dp_with_strategy(RATIO_DECIMALS, RoundingStrategy::MidpointAwayFromZero))
        .map(|r| r.normalize())
}

/// The serialized form of [`Counts`]: the counts and the ratios.
#[derive(Serialize)]
struct CountsRecord {
    tp: u64,
    fp: u64,
    #[serde(rename = "fn")]
    fn_: u64,
    wrong: u64,
    precision: Option<Decimal>,
    recall: Option<Decimal>,
    accuracy: Option<Decimal>,
}

impl From<Counts> for CountsRecord {
    fn from(counts: Counts) -> Self {
        Self {
            tp: counts.tp,
            fp: counts.fp,
            fn_: counts.fn_,
            wrong: counts.wrong,
            precision: counts.precision(),
            recall: counts.recall(),
            accuracy: counts.accuracy(),
        }
    }
}
