//! The QR payload of a Chinese VAT invoice (`01,10,<code>,<number>,<amount>,<date>,<check>,…`)
//! compared with the text.

use tax_core::ValidationReport;
use tax_core::cn::QrPayload;

use super::fields::Source;
use super::layout::Span;
use super::qr::{cross_check, qr_value};
use crate::document::CnVatInvoice;

/// Compares the QR payload with the text; fills the identifying fields the text lacks (type,
/// code, number, date, check code) from it.
///
/// The amount is only compared, never filled in: it is the pre-tax amount on legacy
/// invoices; on fully digital ones (31, 32) its meaning is not documented, so it is compared
/// with both the pre-tax amount and the total and reported only when it matches neither.
pub(super) fn check_qr(
    payload: &QrPayload,
    code: &Span,
    invoice: &mut CnVatInvoice,
    findings: &mut ValidationReport,
) {
    cross_check(
        &mut invoice.invoice_type,
        qr_value(payload.invoice_type, code),
        "invoice_type",
        findings,
        |a, b| a == b,
    );
    cross_check(
        &mut invoice.code,
        payload.code.clone().and_then(|value| qr_value(value, code)),
        "code",
        findings,
        |a, b| a == b,
    );
    cross_check(
        &mut invoice.number,
        qr_value(payload.number.clone(), code),
        "number",
        findings,
        |a, b| a == b,
    );
    cross_check(
        &mut invoice.issue_date,
        qr_value(payload.issue_date, code),
        "issue_date",
        findings,
        |a, b| a == b,
    );
    cross_check(
        &mut invoice.check_code,
        payload
            .check_code
            .clone()
            .and_then(|value| qr_value(value, code)),
        "check_code",
        findings,
        |a, b| a == b,
    );
    if payload.invoice_type.is_fully_digital() {
        let printed = [invoice.subtotal_amount.value, invoice.total.value];
        if printed.iter().flatten().next().is_some() && !printed.contains(&Some(payload.amount)) {
            for field in [&mut invoice.subtotal_amount, &mut invoice.total] {
                if field.value.is_some() {
                    field.confidence = Some(Source::Disputed.confidence());
                }
            }
            findings.warning(
                "total",
                super::QR_MISMATCH,
                format!(
                    "the QR code's amount {} matches neither the amount before tax nor the total",
                    payload.amount
                ),
            );
        } else if let Some(field) = [&mut invoice.subtotal_amount, &mut invoice.total]
            .into_iter()
            .find(|field| field.value == Some(payload.amount))
        {
            field.confidence = Some(Source::Qr.confidence());
        }
    } else if !invoice.subtotal_amount.is_empty() {
        // Compared only: an amount is never taken from the QR code alone.
        cross_check(
            &mut invoice.subtotal_amount,
            qr_value(payload.amount, code),
            "subtotal_amount",
            findings,
            |a, b| a == b,
        );
    }
}
