//! A device holding one passkey, for the tests: 1Password's `passkey` crate (an independent
//! implementation of the authenticator and the browser's client) standing in for a phone or a
//! laptop. It takes the service's options as a browser's `parse…OptionsFromJSON` would and
//! answers what `PublicKeyCredential.toJSON()` would.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use passkey::authenticator::{Authenticator, UiHint, UserCheck, UserValidationMethod};
use passkey::client::{Client, DefaultClientData, WebauthnError};
use passkey::crypto::rust_crypto::RustCryptoBackend;
use passkey::types::{
    Passkey as Stored,
    ctap2::{Aaguid, Ctap2Error},
    webauthn as pkt,
};
use serde_json::{Value, json};
use url::Url;

/// The person at the device: present, and passing its PIN or biometric unless told not to.
struct Person {
    verifies: Arc<AtomicBool>,
}

#[async_trait::async_trait]
impl UserValidationMethod for Person {
    type PasskeyItem = Stored;

    async fn check_user<'a>(
        &self,
        hint: UiHint<'a, Self::PasskeyItem>,
        presence: bool,
        verification: bool,
    ) -> Result<UserCheck, Ctap2Error> {
        // A real authenticator refuses to make a second credential for an excluded one.
        if let UiHint::InformExcludedCredentialFound(_) = hint {
            return Err(Ctap2Error::CredentialExcluded);
        }
        Ok(UserCheck {
            presence,
            verification: verification && self.verifies.load(Ordering::SeqCst),
        })
    }

    fn is_presence_enabled(&self) -> bool {
        true
    }

    fn is_verification_enabled(&self) -> Option<bool> {
        Some(true)
    }
}

type SoftClient =
    Client<Option<Stored>, Person, RustCryptoBackend, public_suffix::PublicSuffixList, ()>;

pub struct Device {
    client: SoftClient,
    verifies: Arc<AtomicBool>,
    /// The origin the browser reports (the page's).
    pub origin: String,
}

impl Device {
    /// A new device with no passkey, in a browser at `origin`.
    pub fn new(origin: &str) -> Self {
        let verifies = Arc::new(AtomicBool::new(true));
        let authenticator = Authenticator::new(
            Aaguid::new_empty(),
            None,
            Person {
                verifies: verifies.clone(),
            },
            RustCryptoBackend,
        );
        Self {
            client: Client::new(authenticator).allows_insecure_localhost(true),
            verifies,
            origin: origin.to_owned(),
        }
    }

    /// From now on the person fails (or passes) the device's PIN or biometric.
    pub fn set_verifies(&self, verifies: bool) {
        self.verifies.store(verifies, Ordering::SeqCst);
    }

    /// `navigator.credentials.create({publicKey})` for the service's creation options.
    pub async fn create(&mut self, options: &Value) -> Result<Value, WebauthnError> {
        let origin = Url::parse(&self.origin).unwrap();
        let request: pkt::CredentialCreationOptions =
            serde_json::from_value(json!({ "publicKey": options })).unwrap();
        let made = self
            .client
            .register(&origin, request, DefaultClientData)
            .await?;
        Ok(serde_json::to_value(&made).unwrap())
    }

    /// `navigator.credentials.get({publicKey})` for the service's request options.
    pub async fn get(&mut self, options: &Value) -> Result<Value, WebauthnError> {
        let origin = Url::parse(&self.origin).unwrap();
        let request: pkt::CredentialRequestOptions =
            serde_json::from_value(json!({ "publicKey": options })).unwrap();
        let answer = self
            .client
            .authenticate(&origin, request, DefaultClientData)
            .await?;
        Ok(serde_json::to_value(&answer).unwrap())
    }
}
