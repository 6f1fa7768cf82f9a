//! Checks of a Chinese VAT invoice, reusing `tax_core::cn::VatInvoice::validate`.

use tax_core::cn::{VatInvoice, VatLineItem, VatParty, daxie, rules as cn_rules};
use tax_core::{Severity, ValidationReport};

use super::{Context, rules};
use crate::document::{CnVatInvoice, CnVatItem, CnVatParty, Field};

pub(super) fn validate(
    invoice: &CnVatInvoice,
    context: &Context<'_>,
    report: &mut ValidationReport,
) {
    context.require(&invoice.number, "number", report);
    context.require(&invoice.issue_date, "issue_date", report);
    context.require(&invoice.total, "total", report);
    context.not_in_future(&invoice.issue_date, "issue_date", report);
    match to_domain(invoice) {
        Ok(domain) => {
            for mut finding in domain.validate(context.config) {
                finding.path = facade_path(&finding.path);
                report.push(finding);
            }
        }
        Err(missing) => {
            report.add_configured(
                context.config,
                Severity::Info,
                "",
                rules::CN_INCOMPLETE,
                format!(
                    "cross-field checks were skipped; these fields did not parse or are missing: {}",
                    missing.join(", ")
                ),
            );
            check_total_alone(invoice, context, report);
        }
    }
}

/// Renames `tax-core` paths to the fields of [`CnVatInvoice`].
fn facade_path(path: &str) -> String {
    let path = path
        .replacen("buyer.taxpayer_id", "buyer.tax_id", 1)
        .replacen("seller.taxpayer_id", "seller.tax_id", 1);
    match path.strip_suffix(".rate") {
        Some(item) if item.starts_with("items[") => format!("{item}.tax_rate"),
        _ => path,
    }
}

/// Collects the paths of fields that block the conversion.
struct Missing(Vec<String>);

impl Missing {
    /// The parsed value of a required field, noting it when absent.
    fn required<'a, T>(&mut self, field: &'a Field<T>, path: &str) -> Option<&'a T> {
        if field.value.is_none() {
            self.0.push(path.to_owned());
        }
        field.value.as_ref()
    }

    /// The value of an optional field, noting it when text was sent but did not parse
    /// (treating it as absent would make the domain checks report a wrong problem).
    fn optional<T: Clone>(&mut self, field: &Field<T>, path: &str) -> Option<T> {
        if field.value.is_none() && field.raw.is_some() {
            self.0.push(path.to_owned());
        }
        field.value.clone()
    }
}

fn to_domain(invoice: &CnVatInvoice) -> Result<VatInvoice, Vec<String>> {
    let mut missing = Missing(Vec::new());
    // An unreadable type label is left out: the type implied by the code stands in for it.
    let invoice_type = invoice.invoice_type.value;
    let code = missing.optional(&invoice.code, "code");
    let check_code = missing.optional(&invoice.check_code, "check_code");
    let number = missing.required(&invoice.number, "number").cloned();
    let issue_date = missing.required(&invoice.issue_date, "issue_date").copied();
    let buyer = party(&invoice.buyer, "buyer", &mut missing);
    let seller = party(&invoice.seller, "seller", &mut missing);
    let items: Vec<Option<VatLineItem>> = invoice
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| line(item, &format!("items[{index}]"), &mut missing))
        .collect();
    let subtotal_amount = missing
        .required(&invoice.subtotal_amount, "subtotal_amount")
        .copied();
    let subtotal_tax = missing
        .required(&invoice.subtotal_tax, "subtotal_tax")
        .copied();
    let total = missing.required(&invoice.total, "total").copied();
    let (
        Some(number),
        Some(issue_date),
        Some(buyer),
        Some(seller),
        Some(items),
        Some(subtotal_amount),
        Some(subtotal_tax),
        Some(total),
    ) = (
        number,
        issue_date,
        buyer,
        seller,
        items.into_iter().collect::<Option<Vec<_>>>(),
        subtotal_amount,
        subtotal_tax,
        total,
    )
    else {
        return Err(missing.0);
    };
    if !missing.0.is_empty() {
        return Err(missing.0);
    }
    Ok(VatInvoice {
        invoice_type,
        code,
        number,
        issue_date,
        check_code,
        buyer,
        seller,
        items,
        subtotal_amount,
        subtotal_tax,
        total,
        total_in_words: invoice.total_in_words.value.clone(),
    })
}

fn party(party: &CnVatParty, path: &str, missing: &mut Missing) -> Option<VatParty> {
    let name = missing
        .required(&party.name, &format!("{path}.name"))
        .cloned();
    // An unreadable taxpayer id only skips its own checks; the mapping already reported it.
    let taxpayer_id = party.tax_id.value.clone();
    Some(VatParty {
        name: name?,
        taxpayer_id,
    })
}

fn line(item: &CnVatItem, path: &str, missing: &mut Missing) -> Option<VatLineItem> {
    // Without a readable quantity or price only the quantity × price check is skipped.
    let quantity = item.quantity.value;
    let unit_price = item.unit_price.value;
    let name = item.name.value.clone().unwrap_or_default();
    let amount = missing
        .required(&item.amount, &format!("{path}.amount"))
        .copied();
    let rate = missing
        .required(&item.tax_rate, &format!("{path}.tax_rate"))
        .copied();
    let tax = missing.required(&item.tax, &format!("{path}.tax")).copied();
    Some(VatLineItem {
        name,
        quantity,
        unit_price,
        amount: amount?,
        rate: rate?,
        tax: tax?,
    })
}

/// The checks that need only the totals, for an invoice that could not be converted.
fn check_total_alone(invoice: &CnVatInvoice, context: &Context<'_>, report: &mut ValidationReport) {
    let Some(total) = invoice.total.get() else {
        return;
    };
    if let (Some(amount), Some(tax)) = (invoice.subtotal_amount.get(), invoice.subtotal_tax.get())
        && let Some(expected) = amount.checked_add(*tax)
        && expected != *total
    {
        report.add_configured(
            context.config,
            Severity::Error,
            "total",
            cn_rules::TOTAL,
            format!("subtotal amount + subtotal tax is {expected}, but {total} is stated"),
        );
    }
    if let Some(words) = invoice.total_in_words.get()
        && let Err(mismatch) = daxie::check_words_against_amount(words, *total)
    {
        report.add_configured(
            context.config,
            Severity::Error,
            "total_in_words",
            cn_rules::TOTAL_WORDS,
            mismatch.to_string(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_paths_are_renamed_to_facade_fields() {
        assert_eq!(facade_path("items[2].rate"), "items[2].tax_rate");
        assert_eq!(
            facade_path("buyer.taxpayer_id.org_code"),
            "buyer.tax_id.org_code"
        );
        assert_eq!(facade_path("total_in_words"), "total_in_words");
    }
}
