//! Applies the fault rules to each request, rendering faults in the provider's own shape.

use std::io;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::json;

use crate::Provider;
use crate::faults::Fault;
use crate::providers::{deepfinch, huawei, json_response, onlinepajak, with_header};
use crate::server::ResetConnection;
use crate::state::SharedState;

/// The page an API gateway sends when its backend is unreachable.
const BAD_GATEWAY_PAGE: &str = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 - Bad Gateway</h1></body></html>";

/// A JSON document cut off in the middle.
const MALFORMED_JSON: &str = r#"{"status": "OK", "result": {"type": "spe"#;

/// How long a truncated response waits after its partial body, so that the bytes reach the
/// client before the connection closes.
const TRUNCATION_FLUSH_DELAY: Duration = Duration::from_millis(50);

/// Provider-shaped error kinds a fault can produce.
#[derive(Debug, Clone, Copy)]
enum ErrorKind {
    RateLimited,
    ServerError,
    ServiceUnavailable,
}

/// Middleware: waits for latency faults, then answers with the selected fault or the route.
pub(crate) async fn apply(
    State(state): State<SharedState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let decision = state.faults.decide(&path);
    if !decision.delay.is_zero() {
        tokio::time::sleep(decision.delay).await;
    }
    let provider = Provider::from_path(&path);
    let Some(fault) = decision.fault else {
        return next.run(request).await;
    };
    match fault {
        Fault::Latency(_) => next.run(request).await,
        Fault::RateLimited { retry_after } => {
            shaped_error(&state, provider, ErrorKind::RateLimited, retry_after)
        }
        Fault::ServerError { retry_after } => {
            shaped_error(&state, provider, ErrorKind::ServerError, retry_after)
        }
        Fault::ServiceUnavailable { retry_after } => {
            shaped_error(&state, provider, ErrorKind::ServiceUnavailable, retry_after)
        }
        Fault::BadGatewayHtml => (
            StatusCode::BAD_GATEWAY,
            [(CONTENT_TYPE, HeaderValue::from_static("text/html"))],
            BAD_GATEWAY_PAGE,
        )
            .into_response(),
        Fault::MalformedJson => (
            StatusCode::OK,
            [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
            MALFORMED_JSON,
        )
            .into_response(),
        Fault::ConnectionReset => reset(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        Fault::ConnectionResetAfterHandling => reset(next.run(request).await),
        Fault::TruncatedBody => truncate(next.run(request).await).await,
        Fault::SlowBody {
            chunk_size,
            chunk_delay,
        } => trickle(next.run(request).await, chunk_size, chunk_delay).await,
    }
}

/// Marks a response so that the connection closes instead of sending it.
fn reset(mut response: Response) -> Response {
    response.extensions_mut().insert(ResetConnection);
    response
}

/// The provider's own body and status for an error kind.
fn shaped_error(
    state: &SharedState,
    provider: Option<Provider>,
    kind: ErrorKind,
    retry_after: Option<Duration>,
) -> Response {
    let response = match provider {
        Some(Provider::Glair) => {
            let (status, message) = match kind {
                ErrorKind::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "Too Many Requests"),
                ErrorKind::ServerError => {
                    (StatusCode::INTERNAL_SERVER_ERROR, "Internal server error")
                }
                ErrorKind::ServiceUnavailable => {
                    (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable")
                }
            };
            let response = json_response(status, &json!({ "message": message }));
            with_header(response, "request-id", &state.ids.uuid())
        }
        Some(Provider::OnlinePajak) => match kind {
            ErrorKind::RateLimited => json_response(
                StatusCode::TOO_MANY_REQUESTS,
                &json!({"message": "API rate limit exceeded"}),
            ),
            ErrorKind::ServerError => onlinepajak::app_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The API encountered a fatal error",
            ),
            ErrorKind::ServiceUnavailable => onlinepajak::app_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "Service temporarily unavailable",
            ),
        },
        Some(Provider::Huawei) => {
            let (status, body) = match kind {
                ErrorKind::RateLimited => (
                    StatusCode::TOO_MANY_REQUESTS,
                    huawei::error_body(
                        "APIG.0308",
                        "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute",
                    ),
                ),
                ErrorKind::ServerError => (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    huawei::error_body("ModelArts.4505", "Backend internal error."),
                ),
                ErrorKind::ServiceUnavailable => (
                    StatusCode::SERVICE_UNAVAILABLE,
                    huawei::error_body("ModelArts.4403", "Backend unavailable."),
                ),
            };
            with_header(
                json_response(status, &body),
                "x-request-id",
                &state.ids.huawei(),
            )
        }
        Some(Provider::DeepFinch) => {
            let request_id = state.ids.deepfinch();
            let (status, code, reason) = match kind {
                // DeepFinch reports throttling with 403, not 429.
                ErrorKind::RateLimited => (
                    StatusCode::FORBIDDEN,
                    "RATE_LIMIT_EXCEEDED",
                    "rate limit exceeded",
                ),
                ErrorKind::ServerError => (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "INTERNAL_ERROR",
                    "internal error",
                ),
                ErrorKind::ServiceUnavailable => (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "INTERNAL_ERROR",
                    "service unavailable",
                ),
            };
            json_response(status, &deepfinch::error_body(code, reason, &request_id))
        }
        None => {
            let status = match kind {
                ErrorKind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
                ErrorKind::ServerError => StatusCode::INTERNAL_SERVER_ERROR,
                ErrorKind::ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            };
            let message = status.canonical_reason().unwrap_or("Error");
            json_response(status, &json!({ "message": message }))
        }
    };
    match retry_after {
        Some(delay) => add_retry_after(response, delay),
        None => response,
    }
}

/// `Retry-After` in whole seconds, rounded up.
fn add_retry_after(mut response: Response, delay: Duration) -> Response {
    let seconds = delay.as_secs() + u64::from(delay.subsec_nanos() > 0);
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// The response with its body collected; a body that cannot be read counts as empty.
async fn collect(response: Response) -> (axum::http::response::Parts, Bytes) {
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    (parts, bytes)
}

/// Declares the full length, sends the first half, then ends the body early so the connection
/// closes with the response incomplete.
async fn truncate(response: Response) -> Response {
    let (mut parts, bytes) = collect(response).await;
    let full = if bytes.len() < 2 {
        Bytes::from_static(br#"{"status":"OK"}"#)
    } else {
        bytes
    };
    parts
        .headers
        .insert(CONTENT_LENGTH, HeaderValue::from(full.len()));
    let sent = full.slice(..full.len() / 2);
    let stream = futures::stream::unfold(Some(sent), |pending| async move {
        match pending {
            Some(chunk) => Some((Ok::<Bytes, io::Error>(chunk), None)),
            None => {
                tokio::time::sleep(TRUNCATION_FLUSH_DELAY).await;
                None
            }
        }
    });
    Response::from_parts(parts, Body::from_stream(stream))
}

/// Sends the body in `chunk_size` pieces with `chunk_delay` before each one.
async fn trickle(response: Response, chunk_size: usize, chunk_delay: Duration) -> Response {
    let (mut parts, bytes) = collect(response).await;
    parts
        .headers
        .insert(CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    let chunk_size = chunk_size.max(1);
    let stream = futures::stream::unfold(bytes, move |mut rest| async move {
        if rest.is_empty() {
            return None;
        }
        tokio::time::sleep(chunk_delay).await;
        let chunk = rest.split_to(chunk_size.min(rest.len()));
        Some((Ok::<Bytes, io::Error>(chunk), rest))
    });
    Response::from_parts(parts, Body::from_stream(stream))
}
