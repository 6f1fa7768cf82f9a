//! Pure mapping between `tax-core`'s [`EFakturInvoice`] and OnlinePajak's wire types.
//!
//! The domain model and the wire differ in names and shapes: `counterpartyNpwp` is `npwp`,
//! `counterpartyName` is `vendor`, `fakturNumber` is `documentNumber`, the `taxPeriod` is split
//! into `masaPajak` and `tahunPajak`, `transactionDetail` is a string and `items` are
//! `invoiceItems`. Every amount is written from its exact decimal.

use chrono::NaiveDate;
use onlinepajak_client::types::{CreateInvoiceRequest, Invoice, InvoiceItem};
use serde::Serialize;
use tax_core::id::ItemLine;
use tax_core::id::efaktur::EFakturInvoice;
use tax_core::{RoundingRule, Rupiah, Severity, ValidationReport};
use taxdoc_client_runtime::wire::WireDecimal;

use crate::error::{Error, ErrorKind};
use crate::provider::ProviderId;
use crate::submitter::{FiledInvoice, rules};

/// The date format of every OnlinePajak date field.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// Builds the create request for `invoice`.
///
/// Fails with [`ErrorKind::InvalidInput`] when the invoice has no faktur number (the
/// marketplace API requires `documentNumber`) and with [`ErrorKind::Unsupported`] when it
/// carries data the API has no field for (down payments, PPnBM), since filing it without them
/// would file different amounts.
pub(crate) fn create_request(invoice: &EFakturInvoice) -> Result<CreateInvoiceRequest, Error> {
    let faktur_number = invoice.faktur_number.as_ref().ok_or_else(|| {
        refuse(
            ErrorKind::InvalidInput,
            "OnlinePajak requires a faktur number (documentNumber); the invoice has none",
        )
    })?;
    if invoice.down_payment.is_some() {
        return Err(refuse(
            ErrorKind::Unsupported,
            "OnlinePajak's invoice API has no down-payment fields",
        ));
    }
    if invoice.ppnbm_rate.is_some_and(|rate| !rate.is_zero()) {
        return Err(refuse(
            ErrorKind::Unsupported,
            "OnlinePajak's invoice API has no PPnBM field",
        ));
    }
    let combination = &invoice.combination;
    Ok(CreateInvoiceRequest {
        invoice_number: invoice.invoice_number.clone(),
        invoice_date: date_text(invoice.invoice_date),
        due_date: date_text(invoice.due_date),
        invoice_type: wire_code(&combination.invoice_type, "invoiceType")?,
        transaction_type: combination.transaction_type.code().to_string(),
        transaction_detail: combination.transaction_detail.to_string(),
        document_type: wire_code(&invoice.document_type, "documentType")?,
        npwp: invoice.counterparty_npwp.to_string(),
        vendor: invoice.counterparty_name.clone(),
        document_number: faktur_number.to_string(),
        masa_pajak: format!("{:02}", invoice.tax_period.month()),
        tahun_pajak: format!("{:04}", invoice.tax_period.year()),
        revision: Some(i64::from(invoice.revision)),
        vat_rate: WireDecimal::from(invoice.vat_rate),
        invoice_items: invoice.items.iter().map(item).collect(),
        // Documented as an empty string outside the combinations 5-7-x and 5-8-x.
        additional_info_id: Some(
            combination
                .additional_info_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ),
        additional_document: None,
        additional_information: None,
        client_ref_id: None,
        imported: None,
        old_id: None,
        payment_date: None,
        serial_number: None,
        source: None,
        src: None,
        ssp_date: None,
        vendor_address: None,
        vendor_city: None,
        vendor_country: None,
        vendor_email: None,
        vendor_phone: None,
        vendor_post_code: None,
        vendor_region: None,
    })
}

fn refuse(kind: ErrorKind, message: &str) -> Error {
    Error::new(kind, message)
        .with_provider(ProviderId::OnlinePajak)
        .with_not_sent()
}

fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

/// The wire code of an enum serialized as a JSON string (`"A"`, `"1"`).
fn wire_code<T: Serialize>(value: &T, field: &str) -> Result<String, Error> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => Ok(code),
        _ => Err(refuse(
            ErrorKind::Unsupported,
            &format!("{field} has no OnlinePajak code"),
        )),
    }
}

fn item(line: &ItemLine) -> InvoiceItem {
    InvoiceItem {
        description: line.description.clone(),
        quantity: WireDecimal::from(line.quantity),
        unit_price: WireDecimal::from(line.unit_price.amount()),
        discount: Some(WireDecimal::from(line.discount.amount())),
        // No WTO code is modelled; the API documents an empty string for "not applicable".
        wto: Some(String::new()),
        total: None,
    }
}

/// Reads the invoice in a success response as a [`FiledInvoice`] filed under `invoice_number`.
///
/// `None` when the response does not identify a stored invoice (no id, gross amount, grand
/// total or tax period). Optional values that do not parse (the invoice date) are left out
/// with a [`rules::UNPARSED`] warning in `findings`.
pub(crate) fn filed_invoice(
    invoice: &Invoice,
    invoice_number: &str,
    findings: &mut ValidationReport,
) -> Option<FiledInvoice> {
    let invoice_id = invoice.invoice_id?;
    let gross_amount = rupiah(invoice.gross_amount.as_ref()?, "grossAmount", findings);
    let grand_total = rupiah(invoice.grand_total.as_ref()?, "grandTotal", findings);
    let tax_period = invoice.tax_period.clone()?;
    let mut filed = FiledInvoice::new(
        invoice_id.to_string(),
        invoice_number,
        gross_amount,
        grand_total,
        tax_period,
    );
    if let Some(text) = &invoice.invoice_date {
        match NaiveDate::parse_from_str(text.trim(), DATE_FORMAT) {
            Ok(date) => filed = filed.with_invoice_date(date),
            Err(_) => findings.add(
                Severity::Warning,
                "invoiceDate",
                rules::UNPARSED,
                format!("OnlinePajak sent the invoice date {text:?}, which is not yyyy-mm-dd"),
            ),
        }
    }
    if let Some(revision) = invoice.revision {
        filed = filed.with_revision(revision);
    }
    Some(filed)
}

/// An amount as rupiah; one with more than two decimals is rounded to sen (half away from
/// zero) with a warning, so the reconciliation still compares it.
fn rupiah(amount: &WireDecimal, field: &str, findings: &mut ValidationReport) -> Rupiah {
    Rupiah::new(amount.value()).unwrap_or_else(|_| {
        findings.add(
            Severity::Warning,
            field,
            rules::UNPARSED,
            format!("OnlinePajak sent {field} {amount} with more than two decimals; rounded"),
        );
        Rupiah::rounded(amount.value(), RoundingRule::ID_AMOUNT)
    })
}

#[cfg(test)]
mod tests;
