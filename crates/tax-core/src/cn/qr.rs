//! The comma-separated text in the QR code of a Chinese VAT invoice.

use std::fmt;

use chrono::NaiveDate;

use crate::cn::check_code::CheckCode;
use crate::cn::invoice_code::InvoiceCode;
use crate::cn::invoice_number::InvoiceNumber;
use crate::cn::invoice_type::InvoiceType;
use crate::{ParseError, ParseErrorKind, Yuan};

const WHAT: &str = "invoice QR payload";

/// The fields of an invoice QR code:
/// `版本,发票种类,发票代码,发票号码,金额,开票日期,校验码,随机码`.
///
/// Fully digitalised invoices (types `31`, `32`) have an empty code field and a 20-digit
/// number; every other type has a 10- or 12-digit code and an 8-digit number. The check code
/// may be empty (special invoices have none), and the trailing random/encryption field may be
/// missing. Whether the amount of a fully digitalised invoice is before or after tax is not
/// documented, so it is not interpreted further.
///
/// ```
/// use tax_core::cn::{InvoiceType, QrPayload};
///
/// let qr = QrPayload::parse("01,32,,24312000000136634917,0.01,20240514,,1DD6").unwrap();
/// assert_eq!(qr.invoice_type, InvoiceType::DigitalGeneral);
/// assert!(qr.code.is_none());
/// assert_eq!(qr.amount.to_string(), "0.01");
/// assert_eq!(qr.to_string(), "01,32,,24312000000136634917,0.01,20240514,,1DD6");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPayload {
    /// Field 1: payload version (`01`).
    pub version: String,
    /// Field 2: invoice type.
    pub invoice_type: InvoiceType,
    /// Field 3: invoice code; `None` for fully digitalised invoices.
    pub code: Option<InvoiceCode>,
    /// Field 4: invoice number.
    pub number: InvoiceNumber,
    /// Field 5: amount, as written (0 to 2 decimals).
    pub amount: Yuan,
    /// Field 6: issue date.
    pub issue_date: NaiveDate,
    /// Field 7: check code (校验码), when printed.
    pub check_code: Option<CheckCode>,
    /// Field 8: random or encryption code, when present.
    pub trailing: Option<String>,
}

impl QrPayload {
    /// Parses the QR text. Surrounding whitespace and a single trailing comma are ignored.
    ///
    /// Errors: [`ParseErrorKind::Length`] for fewer than 7 or more than 8 fields;
    /// [`ParseErrorKind::Format`] for a malformed field; [`ParseErrorKind::Component`] when a
    /// field is valid on its own but inconsistent with the type (for example a code on a
    /// fully digitalised invoice) or the date does not exist.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Empty,
                "no characters",
            ));
        }
        let mut fields: Vec<&str> = text.split(',').map(str::trim).collect();
        if fields.len() == 9 && fields.last() == Some(&"") {
            fields.pop();
        }
        let [
            version,
            kind,
            code,
            number,
            amount,
            date,
            check,
            trailing @ ..,
        ] = fields.as_slice()
        else {
            return Err(length_error(fields.len()));
        };
        if trailing.len() > 1 {
            return Err(length_error(fields.len()));
        }
        if version.is_empty() || !version.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(field_error("version", version));
        }
        let invoice_type = InvoiceType::parse(kind).map_err(|e| wrap("type", &e))?;
        let code = match *code {
            "" => None,
            code => Some(InvoiceCode::parse(code).map_err(|e| wrap("code", &e))?),
        };
        let number = InvoiceNumber::parse(number).map_err(|e| wrap("number", &e))?;
        check_consistency(invoice_type, code.as_ref(), &number)?;
        let amount: Yuan = amount.parse().map_err(|e| wrap("amount", &e))?;
        let issue_date = parse_date(date)?;
        let check_code = match *check {
            "" => None,
            check => Some(CheckCode::parse(check).map_err(|e| wrap("check code", &e))?),
        };
        let trailing = trailing
            .first()
            .filter(|t| !t.is_empty())
            .map(|t| (*t).to_owned());
        Ok(Self {
            version: (*version).to_owned(),
            invoice_type,
            code,
            number,
            amount,
            issue_date,
            check_code,
            trailing,
        })
    }
}

impl fmt::Display for QrPayload {
    /// Writes the canonical comma-separated form (8 fields; empty fields for absent values).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let optional = |value: Option<&str>| value.unwrap_or_default().to_owned();
        write!(
            f,
            "{},{},{},{},{},{},{},{}",
            self.version,
            self.invoice_type,
            optional(self.code.as_ref().map(InvoiceCode::as_str)),
            self.number,
            self.amount,
            self.issue_date.format("%Y%m%d"),
            optional(self.check_code.as_ref().map(CheckCode::as_str)),
            optional(self.trailing.as_deref()),
        )
    }
}

impl std::str::FromStr for QrPayload {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

fn check_consistency(
    invoice_type: InvoiceType,
    code: Option<&InvoiceCode>,
    number: &InvoiceNumber,
) -> Result<(), ParseError> {
    let digital_number = number.is_fully_digital();
    let problem = match (code.is_some(), digital_number) {
        (true, true) => "a 20-digit number comes without an invoice code",
        (false, false) => "an 8-digit number needs an invoice code",
        _ if InvoiceType::NAMED.contains(&invoice_type)
            && invoice_type.is_fully_digital() != digital_number =>
        {
            if digital_number {
                "only fully digitalised invoices (31, 32) have no code and a 20-digit number"
            } else {
                "a fully digitalised invoice has no invoice code and a 20-digit number"
            }
        }
        _ => return Ok(()),
    };
    Err(ParseError::new(
        WHAT,
        ParseErrorKind::Component,
        format!("type {invoice_type}: {problem}"),
    ))
}

fn parse_date(text: &str) -> Result<NaiveDate, ParseError> {
    if text.len() != 8 || !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(field_error("date", text));
    }
    NaiveDate::parse_from_str(text, "%Y%m%d").map_err(|_| {
        ParseError::new(
            WHAT,
            ParseErrorKind::Component,
            format!("date {text} does not exist"),
        )
    })
}

fn length_error(found: usize) -> ParseError {
    ParseError::new(
        WHAT,
        ParseErrorKind::Length,
        format!("expected 7 or 8 comma-separated fields, found {found}"),
    )
}

fn field_error(field: &str, value: &str) -> ParseError {
    ParseError::new(
        WHAT,
        ParseErrorKind::Format,
        format!("malformed {field} field {value:?}"),
    )
}

fn wrap(field: &str, err: &ParseError) -> ParseError {
    let kind = match err.kind() {
        ParseErrorKind::Empty | ParseErrorKind::Length => ParseErrorKind::Format,
        other => other,
    };
    ParseError::new(WHAT, kind, format!("{field} field: {}", err.message()))
}

impl serde::Serialize for QrPayload {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for QrPayload {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for QrPayload {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CnInvoiceQrPayload".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Chinese VAT invoice QR text: version,type,code,number,amount,YYYYMMDD,check code,random code.",
            "pattern": "^[0-9A-Za-z]+,[0-9]{2},([0-9]{10}|[0-9]{12})?,([0-9]{8}|[0-9]{20}),[0-9]+(\\.[0-9]{1,2})?,[0-9]{8},([0-9]{20})?(,[^,]*)?$",
        })
    }
}
