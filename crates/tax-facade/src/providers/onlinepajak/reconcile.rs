//! Comparison of the amounts OnlinePajak stored with those `tax-core` computes.

use tax_core::id::efaktur::{EFakturInvoice, TaxPeriod};
use tax_core::{RuleConfig, Rupiah, Severity, ValidationReport};

use crate::submitter::{FiledInvoice, rules};

/// Reports every difference between `filed` and what `tax-core` computes for `invoice`:
/// gross amount, grand total and tax period (each an error by default, configurable through
/// `config`).
pub(crate) fn reconcile(
    invoice: &EFakturInvoice,
    filed: &FiledInvoice,
    config: &RuleConfig,
    report: &mut ValidationReport,
) {
    match invoice.totals() {
        Some(totals) => {
            compare_amount(
                "grossAmount",
                rules::GROSS_MISMATCH,
                filed.gross_amount,
                totals.gross,
                config,
                report,
            );
            compare_amount(
                "grandTotal",
                rules::GRAND_TOTAL_MISMATCH,
                filed.grand_total,
                totals.grand_total,
                config,
                report,
            );
        }
        None => report.add_configured(
            config,
            Severity::Warning,
            "items",
            rules::NOT_RECONCILED,
            "the invoice's totals cannot be computed, so OnlinePajak's amounts were not checked",
        ),
    }
    let provider_period = TaxPeriod::parse(&filed.tax_period).ok();
    if provider_period != Some(invoice.tax_period) {
        report.add_configured(
            config,
            Severity::Error,
            "taxPeriod",
            rules::TAX_PERIOD_MISMATCH,
            format!(
                "OnlinePajak filed the invoice in tax period {:?}; the invoice names {}",
                filed.tax_period, invoice.tax_period
            ),
        );
    }
}

fn compare_amount(
    path: &str,
    rule: &str,
    provider: Rupiah,
    computed: Rupiah,
    config: &RuleConfig,
    report: &mut ValidationReport,
) {
    if provider != computed {
        report.add_configured(
            config,
            Severity::Error,
            path,
            rule,
            format!("OnlinePajak computed {provider}; tax-core computes {computed}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoice() -> EFakturInvoice {
        serde_json::from_value(serde_json::json!({
            "invoiceNumber": "INV-9",
            "invoiceDate": "2017-02-27",
            "dueDate": "2017-02-28",
            "invoiceType": "A",
            "transactionType": "5",
            "transactionDetail": 1,
            "counterpartyNpwp": "01.000.521.8-093.010",
            "counterpartyName": "PT Dreamland",
            "fakturNumber": "010.000-17.00000004",
            "taxPeriod": "02/2017",
            "vatRate": "10",
            "items": [
                {"description": "A", "quantity": "2", "unitPrice": "100000"},
                {"description": "B", "quantity": "2", "unitPrice": "200000"}
            ]
        }))
        .unwrap()
    }

    fn filed(gross: i64, grand_total: i64, period: &str) -> FiledInvoice {
        FiledInvoice::new(
            "1",
            "INV-9",
            Rupiah::from_whole(gross),
            Rupiah::from_whole(grand_total),
            period,
        )
    }

    fn rules_of(report: &ValidationReport) -> Vec<&str> {
        report.iter().map(|f| f.rule.as_str()).collect()
    }

    #[test]
    fn matching_amounts_and_period_give_no_finding() {
        let mut report = ValidationReport::new();
        reconcile(
            &invoice(),
            &filed(600_000, 660_000, "02/2017"),
            &RuleConfig::default(),
            &mut report,
        );
        assert!(report.is_empty(), "{report:?}");
    }

    #[test]
    fn every_difference_is_an_error_finding() {
        let mut report = ValidationReport::new();
        reconcile(
            &invoice(),
            &filed(600_001, 660_001, "03/2017"),
            &RuleConfig::default(),
            &mut report,
        );
        assert_eq!(
            rules_of(&report),
            [
                rules::GROSS_MISMATCH,
                rules::GRAND_TOTAL_MISMATCH,
                rules::TAX_PERIOD_MISMATCH
            ]
        );
        assert!(report.iter().all(|f| f.severity == Severity::Error));
        assert!(report.findings()[0].message.contains("600001"));
    }

    #[test]
    fn an_unparseable_period_is_a_mismatch_and_rules_can_be_switched_off() {
        let mut config = RuleConfig::default();
        config
            .overrides
            .insert(rules::GROSS_MISMATCH.to_owned(), None);
        let mut report = ValidationReport::new();
        reconcile(
            &invoice(),
            &filed(1, 660_000, "2017-02"),
            &config,
            &mut report,
        );
        assert_eq!(rules_of(&report), [rules::TAX_PERIOD_MISMATCH]);
    }
}
