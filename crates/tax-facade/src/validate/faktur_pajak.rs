//! Checks of a Faktur Pajak.

use tax_core::ValidationReport;

use super::Context;
use crate::document::FakturPajak;

/// Validates a Faktur Pajak: required fields and dates.
pub(super) fn validate(
    invoice: &FakturPajak,
    context: &Context<'_>,
    report: &mut ValidationReport,
) {
    context.require(&invoice.number, "number", report);
    context.require(&invoice.seller.name, "seller.name", report);
    context.require(&invoice.seller.npwp, "seller.npwp", report);
    context.require(&invoice.tax_base, "tax_base", report);
    context.require(&invoice.vat, "vat", report);
    context.require(&invoice.date, "date", report);
    context.not_in_future(&invoice.date, "date", report);
}
