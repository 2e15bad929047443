//! Where people live: the [`Directory`] seam and its implementations.
//!
//! A directory says who exists (login, name, contacts, administrator or not, enabled or not),
//! checks and sets their passwords, keeps (or not) its own lockout, and knows their groups. The
//! service keeps what is its own in its database whatever the directory: methods, codes, flows,
//! limits, policy, audit, outbox, and the account facts (session epoch, registration clock,
//! must-change flag). The built-in SQL directory ([`builtin`]) is the first implementation;
//! user and group administration ([`users`], [`groups`]) exist only for it.
//!
//! Every call is async and may go over the network: callers never hold a database transaction
//! across one (a reset claims its flow, awaits the directory, then records — `flows`).

pub mod bootstrap;
pub mod builtin;
pub mod groups;
pub mod import;
pub mod ldap;
pub mod names;
pub mod passwords;
pub mod users;
pub mod view;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

pub use names::{DisplayName, EmailAddress, PhoneNumber, Username};

use crate::context::{Actor, Ctx, RequestMeta};
use crate::error::{Error, ErrorCode};
use crate::password::Password;
use groups::{GroupChanges, GroupDetail, NewGroup};
use users::{NewUser, User, UserChanges};

/// A person as the directory describes them now.
#[derive(Clone, Debug)]
pub struct Person {
    /// The directory's id for the person (built-in: the user row's id).
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub mobile_phone: Option<String>,
    /// A desk phone, where the directory keeps one (offered as a suggestion only).
    pub office_phone: Option<String>,
    pub is_admin: bool,
    pub disabled: bool,
    /// Locked after repeated wrong passwords, until then (past values are not reported).
    pub locked_until: Option<DateTime<Utc>>,
    /// The directory asks for a new password at the next sign-in (reset by an administrator
    /// in the directory's own tools, or expired). The built-in directory keeps this flag on
    /// the account instead.
    pub must_change_password: bool,
    /// When the directory made and last changed the entry, where it says.
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A group as the directory describes it (membership comes from [`Directory::memberships`]).
#[derive(Clone, Debug)]
pub struct GroupEntry {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A lockout that the failure just reported started.
#[derive(Clone, Copy, Debug)]
pub struct Lockout {
    pub until: DateTime<Utc>,
    pub seconds: i64,
    /// Consecutive lockouts so far (each one longer).
    pub lockouts: i32,
}

/// What checking a password said. Every outcome costs one password check, for a login that
/// does not exist too, so that the time taken does not tell which it was.
#[derive(Clone, Debug)]
pub enum Authentication {
    Accepted(Person),
    /// Wrong password (counted by a directory with its own lockout), or no such login.
    Rejected {
        person: Option<Person>,
        /// Consecutive failures counted so far (0 when the directory does not say).
        failures: i32,
        /// Set when this failure locked the account.
        locked: Option<Lockout>,
    },
    /// Locked out: nothing is counted; whether the password was right decides what the
    /// caller may tell.
    Locked {
        person: Person,
        until: DateTime<Utc>,
        password_matched: bool,
    },
    /// The right password for a disabled account.
    Disabled(Person),
}

/// Who sets a password, which directories may treat differently (an administrator's reset of a
/// user account, the person's own change knowing the current one, a self-service reset).
#[derive(Clone, Copy, Debug)]
pub enum PasswordChange<'a> {
    /// The person's own change, proving `current` (which directories check themselves).
    ByPerson {
        current: &'a Password,
    },
    ByReset,
    ByAdministrator,
}

/// What a directory does by itself, which decides what the service does around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Capabilities {
    /// Users and groups are created and edited here ([`DirectoryAdmin`]); otherwise the
    /// directory's own tools do it and the administration shows them read-only.
    pub manages_users: bool,
    /// The directory counts wrong passwords and locks accounts itself.
    pub native_lockout: bool,
    /// The directory refuses recently used passwords itself; otherwise the service checks
    /// the hashes [`Directory::recent_password_hashes`] gives.
    pub enforces_history: bool,
}

/// [`Directory::find_with_groups_in_store`]: the lookup, run on a connection of the store.
pub type StoredLookup = Box<
    dyn FnOnce(&mut crate::store::DbConn) -> Result<(Option<Person>, Vec<String>), Error> + Send,
>;

/// The seam between the service and the people it serves. Implementations: [`builtin`],
/// [`ldap`] (OpenLDAP and Active Directory).
#[async_trait]
pub trait Directory: Send + Sync + 'static {
    /// The name kept with each account (`builtin`, `ldap`, `active_directory`).
    fn kind(&self) -> &'static str;

    fn capabilities(&self) -> Capabilities;

    /// Whether the directory answers (readiness); the built-in one lives in the database.
    async fn ping(&self) -> Result<(), Error> {
        Ok(())
    }

    /// The person a login names (case as the directory compares it).
    async fn find_by_login(&self, login: &str) -> Result<Option<Person>, Error>;

    /// [`Directory::find_by_login`], and the person's [`Directory::groups_of`] (asked for `""`
    /// when nobody is found, so that an unknown login costs what a known one does): what a
    /// reset's start needs. The built-in directory answers in one statement.
    async fn find_with_groups(&self, login: &str) -> Result<(Option<Person>, Vec<String>), Error> {
        let person = self.find_by_login(login).await?;
        let id = person.as_ref().map(|p| p.id.clone()).unwrap_or_default();
        let groups = self.groups_of(&id).await?;
        Ok((person, groups))
    }

    /// [`Directory::find_with_groups`] as a read on sspr's own store, for a directory kept
    /// there (the built-in one): a start then reads the person beside their methods and the
    /// policy, in one trip to the store. `None` for a directory elsewhere.
    fn find_with_groups_in_store(&self, _login: &str) -> Option<StoredLookup> {
        None
    }

    /// The person with the directory's id `id`.
    async fn get(&self, id: &str) -> Result<Option<Person>, Error>;

    /// Checks a password for a login (see [`Authentication`]).
    async fn authenticate(&self, login: &str, password: &Password)
    -> Result<Authentication, Error>;

    /// Puts a new password on the person, clearing any lockout. Fails with
    /// [`Error::DirectoryUnavailable`] when the directory could not be written.
    async fn set_password(
        &self,
        id: &str,
        password: &Password,
        change: PasswordChange<'_>,
    ) -> Result<(), Error>;

    /// Ends a lockout. True when the person was locked.
    async fn unlock(&self, id: &str) -> Result<bool, Error>;

    /// The groups the person belongs to (the ids the policy's scope names).
    async fn groups_of(&self, id: &str) -> Result<Vec<String>, Error>;

    /// The hashes of the person's current and last `n - 1` passwords, newest first, when the
    /// service checks reuse ([`Capabilities::enforces_history`] false).
    async fn recent_password_hashes(&self, id: &str, n: u32) -> Result<Vec<String>, Error>;

    /// Every administrator who can sign in (told when one of them resets their password).
    async fn administrators(&self) -> Result<Vec<Person>, Error>;

    /// People matching `query`, in login order (see [`PeopleQuery`]).
    async fn search(&self, query: &PeopleQuery) -> Result<PeoplePage, Error>;

    /// The ids of every group: what a policy's scope may name.
    async fn group_ids(&self) -> Result<Vec<String>, Error>;

    /// Every group with its name, in name order (what administrators see).
    async fn groups(&self) -> Result<Vec<GroupEntry>, Error>;

    /// Every membership as (group id, person id): the scope of the whole directory at once.
    async fn memberships(&self) -> Result<Vec<(String, String)>, Error>;

    /// User and group administration, when people are managed here
    /// ([`Capabilities::manages_users`]); a directory with tools of its own offers none.
    fn admin(&self) -> Option<&dyn DirectoryAdmin> {
        None
    }
}

/// Creating, changing and deleting people and groups: what only a directory managed by this
/// service offers (the built-in one). Each call validates, writes and audits as one change.
#[async_trait]
pub trait DirectoryAdmin: Send + Sync {
    async fn create_user(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        req: NewUser,
    ) -> Result<User, Error>;

    async fn update_user(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: uuid::Uuid,
        req: UserChanges,
    ) -> Result<User, Error>;

    async fn delete_user(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: uuid::Uuid,
    ) -> Result<(), Error>;

    async fn create_group(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        req: NewGroup,
    ) -> Result<GroupDetail, Error>;

    async fn update_group(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: uuid::Uuid,
        req: GroupChanges,
    ) -> Result<GroupDetail, Error>;

    async fn delete_group(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: uuid::Uuid,
    ) -> Result<(), Error>;

    async fn set_members(
        &self,
        ctx: &Ctx,
        actor: &Actor,
        meta: &RequestMeta,
        id: uuid::Uuid,
        user_ids: Vec<uuid::Uuid>,
    ) -> Result<GroupDetail, Error>;
}

/// The administration of `ctx`'s directory, or 409 `directory_read_only` when its people are
/// managed with its own tools.
pub fn admin(ctx: &Ctx) -> Result<&dyn DirectoryAdmin, Error> {
    ctx.directory.admin().ok_or_else(|| {
        Error::conflict(
            ErrorCode::DirectoryReadOnly,
            "people and groups are managed in the directory itself",
        )
    })
}

/// Which directory the service reads people from, and what it does itself.
pub fn info(ctx: &Ctx) -> (&'static str, Capabilities) {
    (ctx.directory.kind(), ctx.directory.capabilities())
}

/// Which people a search asks for: those whose login, name or address contains `text` (any
/// case), from `offset`, at most `limit`.
#[derive(Clone, Debug, Default)]
pub struct PeopleQuery {
    pub text: Option<String>,
    pub offset: u64,
    pub limit: u64,
}

impl PeopleQuery {
    /// Everyone (the reports and the policy impact count the whole directory).
    pub fn everyone() -> Self {
        Self {
            text: None,
            offset: 0,
            limit: i64::MAX as u64,
        }
    }
}

/// One page of a search, and how many people match in all.
#[derive(Clone, Debug)]
pub struct PeoplePage {
    pub items: Vec<Person>,
    pub total: u64,
}

/// For PATCH bodies: tells an absent field (`None`) from an explicit `null` (`Some(None)`).
pub(crate) fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}
