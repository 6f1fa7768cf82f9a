//! The router and the accept loop, with per-connection control for connection resets.

use std::fmt;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, Uri};
use axum::middleware;
use axum::response::Response;
use axum::routing::post;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use serde_json::json;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower_service::Service;

use crate::Provider;
use crate::fault_middleware;
use crate::providers::{deepfinch, glair, huawei, json_response, onlinepajak};
use crate::state::SharedState;

/// Largest accepted request body (Huawei accepts 10 MB of base64 plus the JSON around it).
const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// Pause after a failed `accept` (e.g. too many open files) before trying again.
const ACCEPT_RETRY_DELAY: Duration = Duration::from_millis(10);

/// Response extension asking the connection to close without sending the response.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ResetConnection;

/// The service error that makes the HTTP connection close without a response.
#[derive(Debug)]
struct ConnectionReset;

impl fmt::Display for ConnectionReset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection reset by fault injection")
    }
}

impl std::error::Error for ConnectionReset {}

/// Starts the accept loop; sending `true` on the returned channel (or dropping it) stops it.
pub(crate) fn spawn(
    listener: TcpListener,
    state: SharedState,
) -> (watch::Sender<bool>, JoinHandle<()>) {
    let (shutdown, stopped) = watch::channel(false);
    let task = tokio::spawn(accept_loop(listener, router(state), stopped));
    (shutdown, task)
}

/// Every provider's routes on one router, behind the fault middleware.
fn router(state: SharedState) -> Router {
    Router::new()
        .route("/ocr/v1/npwp", post(glair::read_npwp))
        .route("/ocr/v1/invoice", post(glair::read_invoice))
        .route(
            "/marketplace/v1/invoices",
            post(onlinepajak::create).get(onlinepajak::get),
        )
        .route("/v2/{project_id}/ocr/vat-invoice", post(huawei::recognize))
        .route("/v3/auth/tokens", post(huawei::issue_token))
        .route("/ocr/value_add_tax_invoice", post(deepfinch::recognize))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            fault_middleware::apply,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// 404 in the shape of the provider the path belongs to.
async fn not_found(State(state): State<SharedState>, uri: Uri) -> Response {
    let status = StatusCode::NOT_FOUND;
    match Provider::from_path(uri.path()) {
        Some(Provider::DeepFinch) => json_response(
            status,
            &deepfinch::error_body("NOT_FOUND", "not found", &state.ids.deepfinch()),
        ),
        Some(Provider::Huawei) => json_response(
            status,
            &huawei::error_body(
                "APIG.0101",
                "The API does not exist or has not been published in the environment.",
            ),
        ),
        Some(Provider::OnlinePajak) => onlinepajak::app_error(status, "Resource not found"),
        Some(Provider::Glair) | None => json_response(status, &json!({"message": "Not Found"})),
    }
}

/// Accepts connections until a stop is requested, serving each on its own task.
async fn accept_loop(listener: TcpListener, router: Router, mut stopped: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            () = wait_for_stop(&mut stopped) => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    tokio::spawn(serve_connection(stream, router.clone(), stopped.clone()));
                }
                Err(_) => tokio::time::sleep(ACCEPT_RETRY_DELAY).await,
            },
        }
    }
}

/// Resolves once a stop was requested or the handle is gone.
async fn wait_for_stop(stopped: &mut watch::Receiver<bool>) {
    while !*stopped.borrow_and_update() {
        if stopped.changed().await.is_err() {
            return;
        }
    }
}

/// Serves one HTTP/1.1 connection; a response marked [`ResetConnection`] makes the service
/// fail, which closes the connection without writing anything.
async fn serve_connection(stream: TcpStream, router: Router, mut stopped: watch::Receiver<bool>) {
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        let mut router = router.clone();
        async move {
            let response = match router.call(request).await {
                Ok(response) => response,
                Err(infallible) => match infallible {},
            };
            if response.extensions().get::<ResetConnection>().is_some() {
                return Err(ConnectionReset);
            }
            Ok(response)
        }
    });
    let connection =
        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        // A connection error (client gone, injected reset) ends only this connection.
        _ = connection => {}
        () = wait_for_stop(&mut stopped) => {}
    }
}
