//! Huawei's `VatInvoiceResult` mapped onto [`CnVatInvoice`]: pure, no I/O.
//!
//! Every value arrives as a string. Amounts (`"8400.00"`) become exact [`Yuan`], rates
//! (`"17%"`) [`VatRate`], dates (`"2024年03月24日"`) dates, and the open `type` set an
//! [`InvoiceType`]. Text that does not parse is kept as raw text with a `field.unparsed`
//! finding. Confidences come from the `confidence` object, which mirrors the result's shape
//! (an array of objects for `item_list`); values outside 0..1 (the documented `1.9856`) are
//! clamped with a `field.confidence_out_of_range` finding. Locations come from
//! `text_location`, returned only when asked for.
//!
//! A sales list page (`sales_mark: true`) carries its values in `belong_*` fields; they fill
//! whatever the invoice fields leave empty.

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use tax_core::cn::{CheckCode, InvoiceCode, InvoiceNumber, InvoiceType, TaxpayerId, VatRate};
use tax_core::{ParseError, ParseErrorKind, ValidationReport, Yuan};

use huawei_ocr_client::types::{SalesListItem, VatInvoiceItem, VatInvoiceResult};

use crate::document::{CnVatInvoice, CnVatItem, CnVatParty, Confidence, Field, Location, Point};
use crate::parse::{NumberStyle, parse_amount_with, parse_date};

/// Maps a recognition result, returning the invoice and the findings made while mapping.
pub(super) fn map_vat_invoice(result: &VatInvoiceResult) -> (CnVatInvoice, ValidationReport) {
    let mut mapper = Mapper {
        confidence: &result.confidence,
        locations: &result.text_location,
        findings: ValidationReport::new(),
    };
    let invoice = CnVatInvoice {
        invoice_type: mapper.field("invoice_type", "type", result.type_.as_deref(), parse_type),
        code: mapper.field(
            "code",
            "code",
            either(&result.code, &result.belong_vat_code),
            InvoiceCode::parse,
        ),
        number: mapper.field(
            "number",
            "number",
            either(&result.number, &result.belong_number),
            InvoiceNumber::parse,
        ),
        issue_date: mapper.field(
            "issue_date",
            "issue_date",
            either(&result.issue_date, &result.belong_issue_date),
            parse_date,
        ),
        check_code: mapper.field(
            "check_code",
            "check_code",
            result.check_code.as_deref(),
            CheckCode::parse,
        ),
        machine_number: mapper.text(
            "machine_number",
            "machine_number",
            result.machine_number.as_deref(),
        ),
        buyer: mapper.party(
            "buyer",
            [
                either(&result.buyer_name, &result.belong_buyer_name),
                result.buyer_id.as_deref(),
                result.buyer_address.as_deref(),
                result.buyer_bank.as_deref(),
            ],
        ),
        seller: mapper.party(
            "seller",
            [
                either(&result.seller_name, &result.belong_seller_name),
                result.seller_id.as_deref(),
                result.seller_address.as_deref(),
                result.seller_bank.as_deref(),
            ],
        ),
        items: mapper.items(result),
        subtotal_amount: mapper.field(
            "subtotal_amount",
            "subtotal_amount",
            either(&result.subtotal_amount, &result.sum_amount)
                .or_else(|| non_blank(&result.belong_subtotal_amount)),
            parse_yuan,
        ),
        subtotal_tax: mapper.field(
            "subtotal_tax",
            "subtotal_tax",
            either(&result.subtotal_tax, &result.sum_tax)
                .or_else(|| non_blank(&result.belong_subtotal_tax)),
            parse_yuan,
        ),
        total: mapper.field("total", "total", result.total.as_deref(), parse_yuan),
        total_in_words: mapper.text(
            "total_in_words",
            "total_in_words",
            result.total_in_words.as_deref(),
        ),
        remarks: mapper.text(
            "remarks",
            "remarks",
            either(&result.remarks, &result.belong_remarks),
        ),
        payee: mapper.text("payee", "receiver", result.receiver.as_deref()),
        reviewer: mapper.text("reviewer", "reviewer", result.reviewer.as_deref()),
        issuer: mapper.text("issuer", "issuer", result.issuer.as_deref()),
    };
    (invoice, mapper.findings)
}

/// The invoice type for Huawei's `type` value (an open set).
fn parse_type(text: &str) -> Result<InvoiceType, ParseError> {
    Ok(match text {
        "special" => InvoiceType::Special,
        "normal" => InvoiceType::General,
        "electronic" => InvoiceType::ElectronicGeneral,
        "special_electronic" => InvoiceType::ElectronicSpecial,
        "toll" => InvoiceType::Toll,
        "roll" => InvoiceType::Roll,
        "fully_digitalized_special_electronic" => InvoiceType::DigitalSpecial,
        "fully_digitalized_normal_electronic" => InvoiceType::DigitalGeneral,
        other => {
            return Err(ParseError::new(
                "invoice type",
                ParseErrorKind::Format,
                format!("{other:?} is not a Huawei invoice type this SDK knows"),
            ));
        }
    })
}

/// A yuan amount as Huawei prints it: `.` decimals, optional `,` grouping, at most two
/// decimals.
fn parse_yuan(text: &str) -> Result<Yuan, ParseError> {
    parse_amount_with(text, NumberStyle::CommaGrouping).and_then(Yuan::new)
}

fn parse_decimal(text: &str) -> Result<Decimal, ParseError> {
    parse_amount_with(text, NumberStyle::CommaGrouping)
}

/// The first of two texts that is not blank.
fn either<'a>(primary: &'a Option<String>, fallback: &'a Option<String>) -> Option<&'a str> {
    non_blank(primary).or_else(|| non_blank(fallback))
}

fn non_blank(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|text| !text.trim().is_empty())
}

/// Builds fields with the confidence and location of their Huawei key.
struct Mapper<'a> {
    confidence: &'a Map<String, Value>,
    locations: &'a Map<String, Value>,
    findings: ValidationReport,
}

/// The item lines of a result and of its sales list, with their `confidence` entries.
struct ItemSource<'a> {
    key: &'static str,
    lines: Vec<[Option<&'a str>; 8]>,
}

impl Mapper<'_> {
    /// A parsed field at `path`, from Huawei's `key`.
    fn field<T, E: std::fmt::Display>(
        &mut self,
        path: &str,
        key: &str,
        raw: Option<&str>,
        parser: impl FnOnce(&str) -> Result<T, E>,
    ) -> Field<T> {
        let field = Field::parse_opt(raw, path, &mut self.findings, parser);
        let confidence = self.confidence.get(key);
        let location = self.locations.get(key);
        self.annotate(field, path, confidence, location)
    }

    /// A text field at `path`, from Huawei's `key`.
    fn text(&mut self, path: &str, key: &str, raw: Option<&str>) -> Field<String> {
        let field = raw.map(Field::text).unwrap_or_default();
        let confidence = self.confidence.get(key);
        let location = self.locations.get(key);
        self.annotate(field, path, confidence, location)
    }

    /// Adds confidence and location to a field the provider returned.
    fn annotate<T>(
        &mut self,
        mut field: Field<T>,
        path: &str,
        confidence: Option<&Value>,
        location: Option<&Value>,
    ) -> Field<T> {
        if field.is_empty() {
            return field;
        }
        if let Some(score) = confidence.and_then(Value::as_f64) {
            let confidence = Confidence::from_fraction(score).reported(path, &mut self.findings);
            field = field.with_confidence(confidence);
        }
        if let Some(location) = location.and_then(location_of) {
            field = field.with_location(location);
        }
        field
    }

    /// A party from its name, taxpayer id, address and phone, and bank.
    fn party(
        &mut self,
        prefix: &str,
        [name, tax_id, address, bank]: [Option<&str>; 4],
    ) -> CnVatParty {
        let path = |suffix: &str| format!("{prefix}.{suffix}");
        let key = |suffix: &str| format!("{prefix}_{suffix}");
        CnVatParty {
            name: self.text(&path("name"), &key("name"), name),
            tax_id: self.field(&path("tax_id"), &key("id"), tax_id, TaxpayerId::parse),
            address_phone: self.text(&path("address_phone"), &key("address"), address),
            bank: self.text(&path("bank"), &key("bank"), bank),
        }
    }

    /// The goods lines: `item_list`, or the sales list's `belong_item_list` when there is none.
    fn items(&mut self, result: &VatInvoiceResult) -> Vec<CnVatItem> {
        let source = if result.item_list.is_empty() {
            ItemSource {
                key: "belong_item_list",
                lines: result.belong_item_list.iter().map(sales_line).collect(),
            }
        } else {
            ItemSource {
                key: "item_list",
                lines: result.item_list.iter().map(invoice_line).collect(),
            }
        };
        let confidences = self
            .confidence
            .get(source.key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let locations = self
            .locations
            .get(source.key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let empty = Map::new();
        source
            .lines
            .into_iter()
            .enumerate()
            .map(|(index, line)| {
                let confidence = confidences
                    .get(index)
                    .and_then(Value::as_object)
                    .unwrap_or(&empty);
                let location = locations
                    .get(index)
                    .and_then(Value::as_object)
                    .unwrap_or(&empty);
                self.item(index, line, confidence, location)
            })
            .collect()
    }

    fn item(
        &mut self,
        index: usize,
        [
            name,
            specification,
            unit,
            quantity,
            unit_price,
            amount,
            tax_rate,
            tax,
        ]: [Option<&str>; 8],
        confidence: &Map<String, Value>,
        location: &Map<String, Value>,
    ) -> CnVatItem {
        let mut line = Mapper {
            confidence,
            locations: location,
            findings: ValidationReport::new(),
        };
        let path = |key: &str| format!("items[{index}].{key}");
        let item = CnVatItem {
            name: line.text(&path("name"), "name", name),
            specification: line.text(&path("specification"), "specification", specification),
            unit: line.text(&path("unit"), "unit", unit),
            quantity: line.field(&path("quantity"), "quantity", quantity, parse_decimal),
            unit_price: line.field(&path("unit_price"), "unit_price", unit_price, parse_decimal),
            amount: line.field(&path("amount"), "amount", amount, parse_yuan),
            tax_rate: line.field(&path("tax_rate"), "tax_rate", tax_rate, VatRate::parse),
            tax: line.field(&path("tax"), "tax", tax, parse_yuan),
        };
        self.findings.extend(line.findings);
        item
    }
}

fn invoice_line(item: &VatInvoiceItem) -> [Option<&str>; 8] {
    [
        item.name.as_deref(),
        item.specification.as_deref(),
        item.unit.as_deref(),
        item.quantity.as_deref(),
        item.unit_price.as_deref(),
        item.amount.as_deref(),
        item.tax_rate.as_deref(),
        item.tax.as_deref(),
    ]
}

fn sales_line(item: &SalesListItem) -> [Option<&str>; 8] {
    [
        item.name.as_deref(),
        item.specification.as_deref(),
        item.unit.as_deref(),
        item.quantity.as_deref(),
        item.unit_price.as_deref(),
        item.amount.as_deref(),
        item.tax_rate.as_deref(),
        item.tax.as_deref(),
    ]
}

/// A `text_location` entry: four corner points, each `[x, y]` or `{"x": .., "y": ..}`.
fn location_of(value: &Value) -> Option<Location> {
    let point = |value: &Value| match value {
        Value::Array(pair) => Some(Point {
            x: pair.first()?.as_f64()?,
            y: pair.get(1)?.as_f64()?,
        }),
        Value::Object(map) => Some(Point {
            x: map.get("x")?.as_f64()?,
            y: map.get("y")?.as_f64()?,
        }),
        _ => None,
    };
    let polygon = value
        .as_array()?
        .iter()
        .map(point)
        .collect::<Option<Vec<_>>>()?;
    (!polygon.is_empty()).then_some(Location {
        page: None,
        polygon,
    })
}

#[cfg(test)]
mod tests;
