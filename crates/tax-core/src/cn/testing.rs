//! proptest strategies for the `cn` types, re-exported as `tax_core::testing::cn`.
//!
//! Valid values are built from random components with their check characters computed, then
//! passed through the public parsers, so every generated value is one a parser accepts.
//! The `arb_malformed_*` strategies change one character of a valid value.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

use crate::Yuan;
use crate::cn::daxie::{Piece, spell};
use crate::cn::resident_id::PROVINCES;
use crate::cn::vat::line_tax;
use crate::cn::{
    CheckCode, InvoiceCode, InvoiceNumber, InvoiceType, OrganizationCode, ResidentId, TaxpayerId,
    Uscc, VatInvoice, VatLineItem, VatParty, VatRate, daxie,
};

/// The USCC alphabet (31 symbols).
pub const USCC_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const AUTHORITIES: &str = "123456789ABCDEFGY";

/// A valid USCC whose embedded organization code also passes GB 11714.
pub fn arb_uscc() -> impl Strategy<Value = Uscc> {
    let authority = select(AUTHORITIES.chars().collect::<Vec<_>>());
    let org_body = proptest::collection::vec(select(USCC_ALPHABET.chars().collect::<Vec<_>>()), 8);
    (authority, "[0-9]{7}", org_body).prop_filter_map(
        "check characters are computable",
        |(a, digits, org)| {
            let org: String = org.into_iter().collect();
            let org_check = OrganizationCode::check_character(&org)?;
            let body = format!("{a}{digits}{org}{org_check}");
            let check = Uscc::check_character(&body)?;
            Uscc::parse(&format!("{body}{check}")).ok()
        },
    )
}

/// A string that differs from a valid USCC in exactly one position (any printable ASCII
/// substitute, including the separators space and `-`, uppercased).
pub fn arb_malformed_uscc() -> impl Strategy<Value = String> {
    single_change(arb_uscc().prop_map(|u| u.to_string()), 18)
}

/// A valid resident ID born between 1900 and 2029.
pub fn arb_resident_id() -> impl Strategy<Value = ResidentId> {
    let province = select(PROVINCES.to_vec());
    (province, "[0-9]{4}", 0u64..47_000, "[0-9]{3}").prop_filter_map(
        "check character is computable",
        |(province, county, days, order)| {
            let birth = NaiveDate::from_ymd_opt(1900, 1, 1)?.checked_add_days(Days::new(days))?;
            let body = format!("{province:02}{county}{}{order}", birth.format("%Y%m%d"));
            let check = ResidentId::check_character(&body)?;
            ResidentId::parse(&format!("{body}{check}")).ok()
        },
    )
}

/// A string that differs from a valid resident ID in exactly one position.
pub fn arb_malformed_resident_id() -> impl Strategy<Value = String> {
    single_change(arb_resident_id().prop_map(|r| r.to_string()), 18)
}

/// A valid 10- or 12-digit invoice code.
pub fn arb_invoice_code() -> impl Strategy<Value = InvoiceCode> {
    prop_oneof![
        "[0-9]{4}(0[1-9]|[1-9][0-9])[0-9]{4}",
        "[0-9]{5}(0[1-9]|[1-9][0-9])[0-9]{5}",
    ]
    .prop_filter_map("valid code", |code| InvoiceCode::parse(&code).ok())
}

/// A valid 8-digit or 20-digit invoice number.
pub fn arb_invoice_number() -> impl Strategy<Value = InvoiceNumber> {
    prop_oneof!["[0-9]{8}", "[0-9]{20}"]
        .prop_filter_map("not 00000000", |n| InvoiceNumber::parse(&n).ok())
}

/// A valid 20-digit check code.
pub fn arb_check_code() -> impl Strategy<Value = CheckCode> {
    "[0-9]{20}".prop_filter_map("20 digits", |c| CheckCode::parse(&c).ok())
}

/// A yuan amount with fen, between −10¹² and 10¹² inclusive.
pub fn arb_yuan() -> impl Strategy<Value = Yuan> {
    arb_yuan_between(-100_000_000_000_000, 100_000_000_000_000)
}

/// A yuan amount between `min_fen` and `max_fen` fen inclusive.
pub fn arb_yuan_between(min_fen: i64, max_fen: i64) -> impl Strategy<Value = Yuan> {
    (min_fen..=max_fen).prop_filter_map("fits", |fen| Yuan::new(Decimal::new(fen, 2)).ok())
}

/// An amount and one of its valid spellings in words: each optional 零 and 整 present or
/// not, 圆 or 元, 整 or 正.
pub fn arb_words_variant() -> impl Strategy<Value = (Yuan, String)> {
    (
        arb_yuan(),
        proptest::collection::vec(any::<bool>(), 8),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(amount, choices, formal, zheng)| {
            let mut choices = choices.into_iter().cycle();
            let mut words = String::new();
            for piece in spell(amount) {
                match piece {
                    Piece::Required(text) => words.push_str(text),
                    Piece::Optional(text) => {
                        if choices.next().unwrap_or(false) {
                            words.push_str(text);
                        }
                    }
                }
            }
            let words = if formal {
                words.replace('元', "圆")
            } else {
                words
            };
            let words = if zheng {
                words
            } else {
                words.replace('整', "正")
            };
            (amount, words)
        })
}

/// A valid VAT invoice issued from 2019-04-01 on, whose fields agree with each other, so that
/// [`VatInvoice::validate`] reports nothing.
pub fn arb_vat_invoice() -> impl Strategy<Value = VatInvoice> {
    let date = (0u64..2_800).prop_filter_map("date", |days| {
        NaiveDate::from_ymd_opt(2019, 4, 1)?.checked_add_days(Days::new(days))
    });
    (
        date,
        any::<bool>(),
        "[0-9]{6}",
        "[0-9]{12}",
        arb_check_code(),
        arb_uscc(),
        arb_uscc(),
        proptest::collection::vec(arb_line_parts(), 1..6),
    )
        .prop_filter_map(
            "consistent invoice",
            |(date, digital, digits, tail, check, buyer, seller, lines)| {
                let yy = date.year() % 100;
                let (code, number, check_code) = if digital {
                    (
                        None,
                        InvoiceNumber::parse(&format!("{yy:02}{tail}{}", &digits[..6])).ok()?,
                        None,
                    )
                } else {
                    let code =
                        InvoiceCode::parse(&format!("0{}{yy:02}{}111", &digits[..4], &digits[4..]))
                            .ok()?;
                    (
                        Some(code),
                        InvoiceNumber::parse(&format!("1{}", &tail[..7])).ok()?,
                        Some(check),
                    )
                };
                let rates = VatRate::rates_valid_on(date);
                let items: Vec<VatLineItem> = lines
                    .into_iter()
                    .map(|(name, quantity, price_fen, rate_index)| {
                        let unit_price = Decimal::new(price_fen, 2);
                        let amount = Yuan::new(Decimal::from(quantity) * unit_price).ok()?;
                        let rate = rates.get(rate_index.index(rates.len())).copied()?;
                        Some(VatLineItem {
                            name,
                            quantity: Some(Decimal::from(quantity)),
                            unit_price: Some(unit_price),
                            amount,
                            rate,
                            tax: line_tax(amount, rate),
                        })
                    })
                    .collect::<Option<_>>()?;
                let subtotal_amount = Yuan::checked_sum(items.iter().map(|i| i.amount))?;
                let subtotal_tax = Yuan::checked_sum(items.iter().map(|i| i.tax))?;
                let total = subtotal_amount.checked_add(subtotal_tax)?;
                let invoice_type = match &code {
                    Some(code) => code.invoice_type(),
                    None => InvoiceType::DigitalGeneral,
                };
                Some(VatInvoice {
                    invoice_type: Some(invoice_type),
                    code,
                    number,
                    issue_date: date,
                    check_code,
                    buyer: VatParty {
                        name: "购买方".to_owned(),
                        taxpayer_id: Some(TaxpayerId::Uscc(buyer)),
                    },
                    seller: VatParty {
                        name: "销售方".to_owned(),
                        taxpayer_id: Some(TaxpayerId::Uscc(seller)),
                    },
                    items,
                    subtotal_amount,
                    subtotal_tax,
                    total,
                    total_in_words: Some(daxie::to_words(total)),
                })
            },
        )
}

fn arb_line_parts() -> impl Strategy<Value = (String, u32, i64, prop::sample::Index)> {
    (
        "[a-z]{1,8}",
        1u32..1_000,
        1i64..10_000_000,
        any::<prop::sample::Index>(),
    )
}

fn single_change(
    valid: impl Strategy<Value = String>,
    length: usize,
) -> impl Strategy<Value = String> {
    (valid, 0..length, 0x20u8..0x7f).prop_filter_map(
        "a different character",
        |(text, position, byte)| {
            let replacement = char::from(byte).to_ascii_uppercase();
            let mut chars: Vec<char> = text.chars().collect();
            let original = chars.get(position).copied()?;
            if original == replacement {
                return None;
            }
            chars[position] = replacement;
            Some(chars.into_iter().collect())
        },
    )
}
