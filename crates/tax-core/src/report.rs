//! Validation findings: cross-field checks report every problem at once instead of failing on
//! the first one.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Probably wrong, or wrong under an inferred rule; the document may still be usable.
    Warning,
    /// Definitely wrong under a published rule.
    Error,
}

impl Severity {
    /// The stable, machine-readable name (`"info"`, `"warning"`, `"error"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found while validating a document.
///
/// `path` points at the offending field in the normalized document (`"seller.npwp"`,
/// `"items[2].amount"`); `rule` is a stable code such as `"npwp.checksum"` that callers can
/// match on or configure through [`RuleConfig`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// Where in the document the problem is.
    pub path: String,
    /// Stable code of the rule that fired.
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// Human-readable explanation.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} [{}]: {}",
            self.severity, self.path, self.rule, self.message
        )
    }
}

/// Every finding of one validation run, in the order they were found.
///
/// ```
/// use tax_core::{Severity, ValidationReport};
///
/// let mut report = ValidationReport::new();
/// report.warning("seller.npwp", "npwp.checksum", "check digit should be 3");
/// report.error("totals.grand_total", "totals.sum", "660000 != 600000 + 66000");
/// assert!(report.has_errors());
/// assert_eq!(report.max_severity(), Some(Severity::Error));
/// assert_eq!(report.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct ValidationReport {
    findings: Vec<Finding>,
}

impl ValidationReport {
    /// An empty report.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a finding.
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Adds a finding with the given severity.
    pub fn add(
        &mut self,
        severity: Severity,
        path: impl Into<String>,
        rule: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Finding {
            path: path.into(),
            rule: rule.into(),
            severity,
            message: message.into(),
        });
    }

    /// Adds an error-level finding.
    pub fn error(
        &mut self,
        path: impl Into<String>,
        rule: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.add(Severity::Error, path, rule, message);
    }

    /// Adds a warning-level finding.
    pub fn warning(
        &mut self,
        path: impl Into<String>,
        rule: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.add(Severity::Warning, path, rule, message);
    }

    /// Adds an info-level finding.
    pub fn info(
        &mut self,
        path: impl Into<String>,
        rule: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.add(Severity::Info, path, rule, message);
    }

    /// Adds a finding whose severity comes from `config` (the rule may be switched off there).
    pub fn add_configured(
        &mut self,
        config: &RuleConfig,
        default: Severity,
        path: impl Into<String>,
        rule: &str,
        message: impl Into<String>,
    ) {
        if let Some(severity) = config.severity(rule, default) {
            self.add(severity, path, rule, message);
        }
    }

    /// Moves every finding of `other` into this report, prefixing its paths with `prefix`.
    pub fn extend_prefixed(&mut self, prefix: &str, other: ValidationReport) {
        for mut finding in other.findings {
            finding.path = join_path(prefix, &finding.path);
            self.findings.push(finding);
        }
    }

    /// True when at least one finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The most serious severity present, if any finding exists.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// True when a finding with the given rule code exists.
    pub fn contains_rule(&self, rule: &str) -> bool {
        self.findings.iter().any(|f| f.rule == rule)
    }

    /// The findings, in order.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Iterates over the findings.
    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.findings.iter()
    }

    /// Number of findings.
    pub fn len(&self) -> usize {
        self.findings.len()
    }

    /// True when there are no findings.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// The findings as a vector.
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

impl Extend<Finding> for ValidationReport {
    fn extend<T: IntoIterator<Item = Finding>>(&mut self, iter: T) {
        self.findings.extend(iter);
    }
}

impl IntoIterator for ValidationReport {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.findings.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationReport {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.findings.iter()
    }
}

fn join_path(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// Per-rule severity overrides.
///
/// Rules that the notes mark as inferred rather than published (for example "the NIK serial is
/// never 0000" or "the faktur year matches the invoice date") are reported as warnings by
/// default. A caller can raise them to errors, lower them to info, or switch them off:
///
/// ```
/// use tax_core::{RuleConfig, Severity};
///
/// let config = RuleConfig::default()
///     .with("nik.serial_zero", Some(Severity::Error))
///     .with("npwp.checksum", None);
/// assert_eq!(config.severity("nik.serial_zero", Severity::Warning), Some(Severity::Error));
/// assert_eq!(config.severity("npwp.checksum", Severity::Warning), None);
/// assert_eq!(config.severity("other.rule", Severity::Warning), Some(Severity::Warning));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RuleConfig {
    /// Rule code → severity; `None` switches the rule off.
    #[serde(default)]
    pub overrides: BTreeMap<String, Option<Severity>>,
}

impl RuleConfig {
    /// Sets the severity of `rule` (`None` switches it off).
    #[must_use]
    pub fn with(mut self, rule: impl Into<String>, severity: Option<Severity>) -> Self {
        self.overrides.insert(rule.into(), severity);
        self
    }

    /// The severity to report `rule` with, given its default; `None` when switched off.
    pub fn severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.overrides.get(rule) {
            Some(over) => *over,
            None => Some(default),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_paths_of_merged_reports() {
        let mut inner = ValidationReport::new();
        inner.error("npwp", "npwp.length", "too short");
        inner.warning("[0].amount", "line.amount", "off by one");
        inner.info("", "doc.note", "whole document");
        let mut outer = ValidationReport::new();
        outer.extend_prefixed("seller", inner);
        let paths: Vec<_> = outer.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["seller.npwp", "seller[0].amount", "seller"]);
    }

    #[test]
    fn configured_rules_can_be_raised_or_switched_off() {
        let config = RuleConfig::default()
            .with("a", Some(Severity::Error))
            .with("b", None);
        let mut report = ValidationReport::new();
        report.add_configured(&config, Severity::Warning, "x", "a", "raised");
        report.add_configured(&config, Severity::Warning, "x", "b", "off");
        report.add_configured(&config, Severity::Warning, "x", "c", "default");
        let got: Vec<_> = report
            .iter()
            .map(|f| (f.rule.as_str(), f.severity))
            .collect();
        assert_eq!(got, [("a", Severity::Error), ("c", Severity::Warning)]);
        assert_eq!(report.max_severity(), Some(Severity::Error));
    }

    #[test]
    fn empty_report_has_no_severity() {
        let report = ValidationReport::new();
        assert!(report.is_empty());
        assert!(!report.has_errors());
        assert_eq!(report.max_severity(), None);
    }
}
