//! What administrators do about registration: see a person's methods (masked), make a person
//! register again, and see what a proposed policy would do before saving it.

use std::collections::HashMap;

use uuid::Uuid;

use super::enroll::view;
use super::model::Method;
use super::{ActiveMethod, count_registered, in_scope, methods_required};
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Actor, Ctx, RequestMeta};
use crate::directory::PeopleQuery;
use crate::error::Error;
use crate::methods::{factor, parse_kind};
use crate::policy::Policy;
use crate::store;

pub async fn methods_of(ctx: &Ctx, user_id: Uuid) -> Result<Vec<Method>, Error> {
    let id = user_id.to_string();
    ctx.directory
        .get(&id)
        .await?
        .ok_or(Error::NotFound("user"))?;
    let (rows, policy) = ctx
        .store
        .read(move |conn| {
            let policy = crate::policy::service::current_on(conn)?.policy;
            Ok((store::methods::for_user(conn, &id)?, policy))
        })
        .await?;
    let now = ctx.now();
    Ok(rows.iter().filter_map(|r| view(r, &policy, now)).collect())
}

/// Removes every method and answer of a person: they must register again at their next
/// sign-in (for example after a lost phone, or when the registrations are suspect).
pub async fn require_reregistration(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    user_id: Uuid,
) -> Result<(), Error> {
    let now = ctx.now();
    let user = ctx
        .directory
        .get(&user_id.to_string())
        .await?
        .ok_or(Error::NotFound("user"))?;
    let (party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let removed = store::methods::delete_all_for_user(conn, &user.id)?;
            store::accounts::set_methods_confirmed(conn, &user.id, None)?;
            let event = Event::new(EventKind::UserReregistrationRequired, party)
                .target(Party::named(&user.id, &user.username))
                .details(serde_json::json!({ "methods_removed": removed }));
            audit::record(conn, now, &meta, event)
        })
        .await
}

/// What a policy would mean for the directory as it is now.
pub struct PolicyImpact {
    /// Enabled users (disabled accounts cannot reset under any policy).
    pub users_total: u64,
    /// Of those, how many the policy would cover (administrators always are).
    pub in_scope: u64,
    /// In scope and already registered enough methods.
    pub compliant: u64,
    /// In scope but not registered enough methods: they could not reset today.
    pub unable_to_reset: u64,
}

pub async fn impact(ctx: &Ctx, proposed: Policy) -> Result<PolicyImpact, Error> {
    let groups = crate::policy::service::group_ids(ctx).await?;
    proposed.validate(&groups).map_err(Error::Validation)?;
    let mut memberships: HashMap<String, Vec<String>> = HashMap::new();
    for (group, user) in ctx.directory.memberships().await? {
        memberships.entry(user).or_default().push(group);
    }
    let people = ctx.directory.search(&PeopleQuery::everyone()).await?.items;
    ctx.store
        .read(move |conn| {
            let mut kinds: HashMap<String, Vec<ActiveMethod>> = HashMap::new();
            for (user, id, kind, data) in store::methods::all_active(conn)? {
                let destination = crate::methods::data::destination_of(&data);
                if let Some(kind) = parse_kind(&kind) {
                    let factor = factor(kind, destination.as_deref(), &id);
                    kinds.entry(user).or_default().push((kind, factor));
                }
            }
            let answers: HashMap<String, i64> =
                store::methods::answer_counts(conn)?.into_iter().collect();
            let mut report = PolicyImpact {
                users_total: 0,
                in_scope: 0,
                compliant: 0,
                unable_to_reset: 0,
            };
            for person in people.iter().filter(|p| !p.disabled) {
                let id = &person.id;
                report.users_total += 1;
                let admin = person.is_admin;
                if !in_scope(
                    &proposed,
                    admin,
                    memberships.get(id).map_or(&[][..], Vec::as_slice),
                ) {
                    continue;
                }
                report.in_scope += 1;
                let active = kinds.get(id).map_or(&[][..], Vec::as_slice);
                let registered = count_registered(
                    &proposed,
                    admin,
                    active,
                    answers.get(id).copied().unwrap_or(0) as usize,
                );
                if registered >= methods_required(&proposed, admin) {
                    report.compliant += 1;
                } else {
                    report.unable_to_reset += 1;
                }
            }
            Ok(report)
        })
        .await
}
