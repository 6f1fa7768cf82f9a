//! The retry loop on tokio's paused clock: which errors are retried, how often, and how the
//! waits respect `Retry-After` and the deadlines.

use std::cell::Cell;
use std::time::Duration;

use proptest::prelude::*;
use tax_facade::retry::{Backoff, Jitter, Retrier, RetryConfig, RetryPolicy, TimeoutConfig};
use tax_facade::{Error, ErrorKind};
use tokio::time::Instant;

fn retrier(max_attempts: u32) -> Retrier {
    Retrier::new(
        RetryConfig::default().with_max_attempts(max_attempts),
        TimeoutConfig::default(),
    )
    .with_seed(7)
}

#[tokio::test(start_paused = true)]
async fn retryable_errors_are_retried_until_success() {
    let calls = Cell::new(0);
    let outcome = retrier(5)
        .run(|attempt| {
            calls.set(calls.get() + 1);
            async move {
                if attempt < 3 {
                    Err(Error::new(ErrorKind::RateLimited, "slow down"))
                } else {
                    Ok(attempt)
                }
            }
        })
        .await;
    assert_eq!(outcome.result.unwrap(), 3);
    assert_eq!(outcome.attempts, 3);
    assert_eq!(calls.get(), 3);
}

#[tokio::test(start_paused = true)]
async fn non_retryable_errors_stop_at_the_first_attempt() {
    let outcome = retrier(5)
        .run(|_| async { Err::<(), _>(Error::new(ErrorKind::Unauthenticated, "bad key")) })
        .await;
    assert_eq!(outcome.attempts, 1);
    assert_eq!(
        outcome.result.unwrap_err().kind(),
        ErrorKind::Unauthenticated
    );
}

#[tokio::test(start_paused = true)]
async fn the_last_error_is_returned_after_the_last_attempt() {
    let outcome = retrier(3)
        .run(|attempt| async move {
            Err::<(), _>(Error::new(ErrorKind::Transport, format!("reset {attempt}")))
        })
        .await;
    assert_eq!(outcome.attempts, 3);
    assert_eq!(outcome.result.unwrap_err().message(), "reset 3");
}

#[tokio::test(start_paused = true)]
async fn retry_after_is_waited_out_before_the_next_attempt() {
    let started = Instant::now();
    let second_attempt_at = Cell::new(None);
    let outcome = retrier(2)
        .run(|attempt| {
            if attempt == 2 {
                second_attempt_at.set(Some(Instant::now()));
            }
            async move {
                if attempt == 1 {
                    Err(Error::new(ErrorKind::RateLimited, "busy")
                        .with_retry_after(Duration::from_secs(30)))
                } else {
                    Ok(())
                }
            }
        })
        .await;
    assert!(outcome.result.is_ok());
    let waited = second_attempt_at.get().unwrap() - started;
    assert!(waited >= Duration::from_secs(30), "waited {waited:?}");
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_beyond_the_total_timeout_ends_the_retries() {
    let timeouts = TimeoutConfig::default().with_total(Some(Duration::from_secs(10)));
    let outcome = Retrier::new(RetryConfig::default().with_max_attempts(5), timeouts)
        .run(|_| async {
            Err::<(), _>(
                Error::new(ErrorKind::RateLimited, "come back in an hour")
                    .with_retry_after(Duration::from_secs(3600)),
            )
        })
        .await;
    assert_eq!(outcome.attempts, 1);
    assert_eq!(outcome.result.unwrap_err().kind(), ErrorKind::RateLimited);
}

#[tokio::test(start_paused = true)]
async fn a_hanging_attempt_times_out_and_is_retried() {
    let timeouts = TimeoutConfig::default().with_per_attempt(Some(Duration::from_secs(5)));
    let outcome = Retrier::new(RetryConfig::default().with_max_attempts(3), timeouts)
        .with_seed(1)
        .run(|attempt| async move {
            if attempt == 1 {
                std::future::pending::<()>().await;
            }
            Ok(attempt)
        })
        .await;
    assert_eq!(outcome.result.unwrap(), 2);
    assert_eq!(outcome.attempts, 2);
}

#[tokio::test(start_paused = true)]
async fn the_total_timeout_bounds_every_attempt() {
    let timeouts = TimeoutConfig::default()
        .with_per_attempt(Some(Duration::from_secs(60)))
        .with_total(Some(Duration::from_secs(90)));
    let started = Instant::now();
    let outcome = Retrier::new(RetryConfig::default().with_max_attempts(10), timeouts)
        .with_seed(3)
        .run(|_| std::future::pending::<Result<(), Error>>())
        .await;
    let error = outcome.result.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(outcome.attempts >= 2, "attempts {}", outcome.attempts);
    assert!(started.elapsed() <= Duration::from_secs(90));
}

#[tokio::test(start_paused = true)]
async fn filings_are_retried_only_when_the_request_was_not_sent() {
    let policy_run = |policy, not_sent: bool| async move {
        Retrier::new(RetryConfig::default(), TimeoutConfig::default())
            .with_policy(policy)
            .with_seed(5)
            .run(|_| async move {
                let error = Error::new(ErrorKind::Transport, "connection failed");
                Err::<(), _>(if not_sent {
                    error.with_not_sent()
                } else {
                    error
                })
            })
            .await
            .attempts
    };
    assert_eq!(policy_run(RetryPolicy::OnlyBeforeSend, false).await, 1);
    assert_eq!(policy_run(RetryPolicy::OnlyBeforeSend, true).await, 3);
    assert_eq!(policy_run(RetryPolicy::Never, true).await, 1);
    assert_eq!(policy_run(RetryPolicy::Idempotent, false).await, 3);
}

proptest! {
    #[test]
    fn backoff_delays_stay_within_zero_and_the_maximum(
        initial_ms in 0u64..5_000,
        max_ms in 0u64..60_000,
        multiplier in 1u32..10,
        attempt in 1u32..100,
        seed in any::<u64>(),
    ) {
        let config = RetryConfig::default()
            .with_initial_backoff(Duration::from_millis(initial_ms))
            .with_max_backoff(Duration::from_millis(max_ms))
            .with_multiplier(multiplier);
        let mut backoff = Backoff::with_seed(&config, seed);
        let delay = backoff.delay_after(attempt);
        prop_assert!(delay <= Duration::from_millis(max_ms));
        prop_assert!(delay <= backoff.bound_after(attempt));
        let exact = Backoff::with_seed(&config.with_jitter(Jitter::None), seed).delay_after(attempt);
        prop_assert_eq!(exact, backoff.bound_after(attempt));
    }

    #[test]
    fn the_retry_loop_never_exceeds_max_attempts(
        max_attempts in 1u32..8,
        failures in 0u32..12,
        seed in any::<u64>(),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        let calls = Cell::new(0u32);
        let outcome = runtime.block_on(
            Retrier::new(
                RetryConfig::default().with_max_attempts(max_attempts),
                TimeoutConfig::disabled(),
            )
            .with_seed(seed)
            .run(|attempt| {
                calls.set(calls.get() + 1);
                async move {
                    if attempt <= failures {
                        Err(Error::new(ErrorKind::Transport, "flaky"))
                    } else {
                        Ok(())
                    }
                }
            }),
        );
        prop_assert!(outcome.attempts <= max_attempts);
        prop_assert_eq!(outcome.attempts, calls.get());
        prop_assert_eq!(outcome.result.is_ok(), failures < max_attempts);
    }
}
