//! Every fault kind, as a client observes it.

use std::time::Duration;

use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use tax_sandbox::{Fault, FaultRule, Provider, Sandbox, SandboxHandle, Target};

/// A valid DeepFinch request (answers 200 with the sample when no fault applies).
fn deepfinch(sandbox: &SandboxHandle, client: &reqwest::Client) -> reqwest::RequestBuilder {
    let credentials = &sandbox.credentials().deepfinch;
    client
        .post(format!("{}/ocr/value_add_tax_invoice", sandbox.base_url()))
        .header("X-DF-API-ID", &credentials.api_id)
        .header("X-DF-API-SECRET", &credentials.api_secret)
        .multipart(Form::new().text("url", "https://example.com/vat.jpg"))
}

/// A valid GLAIR NPWP request.
fn glair(sandbox: &SandboxHandle, client: &reqwest::Client) -> reqwest::RequestBuilder {
    let credentials = &sandbox.credentials().glair;
    client
        .post(format!("{}/ocr/v1/npwp", sandbox.base_url()))
        .basic_auth(&credentials.username, Some(&credentials.password))
        .header("x-api-key", &credentials.api_key)
        .multipart(Form::new().part("image", Part::bytes(&b"\xff\xd8\xffnpwp"[..])))
}

/// A request that reaches each provider's routes (auth is irrelevant: faults come first).
fn any_route(sandbox: &SandboxHandle, provider: Provider) -> reqwest::RequestBuilder {
    let path = match provider {
        Provider::Glair => "/ocr/v1/npwp".to_owned(),
        Provider::OnlinePajak => "/marketplace/v1/invoices".to_owned(),
        Provider::Huawei => format!(
            "/v2/{}/ocr/vat-invoice",
            sandbox.credentials().huawei.project_id
        ),
        _ => "/ocr/value_add_tax_invoice".to_owned(),
    };
    reqwest::Client::new().post(format!("{}{path}", sandbox.base_url()))
}

#[tokio::test]
async fn rate_limits_use_each_providers_status_and_body() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let expectations = [
        (
            Provider::Glair,
            429,
            json!({"message": "Too Many Requests"}),
        ),
        (
            Provider::OnlinePajak,
            429,
            json!({"message": "API rate limit exceeded"}),
        ),
        (Provider::Huawei, 429, json!("APIG.0308")),
        (Provider::DeepFinch, 403, json!("RATE_LIMIT_EXCEEDED")),
    ];
    for (provider, status, expected) in expectations {
        sandbox.inject(
            FaultRule::new(
                Target::Provider(provider),
                Fault::RateLimited {
                    retry_after: Some(Duration::from_millis(1500)),
                },
            )
            .times(1),
        );
        let response = any_route(&sandbox, provider).send().await.unwrap();
        assert_eq!(response.status(), status, "{provider}");
        assert_eq!(response.headers()["retry-after"], "2", "{provider}");
        let body: Value = response.json().await.unwrap();
        match provider {
            Provider::Huawei => {
                assert_eq!(body["error_code"], expected);
                assert!(
                    body["error_msg"]
                        .as_str()
                        .unwrap()
                        .starts_with("The throttling threshold has been reached")
                );
            }
            Provider::DeepFinch => assert_eq!(body["status"], expected),
            _ => assert_eq!(body, expected),
        }
        // `times(1)` is spent: the same route now reaches the handler (and its auth check).
        let after = any_route(&sandbox, provider).send().await.unwrap();
        assert_ne!(after.status(), status, "{provider}");
    }
}

#[tokio::test]
async fn server_errors_and_unavailability_use_each_providers_shape() {
    let cases = [
        (
            Fault::ServerError { retry_after: None },
            500,
            "ModelArts.4505",
        ),
        (
            Fault::ServiceUnavailable { retry_after: None },
            503,
            "ModelArts.4403",
        ),
    ];
    for (fault, status, huawei_code) in cases {
        let sandbox = Sandbox::builder()
            .fault(FaultRule::new(Target::Any, fault))
            .start()
            .await
            .unwrap();
        for provider in [
            Provider::Glair,
            Provider::OnlinePajak,
            Provider::Huawei,
            Provider::DeepFinch,
        ] {
            let response = any_route(&sandbox, provider).send().await.unwrap();
            assert_eq!(response.status(), status);
            assert!(response.headers().get("retry-after").is_none());
            let body: Value = response.json().await.unwrap();
            let shaped = match provider {
                Provider::Glair => body["message"].is_string(),
                Provider::OnlinePajak => body["code"] == status,
                Provider::Huawei => body["error_code"] == huawei_code,
                _ => body["status"] == "INTERNAL_ERROR" && body["request_id"].is_string(),
            };
            assert!(shaped, "{provider}: {body}");
        }
    }
}

#[tokio::test]
async fn html_502_and_malformed_json_reach_the_client() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let client = reqwest::Client::new();
    sandbox.inject(FaultRule::new(Target::Any, Fault::BadGatewayHtml).times(1));
    let page = deepfinch(&sandbox, &client).send().await.unwrap();
    assert_eq!(page.status(), 502);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(page.text().await.unwrap().contains("502 - Bad Gateway"));

    sandbox.inject(
        FaultRule::new(
            Target::PathPrefix("/ocr/value".to_owned()),
            Fault::MalformedJson,
        )
        .times(1),
    );
    let malformed = deepfinch(&sandbox, &client).send().await.unwrap();
    assert_eq!(malformed.status(), 200);
    assert!(malformed.json::<Value>().await.is_err());

    let healthy = deepfinch(&sandbox, &client).send().await.unwrap();
    assert_eq!(healthy.json::<Value>().await.unwrap()["status"], "OK");
}

#[tokio::test]
async fn reset_and_truncation_are_transport_errors() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(
        FaultRule::new(
            Target::Provider(Provider::DeepFinch),
            Fault::ConnectionReset,
        )
        .times(1),
    );
    let reset = deepfinch(&sandbox, &reqwest::Client::new()).send().await;
    assert!(reset.is_err(), "a reset connection gives no response");

    sandbox.inject(
        FaultRule::new(Target::Provider(Provider::DeepFinch), Fault::TruncatedBody).times(1),
    );
    let truncated = deepfinch(&sandbox, &reqwest::Client::new())
        .send()
        .await
        .unwrap();
    assert_eq!(truncated.status(), 200);
    let declared: usize = truncated.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(declared > 2);
    assert!(
        truncated.bytes().await.is_err(),
        "the body ends before Content-Length"
    );

    let healthy = deepfinch(&sandbox, &reqwest::Client::new())
        .send()
        .await
        .unwrap();
    assert_eq!(healthy.json::<Value>().await.unwrap()["status"], "OK");
}

#[tokio::test]
async fn slow_body_arrives_complete_in_many_pieces() {
    let sandbox = Sandbox::builder()
        .fault(FaultRule::new(
            Target::Provider(Provider::Glair),
            Fault::SlowBody {
                chunk_size: 64,
                chunk_delay: Duration::from_millis(2),
            },
        ))
        .start()
        .await
        .unwrap();
    let mut response = glair(&sandbox, &reqwest::Client::new())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let mut body = Vec::new();
    let mut pieces = 0;
    while let Some(chunk) = response.chunk().await.unwrap() {
        pieces += 1;
        body.extend_from_slice(&chunk);
    }
    assert!(pieces > 1, "the body came in {pieces} piece(s)");
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["status"], "SUCCESS");
}

#[tokio::test]
async fn latency_delays_only_the_matching_request() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(
        FaultRule::new(
            Target::PathPrefix("/ocr/v1/npwp".to_owned()),
            Fault::Latency(Duration::from_secs(1)),
        )
        .times(1),
    );
    let client = reqwest::Client::new();
    let (finished, mut order) = tokio::sync::mpsc::unbounded_channel();
    let slow = glair(&sandbox, &client).send();
    let fast = deepfinch(&sandbox, &client).send();
    let slow_done = finished.clone();
    let slow = tokio::spawn(async move {
        let status = slow.await.unwrap().status();
        slow_done.send("delayed").unwrap();
        status
    });
    tokio::time::sleep(Duration::from_millis(50)).await;
    let status = fast.await.unwrap().status();
    finished.send("undelayed").unwrap();
    assert_eq!(status, 200);
    assert_eq!(
        slow.await.unwrap(),
        200,
        "latency delays but does not fail the call"
    );
    assert_eq!(order.recv().await, Some("undelayed"));
    assert_eq!(order.recv().await, Some("delayed"));
}

#[tokio::test]
async fn probabilistic_faults_repeat_for_the_same_seed() {
    async fn outcomes(seed: u64) -> Vec<u16> {
        let sandbox = Sandbox::builder()
            .seed(seed)
            .fault(
                FaultRule::new(Target::Any, Fault::ServerError { retry_after: None })
                    .with_probability(0.5),
            )
            .start()
            .await
            .unwrap();
        let client = reqwest::Client::new();
        let mut statuses = Vec::new();
        for _ in 0..24 {
            statuses.push(
                deepfinch(&sandbox, &client)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16(),
            );
        }
        statuses
    }
    let first = outcomes(99).await;
    assert_eq!(first, outcomes(99).await);
    assert!(first.contains(&500) && first.contains(&200), "{first:?}");
}
