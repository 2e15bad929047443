//! The product on real directories: OpenLDAP ([`slapd`]) now, Active Directory next. Each test
//! starts its own directory server and the service on it, on SQLite and on PostgreSQL.

pub mod samba;
pub mod slapd;

mod ad;
mod openldap;

use std::path::Path;
use std::process::Command;

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

pub(crate) fn path(p: &Path) -> String {
    p.display().to_string()
}

pub(crate) fn run(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA (`ca.pem`) and a server certificate (`server.pem`, `server.key`) for `san`
/// (`DNS:…,IP:…`), valid for two days, made with openssl in `dir`.
pub(crate) fn make_certificates(dir: &Path, san: &str) {
    let p = |name: &str| path(&dir.join(name));
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    let (ca_key, ca_pem) = (p("ca.key"), p("ca.pem"));
    ca.extend([
        "-keyout",
        &ca_key,
        "-out",
        &ca_pem,
        "-days",
        "2",
        "-subj",
        "/CN=sspr test CA",
    ]);
    run("openssl", &ca);
    let mut req = vec!["req"];
    req.extend(ec);
    let (key, csr) = (p("server.key"), p("server.csr"));
    req.extend(["-keyout", &key, "-out", &csr, "-subj", "/CN=localhost"]);
    run("openssl", &req);
    std::fs::write(
        dir.join("ext"),
        format!("subjectAltName={san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"),
    )
    .unwrap();
    let (pem, ext) = (p("server.pem"), p("ext"));
    run(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            &ca_pem,
            "-CAkey",
            &ca_key,
            "-CAcreateserial",
            "-out",
            &pem,
            "-days",
            "2",
            "-extfile",
            &ext,
        ],
    );
    // Samba refuses a key that others may read.
    run("chmod", &["600", &key]);
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
