//! What every domain function is handed: the configuration, storage, directory, clock, hasher
//! and keys.
//! Built once in `app.rs` and shared (cheaply cloned) by every worker. Also the facts about the
//! current request that audit rows and limits need ([`RequestMeta`]).

use std::net::IpAddr;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::SecretBox;
use crate::delivery::Delivery;
use crate::password::Hasher;
use crate::store::Store;
use crate::tokens::Keyring;

#[derive(Clone)]
pub struct Ctx {
    pub config: Arc<Config>,
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub hasher: Hasher,
    pub keys: Arc<Keyring>,
    pub secrets: Arc<SecretBox>,
    pub delivery: Delivery,
    pub metrics: crate::metrics::Metrics,
    /// The shape of the directory the decoys' phantom people copy.
    pub census: crate::flows::phantom::CensusCache,
    /// Where people live: the built-in directory, or (later) LDAP / Active Directory.
    pub directory: Arc<dyn crate::directory::Directory>,
    /// The passkeys' relying party; `None` when the public URL's host is an IP address.
    pub passkeys: Option<Arc<crate::methods::passkey::RelyingParty>>,
}

impl Ctx {
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

/// Who is asking, as far as the network tells: the client address (the peer, or the
/// `X-Forwarded-For` address when the peer is a trusted proxy) and the user agent.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
    /// The language the request asks for (`Accept-Language`), if one of ours fits.
    pub lang: Option<crate::i18n::Lang>,
}

impl RequestMeta {
    /// The language to write to this request's person in: the one asked for, else the
    /// organisation's (`policy.customization.default_language`).
    pub fn lang_or(&self, policy: &crate::policy::Policy) -> crate::i18n::Lang {
        self.lang.unwrap_or(policy.customization.default_language)
    }
}

/// The signed-in person on whose behalf a change is made.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: Uuid,
    pub username: String,
}

impl Actor {
    pub fn party(&self) -> crate::audit::Party {
        crate::audit::Party::user(self.user_id, &self.username)
    }
}
