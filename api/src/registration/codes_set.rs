//! Generating a set of recovery codes: active at once (the person holds the codes the moment
//! they are shown), replacing any earlier set in the same transaction, so that every old code
//! stops working as the new ones are shown. A change like any other: it needs the step-up, is
//! held back from recovery for the cool-down, audited, and told to the person.

use uuid::Uuid;

use super::enroll::{confirmed, notify_change};
use super::model::*;
use super::step_up;
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Ctx, RequestMeta};
use crate::delivery::notices::Change;
use crate::directory::Person as DirPerson;
use crate::error::Error;
use crate::methods::{self, recovery_codes};
use crate::policy::{MethodKind, Policy};
use crate::session::Principal;
use crate::store::{
    self,
    methods::{ACTIVE, MethodRow},
    ts,
};

pub(super) async fn generate(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    user: DirPerson,
    policy: Policy,
) -> Result<Added, Error> {
    let kind = MethodKind::RecoveryCodes;
    let method = methods::registry(kind);
    let now = ctx.now();
    let method_id = Uuid::new_v4();
    let set = recovery_codes::generate(&ctx.secrets, &method_id.to_string());
    let row = MethodRow {
        id: method_id.to_string(),
        user_id: user.id.clone(),
        kind: kind.as_str().to_owned(),
        status: ACTIVE.to_owned(),
        data: set.data.encode(),
        created_at: ts(now),
        activated_at: Some(ts(now)),
        updated_at: ts(now),
        held: 0,
    };
    let hint = method.mask(None);
    let (ctx_c, meta_c, principal_c) = (ctx.clone(), meta.clone(), principal.clone());
    ctx.store
        .write(move |conn| {
            // Decided in the transaction that makes the change.
            let stage = step_up::require(conn, &policy, &user, &principal_c, now)?;
            let mut row = row;
            row.held = i32::from(stage == step_up::Stage::Change);
            let replaced: Vec<String> = store::methods::for_user(conn, &user.id)?
                .into_iter()
                .filter(|m| m.kind == row.kind)
                .map(|m| m.id)
                .collect();
            let had_enough = super::has_enough(conn, &policy, &user)?;
            store::methods::insert(conn, &row)?;
            store::methods::delete_kind_except(conn, &user.id, &row.kind, &row.id)?;
            confirmed(conn, &user, now)?;
            let party = Party::named(&user.id, &user.username);
            let event = Event::new(EventKind::MethodRegistered, party.clone())
                .target(party)
                .details(serde_json::json!({
                    "method_id": row.id,
                    "kind": row.kind,
                    "hint": method.mask(None),
                    "replaced": replaced,
                }));
            audit::record(conn, now, &meta_c, event)?;
            super::record_if_completed(conn, &policy, &user, had_enough, &meta_c, now)?;
            let change = Change::CodesGenerated {
                again: !replaced.is_empty(),
            };
            notify_change(&ctx_c, conn, &policy, &user, &change, None, &meta_c, now)
        })
        .await?;
    Ok(Added {
        method_id,
        kind,
        status: MethodStatus::Active,
        hint,
        next: Enrolment::RecoveryCodes(set.codes),
    })
}
