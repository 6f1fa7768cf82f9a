//! Retry and timeout settings as plain values, with documented defaults.

use std::time::Duration;

/// How delays between attempts are randomised.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Jitter {
    /// "Full jitter": each delay is drawn uniformly from zero to the exponential bound, which
    /// spreads out clients that failed together.
    #[default]
    Full,
    /// No randomness: each delay is exactly the exponential bound.
    None,
}

/// How often and how patiently a failed operation is retried.
///
/// Defaults: 3 attempts in total, first backoff 200 ms, doubling each time, capped at 10 s,
/// with [`Jitter::Full`].
///
/// ```
/// use std::time::Duration;
/// use tax_facade::retry::RetryConfig;
///
/// let config = RetryConfig::default()
///     .with_max_attempts(5)
///     .with_initial_backoff(Duration::from_millis(50));
/// assert_eq!(config.max_attempts(), 5);
/// assert_eq!(RetryConfig::disabled().max_attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryConfig {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    multiplier: u32,
    jitter: Jitter,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            multiplier: 2,
            jitter: Jitter::Full,
        }
    }
}

impl RetryConfig {
    /// A configuration that makes exactly one attempt.
    pub fn disabled() -> Self {
        Self::default().with_max_attempts(1)
    }

    /// Sets the total number of attempts, the first one included (at least 1).
    #[must_use]
    pub fn with_max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// Sets the bound of the first backoff.
    #[must_use]
    pub fn with_initial_backoff(mut self, initial_backoff: Duration) -> Self {
        self.initial_backoff = initial_backoff;
        self
    }

    /// Sets the largest backoff between two attempts.
    #[must_use]
    pub fn with_max_backoff(mut self, max_backoff: Duration) -> Self {
        self.max_backoff = max_backoff;
        self
    }

    /// Sets the factor by which the backoff bound grows after each attempt (at least 1).
    #[must_use]
    pub fn with_multiplier(mut self, multiplier: u32) -> Self {
        self.multiplier = multiplier.max(1);
        self
    }

    /// Sets how delays are randomised.
    #[must_use]
    pub fn with_jitter(mut self, jitter: Jitter) -> Self {
        self.jitter = jitter;
        self
    }

    /// Total number of attempts, the first one included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Bound of the first backoff.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// Largest backoff between two attempts.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// Growth factor of the backoff bound.
    pub fn multiplier(&self) -> u32 {
        self.multiplier
    }

    /// How delays are randomised.
    pub fn jitter(&self) -> Jitter {
        self.jitter
    }
}

/// Time limits for a provider call. `None` means no limit.
///
/// Defaults: connect 10 s, each attempt 60 s, the whole operation (all attempts and the waits
/// between them) 180 s.
///
/// ```
/// use std::time::Duration;
/// use tax_facade::retry::TimeoutConfig;
///
/// let config = TimeoutConfig::default().with_per_attempt(Some(Duration::from_secs(5)));
/// assert_eq!(config.per_attempt(), Some(Duration::from_secs(5)));
/// assert_eq!(config.total(), Some(Duration::from_secs(180)));
/// assert_eq!(TimeoutConfig::disabled().total(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeoutConfig {
    connect: Option<Duration>,
    per_attempt: Option<Duration>,
    total: Option<Duration>,
}

impl Default for TimeoutConfig {
    fn default() -> Self {
        Self {
            connect: Some(Duration::from_secs(10)),
            per_attempt: Some(Duration::from_secs(60)),
            total: Some(Duration::from_secs(180)),
        }
    }
}

impl TimeoutConfig {
    /// No time limits at all.
    pub fn disabled() -> Self {
        Self {
            connect: None,
            per_attempt: None,
            total: None,
        }
    }

    /// Sets the limit for opening a connection (applied by the HTTP client).
    #[must_use]
    pub fn with_connect(mut self, connect: Option<Duration>) -> Self {
        self.connect = connect;
        self
    }

    /// Sets the limit for one attempt, from sending the request to reading the response.
    #[must_use]
    pub fn with_per_attempt(mut self, per_attempt: Option<Duration>) -> Self {
        self.per_attempt = per_attempt;
        self
    }

    /// Sets the limit for the whole operation, retries and waits included.
    #[must_use]
    pub fn with_total(mut self, total: Option<Duration>) -> Self {
        self.total = total;
        self
    }

    /// Limit for opening a connection.
    pub fn connect(&self) -> Option<Duration> {
        self.connect
    }

    /// Limit for one attempt.
    pub fn per_attempt(&self) -> Option<Duration> {
        self.per_attempt
    }

    /// Limit for the whole operation.
    pub fn total(&self) -> Option<Duration> {
        self.total
    }
}

/// Whether an operation may be sent again after a failure.
///
/// Reading a document has no side effects, so a read may be retried whenever the error is
/// retryable ([`RetryPolicy::Idempotent`]). Filing an invoice does: if the first request reached
/// the provider but its response was lost, sending it again may file the invoice twice. Such
/// operations use [`RetryPolicy::OnlyBeforeSend`] (retry only errors known to have happened
/// before the request left, see [`Error::is_not_sent`](crate::Error::is_not_sent)) or
/// [`RetryPolicy::Never`]; a filing whose outcome is unknown must be looked up before it is
/// ever sent again.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RetryPolicy {
    /// Safe to repeat: retry every retryable error.
    #[default]
    Idempotent,
    /// Not safe to repeat: retry only retryable errors raised before the request was sent.
    OnlyBeforeSend,
    /// Never retry.
    Never,
}

impl RetryPolicy {
    /// Whether `error` may be retried under this policy.
    pub fn allows_retry_of(self, error: &crate::Error) -> bool {
        match self {
            Self::Idempotent => error.is_retryable(),
            Self::OnlyBeforeSend => error.is_retryable() && error.is_not_sent(),
            Self::Never => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn setters_clamp_nonsensical_values() {
        let config = RetryConfig::default()
            .with_max_attempts(0)
            .with_multiplier(0);
        assert_eq!(config.max_attempts(), 1);
        assert_eq!(config.multiplier(), 1);
    }

    #[test]
    fn policies_decide_by_retryability_and_sending() {
        let sent = crate::Error::new(ErrorKind::Transport, "reset");
        let unsent = crate::Error::new(ErrorKind::Transport, "refused").with_not_sent();
        let permanent = crate::Error::new(ErrorKind::InvalidInput, "bad").with_not_sent();
        assert!(RetryPolicy::Idempotent.allows_retry_of(&sent));
        assert!(!RetryPolicy::OnlyBeforeSend.allows_retry_of(&sent));
        assert!(RetryPolicy::OnlyBeforeSend.allows_retry_of(&unsent));
        assert!(!RetryPolicy::OnlyBeforeSend.allows_retry_of(&permanent));
        assert!(!RetryPolicy::Never.allows_retry_of(&unsent));
    }
}
