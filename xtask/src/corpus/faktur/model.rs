//! The data of one synthetic Faktur Pajak, arithmetically consistent by construction, and its
//! ground truth.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use fastrand::Rng;
use rust_decimal::Decimal;
use tax_core::Rupiah;
use tax_core::id::ppn::{self, GoodsClass};
use tax_core::id::{FakturNumber, Nik, Nitku, Npwp};

use super::super::data::{self, ID_GOODS};
use super::super::ids;
use super::super::truth::Truth;

/// Which DJP application printed the faktur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FakturLayout {
    /// DJP e-Faktur (until 2024): legacy 16-digit numbers, 15-digit NPWP.
    Efaktur,
    /// Coretax (since 2025): 17-digit numbers, 16-digit NPWP, DPP Nilai Lain.
    Coretax,
}

/// How the buyer is identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BuyerId {
    /// A company with an NPWP.
    Npwp,
    /// A resident individual with a NIK (NPWP printed as zeros).
    Nik,
    /// A foreigner with a passport number (NPWP printed as zeros).
    Passport,
}

/// The knobs of one generated faktur.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FakturSpec {
    /// Printing application.
    pub(crate) layout: FakturLayout,
    /// Seed of the data model.
    pub(crate) seed: u64,
    /// Issue date.
    pub(crate) date: NaiveDate,
    /// Number of items.
    pub(crate) items: usize,
    /// Buyer identification.
    pub(crate) buyer: BuyerId,
    /// Whether some items carry a price discount.
    pub(crate) discounts: bool,
    /// Whether a down payment is deducted.
    pub(crate) down_payment: bool,
}

/// A seller or buyer as printed.
#[derive(Debug, Clone)]
pub(crate) struct FakturParty {
    pub(crate) name: String,
    pub(crate) address: String,
    pub(crate) npwp: Npwp,
    pub(crate) nik: Option<Nik>,
    pub(crate) passport: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) nitku: Option<Nitku>,
}

/// One item line.
#[derive(Debug, Clone)]
pub(crate) struct FakturItem {
    pub(crate) code: Option<String>,
    pub(crate) name: String,
    pub(crate) quantity: Decimal,
    pub(crate) unit: String,
    pub(crate) unit_price: Rupiah,
    pub(crate) discount: Rupiah,
    pub(crate) total: Rupiah,
}

/// A complete faktur.
#[derive(Debug, Clone)]
pub(crate) struct Faktur {
    pub(crate) layout: FakturLayout,
    pub(crate) number: FakturNumber,
    pub(crate) printed_number: String,
    pub(crate) seller: FakturParty,
    pub(crate) buyer: FakturParty,
    pub(crate) items: Vec<FakturItem>,
    pub(crate) sales_price: Rupiah,
    pub(crate) discount: Rupiah,
    pub(crate) down_payment: Rupiah,
    pub(crate) tax_base: Rupiah,
    pub(crate) other_tax_base: Option<Rupiah>,
    pub(crate) vat: Rupiah,
    pub(crate) luxury_tax: Rupiah,
    pub(crate) place: String,
    pub(crate) date: NaiveDate,
    pub(crate) signer: String,
    pub(crate) validation_url: String,
}

fn rupiah(amount: Decimal) -> Result<Rupiah> {
    Rupiah::new(amount).context("rupiah amount")
}

/// Builds the faktur described by `spec`.
pub(crate) fn build(spec: &FakturSpec) -> Result<Faktur> {
    let mut rng = Rng::with_seed(spec.seed);
    let coretax = spec.layout == FakturLayout::Coretax;
    let (seller_address, place) = data::id_address(&mut rng);
    let mut seller_npwp = ids::npwp(&mut rng)?;
    if coretax {
        seller_npwp = seller_npwp.to_sixteen();
    }
    let seller = FakturParty {
        name: data::id_company(&mut rng),
        address: seller_address,
        npwp: seller_npwp.clone(),
        nik: None,
        passport: None,
        email: None,
        nitku: None,
    };
    let buyer = build_buyer(&mut rng, spec)?;
    let items = build_items(&mut rng, spec)?;

    let sales_price = Rupiah::checked_sum(items.iter().map(|i| i.total)).context("sum")?;
    let discount = Rupiah::checked_sum(items.iter().map(|i| i.discount)).context("sum")?;
    let after_discount = sales_price.checked_sub(discount).context("discount")?;
    let down_payment = if spec.down_payment {
        let share = Decimal::from(rng.u32(10..40));
        let amount = (after_discount.amount() * share / Decimal::ONE_HUNDRED).floor();
        rupiah((amount / Decimal::from(1000)).floor() * Decimal::from(1000))?
    } else {
        Rupiah::ZERO
    };
    let tax_base = after_discount
        .checked_sub(down_payment)
        .context("down payment")?;
    let rate = ppn::rate_on(spec.date, GoodsClass::NonLuxury);
    let other_tax_base = rate.other_tax_base(tax_base);
    let vat = rate.tax_on(tax_base).context("PPN")?;

    let code = if buyer.npwp.is_placeholder() {
        1
    } else {
        [1, 1, 4][rng.usize(..3)]
    };
    let year = chrono::Datelike::year(&spec.date);
    let (number, printed_number, url) = if coretax {
        let (number, printed) = ids::coretax_faktur_number(&mut rng, code, year)?;
        let url = format!(
            "https://coretaxdjp.pajak.go.id/e-faktur/validasi/{}/{printed}/{}",
            seller_npwp.digits(),
            ids::hex_lower(&mut rng, 40)
        );
        (number, printed, url)
    } else {
        let number = ids::legacy_faktur_number(&mut rng, code, year)?;
        let printed = number.to_string();
        let nsfp = ids::digits_only(&printed);
        let url = format!(
            "http://svc.efaktur.pajak.go.id/validasi/faktur/{}/{}/{}",
            seller_npwp.digits(),
            nsfp.get(3..).unwrap_or_default(),
            ids::hex_lower(&mut rng, 48)
        );
        (number, printed, url)
    };
    Ok(Faktur {
        layout: spec.layout,
        number,
        printed_number,
        seller,
        buyer,
        items,
        sales_price,
        discount,
        down_payment,
        tax_base,
        other_tax_base,
        vat,
        luxury_tax: Rupiah::ZERO,
        place: if coretax {
            format!("KOTA {place}")
        } else {
            place
        },
        date: spec.date,
        signer: data::id_person(&mut rng),
        validation_url: url,
    })
}

fn build_buyer(rng: &mut Rng, spec: &FakturSpec) -> Result<FakturParty> {
    let coretax = spec.layout == FakturLayout::Coretax;
    let (address, _) = data::id_address(rng);
    let placeholder = ids::placeholder_npwp(coretax)?;
    let mut party = match spec.buyer {
        BuyerId::Npwp => {
            let npwp = ids::npwp(rng)?;
            let npwp = if coretax { npwp.to_sixteen() } else { npwp };
            let name = data::id_company(rng);
            FakturParty {
                email: Some(company_email(&name)),
                nitku: coretax.then(|| Nitku::head_office(&npwp)),
                name,
                address,
                npwp,
                nik: None,
                passport: None,
            }
        }
        BuyerId::Nik => {
            let nik = ids::nik(rng)?;
            let name = data::id_person(rng);
            let nitku = Nitku::parse(&format!("{}000000", nik.digits())).ok();
            FakturParty {
                email: Some(person_email(&name)),
                nitku: if coretax { nitku } else { None },
                name,
                address,
                npwp: placeholder,
                nik: Some(nik),
                passport: None,
            }
        }
        BuyerId::Passport => {
            let name = data::foreigner(rng);
            FakturParty {
                email: Some(person_email(&name)),
                nitku: None,
                name,
                address,
                npwp: placeholder,
                nik: None,
                passport: Some(format!(
                    "{}{}",
                    ["A", "C", "X", "E"][rng.usize(..4)],
                    ids::digits(rng, 7)
                )),
            }
        }
    };
    if !coretax {
        party.email = None;
    }
    Ok(party)
}

fn company_email(name: &str) -> String {
    let handle: String = name
        .split_whitespace()
        .skip(1)
        .take(2)
        .collect::<String>()
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("finance@{handle}.co.id")
}

fn person_email(name: &str) -> String {
    let handle: String = name
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(".")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    format!("{handle}@gmail.com")
}

fn build_items(rng: &mut Rng, spec: &FakturSpec) -> Result<Vec<FakturItem>> {
    let coretax = spec.layout == FakturLayout::Coretax;
    let mut items = Vec::with_capacity(spec.items);
    for index in 0..spec.items {
        let (name, unit, low, high) = ID_GOODS[rng.usize(..ID_GOODS.len())];
        let step = if high >= 1_000_000 { 50_000 } else { 500 };
        let unit_price = Decimal::from(rng.u32(low / step..=high / step) * step);
        let quantity = if coretax && index % 3 == 1 {
            Decimal::new(i64::from(rng.u32(2..40)) * 5, 1)
        } else {
            Decimal::from(rng.u32(1..25))
        };
        let total = (unit_price * quantity).round_dp(0);
        let discount = if spec.discounts && index % 2 == 0 {
            (total * Decimal::from(rng.u32(2..11)) / Decimal::ONE_HUNDRED).floor()
        } else {
            Decimal::ZERO
        };
        items.push(FakturItem {
            code: coretax.then(|| "000000".to_owned()),
            name: name.to_owned(),
            quantity,
            unit: unit.to_owned(),
            unit_price: rupiah(unit_price)?,
            discount: rupiah(discount)?,
            total: rupiah(total)?,
        });
    }
    Ok(items)
}

impl Faktur {
    /// The ground truth of this faktur printed on `pages` pages.
    pub(crate) fn truth(&self, layout_name: &str, pages: usize) -> Truth {
        let mut truth = Truth::document("faktur_pajak", layout_name, pages, true);
        truth.value("number", &self.number);
        for (prefix, party) in [("seller", &self.seller), ("buyer", &self.buyer)] {
            truth.text(format!("{prefix}.name"), &party.name);
            truth.text(format!("{prefix}.address"), &party.address);
            truth.value(format!("{prefix}.npwp"), &party.npwp);
            if let Some(nik) = &party.nik {
                truth.value(format!("{prefix}.nik"), nik);
            }
            if let Some(passport) = &party.passport {
                truth.text(format!("{prefix}.passport"), passport);
            }
            if let Some(email) = &party.email {
                truth.text(format!("{prefix}.email"), email);
            }
            if let Some(nitku) = &party.nitku {
                truth.value(format!("{prefix}.nitku"), nitku);
            }
        }
        for (index, item) in self.items.iter().enumerate() {
            let prefix = format!("items[{index}]");
            if let Some(code) = &item.code {
                truth.text(format!("{prefix}.code"), code);
            }
            truth.text(format!("{prefix}.name"), &item.name);
            truth.value(format!("{prefix}.quantity"), &item.quantity);
            truth.text(format!("{prefix}.unit"), &item.unit);
            truth.value(format!("{prefix}.unit_price"), &item.unit_price);
            truth.value(format!("{prefix}.discount"), &item.discount);
            truth.value(format!("{prefix}.total"), &item.total);
        }
        truth.value("sales_price", &self.sales_price);
        truth.value("discount", &self.discount);
        truth.value("down_payment", &self.down_payment);
        truth.value("tax_base", &self.tax_base);
        if let Some(other) = &self.other_tax_base {
            truth.value("other_tax_base", other);
        }
        truth.value("vat", &self.vat);
        truth.value("luxury_tax", &self.luxury_tax);
        truth.text("place", &self.place);
        truth.value("date", &self.date);
        truth.text("signer", &self.signer);
        truth.text("validation_url", &self.validation_url);
        truth
    }
}
