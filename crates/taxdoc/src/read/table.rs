//! The readable form of a read: one row per field, then the findings.

use std::io::{self, Write};

use serde_json::Value;

use super::record::ReadRecord;
use crate::output::write_findings;

const FIELD_KEYS: [&str; 4] = ["value", "raw", "confidence", "location"];

/// One row of the table: a field's path, what it shows (`None` for a field the document does
/// not carry) and its confidence.
type Row = (String, Option<String>, String);

/// Writes `record` as a table: the fields the document carries, in the document's order
/// (number, parties, lines, totals, signature), then how many were empty, then the findings.
pub(crate) fn write_table(out: &mut impl Write, record: &ReadRecord) -> io::Result<()> {
    let meta = &record.meta;
    let attempts = if meta.attempts == 1 {
        "attempt"
    } else {
        "attempts"
    };
    writeln!(
        out,
        "{}: {} read by {} (request id {}, {} {attempts}, {} ms)",
        record.file,
        record.document.kind(),
        meta.provider,
        meta.request_id.as_deref().unwrap_or("none"),
        meta.attempts,
        meta.elapsed_ms,
    )?;
    let mut rows = Vec::new();
    let document = serde_json::to_value(&record.document).map_err(io::Error::other)?;
    if let Value::Object(fields) = document {
        for (name, value) in fields.iter().filter(|(name, _)| name.as_str() != "kind") {
            collect_rows(name, value, &mut rows);
        }
    }
    let order: Vec<String> = record
        .document
        .fields()
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    rows.sort_by_key(|row| {
        order
            .iter()
            .position(|path| *path == row.0)
            .unwrap_or(usize::MAX)
    });
    let (shown, empty): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|row| row.1.is_some());
    let width = shown
        .iter()
        .map(|row| row.0.len())
        .max()
        .unwrap_or(5)
        .max(5);
    writeln!(out, "  {:width$}  {:<40}  CONFIDENCE", "FIELD", "VALUE")?;
    for (path, value, confidence) in &shown {
        let value = value.as_deref().unwrap_or("-");
        writeln!(out, "  {path:width$}  {value:<40}  {confidence}")?;
    }
    if !empty.is_empty() {
        writeln!(
            out,
            "  ({} fields not on the document are not shown)",
            empty.len()
        )?;
    }
    write_findings(out, &record.findings)?;
    writeln!(out)
}

/// Flattens a serialized document part into rows.
fn collect_rows(path: &str, value: &Value, rows: &mut Vec<Row>) {
    match value {
        Value::Object(map) if map.keys().all(|key| FIELD_KEYS.contains(&key.as_str())) => {
            let shown = map.get("value").or_else(|| map.get("raw")).map(plain);
            let confidence = map
                .get("confidence")
                .and_then(Value::as_f64)
                .map_or_else(|| "-".to_owned(), |c| format!("{c:.2}"));
            rows.push((path.to_owned(), shown, confidence));
        }
        Value::Object(map) => {
            for (name, inner) in map {
                collect_rows(&format!("{path}.{name}"), inner, rows);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                collect_rows(&format!("{path}[{index}]"), item, rows);
            }
        }
        other => rows.push((path.to_owned(), Some(plain(other)), "-".to_owned())),
    }
}

/// A JSON value as a person reads it: strings without quotes, everything else as JSON.
fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.lines().map(str::trim).collect::<Vec<_>>().join(" / "),
        Value::Null => "-".to_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn nested_parts_and_items_become_one_row_per_field() {
        let invoice = json!({
            "seller": {"name": {"value": "PT A", "raw": "PT A", "confidence": 0.5}},
            "items": [{"amount": {"raw": "12,50"}}, {"amount": {}}],
            "address": {"value": "JL. SATU\n  JAKARTA"}
        });
        let mut rows = Vec::new();
        for (name, value) in invoice.as_object().unwrap() {
            collect_rows(name, value, &mut rows);
        }
        let row = |path: &str| rows.iter().find(|row| row.0 == path).cloned().unwrap();
        assert_eq!(
            row("seller.name"),
            ("seller.name".into(), Some("PT A".into()), "0.50".into())
        );
        assert_eq!(row("items[0].amount").1.as_deref(), Some("12,50"));
        assert_eq!(row("items[1].amount").1, None);
        assert_eq!(row("address").1.as_deref(), Some("JL. SATU / JAKARTA"));
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn a_faktur_shows_its_fields_in_document_order_without_empty_ones() {
        use tax_facade::document::{FakturItem, FakturPajak, Field};
        use tax_facade::{Document, ProviderId};

        use crate::read::MetaRecord;

        let mut invoice = FakturPajak {
            number: Field::from_value("010.000-24.00000001".parse().unwrap()),
            items: vec![FakturItem {
                total: Field::from_value("1500000".parse().unwrap()),
                ..FakturItem::default()
            }],
            vat: Field::from_value("165000".parse().unwrap()),
            date: serde_json::from_value(json!({"value": "2024-01-15"})).unwrap(),
            ..FakturPajak::default()
        };
        invoice.seller.name = Field::from_value("PT SUMBER MAKMUR".to_owned());
        let record = ReadRecord {
            file: "faktur.pdf".to_owned(),
            document: Document::FakturPajak(invoice),
            findings: tax_core::ValidationReport::new(),
            meta: MetaRecord {
                provider: ProviderId::Local,
                request_id: None,
                attempts: 1,
                elapsed_ms: 3,
            },
        };
        let mut out = Vec::new();
        write_table(&mut out, &record).unwrap();
        let text = String::from_utf8(out).unwrap();
        let position = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {text}"))
        };
        assert!(position("number") < position("seller.name"));
        assert!(position("seller.name") < position("items[0].total"));
        assert!(position("items[0].total") < position("vat"));
        assert!(position("vat") < position("date"));
        assert!(text.contains("PT SUMBER MAKMUR"));
        assert!(!text.contains("buyer.nik"), "{text}");
        assert!(
            text.contains("fields not on the document are not shown"),
            "{text}"
        );
    }
}
