//! Checks of a commercial invoice.

use rust_decimal::Decimal;
use tax_core::id::Npwp;
use tax_core::id::ppn::{self, GoodsClass};
use tax_core::id::terbilang;
use tax_core::{Rupiah, Severity, ValidationReport};

use super::{Context, rules};
use crate::document::{CommercialInvoice, Field, InvoiceParty};

/// Currency spellings that mark an invoice in rupiah, for the PPN and terbilang checks.
const RUPIAH_MARKERS: [&str; 4] = ["IDR", "RP", "RP.", "RUPIAH"];

pub(super) fn validate(
    invoice: &CommercialInvoice,
    context: &Context<'_>,
    report: &mut ValidationReport,
) {
    context.require(&invoice.number, "number", report);
    context.require(&invoice.total, "total", report);
    context.not_in_future(&invoice.invoice_date, "invoice_date", report);
    if let (Some(issued), Some(due)) = (invoice.invoice_date.get(), invoice.due_date.get())
        && due < issued
    {
        report.add_configured(
            context.config,
            Severity::Warning,
            "due_date",
            rules::DUE_BEFORE_ISSUE,
            format!("due {due}, before the invoice date {issued}"),
        );
    }
    for (path, party) in [("vendor", &invoice.vendor), ("customer", &invoice.customer)] {
        check_party(party, &format!("{path}.tax_id"), context, report);
    }
    check_lines(invoice, context, report);
    check_total(invoice, context, report);
    if is_rupiah(&invoice.currency) {
        check_vat_rate(invoice, context, report);
        check_words(invoice, context, report);
    }
}

fn check_party(
    party: &InvoiceParty,
    path: &str,
    context: &Context<'_>,
    report: &mut ValidationReport,
) {
    if let Some(npwp) = party.npwp.as_ref().filter(|n| !n.has_valid_checksum()) {
        report.add_configured(
            context.config,
            Severity::Warning,
            path,
            Npwp::RULE_CHECKSUM,
            format!("the check digit of NPWP {npwp} does not validate"),
        );
    }
}

/// Half a unit of the last printed digit of `printed`: the largest difference rounding can
/// explain.
fn rounding_tolerance(printed: Decimal) -> Decimal {
    Decimal::new(5, printed.scale().saturating_add(1))
}

fn check_lines(invoice: &CommercialInvoice, context: &Context<'_>, report: &mut ValidationReport) {
    for (index, item) in invoice.items.iter().enumerate() {
        let (Some(quantity), Some(price), Some(total)) =
            (item.quantity.get(), item.unit_price.get(), item.total.get())
        else {
            continue;
        };
        let Some(expected) = quantity.checked_mul(*price) else {
            continue;
        };
        if (expected - *total).abs() > rounding_tolerance(*total) {
            report.add_configured(
                context.config,
                Severity::Warning,
                format!("items[{index}].total"),
                rules::LINE_TOTAL,
                format!("{quantity} × {price} = {expected}, but the line total is {total}"),
            );
        }
    }
    let totals: Option<Vec<Decimal>> = invoice
        .items
        .iter()
        .map(|i| i.total.get().copied())
        .collect();
    if let (Some(totals), Some(subtotal)) = (totals, invoice.subtotal.get())
        && !totals.is_empty()
    {
        let sum = totals
            .iter()
            .try_fold(Decimal::ZERO, |acc, t| acc.checked_add(*t));
        if let Some(sum) = sum.filter(|sum| sum != subtotal) {
            report.add_configured(
                context.config,
                Severity::Warning,
                "subtotal",
                rules::LINES_SUBTOTAL,
                format!("the line totals add up to {sum}, but the subtotal is {subtotal}"),
            );
        }
    }
}

fn amount_or_zero(field: &Field<Decimal>) -> Decimal {
    field.get().copied().unwrap_or(Decimal::ZERO)
}

/// The tax added to the subtotal: the printed total tax when there is one, otherwise the VAT.
fn added_tax(invoice: &CommercialInvoice) -> Decimal {
    invoice
        .total_tax
        .get()
        .or(invoice.vat.get())
        .copied()
        .unwrap_or(Decimal::ZERO)
}

/// Checks total = subtotal − discount + tax. Down payments and vouchers are left out: their
/// treatment differs between invoices, so they would only add false alarms.
fn check_total(invoice: &CommercialInvoice, context: &Context<'_>, report: &mut ValidationReport) {
    let (Some(subtotal), Some(total)) = (invoice.subtotal.get(), invoice.total.get()) else {
        return;
    };
    let expected = subtotal
        .checked_sub(amount_or_zero(&invoice.discount))
        .and_then(|net| net.checked_add(added_tax(invoice)));
    if let Some(expected) = expected.filter(|e| e != total) {
        report.add_configured(
            context.config,
            Severity::Warning,
            "total",
            rules::TOTAL,
            format!("subtotal − discount + tax = {expected}, but the total is {total}"),
        );
    }
}

fn is_rupiah(currency: &Field<String>) -> bool {
    currency
        .get()
        .is_some_and(|c| RUPIAH_MARKERS.contains(&c.trim().to_ascii_uppercase().as_str()))
}

/// Compares the VAT with the PPN rate in force on the invoice date (non-luxury goods; a
/// luxury or exempt supply explains a difference, so this is a warning).
fn check_vat_rate(
    invoice: &CommercialInvoice,
    context: &Context<'_>,
    report: &mut ValidationReport,
) {
    let (Some(date), Some(subtotal), Some(vat)) = (
        invoice.invoice_date.get(),
        invoice.subtotal.get(),
        invoice.vat.get(),
    ) else {
        return;
    };
    let Some(base) = subtotal
        .checked_sub(amount_or_zero(&invoice.discount))
        .and_then(|base| Rupiah::new(base).ok())
    else {
        return;
    };
    let rate = ppn::rate_on(*date, GoodsClass::NonLuxury);
    let Some(expected) = rate.tax_on(base) else {
        return;
    };
    if (expected.amount() - *vat).abs() > Decimal::ONE {
        report.add_configured(
            context.config,
            Severity::Warning,
            "vat",
            rules::VAT_RATE,
            format!(
                "PPN on {date} is {}% effective, {expected} on {base}, but the VAT is {vat}",
                rate.effective_percent()
            ),
        );
    }
}

fn check_words(invoice: &CommercialInvoice, context: &Context<'_>, report: &mut ValidationReport) {
    let (Some(words), Some(total)) = (invoice.total_in_words.get(), invoice.total.get()) else {
        return;
    };
    let Ok(total) = Rupiah::new(*total) else {
        return;
    };
    let problem = match terbilang::check_words_against_amount(words, total) {
        Ok(true) => return,
        Ok(false) => format!("the words do not say {total}"),
        Err(err) => format!("the words are not a rupiah amount: {err}"),
    };
    report.add_configured(
        context.config,
        Severity::Warning,
        "total_in_words",
        rules::TOTAL_WORDS,
        problem,
    );
}
