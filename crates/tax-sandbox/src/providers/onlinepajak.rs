//! OnlinePajak: `POST` and `GET /marketplace/v1/invoices` (GET with a JSON body).

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use bytes::Bytes;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::json_response;
use crate::auth::onlinepajak::{Refusal, authorize};
use crate::state::SharedState;
use crate::store::{CreateError, MANDATORY_FIELDS, StoredInvoice};

/// An application error `{code, message}`.
pub(crate) fn app_error(status: StatusCode, message: &str) -> Response {
    json_response(
        status,
        &json!({"code": status.as_u16(), "message": message}),
    )
}

fn refuse(refusal: &Refusal) -> Response {
    match refusal {
        Refusal::InvalidApiKey => json_response(
            StatusCode::UNAUTHORIZED,
            &json!({"error": {
                "code": "API_KEY_INVALID",
                "message": "An invalid api_key was supplied. Get one at http://api.staging-achilles.systems",
            }}),
        ),
        Refusal::UnknownUser => app_error(StatusCode::BAD_REQUEST, "invalid token given"),
    }
}

fn missing_parameters(names: &[&str]) -> Response {
    app_error(
        StatusCode::BAD_REQUEST,
        &format!(
            "Missing mandatory parameters ({}) in the request body!",
            names.join(", ")
        ),
    )
}

/// `POST /marketplace/v1/invoices`.
pub(crate) async fn create(
    State(state): State<SharedState>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let user_id = match authorize(&state.credentials.onlinepajak, query.as_deref()) {
        Ok(user_id) => user_id,
        Err(refusal) => return refuse(&refusal),
    };
    let request = match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(request)) => request,
        _ => return missing_parameters(&MANDATORY_FIELDS),
    };
    match state.store.create(&user_id, request) {
        Ok(invoice) => success(&state, &invoice),
        Err(CreateError::MissingMandatory) => missing_parameters(&MANDATORY_FIELDS),
        Err(CreateError::Invalid(field)) => json_response(
            StatusCode::BAD_REQUEST,
            &json!([{"field": field, "message": "This value is not valid."}]),
        ),
        Err(CreateError::UnknownOldId) => app_error(StatusCode::NOT_FOUND, "Invoice not found"),
    }
}

/// `GET /marketplace/v1/invoices` with `{"invoiceNumber": ...}` as the body.
pub(crate) async fn get(
    State(state): State<SharedState>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let user_id = match authorize(&state.credentials.onlinepajak, query.as_deref()) {
        Ok(user_id) => user_id,
        Err(refusal) => return refuse(&refusal),
    };
    let request = serde_json::from_slice::<Value>(&body).unwrap_or(Value::Null);
    let number = match request.get("invoiceNumber") {
        Some(Value::String(number)) if !number.is_empty() => number.clone(),
        Some(Value::Number(number)) => number.to_string(),
        _ => return missing_parameters(&["invoiceNumber"]),
    };
    match state.store.find(&user_id, &number) {
        Some(invoice) => success(&state, &invoice),
        None => app_error(StatusCode::NOT_FOUND, "Invoice not found"),
    }
}

/// The documented success envelope, with this invoice in `response.invoice`.
fn success(state: &SharedState, invoice: &StoredInvoice) -> Response {
    let mut body = state.samples.onlinepajak_created.clone();
    let mut fields = Map::new();
    fields.insert("invoiceId".to_owned(), Value::from(invoice.invoice_id));
    fields.insert(
        "invoiceDate".to_owned(),
        Value::from(invoice.invoice_date.clone()),
    );
    fields.insert(
        "invoiceDueDate".to_owned(),
        Value::from(invoice.due_date.clone()),
    );
    fields.insert("grossAmount".to_owned(), amount(invoice.gross_amount));
    fields.insert("grandTotal".to_owned(), amount(invoice.grand_total));
    fields.insert("revision".to_owned(), Value::from(invoice.revision));
    fields.insert(
        "taxPeriod".to_owned(),
        Value::from(invoice.tax_period.clone()),
    );
    match body.pointer_mut("/response/invoice") {
        Some(slot) => *slot = Value::Object(fields),
        None => body = json!({"code": 200, "response": {"invoice": fields}}),
    }
    json_response(StatusCode::OK, &body)
}

/// A whole amount as a JSON number (as documented); a fractional one as an exact decimal string.
fn amount(value: Decimal) -> Value {
    let whole = value.normalize();
    if whole.scale() == 0
        && let Ok(integer) = i64::try_from(whole)
    {
        return Value::from(integer);
    }
    Value::from(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::amount;
    use rust_decimal::Decimal;
    use serde_json::Value;
    use std::str::FromStr;

    #[test]
    fn whole_amounts_are_numbers_and_fractions_are_exact_strings() {
        assert_eq!(
            amount(Decimal::from_str("660000.00").unwrap()),
            Value::from(660_000)
        );
        assert_eq!(
            amount(Decimal::from_str("12345678901234567.89").unwrap()),
            Value::from("12345678901234567.89")
        );
    }
}
