//! Comparing a decoded value, serialized back to JSON, with the JSON that was served.

use serde_json::Value;

/// Asserts that `actual` (a decoded value serialized again) carries exactly the data of
/// `expected` (the served JSON): same keys and values, where an expected `null`, `[]` or `{}`
/// may be absent from `actual` (optional fields are skipped when empty). Panics with the JSON
/// path of the first difference.
pub fn assert_same_data(expected: &Value, actual: &Value) {
    if let Err(difference) = compare("$", expected, actual) {
        panic!("{difference}\nexpected: {expected:#}\nactual: {actual:#}");
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

fn compare(path: &str, expected: &Value, actual: &Value) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            for (key, value) in expected {
                let child = format!("{path}.{key}");
                match actual.get(key) {
                    Some(found) => compare(&child, value, found)?,
                    None if is_empty(value) => {}
                    None => return Err(format!("{child} is missing")),
                }
            }
            match actual.keys().find(|key| !expected.contains_key(*key)) {
                Some(key) => Err(format!("{path}.{key} was not served")),
                None => Ok(()),
            }
        }
        (Value::Array(expected), Value::Array(actual)) => {
            if expected.len() != actual.len() {
                return Err(format!(
                    "{path} has {} items, expected {}",
                    actual.len(),
                    expected.len()
                ));
            }
            expected
                .iter()
                .zip(actual)
                .enumerate()
                .try_for_each(|(index, (e, a))| compare(&format!("{path}[{index}]"), e, a))
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => Ok(()),
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path} is {actual}, expected {expected}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_values_may_be_skipped_but_data_must_match() {
        assert!(compare("$", &json!({"a": [], "b": null, "c": 1}), &json!({"c": 1})).is_ok());
        assert!(compare("$", &json!({"c": 1}), &json!({"c": 2})).is_err());
        assert!(compare("$", &json!({"c": 1}), &json!({"c": 1, "d": 0})).is_err());
        assert!(compare("$", &json!({"c": "1"}), &json!({"c": 1})).is_err());
        assert!(compare("$", &json!([1, 2]), &json!([1])).is_err());
    }
}
