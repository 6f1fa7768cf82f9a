//! Which kind of document a text layer and its QR codes show.
//!
//! - Faktur Pajak: the title `Faktur Pajak` with the label `Kode dan Nomor Seri`, or a DJP
//!   validation URL in a QR code;
//! - Chinese VAT invoice: `发票` with `发票号码` or `开票日期`, or a QR code holding an invoice
//!   payload;
//! - commercial invoice: a title or label such as `INVOICE`, `Invoice No`, `FAKTUR`,
//!   `Tagihan`, `Nota` together with a total.

use tax_core::cn::QrPayload;

use super::text::normalize;
use crate::document::DocumentKind;

/// What the classifier looks at: the normalized text of every line and the QR payloads.
#[derive(Debug)]
pub(super) struct Evidence {
    text: String,
    qr_texts: Vec<String>,
}

impl Evidence {
    /// Evidence from line texts and QR payloads.
    pub(super) fn new(
        lines: impl IntoIterator<Item = String>,
        qr_texts: impl IntoIterator<Item = String>,
    ) -> Self {
        let text = lines
            .into_iter()
            .map(|line| normalize(&line))
            .collect::<Vec<_>>()
            .join("\n");
        Self {
            text,
            qr_texts: qr_texts.into_iter().collect(),
        }
    }

    fn has(&self, needle: &str) -> bool {
        self.text.contains(needle)
    }

    fn has_any(&self, needles: &[&str]) -> bool {
        needles.iter().any(|needle| self.has(needle))
    }

    /// Whether the text is a Faktur Pajak.
    fn is_faktur_pajak(&self) -> bool {
        (self.has("fakturpajak") && self.has("kodedannomorseri"))
            || (self.text.is_empty() && self.qr_texts.iter().any(|qr| is_djp_url(qr)))
    }

    /// Whether the text (or, without text, a QR code) is a Chinese VAT invoice.
    fn is_cn_vat_invoice(&self) -> bool {
        let qr = self
            .qr_texts
            .iter()
            .any(|text| QrPayload::parse(text).is_ok());
        (self.has("发票") && self.has_any(&["发票号码", "开票日期"]))
            || (self.text.is_empty() && qr)
    }

    /// Whether the text is a commercial invoice.
    fn is_commercial_invoice(&self) -> bool {
        let titled = self.has_any(&[
            "invoice", "faktur", "tagihan", "nota", "kwitansi", "receipt", "bill",
        ]);
        let totaled = self.has_any(&["total", "jumlah", "amount", "subtotal"]);
        titled && totaled
    }
}

/// Whether `text` is a DJP validation URL: `http(s)://…pajak.go.id/…` with digit segments.
pub(super) fn is_djp_url(text: &str) -> bool {
    let text = text.trim().to_ascii_lowercase();
    (text.starts_with("http://") || text.starts_with("https://")) && text.contains("pajak.go.id")
}

/// The kind of document the evidence shows, trying the most specific kinds first.
pub(super) fn classify(evidence: &Evidence) -> Option<DocumentKind> {
    if evidence.is_faktur_pajak() {
        Some(DocumentKind::FakturPajak)
    } else if evidence.is_cn_vat_invoice() {
        Some(DocumentKind::CnVatInvoice)
    } else if evidence.is_commercial_invoice() {
        Some(DocumentKind::CommercialInvoice)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(lines: &[&str], qr: &[&str]) -> Option<DocumentKind> {
        classify(&Evidence::new(
            lines.iter().map(|l| (*l).to_owned()),
            qr.iter().map(|q| (*q).to_owned()),
        ))
    }

    #[test]
    fn kinds_are_told_apart_by_their_labels() {
        assert_eq!(
            kind(
                &["Faktur Pajak", "Kode dan Nomor Seri Faktur Pajak : 010"],
                &[]
            ),
            Some(DocumentKind::FakturPajak)
        );
        assert_eq!(
            kind(&["北京增值税电子普通发票", "发票号码: 12345678"], &[]),
            Some(DocumentKind::CnVatInvoice)
        );
        assert_eq!(
            kind(&["FAKTUR", "No. Invoice: INV/1", "Total Rp 1.000"], &[]),
            Some(DocumentKind::CommercialInvoice)
        );
        assert_eq!(kind(&["Dear customer"], &[]), None);
    }

    #[test]
    fn a_qr_code_alone_identifies_the_kind() {
        assert_eq!(
            kind(&[], &["01,32,,24312000000136634917,0.01,20240514,,1DD6"]),
            Some(DocumentKind::CnVatInvoice)
        );
        assert_eq!(
            kind(
                &[],
                &[
                    "http://svc.efaktur.pajak.go.id/validasi/faktur/010005218093010/0002400000001/ab"
                ]
            ),
            Some(DocumentKind::FakturPajak)
        );
        assert_eq!(kind(&[], &["https://example.com"]), None);
    }
}
