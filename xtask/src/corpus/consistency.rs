//! Checks on the generated truth files: every identifier parses with tax-core, amounts add
//! up, amounts in words match, and page counts agree with the PDFs.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use tax_core::cn::{
    CheckCode, InvoiceCode, InvoiceNumber, InvoiceType, TaxpayerId, VatRate, daxie,
};
use tax_core::id::ppn::{self, GoodsClass};
use tax_core::id::{FakturNumber, Nik, Nitku, Npwp, terbilang};
use tax_core::{Rupiah, Yuan};

use super::{CorpusFile, generate};

type Fields = BTreeMap<String, String>;

struct Document {
    path: String,
    truth: serde_json::Value,
    fields: Fields,
    bytes: Vec<u8>,
}

fn documents() -> Vec<Document> {
    let files = generate().unwrap();
    let by_path: BTreeMap<&str, &CorpusFile> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut documents = Vec::new();
    for file in &files {
        let Some(stem) = file.path.strip_suffix(".truth.json") else {
            continue;
        };
        let truth: serde_json::Value = serde_json::from_slice(&file.bytes).unwrap();
        let fields: Fields = serde_json::from_value(truth["fields"].clone()).unwrap();
        let document = ["pdf", "png", "jpg"]
            .iter()
            .find_map(|ext| by_path.get(format!("{stem}.{ext}").as_str()))
            .unwrap_or_else(|| panic!("no document next to {}", file.path));
        documents.push(Document {
            path: document.path.clone(),
            truth,
            fields,
            bytes: document.bytes.clone(),
        });
    }
    documents
}

fn decimal(fields: &Fields, path: &str) -> Decimal {
    fields
        .get(path)
        .map_or(Decimal::ZERO, |v| Decimal::from_str(v).unwrap())
}

fn item_count(fields: &Fields) -> usize {
    (0..)
        .take_while(|i| fields.keys().any(|k| k.starts_with(&format!("items[{i}]"))))
        .count()
}

fn sum(fields: &Fields, field: &str) -> Decimal {
    (0..item_count(fields))
        .map(|i| decimal(fields, &format!("items[{i}].{field}")))
        .sum()
}

/// Re-parses `path` with `parse` and checks the canonical form is what the truth holds.
fn canonical<T: serde::Serialize, E: std::fmt::Debug>(
    fields: &Fields,
    path: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) {
    if let Some(value) = fields.get(path) {
        let parsed = parse(value).unwrap_or_else(|e| panic!("{path} = {value}: {e:?}"));
        let text = serde_json::to_value(&parsed).unwrap();
        assert_eq!(
            text.as_str(),
            Some(value.as_str()),
            "{path} is not canonical"
        );
    }
}

fn check_faktur(fields: &Fields) {
    canonical(fields, "number", FakturNumber::parse);
    for party in ["seller", "buyer"] {
        canonical(fields, &format!("{party}.npwp"), Npwp::parse);
        canonical(fields, &format!("{party}.nik"), Nik::parse);
        canonical(fields, &format!("{party}.nitku"), Nitku::parse);
    }
    for i in 0..item_count(fields) {
        let price = decimal(fields, &format!("items[{i}].unit_price"));
        let quantity = decimal(fields, &format!("items[{i}].quantity"));
        assert_eq!(
            price * quantity,
            decimal(fields, &format!("items[{i}].total"))
        );
    }
    let sales = decimal(fields, "sales_price");
    assert_eq!(sum(fields, "total"), sales);
    assert_eq!(sum(fields, "discount"), decimal(fields, "discount"));
    let base = sales - decimal(fields, "discount") - decimal(fields, "down_payment");
    assert_eq!(base, decimal(fields, "tax_base"));
    let date = NaiveDate::from_str(&fields["date"]).unwrap();
    let rate = ppn::rate_on(date, GoodsClass::NonLuxury);
    let base = Rupiah::new(base).unwrap();
    assert_eq!(rate.tax_on(base).unwrap().amount(), decimal(fields, "vat"));
    if let Some(other) = rate.other_tax_base(base) {
        assert_eq!(other.amount(), decimal(fields, "other_tax_base"));
    }
}

fn check_cn(fields: &Fields) {
    canonical(fields, "invoice_type", InvoiceType::parse);
    canonical(fields, "code", InvoiceCode::parse);
    canonical(fields, "number", InvoiceNumber::parse);
    canonical(fields, "check_code", CheckCode::parse);
    for party in ["seller", "buyer"] {
        canonical(fields, &format!("{party}.tax_id"), TaxpayerId::parse);
    }
    if let (Some(code), Some(kind)) = (fields.get("code"), fields.get("invoice_type")) {
        assert_eq!(
            InvoiceCode::parse(code).unwrap().invoice_type().to_string(),
            *kind
        );
    }
    if !fields.contains_key("total") {
        return;
    }
    for i in 0..item_count(fields) {
        let amount = decimal(fields, &format!("items[{i}].amount"));
        let rate = VatRate::parse(&fields[&format!("items[{i}].tax_rate")]).unwrap();
        let tax = (amount * rate.fraction())
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(tax, decimal(fields, &format!("items[{i}].tax")));
        let price = decimal(fields, &format!("items[{i}].unit_price"));
        assert_eq!(
            price * decimal(fields, &format!("items[{i}].quantity")),
            amount
        );
    }
    assert_eq!(sum(fields, "amount"), decimal(fields, "subtotal_amount"));
    assert_eq!(sum(fields, "tax"), decimal(fields, "subtotal_tax"));
    let total = decimal(fields, "subtotal_amount") + decimal(fields, "subtotal_tax");
    assert_eq!(total, decimal(fields, "total"));
    assert_eq!(
        daxie::parse_words(&fields["total_in_words"]).unwrap(),
        Yuan::new(total).unwrap()
    );
}

fn check_commercial(fields: &Fields) {
    for i in 0..item_count(fields) {
        let price = decimal(fields, &format!("items[{i}].unit_price"));
        let quantity = decimal(fields, &format!("items[{i}].quantity"));
        assert_eq!(
            price * quantity,
            decimal(fields, &format!("items[{i}].total"))
        );
    }
    let subtotal = decimal(fields, "subtotal");
    assert_eq!(sum(fields, "total"), subtotal);
    let total = subtotal - decimal(fields, "discount") + decimal(fields, "vat");
    assert_eq!(total, decimal(fields, "total"));
    if let Some(words) = fields.get("total_in_words") {
        let amount = Rupiah::new(total).unwrap();
        assert!(
            terbilang::check_words_against_amount(words, amount).unwrap(),
            "{words}"
        );
    }
    for party in ["vendor", "customer"] {
        if let Some(id) = fields.get(&format!("{party}.tax_id")) {
            Npwp::parse(id).unwrap();
        }
    }
}

fn pdf_page_count(bytes: &[u8]) -> usize {
    let count = |needle: &[u8]| bytes.windows(needle.len()).filter(|w| *w == needle).count();
    count(b"/Type /Page") - count(b"/Type /Pages")
}

#[test]
fn every_truth_is_consistent() {
    let documents = documents();
    assert!(documents.len() >= 60, "only {} documents", documents.len());
    for document in &documents {
        let kind = document.truth["kind"].as_str().unwrap_or("");
        match kind {
            "faktur_pajak" => check_faktur(&document.fields),
            "cn_vat_invoice" => check_cn(&document.fields),
            "commercial_invoice" => check_commercial(&document.fields),
            _ => {
                assert_eq!(document.truth["expect"], "needs_ocr", "{}", document.path);
                assert!(document.fields.is_empty());
            }
        }
        if document.path.ends_with(".pdf") {
            let pages = usize::try_from(document.truth["pages"].as_u64().unwrap()).unwrap();
            assert_eq!(pdf_page_count(&document.bytes), pages, "{}", document.path);
        }
    }
}

#[test]
fn corpus_covers_every_layout_and_spills_long_tables() {
    let documents = documents();
    let mut layouts: BTreeMap<String, usize> = BTreeMap::new();
    for document in &documents {
        let layout = document.truth["layout"].as_str().unwrap();
        let family = layout
            .split('-')
            .take(if layout.starts_with("efaktur") { 1 } else { 2 })
            .collect::<Vec<_>>()
            .join("-");
        *layouts.entry(family).or_default() += 1;
    }
    for family in [
        "efaktur",
        "coretax",
        "cn-legacy",
        "cn-digital",
        "commercial-en",
        "commercial-id",
    ] {
        assert!(
            layouts.get(family).copied().unwrap_or(0) >= 5,
            "{family}: {layouts:?}"
        );
    }
    let multi_page = documents
        .iter()
        .filter(|d| d.truth["kind"] == "faktur_pajak" && d.truth["pages"].as_u64() >= Some(3))
        .count();
    assert!(multi_page >= 1, "no faktur spills onto three pages");
    let needs_ocr = documents
        .iter()
        .filter(|d| d.truth["expect"] == "needs_ocr")
        .count();
    assert!(needs_ocr >= 3);
}
