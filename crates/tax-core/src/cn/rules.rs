//! Stable codes of the rules that Chinese validations report, for matching findings and for
//! [`RuleConfig`](crate::RuleConfig) overrides. The severity in parentheses is the default.

/// A line's rate is not one this crate knows (warning).
pub const RATE_UNKNOWN: &str = "vat.rate_unknown";
/// A line's rate is not in force on the issue date (error).
pub const RATE_PERIOD: &str = "vat.rate_period";
/// `|金额 × 税率 − 税额|` exceeds 0.06 on a line (error).
pub const LINE_TAX: &str = "vat.line_tax";
/// `金额 ≠ round(数量 × 单价, 2)` on a line (warning: printed prices are often rounded).
pub const LINE_AMOUNT: &str = "vat.line_amount";
/// The accumulated tax difference exceeds 1.27 (error).
pub const CUMULATIVE_TAX: &str = "vat.cumulative_tax";
/// 合计金额 ≠ Σ金额 (error).
pub const SUBTOTAL_AMOUNT: &str = "vat.subtotal_amount";
/// 合计税额 ≠ Σ税额 (error).
pub const SUBTOTAL_TAX: &str = "vat.subtotal_tax";
/// 价税合计 ≠ 合计金额 + 合计税额 (error).
pub const TOTAL: &str = "vat.total";
/// 价税合计(大写) is not a valid spelling of 价税合计(小写) (error).
pub const TOTAL_WORDS: &str = "vat.total_words";
/// A sum overflowed (error).
pub const OVERFLOW: &str = "vat.overflow";
/// The invoice has no lines (error).
pub const NO_ITEMS: &str = "invoice.no_items";
/// The code, number and stated type do not fit together (error): a fully digitalised
/// (20-digit) number with a code, an 8-digit number without one, or a fully digitalised type
/// (31, 32) with an 8-digit number and vice versa.
pub const CODE_NUMBER: &str = "invoice.code_number";
/// The stated invoice type differs from the one the invoice code implies (warning).
pub const TYPE_MISMATCH: &str = "invoice.type";
/// The year in the code or the 20-digit number is after the issue date (warning).
pub const NUMBER_YEAR: &str = "invoice.number_year";
/// A general-family invoice (04/10/11/14) has no check code (warning).
pub const CHECK_CODE_MISSING: &str = "invoice.check_code_missing";
/// The embedded GB 11714 organization code of a party's USCC fails its check (warning).
pub const USCC_ORG_CODE: &str = "uscc.org_code";
