//! Digital documents are answered with the values the offline reader finds in them, shaped
//! as each provider's response; scans keep the documented samples.

mod support;

use std::path::Path;

use serde_json::Value;
use support::{
    blank_scan_png, cn_legacy_pdf, deepfinch_invoice, efaktur_pdf, glair_invoice, huawei_invoice,
    pdfs_in, qr_png, same_value, truth_field, truth_of,
};
use tax_sandbox::Sandbox;

/// Asserts that `actual` (a JSON string or number) carries the truth value at `path`, when the
/// document prints one.
fn assert_carries(document: &Path, truth: &Value, path: &str, actual: &Value) {
    let Some(expected) = truth_field(truth, path) else {
        return;
    };
    let actual_text = match actual {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        other => panic!(
            "{}: {path} is {other}, expected {expected:?}",
            document.display()
        ),
    };
    assert!(
        same_value(&actual_text, expected),
        "{}: {path} is {actual_text:?}, expected {expected:?}",
        document.display()
    );
}

/// The truth value at `path` with Chinese dates written as the providers print them.
fn chinese_date(truth: &Value, path: &str) -> Option<String> {
    let date = chrono::NaiveDate::parse_from_str(truth_field(truth, path)?, "%Y-%m-%d").ok()?;
    Some(date.format("%Y年%m月%d日").to_string())
}

#[tokio::test]
async fn a_built_efaktur_pdf_is_answered_by_glair_with_its_own_values() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let (status, body) = glair_invoice(&sandbox, efaktur_pdf(), "faktur.pdf").await;
    assert_eq!(status, 200, "{body}");
    let parsed: glair_vision_client::types::InvoiceResponse =
        serde_json::from_value(body.clone()).unwrap();
    assert_eq!(parsed.status, "SUCCESS");
    let read = &body["read"];
    assert_eq!(read["invoice_number"]["value"], "010.000-24.00000001");
    assert_eq!(read["invoice_date"]["value"], "2024-01-15");
    assert_eq!(read["vendor_name"]["value"], "PT SUMBER MAKMUR");
    assert_eq!(read["customer_name"]["value"], "PT MAJU BERSAMA");
    assert_eq!(read["invoice_sub_total"]["value"], 1_500_000);
    assert_eq!(read["vat_tax"]["value"], 165_000);
    assert_eq!(read["invoice_total"]["value"], 1_665_000);
    assert_eq!(read["items"][0]["item_name"]["value"], "Kertas HVS A4");
    assert!(read["invoice_number"]["confidence"].as_f64().unwrap() > 50.0);
    assert!(read["invoice_number"]["polygon"].is_array());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_built_chinese_invoice_pdf_is_answered_by_huawei_and_deepfinch() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let (status, body) = huawei_invoice(&sandbox, &cn_legacy_pdf()).await;
    assert_eq!(status, 200, "{body}");
    let parsed: huawei_ocr_client::types::RecognizeVatInvoiceResponse =
        serde_json::from_value(body.clone()).unwrap();
    assert_eq!(parsed.result.number.as_deref(), Some("12345678"));
    let result = &body["result"];
    assert_eq!(result["type"], "electronic");
    assert_eq!(result["code"], "011001900111");
    assert_eq!(result["issue_date"], "2019年08月15日");
    assert_eq!(result["buyer_name"], "北京示例科技有限公司");
    assert_eq!(result["seller_name"], "上海示例餐饮有限公司");
    assert_eq!(result["subtotal_amount"], "94.34");
    assert_eq!(result["subtotal_tax"], "5.66");
    assert_eq!(result["total"], "100.00");
    assert_eq!(result["item_list"][0]["tax_rate"], "6%");
    assert!(result["confidence"]["number"].as_f64().unwrap() > 0.5);

    let (status, body) = deepfinch_invoice(&sandbox, cn_legacy_pdf(), "invoice.pdf").await;
    assert_eq!(status, 200, "{body}");
    let parsed: deepfinch_client::types::VatInvoiceResponse =
        serde_json::from_value(body.clone()).unwrap();
    assert_eq!(parsed.status, "OK");
    let result = &body["result"];
    assert_eq!(
        result["invoice_info"]["invoice_code"]["txt"],
        "011001900111"
    );
    assert_eq!(result["invoice_info"]["invoice_numb"]["txt"], "12345678");
    assert_eq!(result["buyer_info"]["name"]["txt"], "北京示例科技有限公司");
    assert_eq!(result["amount_info"]["amount_total"]["txt"], "94.34");
    assert_eq!(result["amount_info"]["tax_amount_total"]["txt"], "100.00");
    assert_eq!(result["detail_info"][0]["tax_amount"]["txt"], "5.66");
    assert_eq!(
        result["invoice_info"]["invoice_numb"]["region"]
            .as_array()
            .map(Vec::len),
        Some(8)
    );

    let (status, body) = glair_invoice(&sandbox, cn_legacy_pdf(), "invoice.pdf").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["read"]["invoice_number"]["value"], "12345678");
    assert_eq!(body["read"]["vendor_name"]["value"], "上海示例餐饮有限公司");
    assert_eq!(body["read"]["invoice_total"]["value"], 100);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_photo_of_a_chinese_invoice_qr_code_is_answered_with_its_payload() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let photo = qr_png("01,10,011001900111,12345678,94.34,20190815,12345678901234567890,A1B2");
    let (status, body) = huawei_invoice(&sandbox, &photo).await;
    assert_eq!(status, 200, "{body}");
    let result = &body["result"];
    assert_eq!(result["code"], "011001900111");
    assert_eq!(result["number"], "12345678");
    assert_eq!(result["issue_date"], "2019年08月15日");
    assert_eq!(result["check_code"], "12345678901234567890");
    assert_eq!(result["type"], "electronic");
    // The reader takes no amount from a QR code alone, so none is answered.
    assert!(result.get("subtotal_amount").is_none());
    let (status, body) = deepfinch_invoice(&sandbox, photo, "photo.png").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["result"]["invoice_info"]["invoice_numb"]["txt"],
        "12345678"
    );
    let code = &body["result"]["invoice_info"]["invoice_code"]["txt"];
    assert_eq!(code, "011001900111");
    assert_eq!(body["result"]["amount_info"]["amount_total"]["txt"], "");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_faktur_sent_to_the_chinese_readers_fails_as_not_an_invoice() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let (status, body) = huawei_invoice(&sandbox, &efaktur_pdf()).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error_code"], "AIS.0105");
    let (status, body) = deepfinch_invoice(&sandbox, efaktur_pdf(), "faktur.pdf").await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["status"], "DETECTION_FAILED");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_scan_without_text_or_qr_code_keeps_the_documented_samples() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let (status, glair) = glair_invoice(&sandbox, blank_scan_png(), "scan.png").await;
    assert_eq!(status, 200);
    assert_eq!(
        glair["read"]["invoice_number"]["value"],
        "INV2023/23/01/1234"
    );
    let (status, huawei) = huawei_invoice(&sandbox, &blank_scan_png()).await;
    assert_eq!(status, 200);
    assert_eq!(huawei["result"]["code"], "310316XXXX");
    let (status, deepfinch) = deepfinch_invoice(&sandbox, blank_scan_png(), "scan.png").await;
    assert_eq!(status, 200);
    assert_eq!(
        deepfinch["result"]["invoice_info"]["invoice_code"]["txt"],
        "023XXXX1XX"
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn corpus_chinese_invoices_are_answered_by_huawei_and_deepfinch() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let documents = pdfs_in("tests/corpus/cn_vat_invoice");
    assert!(!documents.is_empty(), "the corpus has no Chinese invoices");
    for document in documents {
        let Some(truth) = truth_of(&document).filter(|truth| truth["expect"] == "document") else {
            continue;
        };
        let bytes = std::fs::read(&document).unwrap();

        let (status, body) = huawei_invoice(&sandbox, &bytes).await;
        assert_eq!(status, 200, "{}: {body}", document.display());
        let parsed: huawei_ocr_client::types::RecognizeVatInvoiceResponse =
            serde_json::from_value(body.clone()).unwrap();
        assert!(parsed.result.number.is_some(), "{}", document.display());
        let result = &body["result"];
        for (key, path) in [
            ("code", "code"),
            ("number", "number"),
            ("buyer_name", "buyer.name"),
            ("buyer_id", "buyer.tax_id"),
            ("seller_name", "seller.name"),
            ("seller_id", "seller.tax_id"),
            ("subtotal_amount", "subtotal_amount"),
            ("subtotal_tax", "subtotal_tax"),
            ("total", "total"),
        ] {
            assert_carries(&document, &truth, path, &result[key]);
        }
        if let Some(date) = chinese_date(&truth, "issue_date") {
            assert_eq!(
                result["issue_date"],
                date.as_str(),
                "{}",
                document.display()
            );
        }
        assert!(result["confidence"]["number"].is_number());

        let name = document.file_name().unwrap().to_string_lossy().into_owned();
        let (status, body) = deepfinch_invoice(&sandbox, bytes, &name).await;
        assert_eq!(status, 200, "{}: {body}", document.display());
        let parsed: deepfinch_client::types::VatInvoiceResponse =
            serde_json::from_value(body.clone()).unwrap();
        assert_eq!(parsed.status, "OK");
        let result = &body["result"];
        for (pointer, path) in [
            ("/invoice_info/invoice_numb/txt", "number"),
            ("/buyer_info/name/txt", "buyer.name"),
            ("/seller_info/name/txt", "seller.name"),
            ("/seller_info/checkcode/txt", "seller.tax_id"),
            ("/amount_info/amount_total/txt", "subtotal_amount"),
            ("/amount_info/tax_amount_total/txt", "total"),
        ] {
            assert_carries(
                &document,
                &truth,
                path,
                &result.pointer(pointer).cloned().unwrap_or_default(),
            );
        }
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn corpus_fakturs_are_answered_by_glair_with_dpp_ppn_and_their_sum() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let documents = pdfs_in("tests/corpus/faktur_pajak");
    assert!(!documents.is_empty(), "the corpus has no Faktur Pajak");
    for document in documents {
        let Some(truth) = truth_of(&document).filter(|truth| truth["expect"] == "document") else {
            continue;
        };
        let name = document.file_name().unwrap().to_string_lossy().into_owned();
        let (status, body) =
            glair_invoice(&sandbox, std::fs::read(&document).unwrap(), &name).await;
        assert_eq!(status, 200, "{}: {body}", document.display());
        let parsed: glair_vision_client::types::InvoiceResponse =
            serde_json::from_value(body.clone()).unwrap();
        assert!(parsed.read.is_some());
        let read = &body["read"];
        for (key, path) in [
            ("invoice_number", "number"),
            ("invoice_date", "date"),
            ("vendor_name", "seller.name"),
            ("vendor_tax_id", "seller.npwp"),
            ("customer_name", "buyer.name"),
            ("invoice_sub_total", "tax_base"),
            ("vat_tax", "vat"),
        ] {
            assert_carries(&document, &truth, path, &read[key]["value"]);
        }
        if let (Some(base), Some(vat)) =
            (truth_field(&truth, "tax_base"), truth_field(&truth, "vat"))
        {
            let sum = base.parse::<rust_decimal::Decimal>().unwrap()
                + vat.parse::<rust_decimal::Decimal>().unwrap();
            let total = read["invoice_total"]["value"].to_string();
            assert!(
                same_value(total.trim_matches('"'), &sum.to_string()),
                "{}: total {total}",
                document.display()
            );
        }
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn example_pdfs_are_answered_by_glair_with_their_numbers() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let documents = pdfs_in("examples");
    assert!(!documents.is_empty(), "examples/ has no PDF");
    for document in documents {
        let name = document.file_name().unwrap().to_string_lossy().into_owned();
        let (status, body) =
            glair_invoice(&sandbox, std::fs::read(&document).unwrap(), &name).await;
        assert_eq!(status, 200, "{}: {body}", document.display());
        let parsed: glair_vision_client::types::InvoiceResponse =
            serde_json::from_value(body.clone()).unwrap();
        assert_eq!(parsed.status, "SUCCESS");
        let number = &body["read"]["invoice_number"]["value"];
        assert!(number.is_string(), "{}: {body}", document.display());
        if let Some(truth) = truth_of(&document) {
            assert_carries(&document, &truth, "number", number);
        }
        assert_ne!(
            number,
            "INV2023/23/01/1234",
            "{} got the sample",
            document.display()
        );
    }
    sandbox.shutdown().await;
}
