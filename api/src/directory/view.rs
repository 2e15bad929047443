//! What administrators see of a directory whose people and groups are managed with its own
//! tools (LDAP, Active Directory): people and groups read from the directory (paged searches),
//! the service's own account facts beside them, and the one change made here, an unlock, which
//! the directory carries out. Editing answers 409 `directory_read_only` ([`super::admin`]).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::groups::{Group, GroupDetail, Member};
use super::users::{User, UserPage, UserSearch};
use super::{PeopleQuery, Person};
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Actor, Ctx, RequestMeta};
use crate::error::Error;
use crate::store;

/// Whether the administration reads this directory instead of the built-in tables.
pub fn applies(ctx: &Ctx) -> bool {
    ctx.directory.admin().is_none()
}

fn user_of(person: &Person, must_change: bool, now: DateTime<Utc>) -> User {
    User {
        user_id: Uuid::parse_str(&person.id).unwrap_or_default(),
        username: person.username.clone(),
        display_name: person.display_name.clone(),
        email: person.email.clone(),
        mobile_phone: person.mobile_phone.clone(),
        is_admin: person.is_admin,
        disabled: person.disabled,
        locked: person.locked_until.is_some(),
        locked_until: person.locked_until,
        // The directory keeps the password; it is not ours to see whether there is one.
        password_set: true,
        must_change_password: must_change || person.must_change_password,
        created_at: person.created_at.unwrap_or(now),
        updated_at: person.updated_at.or(person.created_at).unwrap_or(now),
    }
}

/// The accounts among `ids` whose password must change (the service's own flag).
async fn must_change_of(ctx: &Ctx, ids: Vec<String>) -> Result<HashSet<String>, Error> {
    ctx.store
        .read(move |conn| {
            Ok(store::accounts::by_ids(conn, &ids)?
                .into_iter()
                .filter(|a| a.must_change_password != 0)
                .map(|a| a.id)
                .collect())
        })
        .await
}

pub async fn users(ctx: &Ctx, query: UserSearch) -> Result<UserPage, Error> {
    let found = ctx
        .directory
        .search(&PeopleQuery {
            text: query.search.clone(),
            offset: u64::from(query.page - 1) * u64::from(query.per_page),
            limit: u64::from(query.per_page),
        })
        .await?;
    let ids = found.items.iter().map(|p| p.id.clone()).collect();
    let must_change = must_change_of(ctx, ids).await?;
    let now = ctx.now();
    Ok(UserPage {
        items: found
            .items
            .iter()
            .map(|p| user_of(p, must_change.contains(&p.id), now))
            .collect(),
        total: i64::try_from(found.total).unwrap_or(i64::MAX),
        page: query.page,
        per_page: query.per_page,
    })
}

pub async fn user(ctx: &Ctx, id: Uuid) -> Result<User, Error> {
    let person = ctx
        .directory
        .get(&id.to_string())
        .await?
        .ok_or(Error::NotFound("user"))?;
    let must_change = must_change_of(ctx, vec![person.id.clone()]).await?;
    Ok(user_of(&person, !must_change.is_empty(), ctx.now()))
}

/// Ends a lockout in the directory, audited as an administrator's unlock.
pub async fn unlock(ctx: &Ctx, actor: &Actor, meta: &RequestMeta, id: Uuid) -> Result<User, Error> {
    let person = ctx
        .directory
        .get(&id.to_string())
        .await?
        .ok_or(Error::NotFound("user"))?;
    let was_locked = ctx.directory.unlock(&person.id).await?;
    let (now, actor_party, meta) = (ctx.now(), actor.party(), meta.clone());
    let target = Party::named(&person.id, &person.username);
    ctx.store
        .write(move |conn| {
            let event = Event::new(EventKind::UserUnlocked, actor_party)
                .target(target)
                .details(serde_json::json!({ "was_locked": was_locked }));
            audit::record(conn, now, &meta, event)
        })
        .await?;
    user(ctx, id).await
}

fn group_of(g: &super::GroupEntry, member_count: i64, now: DateTime<Utc>) -> Group {
    Group {
        group_id: Uuid::parse_str(&g.id).unwrap_or_default(),
        name: g.name.clone(),
        description: g.description.clone(),
        member_count,
        created_at: g.created_at.unwrap_or(now),
        updated_at: g.updated_at.or(g.created_at).unwrap_or(now),
    }
}

pub async fn groups(ctx: &Ctx) -> Result<Vec<Group>, Error> {
    let groups = ctx.directory.groups().await?;
    let mut counts: HashMap<String, i64> = HashMap::new();
    for (group, _) in ctx.directory.memberships().await? {
        *counts.entry(group).or_default() += 1;
    }
    let now = ctx.now();
    Ok(groups
        .iter()
        .map(|g| group_of(g, counts.get(&g.id).copied().unwrap_or(0), now))
        .collect())
}

pub async fn group(ctx: &Ctx, id: Uuid) -> Result<GroupDetail, Error> {
    let id = id.to_string();
    let groups = ctx.directory.groups().await?;
    let found = groups
        .iter()
        .find(|g| g.id == id)
        .ok_or(Error::NotFound("group"))?;
    let member_ids: HashSet<String> = ctx
        .directory
        .memberships()
        .await?
        .into_iter()
        .filter(|(g, _)| *g == id)
        .map(|(_, person)| person)
        .collect();
    let everyone = ctx.directory.search(&PeopleQuery::everyone()).await?.items;
    let members: Vec<Member> = everyone
        .iter()
        .filter(|p| member_ids.contains(&p.id))
        .map(|p| Member {
            user_id: Uuid::parse_str(&p.id).unwrap_or_default(),
            username: p.username.clone(),
            display_name: p.display_name.clone(),
        })
        .collect();
    let g = group_of(found, members.len() as i64, ctx.now());
    Ok(GroupDetail {
        group_id: g.group_id,
        name: g.name,
        description: g.description,
        member_count: g.member_count,
        created_at: g.created_at,
        updated_at: g.updated_at,
        members,
    })
}
