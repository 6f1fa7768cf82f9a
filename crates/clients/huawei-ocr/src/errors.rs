//! The provider's error envelopes as typed errors.

use taxdoc_client_runtime::error::{ApiError, ErrorEnvelope};
use taxdoc_client_runtime::request_id::HUAWEI_REQUEST_ID;

use crate::types::{HuaweiError, IamError};

/// An error of the OCR operation, with the `{error_code, error_msg}` envelope when present.
pub type OcrError = ApiError<HuaweiError>;

/// An error of the IAM token call.
pub type TokenError = ApiError<IamError>;

/// The Huawei API gateway's throttling code; retry after a few seconds.
pub const THROTTLED: &str = "APIG.0308";

impl ErrorEnvelope for HuaweiError {
    const REQUEST_ID_HEADER: Option<&'static str> = Some(HUAWEI_REQUEST_ID);

    fn code(&self) -> Option<String> {
        self.error_code.clone()
    }

    fn message(&self) -> Option<String> {
        self.error_msg.clone()
    }

    fn is_throttled(&self) -> bool {
        self.error_code.as_deref() == Some(THROTTLED)
    }
}

impl ErrorEnvelope for IamError {
    const REQUEST_ID_HEADER: Option<&'static str> = Some(HUAWEI_REQUEST_ID);

    fn code(&self) -> Option<String> {
        self.error_code.clone().or_else(|| {
            self.error
                .as_ref()
                .and_then(|detail| detail.code.as_ref())
                .map(ToString::to_string)
        })
    }

    fn message(&self) -> Option<String> {
        self.error_msg.clone().or_else(|| {
            self.error
                .as_ref()
                .and_then(|detail| detail.message.clone())
        })
    }

    fn is_throttled(&self) -> bool {
        self.error_code.as_deref() == Some(THROTTLED)
    }
}
