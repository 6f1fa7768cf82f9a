//! The OCR client for each request: fixed credentials, or an IAM token obtained with a
//! password and cached until shortly before it expires.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use huawei_ocr_client::auth::{Auth, Credentials};
use huawei_ocr_client::signer::AkSk;
use huawei_ocr_client::{Client, PasswordLogin, iam_endpoint, ocr_endpoint};
use taxdoc_client_runtime::secret::Secret;
use tokio::sync::Mutex;

use super::errors::from_client_error;
use crate::config::{HuaweiAuth, HuaweiConfig};
use crate::error::Error;

/// How long before its expiry a cached token is replaced.
const REFRESH_MARGIN: TimeDelta = TimeDelta::minutes(5);

/// How long a token is trusted when IAM does not say when it expires (it lives 24 hours).
const ASSUMED_LIFETIME: TimeDelta = TimeDelta::hours(23);

/// Hands out the OCR client to use for a request.
pub(super) enum Authenticator {
    /// A token or AK/SK pair given in the configuration.
    Fixed(Arc<Client>),
    /// Tokens obtained from IAM with a password.
    Password(Box<PasswordTokens>),
}

/// The IAM login and the cached token.
pub(super) struct PasswordTokens {
    iam: Client,
    login: PasswordLogin,
    ocr_base_url: String,
    http: reqwest::Client,
    cached: Mutex<Option<CachedToken>>,
}

struct CachedToken {
    client: Arc<Client>,
    refresh_at: DateTime<Utc>,
}

impl Authenticator {
    /// The authenticator for `config`, sending through `http`.
    pub(super) fn new(config: &HuaweiConfig, http: reqwest::Client) -> Self {
        let ocr_base_url = config
            .client
            .base_url
            .clone()
            .unwrap_or_else(|| ocr_endpoint(&config.region));
        let ocr_base_url = ocr_base_url.trim_end_matches('/').to_owned();
        let fixed = |credentials: Credentials| {
            let auth = Auth::new(credentials);
            Self::Fixed(Arc::new(Client::new_with_client(
                &ocr_base_url,
                http.clone(),
                auth,
            )))
        };
        match &config.auth {
            HuaweiAuth::Token(token) => fixed(Credentials::Token(token.clone())),
            HuaweiAuth::AkSk {
                access_key,
                secret_key,
            } => fixed(Credentials::AkSk(AkSk::new(
                access_key.clone(),
                secret_key.clone(),
            ))),
            HuaweiAuth::Password {
                user_name,
                password,
                domain_name,
            } => {
                let iam_base_url = config
                    .iam_base_url
                    .clone()
                    .unwrap_or_else(|| iam_endpoint(&config.region));
                let iam = Client::new_with_client(
                    iam_base_url.trim_end_matches('/'),
                    http.clone(),
                    Auth::new(Credentials::Anonymous),
                );
                Self::Password(Box::new(PasswordTokens {
                    iam,
                    login: PasswordLogin {
                        domain: domain_name.clone(),
                        user: user_name.clone(),
                        password: password.clone(),
                        project: config.region.clone(),
                    },
                    ocr_base_url,
                    http,
                    cached: Mutex::new(None),
                }))
            }
        }
    }

    /// The client for the next request, obtaining a token first when none is cached or the
    /// cached one is about to expire.
    pub(super) async fn client(&self) -> Result<Arc<Client>, Error> {
        match self {
            Self::Fixed(client) => Ok(Arc::clone(client)),
            Self::Password(tokens) => tokens.client().await,
        }
    }

    /// Forgets `refused` if it is still the cached token, and says whether a fresh token may
    /// be obtained (only with password authentication).
    pub(super) async fn discard(&self, refused: &Arc<Client>) -> bool {
        match self {
            Self::Fixed(_) => false,
            Self::Password(tokens) => {
                let mut cached = tokens.cached.lock().await;
                if cached
                    .as_ref()
                    .is_some_and(|token| Arc::ptr_eq(&token.client, refused))
                {
                    *cached = None;
                }
                true
            }
        }
    }
}

impl PasswordTokens {
    async fn client(&self) -> Result<Arc<Client>, Error> {
        let mut cached = self.cached.lock().await;
        let now = Utc::now();
        if let Some(token) = cached.as_ref().filter(|token| now < token.refresh_at) {
            return Ok(Arc::clone(&token.client));
        }
        let issued = self
            .iam
            .obtain_token(&self.login)
            .await
            .map_err(|error| from_client_error(error, "obtaining an IAM token"))?;
        let expires_at = issued
            .expires_at
            .unwrap_or_else(|| now.checked_add_signed(ASSUMED_LIFETIME).unwrap_or(now));
        let client = Arc::new(self.token_client(issued.token));
        *cached = Some(CachedToken {
            client: Arc::clone(&client),
            refresh_at: expires_at
                .checked_sub_signed(REFRESH_MARGIN)
                .unwrap_or(expires_at),
        });
        Ok(client)
    }

    fn token_client(&self, token: Secret) -> Client {
        Client::new_with_client(
            &self.ocr_base_url,
            self.http.clone(),
            Auth::new(Credentials::Token(token)),
        )
    }
}

impl fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Fixed(client) => f
                .debug_struct("Fixed")
                .field("method", &credentials_kind(client.as_ref()))
                .finish(),
            Self::Password(tokens) => f
                .debug_struct("Password")
                .field("user", &tokens.login.user)
                .field("domain", &tokens.login.domain)
                .field("project", &tokens.login.project)
                .field("password", &"<redacted>")
                .finish_non_exhaustive(),
        }
    }
}

fn credentials_kind(client: &Client) -> &'static str {
    use huawei_ocr_client::ClientInfo;
    match client.inner().credentials() {
        Credentials::Token(_) => "token",
        Credentials::AkSk(_) => "ak/sk",
        _ => "anonymous",
    }
}
