//! Administration of groups and their members. Groups are what the policy's `selected` scope
//! points at.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Actor, Ctx, RequestMeta};
use crate::error::{Error, ErrorCode, FieldCode, FieldError};
use crate::store::{self, groups::GroupRow, ts, utc};

#[derive(Clone, Debug)]
pub struct Group {
    pub group_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
}

/// A group with its members.
#[derive(Clone, Debug)]
pub struct GroupDetail {
    pub group_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub members: Vec<Member>,
}

/// A group to create, parsed.
pub struct NewGroup {
    pub name: GroupName,
    pub description: Option<String>,
}

impl NewGroup {
    /// Parses the name (1–128 characters) and the description (at most 500), answering both
    /// when both are wrong.
    pub fn parse(name: &str, description: Option<&str>) -> Result<Self, Error> {
        let mut errors = Vec::new();
        let name = GroupName::parse(name).map_err(|e| errors.push(e)).ok();
        let description = match description {
            Some(d) => parse_description(d)
                .map_err(|e| errors.push(e))
                .ok()
                .flatten(),
            None => None,
        };
        match name.filter(|_| errors.is_empty()) {
            Some(name) => Ok(Self { name, description }),
            None => Err(Error::Validation(errors)),
        }
    }
}

/// Changes to a group, parsed: only the fields present change (`description: Some(None)`
/// removes it).
pub struct GroupChanges {
    pub name: Option<GroupName>,
    pub description: Option<Option<String>>,
}

impl GroupChanges {
    pub fn parse(name: Option<&str>, description: Option<Option<&str>>) -> Result<Self, Error> {
        let mut errors = Vec::new();
        let name = name.and_then(|n| GroupName::parse(n).map_err(|e| errors.push(e)).ok());
        let description = match description {
            Some(Some(d)) => parse_description(d).map_err(|e| errors.push(e)).ok(),
            Some(None) => Some(None),
            None => None,
        };
        if !errors.is_empty() {
            return Err(Error::Validation(errors));
        }
        Ok(Self { name, description })
    }
}

/// A group's name as shown, and the key two names are compared by (any case).
pub struct GroupName {
    pub name: String,
    pub key: String,
}

impl GroupName {
    fn parse(raw: &str) -> Result<Self, FieldError> {
        parse_name(raw).map(|(name, key)| Self { name, key })
    }
}

pub const MAX_MEMBERS_PER_REQUEST: usize = 1000;

pub(crate) fn parse_name(raw: &str) -> Result<(String, String), FieldError> {
    let name = raw.trim();
    let n = name.chars().count();
    if n == 0 || n > 128 || name.chars().any(char::is_control) {
        return Err(FieldError::new(
            "name",
            FieldCode::Length,
            "a group name is 1 to 128 characters without control characters",
        ));
    }
    Ok((name.to_owned(), name.to_lowercase()))
}

fn parse_description(raw: &str) -> Result<Option<String>, FieldError> {
    let text = raw.trim();
    if text.chars().count() > 500 {
        return Err(FieldError::new(
            "description",
            FieldCode::TooLong,
            "at most 500 characters",
        ));
    }
    Ok(Some(text.to_owned()).filter(|t| !t.is_empty()))
}

fn group(row: &GroupRow, member_count: i64) -> Group {
    Group {
        group_id: Uuid::parse_str(&row.id).unwrap_or_default(),
        name: row.name.clone(),
        description: row.description.clone(),
        member_count,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    }
}

fn name_taken() -> Error {
    Error::conflict(
        ErrorCode::GroupNameTaken,
        "another group already has this name",
    )
}

pub async fn list(ctx: &Ctx) -> Result<Vec<Group>, Error> {
    if super::view::applies(ctx) {
        return super::view::groups(ctx).await;
    }
    let rows = ctx.store.read(store::groups::list).await?;
    Ok(rows.iter().map(|(g, n)| group(g, *n)).collect())
}

pub async fn get(ctx: &Ctx, id: Uuid) -> Result<GroupDetail, Error> {
    if super::view::applies(ctx) {
        return super::view::group(ctx, id).await;
    }
    ctx.store
        .read(move |conn| {
            let row =
                store::groups::find(conn, &id.to_string())?.ok_or(Error::NotFound("group"))?;
            let members = store::groups::members(conn, &row.id)?;
            Ok(detail(&row, &members))
        })
        .await
}

fn detail(row: &GroupRow, members: &[store::users::UserRow]) -> GroupDetail {
    let g = group(row, members.len() as i64);
    GroupDetail {
        group_id: g.group_id,
        name: g.name,
        description: g.description,
        member_count: g.member_count,
        created_at: g.created_at,
        updated_at: g.updated_at,
        members: members
            .iter()
            .map(|u| Member {
                user_id: Uuid::parse_str(&u.id).unwrap_or_default(),
                username: u.username.clone(),
                display_name: u.display_name.clone(),
            })
            .collect(),
    }
}

fn same_name_exists(
    conn: &mut store::DbConn,
    key: &str,
    except: Option<&str>,
) -> Result<bool, Error> {
    Ok(store::groups::list(conn)?
        .iter()
        .any(|(g, _)| g.name_key == key && Some(g.id.as_str()) != except))
}

pub async fn create(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    req: NewGroup,
) -> Result<GroupDetail, Error> {
    let NewGroup {
        name: GroupName {
            name,
            key: name_key,
        },
        description,
    } = req;
    let now = ctx.now();
    let row = GroupRow {
        id: Uuid::new_v4().to_string(),
        name,
        name_key,
        description,
        created_at: ts(now),
        updated_at: ts(now),
    };
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            if same_name_exists(conn, &row.name_key, None)? {
                return Err(name_taken());
            }
            store::groups::insert(conn, &row)?;
            let event = Event::new(EventKind::GroupCreated, actor_party)
                .target(Party::named(&row.id, &row.name));
            audit::record(conn, now, &meta, event)?;
            Ok(detail(&row, &[]))
        })
        .await
}

pub async fn update(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    id: Uuid,
    req: GroupChanges,
) -> Result<GroupDetail, Error> {
    let GroupChanges { name, description } = req;
    let now = ctx.now();
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let mut row =
                store::groups::find(conn, &id.to_string())?.ok_or(Error::NotFound("group"))?;
            let mut changed = Vec::new();
            if let Some(GroupName { name, key }) = name
                && name != row.name
            {
                if same_name_exists(conn, &key, Some(&row.id))? {
                    return Err(name_taken());
                }
                row.name = name;
                row.name_key = key;
                changed.push("name");
            }
            if let Some(d) = description
                && d != row.description
            {
                row.description = d;
                changed.push("description");
            }
            if !changed.is_empty() {
                row.updated_at = ts(now);
                store::groups::save(conn, &row)?;
                let event = Event::new(EventKind::GroupUpdated, actor_party)
                    .target(Party::named(&row.id, &row.name))
                    .details(serde_json::json!({ "changed": changed }));
                audit::record(conn, now, &meta, event)?;
            }
            let members = store::groups::members(conn, &row.id)?;
            Ok(detail(&row, &members))
        })
        .await
}

/// Deleting a group that the policy's scope names would silently take its members out of
/// scope; refuse and say why.
pub async fn delete(ctx: &Ctx, actor: &Actor, meta: &RequestMeta, id: Uuid) -> Result<(), Error> {
    let now = ctx.now();
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let row =
                store::groups::find(conn, &id.to_string())?.ok_or(Error::NotFound("group"))?;
            let policy = crate::policy::service::current_on(conn)?;
            if policy.policy.group_ids.contains(&id) {
                return Err(Error::conflict(
                    ErrorCode::GroupInUse,
                    "the password reset policy names this group; remove it there first",
                ));
            }
            store::groups::delete(conn, &row.id)?;
            let event = Event::new(EventKind::GroupDeleted, actor_party)
                .target(Party::named(&row.id, &row.name));
            audit::record(conn, now, &meta, event)
        })
        .await
}

pub async fn set_members(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    id: Uuid,
    user_ids: Vec<Uuid>,
) -> Result<GroupDetail, Error> {
    if user_ids.len() > MAX_MEMBERS_PER_REQUEST {
        return Err(Error::validation(
            "user_ids",
            FieldCode::TooMany,
            format!("at most {MAX_MEMBERS_PER_REQUEST} members"),
        ));
    }
    let wanted: BTreeSet<String> = user_ids.iter().map(Uuid::to_string).collect();
    let now = ctx.now();
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let row =
                store::groups::find(conn, &id.to_string())?.ok_or(Error::NotFound("group"))?;
            let ids: Vec<String> = wanted.into_iter().collect();
            let found = store::users::by_ids(conn, &ids)?;
            let unknown: Vec<FieldError> = user_ids
                .iter()
                .enumerate()
                .filter(|(_, u)| !found.iter().any(|f| f.id == u.to_string()))
                .map(|(i, u)| {
                    FieldError::new(
                        format!("user_ids[{i}]"),
                        FieldCode::UnknownUser,
                        format!("there is no user {u}"),
                    )
                })
                .collect();
            if !unknown.is_empty() {
                return Err(Error::Validation(unknown));
            }
            let before: BTreeSet<String> = store::groups::members(conn, &row.id)?
                .into_iter()
                .map(|u| u.id)
                .collect();
            let after: BTreeSet<String> = ids.iter().cloned().collect();
            store::groups::set_members(conn, &row.id, &ids)?;
            let added: Vec<&String> = after.difference(&before).collect();
            let removed: Vec<&String> = before.difference(&after).collect();
            if !added.is_empty() || !removed.is_empty() {
                let event = Event::new(EventKind::GroupMembersChanged, actor_party)
                    .target(Party::named(&row.id, &row.name))
                    .details(serde_json::json!({ "added": added, "removed": removed }));
                audit::record(conn, now, &meta, event)?;
            }
            let members = store::groups::members(conn, &row.id)?;
            Ok(detail(&row, &members))
        })
        .await
}
