//! What a method keeps of its own, in one column (`methods.data`, JSON) rather than a column per
//! kind: an address or number, an authenticator's sealed seed and the last time step it
//! accepted. A kind with data of a new shape (a passkey's credential) adds a variant here; the
//! table does not change.
//!
//! The row's `kind` says which kind it is; the variant says which shape its data has, so the
//! stored text reads on its own (`{"type":"destination","address":"a@example.org"}`).

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::store::methods::MethodRow;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum MethodData {
    /// Where codes go: a normalised email address or an E.164 number, with an office
    /// extension.
    Destination {
        address: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        extension: Option<String>,
    },
    /// An authenticator app: its seed sealed with the encryption key (bound to the method's
    /// id, never in clear), and the last time step accepted (RFC 6238 §5.2: never again).
    Totp {
        sealed_seed: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_step: Option<i64>,
    },
    /// Recovery codes: the MACs of the codes not used yet (bound to the method's id); a code
    /// used leaves the list.
    RecoveryCodes { unused: Vec<String> },
    /// A passkey being registered: its name (the ceremony's state is in `ceremonies`).
    PasskeyPending { name: String },
    /// A registered passkey: its name, the relying party id it is bound to, and the
    /// credential (webauthn-rs's `Passkey`: the id, the public key, the counter).
    Passkey {
        name: String,
        rp_id: String,
        credential: serde_json::Value,
    },
    /// Nothing of its own (security questions keep their answers in their own table; a
    /// phantom's app has no seed).
    #[default]
    None,
}

impl MethodData {
    pub fn encode(&self) -> String {
        // Serialising these plain variants cannot fail.
        serde_json::to_string(self).unwrap_or_else(|_| r#"{"type":"none"}"#.to_owned())
    }

    pub fn decode(text: &str) -> Result<Self, Error> {
        serde_json::from_str(text).map_err(|e| Error::internal(format!("method data: {e}")))
    }

    /// The name the person gave the method (a passkey's), if it has one.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::Passkey { name, .. } | Self::PasskeyPending { name } => Some(name),
            _ => None,
        }
    }

    /// The address or number a code goes to, if the method has one.
    pub fn destination(&self) -> Option<&str> {
        match self {
            Self::Destination { address, .. } => Some(address),
            _ => None,
        }
    }
}

impl MethodRow {
    /// The row's data; a row this version cannot read (written by a later one) reads as none,
    /// which no proof accepts.
    pub fn data(&self) -> MethodData {
        MethodData::decode(&self.data).unwrap_or_else(|e| {
            tracing::error!(method_id = %self.id, error = %e, "unreadable method data");
            MethodData::None
        })
    }

    /// The address or number of the method, if it has one.
    pub fn destination(&self) -> Option<String> {
        self.data().destination().map(str::to_owned)
    }
}

/// The destination of stored data (for the queries that return the column alone).
pub fn destination_of(data: &str) -> Option<String> {
    MethodData::decode(data)
        .ok()
        .and_then(|d| d.destination().map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shape_round_trips_and_reads_on_its_own() {
        let cases = [
            (
                MethodData::Destination {
                    address: "a@example.org".into(),
                    extension: None,
                },
                r#"{"type":"destination","address":"a@example.org"}"#,
            ),
            (
                MethodData::Destination {
                    address: "+4930123".into(),
                    extension: Some("12".into()),
                },
                r#"{"type":"destination","address":"+4930123","extension":"12"}"#,
            ),
            (
                MethodData::Totp {
                    sealed_seed: "v1.abc".into(),
                    last_step: Some(7),
                },
                r#"{"type":"totp","sealed_seed":"v1.abc","last_step":7}"#,
            ),
            (
                MethodData::RecoveryCodes {
                    unused: vec!["k1$a".into(), "k1$b".into()],
                },
                r#"{"type":"recovery_codes","unused":["k1$a","k1$b"]}"#,
            ),
            (MethodData::None, r#"{"type":"none"}"#),
        ];
        for (data, text) in cases {
            assert_eq!(data.encode(), text);
            assert_eq!(MethodData::decode(text).unwrap(), data);
        }
    }

    #[test]
    fn only_a_destination_has_one() {
        let d = MethodData::Destination {
            address: "+4930123".into(),
            extension: None,
        };
        assert_eq!(d.destination(), Some("+4930123"));
        let t = MethodData::Totp {
            sealed_seed: "x".into(),
            last_step: None,
        };
        assert_eq!(t.destination(), None);
        assert_eq!(MethodData::None.destination(), None);
        assert_eq!(destination_of("not json"), None);
    }

    #[test]
    fn unknown_shapes_and_fields_are_refused() {
        assert!(MethodData::decode(r#"{"type":"passkey"}"#).is_err());
        assert!(MethodData::decode(r#"{"type":"totp","sealed_seed":"x","secret":"y"}"#).is_err());
    }
}
