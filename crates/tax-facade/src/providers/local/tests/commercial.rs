//! Commercial invoices, English and Indonesian.

use super::super::test_support::simple;
use super::*;

#[test]
fn english_commercial_invoice_is_read() {
    let rows: Rows<'_> = vec![
        &[(40.0, "PT MAJU JAYA"), (420.0, "INVOICE")],
        &[(40.0, "Jl. Gatot Subroto No. 5")],
        &[(40.0, "Jakarta 12930")],
        &[(40.0, "NPWP: 01.000.521.8-093.010")],
        &[(350.0, "Invoice No: INV/2024/0001")],
        &[(350.0, "Invoice Date: 15 Jan 2024")],
        &[(350.0, "Due Date: 14 Feb 2024")],
        &[(350.0, "PO Number: PO-778")],
        &[(40.0, "Bill To:")],
        &[(40.0, "PT PELANGGAN SETIA")],
        &[(40.0, "Jl. Asia Afrika 8")],
        &[(40.0, "Bandung")],
        &[(40.0, "NPWP: 02.000.000.0-000.000")],
        &[
            (40.0, "Description"),
            (250.0, "Qty"),
            (290.0, "Unit"),
            (340.0, "Unit Price"),
            (450.0, "Amount"),
        ],
        &[
            (40.0, "Consulting services"),
            (255.0, "2"),
            (290.0, "hour"),
            (340.0, "750,000.00"),
            (450.0, "1,500,000.00"),
        ],
        &[(40.0, "Subtotal"), (450.0, "1,500,000.00")],
        &[(40.0, "Discount"), (470.0, "0.00")],
        &[(40.0, "VAT 11%"), (460.0, "165,000.00")],
        &[(40.0, "Total"), (450.0, "1,665,000.00")],
        &[(40.0, "Currency: IDR")],
        &[(
            40.0,
            "Amount in words: One million six hundred sixty-five thousand",
        )],
        &[(40.0, "Bank: BCA")],
        &[(40.0, "Account No: 1234567890")],
        &[(40.0, "Account Name: PT MAJU JAYA")],
    ];
    let extraction = simple(&rows, &[]);
    let (document, _) = read(&extraction);
    assert_eq!(document.kind(), DocumentKind::CommercialInvoice);
    assert_values(
        &document,
        &[
            ("number", "INV/2024/0001"),
            ("invoice_date", "2024-01-15"),
            ("due_date", "2024-02-14"),
            ("purchase_order", "PO-778"),
            ("currency", "IDR"),
            ("vendor.name", "PT MAJU JAYA"),
            ("vendor.address", "Jl. Gatot Subroto No. 5 Jakarta 12930"),
            ("vendor.tax_id", "01.000.521.8-093.010"),
            ("customer.name", "PT PELANGGAN SETIA"),
            ("customer.address", "Jl. Asia Afrika 8 Bandung"),
            ("customer.tax_id", "02.000.000.0-000.000"),
            ("items[0].name", "Consulting services"),
            ("items[0].quantity", "2"),
            ("items[0].unit", "hour"),
            ("items[0].unit_price", "750000"),
            ("items[0].total", "1500000"),
            ("subtotal", "1500000"),
            ("discount", "0"),
            ("vat", "165000"),
            ("total", "1665000"),
            (
                "total_in_words",
                "One million six hundred sixty-five thousand",
            ),
            ("payment_banks[0].bank_name", "BCA"),
            ("payment_banks[0].account_number", "1234567890"),
            ("payment_banks[0].account_name", "PT MAJU JAYA"),
        ],
    );
}

#[test]
fn indonesian_commercial_invoice_is_read() {
    let rows: Rows<'_> = vec![
        &[(40.0, "CV SINAR TERANG"), (420.0, "FAKTUR")],
        &[(40.0, "Jl. Pemuda 10, Semarang")],
        &[(350.0, "No. Invoice: 045/ST/I/2024")],
        &[(350.0, "Tanggal: 05/01/2024")],
        &[(350.0, "Jatuh Tempo: 04/02/2024")],
        &[(40.0, "Kepada Yth.")],
        &[(40.0, "Toko Makmur")],
        &[(40.0, "Jl. Pandanaran 1")],
        &[
            (40.0, "Keterangan"),
            (250.0, "Kuantitas"),
            (300.0, "Satuan"),
            (350.0, "Harga Satuan"),
            (450.0, "Jumlah"),
        ],
        &[
            (40.0, "Lampu LED 12 watt"),
            (260.0, "10"),
            (300.0, "pcs"),
            (350.0, "Rp 25.000"),
            (450.0, "Rp 250.000"),
        ],
        &[(40.0, "Subtotal"), (450.0, "Rp 250.000")],
        &[(40.0, "Diskon"), (450.0, "Rp 0")],
        &[(40.0, "PPN 11%"), (450.0, "Rp 27.500")],
        &[(40.0, "Total"), (450.0, "Rp 277.500")],
        &[(
            40.0,
            "Terbilang: Dua ratus tujuh puluh tujuh ribu lima ratus rupiah",
        )],
        &[(40.0, "Bank: Mandiri")],
        &[(40.0, "No. Rekening: 1300012345678")],
        &[(40.0, "Atas Nama: CV SINAR TERANG")],
    ];
    let extraction = simple(&rows, &[]);
    let (document, _) = read(&extraction);
    assert_values(
        &document,
        &[
            ("number", "045/ST/I/2024"),
            ("invoice_date", "2024-01-05"),
            ("due_date", "2024-02-04"),
            ("vendor.name", "CV SINAR TERANG"),
            ("vendor.address", "Jl. Pemuda 10, Semarang"),
            ("customer.name", "Toko Makmur"),
            ("customer.address", "Jl. Pandanaran 1"),
            ("items[0].quantity", "10"),
            ("items[0].unit_price", "25000"),
            ("items[0].total", "250000"),
            ("vat", "27500"),
            ("total", "277500"),
            ("currency", "Rp"),
            (
                "total_in_words",
                "Dua ratus tujuh puluh tujuh ribu lima ratus rupiah",
            ),
            ("payment_banks[0].account_number", "1300012345678"),
            ("payment_banks[0].account_name", "CV SINAR TERANG"),
        ],
    );
}
