//! Registering a passkey: inside a signed-in session only (never in a recovery flow, where a
//! weaker factor could plant one), with the step-up once the person has methods. Adding makes
//! a pending method named by the person and a ceremony tied to the session and the method;
//! verifying takes the ceremony and checks the browser's credential against it
//! ([`finish`], called from `enroll::verify`). A person may keep several, each named.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::*;
use super::step_up;
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Ctx, RequestMeta};
use crate::directory::Person as DirPerson;
use crate::error::{Error, ErrorCode, Refusal};
use crate::methods::data::MethodData;
use crate::methods::passkey::{self, RelyingParty};
use crate::policy::{MethodKind, Policy};
use crate::session::Principal;
use crate::store::{
    self, DbConn,
    methods::{ACTIVE, MethodRow, PENDING},
    ts,
};

/// Whose registration ceremonies a session holds.
fn owner(session_id: &str) -> String {
    format!("register:{session_id}")
}

/// The relying party, or why passkeys cannot be used here.
pub(super) fn relying_party(ctx: &Ctx) -> Result<&RelyingParty, Error> {
    ctx.passkeys.as_deref().ok_or(Error::NotAllowed {
        code: ErrorCode::PasskeysUnavailable,
        detail: "passkeys need the service's public URL to name a domain, not an IP address".into(),
    })
}

pub(super) async fn begin(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    user: DirPerson,
    policy: Policy,
    name: String,
) -> Result<Added, Error> {
    relying_party(ctx)?;
    let kind = MethodKind::Passkey;
    let now = ctx.now();
    let method_id = Uuid::new_v4();
    let row = MethodRow {
        id: method_id.to_string(),
        user_id: user.id.clone(),
        kind: kind.as_str().to_owned(),
        status: PENDING.to_owned(),
        data: MethodData::PasskeyPending { name: name.clone() }.encode(),
        created_at: ts(now),
        activated_at: None,
        updated_at: ts(now),
        held: 0,
    };
    let (ctx_c, meta_c, principal_c) = (ctx.clone(), meta.clone(), principal.clone());
    let options = ctx
        .store
        .write(move |conn| {
            let rp = relying_party(&ctx_c)?;
            let stage = step_up::require(conn, &policy, &user, &principal_c, now)?;
            let mut row = row;
            row.held = i32::from(stage == step_up::Stage::Change);
            let mine = store::methods::for_user(conn, &user.id)?;
            // An unfinished earlier attempt is replaced; registered passkeys are excluded.
            for old in mine
                .iter()
                .filter(|m| m.kind == row.kind && m.status == PENDING)
            {
                store::methods::delete(conn, &old.id)?;
            }
            let existing: Vec<_> = mine
                .iter()
                .filter(|m| m.kind == row.kind && m.status == ACTIVE)
                .filter_map(|m| passkey::credential(m, rp))
                .collect();
            store::methods::insert(conn, &row)?;
            let begun = passkey::begin_registration(
                rp,
                &user.id,
                &user.username,
                &user.display_name,
                &existing,
                now,
            )?;
            passkey::keep(conn, &owner(&principal_c.session_id), &row.id, &begun)?;
            let party = Party::named(&user.id, &user.username);
            let event = Event::new(EventKind::MethodAdded, party.clone())
                .target(party)
                .details(
                    serde_json::json!({ "method_id": row.id, "kind": row.kind, "hint": name }),
                );
            audit::record(conn, now, &meta_c, event)?;
            Ok(begun.options)
        })
        .await?;
    Ok(Added {
        method_id,
        kind,
        status: MethodStatus::Pending,
        hint: "Passkey".to_owned(),
        next: Enrolment::Passkey(options),
    })
}

/// Checks the browser's credential for the pending passkey `row` against the session's
/// ceremony (taken: one answer only) and, when it verifies, puts the credential in `row`.
pub(super) fn finish(
    conn: &mut DbConn,
    ctx: &Ctx,
    session_id: &str,
    row: &mut MethodRow,
    credential: Option<&serde_json::Value>,
    now: DateTime<Utc>,
) -> Result<Result<(), Refusal>, Error> {
    let rp = relying_party(ctx)?;
    let state = match passkey::take(conn, &owner(session_id), &row.id, now)? {
        Ok(state) => state,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let (Some(answer), MethodData::PasskeyPending { name }) = (credential, row.data()) else {
        return Ok(Err(Refusal::PasskeyRejected));
    };
    let made = match passkey::finish_registration(rp, answer, &state)? {
        Ok(made) => made,
        Err(refusal) => return Ok(Err(refusal)),
    };
    row.data = passkey::data(name, rp, &made)?.encode();
    Ok(Ok(()))
}
