//! Helpers shared by the Huawei tests: configurations against the sandbox, inputs, and a
//! scripted loopback server for answers the sandbox does not give.

#![allow(dead_code, unreachable_pub)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use tax_facade::config::{ClientConfig, HuaweiAuth, HuaweiConfig, Secret};
use tax_facade::retry::{Jitter, RetryConfig};
use tax_facade::{DocumentInput, ReadOptions};
use tax_sandbox::SandboxHandle;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Retries that do not slow the tests down.
pub fn fast_retry(max_attempts: u32) -> RetryConfig {
    RetryConfig::default()
        .with_max_attempts(max_attempts)
        .with_initial_backoff(Duration::from_millis(5))
        .with_jitter(Jitter::None)
}

/// A configuration for `base_url` (OCR and IAM) with the sandbox's project.
pub fn config_for(
    base_url: &str,
    project_id: &str,
    auth: HuaweiAuth,
    attempts: u32,
) -> HuaweiConfig {
    HuaweiConfig::new("cn-north-4", project_id, auth)
        .with_iam_base_url(base_url)
        .with_client(
            ClientConfig::default()
                .with_base_url(base_url)
                .with_retry(fast_retry(attempts)),
        )
}

/// A configuration against the sandbox.
pub fn sandbox_config(sandbox: &SandboxHandle, auth: HuaweiAuth, attempts: u32) -> HuaweiConfig {
    config_for(
        &sandbox.base_url(),
        &sandbox.credentials().huawei.project_id,
        auth,
        attempts,
    )
}

/// Password authentication with the sandbox's IAM user.
pub fn password_auth(sandbox: &SandboxHandle) -> HuaweiAuth {
    let credentials = &sandbox.credentials().huawei;
    HuaweiAuth::Password {
        user_name: credentials.user_name.clone(),
        password: Secret::new(credentials.password.clone()),
        domain_name: credentials.domain_name.clone(),
    }
}

/// AK/SK authentication with the sandbox's key pair.
pub fn aksk_auth(sandbox: &SandboxHandle) -> HuaweiAuth {
    let credentials = &sandbox.credentials().huawei;
    HuaweiAuth::AkSk {
        access_key: credentials.access_key.clone(),
        secret_key: Secret::new(credentials.secret_key.clone()),
    }
}

/// A token issued by the sandbox's IAM route.
pub async fn issued_token(sandbox: &SandboxHandle) -> String {
    let credentials = &sandbox.credentials().huawei;
    let body = serde_json::json!({"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": credentials.user_name,
            "password": credentials.password,
            "domain": {"name": credentials.domain_name}
        }}},
        "scope": {"project": {"name": credentials.project_name}}
    }});
    let response = reqwest::Client::new()
        .post(format!("{}/v3/auth/tokens", sandbox.base_url()))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    response.headers()["x-subject-token"]
        .to_str()
        .unwrap()
        .to_owned()
}

/// A URL input whose last segment selects a sandbox fixture.
pub fn url_input(file_name: &str) -> DocumentInput {
    DocumentInput::from_url(
        url::Url::parse(&format!("https://example.com/scans/{file_name}")).unwrap(),
    )
}

/// Options with a fixed reference date, so that date findings do not depend on today.
pub fn options() -> ReadOptions {
    ReadOptions::default().with_reference_date(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
}

/// The header of a PNG image of the given size (enough for sniffing and the pixel check).
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 2, 0, 0, 0]);
    bytes
}

/// One request as the scripted server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub head: String,
}

impl Received {
    /// A header value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    }
}

/// A loopback server answering each connection with the next scripted `(status, body)`,
/// recording what it received.
pub struct ScriptedServer {
    pub base_url: String,
    pub received: Arc<Mutex<Vec<Received>>>,
}

impl ScriptedServer {
    pub async fn start(replies: Vec<(u16, String)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&received);
        tokio::spawn(async move {
            for (status, body) in replies {
                let Ok((mut stream, _)) = listener.accept().await else {
                    return;
                };
                let head = read_request(&mut stream).await;
                log.lock().unwrap().push(Received { head });
                let response = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\nx-request-id: scripted-{status}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
                let _ = stream.shutdown().await;
            }
        });
        Self { base_url, received }
    }

    pub fn requests(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

/// Reads a request head and its `content-length` body; returns the head.
async fn read_request(stream: &mut tokio::net::TcpStream) -> String {
    let mut buffer = Vec::new();
    let mut chunk = [0_u8; 8192];
    while let Ok(read) = stream.read(&mut chunk).await {
        if read == 0 {
            break;
        }
        buffer.extend_from_slice(&chunk[..read]);
        let text = String::from_utf8_lossy(&buffer).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let head = text[..end].to_owned();
            let length = head
                .lines()
                .find_map(|line| {
                    let (key, value) = line.split_once(':')?;
                    key.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if buffer.len() >= end + 4 + length {
                return head;
            }
        }
    }
    String::from_utf8_lossy(&buffer).into_owned()
}
