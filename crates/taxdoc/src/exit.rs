//! Exit codes shared by every command.

use std::io;
use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Every value was valid; every document was read or filed without error-level findings
    /// (exit 0).
    AllValid,
    /// At least one value was invalid, or a document has error-level findings (exit 1).
    SomeInvalid,
    /// The command could not do its job: bad usage, unreadable input, a read or filing that
    /// failed (exit 2).
    Failed,
}

impl Outcome {
    /// Combines the outcome of one more value into the running outcome.
    pub(crate) fn record(&mut self, valid: bool) {
        if !valid && *self == Self::AllValid {
            *self = Self::SomeInvalid;
        }
    }
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::AllValid => ExitCode::SUCCESS,
            Outcome::SomeInvalid => ExitCode::from(1),
            Outcome::Failed => ExitCode::from(2),
        }
    }
}

/// True when writing stopped because the reader went away (`taxdoc check ... | head`); that is
/// not an error worth reporting.
pub(crate) fn is_broken_pipe(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::BrokenPipe
}
