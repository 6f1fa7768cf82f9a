//! Loopback endpoints that fail in controlled ways.

use std::net::{SocketAddr, TcpListener as StdListener};

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// A loopback base URL where nothing listens (connections are refused).
pub fn refused_base_url() -> String {
    let port = StdListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .unwrap_or(9);
    format!("http://127.0.0.1:{port}")
}

/// A server that accepts connections, reads nothing and never answers, until the handle is
/// dropped or aborted. Returns its base URL.
pub async fn silent_server() -> (String, JoinHandle<()>) {
    let listener = match TcpListener::bind("127.0.0.1:0").await {
        Ok(listener) => listener,
        Err(error) => panic!("cannot bind a loopback port: {error}"),
    };
    let address: SocketAddr = match listener.local_addr() {
        Ok(address) => address,
        Err(error) => panic!("no local address: {error}"),
    };
    let handle = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    (format!("http://{address}"), handle)
}
