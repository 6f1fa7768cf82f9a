//! OnlinePajak VAT combinations (OnlinePajak invoice API) and the Coretax additional-info codes.

use tax_core::id::TransactionCode;
use tax_core::id::efaktur::{AdditionalInfo, DocumentType, InvoiceType, TransactionType};
use tax_core::{RuleConfig, Severity};

mod common;
use common::{combination, date, rules};

#[test]
fn only_documented_type_pairs_are_allowed() {
    let date = date(2024, 5, 1);
    let config = RuleConfig::default();
    for (invoice_type, transaction_type, ok) in [
        (InvoiceType::Sales, TransactionType::Export, true),
        (InvoiceType::Sales, TransactionType::DomesticSale, true),
        (InvoiceType::Sales, TransactionType::Import, false),
        (InvoiceType::Purchase, TransactionType::Import, true),
        (
            InvoiceType::Purchase,
            TransactionType::DomesticPurchase,
            true,
        ),
        (
            InvoiceType::Purchase,
            TransactionType::NonCreditablePurchase,
            true,
        ),
        (InvoiceType::Purchase, TransactionType::Export, false),
        (InvoiceType::Purchase, TransactionType::DomesticSale, false),
    ] {
        let document = if transaction_type == TransactionType::Import {
            DocumentType::PibAndSsp
        } else {
            DocumentType::Normal
        };
        let report =
            combination(invoice_type, transaction_type, 1, None).validate(document, date, &config);
        assert_eq!(
            !report.contains_rule("efaktur.combination.type_pair"),
            ok,
            "{invoice_type:?} {transaction_type:?}"
        );
    }
}

#[test]
fn additional_info_is_required_exactly_for_five_seven_and_five_eight() {
    let date = date(2024, 5, 1);
    let config = RuleConfig::default();
    let check = |detail, info| {
        combination(
            InvoiceType::Sales,
            TransactionType::DomesticSale,
            detail,
            info,
        )
        .validate(DocumentType::Normal, date, &config)
    };
    assert!(check(7, None).contains_rule("efaktur.additional_info.missing"));
    assert!(check(8, None).contains_rule("efaktur.additional_info.missing"));
    assert!(check(7, Some(27)).is_empty());
    assert!(check(8, Some(10)).is_empty());
    assert!(check(7, Some(28)).contains_rule("efaktur.additional_info.range"));
    assert!(check(8, Some(11)).contains_rule("efaktur.additional_info.range"));
    assert!(check(8, Some(0)).contains_rule("efaktur.additional_info.range"));
    assert!(check(1, Some(1)).contains_rule("efaktur.additional_info.unexpected"));
    let purchase = combination(
        InvoiceType::Purchase,
        TransactionType::DomesticPurchase,
        7,
        Some(1),
    );
    assert!(
        purchase
            .validate(DocumentType::Normal, date, &config)
            .contains_rule("efaktur.additional_info.unexpected")
    );
}

#[test]
fn additional_info_tables() {
    for index in 1..=27 {
        let info = AdditionalInfo::new(TransactionCode::NotCollected, index).unwrap();
        assert_eq!(info.add_info_code(), format!("TD.005{index:02}"));
        assert_eq!(info.facility_stamp_code(), format!("TD.011{index:02}"));
        assert!(info.facility().is_some());
        assert_eq!(
            info.legal_basis().is_none(),
            index == 5 || index == 24,
            "{index}"
        );
    }
    for index in 1..=10 {
        let info = AdditionalInfo::new(TransactionCode::Exempt, index).unwrap();
        assert_eq!(
            info.legal_basis().is_none(),
            index == 4 || index == 7,
            "{index}"
        );
    }
    assert_eq!(
        AdditionalInfo::new(TransactionCode::Exempt, 3)
            .unwrap()
            .legal_basis(),
        Some("PP 28/2009")
    );
    assert!(AdditionalInfo::new(TransactionCode::NotCollected, 28).is_none());
    assert!(AdditionalInfo::new(TransactionCode::NotCollected, 0).is_none());
}

#[test]
fn kode_ten_only_from_2025_and_detail_must_be_a_code() {
    let config = RuleConfig::default();
    let ten = combination(InvoiceType::Sales, TransactionType::DomesticSale, 10, None);
    assert!(
        ten.validate(DocumentType::Normal, date(2024, 12, 31), &config)
            .contains_rule("efaktur.transaction_code.date")
    );
    assert!(
        ten.validate(DocumentType::Normal, date(2025, 1, 1), &config)
            .is_empty()
    );
    let eleven = combination(InvoiceType::Sales, TransactionType::DomesticSale, 11, None);
    let report = eleven.validate(DocumentType::Normal, date(2025, 1, 1), &config);
    assert_eq!(
        rules(&report),
        [(
            "transactionDetail",
            "efaktur.combination.detail",
            Severity::Warning
        )]
    );
}

#[test]
fn import_documents_belong_to_imports() {
    let config = RuleConfig::default();
    let date = date(2017, 2, 27);
    let import = combination(InvoiceType::Purchase, TransactionType::Import, 10, None);
    assert!(
        import
            .validate(DocumentType::PibAndSsp, date, &config)
            .is_empty()
    );
    assert!(
        import
            .validate(DocumentType::Normal, date, &config)
            .contains_rule("efaktur.combination.document_type")
    );
    let sale = combination(InvoiceType::Sales, TransactionType::DomesticSale, 1, None);
    assert!(
        sale.validate(DocumentType::Pib, date, &config)
            .contains_rule("efaktur.combination.document_type")
    );
    assert!(
        sale.validate(DocumentType::EquivalentDocument, date, &config)
            .is_empty()
    );
}
