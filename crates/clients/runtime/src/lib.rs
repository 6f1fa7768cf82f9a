//! Shared runtime for the generated provider clients.
