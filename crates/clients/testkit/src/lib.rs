//! Test support shared by the provider client test suites.
//!
//! - [`MockProvider`]: a loopback HTTP server that serves canned [`Reply`]s and records every
//!   request it receives as a [`RecordedRequest`].
//! - [`json`]: comparing decoded values with the JSON that was served.
//! - [`multipart`]: a `multipart/form-data` body parser, to assert on uploaded parts.
//! - [`spec`]: reads `specs/<provider>.yaml` and returns the documented examples, so tests can
//!   serve exactly what the specification promises.
//! - [`net`]: a port with nothing listening and a server that accepts but never answers, for
//!   connection and timeout failures.

#![warn(missing_docs)]

pub mod json;
pub mod multipart;
pub mod net;
pub mod spec;

mod mock;

pub use mock::{MockProvider, RecordedRequest, Reply};
