//! Helpers shared by the integration tests; each test binary uses some of them.
#![allow(dead_code)]

use chrono::NaiveDate;
use tax_core::cn::VatRate;
use tax_core::id::efaktur::{Combination, InvoiceType, TransactionType};
use tax_core::{Severity, ValidationReport, Yuan};

/// A calendar date that must exist.
pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A yuan amount written as a plain decimal.
pub(crate) fn yuan(text: &str) -> Yuan {
    text.parse().unwrap()
}

/// A Chinese VAT rate as printed ("13%").
pub(crate) fn rate(text: &str) -> VatRate {
    VatRate::parse(text).unwrap()
}

/// (path, rule, severity) of every finding, in order.
pub(crate) fn rules(report: &ValidationReport) -> Vec<(&str, &str, Severity)> {
    report
        .iter()
        .map(|f| (f.path.as_str(), f.rule.as_str(), f.severity))
        .collect()
}

/// An OnlinePajak combination.
pub(crate) fn combination(
    invoice_type: InvoiceType,
    transaction_type: TransactionType,
    detail: u8,
    info: Option<u8>,
) -> Combination {
    Combination {
        invoice_type,
        transaction_type,
        transaction_detail: detail,
        additional_info_id: info,
    }
}
