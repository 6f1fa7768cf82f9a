//! The `reqwest::Client` built from `HttpSettings`, against a loopback server.

use std::time::Duration;

use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_testkit::{MockProvider, Reply, net};

fn client(settings: &HttpSettings) -> reqwest::Client {
    settings.build_client("runtime-test", "1.2.3").unwrap()
}

#[tokio::test]
async fn sends_the_user_agent_and_follows_same_origin_redirects() {
    let provider = MockProvider::start().await;
    let target = format!("{}/b", provider.uri());
    provider
        .serve(
            "GET",
            "/a",
            Reply::raw(302, "text/plain", "").header("Location", &target),
        )
        .await;
    provider
        .also_serve("GET", "/b", Reply::raw(200, "text/plain", "arrived"))
        .await;
    let response = client(&HttpSettings::default())
        .get(format!("{}/a", provider.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "arrived");
    let requests = provider.requests().await;
    let paths: Vec<&str> = requests.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["/a", "/b"]);
    let agent = format!("taxdoc/{} (runtime-test/1.2.3)", env!("CARGO_PKG_VERSION"));
    assert!(
        requests
            .iter()
            .all(|r| r.header("user-agent") == Some(agent.as_str()))
    );
}

#[tokio::test]
async fn does_not_follow_redirects_to_another_origin() {
    let provider = MockProvider::start().await;
    let elsewhere = net::refused_base_url();
    provider
        .serve(
            "GET",
            "/a",
            Reply::raw(307, "text/plain", "").header("Location", &format!("{elsewhere}/x")),
        )
        .await;
    let response = client(&HttpSettings::default())
        .get(format!("{}/a", provider.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 307);
}

#[tokio::test]
async fn request_timeout_applies() {
    let provider = MockProvider::start().await;
    let slow = Reply::raw(200, "text/plain", "late").delayed(Duration::from_secs(5));
    provider.serve("GET", "/slow", slow).await;
    let settings = HttpSettings::default().with_request_timeout(Duration::from_millis(150));
    let error = client(&settings)
        .get(format!("{}/slow", provider.uri()))
        .send()
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
}
