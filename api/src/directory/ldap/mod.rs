//! People in an LDAP directory: OpenLDAP with the password policy overlay, or Active Directory
//! (the two [`Flavour`]s). The directory owns people, groups, passwords, lockout and unlock;
//! the service keeps its own methods, flows, policy, audit and outbox, and the hashes of the
//! passwords set through it (the directory does not refuse reuse on a reset: slapd skips its
//! history for an administrator's change, and Active Directory does it only with a control).
//!
//! Searches, resets and unlocks go through a small pool of connections bound as the service
//! account ([`conn`]); checking a person's password is a bind as that person on a connection of
//! its own. A person's id is the entry's `entryUUID` / `objectGUID` ([`entry`]).

mod ad;
pub mod conn;
pub mod entry;
mod openldap;
mod reads;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use ldap3::{Scope, SearchEntry, ldap_escape};

use self::conn::{LdapPool, unavailable};
use self::entry::State;
use self::reads::{search_scoped, search_with};
use super::{
    Authentication, Capabilities, Directory, GroupEntry, PasswordChange, PeoplePage, PeopleQuery,
    Person,
};
use crate::clock::Clock;
use crate::config::LdapSettings;
use crate::error::Error;
use crate::password::{Hasher, Password};
use crate::store::{self, Store, ts};

/// Which server the directory is: what it keeps and how it is written differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    OpenLdap,
    ActiveDirectory,
}

impl Flavour {
    pub fn kind(self) -> &'static str {
        match self {
            Self::OpenLdap => "ldap",
            Self::ActiveDirectory => "active_directory",
        }
    }

    /// The id attribute and what the account's state is read from.
    fn state_attributes(self) -> &'static [&'static str] {
        match self {
            Self::OpenLdap => openldap::STATE_ATTRIBUTES,
            Self::ActiveDirectory => ad::STATE_ATTRIBUTES,
        }
    }

    fn state(self, entry: &SearchEntry, now: DateTime<Utc>) -> State {
        match self {
            Self::OpenLdap => openldap::state(entry, now),
            Self::ActiveDirectory => ad::state(entry, now),
        }
    }

    /// Groups that have `dn` as a member (Active Directory: through nested groups too).
    fn member_filter(self, dn: &str) -> String {
        let dn = ldap_escape(dn);
        match self {
            Self::OpenLdap => format!("(|(member={dn})(uniqueMember={dn}))"),
            Self::ActiveDirectory => format!("(member:1.2.840.113556.1.4.1941:={dn})"),
        }
    }
}

pub struct LdapDirectory {
    settings: LdapSettings,
    flavour: Flavour,
    pool: LdapPool,
    tls: Option<Arc<rustls::ClientConfig>>,
    /// Where the hashes of passwords set through the service are kept.
    store: Store,
    hasher: Hasher,
    clock: Arc<dyn Clock>,
}

/// The most entries a search reads (people, groups); a directory with more is read in part,
/// which the log says.
pub(super) const MAX_ENTRIES: usize = 100_000;

impl LdapDirectory {
    pub fn new(
        settings: LdapSettings,
        flavour: Flavour,
        store: Store,
        hasher: Hasher,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, String> {
        let pool = conn::pool(&settings)?;
        let tls = conn::tls_config(&settings)?;
        Ok(Self {
            settings,
            flavour,
            pool,
            tls,
            store,
            hasher,
            clock,
        })
    }

    fn timeout(&self) -> Duration {
        Duration::from_secs(self.settings.timeout_secs)
    }

    /// Entries under `base` matching `filter`, read a page at a time.
    async fn search(
        &self,
        base: &str,
        filter: &str,
        attrs: Vec<String>,
    ) -> Result<Vec<SearchEntry>, Error> {
        let mut ldap = conn::service(&self.pool).await?;
        search_with(&mut ldap, base, filter, attrs, self.timeout()).await
    }

    /// The one entry of a person that `filter` matches; none when there are none or several
    /// (an ambiguous login signs nobody in).
    async fn person_entry(&self, filter: &str) -> Result<Option<SearchEntry>, Error> {
        let attrs = entry::attributes(&self.settings, self.flavour);
        let mut found = self.search(&self.settings.user_base, filter, attrs).await?;
        if found.len() > 1 {
            tracing::warn!(
                matches = found.len(),
                "a login matches several entries; nobody is signed in as it"
            );
            return Ok(None);
        }
        Ok(found.pop())
    }

    async fn entry_by_id(&self, id: &str) -> Result<Option<SearchEntry>, Error> {
        let Some(by_id) = entry::id_filter(id, self.flavour) else {
            return Ok(None);
        };
        self.person_entry(&format!("(&{}{by_id})", self.settings.user_filter))
            .await
    }

    async fn person(&self, entry: &SearchEntry) -> Result<Option<Person>, Error> {
        let is_admin = self.is_admin(&entry.dn).await?;
        Ok(entry::person_of(
            &self.settings,
            self.flavour,
            entry,
            is_admin,
            self.clock.now(),
        ))
    }

    /// Remembers the hash of a password just set, for the service's own history rule.
    async fn remember(&self, id: &str, password: &Password) -> Result<(), Error> {
        let hash = self.hasher.hash(password).await?;
        let (id, now) = (id.to_owned(), self.clock.now());
        self.store
            .write(move |conn| {
                store::users::remember_password(
                    conn,
                    &uuid::Uuid::now_v7().to_string(),
                    &id,
                    &hash,
                    ts(now),
                )
            })
            .await
    }

    /// A bind as `dn` with `password` on a connection of its own: the server's answer.
    async fn bind_as(&self, dn: &str, password: &Password) -> Result<ldap3::LdapResult, Error> {
        let mut ldap = conn::connect(&self.settings, &self.tls).await?;
        let result = ldap
            .with_timeout(self.timeout())
            .simple_bind(dn, password.expose())
            .await
            .map_err(|e| unavailable("bind", e));
        let _ = ldap.unbind().await;
        result
    }
}

#[async_trait]
impl Directory for LdapDirectory {
    fn kind(&self) -> &'static str {
        self.flavour.kind()
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            manages_users: false,
            native_lockout: true,
            enforces_history: false,
        }
    }

    async fn ping(&self) -> Result<(), Error> {
        let mut ldap = conn::service(&self.pool).await?;
        search_scoped(
            &mut ldap,
            "",
            Scope::Base,
            "(objectClass=*)",
            vec!["1.1".into()],
            self.timeout(),
        )
        .await
        .map(|_| ())
    }

    async fn find_by_login(&self, login: &str) -> Result<Option<Person>, Error> {
        if !plausible_login(login) {
            return Ok(None);
        }
        match self
            .person_entry(&entry::login_filter(&self.settings, login))
            .await?
        {
            Some(entry) => self.person(&entry).await,
            None => Ok(None),
        }
    }

    async fn get(&self, id: &str) -> Result<Option<Person>, Error> {
        match self.entry_by_id(id).await? {
            Some(entry) => self.person(&entry).await,
            None => Ok(None),
        }
    }

    async fn authenticate(
        &self,
        login: &str,
        password: &Password,
    ) -> Result<Authentication, Error> {
        let found = if plausible_login(login) {
            self.person_entry(&entry::login_filter(&self.settings, login))
                .await?
        } else {
            None
        };
        let rejected = |person| Authentication::Rejected {
            person,
            failures: 0,
            locked: None,
        };
        let Some(found) = found else {
            // No such person: a bind that cannot succeed, so that it takes a bind's time. An
            // empty password would be an anonymous bind: never sent.
            let nobody = format!("cn={},{}", uuid::Uuid::new_v4(), self.settings.user_base);
            let _ = self.bind_as(&nobody, password).await;
            return Ok(rejected(None));
        };
        let Some(person) = self.person(&found).await? else {
            return Ok(rejected(None));
        };
        if password.expose().is_empty() {
            return Ok(rejected(Some(person)));
        }
        let result = self.bind_as(&found.dn, password).await?;
        let outcome = match self.flavour {
            Flavour::OpenLdap => openldap::bind_outcome(&result),
            Flavour::ActiveDirectory => ad::bind_outcome(&result),
        };
        Ok(match outcome {
            BindOutcome::Accepted { must_change } => {
                let mut person = person;
                person.must_change_password |= must_change;
                if person.disabled {
                    Authentication::Disabled(person)
                } else {
                    Authentication::Accepted(person)
                }
            }
            BindOutcome::Disabled => Authentication::Disabled(person),
            BindOutcome::Rejected => {
                // Read again: this failure may have locked the account.
                let now = self.clock.now();
                let after = self.entry_by_id(&person.id).await?;
                let state = after
                    .map(|e| self.flavour.state(&e, now))
                    .unwrap_or_default();
                match (person.locked_until, state.locked_until) {
                    (Some(until), _) => Authentication::Locked {
                        person,
                        until,
                        password_matched: false,
                    },
                    (None, Some(until)) => Authentication::Locked {
                        person,
                        until,
                        password_matched: false,
                    },
                    (None, None) => rejected(Some(person)),
                }
            }
            BindOutcome::Locked => {
                let until = person.locked_until.unwrap_or_else(|| {
                    self.clock.now() + chrono::Duration::days(entry::UNTIL_UNLOCKED_DAYS)
                });
                Authentication::Locked {
                    person,
                    until,
                    password_matched: false,
                }
            }
            BindOutcome::Unavailable(reason) => return Err(Error::DirectoryUnavailable(reason)),
        })
    }

    async fn set_password(
        &self,
        id: &str,
        password: &Password,
        change: PasswordChange<'_>,
    ) -> Result<(), Error> {
        let entry = self.entry_by_id(id).await?.ok_or(Error::NotFound("user"))?;
        let mut ldap = conn::service(&self.pool).await?;
        let timeout = self.timeout();
        match self.flavour {
            Flavour::OpenLdap => {
                openldap::set_password(self, &mut ldap, &entry, password, change, timeout).await?
            }
            Flavour::ActiveDirectory => {
                ad::set_password(&mut ldap, &entry, password, change, timeout).await?
            }
        }
        self.remember(id, password).await
    }

    async fn unlock(&self, id: &str) -> Result<bool, Error> {
        let entry = self.entry_by_id(id).await?.ok_or(Error::NotFound("user"))?;
        let locked = self
            .flavour
            .state(&entry, self.clock.now())
            .locked_until
            .is_some();
        let mut ldap = conn::service(&self.pool).await?;
        let timeout = self.timeout();
        match self.flavour {
            Flavour::OpenLdap => openldap::unlock(&mut ldap, &entry, timeout).await?,
            Flavour::ActiveDirectory => ad::unlock(&mut ldap, &entry, timeout).await?,
        }
        Ok(locked)
    }

    async fn groups_of(&self, id: &str) -> Result<Vec<String>, Error> {
        if id.is_empty() {
            return Ok(Vec::new());
        }
        let Some(person) = self.entry_by_id(id).await? else {
            return Ok(Vec::new());
        };
        let filter = format!(
            "(&{}{})",
            self.settings.group_filter,
            self.flavour.member_filter(&person.dn)
        );
        let groups = self
            .search(
                &self.settings.group_base,
                &filter,
                vec![self.id_attribute()],
            )
            .await?;
        Ok(groups
            .iter()
            .filter_map(|g| entry::id_of(g, self.flavour))
            .collect())
    }

    async fn recent_password_hashes(&self, id: &str, n: u32) -> Result<Vec<String>, Error> {
        if n == 0 {
            return Ok(Vec::new());
        }
        let id = id.to_owned();
        self.store
            .read(move |conn| store::users::password_history(conn, &id, i64::from(n)))
            .await
    }

    async fn administrators(&self) -> Result<Vec<Person>, Error> {
        let admins = self.admin_dns().await?;
        if admins.is_empty() {
            return Ok(Vec::new());
        }
        let everyone = self.search_people(None).await?;
        Ok(everyone
            .into_iter()
            .filter(|p| p.is_admin && !p.disabled)
            .collect())
    }

    async fn search(&self, query: &PeopleQuery) -> Result<PeoplePage, Error> {
        let mut people = self.search_people(query.text.as_deref()).await?;
        people.sort_by_key(|p| p.username.to_lowercase());
        let total = people.len() as u64;
        let offset = usize::try_from(query.offset).unwrap_or(usize::MAX);
        let limit = usize::try_from(query.limit).unwrap_or(usize::MAX);
        Ok(PeoplePage {
            items: people.into_iter().skip(offset).take(limit).collect(),
            total,
        })
    }

    async fn group_ids(&self) -> Result<Vec<String>, Error> {
        let groups = self
            .search(
                &self.settings.group_base,
                &self.settings.group_filter,
                vec![self.id_attribute()],
            )
            .await?;
        Ok(groups
            .iter()
            .filter_map(|g| entry::id_of(g, self.flavour))
            .collect())
    }

    async fn memberships(&self) -> Result<Vec<(String, String)>, Error> {
        self.all_memberships().await
    }

    async fn groups(&self) -> Result<Vec<GroupEntry>, Error> {
        self.all_groups().await
    }
}

/// What a bind as a person said.
#[derive(Debug)]
pub enum BindOutcome {
    /// The right password (which must be changed now, when `must_change`).
    Accepted {
        must_change: bool,
    },
    Rejected,
    Locked,
    Disabled,
    /// Not an answer about the password.
    Unavailable(String),
}

/// Logins worth asking the directory about: no NUL or other control character, not empty, not
/// longer than any directory keeps.
fn plausible_login(login: &str) -> bool {
    let n = login.chars().count();
    (1..=256).contains(&n) && !login.chars().any(char::is_control)
}
