//! The integration tests' Active Directory fixture (`tests/api/ldap/samba.rs`, the same code),
//! for the benchmark: a Samba DC provisioned in a network namespace of its own, reached over
//! LDAPS, with an OU holding an administrators' group and its one member. Prints the settings
//! of a service on that OU as one JSON line, then runs until its standard input closes; the
//! DC's watchdog stops it when this process ends. Needs root.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/api/ldap/tools.rs"]
mod tools;
use tools::{make_certificates, path, run, values};

#[path = "../tests/api/ldap/samba.rs"]
mod samba;

fn main() {
    let Some(dc) = samba::dc() else {
        eprintln!("the Samba DC cannot run here (samba-ad-dc, root)");
        std::process::exit(2);
    };
    let space = dc.space(&[]);
    let settings: serde_json::Map<String, serde_json::Value> = space
        .settings(dc)
        .into_iter()
        .map(|(k, v)| (format!("SSPR_{}", k.to_ascii_uppercase()), v.into()))
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "env": settings,
            "url": dc.url(),
            "ca_file": dc.ca_file(),
            "ou": space.ou,
            "admin": space.admin,
            "seed_password": samba::SEED_PASSWORD,
            "bind_dn": samba::ADMINISTRATOR,
            "bind_password": samba::ADMIN_PASSWORD,
        })
    );
    let mut sink = String::new();
    while std::io::stdin().read_line(&mut sink).is_ok_and(|n| n > 0) {}
}
