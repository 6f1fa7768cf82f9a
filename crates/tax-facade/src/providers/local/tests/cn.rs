//! Chinese VAT invoices, legacy and fully digital, and QR-only inputs.

use taxdoc_extract::SourceFormat;

use super::super::test_support::simple;
use super::*;

pub(super) const LEGACY_QR: &str =
    "01,10,011001900111,12345678,94.34,20190815,12345678901234567890,ABCD";

fn cn_legacy_rows() -> Rows<'static> {
    vec![
        &[(200.0, "北京增值税电子普通发票")],
        &[
            (40.0, "机器编号: 661234567890"),
            (380.0, "发票代码: 011001900111"),
        ],
        &[(380.0, "发票号码: 12345678")],
        &[(380.0, "开票日期: 2019年08月15日")],
        &[(380.0, "校验码: 12345 67890 12345 67890")],
        &[
            (40.0, "购"),
            (60.0, "名    称: 北京某某科技有限公司"),
            (330.0, "密码区"),
            (360.0, "03*<>12+-/4567<>*89+-/0123<>45"),
        ],
        &[
            (60.0, "纳税人识别号: 91310115MA1K3BTP2B"),
            (360.0, "<>*/12-+34<>5678*/90+-12<>3"),
        ],
        &[
            (60.0, "地 址、电 话:"),
            (360.0, "12<>*34/+-56<>78*90/+12-34<"),
        ],
        &[(60.0, "开户行及账号: 招商银行北京分行 1234567890")],
        &[
            (60.0, "货物或应税劳务、服务名称"),
            (190.0, "规格型号"),
            (240.0, "单位"),
            (270.0, "数量"),
            (300.0, "单价"),
            (350.0, "金额"),
            (400.0, "税率"),
            (440.0, "税额"),
        ],
        &[
            (60.0, "*餐饮服务*餐费"),
            (245.0, "次"),
            (275.0, "1"),
            (300.0, "94.34"),
            (350.0, "94.34"),
            (405.0, "6%"),
            (440.0, "5.66"),
        ],
        &[(60.0, "合    计"), (345.0, "¥94.34"), (435.0, "¥5.66")],
        &[
            (60.0, "价税合计(大写)"),
            (150.0, "⊗壹佰圆整"),
            (330.0, "(小写)¥100.00"),
        ],
        &[
            (40.0, "销"),
            (60.0, "名    称: 北京某某餐饮有限公司"),
            (330.0, "备注"),
            (360.0, "订单 A-1"),
        ],
        &[
            (60.0, "纳税人识别号: 91110000600037341L"),
            (360.0, "桌号 8"),
        ],
        &[(60.0, "地 址、电 话: 北京市朝阳区 010-87654321")],
        &[(60.0, "开户行及账号: 工商银行 0200")],
        &[
            (40.0, "收款人: 张三"),
            (150.0, "复核: 李四"),
            (260.0, "开票人: 王五"),
            (370.0, "销售方:(章)"),
        ],
    ]
}

#[test]
fn legacy_chinese_invoice_is_read_and_checked_against_its_qr_code() {
    let extraction = simple(&cn_legacy_rows(), &[LEGACY_QR]);
    let (document, findings) = read(&extraction);
    assert_eq!(document.kind(), DocumentKind::CnVatInvoice);
    assert_values(
        &document,
        &[
            ("invoice_type", "10"),
            ("code", "011001900111"),
            ("number", "12345678"),
            ("issue_date", "2019-08-15"),
            ("check_code", "12345678901234567890"),
            ("machine_number", "661234567890"),
            ("buyer.name", "北京某某科技有限公司"),
            ("buyer.tax_id", "91310115MA1K3BTP2B"),
            ("buyer.bank", "招商银行北京分行 1234567890"),
            ("seller.name", "北京某某餐饮有限公司"),
            ("seller.tax_id", "91110000600037341L"),
            ("seller.address_phone", "北京市朝阳区 010-87654321"),
            ("seller.bank", "工商银行 0200"),
            ("items[0].name", "*餐饮服务*餐费"),
            ("items[0].unit", "次"),
            ("items[0].quantity", "1"),
            ("items[0].unit_price", "94.34"),
            ("items[0].amount", "94.34"),
            ("items[0].tax_rate", "6%"),
            ("items[0].tax", "5.66"),
            ("subtotal_amount", "94.34"),
            ("subtotal_tax", "5.66"),
            ("total", "100.00"),
            ("total_in_words", "壹佰圆整"),
            ("remarks", "订单 A-1 桌号 8"),
            ("payee", "张三"),
            ("reviewer", "李四"),
            ("issuer", "王五"),
        ],
    );
    let Document::CnVatInvoice(invoice) = &document else {
        unreachable!()
    };
    assert!(
        invoice.buyer.address_phone.is_empty(),
        "cipher text is not a value"
    );
    assert_eq!(
        invoice.check_code.confidence,
        Some(fields::Source::Qr.confidence())
    );
    assert_eq!(
        invoice.subtotal_amount.confidence,
        Some(fields::Source::Qr.confidence())
    );
    assert!(!findings.contains_rule(QR_MISMATCH), "{findings:?}");
}

#[test]
fn a_chinese_qr_amount_that_differs_is_reported() {
    let qr = "01,10,011001900111,12345678,99.00,20190815,12345678901234567890,ABCD";
    let extraction = simple(&cn_legacy_rows(), &[qr]);
    let (document, findings) = read(&extraction);
    let Document::CnVatInvoice(invoice) = &document else {
        unreachable!()
    };
    assert_eq!(invoice.subtotal_amount.value.unwrap().to_string(), "94.34");
    assert!(
        findings
            .iter()
            .any(|f| f.rule == QR_MISMATCH && f.path == "subtotal_amount")
    );
}

#[test]
fn fully_digital_invoice_with_side_by_side_parties_is_read() {
    let rows: Rows<'_> = vec![
        &[(200.0, "电子发票(普通发票)")],
        &[(380.0, "发票号码: 24312000000136634917")],
        &[(380.0, "开票日期: 2024年05月14日")],
        &[
            (30.0, "购"),
            (50.0, "名称: 上海某某有限公司"),
            (300.0, "销"),
            (320.0, "名称: 北京某某有限公司"),
        ],
        &[
            (50.0, "统一社会信用代码/纳税人识别号: 91310115MA1K3BTP2B"),
            (320.0, "统一社会信用代码/纳税人识别号: 91110000600037341L"),
        ],
        &[
            (50.0, "项目名称"),
            (180.0, "规格型号"),
            (230.0, "单位"),
            (260.0, "数量"),
            (290.0, "单价"),
            (340.0, "金额"),
            (390.0, "税率/征收率"),
            (460.0, "税额"),
        ],
        &[
            (50.0, "*信息技术服务*软件开发"),
            (340.0, "1,000.00"),
            (400.0, "6%"),
            (460.0, "60.00"),
        ],
        &[(50.0, "费"), (130.0, "")],
        &[(50.0, "合    计"), (335.0, "¥1,000.00"), (455.0, "¥60.00")],
        &[
            (50.0, "价税合计(大写)"),
            (150.0, "⊗壹仟零陆拾圆整"),
            (330.0, "(小写)¥1,060.00"),
        ],
        &[(50.0, "备注"), (100.0, "项目编号 X-9")],
        &[(50.0, "开票人: 赵六")],
    ];
    let qr = "01,32,,24312000000136634917,1060.00,20240514,,1DD6";
    let extraction = simple(&rows, &[qr]);
    let (document, findings) = read(&extraction);
    assert_values(
        &document,
        &[
            ("invoice_type", "32"),
            ("number", "24312000000136634917"),
            ("issue_date", "2024-05-14"),
            ("buyer.name", "上海某某有限公司"),
            ("buyer.tax_id", "91310115MA1K3BTP2B"),
            ("seller.name", "北京某某有限公司"),
            ("seller.tax_id", "91110000600037341L"),
            ("items[0].name", "*信息技术服务*软件开发 费"),
            ("items[0].amount", "1000.00"),
            ("subtotal_amount", "1000.00"),
            ("total", "1060.00"),
            ("total_in_words", "壹仟零陆拾圆整"),
            ("remarks", "项目编号 X-9"),
            ("issuer", "赵六"),
        ],
    );
    let Document::CnVatInvoice(invoice) = &document else {
        unreachable!()
    };
    assert!(invoice.code.is_empty() && invoice.check_code.is_empty());
    assert_eq!(
        invoice.total.confidence,
        Some(fields::Source::Qr.confidence())
    );
    assert!(!findings.contains_rule(QR_MISMATCH), "{findings:?}");
}

#[test]
fn a_qr_code_alone_gives_only_the_qr_fields() {
    let mut extraction = simple(&[], &[LEGACY_QR]);
    extraction.format = SourceFormat::Image;
    let (document, _) = read(&extraction);
    let fields = values(&document);
    let paths: Vec<&str> = fields.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["invoice_type", "code", "number", "issue_date", "check_code"]
    );
    let Document::CnVatInvoice(invoice) = &document else {
        unreachable!()
    };
    assert_eq!(
        invoice.number.confidence,
        Some(fields::Source::Qr.confidence())
    );
}

#[test]
fn vertical_labels_are_neither_values_nor_missed() {
    let mut rows = cn_legacy_rows();
    rows[5] = &[
        (40.0, "购"),
        (60.0, "名    称: 北京某某科技有限公司"),
        (330.0, "密"),
        (360.0, "03*<>12+-/4567<>*89+-/0123<>45"),
    ];
    rows[6] = &[(60.0, "纳税人识别号: 91310115MA1K3BTP2B"), (330.0, "码")];
    rows[7] = &[(60.0, "地 址、电 话:"), (330.0, "区")];
    rows[13] = &[
        (60.0, "名    称: 北京某某餐饮有限公司"),
        (330.0, "备"),
        (360.0, "订单 A-1"),
    ];
    rows[14] = &[
        (60.0, "纳税人识别号: 91110000600037341L"),
        (330.0, "注"),
        (360.0, "桌号 8"),
    ];
    let extraction = simple(&rows, &[LEGACY_QR]);
    let (document, _) = read(&extraction);
    let Document::CnVatInvoice(invoice) = &document else {
        unreachable!()
    };
    assert!(
        invoice.buyer.address_phone.is_empty(),
        "{:?}",
        invoice.buyer.address_phone
    );
    assert_eq!(invoice.remarks.value.as_deref(), Some("订单 A-1 桌号 8"));
}
