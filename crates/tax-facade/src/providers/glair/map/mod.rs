//! Pure mapping of GLAIR Vision responses onto the normalized [`Document`](crate::Document).
//!
//! Nothing here performs I/O: each function takes the decoded wire type and returns the
//! document together with the findings collected while mapping (values kept as raw text,
//! confidences clamped, the provider's own notes about the reading).

mod invoice;
mod location;
mod npwp;
mod outcome;

pub(crate) use invoice::commercial_invoice;
pub(crate) use npwp::npwp_card;
pub(crate) use outcome::check_read_status;

/// Codes of the findings this module adds to those of [`crate::validate::rules`].
pub mod rules {
    /// GLAIR read the file but reported that some fields are invalid ("File successfully
    /// read. Some fields are invalid."), which it does for images that are not of the
    /// expected kind.
    pub const FIELDS_INVALID: &str = "glair.fields_invalid";
    /// GLAIR answered `200` with a `status` this SDK does not know, but with a reading; the
    /// reading was mapped and should be checked.
    pub const UNKNOWN_STATUS: &str = "glair.unknown_status";
    /// GLAIR returned fields the normalized document has no place for (shipping and
    /// remittance addresses, payment terms, keys newer than this SDK); they are listed in an
    /// info finding instead of being dropped silently.
    pub const UNMAPPED: &str = "glair.unmapped";
}

/// Lists `keys` in a [`rules::UNMAPPED`] info finding, if there are any.
fn report_unmapped(keys: Vec<String>, findings: &mut tax_core::ValidationReport) {
    if !keys.is_empty() {
        findings.info(
            "",
            rules::UNMAPPED,
            format!("not part of the normalized document: {}", keys.join(", ")),
        );
    }
}
