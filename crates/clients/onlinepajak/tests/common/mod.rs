//! Shared setup of the OnlinePajak client tests.

#![allow(dead_code, unreachable_pub)]

use onlinepajak_client::{Client, InvoiceError, types};
use serde_json::Value;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_testkit::spec::Spec;

pub const PATH: &str = "/marketplace/v1/invoices";
pub const USER_ID: &str = "1y3bs8en9sb9wmks35js8dd";
/// A unique key value, so any appearance of it in output is a leak.
pub const API_KEY: &str = "opk-PLANTED-7f3a9c51e0";

pub fn client_with(settings: HttpSettings) -> Client {
    Client::from_api_key(API_KEY, &settings).unwrap()
}

pub fn client(base_url: &str) -> Client {
    client_with(HttpSettings::default().with_base_url(base_url))
}

/// The first documented request example of `create_invoice`, decoded.
pub fn create_request() -> types::CreateInvoiceRequest {
    let example = Spec::load("onlinepajak").request_examples("create_invoice")[0]
        .value
        .clone();
    serde_json::from_value(example).unwrap()
}

pub fn get_request() -> types::GetInvoiceRequest {
    types::GetInvoiceRequest {
        invoice_number: "FP/2015/03/0000235".parse().unwrap(),
    }
}

/// Calls `operation` and returns the decoded body as JSON, or the raw and converted errors
/// rendered with `Debug` and `Display`, plus the converted error.
pub async fn call(client: &Client, operation: &str) -> Result<Value, (String, InvoiceError)> {
    let result = match operation {
        "create_invoice" => client.create_invoice(USER_ID, &create_request()).await,
        _ => client.get_invoice(USER_ID, &get_request()).await,
    };
    match result {
        Ok(response) => Ok(serde_json::to_value(response.into_inner()).unwrap()),
        Err(error) => {
            let raw = format!("{error} {error:?}");
            Err((raw, InvoiceError::from_progenitor(error).await))
        }
    }
}
