//! The `status` and `reason` of a `200` response.

use tax_core::ValidationReport;

use super::rules;
use crate::error::{Error, ErrorKind};
use crate::provider::ProviderId;
use crate::providers::glair::errors::{
    FAILED, FILE_INVALID_FORMAT, NO_FILE, SUCCESS, status_table,
};

/// GLAIR's reason for a file that was read although it is not of the expected kind.
const FIELDS_INVALID_REASON: &str = "some fields are invalid";

/// The documented statuses that mean nothing was read.
const FAILURE_STATUSES: [&str; 3] = [NO_FILE, FILE_INVALID_FORMAT, FAILED];

/// Decides what a `200` response's `status` means for the read:
///
/// - `SUCCESS` maps the reading. When the reason says "Some fields are invalid." (GLAIR's
///   answer to an image that is not of the expected kind) a
///   [`glair.fields_invalid`](rules::FIELDS_INVALID) warning is added: the image was read,
///   it just did not contain the document, which is a finding and not an error.
/// - `NO_FILE`, `FILE_INVALID_FORMAT` and `FAILED` are errors classified like the same codes
///   on an error status (see [`status_table`]), keeping HTTP status 200 and the reason.
/// - Any other status with a reading maps the reading with a
///   [`glair.unknown_status`](rules::UNKNOWN_STATUS) warning, since the open set of statuses
///   may grow; without a reading it is [`ErrorKind::UnexpectedResponse`].
pub(crate) fn check_read_status(
    status: &str,
    reason: Option<&str>,
    has_reading: bool,
    findings: &mut ValidationReport,
) -> Result<(), Error> {
    let reason_text = reason.unwrap_or("no reason given");
    if status == SUCCESS {
        if reason.is_some_and(|reason| reason.to_lowercase().contains(FIELDS_INVALID_REASON)) {
            findings.warning(
                "",
                rules::FIELDS_INVALID,
                format!("GLAIR Vision read the file but reported: {reason_text}"),
            );
        }
        return Ok(());
    }
    if FAILURE_STATUSES.contains(&status) {
        return Err(status_table().error(Some(200), Some(status), reason_text));
    }
    if has_reading {
        findings.warning(
            "",
            rules::UNKNOWN_STATUS,
            format!("GLAIR Vision answered with the unknown status {status:?} ({reason_text}); the reading was kept"),
        );
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::UnexpectedResponse,
        format!("GLAIR Vision answered with the unknown status {status:?} and no reading ({reason_text})"),
    )
    .with_provider(ProviderId::Glair)
    .with_status(200)
    .with_code(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_with_invalid_fields_is_a_finding() {
        let mut findings = ValidationReport::new();
        check_read_status(SUCCESS, Some("File Successfully Read"), true, &mut findings).unwrap();
        assert!(findings.is_empty());
        let reason = Some("File successfully read. Some fields are invalid.");
        check_read_status(SUCCESS, reason, true, &mut findings).unwrap();
        assert!(findings.contains_rule(rules::FIELDS_INVALID));
    }

    #[test]
    fn documented_failure_statuses_are_errors() {
        let mut findings = ValidationReport::new();
        for (status, kind) in [
            (FAILED, ErrorKind::ProviderRejected),
            (NO_FILE, ErrorKind::InvalidInput),
            (FILE_INVALID_FORMAT, ErrorKind::InvalidInput),
        ] {
            let error = check_read_status(status, Some("why"), true, &mut findings).unwrap_err();
            assert_eq!(error.kind(), kind, "{status}");
            assert!(!error.is_retryable());
            assert_eq!(error.status(), Some(200));
            assert_eq!(error.code(), Some(status));
            assert_eq!(error.message(), "why");
        }
        assert!(findings.is_empty());
    }

    #[test]
    fn unknown_statuses_keep_a_reading_or_fail_without_one() {
        let mut findings = ValidationReport::new();
        check_read_status("PARTIAL", None, true, &mut findings).unwrap();
        assert!(findings.contains_rule(rules::UNKNOWN_STATUS));
        let error = check_read_status("PARTIAL", None, false, &mut findings).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::UnexpectedResponse);
        assert_eq!(error.code(), Some("PARTIAL"));
    }
}
