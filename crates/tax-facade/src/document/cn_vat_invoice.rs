//! A Chinese VAT invoice (增值税发票) as read by OCR.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tax_core::Yuan;
use tax_core::cn::{CheckCode, InvoiceCode, InvoiceNumber, InvoiceType, TaxpayerId, VatRate};

use super::{Field, FieldList, named_fields};

/// A Chinese VAT invoice with every field the OCR providers return.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct CnVatInvoice {
    /// Invoice type (发票种类), as stated by the provider.
    pub invoice_type: Field<InvoiceType>,
    /// Invoice code (发票代码); absent on fully digitalised invoices.
    pub code: Field<InvoiceCode>,
    /// Invoice number (发票号码).
    pub number: Field<InvoiceNumber>,
    /// Issue date (开票日期).
    pub issue_date: Field<NaiveDate>,
    /// Check code (校验码).
    pub check_code: Field<CheckCode>,
    /// Machine number (机器编号).
    pub machine_number: Field<String>,
    /// Buyer (购买方).
    pub buyer: CnVatParty,
    /// Seller (销售方).
    pub seller: CnVatParty,
    /// Goods and services lines.
    pub items: Vec<CnVatItem>,
    /// 合计金额: sum of the line amounts.
    pub subtotal_amount: Field<Yuan>,
    /// 合计税额: sum of the line taxes.
    pub subtotal_tax: Field<Yuan>,
    /// 价税合计(小写).
    pub total: Field<Yuan>,
    /// 价税合计(大写), as printed.
    pub total_in_words: Field<String>,
    /// Remarks (备注).
    pub remarks: Field<String>,
    /// Payee (收款人).
    pub payee: Field<String>,
    /// Reviewer (复核).
    pub reviewer: Field<String>,
    /// Issuer (开票人).
    pub issuer: Field<String>,
}

/// A buyer or seller on a Chinese VAT invoice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct CnVatParty {
    /// Name (名称).
    pub name: Field<String>,
    /// Taxpayer id (纳税人识别号).
    pub tax_id: Field<TaxpayerId>,
    /// Address and phone (地址、电话).
    pub address_phone: Field<String>,
    /// Bank and account (开户行及账号).
    pub bank: Field<String>,
}

/// One goods or services line.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct CnVatItem {
    /// Name of the goods or service.
    pub name: Field<String>,
    /// Specification (规格型号).
    pub specification: Field<String>,
    /// Unit (单位).
    pub unit: Field<String>,
    /// Quantity (数量).
    pub quantity: Field<Decimal>,
    /// Unit price before tax (单价).
    pub unit_price: Field<Decimal>,
    /// Amount before tax (金额).
    pub amount: Field<Yuan>,
    /// Rate (税率).
    pub tax_rate: Field<VatRate>,
    /// Tax (税额).
    pub tax: Field<Yuan>,
}

impl CnVatInvoice {
    /// Every field with its path.
    pub fn fields(&self) -> FieldList<'_> {
        let mut list: FieldList<'_> = named_fields!(
            "",
            self,
            [
                invoice_type,
                code,
                number,
                issue_date,
                check_code,
                machine_number
            ]
        );
        for (prefix, party) in [("buyer", &self.buyer), ("seller", &self.seller)] {
            list.extend(named_fields!(
                prefix,
                party,
                [name, tax_id, address_phone, bank]
            ));
        }
        for (index, item) in self.items.iter().enumerate() {
            let prefix = format!("items[{index}]");
            list.extend(named_fields!(
                &prefix,
                item,
                [
                    name,
                    specification,
                    unit,
                    quantity,
                    unit_price,
                    amount,
                    tax_rate,
                    tax
                ]
            ));
        }
        list.extend(named_fields!(
            "",
            self,
            [
                subtotal_amount,
                subtotal_tax,
                total,
                total_in_words,
                remarks,
                payee,
                reviewer,
                issuer
            ]
        ));
        list
    }
}
