//! Huawei Cloud: `POST /v2/{project_id}/ocr/vat-invoice` and IAM `POST /v3/auth/tokens`.
//!
//! An `image` that is a digital document (a PDF with a text layer, or an image with a QR
//! code) is answered with the values the offline reader finds in it, or with the recognition
//! error `AIS.0105` when it is not a Chinese VAT invoice; other uploads get the registered
//! fixture or the documented sample.

mod from_document;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use bytes::Bytes;
use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use serde_json::{Value, json};

use super::{json_response, with_header};
use crate::Provider;
use crate::auth::huawei::{ReceivedRequest, authenticate};
use crate::fixtures::{Upload, file_name_of_url};
use crate::local_reading::read_digital_document;
use crate::state::SharedState;

/// A Huawei API-gateway or OCR error body.
pub(crate) fn error_body(code: &str, message: &str) -> Value {
    json!({"error_code": code, "error_msg": message})
}

/// An IAM (OpenStack Keystone style) error body.
fn iam_error(status: StatusCode, message: &str) -> Response {
    let body = json!({"error": {
        "code": status.as_u16(),
        "message": message,
        "title": status.canonical_reason().unwrap_or("Error"),
    }});
    json_response(status, &body)
}

/// `POST /v2/{project_id}/ocr/vat-invoice`.
pub(crate) async fn recognize(
    State(state): State<SharedState>,
    Path(project_id): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request_id = state.ids.huawei();
    let respond = |status: StatusCode, body: &Value| {
        with_header(json_response(status, body), "x-request-id", &request_id)
    };
    let received = ReceivedRequest {
        method: &method,
        uri: &uri,
        headers: &headers,
        body: &body,
    };
    if let Err(rejection) = authenticate(
        &state.credentials.huawei,
        &state.tokens,
        received,
        Utc::now(),
    ) {
        let (code, message) = rejection.code_and_message();
        return respond(StatusCode::UNAUTHORIZED, &error_body(code, &message));
    }
    if project_id != state.credentials.huawei.project_id {
        return respond(
            StatusCode::NOT_FOUND,
            &error_body(
                "APIG.0101",
                "The API does not exist or has not been published in the environment.",
            ),
        );
    }
    let invalid = || {
        respond(
            StatusCode::BAD_REQUEST,
            &error_body("AIS.0101", "The input parameter is invalid."),
        )
    };
    let Ok(request) = serde_json::from_slice::<Value>(&body) else {
        return invalid();
    };
    let text = |name: &str| request.get(name).and_then(Value::as_str);
    let decoded;
    let upload = match (text("image"), text("url")) {
        (Some(image), None) => match STANDARD.decode(image.trim()) {
            Ok(bytes) if !bytes.is_empty() => {
                decoded = bytes;
                Upload {
                    bytes: Some(&decoded),
                    file_name: None,
                }
            }
            _ => {
                return respond(
                    StatusCode::BAD_REQUEST,
                    &error_body(
                        "AIS.0102",
                        "The image format is not supported or the image is not Base64 encoded.",
                    ),
                );
            }
        },
        (None, Some(url)) => Upload {
            bytes: None,
            file_name: file_name_of_url(url),
        },
        _ => return invalid(),
    };
    if let Some(fixture) = state.fixtures.lookup(Provider::Huawei, upload) {
        return respond(StatusCode::OK, &fixture);
    }
    let document = match upload.bytes {
        Some(bytes) => read_digital_document(Bytes::copy_from_slice(bytes)).await,
        None => None,
    };
    let Some(document) = document else {
        return respond(StatusCode::OK, &state.samples.huawei_vat_invoice);
    };
    let advanced_mode = request
        .get("advanced_mode")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    match from_document::vat_invoice_result(&document, advanced_mode) {
        Some(result) => respond(StatusCode::OK, &json!({ "result": result })),
        None => respond(
            StatusCode::BAD_REQUEST,
            &error_body("AIS.0105", "Recognition failed."),
        ),
    }
}

/// The identity and scope of a password token request.
struct TokenRequest<'a> {
    user_name: &'a str,
    password: &'a str,
    domain_name: &'a str,
    project_name: Option<&'a str>,
    project_id: Option<&'a str>,
}

impl<'a> TokenRequest<'a> {
    fn parse(request: &'a Value) -> Option<Self> {
        let text = |pointer: &str| request.pointer(pointer).and_then(Value::as_str);
        let methods = request.pointer("/auth/identity/methods")?.as_array()?;
        if !methods.iter().any(|method| method == "password") {
            return None;
        }
        Some(Self {
            user_name: text("/auth/identity/password/user/name")?,
            password: text("/auth/identity/password/user/password")?,
            domain_name: text("/auth/identity/password/user/domain/name")?,
            project_name: text("/auth/scope/project/name"),
            project_id: text("/auth/scope/project/id"),
        })
    }
}

/// `POST /v3/auth/tokens` with password identity; the token is returned in `X-Subject-Token`.
pub(crate) async fn issue_token(State(state): State<SharedState>, body: Bytes) -> Response {
    let credentials = &state.credentials.huawei;
    let request = serde_json::from_slice::<Value>(&body).unwrap_or(Value::Null);
    let Some(login) = TokenRequest::parse(&request) else {
        return iam_error(StatusCode::BAD_REQUEST, "The request body is invalid.");
    };
    let user_ok = crate::auth::secrets_match(login.user_name, &credentials.user_name);
    let password_ok = crate::auth::secrets_match(login.password, &credentials.password);
    let domain_ok = login.domain_name == credentials.domain_name;
    if !(user_ok & password_ok & domain_ok) {
        return iam_error(
            StatusCode::UNAUTHORIZED,
            "The username or password is wrong.",
        );
    }
    let wrong_name = login
        .project_name
        .filter(|name| *name != credentials.project_name);
    let wrong_id = login.project_id.filter(|id| *id != credentials.project_id);
    if let Some(project) = wrong_name.or(wrong_id) {
        return iam_error(
            StatusCode::NOT_FOUND,
            &format!("Could not find project, {project}."),
        );
    }
    let now = Utc::now();
    let lifetime = TimeDelta::from_std(credentials.token_lifetime).unwrap_or(TimeDelta::MAX);
    let expires_at = now
        .checked_add_signed(lifetime)
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    let token = format!("MIIsandbox{}", state.ids.hex(48));
    state.tokens.insert(token.clone(), expires_at, now);
    let body = token_body(&state, now, expires_at);
    let response = json_response(StatusCode::CREATED, &body);
    let response = with_header(response, "x-request-id", &state.ids.huawei());
    with_header(response, "x-subject-token", &token)
}

/// The documented token body, with this sandbox's user, project and times.
fn token_body(state: &SharedState, issued_at: DateTime<Utc>, expires_at: DateTime<Utc>) -> Value {
    let credentials = &state.credentials.huawei;
    let mut body = state.samples.huawei_token.clone();
    let time = |at: DateTime<Utc>| Value::from(at.to_rfc3339_opts(SecondsFormat::Micros, true));
    let replacements = [
        ("/token/issued_at", time(issued_at)),
        ("/token/expires_at", time(expires_at)),
        (
            "/token/project/id",
            Value::from(credentials.project_id.clone()),
        ),
        (
            "/token/project/name",
            Value::from(credentials.project_name.clone()),
        ),
        (
            "/token/project/domain/name",
            Value::from(credentials.domain_name.clone()),
        ),
        (
            "/token/user/name",
            Value::from(credentials.user_name.clone()),
        ),
        (
            "/token/user/domain/name",
            Value::from(credentials.domain_name.clone()),
        ),
    ];
    for (pointer, value) in replacements {
        if let Some(slot) = body.pointer_mut(pointer) {
            *slot = value;
        }
    }
    body
}
