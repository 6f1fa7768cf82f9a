//! The trait impls every string-backed identifier shares.

/// Implements `FromStr` (through the type's checked `parse`), serde as a string (serializing
/// its `Display`, deserializing through `parse`, so a deserialized value is always valid) and a
/// string JSON Schema with a description and pattern.
///
/// With `display = as_str` it also implements `Display` by writing the type's `as_str()`, for
/// types that store their canonical text.
macro_rules! string_identifier {
    ($ty:ty, $schema_name:literal, $description:literal, $pattern:literal, display = as_str) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::identifier::string_identifier!($ty, $schema_name, $description, $pattern);
    };
    ($ty:ty, $schema_name:literal, $description:literal, $pattern:literal) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::ParseError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = ::std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                Self::parse(&text).map_err(::serde::de::Error::custom)
            }
        }

        impl ::schemars::JsonSchema for $ty {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                $schema_name.into()
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({
                    "type": "string",
                    "description": $description,
                    "pattern": $pattern,
                })
            }
        }
    };
}

pub(crate) use string_identifier;
