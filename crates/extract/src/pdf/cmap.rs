//! `/ToUnicode` CMaps: code space ranges, `bfchar` and `bfrange` mappings.

use std::collections::HashMap;

/// The longest code, in bytes.
const MAX_CODE_BYTES: usize = 4;

/// One code space range: codes of `bytes` length between `low` and `high`.
#[derive(Debug, Clone, Copy)]
struct CodeSpace {
    bytes: usize,
    low: u32,
    high: u32,
}

/// The target of a `bfrange`.
#[derive(Debug, Clone)]
enum RangeTarget {
    /// The first code maps to these UTF-16 units; later codes increment the last unit.
    Incrementing(Vec<u16>),
    /// One string per code.
    Explicit(Vec<String>),
}

/// A `bfrange` entry.
#[derive(Debug, Clone)]
struct Range {
    bytes: usize,
    low: u32,
    high: u32,
    target: RangeTarget,
}

/// A parsed `/ToUnicode` CMap.
#[derive(Debug, Clone, Default)]
pub(crate) struct ToUnicode {
    spaces: Vec<CodeSpace>,
    chars: HashMap<(usize, u32), String>,
    ranges: Vec<Range>,
}

impl ToUnicode {
    /// Parses CMap program text; unknown constructs are skipped.
    pub(crate) fn parse(data: &[u8]) -> Self {
        let tokens = tokenize(data);
        let mut cmap = ToUnicode::default();
        let mut index = 0;
        while index < tokens.len() {
            match &tokens[index] {
                Token::Keyword(word) if word == "begincodespacerange" => {
                    index += 1;
                    while let (Some(Token::Hex(low)), Some(Token::Hex(high))) =
                        (tokens.get(index), tokens.get(index + 1))
                    {
                        if let (Some(low_value), Some(high_value)) =
                            (code_value(low), code_value(high))
                        {
                            cmap.spaces.push(CodeSpace {
                                bytes: low.len(),
                                low: low_value,
                                high: high_value,
                            });
                        }
                        index += 2;
                    }
                }
                Token::Keyword(word) if word == "beginbfchar" => {
                    index += 1;
                    while let (Some(Token::Hex(code)), Some(target)) =
                        (tokens.get(index), tokens.get(index + 1))
                    {
                        if let (Some(value), Some(text)) = (code_value(code), target.as_text()) {
                            cmap.chars.insert((code.len(), value), text);
                        }
                        index += 2;
                    }
                }
                Token::Keyword(word) if word == "beginbfrange" => {
                    index += 1;
                    while let (Some(Token::Hex(low)), Some(Token::Hex(high)), Some(target)) = (
                        tokens.get(index),
                        tokens.get(index + 1),
                        tokens.get(index + 2),
                    ) {
                        let target = match target {
                            Token::Hex(bytes) => {
                                Some(RangeTarget::Incrementing(utf16_units(bytes)))
                            }
                            Token::Array(items) => Some(RangeTarget::Explicit(
                                items
                                    .iter()
                                    .map(|item| item.as_text().unwrap_or_default())
                                    .collect(),
                            )),
                            Token::Keyword(_) => None,
                        };
                        if let (Some(low_value), Some(high_value), Some(target)) =
                            (code_value(low), code_value(high), target)
                            && low_value <= high_value
                        {
                            cmap.ranges.push(Range {
                                bytes: low.len(),
                                low: low_value,
                                high: high_value,
                                target,
                            });
                        }
                        index += 3;
                    }
                }
                _ => index += 1,
            }
        }
        cmap
    }

    /// The length of the code starting at `bytes`, from the code space ranges (`None` when
    /// the CMap declares none that match).
    pub(crate) fn code_length(&self, bytes: &[u8]) -> Option<usize> {
        (1..=MAX_CODE_BYTES.min(bytes.len())).find(|&length| {
            let value = bytes_value(&bytes[..length]);
            self.spaces
                .iter()
                .any(|space| space.bytes == length && (space.low..=space.high).contains(&value))
        })
    }

    /// Whether the CMap declares any code space.
    pub(crate) fn has_code_spaces(&self) -> bool {
        !self.spaces.is_empty()
    }

    /// The text of one code of `bytes` length.
    pub(crate) fn lookup(&self, bytes: usize, code: u32) -> Option<String> {
        if let Some(text) = self.chars.get(&(bytes, code)) {
            return Some(text.clone());
        }
        let range = self
            .ranges
            .iter()
            .find(|range| range.bytes == bytes && (range.low..=range.high).contains(&code))
            .or_else(|| {
                self.ranges
                    .iter()
                    .find(|range| (range.low..=range.high).contains(&code))
            })?;
        let offset = code - range.low;
        match &range.target {
            RangeTarget::Incrementing(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = u16::try_from(u32::from(*last).checked_add(offset)?).ok()?;
                Some(String::from_utf16_lossy(&units))
            }
            RangeTarget::Explicit(texts) => texts.get(usize::try_from(offset).ok()?).cloned(),
        }
    }
}

/// The tokens of a CMap program that matter here.
#[derive(Debug, Clone)]
enum Token {
    Hex(Vec<u8>),
    Array(Vec<Token>),
    Keyword(String),
}

impl Token {
    /// The UTF-16BE text of a hex string.
    fn as_text(&self) -> Option<String> {
        match self {
            Token::Hex(bytes) => Some(String::from_utf16_lossy(&utf16_units(bytes))),
            _ => None,
        }
    }
}

/// Splits CMap text into hex strings, arrays of hex strings and keywords.
fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut stack: Vec<Vec<Token>> = Vec::new();
    let mut index = 0;
    while index < data.len() {
        let byte = data[index];
        match byte {
            b'%' => {
                while index < data.len() && data[index] != b'\n' && data[index] != b'\r' {
                    index += 1;
                }
            }
            b'<' if data.get(index + 1) == Some(&b'<') => index += 2,
            b'>' if data.get(index + 1) == Some(&b'>') => index += 2,
            b'<' => {
                let start = index + 1;
                let end = data[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |offset| start + offset);
                let token = Token::Hex(decode_hex(&data[start..end]));
                push_token(&mut tokens, &mut stack, token);
                index = end + 1;
            }
            b'[' => {
                stack.push(Vec::new());
                index += 1;
            }
            b']' => {
                if let Some(items) = stack.pop() {
                    push_token(&mut tokens, &mut stack, Token::Array(items));
                }
                index += 1;
            }
            b'(' => {
                // Literal strings do not occur in the mapping sections; skip them.
                let mut depth = 0usize;
                while index < data.len() {
                    match data[index] {
                        b'\\' => index += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    index += 1;
                }
                index += 1;
            }
            _ if byte.is_ascii_alphabetic() => {
                let start = index;
                while index < data.len() && data[index].is_ascii_alphanumeric() {
                    index += 1;
                }
                let word = String::from_utf8_lossy(&data[start..index]).into_owned();
                push_token(&mut tokens, &mut stack, Token::Keyword(word));
            }
            _ => index += 1,
        }
    }
    tokens
}

/// Adds a token to the innermost open array, or to the top level.
fn push_token(tokens: &mut Vec<Token>, stack: &mut [Vec<Token>], token: Token) {
    match stack.last_mut() {
        Some(array) => array.push(token),
        None => tokens.push(token),
    }
}

/// Decodes hex digits, ignoring whitespace; an odd final digit is padded with 0.
fn decode_hex(text: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = text
        .iter()
        .filter_map(|&b| char::from(b).to_digit(16))
        .filter_map(|digit| u8::try_from(digit).ok())
        .collect();
    digits
        .chunks(2)
        .map(|pair| (pair[0] << 4) | pair.get(1).copied().unwrap_or(0))
        .collect()
}

/// A big-endian code value of up to four bytes.
fn code_value(bytes: &[u8]) -> Option<u32> {
    (!bytes.is_empty() && bytes.len() <= MAX_CODE_BYTES).then(|| bytes_value(bytes))
}

/// Big-endian bytes as a number (callers keep it to four bytes).
pub(crate) fn bytes_value(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0u32, |acc, &byte| (acc << 8) | u32::from(byte))
}

/// Big-endian UTF-16 code units.
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair.get(1).copied().unwrap_or(0)]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        2 beginbfchar <0003> <0020> <0010> <4E2D> endbfchar\n\
        2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<D83DDE00> <00660069>] endbfrange\n\
        endcmap";

    #[test]
    fn parses_chars_ranges_and_arrays() {
        let cmap = ToUnicode::parse(SAMPLE);
        assert_eq!(cmap.lookup(2, 0x10).as_deref(), Some("中"));
        assert_eq!(cmap.lookup(2, 0x03).as_deref(), Some(" "));
        assert_eq!(cmap.lookup(2, 0x22).as_deref(), Some("C"));
        assert_eq!(cmap.lookup(2, 0x30).as_deref(), Some("😀"));
        assert_eq!(cmap.lookup(2, 0x31).as_deref(), Some("fi"));
        assert_eq!(cmap.lookup(2, 0x99), None);
        assert_eq!(cmap.code_length(&[0x00, 0x10]), Some(2));
    }
}
