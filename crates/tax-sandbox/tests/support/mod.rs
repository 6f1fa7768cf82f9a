//! Uploads to the sandbox, small PDFs built in the test, and the corpus on disk.

#![allow(dead_code, unreachable_pub, clippy::float_arithmetic)]

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use lopdf::{Document, Object, Stream, dictionary};
use serde_json::{Value, json};
use tax_sandbox::SandboxHandle;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The documents (`*.pdf`) of a corpus directory, or of `examples/`, sorted.
pub fn pdfs_in(relative: &str) -> Vec<PathBuf> {
    let dir = workspace_root().join(relative);
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{} cannot be read: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
        .collect();
    files.sort();
    files
}

/// The ground truth beside a corpus document (`NAME.truth.json`), when there is one.
pub fn truth_of(document: &Path) -> Option<Value> {
    let stem = document.with_extension("");
    let truth = PathBuf::from(format!("{}.truth.json", stem.display()));
    let bytes = std::fs::read(truth).ok()?;
    Some(serde_json::from_slice(&bytes).unwrap())
}

/// A truth field's text, when the document prints it.
pub fn truth_field<'a>(truth: &'a Value, path: &str) -> Option<&'a str> {
    truth["fields"][path].as_str()
}

/// Whether two texts denote the same value: equal decimals, or equal after collapsing
/// whitespace.
pub fn same_value(actual: &str, expected: &str) -> bool {
    let decimal = |text: &str| text.trim().parse::<rust_decimal::Decimal>().ok();
    if let (Some(a), Some(b)) = (decimal(actual), decimal(expected)) {
        return a == b;
    }
    let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapse(actual) == collapse(expected)
}

/// A GLAIR invoice call; the status and the JSON body.
pub async fn glair_invoice(sandbox: &SandboxHandle, bytes: Vec<u8>, name: &str) -> (u16, Value) {
    let glair = &sandbox.credentials().glair;
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
    let response = reqwest::Client::new()
        .post(format!("{}/ocr/v1/invoice", sandbox.base_url()))
        .basic_auth(&glair.username, Some(&glair.password))
        .header("x-api-key", &glair.api_key)
        .multipart(reqwest::multipart::Form::new().part("image", part))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

/// A DeepFinch VAT invoice call; the status and the JSON body.
pub async fn deepfinch_invoice(
    sandbox: &SandboxHandle,
    bytes: Vec<u8>,
    name: &str,
) -> (u16, Value) {
    let deepfinch = &sandbox.credentials().deepfinch;
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
    let response = reqwest::Client::new()
        .post(format!("{}/ocr/value_add_tax_invoice", sandbox.base_url()))
        .header("X-DF-API-ID", &deepfinch.api_id)
        .header("X-DF-API-SECRET", &deepfinch.api_secret)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

/// A Huawei VAT invoice call in advanced mode, with a token from the sandbox's IAM route;
/// the status and the JSON body.
pub async fn huawei_invoice(sandbox: &SandboxHandle, bytes: &[u8]) -> (u16, Value) {
    let huawei = &sandbox.credentials().huawei;
    let client = reqwest::Client::new();
    let login = json!({"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": huawei.user_name,
            "password": huawei.password,
            "domain": {"name": huawei.domain_name},
        }}},
        "scope": {"project": {"name": huawei.project_name}},
    }});
    let issued = client
        .post(format!("{}/v3/auth/tokens", sandbox.base_url()))
        .json(&login)
        .send()
        .await
        .unwrap();
    assert_eq!(issued.status(), 201);
    let token = issued.headers()["x-subject-token"]
        .to_str()
        .unwrap()
        .to_owned();
    let response = client
        .post(format!(
            "{}/v2/{}/ocr/vat-invoice",
            sandbox.base_url(),
            huawei.project_id
        ))
        .header("X-Auth-Token", token)
        .json(&json!({"image": STANDARD.encode(bytes), "advanced_mode": true}))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

/// The font a test PDF is written in.
#[derive(Debug, Clone, Copy)]
pub enum Font {
    /// Helvetica, `WinAnsiEncoding` (Latin text).
    Helvetica,
    /// STSong-Light through `UniGB-UCS2-H` (Chinese and ASCII text).
    Song,
}

/// A one-page A4 PDF with one text run per `(x, y from the top, text)`.
pub fn text_pdf(font: Font, runs: &[(f32, f32, &str)]) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = match font {
        Font::Helvetica => doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        }),
        Font::Song => {
            let descendant = doc.add_object(dictionary! {
                "Type" => "Font",
                "Subtype" => "CIDFontType0",
                "BaseFont" => "STSong-Light",
                "CIDSystemInfo" => dictionary! {
                    "Registry" => Object::string_literal("Adobe"),
                    "Ordering" => Object::string_literal("GB1"),
                    "Supplement" => 4,
                },
                "DW" => 1000,
                "W" => vec![1.into(), 95.into(), 500.into()],
            });
            doc.add_object(dictionary! {
                "Type" => "Font",
                "Subtype" => "Type0",
                "BaseFont" => "STSong-Light-UniGB-UCS2-H",
                "Encoding" => "UniGB-UCS2-H",
                "DescendantFonts" => vec![descendant.into()],
            })
        }
    };
    let mut content = String::new();
    for (x, y, text) in runs {
        let shown = match font {
            Font::Helvetica => format!(
                "({})",
                text.replace('\\', "\\\\")
                    .replace('(', "\\(")
                    .replace(')', "\\)")
            ),
            Font::Song => {
                let hex: String = text
                    .encode_utf16()
                    .map(|unit| format!("{unit:04X}"))
                    .collect();
                format!("<{hex}>")
            }
        };
        let baseline = 842.0 - y;
        content.push_str(&format!("BT /F1 9 Tf {x} {baseline} Td {shown} Tj ET\n"));
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A legacy Chinese electronic general VAT invoice: code 011001900111, number 12345678,
/// one line of 94.34 at 6%, total 100.00.
pub fn cn_legacy_pdf() -> Vec<u8> {
    text_pdf(
        Font::Song,
        &[
            (180.0, 30.0, "北京增值税电子普通发票"),
            (400.0, 50.0, "发票代码: 011001900111"),
            (400.0, 64.0, "发票号码: 12345678"),
            (400.0, 78.0, "开票日期: 2019年08月15日"),
            (400.0, 92.0, "校验码: 12345 67890 12345 67890"),
            (30.0, 92.0, "机器编号: 661234567890"),
            (20.0, 120.0, "购买方"),
            (60.0, 120.0, "名    称: 北京示例科技有限公司"),
            (60.0, 134.0, "纳税人识别号: 91110108MA01ABCD2X"),
            (
                60.0,
                148.0,
                "地 址、电 话: 北京市海淀区示例路1号 010-12345678",
            ),
            (
                60.0,
                162.0,
                "开户行及账号: 示例银行北京分行 6222000000000000",
            ),
            (40.0, 190.0, "货物或应税劳务、服务名称"),
            (180.0, 190.0, "规格型号"),
            (240.0, 190.0, "单位"),
            (280.0, 190.0, "数量"),
            (320.0, 190.0, "单价"),
            (380.0, 190.0, "金额"),
            (440.0, 190.0, "税率"),
            (490.0, 190.0, "税额"),
            (40.0, 204.0, "*餐饮服务*餐费"),
            (240.0, 204.0, "次"),
            (280.0, 204.0, "1"),
            (320.0, 204.0, "94.34"),
            (380.0, 204.0, "94.34"),
            (440.0, 204.0, "6%"),
            (490.0, 204.0, "5.66"),
            (40.0, 240.0, "合    计"),
            (380.0, 240.0, "¥94.34"),
            (490.0, 240.0, "¥5.66"),
            (40.0, 256.0, "价税合计(大写)"),
            (140.0, 256.0, "⊗壹佰圆整"),
            (380.0, 256.0, "(小写)¥100.00"),
            (20.0, 280.0, "销售方"),
            (60.0, 280.0, "名    称: 上海示例餐饮有限公司"),
            (60.0, 294.0, "纳税人识别号: 91310000MA1FL0XY3K"),
            (
                60.0,
                308.0,
                "地 址、电 话: 上海市浦东新区示例路2号 021-87654321",
            ),
            (
                60.0,
                322.0,
                "开户行及账号: 示例银行上海分行 6222111111111111",
            ),
            (40.0, 350.0, "收款人: 张三"),
            (160.0, 350.0, "复核: 李四"),
            (280.0, 350.0, "开票人: 王五"),
            (400.0, 350.0, "销售方:(章)"),
        ],
    )
}

/// A Faktur Pajak in the e-Faktur layout: 010.000-24.00000001, one line of 2 x 750.000,
/// DPP 1.500.000, PPN 165.000.
pub fn efaktur_pdf() -> Vec<u8> {
    text_pdf(
        Font::Helvetica,
        &[
            (250.0, 40.0, "Faktur Pajak"),
            (
                40.0,
                70.0,
                "Kode dan Nomor Seri Faktur Pajak : 010.000-24.00000001",
            ),
            (40.0, 90.0, "Pengusaha Kena Pajak"),
            (40.0, 104.0, "Nama : PT SUMBER MAKMUR"),
            (40.0, 118.0, "Alamat : JL. JEND. SUDIRMAN NO. 1, JAKARTA"),
            (40.0, 132.0, "NPWP : 01.000.521.8-093.010"),
            (
                40.0,
                152.0,
                "Pembeli Barang Kena Pajak / Penerima Jasa Kena Pajak",
            ),
            (40.0, 166.0, "Nama : PT MAJU BERSAMA"),
            (40.0, 180.0, "Alamat : JL. GATOT SUBROTO NO. 5, BANDUNG"),
            (40.0, 194.0, "NPWP : 02.115.615.2-056.000"),
            (40.0, 220.0, "No."),
            (70.0, 220.0, "Nama Barang Kena Pajak / Jasa Kena Pajak"),
            (380.0, 220.0, "Harga Jual/Penggantian/Uang Muka/Termin (Rp)"),
            (40.0, 236.0, "1"),
            (70.0, 236.0, "Kertas HVS A4"),
            (480.0, 236.0, "1.500.000,00"),
            (70.0, 248.0, "Rp 750.000,00 x 2 Rim"),
            (70.0, 260.0, "Potongan Harga = Rp 0,00"),
            (70.0, 272.0, "PPnBM (0,00%) = Rp 0,00"),
            (40.0, 300.0, "Harga Jual / Penggantian / Uang Muka / Termin"),
            (480.0, 300.0, "1.500.000,00"),
            (40.0, 314.0, "Dikurangi Potongan Harga"),
            (480.0, 314.0, "0,00"),
            (40.0, 328.0, "Dikurangi Uang Muka yang telah diterima"),
            (480.0, 328.0, "0,00"),
            (40.0, 342.0, "Dasar Pengenaan Pajak"),
            (480.0, 342.0, "1.500.000,00"),
            (40.0, 356.0, "Total PPN"),
            (480.0, 356.0, "165.000,00"),
            (40.0, 370.0, "Total PPnBM (Pajak Penjualan Barang Mewah)"),
            (480.0, 370.0, "0,00"),
            (350.0, 420.0, "JAKARTA SELATAN, 15 Januari 2024"),
            (350.0, 480.0, "BUDI SANTOSO"),
        ],
    )
}

/// A grey PNG with no text and no QR code, like a blank scan.
pub fn blank_scan_png() -> Vec<u8> {
    let image = image::GrayImage::from_fn(320, 200, |x, y| {
        image::Luma([200 + ((x * 7 + y * 13) % 40) as u8])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    bytes.into_inner()
}

/// A PNG photo-like image holding only a QR code with `payload` (4 pixels per module, with a
/// quiet zone), as a phone picture of an invoice's QR code.
pub fn qr_png(payload: &str) -> Vec<u8> {
    let code = qrcode::QrCode::new(payload.as_bytes()).unwrap();
    let width = u32::try_from(code.width()).unwrap();
    let colors = code.to_colors();
    let (scale, quiet) = (4, 4);
    let side = (width + 2 * quiet) * scale;
    let image = image::GrayImage::from_fn(side, side, |x, y| {
        let (module_x, module_y) = (x / scale, y / scale);
        let inside = (quiet..quiet + width).contains(&module_x)
            && (quiet..quiet + width).contains(&module_y);
        let dark = inside && {
            let index = (module_y - quiet) * width + (module_x - quiet);
            colors[index as usize] == qrcode::Color::Dark
        };
        image::Luma([if dark { 0 } else { 255 }])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    bytes.into_inner()
}
