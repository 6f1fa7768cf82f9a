//! The configuration variables, as shown at the end of `--help`.

use std::fmt::Write as _;

use tax_facade::config::{CONFIG_FILE_VARIABLE, VARIABLES};

/// The help text listing every configuration variable.
pub(crate) fn text() -> String {
    let mut text = String::from(
        "Configuration (ignored with --sandbox): environment variables, which override the \
         TOML file named by TAXDOC_CONFIG (file keys in parentheses; a provider table such as \
         [glair] holds that provider's keys). Empty values count as unset.\n\n",
    );
    let _ = writeln!(
        text,
        "  {CONFIG_FILE_VARIABLE}\n      Path of a TOML configuration file"
    );
    for variable in VARIABLES {
        let _ = writeln!(
            text,
            "  {} ({})\n      {}{}",
            variable.env,
            variable.file_key,
            variable.description,
            if variable.secret { " [secret]" } else { "" }
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variable_is_listed_once_with_its_file_key() {
        let text = text();
        for variable in VARIABLES {
            let lines: Vec<&str> = text
                .lines()
                .filter(|line| line.split_whitespace().next() == Some(variable.env))
                .collect();
            assert_eq!(lines.len(), 1, "{}", variable.env);
            assert!(lines[0].contains(&format!("({})", variable.file_key)));
        }
    }
}
