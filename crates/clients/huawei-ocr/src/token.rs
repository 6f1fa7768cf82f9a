//! Obtaining an IAM token for `X-Auth-Token` authentication.

use chrono::{DateTime, Utc};
use taxdoc_client_runtime::error::{ApiError, ErrorKind};
use taxdoc_client_runtime::secret::Secret;

use crate::Client;
use crate::errors::TokenError;
use crate::types::{
    NamedReference, PasswordIdentity, PasswordUser, TokenAuth, TokenIdentity, TokenRequest,
    TokenResponse, TokenScope,
};

/// Response header carrying the issued token.
pub const SUBJECT_TOKEN_HEADER: &str = "x-subject-token";

/// Password login of an IAM user, scoped to a project (region) name.
#[derive(Debug, Clone)]
pub struct PasswordLogin {
    /// The account (domain) name.
    pub domain: String,
    /// The IAM user name.
    pub user: String,
    /// The user's password.
    pub password: Secret,
    /// The project name, usually the region (e.g. `cn-north-4`).
    pub project: String,
}

/// An issued IAM token.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    /// The token, to send as `X-Auth-Token`.
    pub token: Secret,
    /// When the token expires (24 h after issue), when the response says so.
    pub expires_at: Option<DateTime<Utc>>,
    /// The decoded response body (project, roles, catalog).
    pub details: TokenResponse,
    /// The response's `X-Request-Id`.
    pub request_id: Option<String>,
}

impl Client {
    /// Obtains a project-scoped token with `login` through the generated `create_token`.
    /// Call it on an IAM client ([`Client::iam`]).
    pub async fn obtain_token(&self, login: &PasswordLogin) -> Result<IssuedToken, TokenError> {
        let request = TokenRequest {
            auth: TokenAuth {
                identity: TokenIdentity {
                    methods: vec!["password".to_owned()],
                    password: PasswordIdentity {
                        user: PasswordUser {
                            domain: NamedReference {
                                id: None,
                                name: Some(login.domain.clone()),
                            },
                            name: login.user.clone(),
                            password: login.password.expose().into(),
                        },
                    },
                },
                scope: TokenScope {
                    project: NamedReference {
                        id: None,
                        name: Some(login.project.clone()),
                    },
                },
            },
        };
        let response = match self.create_token(&request).await {
            Ok(response) => response,
            Err(error) => {
                return Err(ApiError::from_progenitor(error)
                    .await
                    .scrub(&[login.password.expose()]));
            }
        };
        let request_id = crate::request_id(&response).map(str::to_owned);
        let token = response
            .headers()
            .get(SUBJECT_TOKEN_HEADER)
            .and_then(|value| value.to_str().ok())
            .filter(|value| !value.is_empty())
            .map(Secret::new);
        let Some(token) = token else {
            return Err(ApiError::from_response(
                ErrorKind::UnexpectedBody,
                response.status(),
                response.headers(),
                "the token response has no X-Subject-Token header",
            ));
        };
        let details = response.into_inner();
        let expires_at = details
            .token
            .as_ref()
            .and_then(|token| token.expires_at.as_deref())
            .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
            .map(|time| time.with_timezone(&Utc));
        Ok(IssuedToken {
            token,
            expires_at,
            details,
            request_id,
        })
    }
}
