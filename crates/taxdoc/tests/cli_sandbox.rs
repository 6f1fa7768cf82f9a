//! End-to-end test of `taxdoc sandbox`: it prints a base URL and serves HTTP there.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn prints_its_base_url_and_answers_there() {
    let child = Command::new(env!("CARGO_BIN_EXE_taxdoc"))
        .args(["sandbox", "--port", "0", "--print-credentials"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut child = KillOnDrop(child);
    let mut stdout = BufReader::new(child.0.stdout.take().unwrap());
    let mut base_url = String::new();
    stdout.read_line(&mut base_url).unwrap();
    let address = base_url
        .trim()
        .strip_prefix("http://")
        .unwrap_or_else(|| panic!("not a base URL: {base_url:?}"));
    assert!(address.starts_with("127.0.0.1:"), "{address}");

    let mut credentials = String::new();
    stdout.read_line(&mut credentials).unwrap();
    let credentials: serde_json::Value = serde_json::from_str(&credentials).unwrap();
    let api_id = credentials["deepfinch"]["api_id"].as_str().unwrap();

    // An unauthenticated DeepFinch call is refused the way DeepFinch refuses it.
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "POST /ocr/value_add_tax_invoice HTTP/1.1\r\nHost: {address}\r\nX-DF-API-ID: {api_id}\r\n\
         X-DF-API-SECRET: wrong\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 401"), "{response}");
    assert!(response.contains("UNAUTHORIZED"), "{response}");
}
