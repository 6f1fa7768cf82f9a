//! Settings from environment variables, given as an iterator so tests never touch the process
//! environment.

use std::ffi::OsString;
use std::path::PathBuf;

use super::settings::{Origin, Settings};
use super::variables::{self, CONFIG_FILE_VARIABLE};
use crate::error::{Error, ErrorKind};

/// Settings from `(name, value)` pairs, and the configuration file `TAXDOC_CONFIG` names.
///
/// Variables that are not taxdoc settings are ignored, so the whole process environment may be
/// passed.
pub(crate) fn settings_from_vars<I, K, V>(vars: I) -> (Settings, Option<PathBuf>)
where
    I: IntoIterator<Item = (K, V)>,
    K: Into<String>,
    V: Into<String>,
{
    let mut settings = Settings::default();
    let mut config_file = None;
    for (name, value) in vars {
        let name = name.into();
        if name == CONFIG_FILE_VARIABLE {
            let value = value.into();
            config_file = (!value.is_empty()).then(|| PathBuf::from(value));
        } else if let Some(variable) = variables::by_env(&name) {
            settings.set(variable, value.into(), Origin::Env);
        }
    }
    (settings, config_file)
}

/// The process's `TAXDOC_*` variables; one that is not valid UTF-8 is a configuration error.
pub(crate) fn process_vars() -> Result<Vec<(String, String)>, Error> {
    std::env::vars_os()
        .filter(|(name, _)| {
            name.to_str()
                .is_some_and(|name| name.starts_with("TAXDOC_"))
        })
        .map(|(name, value): (OsString, OsString)| {
            let name = name.to_string_lossy().into_owned();
            match value.into_string() {
                Ok(value) => Ok((name, value)),
                Err(_) => Err(Error::new(
                    ErrorKind::Config,
                    format!("{name} is not valid UTF-8"),
                )),
            }
        })
        .collect()
}
