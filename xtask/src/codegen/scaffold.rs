//! Minimal hand-written files of a new client crate, created only when absent.

use super::cargo_toml::ClientMeta;

/// `src/lib.rs` for a new client crate.
pub(crate) fn lib_rs(meta: &ClientMeta) -> String {
    format!(
        "//! {description}\n\
         //!\n\
         //! The operations and wire types in [`types`] are generated from the provider spec by\n\
         //! `cargo xtask gen`; credentials and request signing live in [`auth`].\n\
         \n\
         #[allow(dead_code, unreachable_patterns, unreachable_pub, missing_docs, clippy::all)]\n\
         mod generated;\n\
         \n\
         pub mod auth;\n\
         \n\
         pub use generated::*;\n",
        description = meta.description
    )
}

/// `src/auth.rs` for a new client crate: an empty credential set and pass-through hooks.
pub(crate) fn auth_rs() -> String {
    "//! Credentials added to every request by the client hooks.\n\
     \n\
     /// Credentials used by [`crate::Client`]. Requests are sent unchanged.\n\
     #[derive(Debug, Clone, Default)]\n\
     #[non_exhaustive]\n\
     pub struct Auth {}\n\
     \n\
     impl progenitor_client::ClientHooks<Auth> for crate::Client {}\n"
        .to_owned()
}
