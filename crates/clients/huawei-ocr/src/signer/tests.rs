//! The three reference vectors (generated with `huaweicloudsdkcore` 3.1.219) and behaviour
//! around them.

use chrono::{TimeDelta, TimeZone};

use super::*;

const AK: &str = "AKEXAMPLE0000000TEST";
const SK: &str = "SKEXAMPLEsecretKEY0123456789abcdefghijkl";

fn when() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap()
}

fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    map
}

struct Vector {
    method: &'static str,
    url: &'static str,
    headers: &'static [(&'static str, &'static str)],
    body: &'static [u8],
    canonical: &'static str,
    string_to_sign_hash: &'static str,
    signature: &'static str,
}

const V1: Vector = Vector {
    method: "POST",
    url: "https://ocr.cn-north-4.myhuaweicloud.com/v2/0123456789abcdef0123456789abcdef/ocr/vat-invoice",
    headers: &[
        ("Content-Type", "application/json;charset=UTF-8"),
        ("X-Project-Id", "0123456789abcdef0123456789abcdef"),
    ],
    body: br#"{"url":"https://example.com/invoice.jpg","advanced_mode":true}"#,
    canonical: "POST\n/v2/0123456789abcdef0123456789abcdef/ocr/vat-invoice/\n\ncontent-type:application/json;charset=UTF-8\nhost:ocr.cn-north-4.myhuaweicloud.com\nx-project-id:0123456789abcdef0123456789abcdef\nx-sdk-date:20240101T000000Z\n\ncontent-type;host;x-project-id;x-sdk-date\nd220bec6759b586f92e16be7fe4497cd28bf58f86c0ae4cc0160dc58dafc8011",
    string_to_sign_hash: "c7a6b1781aca2a15919ee715e741f57a7e2c7511f92326521fe704d7e4ec82c5",
    signature: "faf3cf1509c0262b1dd21c6218bfaff6e8b1f40c97b83ce559c4030b8ad28721",
};

const V2: Vector = Vector {
    method: "GET",
    url: "https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4&a%20b=x%2Fy~z",
    headers: &[("Content-Type", "application/json")],
    body: b"",
    canonical: "GET\n/v3/projects/\na%20b=x%2Fy~z&name=cn-north-4\ncontent-type:application/json\nhost:iam.myhuaweicloud.com\nx-sdk-date:20240101T000000Z\n\ncontent-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    string_to_sign_hash: "9db16e2af5870239e176f1faa09fa531bf73fc67f29d367f82710fd135068b37",
    signature: "aee81a1160c611b62c6665dd1d3199823a7cd92ed797704d462a2b7d67e01a6a",
};

const V3: Vector = Vector {
    method: "POST",
    url: "https://example.myhuaweicloud.com/v1/upload",
    headers: &[
        ("Content-Type", "multipart/form-data; boundary=xyz"),
        ("x_ignored_header", "1"),
    ],
    body: b"--xyz--",
    canonical: "POST\n/v1/upload/\n\ncontent-type:multipart/form-data; boundary=xyz\nhost:example.myhuaweicloud.com\nx-sdk-content-sha256:UNSIGNED-PAYLOAD\nx-sdk-date:20240101T000000Z\n\ncontent-type;host;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD",
    string_to_sign_hash: "aa10b509c02666391dd063e3c5d10c87b6e46d29f2db8554212237aa9607b442",
    signature: "92effe4ec31de2e59bdd24528297e9f0e4df8aa0ea4a19603d0019cb8ea61b5e",
};

fn check(vector: &Vector) -> SignedRequest {
    let url = Url::parse(vector.url).unwrap();
    let headers = headers(vector.headers);
    let request = SignableRequest {
        method: vector.method,
        url: &url,
        headers: &headers,
        body: vector.body,
    };
    let signed = sign(&request, &AkSk::new(AK, SK), when()).unwrap();
    assert_eq!(signed.canonical_request.text, vector.canonical);
    let (prefix, hash) = signed.string_to_sign.rsplit_once('\n').unwrap();
    assert_eq!(prefix, "SDK-HMAC-SHA256\n20240101T000000Z");
    assert_eq!(hash, vector.string_to_sign_hash);
    assert_eq!(signed.signature, vector.signature);
    assert_eq!(
        signed.authorization,
        format!(
            "SDK-HMAC-SHA256 Access={AK}, SignedHeaders={}, Signature={}",
            signed.canonical_request.signed_headers, vector.signature
        )
    );
    signed
}

#[test]
fn vector_1_json_post_with_project_header() {
    check(&V1);
}

#[test]
fn vector_2_get_with_encoded_sorted_query_and_empty_body() {
    check(&V2);
}

#[test]
fn vector_3_multipart_is_unsigned_and_underscore_headers_are_not_signed() {
    let signed = check(&V3);
    assert!(
        signed
            .headers_to_add
            .iter()
            .any(|(name, value)| name == CONTENT_SHA256_HEADER && value == UNSIGNED_PAYLOAD)
    );
}

#[test]
fn hmac_matches_rfc_4231_case_2_and_long_keys() {
    assert_eq!(
        hex::encode(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
    // RFC 4231 test case 6: a 131-byte key is hashed first.
    assert_eq!(
        hex::encode(hmac_sha256(
            &[0xaa; 131],
            b"Test Using Larger Than Block-Size Key - Hash Key First"
        )),
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    );
}

fn signed_v1_request() -> (Url, HeaderMap) {
    let url = Url::parse(V1.url).unwrap();
    let mut headers = headers(V1.headers);
    let request = SignableRequest {
        method: V1.method,
        url: &url,
        headers: &headers.clone(),
        body: V1.body,
    };
    for (name, value) in sign(&request, &AkSk::new(AK, SK), when())
        .unwrap()
        .headers_to_add
    {
        headers.insert(name, value);
    }
    (url, headers)
}

#[test]
fn verify_accepts_a_signed_request_and_rejects_tampering() {
    let (url, headers) = signed_v1_request();
    let credentials = AkSk::new(AK, SK);
    let later = when() + TimeDelta::minutes(10);
    assert_eq!(
        verify("POST", &url, &headers, V1.body, &credentials, later),
        Ok(())
    );
    assert_eq!(
        verify("POST", &url, &headers, b"{}", &credentials, later),
        Err(VerifyError::SignatureMismatch)
    );
    let other_path = Url::parse(&V1.url.replace("vat-invoice", "id-card")).unwrap();
    assert_eq!(
        verify("POST", &other_path, &headers, V1.body, &credentials, later),
        Err(VerifyError::SignatureMismatch)
    );
    let wrong_secret = AkSk::new(AK, "other");
    assert_eq!(
        verify("POST", &url, &headers, V1.body, &wrong_secret, later),
        Err(VerifyError::SignatureMismatch)
    );
    assert_eq!(
        verify(
            "POST",
            &url,
            &headers,
            V1.body,
            &AkSk::new("AK2", SK),
            later
        ),
        Err(VerifyError::UnknownAccessKey)
    );
    assert_eq!(
        verify(
            "POST",
            &url,
            &headers,
            V1.body,
            &credentials,
            when() + TimeDelta::minutes(16)
        ),
        Err(VerifyError::Expired)
    );
    let mut missing = headers.clone();
    missing.remove("x-project-id");
    assert_eq!(
        verify("POST", &url, &missing, V1.body, &credentials, later),
        Err(VerifyError::MissingSignedHeader("x-project-id".into()))
    );
    let mut unsigned = headers.clone();
    unsigned.remove(reqwest::header::AUTHORIZATION);
    assert_eq!(
        verify("POST", &url, &unsigned, V1.body, &credentials, later),
        Err(VerifyError::MalformedAuthorization)
    );
}

#[test]
fn authorization_header_parses_back() {
    let parsed = parse_authorization(
        "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=abcd",
    )
    .unwrap();
    assert_eq!(parsed.access_key, "AK1");
    assert_eq!(parsed.signed_headers, vec!["host", "x-sdk-date"]);
    assert_eq!(parsed.signature, "abcd");
    assert!(parse_authorization("Basic abc").is_err());
}

#[test]
fn host_header_keeps_non_default_ports() {
    let url = Url::parse("http://127.0.0.1:8080/v2/p/ocr/vat-invoice").unwrap();
    assert_eq!(host_header(&url).unwrap(), "127.0.0.1:8080");
    let url = Url::parse("https://ocr.example.com:443/x").unwrap();
    assert_eq!(host_header(&url).unwrap(), "ocr.example.com");
}

#[test]
fn reqwest_request_is_signed_in_place_and_verifies() {
    let url = Url::parse("http://127.0.0.1:9000/v2/p/ocr/vat-invoice?x=1").unwrap();
    let mut request = reqwest::Request::new(reqwest::Method::POST, url.clone());
    request
        .headers_mut()
        .insert("content-type", "application/json".parse().unwrap());
    *request.body_mut() = Some(reqwest::Body::from(r#"{"image":"aGk="}"#));
    let credentials = AkSk::new(AK, SK);
    sign_request(&mut request, &credentials, when()).unwrap();
    let headers = request.headers().clone();
    assert_eq!(headers["host"], "127.0.0.1:9000");
    assert_eq!(headers["x-sdk-date"], "20240101T000000Z");
    assert!(!headers.contains_key(CONTENT_SHA256_HEADER));
    assert_eq!(
        verify(
            "POST",
            &url,
            &headers,
            br#"{"image":"aGk="}"#,
            &credentials,
            when()
        ),
        Ok(())
    );
}

#[test]
fn debug_of_credentials_hides_the_secret_key() {
    let shown = format!("{:?}", AkSk::new(AK, SK));
    assert!(shown.contains(AK) && !shown.contains(SK), "{shown}");
}
