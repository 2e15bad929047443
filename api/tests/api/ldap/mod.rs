//! The product on real directories: OpenLDAP ([`slapd`], one server per test) and Active
//! Directory ([`samba`], one DC per test process), each with the service on SQLite and PostgreSQL.

pub mod samba;
pub mod slapd;

mod ad;
mod openldap;
mod tools;

pub(crate) use tools::{make_certificates, path, run, values};

use crate::helpers::{Backend, TestApp, spawn_app_with};

/// The service on a fresh slapd; `None` when a part is not available here (outside CI).
pub async fn on_slapd(backend: Backend, extra: &[(&str, &str)]) -> Option<(TestApp, slapd::Slapd)> {
    let server = slapd::Slapd::start()?;
    let settings = server.settings();
    let mut overrides: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    overrides.extend_from_slice(extra);
    let app = spawn_app_with(backend, &overrides).await?;
    Some((app, server))
}

/// Runs each test on a fresh slapd with the service on SQLite, and on PostgreSQL.
#[macro_export]
macro_rules! on_slapd {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some((app, server)) = $crate::ldap::on_slapd($crate::helpers::Backend::Sqlite, &[]).await {
                        super::$name(app, server).await;
                    }
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some((app, server)) = $crate::ldap::on_slapd($crate::helpers::Backend::Postgres, &[]).await {
                        super::$name(app, server).await;
                    }
                }
            )*
        }
    };
}

/// The service on an OU of its own in the process's Samba DC; `None` when the DC cannot run
/// here (outside CI).
pub async fn on_samba(
    backend: Backend,
    people: &[(&str, Option<&str>)],
) -> Option<(TestApp, &'static samba::Dc, samba::Space)> {
    let people: Vec<(String, Option<String>)> = people
        .iter()
        .map(|(p, m)| ((*p).to_owned(), m.map(str::to_owned)))
        .collect();
    let (dc, space) = tokio::task::spawn_blocking(move || {
        let dc = samba::dc()?;
        let people: Vec<(&str, Option<&str>)> = people
            .iter()
            .map(|(p, m)| (p.as_str(), m.as_deref()))
            .collect();
        Some((dc, dc.space(&people)))
    })
    .await
    .unwrap()?;
    let settings = space.settings(dc);
    let overrides: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = spawn_app_with(backend, &overrides).await?;
    Some((app, dc, space))
}

/// Runs each test on the Samba DC with the service on SQLite, and on PostgreSQL.
#[macro_export]
macro_rules! on_samba {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some((app, dc, space)) = $crate::ldap::on_samba($crate::helpers::Backend::Sqlite, super::PEOPLE).await {
                        super::$name(app, dc, space).await;
                    }
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some((app, dc, space)) = $crate::ldap::on_samba($crate::helpers::Backend::Postgres, super::PEOPLE).await {
                        super::$name(app, dc, space).await;
                    }
                }
            )*
        }
    };
}
