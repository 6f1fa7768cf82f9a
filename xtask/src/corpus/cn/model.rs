//! The data of one synthetic Chinese VAT e-invoice and its ground truth.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use fastrand::Rng;
use rust_decimal::{Decimal, RoundingStrategy};
use tax_core::Yuan;
use tax_core::cn::vat::RateValidity;
use tax_core::cn::{
    CheckCode, InvoiceCode, InvoiceNumber, InvoiceType, TaxpayerId, VatRate, daxie,
};

use super::super::data::{self, CN_ADDRESSES, CN_BANKS, CN_COMPANIES, CN_GOODS, CN_PEOPLE};
use super::super::ids;
use super::super::truth::Truth;

/// Legacy (with 发票代码) or fully digital (数电票).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CnLayout {
    /// 增值税电子普通发票 / 增值税电子专用发票.
    Legacy,
    /// 电子发票(普通发票) / 电子发票(增值税专用发票).
    Digital,
}

/// The knobs of one generated invoice.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CnSpec {
    pub(crate) layout: CnLayout,
    pub(crate) special: bool,
    pub(crate) seed: u64,
    pub(crate) date: NaiveDate,
    pub(crate) items: usize,
    pub(crate) exempt_rows: bool,
    pub(crate) remarks: bool,
}

/// A party as printed.
#[derive(Debug, Clone)]
pub(crate) struct CnParty {
    pub(crate) name: String,
    pub(crate) tax_id: TaxpayerId,
    pub(crate) address_phone: Option<String>,
    pub(crate) bank: Option<String>,
}

/// One item row.
#[derive(Debug, Clone)]
pub(crate) struct CnItem {
    pub(crate) name: String,
    pub(crate) specification: String,
    pub(crate) unit: String,
    pub(crate) quantity: Decimal,
    pub(crate) unit_price: Decimal,
    pub(crate) amount: Yuan,
    pub(crate) rate: VatRate,
    pub(crate) tax: Yuan,
}

/// A complete invoice.
#[derive(Debug, Clone)]
pub(crate) struct CnInvoice {
    pub(crate) layout: CnLayout,
    pub(crate) invoice_type: InvoiceType,
    pub(crate) code: Option<InvoiceCode>,
    pub(crate) number: InvoiceNumber,
    pub(crate) date: NaiveDate,
    pub(crate) check_code: Option<CheckCode>,
    pub(crate) machine_number: Option<String>,
    pub(crate) buyer: CnParty,
    pub(crate) seller: CnParty,
    pub(crate) items: Vec<CnItem>,
    pub(crate) subtotal_amount: Yuan,
    pub(crate) subtotal_tax: Yuan,
    pub(crate) total: Yuan,
    pub(crate) total_in_words: String,
    pub(crate) remarks: Option<String>,
    pub(crate) payee: Option<String>,
    pub(crate) reviewer: Option<String>,
    pub(crate) issuer: String,
    pub(crate) qr_payload: String,
}

fn yuan(amount: Decimal) -> Result<Yuan> {
    Yuan::new(amount).context("yuan amount")
}

fn party(rng: &mut Rng, legacy: bool) -> Result<CnParty> {
    let name = data::pick(rng, &CN_COMPANIES).to_owned();
    let tax_id = TaxpayerId::parse(ids::uscc(rng)?.as_str()).context("taxpayer id")?;
    let phone = format!("0{}-{}", rng.u16(10..1000), ids::digits(rng, 8));
    let bank = format!("{} {}", data::pick(rng, &CN_BANKS), ids::digits(rng, 19));
    Ok(CnParty {
        address_phone: legacy.then(|| format!("{} {phone}", data::pick(rng, &CN_ADDRESSES))),
        bank: legacy.then_some(bank),
        name,
        tax_id,
    })
}

/// Builds the invoice described by `spec`.
pub(crate) fn build(spec: &CnSpec) -> Result<CnInvoice> {
    let mut rng = Rng::with_seed(spec.seed);
    let legacy = spec.layout == CnLayout::Legacy;
    let invoice_type = match (legacy, spec.special) {
        (true, false) => InvoiceType::ElectronicGeneral,
        (true, true) => InvoiceType::ElectronicSpecial,
        (false, false) => InvoiceType::DigitalGeneral,
        (false, true) => InvoiceType::DigitalSpecial,
    };
    let buyer = party(&mut rng, legacy)?;
    let mut seller = party(&mut rng, legacy)?;
    while seller.name == buyer.name {
        seller.name = data::pick(&mut rng, &CN_COMPANIES).to_owned();
    }
    let mut items = Vec::new();
    for index in 0..spec.items {
        let (name, specification, unit, percent, low, high) = loop {
            let goods = CN_GOODS[rng.usize(..CN_GOODS.len())];
            if (goods.3 == 0) == (spec.exempt_rows && index % 3 == 2) {
                break goods;
            }
        };
        let rate = if percent == 0 {
            VatRate::EXEMPT
        } else {
            VatRate::from_percent(Decimal::from(percent)).context("rate")?
        };
        let rate = if rate.validity_on(spec.date) == RateValidity::Valid {
            rate
        } else {
            VatRate::from_percent(Decimal::from(3)).context("rate")?
        };
        let unit_price = Decimal::new(i64::from(rng.u32(low * 100..high * 100)), 2);
        let quantity = Decimal::from(rng.u32(1..12));
        let amount = (unit_price * quantity).round_dp(2);
        let tax = (amount * rate.fraction())
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        items.push(CnItem {
            name: name.to_owned(),
            specification: specification.to_owned(),
            unit: unit.to_owned(),
            quantity,
            unit_price,
            amount: yuan(amount)?,
            rate,
            tax: yuan(tax)?,
        });
    }
    let subtotal_amount = Yuan::checked_sum(items.iter().map(|i| i.amount)).context("sum")?;
    let subtotal_tax = Yuan::checked_sum(items.iter().map(|i| i.tax)).context("sum")?;
    let total = subtotal_amount.checked_add(subtotal_tax).context("total")?;
    let (code, number, check_code, machine_number) = if legacy {
        let code = ids::invoice_code(&mut rng, spec.date, spec.special)?;
        let number = ids::legacy_invoice_number(&mut rng)?;
        let check = if spec.special {
            None
        } else {
            Some(ids::check_code(&mut rng)?)
        };
        (
            Some(code),
            number,
            check,
            Some(format!("66{}", ids::digits(&mut rng, 10))),
        )
    } else {
        (
            None,
            ids::digital_invoice_number(&mut rng, spec.date)?,
            None,
            None,
        )
    };
    let qr_payload = format!(
        "01,{},{},{},{},{},{},{}",
        invoice_type,
        code.as_ref().map_or("", |c| c.as_str()),
        number.as_str(),
        subtotal_amount.amount(),
        spec.date.format("%Y%m%d"),
        check_code.as_ref().map_or("", |c| c.as_str()),
        ids::hex(&mut rng, 4)
    );
    let mut people = CN_PEOPLE.to_vec();
    rng.shuffle(&mut people);
    Ok(CnInvoice {
        layout: spec.layout,
        invoice_type,
        code,
        number,
        date: spec.date,
        check_code,
        machine_number,
        buyer,
        seller,
        items,
        subtotal_amount,
        subtotal_tax,
        total,
        total_in_words: daxie::to_words(total),
        remarks: spec
            .remarks
            .then(|| format!("项目编号: XM{}", ids::digits(&mut rng, 6))),
        payee: legacy.then(|| people[0].to_owned()),
        reviewer: legacy.then(|| people[1].to_owned()),
        issuer: people[2].to_owned(),
        qr_payload,
    })
}

impl CnInvoice {
    /// The ground truth of this invoice printed on `pages` pages.
    pub(crate) fn truth(&self, layout_name: &str, pages: usize) -> Truth {
        let mut truth = Truth::document("cn_vat_invoice", layout_name, pages, true);
        truth.value("invoice_type", &self.invoice_type);
        if let Some(code) = &self.code {
            truth.value("code", code);
        }
        truth.value("number", &self.number);
        truth.value("issue_date", &self.date);
        if let Some(check) = &self.check_code {
            truth.value("check_code", check);
        }
        if let Some(machine) = &self.machine_number {
            truth.text("machine_number", machine);
        }
        for (prefix, party) in [("buyer", &self.buyer), ("seller", &self.seller)] {
            truth.text(format!("{prefix}.name"), &party.name);
            truth.value(format!("{prefix}.tax_id"), &party.tax_id);
            if let Some(address) = &party.address_phone {
                truth.text(format!("{prefix}.address_phone"), address);
            }
            if let Some(bank) = &party.bank {
                truth.text(format!("{prefix}.bank"), bank);
            }
        }
        for (index, item) in self.items.iter().enumerate() {
            let prefix = format!("items[{index}]");
            truth.text(format!("{prefix}.name"), &item.name);
            truth.text(format!("{prefix}.specification"), &item.specification);
            truth.text(format!("{prefix}.unit"), &item.unit);
            truth.value(format!("{prefix}.quantity"), &item.quantity);
            truth.value(format!("{prefix}.unit_price"), &item.unit_price);
            truth.value(format!("{prefix}.amount"), &item.amount);
            truth.value(format!("{prefix}.tax_rate"), &item.rate);
            if !item.rate.is_exempt() {
                truth.value(format!("{prefix}.tax"), &item.tax);
            }
        }
        truth.value("subtotal_amount", &self.subtotal_amount);
        truth.value("subtotal_tax", &self.subtotal_tax);
        truth.value("total", &self.total);
        truth.text("total_in_words", &self.total_in_words);
        if let Some(remarks) = &self.remarks {
            truth.text("remarks", remarks);
        }
        if let Some(payee) = &self.payee {
            truth.text("payee", payee);
        }
        if let Some(reviewer) = &self.reviewer {
            truth.text("reviewer", reviewer);
        }
        truth.text("issuer", &self.issuer);
        truth
    }

    /// The truth of a photo showing only this invoice's QR code.
    pub(crate) fn qr_only_truth(&self, layout_name: &str) -> Truth {
        let mut truth = Truth::document("cn_vat_invoice", layout_name, 1, false);
        truth.value("invoice_type", &self.invoice_type);
        if let Some(code) = &self.code {
            truth.value("code", code);
        }
        truth.value("number", &self.number);
        truth.value("issue_date", &self.date);
        if let Some(check) = &self.check_code {
            truth.value("check_code", check);
        }
        truth
    }
}
