//! Exponential backoff with jitter.

use std::time::Duration;

use super::config::{Jitter, RetryConfig};

/// Computes the delays between attempts for one [`RetryConfig`].
///
/// The random source is seedable so that tests are deterministic.
///
/// ```
/// use std::time::Duration;
/// use tax_facade::retry::{Backoff, RetryConfig};
///
/// let config = RetryConfig::default();
/// let mut backoff = Backoff::with_seed(&config, 7);
/// let first = backoff.delay_after(1);
/// assert!(first <= Duration::from_millis(200));
/// assert!(backoff.delay_after(30) <= Duration::from_secs(10));
/// ```
#[derive(Debug, Clone)]
pub struct Backoff {
    initial: Duration,
    max: Duration,
    multiplier: u32,
    jitter: Jitter,
    rng: fastrand::Rng,
}

impl Backoff {
    /// A backoff seeded from the operating system's randomness.
    pub fn new(config: &RetryConfig) -> Self {
        Self::with_rng(config, fastrand::Rng::new())
    }

    /// A deterministic backoff for tests.
    pub fn with_seed(config: &RetryConfig, seed: u64) -> Self {
        Self::with_rng(config, fastrand::Rng::with_seed(seed))
    }

    fn with_rng(config: &RetryConfig, rng: fastrand::Rng) -> Self {
        Self {
            initial: config.initial_backoff(),
            max: config.max_backoff(),
            multiplier: config.multiplier(),
            jitter: config.jitter(),
            rng,
        }
    }

    /// The upper bound of the delay after failed attempt number `attempt` (1-based):
    /// `initial × multiplier^(attempt − 1)`, capped at the maximum backoff.
    pub fn bound_after(&self, attempt: u32) -> Duration {
        let mut bound = self.initial.min(self.max);
        for _ in 1..attempt {
            if bound >= self.max {
                break;
            }
            bound = bound.saturating_mul(self.multiplier).min(self.max);
        }
        bound
    }

    /// The delay to wait after failed attempt number `attempt` (1-based).
    pub fn delay_after(&mut self, attempt: u32) -> Duration {
        let bound = self.bound_after(attempt);
        match self.jitter {
            Jitter::None => bound,
            Jitter::Full => {
                let nanos = u64::try_from(bound.as_nanos()).unwrap_or(u64::MAX);
                Duration::from_nanos(self.rng.u64(0..=nanos))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_grow_exponentially_up_to_the_cap() {
        let config = RetryConfig::default()
            .with_initial_backoff(Duration::from_millis(100))
            .with_max_backoff(Duration::from_millis(700))
            .with_jitter(Jitter::None);
        let mut backoff = Backoff::with_seed(&config, 1);
        let delays: Vec<_> = (1..=5)
            .map(|a| backoff.delay_after(a).as_millis())
            .collect();
        assert_eq!(delays, [100, 200, 400, 700, 700]);
    }

    #[test]
    fn same_seed_gives_same_delays() {
        let config = RetryConfig::default();
        let mut a = Backoff::with_seed(&config, 42);
        let mut b = Backoff::with_seed(&config, 42);
        for attempt in 1..6 {
            assert_eq!(a.delay_after(attempt), b.delay_after(attempt));
        }
    }
}
