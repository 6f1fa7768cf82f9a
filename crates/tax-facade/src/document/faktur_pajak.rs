//! An Indonesian VAT invoice (Faktur Pajak), as printed by DJP e-Faktur or Coretax.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tax_core::Rupiah;
use tax_core::id::{FakturNumber, Nik, Nitku, Npwp};

use super::{Field, FieldList, named_fields};

/// A Faktur Pajak: its serial number, the seller (Pengusaha Kena Pajak), the buyer, the item
/// lines, the totals block and the signature block.
///
/// Both printed layouts map onto this type: the DJP e-Faktur layout used until 2024 (15-digit
/// NPWP, number `010.000-24.00000001`) and the Coretax layout used since 2025 (16-digit NPWP,
/// NITKU, 17-digit number, item codes and the DPP Nilai Lain column).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct FakturPajak {
    /// Kode dan Nomor Seri Faktur Pajak.
    pub number: Field<FakturNumber>,
    /// The seller (Pengusaha Kena Pajak).
    pub seller: FakturParty,
    /// The buyer (Pembeli Barang Kena Pajak / Penerima Jasa Kena Pajak).
    pub buyer: FakturParty,
    /// The goods and services lines.
    pub items: Vec<FakturItem>,
    /// Harga Jual / Penggantian / Uang Muka / Termin: the sum of the lines.
    pub sales_price: Field<Rupiah>,
    /// Dikurangi Potongan Harga: the discount.
    pub discount: Field<Rupiah>,
    /// Dikurangi Uang Muka yang telah diterima: down payments already invoiced.
    pub down_payment: Field<Rupiah>,
    /// Dasar Pengenaan Pajak (DPP): the tax base.
    pub tax_base: Field<Rupiah>,
    /// DPP Nilai Lain: the other tax base (11/12 of the tax base since 2025), when printed.
    pub other_tax_base: Field<Rupiah>,
    /// PPN (Pajak Pertambahan Nilai): the VAT.
    pub vat: Field<Rupiah>,
    /// PPnBM (Pajak Penjualan atas Barang Mewah): the luxury-goods sales tax.
    pub luxury_tax: Field<Rupiah>,
    /// The place of signing (`JAKARTA SELATAN`).
    pub place: Field<String>,
    /// The invoice date printed beside the place.
    pub date: Field<NaiveDate>,
    /// The name of the signer.
    pub signer: Field<String>,
    /// The DJP validation URL carried by the QR code.
    pub validation_url: Field<String>,
}

/// The seller or the buyer of a Faktur Pajak.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct FakturParty {
    /// Nama.
    pub name: Field<String>,
    /// Alamat.
    pub address: Field<String>,
    /// NPWP (15 digits on e-Faktur, 16 on Coretax; all zeros when the buyer has none).
    pub npwp: Field<Npwp>,
    /// NIK, for buyers identified by their identity card.
    pub nik: Field<Nik>,
    /// NITKU (22 digits, Coretax): the place of business.
    pub nitku: Field<Nitku>,
    /// Nomor Paspor, for foreign buyers.
    pub passport: Field<String>,
    /// Email, when printed (Coretax).
    pub email: Field<String>,
}

/// One goods or services line of a Faktur Pajak.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct FakturItem {
    /// Kode Barang/Jasa (Coretax): the goods or services code.
    pub code: Field<String>,
    /// Nama Barang Kena Pajak / Jasa Kena Pajak.
    pub name: Field<String>,
    /// Quantity, from the `Rp price x quantity unit` line.
    pub quantity: Field<Decimal>,
    /// Unit of quantity.
    pub unit: Field<String>,
    /// Price per unit.
    pub unit_price: Field<Rupiah>,
    /// The line's discount (Potongan Harga).
    pub discount: Field<Rupiah>,
    /// Harga Jual / Penggantian / Uang Muka / Termin of the line.
    pub total: Field<Rupiah>,
}

impl FakturPajak {
    /// Every field with its path.
    pub fn fields(&self) -> FieldList<'_> {
        let mut list: FieldList<'_> = named_fields!("", self, [number]);
        for (prefix, party) in [("seller", &self.seller), ("buyer", &self.buyer)] {
            list.extend(named_fields!(
                prefix,
                party,
                [name, address, npwp, nik, nitku, passport, email]
            ));
        }
        for (index, item) in self.items.iter().enumerate() {
            let prefix = format!("items[{index}]");
            list.extend(named_fields!(
                &prefix,
                item,
                [code, name, quantity, unit, unit_price, discount, total]
            ));
        }
        list.extend(named_fields!(
            "",
            self,
            [
                sales_price,
                discount,
                down_payment,
                tax_base,
                other_tax_base,
                vat,
                luxury_tax,
                place,
                date,
                signer,
                validation_url
            ]
        ));
        list
    }
}
