//! Pages per second of the offline reader over the committed corpus: extraction, recognition
//! and validation of every digital PDF under `tests/corpus`, one kind per benchmark.

#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tax_facade::ReadOptions;
use tax_facade::providers::local::LocalReader;

/// The corpus PDFs of one kind directory.
fn pdfs_of(kind: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus")
        .join(kind);
    let mut documents: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
        .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
        .collect();
    documents.sort();
    documents
}

fn local_reader_throughput(criterion: &mut Criterion) {
    let reader = LocalReader::new();
    let reference = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default();
    let options = ReadOptions::default().with_reference_date(reference);
    let mut group = criterion.benchmark_group("local_reader");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for kind in ["faktur_pajak", "cn_vat_invoice", "commercial_invoice"] {
        let documents = pdfs_of(kind);
        if documents.is_empty() {
            continue;
        }
        let pages: usize = documents
            .iter()
            .filter_map(|(_, bytes)| taxdoc_extract::extract(bytes, &Default::default()).ok())
            .map(|extraction| extraction.pages.len())
            .sum();
        group.throughput(Throughput::Elements(pages.max(1) as u64));
        group.bench_function(
            format!("{kind} ({} documents, {pages} pages)", documents.len()),
            |bencher| {
                bencher.iter(|| {
                    for (_, bytes) in &documents {
                        let _ = std::hint::black_box(reader.read_bytes(bytes, &options));
                    }
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, local_reader_throughput);
criterion_main!(benches);
