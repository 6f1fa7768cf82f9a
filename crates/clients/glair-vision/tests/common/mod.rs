//! Shared setup of the GLAIR Vision client tests.

#![allow(dead_code, unreachable_pub)]

use glair_vision_client::Client;
use glair_vision_client::auth::Credentials;
use glair_vision_client::types::OcrImageForm;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_testkit::RecordedRequest;

pub const USER: &str = "glair-user";
pub const PASSWORD: &str = "planted-glair-password";
pub const API_KEY: &str = "planted-glair-api-key";
/// `base64("glair-user:planted-glair-password")`.
pub const BASIC: &str = "Basic Z2xhaXItdXNlcjpwbGFudGVkLWdsYWlyLXBhc3N3b3Jk";
pub const IMAGE: &[u8] = b"\xff\xd8\xff\xe0 fake jpeg bytes";

pub fn client(base_url: &str) -> Client {
    let credentials = Credentials::new(USER, PASSWORD, API_KEY);
    Client::from_credentials(
        &credentials,
        &HttpSettings::default().with_base_url(base_url),
    )
    .unwrap()
}

pub fn form() -> OcrImageForm {
    OcrImageForm::file(IMAGE, "scan.jpg", "image/jpeg")
}

/// Asserts the request carried both credentials and exactly one `image` part.
pub fn assert_sent_image(sent: &RecordedRequest, path: &str) {
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, path);
    assert!(sent.query.is_empty());
    assert_eq!(sent.header("authorization"), Some(BASIC));
    assert_eq!(sent.header("x-api-key"), Some(API_KEY));
    assert_eq!(sent.header("api-version"), None);
    let content_type = sent.header("content-type").unwrap();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let parts = sent.multipart();
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].name, "image");
    assert_eq!(parts[0].file_name.as_deref(), Some("scan.jpg"));
    assert_eq!(parts[0].content_type.as_deref(), Some("image/jpeg"));
    assert_eq!(parts[0].data, IMAGE);
}
