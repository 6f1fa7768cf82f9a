//! The readable form of a read: one row per field, then the findings.

use std::io::{self, Write};

use serde_json::Value;

use super::record::ReadRecord;
use crate::output::write_findings;

const FIELD_KEYS: [&str; 4] = ["value", "raw", "confidence", "location"];

/// Writes `record` as a table.
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
    let width = rows.iter().map(|row| row.0.len()).max().unwrap_or(5).max(5);
    writeln!(out, "  {:width$}  {:<40}  CONFIDENCE", "FIELD", "VALUE")?;
    for (path, shown, confidence) in &rows {
        writeln!(out, "  {path:width$}  {shown:<40}  {confidence}")?;
    }
    write_findings(out, &record.findings)?;
    writeln!(out)
}

/// Flattens a serialized document part into `(path, value, confidence)` rows.
fn collect_rows(path: &str, value: &Value, rows: &mut Vec<(String, String, String)>) {
    match value {
        Value::Object(map) if map.keys().all(|key| FIELD_KEYS.contains(&key.as_str())) => {
            let shown = map
                .get("value")
                .or_else(|| map.get("raw"))
                .map_or_else(|| "-".to_owned(), plain);
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
        other => rows.push((path.to_owned(), plain(other), "-".to_owned())),
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
            ("seller.name".into(), "PT A".into(), "0.50".into())
        );
        assert_eq!(row("items[0].amount").1, "12,50");
        assert_eq!(row("items[1].amount").1, "-");
        assert_eq!(row("address").1, "JL. SATU / JAKARTA");
        assert_eq!(rows.len(), 4);
    }
}
