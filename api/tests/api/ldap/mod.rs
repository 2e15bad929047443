//! The product on real directories: OpenLDAP ([`slapd`]) now, Active Directory next. Each test
//! starts its own directory server and the service on it, on SQLite and on PostgreSQL.

pub mod slapd;

mod openldap;

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
