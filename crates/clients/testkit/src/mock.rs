//! A loopback provider that serves canned replies and records requests.

use std::time::Duration;

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::multipart::{self, Part};

/// A canned HTTP response.
#[derive(Debug, Clone)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    content_type: String,
    delay: Option<Duration>,
}

impl Reply {
    /// A reply with a raw body and content type.
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
            content_type: content_type.to_owned(),
            delay: None,
        }
    }

    /// A JSON reply from a value.
    pub fn json(status: u16, body: &Value) -> Self {
        Self::raw(status, "application/json", body.to_string())
    }

    /// A JSON reply from JSON text, served byte for byte.
    pub fn json_text(status: u16, body: &str) -> Self {
        Self::raw(status, "application/json", body)
    }

    /// An HTML reply, like a gateway error page.
    pub fn html(status: u16, body: &str) -> Self {
        Self::raw(status, "text/html", body)
    }

    /// Adds a response header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Delays the reply (for timeout tests).
    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    fn template(&self) -> ResponseTemplate {
        let mut template =
            ResponseTemplate::new(self.status).set_body_raw(self.body.clone(), &self.content_type);
        for (name, value) in &self.headers {
            template = template.insert_header(name.as_str(), value.as_str());
        }
        if let Some(delay) = self.delay {
            template = template.set_delay(delay);
        }
        template
    }
}

/// A request received by a [`MockProvider`].
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// HTTP method, upper case.
    pub method: String,
    /// Path without query.
    pub path: String,
    /// Decoded query pairs in order.
    pub query: Vec<(String, String)>,
    /// Headers (names lower case) in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The first value of query parameter `name`.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The body parsed as JSON. Panics when it is not JSON (test helper).
    pub fn json(&self) -> Value {
        match serde_json::from_slice(&self.body) {
            Ok(value) => value,
            Err(error) => panic!("request body is not JSON ({error}): {:?}", self.body),
        }
    }

    /// The body parsed as `multipart/form-data`. Panics when it is not (test helper).
    pub fn multipart(&self) -> Vec<Part> {
        let content_type = self.header("content-type").unwrap_or_default();
        match multipart::parse(content_type, &self.body) {
            Ok(parts) => parts,
            Err(error) => panic!("request body is not multipart: {error}"),
        }
    }
}

/// A loopback HTTP server standing in for a provider.
#[derive(Debug)]
pub struct MockProvider {
    server: MockServer,
}

impl MockProvider {
    /// Starts a server on a free loopback port.
    pub async fn start() -> Self {
        Self {
            server: MockServer::start().await,
        }
    }

    /// The base URL, e.g. `http://127.0.0.1:4567`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// Forgets previous replies and recorded requests, then answers `method path` with `reply`
    /// (any other request gets 404 with an empty body).
    pub async fn serve(&self, http_method: &str, http_path: &str, reply: Reply) {
        self.server.reset().await;
        self.also_serve(http_method, http_path, reply).await;
    }

    /// Answers `method path` with `reply` as well, keeping earlier replies and recordings.
    pub async fn also_serve(&self, http_method: &str, http_path: &str, reply: Reply) {
        Mock::given(method(http_method))
            .and(path(http_path))
            .respond_with(reply.template())
            .mount(&self.server)
            .await;
    }

    /// Every request received since the last [`MockProvider::serve`].
    pub async fn requests(&self) -> Vec<RecordedRequest> {
        self.server
            .received_requests()
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|request| RecordedRequest {
                method: request.method.to_string(),
                path: request.url.path().to_owned(),
                query: request.url.query_pairs().into_owned().collect(),
                headers: request
                    .headers
                    .iter()
                    .map(|(name, value)| {
                        (
                            name.as_str().to_owned(),
                            String::from_utf8_lossy(value.as_bytes()).into_owned(),
                        )
                    })
                    .collect(),
                body: request.body,
            })
            .collect()
    }

    /// The only request received since the last [`MockProvider::serve`]; panics otherwise.
    pub async fn single_request(&self) -> RecordedRequest {
        let mut requests = self.requests().await;
        assert_eq!(
            requests.len(),
            1,
            "expected exactly one request: {requests:#?}"
        );
        requests.remove(0)
    }
}
