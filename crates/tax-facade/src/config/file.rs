//! Settings from a TOML configuration file.
//!
//! The file has the same settings as the environment: shared settings at the top level and one
//! table per provider.
//!
//! ```toml
//! max_attempts = 4
//!
//! [glair]
//! username = "me"
//! password = "..."
//! api_key = "..."
//! base_url = "http://127.0.0.1:8080"
//! ```

use std::path::Path;

use super::settings::{Origin, Settings};
use super::variables;
use crate::error::{Error, ErrorKind};

/// Reads and parses the configuration file at `path`.
pub(crate) fn settings_from_file(path: &Path) -> Result<Settings, Error> {
    let text = std::fs::read_to_string(path).map_err(|err| {
        Error::new(
            ErrorKind::Config,
            format!(
                "cannot read the configuration file {}: {err}",
                path.display()
            ),
        )
    })?;
    settings_from_toml(&text, Some(path))
}

/// Parses a TOML configuration; `path` is only used in error messages.
///
/// Syntax errors report the line and column but never the text there, which may be a secret.
pub(crate) fn settings_from_toml(text: &str, path: Option<&Path>) -> Result<Settings, Error> {
    let origin = Origin::File(path.map(Path::to_path_buf));
    let place = path.map_or_else(
        || "the configuration".to_owned(),
        |p| p.display().to_string(),
    );
    let table: toml::Table = toml::from_str(text).map_err(|err| {
        let at = err.span().map_or_else(String::new, |span| {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!(" at line {line}, column {column}")
        });
        Error::new(ErrorKind::Config, format!("{place} is not valid TOML{at}"))
    })?;
    let mut settings = Settings::default();
    for (key, value) in &table {
        match value {
            toml::Value::Table(section) => {
                for (name, value) in section {
                    set(
                        &mut settings,
                        &format!("{key}.{name}"),
                        value,
                        &origin,
                        &place,
                    )?;
                }
            }
            value => set(&mut settings, key, value, &origin, &place)?,
        }
    }
    Ok(settings)
}

fn set(
    settings: &mut Settings,
    key: &str,
    value: &toml::Value,
    origin: &Origin,
    place: &str,
) -> Result<(), Error> {
    let variable = variables::by_file_key(key)
        .ok_or_else(|| Error::new(ErrorKind::Config, format!("unknown key `{key}` in {place}")))?;
    let text = match value {
        toml::Value::String(text) => text.clone(),
        toml::Value::Integer(number) => number.to_string(),
        _ => {
            return Err(Error::new(
                ErrorKind::Config,
                format!("`{key}` in {place} must be a string or a whole number"),
            ));
        }
    };
    settings.set(variable, text, origin.clone());
    Ok(())
}
