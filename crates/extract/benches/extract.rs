//! Extraction throughput in pages per second over the documents of `tests/corpus`
//! (or, when there are none, a generated one-page invoice with a vector QR code).

#![allow(missing_docs, clippy::float_arithmetic)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lopdf::Dictionary;
use taxdoc_extract::{ExtractOptions, extract};

/// Every PDF below `dir`, recursively.
fn pdfs_under(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            pdfs_under(&path, found);
        } else if path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"))
        {
            found.push(path);
        }
    }
}

/// A one-page invoice: a dozen labelled lines, a table and a vector QR code.
fn generated_invoice() -> Vec<u8> {
    let mut pdf = support::TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    let mut content = String::from("BT /F1 14 Tf 72 740 Td (Faktur Pajak) Tj ET\n");
    let labels = [
        "Kode dan Nomor Seri Faktur Pajak",
        "Nama",
        "Alamat",
        "NPWP",
        "Nama",
        "Alamat",
        "NPWP",
    ];
    for (row, label) in labels.iter().enumerate() {
        let y = 700 - row * 16;
        content.push_str(&format!(
            "BT /F1 9 Tf 72 {y} Td ({label}) Tj ET BT /F1 9 Tf 250 {y} Td (: VALUE {row} JL. SUDIRMAN NO. 1) Tj ET\n"
        ));
    }
    for row in 0..10 {
        let y = 540 - row * 14;
        content.push_str(&format!(
            "0 g 72 {} 470 0.5 re f BT /F1 9 Tf 80 {y} Td [(Item) -250 ({row})] Tj ET BT /F1 9 Tf 480 {y} Td (1.500.000,00) Tj ET\n",
            y - 4
        ));
    }
    content.push_str(&support::qr_rect_ops(
        "http://svc.efaktur.pajak.go.id/validasi/faktur/010005218093010/0100002400000001/3031",
        460.0,
        780.0,
        2.0,
        true,
    ));
    pdf.page(
        &content,
        support::resources(&[("F1", font)], &[]),
        Dictionary::new(),
    );
    pdf.finish()
}

fn extraction_throughput(criterion: &mut Criterion) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut paths = Vec::new();
    pdfs_under(&corpus, &mut paths);
    let mut documents: Vec<Vec<u8>> = paths
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .collect();
    if documents.is_empty() {
        documents.push(generated_invoice());
    }
    let options = ExtractOptions::default();
    let pages: usize = documents
        .iter()
        .filter_map(|document| extract(document, &options).ok())
        .map(|extraction| extraction.pages.len())
        .sum();
    let mut group = criterion.benchmark_group("extract");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Elements(pages.max(1) as u64));
    group.bench_function(format!("{} documents", documents.len()), |bencher| {
        bencher.iter(|| {
            for document in &documents {
                let _ = std::hint::black_box(extract(document, &options));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, extraction_throughput);
criterion_main!(benches);
