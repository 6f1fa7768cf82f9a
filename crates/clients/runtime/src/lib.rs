//! Shared runtime for the generated taxdoc provider clients.
//!
//! The client crates under `crates/clients/` are generated from `specs/` by `cargo xtask gen`.
//! What they share at run time lives here, written by hand:
//!
//! - [`wire`]: exact wire numbers. Values that providers send as a JSON number *or* a string are
//!   read from the raw JSON text, so money never passes through `f64`.
//! - [`decode`]: bounded reading and decoding of responses for the generated operations; an
//!   error body that is not the documented JSON keeps its status, headers and bytes.
//! - [`multipart`]: the file part type used by the generated multipart operations.
//! - [`secret`]: a string that never shows itself in `Debug` or `Display`.
//! - [`error`]: the error every client returns, with HTTP status, request id, the provider's
//!   error envelope and a redacted body excerpt.
//! - [`http`]: HTTP settings (base URL, timeouts, TLS) and the `reqwest` client built from them.
//! - [`request_id`]: reading the provider's request id from response headers.

#![warn(missing_docs)]

pub mod decode;
pub mod error;
pub mod http;
pub mod multipart;
pub mod request_id;
pub mod secret;
pub mod wire;
