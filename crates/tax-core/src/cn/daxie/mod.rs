//! RMB amounts in Chinese uppercase numerals (大写金额), as printed in the 价税合计(大写) box.
//!
//! [`to_words`] writes the form printed on VAT invoices (圆); [`to_words_with`] can write 元
//! instead. The placement of 零 follows the People's Bank of China rules for filling in
//! bills (《正确填写票据和结算凭证的基本规定》) and, where those leave a choice, the output
//! of the widely used `cn2an` RMB mode:
//!
//! * within a four-digit section, a run of inner zeros is written as one 零 and trailing
//!   zeros are not written;
//! * a section after the first gets a leading 零 exactly when its value is below 1000;
//! * 角 = 0 with 分 ≠ 0 writes 零 after 圆; an integer part of 0 is omitted when there are
//!   角 or 分; 整 follows 圆 when there are no 角 and 分, and is not written after 角;
//! * negative amounts start with 负.
//!
//! [`parse_words`] accepts every spelling the PBoC rules allow for an amount: 元 or 圆, 整
//! or 正, with or without the optional 零 (when the 万 or 圆 digit is zero but the next
//! digit is not), with or without 整 after 角, and the traditional forms 貳 陸 億 萬 圓.
//!
//! ```
//! use tax_core::Yuan;
//! use tax_core::cn::daxie::{self, YuanUnit};
//!
//! let amount: Yuan = "107000.53".parse().unwrap();
//! assert_eq!(daxie::to_words(amount), "壹拾万柒仟圆伍角叁分");
//! assert_eq!(daxie::to_words_with(amount, YuanUnit::Simplified), "壹拾万柒仟元伍角叁分");
//! assert_eq!(daxie::parse_words("壹拾万零柒仟元零伍角叁分").unwrap(), amount);
//! ```

mod format;
mod parse;

#[cfg(any(test, feature = "testing"))]
pub(crate) use format::{Piece, spell};
pub use format::{YuanUnit, to_words, to_words_with};
pub use parse::{WordsMismatch, check_words_against_amount, parse_words};
