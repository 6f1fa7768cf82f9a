//! The Luhn (mod 10) check used for the NPWP check digit.
//!
//! DJP never published the NPWP algorithm; Luhn over the first nine digits (the check digit
//! being the ninth) is the de-facto rule that every public validator applies and that all
//! known real NPWPs satisfy.

/// The Luhn sum of `digits` (ASCII digits, check digit last), or `None` for a non-digit.
fn luhn_sum(digits: &str) -> Option<u32> {
    digits
        .bytes()
        .rev()
        .enumerate()
        .try_fold(0_u32, |sum, (index, byte)| {
            if !byte.is_ascii_digit() {
                return None;
            }
            let digit = u32::from(byte - b'0');
            let value = if index % 2 == 1 {
                let doubled = digit * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                digit
            };
            Some(sum + value)
        })
}

/// True when `digits` (check digit last) passes the Luhn check; false for any non-digit.
///
/// ```
/// use tax_core::id::luhn;
///
/// assert!(luhn::is_valid("013121660"));
/// assert!(!luhn::is_valid("013121661"));
/// assert!(!luhn::is_valid("01312166x"));
/// ```
pub fn is_valid(digits: &str) -> bool {
    !digits.is_empty() && luhn_sum(digits).is_some_and(|sum| sum % 10 == 0)
}

/// The check digit that makes `body` followed by it Luhn-valid, or `None` for a non-digit.
///
/// ```
/// use tax_core::id::luhn;
///
/// assert_eq!(luhn::check_digit("01312166"), Some(0));
/// assert_eq!(luhn::check_digit("01000521"), Some(3));
/// assert_eq!(luhn::check_digit("0131216a"), None);
/// ```
pub fn check_digit(body: &str) -> Option<u8> {
    let with_zero = format!("{body}0");
    let sum = luhn_sum(&with_zero)?;
    u8::try_from((10 - sum % 10) % 10).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits_from_the_reference_bodies() {
        for (body, expected) in [
            ("01312166", 0),
            ("01000521", 3),
            ("02115615", 3),
            ("70943997", 0),
            ("03133868", 4),
            ("99999999", 8),
        ] {
            assert_eq!(check_digit(body), Some(expected), "body {body}");
            assert!(is_valid(&format!("{body}{expected}")));
        }
    }

    #[test]
    fn empty_input_is_not_valid() {
        assert!(!is_valid(""));
        assert_eq!(check_digit(""), Some(0));
    }
}
