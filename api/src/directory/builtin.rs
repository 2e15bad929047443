//! The built-in directory: people, groups and membership kept in this service's SQL database,
//! passwords hashed with argon2id here, and its own lockout (consecutive wrong passwords lock an
//! account for a time that doubles with each lockout).

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::groups::{self, GroupChanges, GroupDetail, NewGroup};
use super::users::{self, NewUser, User, UserChanges};
use super::{
    Authentication, Capabilities, Directory, DirectoryAdmin, GroupEntry, Lockout, PasswordChange,
    PeoplePage, PeopleQuery, Person,
};
use crate::clock::Clock;
use crate::config::LockoutSettings;
use crate::context::{Actor, Ctx, RequestMeta};
use crate::error::Error;
use crate::password::{Hasher, Password};
use crate::store::{self, DbConn, Store, ts, users::UserRow, utc};

pub const KIND: &str = "builtin";

#[derive(Clone)]
pub struct Builtin {
    store: Store,
    hasher: Hasher,
    clock: Arc<dyn Clock>,
    lockout: LockoutSettings,
}

impl Builtin {
    pub fn new(
        store: Store,
        hasher: Hasher,
        clock: Arc<dyn Clock>,
        lockout: LockoutSettings,
    ) -> Self {
        Self {
            store,
            hasher,
            clock,
            lockout,
        }
    }

    /// Lockout length after the n-th consecutive lockout: base, doubled each time, capped.
    fn lockout_duration(&self, lockouts: i32) -> Duration {
        let factor = 1u64 << (lockouts.clamp(1, 20) - 1) as u32;
        let secs = self.lockout.base_secs.saturating_mul(factor);
        Duration::seconds(secs.min(self.lockout.max_secs) as i64)
    }

    /// The person a login names and their groups, in one statement on a store connection. An
    /// unparsable login runs the same statement, with a key no one has.
    fn stored_lookup(
        &self,
        login: &str,
    ) -> impl FnOnce(&mut DbConn) -> Result<(Option<Person>, Vec<String>), Error> + Send + 'static
    {
        let key = super::Username::parse(login, "username")
            .map(|u| u.key().to_owned())
            .unwrap_or_default();
        let now = self.clock.now();
        move |conn| {
            Ok(match store::users::find_by_key_with_groups(conn, &key)? {
                Some((row, groups)) => (Some(person_of(&row, now)), groups),
                None => (None, Vec::new()),
            })
        }
    }

    /// Counts a wrong password; at the threshold the account locks.
    async fn count_failure(&self, id: String) -> Result<(i32, Option<Lockout>), Error> {
        let now = self.clock.now();
        let threshold = self.lockout.threshold as i32;
        let this = self.clone();
        self.store
            .write(move |conn| {
                let failures = store::users::count_failure(conn, &id, ts(now))?;
                if failures < threshold {
                    return Ok((failures, None));
                }
                let mut row = store::users::find(conn, &id)?.ok_or(Error::NotFound("user"))?;
                row.lockouts += 1;
                row.failed_sign_ins = 0;
                let duration = this.lockout_duration(row.lockouts);
                row.locked_until = Some(ts(now + duration));
                store::users::save(conn, &row)?;
                let lockout = Lockout {
                    until: now + duration,
                    seconds: duration.num_seconds(),
                    lockouts: row.lockouts,
                };
                Ok((failures, Some(lockout)))
            })
            .await
    }
}

/// What the directory tells about a user row.
pub fn person_of(row: &UserRow, now: DateTime<Utc>) -> Person {
    Person {
        id: row.id.clone(),
        username: row.username.clone(),
        display_name: row.display_name.clone(),
        email: row.email.clone(),
        mobile_phone: row.mobile_phone.clone(),
        office_phone: None,
        is_admin: row.is_admin != 0,
        disabled: row.disabled != 0,
        locked_until: row.locked_until.map(utc).filter(|t| *t > now),
        must_change_password: false,
        created_at: Some(utc(row.created_at)),
        updated_at: Some(utc(row.updated_at)),
    }
}

/// Adds a person to the built-in directory with their account (the same id for both), in the
/// caller's transaction.
pub fn insert_person(
    conn: &mut DbConn,
    row: &UserRow,
    must_change_password: bool,
) -> Result<(), Error> {
    store::users::insert(conn, row)?;
    let mut account = store::accounts::AccountRow::new(&row.id, KIND, &row.id, row.created_at);
    account.must_change_password = i32::from(must_change_password);
    store::accounts::insert(conn, &account)
}

/// Removes a person from the built-in directory, and their account with everything of ours
/// about them.
pub fn delete_person(conn: &mut DbConn, id: &str) -> Result<(), Error> {
    store::users::delete(conn, id)?;
    store::accounts::delete(conn, id)?;
    Ok(())
}

/// Ends a lockout on a row (the caller saves it): the one place lockout is cleared.
pub fn clear_lockout(row: &mut UserRow) {
    row.failed_sign_ins = 0;
    row.lockouts = 0;
    row.locked_until = None;
}

/// Puts `hash` on the row (the caller saves it), keeping the old one in the history and
/// clearing any lockout.
pub fn install_hash(
    conn: &mut DbConn,
    row: &mut UserRow,
    hash: String,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if let Some(old) = row.password_hash.take() {
        store::users::remember_password(conn, &Uuid::now_v7().to_string(), &row.id, &old, ts(now))?;
    }
    row.password_hash = Some(hash);
    row.password_changed_at = Some(ts(now));
    clear_lockout(row);
    row.updated_at = ts(now);
    Ok(())
}

#[async_trait]
impl Directory for Builtin {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            manages_users: true,
            native_lockout: true,
            enforces_history: false,
        }
    }

    async fn find_by_login(&self, login: &str) -> Result<Option<Person>, Error> {
        let Ok(username) = super::Username::parse(login, "username") else {
            return Ok(None);
        };
        let (key, now) = (username.key().to_owned(), self.clock.now());
        let row = self
            .store
            .read(move |conn| store::users::find_by_key(conn, &key))
            .await?;
        Ok(row.map(|r| person_of(&r, now)))
    }

    async fn find_with_groups(&self, login: &str) -> Result<(Option<Person>, Vec<String>), Error> {
        let lookup = self.stored_lookup(login);
        self.store.read(lookup).await
    }

    fn find_with_groups_in_store(&self, login: &str) -> Option<super::StoredLookup> {
        Some(Box::new(self.stored_lookup(login)))
    }

    async fn get(&self, id: &str) -> Result<Option<Person>, Error> {
        let (id, now) = (id.to_owned(), self.clock.now());
        let row = self
            .store
            .read(move |conn| store::users::find(conn, &id))
            .await?;
        Ok(row.map(|r| person_of(&r, now)))
    }

    async fn authenticate(
        &self,
        login: &str,
        password: &Password,
    ) -> Result<Authentication, Error> {
        let key = super::Username::parse(login, "username")
            .ok()
            .map(|u| u.key().to_owned());
        let row = match key {
            Some(key) => {
                self.store
                    .read(move |conn| store::users::find_by_key(conn, &key))
                    .await?
            }
            None => None,
        };
        // An unknown login checks a dummy hash: the same time as a real one.
        let verification = self
            .hasher
            .verify(
                password,
                row.as_ref().and_then(|r| r.password_hash.as_deref()),
            )
            .await?;
        let now = self.clock.now();
        let Some(row) = row else {
            return Ok(Authentication::Rejected {
                person: None,
                failures: 0,
                locked: None,
            });
        };
        let person = person_of(&row, now);
        if let Some(until) = person.locked_until {
            return Ok(Authentication::Locked {
                person,
                until,
                password_matched: verification.matches,
            });
        }
        if !verification.matches {
            let (failures, locked) = self.count_failure(row.id.clone()).await?;
            return Ok(Authentication::Rejected {
                person: Some(person),
                failures,
                locked,
            });
        }
        if person.disabled {
            return Ok(Authentication::Disabled(person));
        }
        // Parameters changed since this hash was made: now is the only time we know the password.
        let rehash = if verification.needs_rehash {
            Some(self.hasher.hash(password).await?)
        } else {
            None
        };
        let id = row.id.clone();
        self.store
            .write(move |conn| {
                let mut row = store::users::find(conn, &id)?.ok_or(Error::InvalidCredentials)?;
                clear_lockout(&mut row);
                if let Some(hash) = rehash {
                    row.password_hash = Some(hash);
                }
                store::users::save(conn, &row)
            })
            .await?;
        Ok(Authentication::Accepted(person))
    }

    async fn set_password(
        &self,
        id: &str,
        password: &Password,
        _change: PasswordChange<'_>,
    ) -> Result<(), Error> {
        let hash = self.hasher.hash(password).await?;
        let (id, now) = (id.to_owned(), self.clock.now());
        self.store
            .write(move |conn| {
                let mut row = store::users::find(conn, &id)?.ok_or(Error::NotFound("user"))?;
                install_hash(conn, &mut row, hash, now)?;
                store::users::save(conn, &row)
            })
            .await
    }

    async fn unlock(&self, id: &str) -> Result<bool, Error> {
        let (id, now) = (id.to_owned(), self.clock.now());
        self.store
            .write(move |conn| {
                let mut row = store::users::find(conn, &id)?.ok_or(Error::NotFound("user"))?;
                let was_locked = row.locked_until.is_some_and(|t| utc(t) > now);
                clear_lockout(&mut row);
                row.updated_at = ts(now);
                store::users::save(conn, &row)?;
                Ok(was_locked)
            })
            .await
    }

    async fn groups_of(&self, id: &str) -> Result<Vec<String>, Error> {
        let id = id.to_owned();
        self.store
            .read(move |conn| store::groups::of_user(conn, &id))
            .await
    }

    async fn recent_password_hashes(&self, id: &str, n: u32) -> Result<Vec<String>, Error> {
        if n == 0 {
            return Ok(Vec::new());
        }
        let id = id.to_owned();
        self.store
            .read(move |conn| {
                let Some(row) = store::users::find(conn, &id)? else {
                    return Ok(Vec::new());
                };
                let mut hashes: Vec<String> = row.password_hash.into_iter().collect();
                if n > 1 {
                    hashes.extend(store::users::password_history(conn, &id, i64::from(n) - 1)?);
                }
                Ok(hashes)
            })
            .await
    }

    async fn administrators(&self) -> Result<Vec<Person>, Error> {
        let now = self.clock.now();
        let rows = self.store.read(store::users::active_admins).await?;
        Ok(rows.iter().map(|r| person_of(r, now)).collect())
    }

    async fn search(&self, query: &PeopleQuery) -> Result<PeoplePage, Error> {
        let now = self.clock.now();
        let text = query.text.clone();
        let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
        let limit = i64::try_from(query.limit).unwrap_or(i64::MAX);
        let (rows, total) = self
            .store
            .read(move |conn| store::users::list(conn, text.as_deref(), offset, limit))
            .await?;
        Ok(PeoplePage {
            items: rows.iter().map(|r| person_of(r, now)).collect(),
            total: u64::try_from(total).unwrap_or(0),
        })
    }

    async fn group_ids(&self) -> Result<Vec<String>, Error> {
        self.store.read(store::groups::all_ids).await
    }

    async fn memberships(&self) -> Result<Vec<(String, String)>, Error> {
        self.store.read(store::groups::all_memberships).await
    }

    async fn groups(&self) -> Result<Vec<GroupEntry>, Error> {
        let rows = self.store.read(store::groups::list).await?;
        Ok(rows
            .into_iter()
            .map(|(g, _)| GroupEntry {
                id: g.id,
                name: g.name,
                description: g.description,
                created_at: Some(utc(g.created_at)),
                updated_at: Some(utc(g.updated_at)),
            })
            .collect())
    }

    fn admin(&self) -> Option<&dyn DirectoryAdmin> {
        Some(self)
    }
}

/// The built-in directory's people and groups are administered here ([`users`], [`groups`]).
#[async_trait]
impl DirectoryAdmin for Builtin {
    async fn create_user(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        req: NewUser,
    ) -> Result<User, Error> {
        users::create(ctx, actor, meta, req).await
    }

    async fn update_user(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: Uuid,
        req: UserChanges,
    ) -> Result<User, Error> {
        users::update(ctx, actor, meta, id, req).await
    }

    async fn delete_user(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: Uuid,
    ) -> Result<(), Error> {
        users::delete(ctx, actor, meta, id).await
    }

    async fn create_group(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        req: NewGroup,
    ) -> Result<GroupDetail, Error> {
        groups::create(ctx, actor, meta, req).await
    }

    async fn update_group(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: Uuid,
        req: GroupChanges,
    ) -> Result<GroupDetail, Error> {
        groups::update(ctx, actor, meta, id, req).await
    }

    async fn delete_group(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: Uuid,
    ) -> Result<(), Error> {
        groups::delete(ctx, actor, meta, id).await
    }

    async fn set_members(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: Uuid,
        user_ids: Vec<Uuid>,
    ) -> Result<GroupDetail, Error> {
        groups::set_members(ctx, actor, meta, id, user_ids).await
    }
}
