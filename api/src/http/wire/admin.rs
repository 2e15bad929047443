//! What the administration of people and groups takes and answers, and how the directory's own
//! types (`directory::users`, `directory::groups`) become them. Bodies are parsed into the
//! directory's types here, with the directory's own parsers, so every wrong field is answered at
//! once before anything is asked of the directory.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::audit::{self, EventKind, Outcome};
use crate::directory::Capabilities;
use crate::directory::groups::{self, GroupChanges, NewGroup};
use crate::directory::users::{self, NewUser, UserChanges, UserFields, UserPage, UserSearch};
use crate::error::Error;
use crate::policy::MethodKind;
use crate::reports;

/// A user as administrators see it. Never holds the password hash.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct User {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: String,
    /// E.164.
    pub mobile_phone: Option<String>,
    pub is_admin: bool,
    pub disabled: bool,
    /// Locked after repeated sign-in failures, until `locked_until`.
    pub locked: bool,
    pub locked_until: Option<DateTime<Utc>>,
    /// Whether the account has a password at all.
    pub password_set: bool,
    /// The password was set by an administrator and must be changed at the next sign-in.
    pub must_change_password: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<users::User> for User {
    fn from(u: users::User) -> Self {
        Self {
            user_id: u.user_id,
            username: u.username,
            display_name: u.display_name,
            email: u.email,
            mobile_phone: u.mobile_phone,
            is_admin: u.is_admin,
            disabled: u.disabled,
            locked: u.locked,
            locked_until: u.locked_until,
            password_set: u.password_set,
            must_change_password: u.must_change_password,
            created_at: u.created_at,
            updated_at: u.updated_at,
        }
    }
}

/// `POST /api/v1/admin/users`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    #[schema(min_length = 1, max_length = 64)]
    pub username: String,
    #[schema(min_length = 1, max_length = 128)]
    pub display_name: String,
    #[schema(format = Email)]
    pub email: String,
    /// International form, stored as E.164.
    #[serde(default)]
    pub mobile_phone: Option<String>,
    /// An initial password; the person must change it at their first sign-in. Without one the
    /// person cannot sign in until they reset it.
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub is_admin: bool,
    #[serde(default)]
    pub disabled: bool,
}

impl TryFrom<CreateUser> for NewUser {
    type Error = Error;

    fn try_from(req: CreateUser) -> Result<Self, Error> {
        let fields = UserFields {
            username: &req.username,
            display_name: &req.display_name,
            email: &req.email,
            mobile_phone: req.mobile_phone.as_deref(),
        };
        NewUser::parse(fields, req.password, req.is_admin, req.disabled)
    }
}

/// `PATCH /api/v1/admin/users/{user_id}`: only the fields present change.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[schema(min_length = 1, max_length = 64)]
    pub username: Option<String>,
    #[schema(min_length = 1, max_length = 128)]
    pub display_name: Option<String>,
    #[schema(format = Email)]
    pub email: Option<String>,
    /// `null` removes the number.
    #[serde(default, deserialize_with = "crate::directory::nullable")]
    #[schema(value_type = Option<String>)]
    pub mobile_phone: Option<Option<String>>,
    /// A new password, which the person must change at their next sign-in; all their sessions end.
    pub password: Option<String>,
    pub is_admin: Option<bool>,
    pub disabled: Option<bool>,
}

impl TryFrom<UpdateUser> for UserChanges {
    type Error = Error;

    fn try_from(req: UpdateUser) -> Result<Self, Error> {
        let parsed = UserChanges::parse(
            req.username.as_deref(),
            req.display_name.as_deref(),
            req.email.as_deref(),
            req.mobile_phone.as_ref().map(Option::as_deref),
        )?;
        Ok(Self {
            password: req.password,
            is_admin: req.is_admin,
            disabled: req.disabled,
            ..parsed
        })
    }
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Matched case-insensitively against username, display name and email.
    #[param(max_length = 128)]
    pub search: Option<String>,
    /// 1-based page number (default 1).
    #[param(minimum = 1)]
    pub page: Option<u32>,
    /// 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<u32>,
}

impl TryFrom<UserQuery> for UserSearch {
    type Error = Error;

    fn try_from(q: UserQuery) -> Result<Self, Error> {
        UserSearch::parse(q.search, q.page, q.per_page)
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct UserList {
    pub items: Vec<User>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

impl From<UserPage> for UserList {
    fn from(p: UserPage) -> Self {
        Self {
            items: p.items.into_iter().map(Into::into).collect(),
            total: p.total,
            page: p.page,
            per_page: p.per_page,
        }
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Group {
    pub group_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<groups::Group> for Group {
    fn from(g: groups::Group) -> Self {
        Self {
            group_id: g.group_id,
            name: g.name,
            description: g.description,
            member_count: g.member_count,
            created_at: g.created_at,
            updated_at: g.updated_at,
        }
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Member {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
}

/// A group with its members.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GroupDetail {
    pub group_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub members: Vec<Member>,
}

impl From<groups::GroupDetail> for GroupDetail {
    fn from(g: groups::GroupDetail) -> Self {
        Self {
            group_id: g.group_id,
            name: g.name,
            description: g.description,
            member_count: g.member_count,
            created_at: g.created_at,
            updated_at: g.updated_at,
            members: g
                .members
                .into_iter()
                .map(|m| Member {
                    user_id: m.user_id,
                    username: m.username,
                    display_name: m.display_name,
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GroupList {
    pub items: Vec<Group>,
}

impl From<Vec<groups::Group>> for GroupList {
    fn from(items: Vec<groups::Group>) -> Self {
        Self {
            items: items.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateGroup {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

impl TryFrom<CreateGroup> for NewGroup {
    type Error = Error;

    fn try_from(req: CreateGroup) -> Result<Self, Error> {
        NewGroup::parse(&req.name, req.description.as_deref())
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateGroup {
    #[schema(min_length = 1, max_length = 128)]
    pub name: Option<String>,
    /// `null` removes the description.
    #[serde(default, deserialize_with = "crate::directory::nullable")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
}

impl TryFrom<UpdateGroup> for GroupChanges {
    type Error = Error;

    fn try_from(req: UpdateGroup) -> Result<Self, Error> {
        GroupChanges::parse(
            req.name.as_deref(),
            req.description.as_ref().map(Option::as_deref),
        )
    }
}

/// `PUT /api/v1/admin/groups/{group_id}/members`: the complete new member list.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetMembers {
    /// At most 1,000.
    #[schema(max_items = 1000)]
    pub user_ids: Vec<Uuid>,
}

/// What the administration shows about the directory: which one, and what it does itself.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DirectoryInfo {
    /// `builtin` (people kept in this service's database), `ldap` or `active_directory`.
    pub kind: String,
    pub capabilities: Capabilities,
}

/// One row as administrators read it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: String,
    pub at: DateTime<Utc>,
    /// What happened, for example `sign_in.failed` or `policy.updated`.
    #[serde(rename = "type")]
    #[schema(value_type = EventKind)]
    pub event_type: String,
    #[schema(value_type = Outcome)]
    pub outcome: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub target_id: Option<String>,
    pub target_name: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

/// A page of entries, newest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    /// Pass as `cursor` to get the next (older) page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// Filters of `GET /api/v1/admin/audit`.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// An exact type (`sign_in.failed`) or a family (`sign_in`).
    #[serde(rename = "type")]
    #[param(rename = "type", pattern = r"^[a-z_.]{1,64}$")]
    pub event_type: Option<String>,
    /// Rows where this user is the actor or the target.
    pub user_id: Option<Uuid>,
    /// Only rows at or after this time (RFC 3339).
    pub since: Option<DateTime<Utc>>,
    /// Only rows before this time (RFC 3339).
    pub until: Option<DateTime<Utc>>,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// 1–200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

impl From<audit::Entry> for AuditEntry {
    fn from(e: audit::Entry) -> Self {
        Self {
            id: e.id,
            at: e.at,
            event_type: e.event_type,
            outcome: e.outcome,
            actor_id: e.actor_id,
            actor_name: e.actor_name,
            target_id: e.target_id,
            target_name: e.target_name,
            ip: e.ip,
            user_agent: e.user_agent,
            details: e.details,
        }
    }
}

impl From<audit::Page> for AuditPage {
    fn from(p: audit::Page) -> Self {
        Self {
            items: p.items.into_iter().map(Into::into).collect(),
            next_cursor: p.next_cursor,
        }
    }
}

impl TryFrom<AuditQuery> for audit::Search {
    type Error = Error;

    fn try_from(q: AuditQuery) -> Result<Self, Error> {
        audit::Search::parse(audit::SearchFields {
            event_type: q.event_type,
            user_id: q.user_id,
            since: q.since,
            until: q.until,
            cursor: q.cursor,
            limit: q.limit,
        })
    }
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// How many days back, 1–365 (default 30).
    #[param(minimum = 1, maximum = 365)]
    pub days: Option<u32>,
}

impl TryFrom<ReportQuery> for reports::Period {
    type Error = Error;

    fn try_from(q: ReportQuery) -> Result<Self, Error> {
        reports::Period::parse(q.days)
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ResetDay {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub started: u64,
    pub password_resets: u64,
    pub unlocks: u64,
    pub failed_verifications: u64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ResetMethod {
    pub kind: String,
    /// Successful verifications with this method.
    pub verified: u64,
    pub failed: u64,
    /// Completed resets that used this method.
    pub password_resets: u64,
    /// Completed unlocks that used this method.
    pub unlocks: u64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ResetReport {
    pub days: u32,
    /// Every day of the period, oldest first (days without activity have zeros).
    pub by_day: Vec<ResetDay>,
    pub by_method: Vec<ResetMethod>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RegistrationMethod {
    pub kind: MethodKind,
    /// People with an active method of this kind.
    pub users: u64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RegistrationDay {
    pub date: String,
    /// Methods registered (verified) that day.
    pub registrations: u64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RegistrationReport {
    /// Enabled accounts.
    pub users_total: u64,
    /// Enabled accounts with at least one active method.
    pub users_registered: u64,
    pub by_method: Vec<RegistrationMethod>,
    pub by_day: Vec<RegistrationDay>,
}

impl From<reports::ResetReport> for ResetReport {
    fn from(r: reports::ResetReport) -> Self {
        Self {
            days: r.days,
            by_day: r
                .by_day
                .into_iter()
                .map(|d| ResetDay {
                    date: d.date,
                    started: d.started,
                    password_resets: d.password_resets,
                    unlocks: d.unlocks,
                    failed_verifications: d.failed_verifications,
                })
                .collect(),
            by_method: r
                .by_method
                .into_iter()
                .map(|m| ResetMethod {
                    kind: m.kind,
                    verified: m.verified,
                    failed: m.failed,
                    password_resets: m.password_resets,
                    unlocks: m.unlocks,
                })
                .collect(),
        }
    }
}

impl From<reports::RegistrationReport> for RegistrationReport {
    fn from(r: reports::RegistrationReport) -> Self {
        Self {
            users_total: r.users_total,
            users_registered: r.users_registered,
            by_method: r
                .by_method
                .into_iter()
                .map(|m| RegistrationMethod {
                    kind: m.kind,
                    users: m.users,
                })
                .collect(),
            by_day: r
                .by_day
                .into_iter()
                .map(|d| RegistrationDay {
                    date: d.date,
                    registrations: d.registrations,
                })
                .collect(),
        }
    }
}

/// What a policy would mean for the directory as it is now.
#[derive(Serialize, ToSchema)]
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

impl From<crate::registration::admin::PolicyImpact> for PolicyImpact {
    fn from(i: crate::registration::admin::PolicyImpact) -> Self {
        Self {
            users_total: i.users_total,
            in_scope: i.in_scope,
            compliant: i.compliant,
            unable_to_reset: i.unable_to_reset,
        }
    }
}
