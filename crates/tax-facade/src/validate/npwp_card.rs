//! Checks of an NPWP card.

use tax_core::id::Npwp;
use tax_core::{Severity, ValidationReport};

use super::{Context, rules};
use crate::document::NpwpCard;

pub(super) fn validate(card: &NpwpCard, context: &Context<'_>, report: &mut ValidationReport) {
    context.require(&card.npwp, "npwp", report);
    context.require(&card.name, "name", report);
    if let Some(npwp) = card.npwp.get()
        && !npwp.has_valid_checksum()
    {
        report.add_configured(
            context.config,
            Severity::Warning,
            "npwp",
            Npwp::RULE_CHECKSUM,
            format!("the check digit of {npwp} does not validate"),
        );
    }
    if let Some(nik) = card.nik.get() {
        report.extend_prefixed("nik", nik.validate(context.config));
    }
    let based_on = card.npwp.get().and_then(Npwp::nik);
    if let (Some(based_on), Some(printed)) = (based_on, card.nik.get())
        && based_on != *printed
    {
        report.add_configured(
            context.config,
            Severity::Error,
            "nik",
            rules::NPWP_NIK_MISMATCH,
            format!("the NPWP is based on NIK {based_on}, but the card shows NIK {printed}"),
        );
    }
}
