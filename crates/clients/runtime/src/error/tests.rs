use super::*;

#[derive(Debug, Clone, PartialEq)]
struct Envelope {
    status: String,
    request_id: Option<String>,
}

impl ErrorEnvelope for Envelope {
    const REQUEST_ID_HEADER: Option<&'static str> = Some("Request-Id");

    fn code(&self) -> Option<String> {
        Some(self.status.clone())
    }

    fn body_request_id(&self) -> Option<String> {
        self.request_id.clone()
    }

    fn is_throttled(&self) -> bool {
        self.status == "RATE_LIMIT_EXCEEDED"
    }
}

fn response(status: u16, headers: &[(&str, &str)], body: &'static str) -> reqwest::Response {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    reqwest::Response::from(builder.body(body).unwrap())
}

#[test]
fn documented_error_keeps_status_envelope_and_header_request_id() {
    let mut headers = HeaderMap::new();
    headers.insert("request-id", "hdr-1".parse().unwrap());
    let envelope = Envelope {
        status: "NO_FILE".into(),
        request_id: Some("body-1".into()),
    };
    let value =
        progenitor_client::ResponseValue::new(envelope.clone(), StatusCode::BAD_REQUEST, headers);
    let error = ApiError::from(progenitor_client::Error::ErrorResponse(value));
    assert_eq!(error.kind(), ErrorKind::HttpStatus);
    assert_eq!(error.status(), Some(StatusCode::BAD_REQUEST));
    assert_eq!(error.request_id(), Some("hdr-1"));
    assert_eq!(error.envelope(), Some(&envelope));
    assert_eq!(error.code().as_deref(), Some("NO_FILE"));
    assert_eq!(error.message(), None);
    assert!(!error.is_retryable());
    let text = error.to_string();
    assert!(
        text.contains("400") && text.contains("NO_FILE") && text.contains("hdr-1"),
        "{text}"
    );
}

#[test]
fn body_request_id_is_used_when_no_header_carries_one() {
    let envelope = Envelope {
        status: "RATE_LIMIT_EXCEEDED".into(),
        request_id: Some("TID9".into()),
    };
    let value =
        progenitor_client::ResponseValue::new(envelope, StatusCode::FORBIDDEN, HeaderMap::new());
    let error = ApiError::from(progenitor_client::Error::ErrorResponse(value));
    assert_eq!(error.request_id(), Some("TID9"));
    assert!(
        error.is_retryable(),
        "a throttling envelope on 403 is retryable"
    );
}

#[tokio::test]
async fn undocumented_html_body_keeps_status_and_a_scrubbed_excerpt() {
    let body = "<html>502 Bad Gateway <a href=\"/x?api_key=planted-secret-77\">retry</a></html>";
    let raw = response(502, &[("Request-Id", "gw-2")], body);
    let error: ApiError<Envelope> =
        ApiError::from_progenitor(progenitor_client::Error::UnexpectedResponse(raw)).await;
    assert_eq!(error.kind(), ErrorKind::HttpStatus);
    assert_eq!(error.status(), Some(StatusCode::BAD_GATEWAY));
    assert_eq!(error.request_id(), Some("gw-2"));
    assert!(error.envelope().is_none());
    let excerpt = error.body_excerpt().unwrap();
    assert!(excerpt.starts_with("<html>502 Bad Gateway"), "{excerpt}");
    assert!(error.is_retryable());
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("planted-secret-77"), "{shown}");
}

#[tokio::test]
async fn excerpt_is_capped() {
    let body: &'static str = Box::leak("x".repeat(4 * BODY_EXCERPT_LIMIT).into_boxed_str());
    let error: ApiError<Envelope> = ApiError::from_progenitor(
        progenitor_client::Error::UnexpectedResponse(response(500, &[], body)),
    )
    .await;
    assert_eq!(error.body_excerpt().map(str::len), Some(BODY_EXCERPT_LIMIT));
}

#[test]
fn undocumented_success_status_is_an_unexpected_body() {
    let error: ApiError<Envelope> =
        progenitor_client::Error::UnexpectedResponse(response(202, &[], "{}")).into();
    assert_eq!(error.kind(), ErrorKind::UnexpectedBody);
    assert_eq!(error.status(), Some(StatusCode::ACCEPTED));
    assert!(error.body_excerpt().is_none());
}

#[test]
fn invalid_payload_keeps_an_excerpt() {
    let parse_error = serde_json::from_str::<u8>("\"x\"").unwrap_err();
    let error: ApiError<Envelope> = progenitor_client::Error::InvalidResponsePayload(
        Bytes::from_static(b"{\"token=abc\"}"),
        parse_error,
    )
    .into();
    assert_eq!(error.kind(), ErrorKind::UnexpectedBody);
    assert_eq!(error.body_excerpt(), Some("{\"token=REDACTED\"}"));
}

#[test]
fn hook_messages_keep_their_kind_and_scrub_removes_known_values() {
    let custom: ApiError<Envelope> =
        progenitor_client::Error::Custom("response body too large".into()).into();
    assert_eq!(custom.kind(), ErrorKind::Other);
    let error: ApiError<Envelope> = progenitor_client::Error::InvalidRequest(
        "credential sk-planted is not a header value".into(),
    )
    .into();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    let error = error.scrub(&["sk-planted"]);
    assert!(!format!("{error} {error:?}").contains("sk-planted"));
}

#[tokio::test]
async fn connection_refused_hides_secret_query_parameters() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = format!("http://127.0.0.1:{port}/v1/invoices?user_id=5&api_key=planted-key-3141");
    let transport = reqwest::Client::new().get(url).send().await.unwrap_err();
    let error: ApiError<Envelope> = progenitor_client::Error::CommunicationError(transport).into();
    assert_eq!(error.kind(), ErrorKind::Connect);
    assert!(error.is_retryable());
    let shown = format!("{error} {error:?} {:?}", std::error::Error::source(&error));
    assert!(!shown.contains("planted-key-3141"), "{shown}");
    assert!(shown.contains("user_id=5"), "{shown}");
}

#[test]
fn api_error_can_cross_threads_and_box_into_dyn_error() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<ApiError<Envelope>>();
    let error: ApiError<Envelope> = progenitor_client::Error::InvalidRequest("x".into()).into();
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(error);
    assert!(boxed.to_string().starts_with("invalid request"));
}
