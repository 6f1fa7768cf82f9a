//! Invoice codes, types, numbers, check codes and QR payloads (domain notes §8.1–§8.2).

use chrono::NaiveDate;
use tax_core::ParseErrorKind;
use tax_core::cn::{CheckCode, InvoiceCode, InvoiceNumber, InvoiceType, QrPayload};

fn code_type(code: &str) -> InvoiceType {
    InvoiceCode::parse(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
        .invoice_type()
}

#[test]
fn ten_digit_codes_follow_the_platform_digit_8_mapping() {
    // digits 1-4 region, 5-6 year, digit 8 decides the type.
    for (digit8, expected) in [
        ('1', InvoiceType::Special),
        ('5', InvoiceType::Special),
        ('3', InvoiceType::General),
        ('6', InvoiceType::General),
        ('2', InvoiceType::FreightSpecial),
        ('7', InvoiceType::FreightSpecial),
        ('0', InvoiceType::Unknown),
        ('4', InvoiceType::Unknown),
        ('8', InvoiceType::Unknown),
        ('9', InvoiceType::Unknown),
    ] {
        assert_eq!(
            code_type(&format!("3100171{digit8}30")),
            expected,
            "digit 8 = {digit8}"
        );
    }
    let code = InvoiceCode::parse("4403162130").unwrap();
    assert_eq!(code.region_code(), "4403");
    assert_eq!(code.year(), 2016);
    assert!(!code.is_twelve_digit());
}

#[test]
fn twelve_digit_codes_follow_the_platform_type_suffix_mapping() {
    for (suffix, expected) in [
        ("04", InvoiceType::General),
        ("05", InvoiceType::General),
        ("06", InvoiceType::Roll),
        ("07", InvoiceType::Roll),
        ("11", InvoiceType::ElectronicGeneral),
        ("12", InvoiceType::Toll),
        ("13", InvoiceType::ElectronicSpecial),
        ("17", InvoiceType::UsedVehicle),
        ("01", InvoiceType::Unknown),
        ("99", InvoiceType::Unknown),
    ] {
        assert_eq!(
            code_type(&format!("0310012001{suffix}")),
            expected,
            "suffix {suffix}"
        );
    }
    // The four early e-invoice codes the platform lists by name.
    for early in [
        "144031539110",
        "131001570151",
        "133011501118",
        "111001571071",
    ] {
        assert_eq!(code_type(early), InvoiceType::ElectronicGeneral, "{early}");
    }
    assert_eq!(code_type("144031539111"), InvoiceType::Unknown);
    // Digit 1 not 0 and digit 8 = 2: motor vehicle sales invoice.
    assert_eq!(code_type("144001921001"), InvoiceType::MotorVehicle);
    assert_eq!(code_type("144001911001"), InvoiceType::Unknown);
    let code = InvoiceCode::parse("011001605111").unwrap();
    assert_eq!(code.invoice_type(), InvoiceType::ElectronicGeneral);
    assert_eq!(code.region_code(), "1100");
    assert_eq!(code.year(), 2016);
}

#[test]
fn invoice_code_errors() {
    let kind = |s: &str| InvoiceCode::parse(s).unwrap_err().kind();
    assert_eq!(kind("310017113"), ParseErrorKind::Length);
    assert_eq!(kind("31001711300"), ParseErrorKind::Length);
    assert_eq!(kind("31001711A0"), ParseErrorKind::Format);
    assert_eq!(kind("3100001130"), ParseErrorKind::Component); // year 00
    assert_eq!(kind("031000012011"), ParseErrorKind::Component);
    assert_eq!(kind(""), ParseErrorKind::Empty);
    assert_eq!(
        InvoiceCode::parse("0110 0160 5111").unwrap().as_str(),
        "011001605111"
    );
}

#[test]
fn invoice_types_have_codes_and_chinese_names() {
    let expected = [
        (1, "增值税专用发票"),
        (2, "货物运输业增值税专用发票"),
        (3, "机动车销售统一发票"),
        (4, "增值税普通发票"),
        (8, "增值税电子专用发票"),
        (10, "增值税电子普通发票"),
        (11, "增值税普通发票（卷票）"),
        (14, "增值税电子普通发票（通行费）"),
        (15, "二手车销售统一发票"),
        (31, "电子发票（增值税专用发票）"),
        (32, "电子发票（普通发票）"),
    ];
    for (kind, (code, name)) in InvoiceType::NAMED.into_iter().zip(expected) {
        assert_eq!(kind.code(), Some(code));
        assert_eq!(kind.name_zh(), name);
        assert_eq!(InvoiceType::from_code(code), kind);
        assert_eq!(kind.to_string().parse::<InvoiceType>().unwrap(), kind);
    }
    assert_eq!(InvoiceType::parse("51").unwrap(), InvoiceType::Other(51));
    assert_eq!(InvoiceType::Other(51).to_string(), "51");
    assert_eq!(InvoiceType::Unknown.code(), None);
    assert_eq!(
        InvoiceType::parse("1").unwrap_err().kind(),
        ParseErrorKind::Length
    );
    assert_eq!(
        InvoiceType::parse("1a").unwrap_err().kind(),
        ParseErrorKind::Format
    );
    assert!(InvoiceType::DigitalGeneral.is_fully_digital());
    assert!(!InvoiceType::ElectronicSpecial.is_fully_digital());
    let by_check_code: Vec<_> = InvoiceType::NAMED
        .into_iter()
        .filter(|t| t.is_verified_by_check_code())
        .filter_map(InvoiceType::code)
        .collect();
    assert_eq!(by_check_code, [4, 10, 11, 14]);
    assert_eq!(serde_json::to_value(InvoiceType::General).unwrap(), "04");
}

#[test]
fn invoice_numbers() {
    let legacy = InvoiceNumber::parse("80100798").unwrap();
    assert!(!legacy.is_fully_digital());
    assert_eq!(legacy.digital_year(), None);
    assert_eq!(legacy.digital_province_code(), None);

    let digital = InvoiceNumber::parse("24312000000136634917").unwrap();
    assert!(digital.is_fully_digital());
    assert_eq!(digital.digital_year(), Some(2024));
    assert_eq!(digital.digital_province_code(), Some("31"));
    assert_eq!(digital.digital_issuing_channel(), Some('2'));

    let kind = |s: &str| InvoiceNumber::parse(s).unwrap_err().kind();
    assert_eq!(kind("00000000"), ParseErrorKind::Component);
    assert_eq!(kind("1234567"), ParseErrorKind::Length);
    assert_eq!(kind("123456789"), ParseErrorKind::Length);
    assert_eq!(kind("1234567X"), ParseErrorKind::Format);
    assert_eq!(
        InvoiceNumber::parse("00000001").unwrap().to_string(),
        "00000001"
    );
}

#[test]
fn check_codes() {
    let code = CheckCode::parse("8534 2965 6811 1638 0258").unwrap();
    assert_eq!(code.to_string(), "85342965681116380258");
    assert_eq!(code.last_six(), "380258");
    assert_eq!(
        CheckCode::parse("8534296568111638025").unwrap_err().kind(),
        ParseErrorKind::Length
    );
    assert_eq!(
        CheckCode::parse("8534296568111638025X").unwrap_err().kind(),
        ParseErrorKind::Format
    );
    assert_eq!(
        CheckCode::parse("").unwrap_err().kind(),
        ParseErrorKind::Empty
    );
}

#[test]
fn qr_legacy_electronic_general_invoice() {
    let qr =
        QrPayload::parse("01,10,011001605111,80100798,64.9,20161018,85342965681116380258,BE2D")
            .unwrap();
    assert_eq!(qr.version, "01");
    assert_eq!(qr.invoice_type, InvoiceType::ElectronicGeneral);
    assert_eq!(qr.code.as_ref().unwrap().as_str(), "011001605111");
    assert_eq!(qr.code.as_ref().unwrap().invoice_type(), qr.invoice_type);
    assert_eq!(qr.number.as_str(), "80100798");
    assert_eq!(qr.amount.to_string(), "64.90");
    assert_eq!(
        qr.issue_date,
        NaiveDate::from_ymd_opt(2016, 10, 18).unwrap()
    );
    assert_eq!(qr.check_code.as_ref().unwrap().last_six(), "380258");
    assert_eq!(qr.trailing.as_deref(), Some("BE2D"));
}

#[test]
fn qr_fully_digital_general_invoice() {
    let qr = QrPayload::parse("01,32,,24312000000136634917,0.01,20240514,,1DD6").unwrap();
    assert_eq!(qr.invoice_type, InvoiceType::DigitalGeneral);
    assert_eq!(qr.code, None);
    assert_eq!(qr.number.digital_year(), Some(2024));
    assert_eq!(qr.amount.to_string(), "0.01");
    assert_eq!(qr.issue_date, NaiveDate::from_ymd_opt(2024, 5, 14).unwrap());
    assert_eq!(qr.check_code, None);
    assert_eq!(qr.trailing.as_deref(), Some("1DD6"));
    assert_eq!(qr.to_string().parse::<QrPayload>().unwrap(), qr);
}

#[test]
fn qr_fully_digital_special_invoice() {
    let qr = QrPayload::parse("01,31,,24922000000012341234,666.00,20240208,,76A1").unwrap();
    assert_eq!(qr.invoice_type, InvoiceType::DigitalSpecial);
    assert_eq!(qr.code, None);
    assert_eq!(qr.number.as_str(), "24922000000012341234");
    assert_eq!(qr.amount.to_string(), "666.00");
    assert_eq!(qr.issue_date, NaiveDate::from_ymd_opt(2024, 2, 8).unwrap());
    assert_eq!(
        qr.to_string(),
        "01,31,,24922000000012341234,666.00,20240208,,76A1"
    );
}

#[test]
fn qr_optional_trailing_field_and_trailing_comma() {
    let without = QrPayload::parse("01,04,3100171330,12345678,100,20170601,").unwrap();
    assert_eq!(without.trailing, None);
    assert_eq!(without.check_code, None);
    let with_comma = QrPayload::parse("01,32,,24312000000136634917,0.01,20240514,,1DD6,").unwrap();
    assert_eq!(with_comma.trailing.as_deref(), Some("1DD6"));
    let unknown_type = QrPayload::parse("01,51,,24312000000136634917,5,20240514,,").unwrap();
    assert_eq!(unknown_type.invoice_type, InvoiceType::Other(51));
}

#[test]
fn qr_errors() {
    let kind = |s: &str| QrPayload::parse(s).unwrap_err().kind();
    assert_eq!(kind(""), ParseErrorKind::Empty);
    assert_eq!(
        kind("01,10,011001605111,80100798,64.9,20161018"),
        ParseErrorKind::Length
    );
    assert_eq!(
        kind("01,10,011001605111,80100798,64.9,20161018,,A,B"),
        ParseErrorKind::Length
    );
    // Code on a fully digital type, and a missing code on a legacy type.
    assert_eq!(
        kind("01,32,011001605111,24312000000136634917,0.01,20240514,,1DD6"),
        ParseErrorKind::Component
    );
    assert_eq!(
        kind("01,10,,80100798,64.9,20161018,,BE2D"),
        ParseErrorKind::Component
    );
    assert_eq!(
        kind("01,32,,80100798,0.01,20240514,,1DD6"),
        ParseErrorKind::Component
    );
    assert_eq!(
        kind("01,10,011001605111,24312000000136634917,1,20161018,,"),
        ParseErrorKind::Component
    );
    assert_eq!(
        kind("01,10,011001605111,80100798,64.999,20161018,,BE2D"),
        ParseErrorKind::Format
    );
    assert_eq!(
        kind("01,10,011001605111,80100798,abc,20161018,,BE2D"),
        ParseErrorKind::Format
    );
    assert_eq!(
        kind("01,10,011001605111,80100798,64.9,2016101,,BE2D"),
        ParseErrorKind::Format
    );
    assert_eq!(
        kind("01,10,011001605111,80100798,64.9,20161318,,BE2D"),
        ParseErrorKind::Component
    );
    assert_eq!(
        kind("01,10,01100160511,80100798,64.9,20161018,,BE2D"),
        ParseErrorKind::Format
    );
    assert_eq!(
        kind("01,10,011001605111,80100798,64.9,20161018,123,BE2D"),
        ParseErrorKind::Format
    );
    assert_eq!(
        kind(",10,011001605111,80100798,64.9,20161018,,BE2D"),
        ParseErrorKind::Format
    );
}

#[test]
fn qr_payload_serializes_as_its_text() {
    let text = "01,10,011001605111,80100798,64.90,20161018,85342965681116380258,BE2D";
    let qr: QrPayload = serde_json::from_value(text.into()).unwrap();
    assert_eq!(serde_json::to_value(&qr).unwrap(), text);
    assert!(serde_json::from_value::<QrPayload>("01,10,,80100798,1,20161018,,".into()).is_err());
    let schema = serde_json::to_value(schemars::schema_for!(QrPayload)).unwrap();
    assert_eq!(schema["type"], "string");
}
