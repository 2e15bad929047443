//! API keys for portals and automation: named, scoped, optionally expiring and bound to client
//! addresses. The secret (`sspr_<id>_<random>`) is shown once when the key is created; only its
//! MAC is kept. A key authenticates `Authorization: Bearer` requests to the administration
//! within its scopes and nothing else: it is not a person, so it cannot sign in, change security
//! info or manage keys (those take a person's session). Every use is audited under its name.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use ipnet::IpNet;
use rand::RngExt as _;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::audit::{self, Event, EventKind};
use crate::context::{Actor, Ctx, RequestMeta};
use crate::error::{Error, ErrorCode, FieldCode, FieldError};
use crate::store::api_keys::{self as rows, ApiKeyRow};
use crate::store::{ts, utc};

/// What a key may do.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[schema(as = ApiKeyScope)]
pub enum Scope {
    /// Read the policy, people, groups and the directory.
    #[serde(rename = "admin:read")]
    AdminRead,
    /// Change them (create, change and delete people and groups, save the policy, unlock).
    #[serde(rename = "admin:write")]
    AdminWrite,
    /// Read the audit log.
    #[serde(rename = "audit:read")]
    AuditRead,
    /// Read the reset and registration reports.
    #[serde(rename = "reports:read")]
    ReportsRead,
}

impl Scope {
    pub const ALL: [Scope; 4] = [
        Scope::AdminRead,
        Scope::AdminWrite,
        Scope::AuditRead,
        Scope::ReportsRead,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Scope::AdminRead => "admin:read",
            Scope::AdminWrite => "admin:write",
            Scope::AuditRead => "audit:read",
            Scope::ReportsRead => "reports:read",
        }
    }

    /// The scope an administration request needs, from its method and path (one table for
    /// every route, also used to describe them in the API document): reading the audit log or
    /// the reports needs their own scope; other reads (and the read-only previews) need
    /// `admin:read`; every change `admin:write`.
    pub fn needed(method: &str, path: &str) -> Scope {
        let rest = path
            .trim_start_matches("/api/v1")
            .trim_start_matches("/admin/");
        if rest.starts_with("audit") {
            Scope::AuditRead
        } else if rest.starts_with("reports") {
            Scope::ReportsRead
        } else if method.eq_ignore_ascii_case("GET")
            || method.eq_ignore_ascii_case("HEAD")
            || rest == "policy/impact"
            || rest == "messages/preview"
        {
            Scope::AdminRead
        } else {
            Scope::AdminWrite
        }
    }
}

/// A key being created.
pub struct NewKey {
    pub name: String,
    pub scopes: Vec<Scope>,
    pub expires_at: Option<DateTime<Utc>>,
    pub allowed_addresses: Vec<String>,
}

/// A key as administrators see it (never its secret).
pub struct KeyView {
    pub id: Uuid,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub allowed_addresses: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub last_used_from: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A key just created, with its secret (shown this once).
pub struct Created {
    pub key: KeyView,
    pub secret: String,
}

/// A request authenticated by a key.
#[derive(Clone, Debug)]
pub struct KeyCaller {
    pub id: Uuid,
    pub name: String,
}

impl KeyCaller {
    /// Who the audit log names: the key, by name (never a person).
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            username: format!("api-key:{}", self.name),
        }
    }
}

const MAC_PURPOSE: &str = "api-key";
const PREFIX: &str = "sspr_";
/// Random characters after the id: 40 of 62 (238 bits).
const SECRET_LEN: usize = 40;
const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const NAME_MAX: usize = 100;
const ADDRESSES_MAX: usize = 50;

/// Whether a bearer credential is an API key (and not a session token).
pub fn is_key(token: &str) -> bool {
    token.starts_with(PREFIX)
}

fn view(row: &ApiKeyRow) -> KeyView {
    KeyView {
        id: Uuid::parse_str(&row.id).unwrap_or_default(),
        name: row.name.clone(),
        scopes: serde_json::from_str(&row.scopes).unwrap_or_default(),
        allowed_addresses: serde_json::from_str(&row.allowed_addresses).unwrap_or_default(),
        expires_at: row.expires_at.map(utc),
        created_by: row.created_by.clone(),
        created_at: utc(row.created_at),
        last_used_at: row.last_used_at.map(utc),
        last_used_from: row.last_used_from.clone(),
        revoked_at: row.revoked_at.map(utc),
    }
}

fn parse_addresses(list: &[String]) -> Result<Vec<IpNet>, usize> {
    list.iter()
        .enumerate()
        .map(|(i, a)| {
            let a = a.trim();
            a.parse::<IpNet>()
                .or_else(|_| a.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| i)
        })
        .collect()
}

fn validate(new: &NewKey, now: DateTime<Utc>) -> Result<(), Error> {
    let mut errors = Vec::new();
    let name = new.name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        errors.push(FieldError::new(
            "name",
            FieldCode::Length,
            format!("1 to {NAME_MAX} characters, no control characters"),
        ));
    }
    if new.scopes.is_empty() {
        errors.push(FieldError::new(
            "scopes",
            FieldCode::Required,
            "at least one scope",
        ));
    }
    if new.expires_at.is_some_and(|at| at <= now) {
        errors.push(FieldError::new(
            "expires_at",
            FieldCode::OutOfRange,
            "must be in the future",
        ));
    }
    if new.allowed_addresses.len() > ADDRESSES_MAX {
        errors.push(FieldError::new(
            "allowed_addresses",
            FieldCode::TooMany,
            format!("at most {ADDRESSES_MAX}"),
        ));
    } else if let Err(i) = parse_addresses(&new.allowed_addresses) {
        errors.push(FieldError::new(
            format!("allowed_addresses[{i}]"),
            FieldCode::Invalid,
            "an IP address or a network (203.0.113.7, 10.0.0.0/8, 2001:db8::/32)",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(errors))
    }
}

/// Creates a key; its secret is in the answer and nowhere else.
pub async fn create(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    new: NewKey,
) -> Result<Created, Error> {
    let now = ctx.now();
    validate(&new, now)?;
    let id = Uuid::new_v4();
    let mut rng = rand::rng();
    let random: String = (0..SECRET_LEN)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect();
    let secret = format!("{PREFIX}{}_{random}", id.simple());
    let mut scopes = new.scopes.clone();
    scopes.sort();
    scopes.dedup();
    let row = ApiKeyRow {
        id: id.to_string(),
        name: new.name.trim().to_owned(),
        mac: ctx.secrets.mac(MAC_PURPOSE, &secret),
        scopes: serde_json::to_string(&scopes).map_err(|e| Error::internal(e.to_string()))?,
        allowed_addresses: serde_json::to_string(
            &new.allowed_addresses
                .iter()
                .map(|a| a.trim())
                .collect::<Vec<_>>(),
        )
        .map_err(|e| Error::internal(e.to_string()))?,
        expires_at: new.expires_at.map(ts),
        created_by: actor.username.clone(),
        created_at: ts(now),
        last_used_at: None,
        last_used_from: None,
        revoked_at: None,
    };
    let (row_c, party, meta_c) = (row.clone(), actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            if rows::name_taken(conn, &row_c.name)? {
                return Err(Error::validation(
                    "name",
                    FieldCode::Duplicate,
                    "another key that is not revoked has this name",
                ));
            }
            rows::insert(conn, &row_c)?;
            let event = Event::new(EventKind::ApiKeyCreated, party).details(serde_json::json!({
                "key_id": row_c.id,
                "name": row_c.name,
                "scopes": scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                "expires_at": row_c.expires_at,
            }));
            audit::record(conn, now, &meta_c, event)
        })
        .await?;
    Ok(Created {
        key: view(&row),
        secret,
    })
}

pub async fn list(ctx: &Ctx) -> Result<Vec<KeyView>, Error> {
    let rows = ctx.store.read(rows::all).await?;
    Ok(rows.iter().map(view).collect())
}

/// Revokes a key at once (404 for no such key, or one revoked already).
pub async fn revoke(ctx: &Ctx, actor: &Actor, meta: &RequestMeta, id: Uuid) -> Result<(), Error> {
    let now = ctx.now();
    let (party, meta_c) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let Some(row) = rows::find(conn, &id.to_string())? else {
                return Err(Error::NotFound("API key"));
            };
            if !rows::revoke(conn, &row.id, ts(now))? {
                return Err(Error::NotFound("API key"));
            }
            let event = Event::new(EventKind::ApiKeyRevoked, party)
                .details(serde_json::json!({ "key_id": row.id, "name": row.name }));
            audit::record(conn, now, &meta_c, event)
        })
        .await
}

/// The key behind a bearer credential, when it is valid now, from this client address, and
/// holds `needed`; the use is recorded and audited (`api_key.used`, or `api_key.refused` with
/// why). A wrong, revoked or expired key is 401, as any bad credential; a valid key used from
/// an address it is not allowed from, or without the scope, is 403.
pub async fn authenticate(
    ctx: &Ctx,
    token: &str,
    needed: Scope,
    meta: &RequestMeta,
    request: (&str, &str),
) -> Result<KeyCaller, Error> {
    let id = token
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.split_once('_'))
        .and_then(|(id, _)| Uuid::try_parse(id).ok())
        .ok_or(Error::Unauthenticated)?;
    let now = ctx.now();
    let row = ctx
        .store
        .read(move |conn| rows::find(conn, &id.to_string()))
        .await?
        .ok_or(Error::Unauthenticated)?;
    if !ctx.secrets.verify_mac(MAC_PURPOSE, token, &row.mac) {
        return Err(Error::Unauthenticated);
    }
    let key = view(&row);
    let caller = KeyCaller {
        id: key.id,
        name: key.name.clone(),
    };
    let refusal = if key.revoked_at.is_some() {
        Some(("revoked", Error::Unauthenticated))
    } else if key.expires_at.is_some_and(|at| at <= now) {
        Some(("expired", Error::Unauthenticated))
    } else if !address_allowed(&key.allowed_addresses, meta.ip) {
        Some((
            "address_not_allowed",
            Error::NotAllowed {
                code: ErrorCode::AddressNotAllowed,
                detail: "this key may not be used from this address".into(),
            },
        ))
    } else if !key.scopes.contains(&needed) {
        Some((
            "scope_missing",
            Error::NotAllowed {
                code: ErrorCode::InsufficientScope,
                detail: format!("this key lacks the `{}` scope", needed.as_str()).into(),
            },
        ))
    } else {
        None
    };
    let (method, path) = (request.0.to_owned(), request.1.to_owned());
    let from = crate::flows::limits::address_key(meta.ip);
    let (party, meta_c, key_id) = (caller.actor().party(), meta.clone(), row.id.clone());
    let reason = refusal.as_ref().map(|(why, _)| *why);
    ctx.store
        .write(move |conn| {
            let kind = match reason {
                None => {
                    rows::used(conn, &key_id, ts(now), &from)?;
                    EventKind::ApiKeyUsed
                }
                Some(_) => EventKind::ApiKeyRefused,
            };
            let mut event = Event::new(kind, party).details(serde_json::json!({
                "method": method,
                "path": path,
                "scope": needed.as_str(),
                "reason": reason,
            }));
            if reason.is_some() {
                event = event.failed();
            }
            audit::record(conn, now, &meta_c, event)
        })
        .await?;
    match refusal {
        Some((_, error)) => Err(error),
        None => Ok(caller),
    }
}

fn address_allowed(allowed: &[String], ip: Option<IpAddr>) -> bool {
    if allowed.is_empty() {
        return true;
    }
    let Some(ip) = ip else {
        return false;
    };
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    parse_addresses(allowed)
        .unwrap_or_default()
        .iter()
        .any(|net| net.contains(&ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_needs_the_scope_of_what_it_does() {
        assert_eq!(
            Scope::needed("GET", "/api/v1/admin/users"),
            Scope::AdminRead
        );
        assert_eq!(
            Scope::needed("POST", "/api/v1/admin/users"),
            Scope::AdminWrite
        );
        assert_eq!(
            Scope::needed("PUT", "/api/v1/admin/policy"),
            Scope::AdminWrite
        );
        assert_eq!(
            Scope::needed("POST", "/api/v1/admin/policy/impact"),
            Scope::AdminRead
        );
        assert_eq!(
            Scope::needed("GET", "/api/v1/admin/audit"),
            Scope::AuditRead
        );
        assert_eq!(
            Scope::needed("GET", "/api/v1/admin/reports/resets"),
            Scope::ReportsRead
        );
        assert_eq!(
            Scope::needed("GET", "/admin/reports/resets"),
            Scope::ReportsRead
        );
    }

    #[test]
    fn an_address_list_allows_only_its_addresses_and_networks() {
        let list = vec!["203.0.113.7".to_owned(), "10.0.0.0/8".to_owned()];
        assert!(address_allowed(&list, Some("203.0.113.7".parse().unwrap())));
        assert!(address_allowed(&list, Some("10.1.2.3".parse().unwrap())));
        assert!(address_allowed(
            &list,
            Some("::ffff:10.1.2.3".parse().unwrap())
        ));
        assert!(!address_allowed(
            &list,
            Some("203.0.113.8".parse().unwrap())
        ));
        assert!(!address_allowed(&list, None));
        assert!(address_allowed(&[], None));
    }
}
