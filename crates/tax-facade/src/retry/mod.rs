//! Retries with exponential backoff and jitter, per-attempt and total timeouts.
//!
//! [`Retrier::run`] drives an async operation: it retries only errors that are retryable under
//! the operation's [`RetryPolicy`], waits the longer of the backoff delay and the provider's
//! `Retry-After` hint, limits each attempt with the per-attempt timeout, and never runs past the
//! total deadline: when the next wait would cross it, the last error is returned instead.
//! Time is tokio's, so tests run on a paused clock.

mod backoff;
mod config;

pub use backoff::Backoff;
pub use config::{Jitter, RetryConfig, RetryPolicy, TimeoutConfig};

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

use crate::error::{Error, ErrorKind};

/// The result of a retried operation and how much it took.
#[derive(Debug)]
pub struct RetryOutcome<T> {
    /// The successful value, or the last error.
    pub result: Result<T, Error>,
    /// How many attempts were started (at least 1 unless the total timeout was zero).
    pub attempts: u32,
    /// Time from the start of the first attempt to the end of the last one.
    pub elapsed: Duration,
}

/// Runs operations under one retry configuration, timeout configuration and policy.
///
/// ```
/// use tax_facade::retry::{Retrier, RetryConfig, TimeoutConfig};
/// use tax_facade::{Error, ErrorKind};
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let retrier = Retrier::new(RetryConfig::default(), TimeoutConfig::default()).with_seed(1);
/// let outcome = retrier
///     .run(|attempt| async move {
///         if attempt < 2 {
///             Err(Error::new(ErrorKind::Transport, "connection reset"))
///         } else {
///             Ok("read")
///         }
///     })
///     .await;
/// assert_eq!(outcome.result.unwrap(), "read");
/// assert_eq!(outcome.attempts, 2);
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Retrier {
    config: RetryConfig,
    timeouts: TimeoutConfig,
    policy: RetryPolicy,
    seed: Option<u64>,
}

impl Retrier {
    /// A retrier for idempotent operations.
    pub fn new(config: RetryConfig, timeouts: TimeoutConfig) -> Self {
        Self {
            config,
            timeouts,
            policy: RetryPolicy::Idempotent,
            seed: None,
        }
    }

    /// Sets whether the operation may be repeated (see [`RetryPolicy`]).
    #[must_use]
    pub fn with_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Seeds the jitter so that delays are reproducible (for tests).
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Runs `operation`, passing it the 1-based attempt number, until it succeeds, fails with
    /// an error that may not be retried, runs out of attempts, or runs out of time.
    pub async fn run<T, F, Fut>(&self, mut operation: F) -> RetryOutcome<T>
    where
        F: FnMut(u32) -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let start = Instant::now();
        let deadline = self.timeouts.total().and_then(|t| start.checked_add(t));
        let mut backoff = match self.seed {
            Some(seed) => Backoff::with_seed(&self.config, seed),
            None => Backoff::new(&self.config),
        };
        let mut attempts = 0;
        let result = loop {
            let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if remaining == Some(Duration::ZERO) {
                break Err(Error::new(
                    ErrorKind::Timeout,
                    "the total timeout elapsed before an attempt could start",
                )
                .with_retryable(false));
            }
            attempts += 1;
            let limit = match (self.timeouts.per_attempt(), remaining) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let result = match limit {
                Some(limit) => tokio::time::timeout(limit, operation(attempts))
                    .await
                    .unwrap_or_else(|_| {
                        Err(Error::new(
                            ErrorKind::Timeout,
                            format!("attempt {attempts} timed out after {limit:?}"),
                        ))
                    }),
                None => operation(attempts).await,
            };
            let error = match result {
                Ok(value) => break Ok(value),
                Err(error) => error,
            };
            if attempts >= self.config.max_attempts() || !self.policy.allows_retry_of(&error) {
                break Err(error);
            }
            let delay = backoff
                .delay_after(attempts)
                .max(error.retry_after().unwrap_or(Duration::ZERO));
            let crosses_deadline = deadline.is_some_and(|deadline| {
                Instant::now()
                    .checked_add(delay)
                    .is_none_or(|resume| resume >= deadline)
            });
            if crosses_deadline {
                break Err(error);
            }
            tokio::time::sleep(delay).await;
        };
        RetryOutcome {
            result,
            attempts,
            elapsed: start.elapsed(),
        }
    }
}

/// Runs `operation` under `config` and `timeouts` as an idempotent operation; shorthand for
/// [`Retrier::run`].
pub async fn retry<T, F, Fut>(
    config: &RetryConfig,
    timeouts: &TimeoutConfig,
    operation: F,
) -> RetryOutcome<T>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    Retrier::new(config.clone(), *timeouts).run(operation).await
}
