//! The integration tests' OpenLDAP fixture (`tests/api/ldap/slapd.rs`, the same code), for the
//! browser journeys and the benchmark: a seeded slapd with ppolicy and StartTLS on a free port.
//! Prints its settings as one JSON line, then runs until its standard input closes (the
//! harness that started it ended) and stops the server.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/api/ldap/tools.rs"]
mod tools;
use tools::{make_certificates, path, run, values};

#[path = "../tests/api/ldap/slapd.rs"]
mod slapd;

fn main() {
    let Some(server) = slapd::Slapd::start() else {
        eprintln!("slapd is not installed (apt-get install slapd ldap-utils)");
        std::process::exit(2);
    };
    let people: Vec<serde_json::Value> = slapd::PEOPLE
        .iter()
        .map(|p| serde_json::json!({"username": p.uid, "name": p.name, "email": p.mail, "mobile": p.mobile, "dn": slapd::person_dn(p.uid)}))
        .collect();
    let settings: serde_json::Map<String, serde_json::Value> = server
        .settings()
        .into_iter()
        .map(|(k, v)| (format!("SSPR_{}", k.to_ascii_uppercase()), v.into()))
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "env": settings,
            "url": server.url(),
            "ca_file": server.ca_file(),
            "seed_password": slapd::SEED_PASSWORD,
            "admin": "dana",
            "bind_dn": slapd::SERVICE_DN,
            "bind_password": slapd::SERVICE_PASSWORD,
            "people_base": format!("ou=people,{}", slapd::SUFFIX),
            "people": people,
        })
    );
    // Until the harness goes away.
    let mut sink = String::new();
    while std::io::stdin().read_line(&mut sink).is_ok_and(|n| n > 0) {}
    drop(server);
}
