//! Faktur Pajak, e-Faktur and Coretax layouts.

use super::super::test_support::simple;
use super::*;

pub(super) const EFAKTUR_URL: &str =
    "http://svc.efaktur.pajak.go.id/validasi/faktur/010005218093010/0002400000001/3031a2b3";

fn efaktur_rows() -> Rows<'static> {
    vec![
        &[(40.0, "Faktur Pajak")],
        &[(
            40.0,
            "Kode dan Nomor Seri Faktur Pajak : 010.000-24.00000001",
        )],
        &[(40.0, "Pengusaha Kena Pajak")],
        &[(40.0, "Nama"), (140.0, ": PT SUMBER MAKMUR")],
        &[(40.0, "Alamat"), (140.0, ": JL. JEND. SUDIRMAN NO. 1,")],
        &[(146.0, "JAKARTA PUSAT")],
        &[(40.0, "NPWP"), (140.0, ": 01.000.521.8-093.010")],
        &[(40.0, "Pembeli Barang Kena Pajak / Penerima Jasa Kena Pajak")],
        &[(40.0, "Nama"), (140.0, ": PT PEMBELI JAYA")],
        &[(40.0, "Alamat"), (140.0, ": JL. MERDEKA 2, BANDUNG")],
        &[(40.0, "NPWP"), (140.0, ": 00.000.000.0-000.000")],
        &[
            (40.0, "No."),
            (70.0, "Nama Barang Kena Pajak / Jasa Kena Pajak"),
            (380.0, "Harga Jual/Penggantian/Uang Muka/Termin (Rp)"),
        ],
        &[
            (40.0, "1"),
            (70.0, "Kertas HVS A4 80 gram"),
            (450.0, "1.500.000,00"),
        ],
        &[(70.0, "isi 500 lembar")],
        &[(70.0, "Rp 750.000,00 x 2 Rim")],
        &[(70.0, "Potongan Harga = Rp 0,00")],
        &[(70.0, "PPnBM (0,00%) = Rp 0,00")],
        &[(40.0, "2"), (70.0, "Jasa Antar"), (460.0, "100.000,00")],
        &[(70.0, "Rp 100.000,00 x 1 Kali")],
        &[(70.0, "Potongan Harga = Rp 10.000,00")],
        &[(70.0, "PPnBM (0,00%) = Rp 0,00")],
        &[
            (40.0, "Harga Jual / Penggantian / Uang Muka / Termin"),
            (450.0, "1.600.000,00"),
        ],
        &[(40.0, "Dikurangi Potongan Harga"), (460.0, "10.000,00")],
        &[
            (40.0, "Dikurangi Uang Muka yang telah diterima"),
            (470.0, "0,00"),
        ],
        &[(40.0, "Dasar Pengenaan Pajak"), (450.0, "1.590.000,00")],
        &[(40.0, "Total PPN"), (460.0, "174.900,00")],
        &[
            (40.0, "Total PPnBM (Pajak Penjualan Barang Mewah)"),
            (470.0, "0,00"),
        ],
        &[(
            40.0,
            "Sesuai dengan ketentuan yang berlaku, Direktorat Jenderal Pajak mengatur",
        )],
        &[(300.0, "JAKARTA SELATAN, 15 Januari 2024")],
        &[(300.0, "BUDI SANTOSO")],
    ]
}

#[test]
fn efaktur_layout_is_read_completely() {
    let extraction = simple(&efaktur_rows(), &[EFAKTUR_URL]);
    let (document, findings) = read(&extraction);
    assert_eq!(document.kind(), DocumentKind::FakturPajak);
    assert_values(
        &document,
        &[
            ("number", "010.000-24.00000001"),
            ("seller.name", "PT SUMBER MAKMUR"),
            ("seller.address", "JL. JEND. SUDIRMAN NO. 1, JAKARTA PUSAT"),
            ("seller.npwp", "01.000.521.8-093.010"),
            ("buyer.name", "PT PEMBELI JAYA"),
            ("buyer.address", "JL. MERDEKA 2, BANDUNG"),
            ("buyer.npwp", "00.000.000.0-000.000"),
            ("items[0].name", "Kertas HVS A4 80 gram isi 500 lembar"),
            ("items[0].quantity", "2"),
            ("items[0].unit", "Rim"),
            ("items[0].unit_price", "750000"),
            ("items[0].discount", "0"),
            ("items[0].total", "1500000"),
            ("items[1].name", "Jasa Antar"),
            ("items[1].discount", "10000"),
            ("items[1].total", "100000"),
            ("sales_price", "1600000"),
            ("discount", "10000"),
            ("down_payment", "0"),
            ("tax_base", "1590000"),
            ("vat", "174900"),
            ("luxury_tax", "0"),
            ("place", "JAKARTA SELATAN"),
            ("date", "2024-01-15"),
            ("signer", "BUDI SANTOSO"),
            ("validation_url", EFAKTUR_URL),
        ],
    );
    let Document::FakturPajak(faktur) = &document else {
        unreachable!()
    };
    assert_eq!(faktur.items.len(), 2);
    assert_eq!(
        faktur.seller.npwp.confidence,
        Some(fields::Source::Qr.confidence())
    );
    assert_eq!(
        faktur.number.confidence,
        Some(fields::Source::Qr.confidence())
    );
    assert_eq!(
        faktur.items[0].total.confidence,
        Some(fields::Source::Layout.confidence())
    );
    assert_eq!(
        faktur.buyer.name.confidence,
        Some(fields::Source::Labeled.confidence())
    );
    assert_eq!(faktur.seller.name.location.as_ref().unwrap().page, Some(0));
    assert!(!findings.contains_rule(QR_MISMATCH), "{findings:?}");
    assert!(faktur.other_tax_base.is_empty());
}

#[test]
fn a_qr_code_disagreeing_with_the_text_is_reported_and_the_text_kept() {
    let mut extraction = simple(&efaktur_rows(), &[EFAKTUR_URL]);
    extraction.pages[0].qr_codes[0].text =
        "http://svc.efaktur.pajak.go.id/validasi/faktur/019999999999999/0002400000009/ab"
            .to_owned();
    let (document, findings) = read(&extraction);
    let Document::FakturPajak(faktur) = &document else {
        unreachable!()
    };
    assert_eq!(
        faktur.seller.npwp.value.as_ref().unwrap().to_string(),
        "01.000.521.8-093.010"
    );
    assert_eq!(
        faktur.seller.npwp.confidence,
        Some(fields::Source::Disputed.confidence())
    );
    let mismatches: Vec<_> = findings.iter().filter(|f| f.rule == QR_MISMATCH).collect();
    assert_eq!(mismatches.len(), 2, "{findings:?}");
    assert!(
        mismatches
            .iter()
            .any(|f| f.message.contains("01.999.999.9-999.999"))
    );
}

#[test]
fn coretax_layout_is_read_completely() {
    let rows: Rows<'_> = vec![
        &[(40.0, "Faktur Pajak")],
        &[(40.0, "Kode dan Nomor Seri Faktur Pajak: 04002500000012345")],
        &[(40.0, "Pengusaha Kena Pajak:")],
        &[(40.0, "Nama : PT SUMBER MAKMUR")],
        &[(40.0, "Alamat : JL. JEND. SUDIRMAN NO. 1, JAKARTA")],
        &[(40.0, "NPWP : 0010005218093010")],
        &[(40.0, "Pembeli Barang Kena Pajak/Penerima Jasa Kena Pajak:")],
        &[(40.0, "Nama : BUDI HARTONO")],
        &[(40.0, "Alamat : JL. KENANGA 3, DEPOK")],
        &[(40.0, "NPWP : 0000000000000000")],
        &[
            (40.0, "NIK : 3171015708450001"),
            (220.0, "Nomor Paspor : -"),
            (340.0, "Identitas Lain : -"),
        ],
        &[(40.0, "Email : budi@example.co.id")],
        &[(40.0, "NITKU : 0013121660091000000000")],
        &[
            (40.0, "No."),
            (60.0, "Kode Barang/Jasa"),
            (150.0, "Nama Barang Kena Pajak / Jasa Kena Pajak"),
            (380.0, "Harga Jual / Penggantian / Uang Muka / Termin (Rp)"),
        ],
        &[
            (40.0, "1"),
            (60.0, "000000"),
            (150.0, "Laptop 14 inci"),
            (470.0, "1.500.000,00"),
        ],
        &[(150.0, "Rp 750.000,00 x 2,00 Unit")],
        &[(150.0, "Potongan Harga = Rp 0,00")],
        &[(150.0, "PPnBM (0,00%) = Rp 0,00")],
        &[
            (40.0, "Harga Jual / Penggantian / Uang Muka / Termin"),
            (470.0, "1.500.000,00"),
        ],
        &[(40.0, "Dikurangi Potongan Harga"), (490.0, "0,00")],
        &[
            (40.0, "Dikurangi Uang Muka yang telah diterima"),
            (490.0, "0,00"),
        ],
        &[(40.0, "Dasar Pengenaan Pajak"), (470.0, "1.500.000,00")],
        &[(40.0, "DPP Nilai Lain"), (470.0, "1.375.000,00")],
        &[
            (40.0, "Jumlah PPN (Pajak Pertambahan Nilai)"),
            (475.0, "165.000,00"),
        ],
        &[
            (40.0, "Jumlah PPnBM (Pajak Penjualan atas Barang Mewah)"),
            (490.0, "0,00"),
        ],
        &[(300.0, "KOTA JAKARTA SELATAN, 15 Januari 2025")],
        &[(300.0, "Ditandatangani secara elektronik")],
        &[(300.0, "BUDI SANTOSO")],
    ];
    let url =
        "https://coretaxdjp.pajak.go.id/e-faktur/validasi/0010005218093010/04002500000012345/ff";
    let extraction = simple(&rows, &[url]);
    let (document, findings) = read(&extraction);
    assert_values(
        &document,
        &[
            ("number", "04.00.25.000-00012345"),
            ("seller.npwp", "0010005218093010"),
            ("buyer.name", "BUDI HARTONO"),
            ("buyer.npwp", "0000000000000000"),
            ("buyer.nik", "3171015708450001"),
            ("buyer.email", "budi@example.co.id"),
            ("buyer.nitku", "0013121660091000000000"),
            ("items[0].code", "000000"),
            ("items[0].name", "Laptop 14 inci"),
            ("items[0].quantity", "2"),
            ("items[0].unit", "Unit"),
            ("items[0].unit_price", "750000"),
            ("other_tax_base", "1375000"),
            ("vat", "165000"),
            ("luxury_tax", "0"),
            ("place", "KOTA JAKARTA SELATAN"),
            ("date", "2025-01-15"),
            ("signer", "BUDI SANTOSO"),
        ],
    );
    let Document::FakturPajak(faktur) = &document else {
        unreachable!()
    };
    assert!(faktur.buyer.passport.is_empty());
    assert_eq!(
        faktur.number.confidence,
        Some(fields::Source::Qr.confidence())
    );
    assert!(!findings.contains_rule(QR_MISMATCH), "{findings:?}");
}
