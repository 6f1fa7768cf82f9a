//! The printed page of a Chinese VAT e-invoice in the legacy and fully digital layouts.

use anyhow::Result;
use rust_decimal::Decimal;
use tax_core::Yuan;

use super::super::canvas::{Face, Page};
use super::super::format::{cn_date, plain_decimal};
use super::super::qr::{self, Matrix, QrStyle};
use super::model::{CnInvoice, CnLayout, CnParty};

/// Visual variations.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CnLook {
    /// The CJK font.
    pub(crate) cjk: Face,
    /// The font of numbers and ASCII values.
    pub(crate) latin: Face,
    /// QR drawing style.
    pub(crate) qr_style: QrStyle,
    /// QR side in points.
    pub(crate) qr_size: f32,
    /// QR rotation in degrees.
    pub(crate) qr_angle: f32,
}

const SIZE: f32 = 8.5;
const LINE: f32 = 14.0;

fn money(amount: Yuan) -> String {
    format!("{:.2}", amount.amount())
}

/// Renders the invoice on one page.
pub(crate) fn render(invoice: &CnInvoice, look: &CnLook) -> Result<Vec<Page>> {
    let mut page = Page::default();
    let matrix = Matrix::encode(&invoice.qr_payload)?;
    page.marks.push(qr::mark(
        &matrix,
        look.qr_style,
        30.0,
        28.0,
        look.qr_size,
        look.qr_angle,
    ));
    let legacy = invoice.layout == CnLayout::Legacy;
    let special = matches!(invoice.invoice_type.code(), Some(8 | 31));
    let title = match (legacy, special) {
        (true, false) => format!("{}增值税电子普通发票", province(invoice)),
        (true, true) => format!("{}增值税电子专用发票", province(invoice)),
        (false, false) => "电子发票(普通发票)".to_owned(),
        (false, true) => "电子发票(增值税专用发票)".to_owned(),
    };
    page.text_centred(297.0, 62.0, 16.0, look.cjk, &title);

    let mut header: Vec<(&str, String, Face)> = Vec::new();
    if let Some(code) = &invoice.code {
        header.push(("发票代码:", code.as_str().to_owned(), look.latin));
    }
    header.push(("发票号码:", invoice.number.as_str().to_owned(), look.latin));
    header.push(("开票日期:", cn_date(invoice.date), look.cjk));
    if let Some(check) = &invoice.check_code {
        let digits = check.as_str();
        let groups: Vec<&str> = (0..4)
            .filter_map(|i| digits.get(i * 5..i * 5 + 5))
            .collect();
        header.push(("校验码:", groups.join(" "), look.latin));
    }
    for (index, (label, value, face)) in header.iter().enumerate() {
        let y = 42.0 + LINE * index as f32;
        page.text(405.0, y, SIZE, look.cjk, label);
        page.text(452.0, y, SIZE, *face, value);
    }
    if let Some(machine) = &invoice.machine_number {
        page.text(30.0, 40.0 + look.qr_size, SIZE, look.cjk, "机器编号:");
        page.text(75.0, 40.0 + look.qr_size, SIZE, look.latin, machine);
    }

    let top = 50.0 + look.qr_size.max(84.0);
    let after_parties = if legacy {
        legacy_party(&mut page, look, top, "购买方", &invoice.buyer);
        let cipher: Vec<String> = (0..4)
            .map(|row| cipher_line(&invoice.qr_payload, row))
            .collect();
        page.text(378.0, top + 14.0, SIZE, look.cjk, "密");
        page.text(378.0, top + 28.0, SIZE, look.cjk, "码");
        page.text(378.0, top + 42.0, SIZE, look.cjk, "区");
        for (row, line) in cipher.iter().enumerate() {
            page.text(
                392.0,
                top + 12.0 + LINE * row as f32,
                7.5,
                Face::Courier,
                line,
            );
        }
        page.frame(28.0, top, 540.0, 64.0);
        top + 64.0
    } else {
        digital_party(&mut page, look, 35.0, top, "购买方信息", &invoice.buyer);
        digital_party(&mut page, look, 305.0, top, "销售方信息", &invoice.seller);
        page.frame(28.0, top, 540.0, 48.0);
        top + 48.0
    };

    let rate_label = if legacy { "税率" } else { "税率/征收率" };
    let name_label = if legacy {
        "货物或应税劳务、服务名称"
    } else {
        "项目名称"
    };
    let mut y = after_parties + 14.0;
    page.text(40.0, y, SIZE, look.cjk, name_label);
    for (x, label) in [
        (200.0, "规格型号"),
        (258.0, "单位"),
        (292.0, "数量"),
        (338.0, "单价"),
        (420.0, "金额"),
        (462.0, rate_label),
        (530.0, "税额"),
    ] {
        page.text(x, y, SIZE, look.cjk, label);
    }
    y += LINE;
    for item in &invoice.items {
        page.text(40.0, y, SIZE, look.cjk, &item.name);
        page.text(200.0, y, SIZE, look.cjk, &item.specification);
        page.text(260.0, y, SIZE, look.cjk, &item.unit);
        page.text_right(318.0, y, SIZE, look.latin, &plain_decimal(item.quantity));
        page.text_right(
            380.0,
            y,
            SIZE,
            look.latin,
            &format!("{:.2}", item.unit_price),
        );
        page.text_right(450.0, y, SIZE, look.latin, &money(item.amount));
        page.text(468.0, y, SIZE, look.cjk, &item.rate.to_string());
        if item.rate.is_exempt() {
            page.text_right(560.0, y, SIZE, look.latin, "***");
        } else {
            page.text_right(560.0, y, SIZE, look.latin, &money(item.tax));
        }
        y += LINE;
    }
    y += LINE * (12usize.saturating_sub(invoice.items.len()) / 3) as f32;
    page.text(60.0, y, SIZE, look.cjk, "合    计");
    page.text_right(
        450.0,
        y,
        SIZE,
        look.latin,
        &format!("¥{}", money(invoice.subtotal_amount)),
    );
    let tax_total = if invoice.subtotal_tax.amount() == Decimal::ZERO
        && invoice.items.iter().all(|i| i.rate.is_exempt())
    {
        "***".to_owned()
    } else {
        format!("¥{}", money(invoice.subtotal_tax))
    };
    page.text_right(560.0, y, SIZE, look.latin, &tax_total);
    page.frame(28.0, after_parties, 540.0, y + 6.0 - after_parties);
    y += LINE + 4.0;
    page.text(40.0, y, SIZE, look.cjk, "价税合计(大写)");
    page.text(
        140.0,
        y,
        SIZE + 1.0,
        look.cjk,
        &format!("⊗{}", invoice.total_in_words),
    );
    page.text(420.0, y, SIZE, look.cjk, "(小写)");
    page.text(
        448.0,
        y,
        SIZE + 1.0,
        look.latin,
        &format!("¥{}", money(invoice.total)),
    );
    page.frame(28.0, y - 12.0, 540.0, 18.0);
    y += 10.0;

    let remarks_x = if legacy {
        legacy_party(&mut page, look, y, "销售方", &invoice.seller);
        378.0
    } else {
        40.0
    };
    let remarks_y = if legacy { y + 16.0 } else { y + 14.0 };
    page.text(remarks_x, remarks_y, SIZE, look.cjk, "备注");
    if let Some(remarks) = &invoice.remarks {
        page.text(remarks_x + 30.0, remarks_y, SIZE, look.cjk, remarks);
    }
    let footer_y = if legacy { y + 64.0 + 16.0 } else { y + 48.0 };
    page.frame(28.0, y, 540.0, footer_y - 14.0 - y);
    let mut x = 40.0;
    for (label, value) in [
        ("收款人:", invoice.payee.as_deref()),
        ("复核:", invoice.reviewer.as_deref()),
        ("开票人:", Some(invoice.issuer.as_str())),
    ] {
        if let Some(value) = value {
            page.text(x, footer_y, SIZE, look.cjk, &format!("{label}{value}"));
            x += 130.0;
        }
    }
    if legacy {
        page.text(x, footer_y, SIZE, look.cjk, "销售方:(章)");
    }
    Ok(vec![page])
}

/// The issuing tax bureau's region named by the invoice code, as printed in legacy titles.
fn province(invoice: &CnInvoice) -> &'static str {
    match invoice.code.as_ref().map(|code| code.region_code()) {
        Some("1100") => "北京",
        Some("3100") => "上海",
        Some("4403") => "深圳",
        Some("4401") => "广东",
        Some("3301") => "浙江",
        Some("5101") => "四川",
        _ => "",
    }
}

/// The four-line party block of the legacy layout, with its vertical label.
fn legacy_party(page: &mut Page, look: &CnLook, top: f32, vertical: &str, party: &CnParty) {
    for (index, c) in vertical.chars().enumerate() {
        page.text(
            34.0,
            top + 16.0 + 14.0 * index as f32,
            SIZE,
            look.cjk,
            &c.to_string(),
        );
    }
    let rows = [
        ("名    称:", party.name.clone(), look.cjk),
        (
            "纳税人识别号:",
            party.tax_id.as_str().to_owned(),
            look.latin,
        ),
        (
            "地 址、电 话:",
            party.address_phone.clone().unwrap_or_default(),
            look.cjk,
        ),
        (
            "开户行及账号:",
            party.bank.clone().unwrap_or_default(),
            look.cjk,
        ),
    ];
    for (index, (label, value, face)) in rows.iter().enumerate() {
        let y = top + 13.0 + LINE * index as f32;
        page.text(52.0, y, SIZE, look.cjk, label);
        page.text(118.0, y, SIZE, *face, value);
    }
}

/// A half-width party block of the fully digital layout.
fn digital_party(
    page: &mut Page,
    look: &CnLook,
    x: f32,
    top: f32,
    vertical: &str,
    party: &CnParty,
) {
    for (index, c) in vertical.chars().enumerate() {
        page.text(
            x,
            top + 10.0 + 9.0 * index as f32,
            7.0,
            look.cjk,
            &c.to_string(),
        );
    }
    page.text(x + 16.0, top + 16.0, SIZE, look.cjk, "名称:");
    page.text(x + 42.0, top + 16.0, SIZE, look.cjk, &party.name);
    page.text(
        x + 16.0,
        top + 34.0,
        7.5,
        look.cjk,
        "统一社会信用代码/纳税人识别号:",
    );
    page.text(
        x + 136.0,
        top + 34.0,
        SIZE,
        look.latin,
        party.tax_id.as_str(),
    );
}

/// A line of the 密码区: deterministic pseudo-cipher text derived from the QR payload.
fn cipher_line(seed_text: &str, row: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789+-*/<>";
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15 ^ (row as u64);
    for byte in seed_text.bytes() {
        state = (state ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..27)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from(ALPHABET[usize::try_from(state >> 60).unwrap_or(0) % ALPHABET.len()])
        })
        .collect()
}
