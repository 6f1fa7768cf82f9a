//! proptest strategies for the `id` types.
//!
//! Every valid value is built through the public checked constructors, so a strategy can
//! never produce a value the parsers would reject; the `*_malformed` strategies produce text
//! that the parsers must reject.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

use super::efaktur::{
    Combination, DocumentType, EFakturInvoice, InvoiceType, TaxPeriod, TransactionType,
};
use super::ppn::{self, GoodsClass};
use super::{FakturNumber, ItemLine, Nik, Nitku, Npwp, Nsfp, TransactionCode, luhn};
use crate::{RoundingRule, Rupiah};

/// A NIK with a known province, any regency/district, a real birth date (either sex) and any
/// serial, including `0000`.
pub fn arb_nik() -> impl Strategy<Value = Nik> {
    (
        select(Nik::PROVINCE_CODES),
        1..=99_u8,
        1..=99_u8,
        1..=31_u8,
        1..=12_u8,
        0..=99_u8,
        any::<bool>(),
        0..=9999_u16,
    )
        .prop_filter_map(
            "the birth date must exist in 19YY or 20YY",
            |(province, regency, district, day, month, year, female, serial)| {
                let day = if female { day + 40 } else { day };
                let text = format!(
                    "{province:02}{regency:02}{district:02}{day:02}{month:02}{year:02}{serial:04}"
                );
                Nik::parse(&text).ok()
            },
        )
}

/// Text that [`Nik::parse`] must reject: an unknown province, a day outside 01–31 and
/// 41–71, a month outside 01–12, or a wrong length.
pub fn arb_nik_malformed() -> impl Strategy<Value = String> {
    let province = select(Nik::PROVINCE_CODES);
    let valid_tail = "[0-9]{4}";
    prop_oneof![
        (0..=99_u8, valid_tail)
            .prop_filter("the province must be unknown", |(p, _)| {
                !Nik::PROVINCE_CODES.contains(p)
            })
            .prop_map(|(p, serial)| format!("{p:02}0101170845{serial}")),
        (
            province.clone(),
            prop_oneof![Just(0_u8), 32..=40_u8, 72..=99_u8],
            valid_tail
        )
            .prop_map(|(p, day, serial)| format!("{p:02}0101{day:02}0845{serial}")),
        (province, prop_oneof![Just(0_u8), 13..=99_u8], valid_tail)
            .prop_map(|(p, month, serial)| format!("{p:02}010117{month:02}45{serial}")),
        "[0-9]{1,15}",
        "[0-9]{17,25}",
    ]
}

/// The 15 digits of a legacy NPWP with a correct check digit.
pub fn arb_legacy_npwp_digits() -> impl Strategy<Value = String> {
    ("[0-9]{8}", "[0-9]{6}").prop_filter_map("the body is all digits", |(body, tail)| {
        let check = luhn::check_digit(&body)?;
        Some(format!("{body}{check}{tail}"))
    })
}

/// A valid legacy 15-digit NPWP.
pub fn arb_legacy_npwp() -> impl Strategy<Value = Npwp> {
    arb_legacy_npwp_digits()
        .prop_filter_map("generated check digits validate", |d| Npwp::parse(&d).ok())
}

/// A valid NPWP in any of its forms: legacy, `0`-prefixed 16 digits, or NIK-based.
pub fn arb_npwp() -> impl Strategy<Value = Npwp> {
    prop_oneof![
        arb_legacy_npwp(),
        arb_legacy_npwp().prop_map(|npwp| npwp.to_sixteen()),
        arb_nik().prop_map(Npwp::from),
    ]
}

/// Text that [`Npwp::parse`] must reject: a wrong check digit, a wrong length, or a
/// character other than digits and separators.
pub fn arb_npwp_malformed() -> impl Strategy<Value = String> {
    prop_oneof![
        (arb_legacy_npwp_digits(), 1..=9_u8).prop_map(|(digits, delta)| {
            let mut bytes = digits.into_bytes();
            if let Some(check) = bytes.get_mut(8) {
                *check = b'0' + (check.wrapping_sub(b'0') + delta) % 10;
            }
            String::from_utf8(bytes).unwrap_or_default()
        }),
        "[0-9]{1,14}",
        "[0-9]{17,30}",
        "[0-9]{5}[A-Za-z/,_#][0-9]{9}",
    ]
}

/// A valid NITKU for any NPWP form and any place number.
pub fn arb_nitku() -> impl Strategy<Value = Nitku> {
    (arb_npwp(), 0..=999_999_u32)
        .prop_filter_map("place numbers below 10^6 are valid", |(npwp, place)| {
            Nitku::for_place(&npwp, place).ok()
        })
}

/// Any kode transaksi.
pub fn arb_transaction_code() -> impl Strategy<Value = TransactionCode> {
    select(TransactionCode::ALL.to_vec())
}

/// A valid 13-digit legacy NSFP.
pub fn arb_nsfp() -> impl Strategy<Value = Nsfp> {
    "[0-9]{13}".prop_filter_map("13 digits always parse", |d| Nsfp::parse(&d).ok())
}

/// A valid faktur number in the legacy or the Coretax format.
pub fn arb_faktur_number() -> impl Strategy<Value = FakturNumber> {
    let legacy = (
        select(TransactionCode::ALL[..9].to_vec()),
        0..=1_u8,
        arb_nsfp(),
    )
        .prop_filter_map(
            "codes 01-09 and status 0/1 are valid",
            |(code, status, nsfp)| FakturNumber::legacy(code, status, nsfp).ok(),
        );
    let coretax = (
        arb_transaction_code(),
        0..=99_u8,
        0..=99_u8,
        0..=99_999_999_999_u64,
    )
        .prop_filter_map(
            "two-digit status and year and an 11-digit serial are valid",
            |(code, status, year, serial)| FakturNumber::coretax(code, status, year, serial).ok(),
        );
    prop_oneof![legacy, coretax]
}

/// Text that [`FakturNumber::parse`] must reject: an unknown kode transaksi, a legacy status
/// other than 0/1, kode 10 in the legacy format, or a wrong length.
pub fn arb_faktur_number_malformed() -> impl Strategy<Value = String> {
    prop_oneof![
        (prop_oneof![Just(0_u8), 11..=99_u8], "[0-9]{14}")
            .prop_map(|(code, rest)| format!("{code:02}{rest}")),
        (prop_oneof![Just(0_u8), 11..=99_u8], "[0-9]{15}")
            .prop_map(|(code, rest)| format!("{code:02}{rest}")),
        (1..=9_u8, 2..=9_u8, "[0-9]{13}")
            .prop_map(|(code, status, rest)| format!("{code:02}{status}{rest}")),
        "10[0-9]{14}",
        "[0-9]{1,15}",
        "[0-9]{18,25}",
    ]
}

/// A whole or two-decimal rupiah amount from 0 to `max_whole`.
fn arb_rupiah(max_whole: i64) -> impl Strategy<Value = Rupiah> {
    (
        0..=max_whole,
        prop_oneof![3 => Just(0_i64), 1 => 0..=99_i64],
    )
        .prop_filter_map("two decimals fit the currency", |(whole, cents)| {
            Rupiah::new(Decimal::new(whole * 100 + cents, 2)).ok()
        })
}

/// A valid item line: positive quantity (whole or with decimals), a non-negative price, and a
/// discount between zero and the line's gross amount.
pub fn arb_item_line() -> impl Strategy<Value = ItemLine> {
    let quantity = prop_oneof![
        3 => (1..=1000_i64).prop_map(Decimal::from),
        1 => (1..=100_000_i64, 1..=3_u32).prop_map(|(n, scale)| Decimal::new(n, scale)),
    ];
    (
        quantity,
        arb_rupiah(1_000_000_000),
        0..=100_u32,
        "[A-Za-z][A-Za-z0-9 ]{0,20}",
    )
        .prop_filter_map(
            "the discount is a share of the gross amount",
            |(quantity, unit_price, percent, description)| {
                let line = ItemLine::new(description, quantity, unit_price, Rupiah::ZERO);
                let gross = line.gross()?;
                let discount =
                    gross.checked_mul(Decimal::new(i64::from(percent), 2), RoundingRule::ID_TAX)?;
                Some(ItemLine { discount, ..line })
            },
        )
}

/// The kind of invoice [`arb_efaktur_invoice`] builds.
#[derive(Debug, Clone, Copy)]
enum Scenario {
    DomesticSale,
    Export,
    Import,
    DomesticPurchase,
}

/// An invoice that satisfies every error-level rule of
/// [`EFakturInvoice::validate`](super::efaktur::EFakturInvoice::validate): a domestic sale
/// (any kode transaksi valid on its date, with additional info for 07/08), an export, an
/// import or a domestic purchase, dated 2017–2027, with 1–5 lines.
pub fn arb_efaktur_invoice() -> impl Strategy<Value = EFakturInvoice> {
    let date = (2017..=2027_i32, 1..=12_u32, 1..=28_u32)
        .prop_filter_map("days 1-28 exist in every month", |(y, m, d)| {
            NaiveDate::from_ymd_opt(y, m, d)
        });
    let scenario = select(vec![
        Scenario::DomesticSale,
        Scenario::Export,
        Scenario::Import,
        Scenario::DomesticPurchase,
    ]);
    (
        (date, scenario, arb_transaction_code(), 1..=27_u8),
        (arb_npwp(), prop::collection::vec(arb_item_line(), 1..=5)),
        (0..=60_u64, any::<bool>(), 1..=9_999_999_u64, 0..=999_u16),
    )
        .prop_filter_map(
            "the kode transaksi must be valid on the invoice date",
            |((date, scenario, code, info), (npwp, items), (due_in, luxury, serial, prefix))| {
                InvoiceSeed {
                    date,
                    scenario,
                    code,
                    info,
                    npwp,
                    items,
                    due_in,
                    luxury,
                    serial,
                    prefix,
                }
                .build()
            },
        )
}

/// The random choices an invoice is built from.
#[derive(Debug, Clone)]
struct InvoiceSeed {
    date: NaiveDate,
    scenario: Scenario,
    code: TransactionCode,
    /// Additional-info choice, reduced into the code's range.
    info: u8,
    npwp: Npwp,
    items: Vec<ItemLine>,
    due_in: u64,
    luxury: bool,
    serial: u64,
    prefix: u16,
}

impl InvoiceSeed {
    /// A normal faktur number for `code` in the format of the invoice date.
    fn faktur_number(&self, code: TransactionCode) -> Option<FakturNumber> {
        let year = u8::try_from(self.date.year() % 100).ok()?;
        if self.date >= super::calendar::CORETAX_FROM {
            FakturNumber::coretax(code, 0, year, self.serial).ok()
        } else {
            let nsfp =
                Nsfp::parse(&format!("{:03}{year:02}{:08}", self.prefix, self.serial)).ok()?;
            FakturNumber::legacy(code, 0, nsfp).ok()
        }
    }

    /// A domestic sale with kode `code`, then adjusted to the scenario; `None` when the
    /// choices cannot make a valid invoice.
    fn build(self) -> Option<EFakturInvoice> {
        if !self.code.is_valid_on(self.date) {
            return None;
        }
        let goods_class = if self.luxury {
            GoodsClass::Luxury
        } else {
            GoodsClass::NonLuxury
        };
        let statutory = ppn::rate_on(self.date, goods_class).percent();
        let no_npwp = Npwp::parse("000000000000000").ok()?;
        let mut invoice = EFakturInvoice {
            invoice_number: format!("INV/{}/{}", self.date.year(), self.serial),
            invoice_date: self.date,
            due_date: self.date.checked_add_days(Days::new(self.due_in))?,
            combination: Combination {
                invoice_type: InvoiceType::Sales,
                transaction_type: TransactionType::DomesticSale,
                transaction_detail: self.code.code(),
                additional_info_id: self
                    .code
                    .max_additional_info()
                    .map(|max| (self.info - 1) % max + 1),
            },
            document_type: DocumentType::Normal,
            counterparty_npwp: self.npwp.clone(),
            counterparty_name: "PT Contoh".to_owned(),
            faktur_number: self.faktur_number(self.code),
            tax_period: TaxPeriod::of_date(self.date)?,
            revision: 0,
            vat_rate: if self.code.requires_additional_info() {
                Decimal::ZERO
            } else {
                statutory
            },
            goods_class,
            ppnbm_rate: self.luxury.then(|| Decimal::from(20)),
            items: self.items.clone(),
            down_payment: None,
        };
        let other_combination = |invoice_type, transaction_type, detail| Combination {
            invoice_type,
            transaction_type,
            transaction_detail: detail,
            additional_info_id: None,
        };
        match self.scenario {
            Scenario::DomesticSale => {}
            Scenario::Export => {
                invoice.combination =
                    other_combination(InvoiceType::Sales, TransactionType::Export, 10);
                invoice.counterparty_npwp = no_npwp;
                invoice.faktur_number = None;
                invoice.vat_rate = Decimal::ZERO;
            }
            Scenario::Import => {
                invoice.combination =
                    other_combination(InvoiceType::Purchase, TransactionType::Import, 10);
                invoice.document_type = DocumentType::PibAndSsp;
                invoice.counterparty_npwp = no_npwp;
                invoice.faktur_number = None;
                invoice.vat_rate = statutory;
            }
            Scenario::DomesticPurchase => {
                if self.npwp.is_placeholder() {
                    return None;
                }
                let code = TransactionCode::Ordinary;
                invoice.combination = other_combination(
                    InvoiceType::Purchase,
                    TransactionType::DomesticPurchase,
                    code.code(),
                );
                invoice.faktur_number = self.faktur_number(code);
                invoice.vat_rate = statutory;
            }
        }
        Some(invoice)
    }
}
