//! Checks of the VAT and PPnBM rates, the item lines and the down payment.

use rust_decimal::Decimal;

use super::Checker;
use crate::Severity;
use crate::id::efaktur::combination::TransactionType;
use crate::id::efaktur::invoice::DownPaymentKind;
use crate::id::{TransactionCode, items, ppn};

impl Checker<'_> {
    pub(super) fn vat_rate(&mut self) {
        let invoice = self.invoice;
        let rate = invoice.vat_rate;
        if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&rate) {
            self.add(
                Severity::Error,
                "vatRate",
                "efaktur.vat_rate.range",
                format!("VAT rate {rate}% is not 0-100"),
            );
            return;
        }
        let code = invoice.combination.transaction_code();
        let zero_code = code.is_some_and(TransactionCode::requires_additional_info);
        let export = invoice.combination.transaction_type == TransactionType::Export;
        if zero_code && !rate.is_zero() {
            self.add(
                Severity::Error,
                "vatRate",
                "efaktur.vat_rate.zero_required",
                "kode transaksi 07 and 08 show zero PPN",
            );
        } else if export && !rate.is_zero() {
            self.add(
                Severity::Warning,
                "vatRate",
                "efaktur.vat_rate.export_zero",
                "exports are zero-rated",
            );
        } else if !zero_code && !export && rate.is_zero() {
            self.add(
                Severity::Error,
                "vatRate",
                "efaktur.vat_rate.nonzero_required",
                "only exports and kode transaksi 07/08 carry 0% PPN",
            );
        } else if !rate.is_zero() && code != Some(TransactionCode::SpecifiedAmount) {
            let statutory = ppn::rate_on(invoice.invoice_date, invoice.goods_class).percent();
            if rate != statutory {
                self.add(
                    Severity::Error,
                    "vatRate",
                    "efaktur.vat_rate.statutory",
                    format!(
                        "the PPN rate on {} is {statutory}%, not {rate}%",
                        invoice.invoice_date
                    ),
                );
            }
        }
        if let Some(ppnbm) = invoice.ppnbm_rate {
            if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&ppnbm) {
                self.add(
                    Severity::Error,
                    "ppnbmRate",
                    "efaktur.ppnbm.range",
                    format!("PPnBM rate {ppnbm}% is not 0-100"),
                );
            } else if invoice.goods_class != ppn::GoodsClass::Luxury && !ppnbm.is_zero() {
                self.add(
                    Severity::Warning,
                    "ppnbmRate",
                    "efaktur.ppnbm.non_luxury",
                    "PPnBM applies to luxury goods; set goodsClass to luxury",
                );
            }
        }
    }

    pub(super) fn items(&mut self) {
        let lines = &self.invoice.items;
        if lines.is_empty() {
            self.add(
                Severity::Error,
                "items",
                "efaktur.items.empty",
                "an invoice needs at least one item",
            );
        }
        for (index, line) in lines.iter().enumerate() {
            let path = |field: &str| format!("items[{index}].{field}");
            if line.description.trim().is_empty() {
                self.add(
                    Severity::Warning,
                    path("description"),
                    "efaktur.item.description",
                    "item has no description",
                );
            }
            if line.quantity <= Decimal::ZERO {
                self.add(
                    Severity::Error,
                    path("quantity"),
                    "efaktur.item.quantity",
                    format!("quantity {} is not positive", line.quantity),
                );
            }
            if line.unit_price.is_negative() {
                self.add(
                    Severity::Error,
                    path("unitPrice"),
                    "efaktur.item.unit_price",
                    "unit price is negative",
                );
            }
            if line.discount.is_negative() {
                self.add(
                    Severity::Error,
                    path("discount"),
                    "efaktur.item.discount_negative",
                    "discount is negative",
                );
            }
            match line.gross() {
                None => self.add(
                    Severity::Error,
                    format!("items[{index}]"),
                    "efaktur.item.overflow",
                    "line amount overflows",
                ),
                Some(gross) if line.discount > gross && !gross.is_negative() => self.add(
                    Severity::Error,
                    path("discount"),
                    "efaktur.item.discount_exceeds",
                    format!(
                        "discount {} exceeds quantity × unit price {gross}",
                        line.discount
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    pub(super) fn down_payment(&mut self) {
        let Some(down_payment) = self.invoice.down_payment else {
            return;
        };
        if !down_payment.amount.is_negative() && !down_payment.amount.is_zero() {
            if let Some(gross) = items::sum_amounts(&self.invoice.items) {
                let too_large = match down_payment.kind {
                    DownPaymentKind::DownPayment => down_payment.amount > gross,
                    DownPaymentKind::FinalPayment => down_payment.amount >= gross,
                };
                if too_large {
                    self.add(
                        Severity::Error,
                        "downPayment.amount",
                        "efaktur.down_payment.exceeds_total",
                        format!(
                            "down payment {} is not below the items' total {gross}",
                            down_payment.amount
                        ),
                    );
                }
            }
        } else {
            self.add(
                Severity::Error,
                "downPayment.amount",
                "efaktur.down_payment.not_positive",
                "down payment amount must be positive",
            );
        }
    }
}
