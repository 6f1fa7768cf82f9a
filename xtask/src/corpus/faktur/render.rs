//! The printed pages of a Faktur Pajak in the e-Faktur and Coretax layouts.

use anyhow::Result;
use tax_core::Rupiah;

use super::super::canvas::{Face, PAGE_WIDTH, Page, wrap};
use super::super::flow::Flow;
use super::super::format::{id_amount, id_long_date, id_quantity};
use super::super::qr::{self, Matrix, QrStyle};
use super::model::{Faktur, FakturLayout, FakturParty};

/// Visual variations between renderings of the same layout.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FakturLook {
    /// Body typeface (Helvetica, Times or Courier).
    pub(crate) face: Face,
    /// Horizontal shift of the whole page content.
    pub(crate) x_shift: f32,
    /// Distance from a label to its colon.
    pub(crate) label_gap: f32,
    /// QR drawing style.
    pub(crate) qr_style: QrStyle,
    /// QR side in points.
    pub(crate) qr_size: f32,
    /// QR rotation in degrees.
    pub(crate) qr_angle: f32,
}

/// Layout geometry derived from the look.
#[derive(Debug, Clone, Copy)]
struct Grid {
    face: Face,
    bold: Face,
    size: f32,
    line: f32,
    left: f32,
    right: f32,
    colon: f32,
}

impl Grid {
    fn new(look: &FakturLook) -> Self {
        let size = if look.face == Face::Courier { 7.5 } else { 8.5 };
        Self {
            face: look.face,
            bold: if look.face == Face::Helvetica {
                Face::HelveticaBold
            } else {
                look.face
            },
            size,
            line: size + 2.5,
            left: 40.0 + look.x_shift,
            right: PAGE_WIDTH - 40.0 + look.x_shift,
            colon: 40.0 + look.x_shift + look.label_gap,
        }
    }

    fn value_x(&self) -> f32 {
        self.colon + 8.0
    }
}

/// Renders `faktur` into pages.
pub(crate) fn render(faktur: &Faktur, look: &FakturLook) -> Result<Vec<Page>> {
    let grid = Grid::new(look);
    let coretax = faktur.layout == FakturLayout::Coretax;
    let mut flow = Flow::new(45.0, 805.0);
    let matrix = Matrix::encode(&faktur.validation_url)?;
    let qr_x = grid.right - look.qr_size;
    flow.page().marks.push(qr::mark(
        &matrix,
        look.qr_style,
        qr_x,
        30.0,
        look.qr_size,
        look.qr_angle,
    ));
    flow.page()
        .text(grid.left, 60.0, 14.0, grid.bold, "Faktur Pajak");
    flow.y = 50.0 + look.qr_size.max(50.0);

    let number_label = if coretax {
        "Kode dan Nomor Seri Faktur Pajak:"
    } else {
        "Kode dan Nomor Seri Faktur Pajak :"
    };
    let y = flow.y;
    let page = flow.page();
    page.text(grid.left, y, grid.size, grid.face, number_label);
    page.text(
        grid.left + 170.0,
        y,
        grid.size,
        grid.bold,
        &faktur.printed_number,
    );
    flow.advance(grid.line * 1.8);

    let seller_heading = if coretax {
        "Pengusaha Kena Pajak:"
    } else {
        "Pengusaha Kena Pajak"
    };
    heading(&mut flow, &grid, seller_heading);
    party(&mut flow, &grid, &faktur.seller, false, coretax);
    let buyer_heading = if coretax {
        "Pembeli Barang Kena Pajak/Penerima Jasa Kena Pajak:"
    } else {
        "Pembeli Barang Kena Pajak / Penerima Jasa Kena Pajak"
    };
    heading(&mut flow, &grid, buyer_heading);
    party(&mut flow, &grid, &faktur.buyer, true, coretax);
    flow.advance(grid.line * 0.5);

    table_header(&mut flow, &grid, coretax);
    for (index, item) in faktur.items.iter().enumerate() {
        let name_x = name_column(&grid, coretax);
        let name_width = grid.right - 110.0 - name_x;
        let name_lines = wrap(&item.name, grid.face, grid.size, name_width);
        let height = grid.line * (name_lines.len() + 3) as f32 + 3.0;
        if !flow.fits(height) {
            flow.break_page();
            table_header(&mut flow, &grid, coretax);
        }
        let y = flow.y;
        let page = flow.page();
        page.text(grid.left, y, grid.size, grid.face, &(index + 1).to_string());
        if let Some(code) = &item.code {
            page.text(grid.left + 22.0, y, grid.size, grid.face, code);
        }
        page.text_right(
            grid.right,
            y,
            grid.size,
            grid.face,
            &id_amount(item.total.amount()),
        );
        let mut line_y = y;
        for line in &name_lines {
            page.text(name_x, line_y, grid.size, grid.face, line);
            line_y += grid.line;
        }
        let quantity = id_quantity(item.quantity, !coretax);
        let detail = format!(
            "Rp {} x {quantity} {}",
            id_amount(item.unit_price.amount()),
            item.unit
        );
        page.text(name_x, line_y, grid.size, grid.face, &detail);
        let discount = format!("Potongan Harga = Rp {}", id_amount(item.discount.amount()));
        page.text(name_x, line_y + grid.line, grid.size, grid.face, &discount);
        page.text(
            name_x,
            line_y + 2.0 * grid.line,
            grid.size,
            grid.face,
            "PPnBM (0,00%) = Rp 0,00",
        );
        page.rule(grid.left, grid.right, y + height - grid.line + 1.0);
        flow.advance(height);
    }

    let totals = totals(faktur);
    let closing_height = grid.line * (totals.len() as f32 + 12.0);
    if !flow.fits(closing_height) {
        flow.break_page();
    }
    flow.advance(grid.line * 0.5);
    for (label, amount) in &totals {
        let y = flow.y;
        let page = flow.page();
        page.text(grid.left, y, grid.size, grid.face, label);
        page.text_right(
            grid.right,
            y,
            grid.size,
            grid.face,
            &id_amount(amount.amount()),
        );
        flow.advance(grid.line);
    }
    flow.advance(grid.line);
    closing(&mut flow, &grid, faktur, coretax);
    Ok(flow.pages)
}

fn name_column(grid: &Grid, coretax: bool) -> f32 {
    grid.left + if coretax { 80.0 } else { 25.0 }
}

fn heading(flow: &mut Flow, grid: &Grid, text: &str) {
    let y = flow.y;
    flow.page().text(grid.left, y, grid.size, grid.bold, text);
    flow.advance(grid.line * 1.2);
}

fn labelled(flow: &mut Flow, grid: &Grid, label: &str, value: &str) {
    let width = grid.right - grid.value_x();
    let lines = wrap(value, grid.face, grid.size, width.min(330.0));
    let y = flow.y;
    let page = flow.page();
    page.text(grid.left, y, grid.size, grid.face, label);
    page.text(grid.colon, y, grid.size, grid.face, ":");
    for (index, line) in lines.iter().enumerate() {
        page.text(
            grid.value_x(),
            y + grid.line * index as f32,
            grid.size,
            grid.face,
            line,
        );
    }
    flow.advance(grid.line * lines.len().max(1) as f32);
}

fn party(flow: &mut Flow, grid: &Grid, party: &FakturParty, buyer: bool, coretax: bool) {
    labelled(flow, grid, "Nama", &party.name);
    labelled(flow, grid, "Alamat", &party.address);
    labelled(flow, grid, "NPWP", &party.npwp.to_string());
    if !buyer {
        flow.advance(grid.line * 0.5);
        return;
    }
    if coretax {
        let nik = party
            .nik
            .as_ref()
            .map_or_else(|| "-".to_owned(), |n| n.to_string());
        let passport = party.passport.clone().unwrap_or_else(|| "-".to_owned());
        let y = flow.y;
        let page = flow.page();
        page.text(grid.left, y, grid.size, grid.face, "NIK");
        page.text(grid.colon, y, grid.size, grid.face, ":");
        page.text(grid.value_x(), y, grid.size, grid.face, &nik);
        page.text(grid.left + 230.0, y, grid.size, grid.face, "Nomor Paspor :");
        page.text(grid.left + 300.0, y, grid.size, grid.face, &passport);
        page.text(
            grid.left + 370.0,
            y,
            grid.size,
            grid.face,
            "Identitas Lain :",
        );
        page.text(grid.left + 440.0, y, grid.size, grid.face, "-");
        flow.advance(grid.line);
        labelled(flow, grid, "Email", party.email.as_deref().unwrap_or("-"));
        let nitku = party
            .nitku
            .as_ref()
            .map_or_else(|| "-".to_owned(), |n| n.to_string());
        labelled(flow, grid, "NITKU", &nitku);
    } else {
        if let Some(nik) = &party.nik {
            labelled(flow, grid, "NIK", &nik.to_string());
        }
        if let Some(passport) = &party.passport {
            labelled(flow, grid, "Nomor Paspor", passport);
        }
    }
    flow.advance(grid.line * 0.5);
}

fn table_header(flow: &mut Flow, grid: &Grid, coretax: bool) {
    let size = grid.size - 0.5;
    let y = flow.y;
    let page = flow.page();
    page.rule(grid.left, grid.right, y - grid.line + 1.0);
    page.text(grid.left, y, size, grid.bold, "No.");
    if coretax {
        page.text(grid.left + 22.0, y, size, grid.bold, "Kode Barang/Jasa");
    }
    let name_x = name_column(grid, coretax) + if coretax { 12.0 } else { 0.0 };
    page.text(
        name_x,
        y,
        size,
        grid.bold,
        "Nama Barang Kena Pajak / Jasa Kena Pajak",
    );
    page.text_right(grid.right, y, size, grid.bold, "Harga Jual / Penggantian /");
    page.text_right(
        grid.right,
        y + grid.line,
        size,
        grid.bold,
        "Uang Muka / Termin (Rp)",
    );
    page.rule(grid.left, grid.right, y + grid.line + 3.0);
    flow.advance(grid.line * 2.0 + 4.0);
}

fn totals(faktur: &Faktur) -> Vec<(&'static str, Rupiah)> {
    let mut rows = vec![
        (
            "Harga Jual / Penggantian / Uang Muka / Termin",
            faktur.sales_price,
        ),
        ("Dikurangi Potongan Harga", faktur.discount),
        (
            "Dikurangi Uang Muka yang telah diterima",
            faktur.down_payment,
        ),
        ("Dasar Pengenaan Pajak", faktur.tax_base),
    ];
    match (faktur.layout, faktur.other_tax_base) {
        (FakturLayout::Coretax, other) => {
            rows.push(("DPP Nilai Lain", other.unwrap_or(faktur.tax_base)));
            rows.push(("Jumlah PPN (Pajak Pertambahan Nilai)", faktur.vat));
            rows.push((
                "Jumlah PPnBM (Pajak Penjualan atas Barang Mewah)",
                faktur.luxury_tax,
            ));
        }
        (FakturLayout::Efaktur, _) => {
            rows.push(("Total PPN", faktur.vat));
            rows.push((
                "Total PPnBM (Pajak Penjualan Barang Mewah)",
                faktur.luxury_tax,
            ));
        }
    }
    rows
}

const BOILERPLATE: &str = "Sesuai dengan ketentuan yang berlaku, Direktorat Jenderal Pajak mengatur bahwa Faktur Pajak ini telah ditandatangani secara elektronik sehingga tidak diperlukan tanda tangan basah pada Faktur Pajak ini.";

fn closing(flow: &mut Flow, grid: &Grid, faktur: &Faktur, coretax: bool) {
    let small = grid.size - 1.0;
    if !coretax {
        for line in wrap(BOILERPLATE, grid.face, small, grid.right - grid.left) {
            let y = flow.y;
            flow.page().text(grid.left, y, small, grid.face, &line);
            flow.advance(small + 3.0);
        }
        flow.advance(grid.line);
    }
    let x = grid.left + 320.0;
    let y = flow.y;
    let place_date = format!("{}, {}", faktur.place, id_long_date(faktur.date));
    let page = flow.page();
    page.text(x, y, grid.size, grid.face, &place_date);
    if coretax {
        page.text(
            x,
            y + grid.line * 1.5,
            small,
            grid.face,
            "Ditandatangani secara elektronik",
        );
    }
    page.text(x, y + grid.line * 4.0, grid.size, grid.face, &faktur.signer);
    flow.advance(grid.line * 5.0);
}
