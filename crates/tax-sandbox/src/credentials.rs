//! The credentials the sandbox accepts, per provider, with documented defaults.

use std::fmt;
use std::time::Duration;

/// Stands in for a secret in `Debug` output.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// GLAIR Vision credentials: `Authorization: Basic base64(username:password)` and `x-api-key`.
///
/// Defaults: username `sandbox-glair-user`, password `sandbox-glair-password`, API key
/// `sandbox-glair-api-key`.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GlairCredentials {
    /// Basic-auth user name.
    pub username: String,
    /// Basic-auth password (secret).
    pub password: String,
    /// `x-api-key` value (secret).
    pub api_key: String,
}

impl Default for GlairCredentials {
    fn default() -> Self {
        Self {
            username: "sandbox-glair-user".to_owned(),
            password: "sandbox-glair-password".to_owned(),
            api_key: "sandbox-glair-api-key".to_owned(),
        }
    }
}

impl fmt::Debug for GlairCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GlairCredentials")
            .field("username", &self.username)
            .field("password", &Redacted)
            .field("api_key", &Redacted)
            .finish()
    }
}

/// OnlinePajak credentials: the `api_key` query parameter and the known `user_id`s.
///
/// Defaults: API key `sandbox-onlinepajak-api-key`, user IDs `["1y3bs8en9sb9wmks35js8dd"]`
/// (the documented example).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OnlinePajakCredentials {
    /// `api_key` query value (secret).
    pub api_key: String,
    /// `user_id` values the sandbox knows; invoices are kept per user.
    pub user_ids: Vec<String>,
}

impl Default for OnlinePajakCredentials {
    fn default() -> Self {
        Self {
            api_key: "sandbox-onlinepajak-api-key".to_owned(),
            user_ids: vec!["1y3bs8en9sb9wmks35js8dd".to_owned()],
        }
    }
}

impl fmt::Debug for OnlinePajakCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OnlinePajakCredentials")
            .field("api_key", &Redacted)
            .field("user_ids", &self.user_ids)
            .finish()
    }
}

/// Huawei Cloud credentials: an IAM user for password tokens, and an AK/SK pair for
/// `SDK-HMAC-SHA256` signatures.
///
/// Defaults: user `ocr-user`, password `sandbox-huawei-password`, domain `example-account`,
/// project `0123456789abcdef0123456789abcdef` named `cn-north-4`, access key
/// `AKSANDBOX0000000TEST`, secret key `sandbox-huawei-secret-key`, token lifetime 24 hours.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HuaweiCredentials {
    /// IAM user name.
    pub user_name: String,
    /// IAM password (secret).
    pub password: String,
    /// IAM domain (account) name.
    pub domain_name: String,
    /// Project ID expected in `/v2/{project_id}/...`.
    pub project_id: String,
    /// Project name (the region) that tokens are scoped to.
    pub project_name: String,
    /// Access key ID for AK/SK signing.
    pub access_key: String,
    /// Secret access key (secret).
    pub secret_key: String,
    /// How long issued tokens stay valid.
    pub token_lifetime: Duration,
}

impl Default for HuaweiCredentials {
    fn default() -> Self {
        Self {
            user_name: "ocr-user".to_owned(),
            password: "sandbox-huawei-password".to_owned(),
            domain_name: "example-account".to_owned(),
            project_id: "0123456789abcdef0123456789abcdef".to_owned(),
            project_name: "cn-north-4".to_owned(),
            access_key: "AKSANDBOX0000000TEST".to_owned(),
            secret_key: "sandbox-huawei-secret-key".to_owned(),
            token_lifetime: Duration::from_secs(24 * 60 * 60),
        }
    }
}

impl fmt::Debug for HuaweiCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HuaweiCredentials")
            .field("user_name", &self.user_name)
            .field("password", &Redacted)
            .field("domain_name", &self.domain_name)
            .field("project_id", &self.project_id)
            .field("project_name", &self.project_name)
            .field("access_key", &self.access_key)
            .field("secret_key", &Redacted)
            .field("token_lifetime", &self.token_lifetime)
            .finish()
    }
}

/// DeepFinch credentials: `X-DF-API-ID` and `X-DF-API-SECRET`.
///
/// Defaults: API ID `sandbox-deepfinch-id`, secret `sandbox-deepfinch-secret`.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeepFinchCredentials {
    /// `X-DF-API-ID` value.
    pub api_id: String,
    /// `X-DF-API-SECRET` value (secret).
    pub api_secret: String,
}

impl Default for DeepFinchCredentials {
    fn default() -> Self {
        Self {
            api_id: "sandbox-deepfinch-id".to_owned(),
            api_secret: "sandbox-deepfinch-secret".to_owned(),
        }
    }
}

impl fmt::Debug for DeepFinchCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeepFinchCredentials")
            .field("api_id", &self.api_id)
            .field("api_secret", &Redacted)
            .finish()
    }
}

/// The credentials of every provider. `Debug` never shows a secret.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Credentials {
    /// GLAIR Vision.
    pub glair: GlairCredentials,
    /// OnlinePajak.
    pub onlinepajak: OnlinePajakCredentials,
    /// Huawei Cloud OCR and IAM.
    pub huawei: HuaweiCredentials,
    /// DeepFinch.
    pub deepfinch: DeepFinchCredentials,
}
