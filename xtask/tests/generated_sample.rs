//! End-to-end checks of generated code: the sample client generated from
//! `tests/fixtures/sample.yaml` (snapshot `tests/fixtures/sample_generated.rs`, kept fresh by the
//! `sample_snapshot_is_fresh` unit test) is compiled here and exercised against the runtime and
//! a loopback HTTP server.

#[allow(unreachable_pub)]
mod auth {
    /// The sample client's inner type; requests are sent unchanged.
    #[derive(Debug, Clone, Default)]
    pub struct Auth;

    impl progenitor_client::ClientHooks<Auth> for crate::sample::Client {}
}

#[allow(dead_code, unreachable_pub, clippy::all)]
mod sample {
    include!("fixtures/sample_generated.rs");
}

use std::str::FromStr;

use rust_decimal::Decimal;
use sample::types::{ErrorBody, ErrorEnvelope, NpwpRequest, NpwpResponse};
use taxdoc_client_runtime::multipart::FilePart;
use taxdoc_client_runtime::wire::TextOrNumber;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const BIG: &str = "12345678901234567.89";

fn big() -> Decimal {
    Decimal::from_str(BIG).unwrap()
}

#[test]
fn big_numbers_nested_in_structs_with_extra_are_exact() {
    let json = format!(
        r#"{{"status":"SUCCESS","traceId":null,"read":{{"total":{BIG},"npwp":{{"value":{BIG},"confidence":98.5,"box":[1,2]}}}},"surprise":{{"n":{BIG}}}}}"#
    );
    let response: NpwpResponse = serde_json::from_str(&json).unwrap();
    let read = response.read.as_ref().unwrap();
    assert_eq!(read.total.as_ref().unwrap().value(), big());
    let field = read.npwp.as_ref().unwrap();
    assert_eq!(
        field.value.as_ref().and_then(TextOrNumber::as_decimal),
        Some(big())
    );
    assert_eq!(field.extra["box"], serde_json::json!([1, 2]));
    assert!(response.extra.contains_key("surprise"));
    let written = serde_json::to_string(&response).unwrap();
    assert!(written.contains(&format!(r#""total":{BIG}"#)), "{written}");
}

#[test]
fn numeric_strings_stay_strings() {
    let json = r#"{"status":"SUCCESS","traceId":"t","read":{"total":"1100000.50","npwp":{"value":"01.234"}}}"#;
    let response: NpwpResponse = serde_json::from_str(json).unwrap();
    let read = response.read.unwrap();
    assert_eq!(
        read.total.as_ref().unwrap().value(),
        Decimal::new(110_000_050, 2)
    );
    assert_eq!(
        read.npwp.unwrap().value,
        Some(TextOrNumber::Text("01.234".to_owned()))
    );
    assert!(
        serde_json::to_string(&read.total)
            .unwrap()
            .contains("\"1100000.50\"")
    );
}

#[test]
fn generated_deserialize_follows_serde_derive_semantics() {
    let minimal: NpwpResponse = serde_json::from_str(r#"{"status":"OK","traceId":null}"#).unwrap();
    assert_eq!(
        (minimal.read, minimal.tags.len(), minimal.extra.len()),
        (None, 0, 0)
    );
    assert_eq!(
        (minimal.page_count, minimal.trace_id, minimal.request_id),
        (1, None, None)
    );

    let renamed: NpwpResponse =
        serde_json::from_str(r#"{"status":"OK","traceId":"t","requestId":"r","pageCount":3}"#)
            .unwrap();
    assert_eq!(renamed.request_id.as_deref(), Some("r"));
    assert_eq!(
        (renamed.trace_id.as_deref(), renamed.page_count),
        (Some("t"), 3)
    );
    assert!(
        renamed.extra.is_empty(),
        "renamed keys are known keys: {:?}",
        renamed.extra
    );

    let missing = serde_json::from_str::<NpwpResponse>(r#"{"traceId":null}"#).unwrap_err();
    assert!(
        missing.to_string().contains("missing field `status`"),
        "{missing}"
    );
    let missing_nullable = serde_json::from_str::<NpwpResponse>(r#"{"status":"OK"}"#).unwrap_err();
    assert!(
        missing_nullable
            .to_string()
            .contains("missing field `traceId`"),
        "{missing_nullable}"
    );

    let duplicate =
        serde_json::from_str::<NpwpResponse>(r#"{"traceId":null,"status":"A","status":"B"}"#);
    assert!(
        duplicate
            .unwrap_err()
            .to_string()
            .contains("duplicate field `status`")
    );

    let unknown: ErrorEnvelope = serde_json::from_str(r#"{"status":"F","x":1,"x":2}"#).unwrap();
    assert_eq!(
        unknown.extra["x"],
        serde_json::json!(2),
        "last unknown duplicate wins"
    );

    let wrong =
        serde_json::from_str::<NpwpResponse>(r#"{"status":"A","traceId":null,"tags":"no"}"#);
    assert!(wrong.is_err());
    let not_a_map = serde_json::from_str::<NpwpResponse>("[]").unwrap_err();
    assert!(
        not_a_map.to_string().contains("struct NpwpResponse"),
        "{not_a_map}"
    );
}

#[test]
fn untagged_enums_decode_exact_numbers_in_declaration_order() {
    let json = format!(r#"{{"status":"FAILED","code":{BIG}}}"#);
    let ErrorBody::ErrorEnvelope(envelope) = serde_json::from_str(&json).unwrap() else {
        panic!("expected the envelope variant");
    };
    assert_eq!(
        envelope.code.as_ref().and_then(TextOrNumber::as_decimal),
        Some(big())
    );
    let list: ErrorBody = serde_json::from_str(r#"["image is required"]"#).unwrap();
    assert_eq!(list, ErrorBody::Array(vec!["image is required".to_owned()]));
    let neither = serde_json::from_str::<ErrorBody>("42").unwrap_err();
    assert!(
        neither
            .to_string()
            .contains("did not match any variant of untagged enum ErrorBody")
    );
}

/// A complete HTTP/1.1 response with a correct `content-length`.
fn http_response(status: &str, content_type: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\nx-trace: t1\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// Serves one canned response on loopback and returns the raw request it received.
async fn serve_once(response: String) -> (String, tokio::task::JoinHandle<Vec<u8>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handle = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buffer = [0_u8; 4096];
        loop {
            let read = socket.read(&mut buffer).await.unwrap();
            request.extend_from_slice(&buffer[..read]);
            if read == 0 || request_complete(&request) {
                break;
            }
        }
        socket.write_all(response.as_bytes()).await.unwrap();
        socket.shutdown().await.unwrap();
        request
    });
    (url, handle)
}

fn request_complete(request: &[u8]) -> bool {
    let text = String::from_utf8_lossy(request);
    let Some(end) = text.find("\r\n\r\n") else {
        return false;
    };
    let length = text[..end]
        .lines()
        .find_map(|line| {
            line.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_owned())
        })
        .and_then(|value| value.parse::<usize>().ok())
        .unwrap_or(0);
    request.len() >= end + 4 + length
}

fn client(url: &str) -> sample::Client {
    sample::Client::new(url, auth::Auth)
}

#[tokio::test]
async fn multipart_operation_sends_the_file_and_decodes_success() {
    let body = format!(r#"{{"status":"SUCCESS","traceId":null,"read":{{"total":{BIG}}}}}"#);
    let (url, server) = serve_once(http_response("200 OK", "application/json", &body)).await;
    let form = NpwpRequest {
        image: FilePart::new(&b"JPEGDATA"[..], "npwp.jpg", "image/jpeg"),
        note: Some("front".to_owned()),
    };
    let value = client(&url).read_npwp(&form).await.unwrap();
    assert_eq!(value.status().as_u16(), 200);
    assert_eq!(
        value.into_inner().read.unwrap().total.unwrap().value(),
        big()
    );
    let request = String::from_utf8_lossy(&server.await.unwrap()).into_owned();
    assert!(
        request.starts_with("POST /ocr/v1/npwp HTTP/1.1"),
        "{request}"
    );
    assert!(
        request.contains(r#"name="image"; filename="npwp.jpg""#),
        "{request}"
    );
    assert!(
        request.contains("Content-Type: image/jpeg\r\n\r\nJPEGDATA"),
        "{request}"
    );
    assert!(
        request.contains(r#"name="note""#) && request.contains("front"),
        "{request}"
    );
}

#[tokio::test]
async fn documented_error_status_with_html_body_keeps_status_headers_and_bytes() {
    let page = "<html>Bad Request</html>";
    let (url, _server) = serve_once(http_response("400 Bad Request", "text/html", page)).await;
    let form = NpwpRequest {
        image: FilePart::new(&b"x"[..], "a.png", "image/png"),
        note: None,
    };
    let error = client(&url).read_npwp(&form).await.unwrap_err();
    let sample::Error::UnexpectedResponse(response) = error else {
        panic!("{error:?}")
    };
    assert_eq!(response.status().as_u16(), 400);
    assert_eq!(response.headers()["x-trace"], "t1");
    assert_eq!(response.text().await.unwrap(), page);
}

#[tokio::test]
async fn json_operation_error_envelope_becomes_error_response() {
    let envelope = r#"{"status":"FAILED","reason":"no","retry":{"after":12345678901234567.89}}"#;
    let (url, server) =
        serve_once(http_response("404 Not Found", "application/json", envelope)).await;
    let query = sample::types::ItemQuery {
        id: "a1".to_owned(),
    };
    let error = client(&url).get_item("u-1", &query).await.unwrap_err();
    let sample::Error::ErrorResponse(envelope) = error else {
        panic!("{error:?}")
    };
    assert_eq!(envelope.status().as_u16(), 404);
    assert_eq!(envelope.headers()["x-trace"], "t1");
    let ErrorBody::ErrorEnvelope(envelope) = envelope.into_inner() else {
        panic!("expected the envelope variant");
    };
    assert_eq!(envelope.reason.as_deref(), Some("no"));
    assert!(envelope.extra.contains_key("retry"));
    let request = String::from_utf8_lossy(&server.await.unwrap()).into_owned();
    assert!(
        request.starts_with("GET /items?user_id=u-1 HTTP/1.1"),
        "{request}"
    );
    assert!(request.ends_with(r#"{"id":"a1"}"#), "{request}");
}

#[test]
fn invalid_file_content_type_is_an_error() {
    let form = NpwpRequest {
        image: FilePart::new(&b"x"[..], "a", "not a type"),
        note: None,
    };
    assert!(form.to_form().is_err());
}

#[test]
fn colliding_properties_with_one_schema_share_a_field_through_an_alias() {
    let read = |json: &str| {
        serde_json::from_str::<NpwpResponse>(json)
            .unwrap()
            .read
            .unwrap()
    };
    let primary = read(r#"{"status":"S","traceId":null,"read":{"npwp":{"value":"A"}}}"#);
    assert_eq!(
        primary.npwp.unwrap().value,
        Some(TextOrNumber::Text("A".into()))
    );

    // The alias key is read into the same field, exactly.
    let alias = read(&format!(
        r#"{{"status":"S","traceId":null,"read":{{"NPWP":{{"value":{BIG}}}}}}}"#
    ));
    let field = alias.npwp.unwrap();
    assert_eq!(
        field.value.as_ref().and_then(TextOrNumber::as_decimal),
        Some(big())
    );
    assert!(alias.extra.is_empty());

    // Both present: the primary key wins and the alias's value is kept, not lost.
    let both =
        read(r#"{"status":"S","traceId":null,"read":{"NPWP":{"value":"B"},"npwp":{"value":"A"}}}"#);
    assert_eq!(
        both.npwp.unwrap().value,
        Some(TextOrNumber::Text("A".into()))
    );
    assert_eq!(both.extra["NPWP"], serde_json::json!({"value": "B"}));
}
