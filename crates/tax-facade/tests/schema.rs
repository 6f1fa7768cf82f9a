//! The JSON schema of the document model, as `taxdoc schema` prints it.

use tax_facade::document::{Document, NpwpCard};

#[test]
fn the_schema_describes_every_kind_and_validates_confidence_bounds() {
    let schema = serde_json::to_value(schemars::schema_for!(Document)).unwrap();
    let text = schema.to_string();
    for kind in ["npwp_card", "commercial_invoice", "cn_vat_invoice"] {
        assert!(text.contains(&format!("\"{kind}\"")), "{kind} missing");
    }
    let confidence = &schema["$defs"]["Confidence"];
    assert_eq!(confidence["minimum"], 0.0);
    assert_eq!(confidence["maximum"], 1.0);
}

#[test]
fn a_serialized_document_carries_its_kind_tag_and_omits_empty_fields() {
    let json = serde_json::to_value(Document::NpwpCard(NpwpCard::default())).unwrap();
    assert_eq!(json["kind"], "npwp_card");
    assert_eq!(json["npwp"], serde_json::json!({}));
}
