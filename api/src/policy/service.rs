//! Loading and saving the policy: every save is a new version row and an audit row, written in
//! one transaction. Optimistic concurrency: a save may name the version it was based on
//! (`If-Match`), and is refused when someone saved in between.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::Policy;
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Actor, Ctx, RequestMeta};
use crate::error::{Error, ErrorCode};
use crate::store::{self, DbConn, policy::PolicyRow, ts, utc};

/// The policy in force and where it came from.
#[derive(Clone, Debug)]
pub struct CurrentPolicy {
    /// 0 for the built-in defaults that were never saved.
    pub version: i64,
    pub updated_at: Option<DateTime<Utc>>,
    pub policy: Policy,
}

pub async fn current(ctx: &Ctx) -> Result<CurrentPolicy, Error> {
    ctx.store.read(current_on).await
}

pub fn current_on(conn: &mut DbConn) -> Result<CurrentPolicy, Error> {
    match store::policy::current(conn)? {
        None => Ok(CurrentPolicy {
            version: 0,
            updated_at: None,
            policy: Policy::default(),
        }),
        Some(row) => {
            let policy = serde_json::from_str(&row.document).map_err(|e| {
                Error::internal(format!(
                    "stored policy version {} is unreadable: {e}",
                    row.version
                ))
            })?;
            Ok(CurrentPolicy {
                version: row.version,
                updated_at: Some(utc(row.created_at)),
                policy,
            })
        }
    }
}

/// The policy a stored document holds (none saved yet: the defaults).
pub fn of_document(document: Option<&str>) -> Result<Policy, Error> {
    document.map_or_else(
        || Ok(Policy::default()),
        |d| {
            serde_json::from_str(d)
                .map_err(|e| Error::internal(format!("the current policy is unreadable: {e}")))
        },
    )
}

/// The groups a policy's scope may name: the directory's.
pub async fn group_ids(ctx: &Ctx) -> Result<HashSet<Uuid>, Error> {
    Ok(ctx
        .directory
        .group_ids()
        .await?
        .iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect())
}

/// Validates and saves `policy` as the next version. `expected_version`, when given, must be the
/// version in force (409 `version_conflict` otherwise).
pub async fn update(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    policy: Policy,
    expected_version: Option<i64>,
) -> Result<CurrentPolicy, Error> {
    let now = ctx.now();
    let groups = group_ids(ctx).await?;
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let before = current_on(conn)?;
            if let Some(expected) = expected_version
                && expected != before.version
            {
                return Err(Error::conflict(
                    ErrorCode::VersionConflict,
                    format!("the policy changed since version {expected}; it is now version {}", before.version),
                ));
            }
            policy.validate(&groups).map_err(Error::Validation)?;
            let version = before.version + 1;
            let document = serde_json::to_string(&policy).map_err(|e| Error::internal(e.to_string()))?;
            store::policy::insert(
                conn,
                &PolicyRow { version, document, created_at: ts(now), created_by: actor_party.id.clone() },
            )?;
            let event = Event::new(EventKind::PolicyUpdated, actor_party)
                .target(Party::named(version, "policy"))
                .details(serde_json::json!({ "version": version, "changed": changed_sections(&before.policy, &policy) }));
            audit::record(conn, now, &meta, event)?;
            Ok(CurrentPolicy { version, updated_at: Some(now), policy })
        })
        .await
}

/// Saves the defaults as version 1 on a fresh installation, so the history starts somewhere.
pub fn ensure_initial(conn: &mut DbConn, now: DateTime<Utc>) -> Result<(), Error> {
    if store::policy::current(conn)?.is_none() {
        let document = serde_json::to_string(&Policy::default())
            .map_err(|e| Error::internal(e.to_string()))?;
        store::policy::insert(
            conn,
            &PolicyRow {
                version: 1,
                document,
                created_at: ts(now),
                created_by: None,
            },
        )?;
        let event = Event::new(EventKind::PolicyUpdated, Party::system())
            .target(Party::named(1, "policy"))
            .details(serde_json::json!({ "version": 1, "changed": ["initial defaults"] }));
        audit::record(conn, now, &RequestMeta::default(), event)?;
    }
    Ok(())
}

/// The top-level sections that differ, for the audit row (names only, never values).
fn changed_sections(a: &Policy, b: &Policy) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(a), serde_json::to_value(b))
    else {
        return Vec::new();
    };
    b.iter()
        .filter(|(k, v)| a.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect()
}

/// What a client needs to know before anyone signs in (`GET /api/v1/config/public`).
#[derive(Clone, Debug)]
pub struct PublicConfig {
    pub captcha: PublicCaptcha,
    pub helpdesk: crate::policy::CustomizationPolicy,
    pub password_rules: PasswordRules,
    pub methods_enabled: Vec<crate::policy::MethodKind>,
}

#[derive(Clone, Debug)]
pub struct PublicCaptcha {
    /// `builtin` (proof of work), `turnstile`, `hcaptcha` or `recaptcha`.
    pub kind: crate::config::CaptchaKind,
    /// Built-in: where to get a challenge (ALTCHA's `challengeurl`).
    pub challenge_url: Option<String>,
    /// Providers: the site key for the widget.
    pub site_key: Option<String>,
}

/// The rules a new password must meet, for showing them as the person types.
#[derive(Clone, Debug)]
pub struct PasswordRules {
    pub min_length: u32,
    pub max_length: u32,
    pub min_strength: u8,
}

pub async fn public(ctx: &Ctx) -> Result<PublicConfig, Error> {
    let policy = current(ctx).await?.policy;
    Ok(PublicConfig {
        captcha: PublicCaptcha {
            kind: ctx.config.captcha,
            challenge_url: (ctx.config.captcha == crate::config::CaptchaKind::Builtin)
                .then(|| "/api/v1/captcha/challenge".to_owned()),
            site_key: ctx.config.captcha_site_key.clone(),
        },
        helpdesk: policy.customization.clone(),
        password_rules: PasswordRules {
            min_length: policy.password.min_length,
            max_length: policy.password.max_length,
            min_strength: policy.password.min_strength,
        },
        methods_enabled: policy.methods_enabled,
    })
}
