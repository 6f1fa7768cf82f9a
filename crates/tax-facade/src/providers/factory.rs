//! Readers and submitters chosen at run time, by provider, from a [`TaxdocConfig`].

use crate::config::TaxdocConfig;
use crate::error::{Error, ErrorKind};
use crate::provider::ProviderId;
use crate::reader::DynDocumentReader;
use crate::submitter::DynInvoiceSubmitter;

/// The reader of `provider`, built from its section of `config`.
///
/// [`ProviderId::Local`] needs no configuration. Fails with [`ErrorKind::Config`] when
/// another provider is not configured (naming the variables
/// that configure it) or its client cannot be built, and with [`ErrorKind::Unsupported`] for
/// a provider that does not read documents.
///
/// ```
/// use tax_facade::config::{DeepFinchConfig, TaxdocConfig};
/// use tax_facade::providers::reader_for;
/// use tax_facade::{ErrorKind, ProviderId};
///
/// let mut config = TaxdocConfig::default();
/// config.deepfinch = Some(DeepFinchConfig::new("id", "secret"));
/// assert_eq!(reader_for(ProviderId::DeepFinch, &config)?.provider(), ProviderId::DeepFinch);
/// let missing = reader_for(ProviderId::Glair, &config).unwrap_err();
/// assert_eq!(missing.kind(), ErrorKind::Config);
/// # Ok::<(), tax_facade::Error>(())
/// ```
pub fn reader_for(
    provider: ProviderId,
    config: &TaxdocConfig,
) -> Result<Box<DynDocumentReader>, Error> {
    match provider {
        ProviderId::Glair => {
            let config = configured(config.glair.clone(), provider)?;
            Ok(Box::new(super::glair::GlairReader::new(config)?))
        }
        ProviderId::HuaweiOcr => {
            let config = configured(config.huawei.clone(), provider)?;
            Ok(Box::new(super::huawei::HuaweiReader::new(config)?))
        }
        ProviderId::DeepFinch => {
            let config = configured(config.deepfinch.clone(), provider)?;
            Ok(Box::new(super::deepfinch::DeepFinchReader::new(config)?))
        }
        ProviderId::Local => Ok(Box::new(super::local::LocalReader::new())),
        _ => Err(Error::new(
            ErrorKind::Unsupported,
            format!("{provider} does not read documents"),
        )
        .with_provider(provider)),
    }
}

/// The invoice submitter (OnlinePajak), built from the `onlinepajak` section of `config`.
///
/// Fails with [`ErrorKind::Config`] when OnlinePajak is not configured or its client cannot be
/// built.
pub fn submitter_for(config: &TaxdocConfig) -> Result<Box<DynInvoiceSubmitter>, Error> {
    let config = configured(config.onlinepajak.clone(), ProviderId::OnlinePajak)?;
    Ok(Box::new(super::onlinepajak::OnlinePajakSubmitter::new(
        config,
    )?))
}

/// `section`, or a configuration error naming the variables that configure `provider`.
fn configured<T>(section: Option<T>, provider: ProviderId) -> Result<T, Error> {
    section.ok_or_else(|| {
        let prefix = match provider {
            ProviderId::HuaweiOcr => "TAXDOC_HUAWEI_".to_owned(),
            other => format!("TAXDOC_{}_", other.as_str().to_uppercase()),
        };
        Error::new(
            ErrorKind::Config,
            format!("{provider} is not configured: set the {prefix}* variables (see `taxdoc read --help`) or use the sandbox"),
        )
        .with_provider(provider)
    })
}
