//! Reading the directory: paged searches, the administrators' group, everyone at once (the
//! reports and the policy's impact), and which groups have which people.

use std::collections::HashMap;
use std::time::Duration;

use ldap3::{Ldap, Scope, SearchEntry, ldap_escape};

use super::conn::{check, unavailable};
use super::{Flavour, LdapDirectory, MAX_ENTRIES, conn, entry};
use crate::directory::{GroupEntry, Person};
use crate::error::Error;

impl LdapDirectory {
    /// DNs of the administrators' group's members (empty without one).
    pub(super) async fn admin_dns(&self) -> Result<Vec<String>, Error> {
        let Some(group) = &self.settings.admin_group else {
            return Ok(Vec::new());
        };
        let found = match self.flavour {
            Flavour::ActiveDirectory => {
                let chain = format!(
                    "(&{}(memberOf:1.2.840.113556.1.4.1941:={}))",
                    self.settings.user_filter,
                    ldap_escape(group)
                );
                self.search(&self.settings.user_base, &chain, vec!["1.1".into()])
                    .await?
            }
            Flavour::OpenLdap => {
                // No memberOf without its overlay: read the group's members.
                let mut ldap = conn::service(&self.pool).await?;
                let entries = search_scoped(
                    &mut ldap,
                    group,
                    Scope::Base,
                    "(objectClass=*)",
                    vec!["member".into(), "uniqueMember".into()],
                    self.timeout(),
                )
                .await?;
                return Ok(entries
                    .into_iter()
                    .flat_map(|e| e.attrs.into_values().flatten())
                    .map(|dn| dn.to_ascii_lowercase())
                    .collect());
            }
        };
        Ok(found
            .into_iter()
            .map(|e| e.dn.to_ascii_lowercase())
            .collect())
    }

    /// Whether the person at `dn` is in the administrators' group. Active Directory: one
    /// base-scoped search of the person's own entry (the in-chain rule over every person would
    /// cost the DC a walk of each one's groups, at every sign-in and reset).
    pub(super) async fn is_admin(&self, dn: &str) -> Result<bool, Error> {
        let Some(group) = &self.settings.admin_group else {
            return Ok(false);
        };
        if self.flavour == Flavour::ActiveDirectory {
            let mut ldap = conn::service(&self.pool).await?;
            let filter = format!("(memberOf:1.2.840.113556.1.4.1941:={})", ldap_escape(group));
            let found = search_scoped(
                &mut ldap,
                dn,
                Scope::Base,
                &filter,
                vec!["1.1".into()],
                self.timeout(),
            )
            .await?;
            return Ok(!found.is_empty());
        }
        let dn = dn.to_ascii_lowercase();
        Ok(self.admin_dns().await?.contains(&dn))
    }

    pub(super) fn id_attribute(&self) -> String {
        self.flavour.state_attributes()[0].to_owned()
    }

    pub(super) async fn search_people(&self, text: Option<&str>) -> Result<Vec<Person>, Error> {
        let filter = entry::text_filter(&self.settings, text);
        let attrs = entry::attributes(&self.settings, self.flavour);
        let entries = self
            .search(&self.settings.user_base, &filter, attrs)
            .await?;
        let admins = self.admin_dns().await?;
        let now = self.clock.now();
        Ok(entries
            .iter()
            .filter_map(|e| {
                let is_admin = admins.contains(&e.dn.to_ascii_lowercase());
                entry::person_of(&self.settings, self.flavour, e, is_admin, now)
            })
            .collect())
    }

    /// Every group, by name.
    pub(super) async fn all_groups(&self) -> Result<Vec<GroupEntry>, Error> {
        let mut attrs = vec![self.id_attribute(), "cn".into(), "description".into()];
        attrs.extend(entry::DATES.iter().map(|a| (*a).to_owned()));
        let found = self
            .search(
                &self.settings.group_base,
                &self.settings.group_filter,
                attrs,
            )
            .await?;
        let mut groups: Vec<GroupEntry> = found
            .iter()
            .filter_map(|g| {
                Some(GroupEntry {
                    id: entry::id_of(g, self.flavour)?,
                    name: entry::first(g, "cn").unwrap_or(&g.dn).to_owned(),
                    description: entry::first(g, "description").map(str::to_owned),
                    created_at: entry::created_at(g),
                    updated_at: entry::updated_at(g),
                })
            })
            .collect();
        groups.sort_by_key(|g| g.name.to_lowercase());
        Ok(groups)
    }

    /// Every membership as (group id, person id).
    pub(super) async fn all_memberships(&self) -> Result<Vec<(String, String)>, Error> {
        let members_of = |e: &SearchEntry| -> Vec<String> {
            e.attrs
                .iter()
                .filter(|(k, _)| {
                    k.eq_ignore_ascii_case("member") || k.eq_ignore_ascii_case("uniqueMember")
                })
                .flat_map(|(_, v)| v.iter().map(|dn| dn.to_ascii_lowercase()))
                .collect()
        };
        let groups = self
            .search(
                &self.settings.group_base,
                &self.settings.group_filter,
                vec![self.id_attribute(), "member".into(), "uniqueMember".into()],
            )
            .await?;
        let attrs = vec![self.id_attribute()];
        let people = self
            .search(&self.settings.user_base, &self.settings.user_filter, attrs)
            .await?;
        let by_dn: HashMap<String, String> = people
            .iter()
            .filter_map(|p| Some((p.dn.to_ascii_lowercase(), entry::id_of(p, self.flavour)?)))
            .collect();
        let mut pairs = Vec::new();
        for group in &groups {
            let Some(group_id) = entry::id_of(group, self.flavour) else {
                continue;
            };
            for dn in members_of(group) {
                if let Some(person) = by_dn.get(&dn) {
                    pairs.push((group_id.clone(), person.clone()));
                }
            }
        }
        Ok(pairs)
    }
}

/// A paged search of the subtree under `base`.
pub(super) async fn search_with(
    ldap: &mut Ldap,
    base: &str,
    filter: &str,
    attrs: Vec<String>,
    timeout: Duration,
) -> Result<Vec<SearchEntry>, Error> {
    search_scoped(ldap, base, Scope::Subtree, filter, attrs, timeout).await
}

pub(super) async fn search_scoped(
    ldap: &mut Ldap,
    base: &str,
    scope: Scope,
    filter: &str,
    attrs: Vec<String>,
    timeout: Duration,
) -> Result<Vec<SearchEntry>, Error> {
    use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
    let adapters: Vec<Box<dyn Adapter<_, _>>> = vec![
        Box::new(EntriesOnly::new()),
        Box::new(PagedResults::new(500)),
    ];
    let mut stream = ldap
        .with_timeout(timeout)
        .streaming_search_with(adapters, base, scope, filter, attrs)
        .await
        .map_err(|e| unavailable("search", e))?;
    let mut entries = Vec::new();
    while let Some(found) = stream.next().await.map_err(|e| unavailable("search", e))? {
        if entries.len() < MAX_ENTRIES {
            entries.push(SearchEntry::construct(found));
        }
    }
    let result = stream.finish().await;
    // A base that does not exist is an empty answer, not an outage.
    if result.rc == 32 {
        return Ok(Vec::new());
    }
    check("search", Ok(result))?;
    if entries.len() >= MAX_ENTRIES {
        tracing::warn!(max = MAX_ENTRIES, "a directory search was cut short");
    }
    Ok(entries)
}
