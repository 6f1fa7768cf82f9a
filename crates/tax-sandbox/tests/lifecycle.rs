//! Starting, addressing and stopping the sandbox; secrets stay out of `Debug`.

use tax_sandbox::{DeepFinchCredentials, Sandbox};

#[tokio::test]
async fn shutdown_stops_accepting_connections() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let addr = sandbox.addr();
    assert_eq!(
        sandbox.base_url(),
        format!("http://127.0.0.1:{}", addr.port())
    );
    assert!(tokio::net::TcpStream::connect(addr).await.is_ok());
    sandbox.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn a_given_port_is_used_and_custom_credentials_apply() {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let mut deepfinch = DeepFinchCredentials::default();
    deepfinch.api_secret = "custom-secret".to_owned();
    let sandbox = Sandbox::builder()
        .port(port)
        .deepfinch_credentials(deepfinch)
        .start()
        .await
        .unwrap();
    assert_eq!(sandbox.addr().port(), port);
    let response = reqwest::Client::new()
        .post(format!("{}/ocr/value_add_tax_invoice", sandbox.base_url()))
        .header("X-DF-API-ID", "sandbox-deepfinch-id")
        .header("X-DF-API-SECRET", "custom-secret")
        .multipart(reqwest::multipart::Form::new().text("url", "https://e.x/a.jpg"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn debug_output_never_shows_a_secret() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let credentials = sandbox.credentials().clone();
    let secrets = [
        credentials.glair.password.as_str(),
        credentials.glair.api_key.as_str(),
        credentials.onlinepajak.api_key.as_str(),
        credentials.huawei.password.as_str(),
        credentials.huawei.secret_key.as_str(),
        credentials.deepfinch.api_secret.as_str(),
    ];
    let printed = [
        format!("{sandbox:?}"),
        format!("{:?}", Sandbox::builder()),
        format!("{credentials:#?}"),
    ];
    for text in &printed {
        assert!(text.contains("<redacted>"));
        for secret in secrets {
            assert!(!text.contains(secret), "{secret} leaked");
        }
    }
    assert!(printed[0].contains(&credentials.glair.username));
}
