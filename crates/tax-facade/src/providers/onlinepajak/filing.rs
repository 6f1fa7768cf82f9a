//! Filing without duplicates.
//!
//! OnlinePajak stores a second invoice when the same create request is sent twice, so a
//! create is never repeated blindly. Every filing attempt first looks the invoice number up
//! and creates only when OnlinePajak has no invoice under it; an attempt is therefore safe to
//! repeat and runs under [`RetryPolicy::Idempotent`]. When a create's outcome is unknown (a
//! timeout, a reset connection, a truncated body, a 5xx), the attempt fails as retryable and
//! the next attempt's look-up decides: found means filed, not found means create again. When
//! the attempts run out after such a create, one last look-up settles the outcome.

use std::sync::atomic::{AtomicBool, Ordering};

use onlinepajak_client::types::{CreateInvoiceRequest, GetInvoiceRequest, InvoiceResponse};
use tax_core::id::efaktur::EFakturInvoice;
use tax_core::{Severity, ValidationReport};
use tokio::time::Instant;

use super::OnlinePajakSubmitter;
use super::{errors, map, reconcile};
use crate::error::{Error, ErrorKind};
use crate::provider::ProviderId;
use crate::reader::ResponseMeta;
use crate::retry::{Retrier, RetryOutcome, RetryPolicy};
use crate::submitter::{FiledInvoice, SubmitOptions, SubmitOutcome};

/// An invoice OnlinePajak stored, with the findings of reading its answer.
struct Stored {
    filed: FiledInvoice,
    findings: ValidationReport,
}

/// What one filing attempt found or did.
struct Filed {
    stored: Stored,
    /// The look-up found the invoice before this filing sent any create.
    already_filed: bool,
}

/// State shared by the attempts of one filing.
#[derive(Default)]
struct FilingState {
    /// A create was sent during this filing.
    create_sent: AtomicBool,
    /// The last create sent may have been stored: it neither succeeded nor was rejected.
    outcome_unknown: AtomicBool,
}

impl OnlinePajakSubmitter {
    /// Validates, files (looking up before every create) and reconciles `invoice`.
    pub(super) async fn file(
        &self,
        invoice: &EFakturInvoice,
        options: &SubmitOptions,
    ) -> Result<SubmitOutcome, Error> {
        let mut findings = invoice.validate(&options.rules);
        if findings.has_errors() && !options.file_despite_errors {
            return Err(refusal(&findings));
        }
        let request = map::create_request(invoice)?;
        let start = Instant::now();
        let state = FilingState::default();
        let outcome = self
            .retrier(RetryPolicy::Idempotent)
            .run(|_| self.attempt(&request, &state))
            .await;
        let mut attempts = outcome.attempts;
        let filed = match outcome.result {
            Ok(filed) => filed,
            Err(error) if state.outcome_unknown.load(Ordering::SeqCst) => {
                let settled = self.lookup_with_retries(&request.invoice_number).await;
                attempts += settled.attempts;
                match settled.result {
                    Ok(Some(stored)) => Filed {
                        stored,
                        already_filed: false,
                    },
                    Ok(None) => return Err(error),
                    Err(_) => return Err(unconfirmed(error)),
                }
            }
            Err(error) => return Err(error),
        };
        let Filed {
            stored,
            already_filed,
        } = filed;
        findings.extend(stored.findings);
        reconcile::reconcile(invoice, &stored.filed, &options.rules, &mut findings);
        let meta = ResponseMeta::new(ProviderId::OnlinePajak, attempts, start.elapsed());
        Ok(SubmitOutcome::new(
            stored.filed,
            findings,
            meta,
            already_filed,
        ))
    }

    /// Looks `invoice_number` up, retrying failures that may pass.
    pub(super) async fn find_filed(
        &self,
        invoice_number: &str,
    ) -> Result<Option<FiledInvoice>, Error> {
        self.lookup_with_retries(invoice_number)
            .await
            .result
            .map(|stored| stored.map(|stored| stored.filed))
    }

    fn retrier(&self, policy: RetryPolicy) -> Retrier {
        Retrier::new(self.retry.clone(), self.timeouts).with_policy(policy)
    }

    async fn lookup_with_retries(&self, invoice_number: &str) -> RetryOutcome<Option<Stored>> {
        self.retrier(RetryPolicy::Idempotent)
            .run(|_| self.lookup(invoice_number))
            .await
    }

    /// One attempt: look the number up, and create only when OnlinePajak has no invoice
    /// under it.
    async fn attempt(
        &self,
        request: &CreateInvoiceRequest,
        state: &FilingState,
    ) -> Result<Filed, Error> {
        let sent_before = state.create_sent.load(Ordering::SeqCst);
        if let Some(stored) = self.lookup(&request.invoice_number).await? {
            return Ok(Filed {
                stored,
                already_filed: !sent_before,
            });
        }
        state.create_sent.store(true, Ordering::SeqCst);
        state.outcome_unknown.store(true, Ordering::SeqCst);
        let created = self.create(request).await;
        let unknown = created.as_ref().err().is_some_and(outcome_is_unknown);
        state.outcome_unknown.store(unknown, Ordering::SeqCst);
        match created {
            Ok(stored) => Ok(Filed {
                stored,
                already_filed: false,
            }),
            // The next attempt looks the number up before anything is sent again.
            Err(error) if unknown => Err(error.with_retryable(true)),
            Err(error) => Err(error),
        }
    }

    /// One look-up; OnlinePajak's not-found answer is `Ok(None)`.
    async fn lookup(&self, invoice_number: &str) -> Result<Option<Stored>, Error> {
        let query = GetInvoiceRequest {
            invoice_number: invoice_number.to_owned(),
        };
        match self.client.get_invoice(&self.user_id, &query).await {
            Ok(response) => {
                let stored = stored(response.into_inner(), invoice_number).ok_or_else(|| {
                    unexpected("OnlinePajak answered the look-up without a stored invoice")
                })?;
                Ok(Some(stored))
            }
            Err(error) => {
                let error = onlinepajak_client::InvoiceError::from_progenitor(error).await;
                if errors::is_not_found(&error) {
                    Ok(None)
                } else {
                    Err(errors::convert(error, &[self.api_key.expose()]))
                }
            }
        }
    }

    /// One create request.
    async fn create(&self, request: &CreateInvoiceRequest) -> Result<Stored, Error> {
        match self.client.create_invoice(&self.user_id, request).await {
            Ok(response) => {
                stored(response.into_inner(), &request.invoice_number).ok_or_else(|| {
                    // A success without the invoice may still have stored it.
                    unexpected("OnlinePajak answered the create without the stored invoice")
                        .with_retryable(true)
                })
            }
            Err(error) => {
                let error = onlinepajak_client::InvoiceError::from_progenitor(error).await;
                Err(errors::convert(error, &[self.api_key.expose()]))
            }
        }
    }
}

fn stored(response: InvoiceResponse, invoice_number: &str) -> Option<Stored> {
    let mut findings = ValidationReport::new();
    let invoice = response.response.invoice?;
    let filed = map::filed_invoice(&invoice, invoice_number, &mut findings)?;
    Some(Stored { filed, findings })
}

fn unexpected(message: &str) -> Error {
    Error::new(ErrorKind::UnexpectedResponse, message).with_provider(ProviderId::OnlinePajak)
}

/// Whether a failed create may nevertheless have been stored: it was sent, and OnlinePajak
/// neither refused it (a 4xx) nor is known not to have received it.
fn outcome_is_unknown(error: &Error) -> bool {
    if error.is_not_sent() {
        return false;
    }
    match error.status() {
        Some(status) => !(400..500).contains(&status),
        None => true,
    }
}

/// The error for a create that may have been stored although no look-up could confirm it.
/// Submitting the invoice again is safe: the look-up before the create finds it.
fn unconfirmed(error: Error) -> Error {
    let mut unconfirmed = Error::new(
        error.kind(),
        format!(
            "OnlinePajak may have stored the invoice, but no look-up could confirm it \
             (submitting again looks it up first): {}",
            error.message()
        ),
    )
    .with_retryable(error.is_retryable())
    .with_provider(ProviderId::OnlinePajak);
    if let Some(status) = error.status() {
        unconfirmed = unconfirmed.with_status(status);
    }
    if let Some(code) = error.code() {
        unconfirmed = unconfirmed.with_code(code);
    }
    unconfirmed.with_source(error)
}

/// The error for an invoice whose validation found errors: every error finding, nothing sent.
fn refusal(findings: &ValidationReport) -> Error {
    let errors: Vec<String> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    Error::new(
        ErrorKind::InvalidInput,
        format!(
            "the invoice was not filed: validation found {} error(s): {}",
            errors.len(),
            errors.join("; ")
        ),
    )
    .with_provider(ProviderId::OnlinePajak)
    .with_not_sent()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_refusals_and_unsent_requests_have_a_known_outcome() {
        let base = || Error::new(ErrorKind::Transport, "x");
        assert!(outcome_is_unknown(&base()));
        assert!(!outcome_is_unknown(&base().with_not_sent()));
        assert!(outcome_is_unknown(&base().with_status(500)));
        assert!(outcome_is_unknown(&base().with_status(502)));
        assert!(!outcome_is_unknown(&base().with_status(400)));
        assert!(!outcome_is_unknown(&base().with_status(429)));
        assert!(outcome_is_unknown(&base().with_status(200)));
    }

    #[test]
    fn unconfirmed_creates_keep_the_cause_and_say_so() {
        let cause = Error::new(ErrorKind::Timeout, "attempt 3 timed out").with_status(504);
        let error = unconfirmed(cause);
        assert_eq!(error.kind(), ErrorKind::Timeout);
        assert!(error.is_retryable());
        assert_eq!(error.status(), Some(504));
        assert!(error.message().contains("may have stored"));
        assert!(error.message().contains("attempt 3 timed out"));
        let source = std::error::Error::source(&error).map(ToString::to_string);
        assert!(source.is_some_and(|text| text.contains("attempt 3 timed out")));
    }

    #[test]
    fn refusals_list_every_error_finding_and_are_not_sent() {
        let mut findings = ValidationReport::new();
        findings.error(
            "transactionDetail",
            "efaktur.combination.detail",
            "bad detail",
        );
        findings.warning("counterpartyNpwp", "npwp.checksum", "check digit");
        findings.error("items", "efaktur.items.empty", "no lines");
        let error = refusal(&findings);
        assert_eq!(error.kind(), ErrorKind::InvalidInput);
        assert!(error.is_not_sent());
        assert!(error.message().contains("2 error(s)"));
        assert!(error.message().contains("efaktur.combination.detail"));
        assert!(error.message().contains("efaktur.items.empty"));
        assert!(!error.message().contains("npwp.checksum"));
    }
}
