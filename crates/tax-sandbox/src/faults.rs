//! Fault rules: which requests misbehave, how, and how often.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::Provider;

/// A way for the sandbox to misbehave.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Waits this long before answering normally. Unlike the other faults it does not end rule
    /// evaluation: later rules may still apply to the same request.
    Latency(Duration),
    /// Throttling in the provider's shape: GLAIR 429 `{"message":"Too Many Requests"}`,
    /// OnlinePajak 429 `{"message":"API rate limit exceeded"}`, Huawei 429 `APIG.0308`,
    /// DeepFinch **403** `RATE_LIMIT_EXCEEDED`.
    RateLimited {
        /// Sent as `Retry-After` (whole seconds, rounded up) when set.
        retry_after: Option<Duration>,
    },
    /// 500 in the provider's shape (GLAIR gateway `{message}`, OnlinePajak `{code, message}`,
    /// Huawei `ModelArts.4505`, DeepFinch `INTERNAL_ERROR`).
    ServerError {
        /// Sent as `Retry-After` when set.
        retry_after: Option<Duration>,
    },
    /// 503 in the provider's shape (Huawei `ModelArts.4403`).
    ServiceUnavailable {
        /// Sent as `Retry-After` when set.
        retry_after: Option<Duration>,
    },
    /// 502 with an HTML page instead of JSON, as an API gateway sends it.
    BadGatewayHtml,
    /// 200 with `Content-Type: application/json` and a body that is not valid JSON.
    MalformedJson,
    /// The normal response, but with a `Content-Length` larger than the bytes sent; the
    /// connection then closes.
    TruncatedBody,
    /// The connection is closed without any response; the request is not handled.
    ConnectionReset,
    /// The request is handled (an OnlinePajak invoice is stored, for example), then the
    /// connection is closed without any response: the client cannot tell whether it worked.
    ConnectionResetAfterHandling,
    /// The normal response, with its body sent in small pieces and a pause before each.
    SlowBody {
        /// Bytes per piece (at least 1).
        chunk_size: usize,
        /// Pause before each piece.
        chunk_delay: Duration,
    },
}

/// Which requests a rule applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Target {
    /// Every request.
    Any,
    /// Every route of one provider (see [`Provider::from_path`]).
    Provider(Provider),
    /// Requests whose path starts with this prefix, e.g. `/ocr/v1/npwp`.
    PathPrefix(String),
}

impl Target {
    fn matches(&self, provider: Option<Provider>, path: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Provider(wanted) => provider == Some(*wanted),
            Self::PathPrefix(prefix) => path.starts_with(prefix.as_str()),
        }
    }
}

/// How often a matching rule fires.
#[derive(Debug, Clone, PartialEq)]
enum Trigger {
    Always,
    Times(u32),
    Probability(f64),
}

/// A fault applied to the requests of a [`Target`]: always, a number of times, or with a
/// probability drawn from the sandbox's seeded RNG.
///
/// Rules are checked in the order they were added; the first matching rule that fires decides
/// the response (after every firing [`Fault::Latency`] rule has added its delay).
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRule {
    target: Target,
    fault: Fault,
    trigger: Trigger,
}

impl FaultRule {
    /// A rule that fires on every matching request.
    pub fn new(target: Target, fault: Fault) -> Self {
        Self {
            target,
            fault,
            trigger: Trigger::Always,
        }
    }

    /// Fires on the next `times` matching requests only, then is removed.
    pub fn times(mut self, times: u32) -> Self {
        self.trigger = Trigger::Times(times);
        self
    }

    /// Fires on each matching request with this probability (clamped to 0..=1), drawn from
    /// the seeded RNG so that a given seed and request sequence always give the same faults.
    pub fn with_probability(mut self, probability: f64) -> Self {
        self.trigger = Trigger::Probability(probability.clamp(0.0, 1.0));
        self
    }

    /// The fault this rule injects.
    pub fn fault(&self) -> &Fault {
        &self.fault
    }

    /// The requests this rule applies to.
    pub fn target(&self) -> &Target {
        &self.target
    }
}

/// What to do with one request.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct FaultDecision {
    /// Total delay before answering.
    pub(crate) delay: Duration,
    /// The fault that replaces or alters the response, if any.
    pub(crate) fault: Option<Fault>,
}

/// The active rules and the seeded RNG.
#[derive(Debug)]
pub(crate) struct FaultPlan {
    rules: Mutex<Vec<FaultRule>>,
    rng: Mutex<fastrand::Rng>,
}

impl FaultPlan {
    pub(crate) fn new(seed: u64, rules: Vec<FaultRule>) -> Self {
        Self {
            rules: Mutex::new(rules),
            rng: Mutex::new(fastrand::Rng::with_seed(seed)),
        }
    }

    pub(crate) fn push(&self, rule: FaultRule) {
        self.rules
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(rule);
    }

    pub(crate) fn clear(&self) {
        self.rules
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// Evaluates the rules for a request, counting down `times` rules that fire.
    pub(crate) fn decide(&self, path: &str) -> FaultDecision {
        let provider = Provider::from_path(path);
        let mut rules = self.rules.lock().unwrap_or_else(PoisonError::into_inner);
        let mut rng = self.rng.lock().unwrap_or_else(PoisonError::into_inner);
        let mut decision = FaultDecision::default();
        for rule in rules.iter_mut() {
            if !rule.target.matches(provider, path) {
                continue;
            }
            let fires = match &mut rule.trigger {
                Trigger::Always => true,
                Trigger::Times(0) => false,
                Trigger::Times(remaining) => {
                    *remaining -= 1;
                    true
                }
                Trigger::Probability(probability) => rng.f64() < *probability,
            };
            if !fires {
                continue;
            }
            match &rule.fault {
                Fault::Latency(delay) => decision.delay = decision.delay.saturating_add(*delay),
                fault => {
                    decision.fault = Some(fault.clone());
                    break;
                }
            }
        }
        rules.retain(|rule| rule.trigger != Trigger::Times(0));
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_counts_down_and_rules_apply_in_order() {
        let plan = FaultPlan::new(
            1,
            vec![
                FaultRule::new(Target::Provider(Provider::Glair), Fault::BadGatewayHtml).times(1),
                FaultRule::new(Target::Any, Fault::MalformedJson).times(2),
            ],
        );
        assert_eq!(
            plan.decide("/ocr/v1/npwp").fault,
            Some(Fault::BadGatewayHtml)
        );
        assert_eq!(
            plan.decide("/ocr/v1/npwp").fault,
            Some(Fault::MalformedJson)
        );
        assert_eq!(
            plan.decide("/v3/auth/tokens").fault,
            Some(Fault::MalformedJson)
        );
        assert_eq!(plan.decide("/ocr/v1/npwp").fault, None);
    }

    #[test]
    fn latency_accumulates_and_does_not_stop_evaluation() {
        let plan = FaultPlan::new(
            1,
            vec![
                FaultRule::new(Target::Any, Fault::Latency(Duration::from_millis(5))),
                FaultRule::new(
                    Target::PathPrefix("/marketplace".to_owned()),
                    Fault::Latency(Duration::from_millis(7)),
                ),
                FaultRule::new(
                    Target::Provider(Provider::OnlinePajak),
                    Fault::ConnectionReset,
                ),
            ],
        );
        let decision = plan.decide("/marketplace/v1/invoices");
        assert_eq!(decision.delay, Duration::from_millis(12));
        assert_eq!(decision.fault, Some(Fault::ConnectionReset));
        let other = plan.decide("/ocr/value_add_tax_invoice");
        assert_eq!(other.delay, Duration::from_millis(5));
        assert_eq!(other.fault, None);
    }

    #[test]
    fn probabilistic_rules_repeat_for_a_seed() {
        let outcomes = |seed| {
            let rule = FaultRule::new(Target::Any, Fault::MalformedJson).with_probability(0.5);
            let plan = FaultPlan::new(seed, vec![rule]);
            (0..64)
                .map(|_| plan.decide("/ocr/v1/npwp").fault.is_some())
                .collect::<Vec<_>>()
        };
        let first = outcomes(42);
        assert_eq!(first, outcomes(42));
        assert!(first.iter().any(|fired| *fired));
        assert!(first.iter().any(|fired| !*fired));
    }
}
