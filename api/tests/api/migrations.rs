//! Migrations carry existing data: a database as an earlier version left it, with rows in it,
//! is upgraded and read by this version, on SQLite and PostgreSQL.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use sspr::methods::data::MethodData;

use crate::helpers::{Backend, TestDatabase};

const SQLITE: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Applies migrations until `count` of them are in place.
fn migrate_to<C: MigrationHarness<B>, B: diesel::backend::Backend>(
    conn: &mut C,
    migrations: impl Fn() -> EmbeddedMigrations,
    count: usize,
) {
    while conn.applied_migrations().unwrap().len() < count {
        conn.run_next_migration(migrations()).unwrap();
    }
}

/// Methods as version 6 stored them, a column per kind.
const METHODS_AT_6: &str = "
INSERT INTO accounts (id, directory, directory_ref, created_at, updated_at)
    VALUES ('a1', 'builtin', 'a1', '2026-12-01 10:00:00', '2026-12-01 10:00:00');
INSERT INTO methods (id, user_id, kind, status, destination, extension, secret, last_totp_step,
        created_at, activated_at, updated_at, held) VALUES
    ('m-email', 'a1', 'email', 'active', 'ann@example.org', NULL, NULL, NULL,
        '2026-12-01 10:00:00', '2026-12-01 10:00:00', '2026-12-01 10:00:00', 0),
    ('m-office', 'a1', 'office_voice', 'active', '+493012345678', '204', NULL, NULL,
        '2026-12-01 10:00:00', '2026-12-01 10:00:00', '2026-12-01 10:00:00', 0),
    ('m-sms', 'a1', 'mobile_sms', 'pending', '+14155552671', NULL, NULL, NULL,
        '2026-12-01 10:00:00', NULL, '2026-12-01 10:00:00', 0),
    ('m-app', 'a1', 'authenticator_app', 'active', NULL, NULL, 'v1.sealed-seed', 59000001,
        '2026-12-01 10:00:00', '2026-12-01 10:00:00', '2026-12-01 10:00:00', 1),
    ('m-new-app', 'a1', 'authenticator_app', 'pending', NULL, NULL, 'v1.other-seed', NULL,
        '2026-12-01 10:00:00', NULL, '2026-12-01 10:00:00', 0),
    ('m-questions', 'a1', 'security_questions', 'active', NULL, NULL, NULL, NULL,
        '2026-12-01 10:00:00', '2026-12-01 10:00:00', '2026-12-01 10:00:00', 0);
";

fn expected() -> Vec<(&'static str, MethodData)> {
    let dest = |a: &str, e: Option<&str>| MethodData::Destination {
        address: a.to_owned(),
        extension: e.map(str::to_owned),
    };
    vec![
        (
            "m-app",
            MethodData::Totp {
                sealed_seed: "v1.sealed-seed".into(),
                last_step: Some(59000001),
            },
        ),
        ("m-email", dest("ann@example.org", None)),
        (
            "m-new-app",
            MethodData::Totp {
                sealed_seed: "v1.other-seed".into(),
                last_step: None,
            },
        ),
        ("m-office", dest("+493012345678", Some("204"))),
        ("m-questions", MethodData::None),
        ("m-sms", dest("+14155552671", None)),
    ]
}

#[test]
fn method_columns_become_one_data_column_on_sqlite() {
    let db = TestDatabase::create(Backend::Sqlite).unwrap();
    let path = db.url.trim_start_matches("sqlite://").to_owned();
    let mut conn = SqliteConnection::establish(&path).unwrap();
    migrate_to(&mut conn, || SQLITE, 6);
    conn.batch_execute(METHODS_AT_6).unwrap();
    conn.run_pending_migrations(SQLITE).unwrap();
    check(&mut sspr::store::DbConn::Sqlite(conn));
}

#[test]
fn method_columns_become_one_data_column_on_postgres() {
    let Some(db) = TestDatabase::create(Backend::Postgres) else {
        return;
    };
    let mut conn = PgConnection::establish(&db.url).unwrap();
    migrate_to(&mut conn, || POSTGRES, 6);
    conn.batch_execute(METHODS_AT_6).unwrap();
    conn.run_pending_migrations(POSTGRES).unwrap();
    check(&mut sspr::store::DbConn::Pg(conn));
}

/// Every row reads as its kind's data, through the service's own queries.
fn check(conn: &mut sspr::store::DbConn) {
    let rows = sspr::store::methods::for_user(conn, "a1").unwrap();
    let mut got: Vec<(String, MethodData)> =
        rows.iter().map(|r| (r.id.clone(), r.data())).collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let want: Vec<(String, MethodData)> = expected()
        .into_iter()
        .map(|(id, d)| (id.to_owned(), d))
        .collect();
    assert_eq!(got, want);
    // The step an app used stays used: the same step is refused, a later one taken.
    assert_eq!(
        sspr::methods::authenticator::spend_step(conn, "m-app", 59000001).unwrap(),
        None
    );
    assert!(
        sspr::methods::authenticator::spend_step(conn, "m-app", 59000002)
            .unwrap()
            .is_some()
    );
    assert!(
        sspr::methods::authenticator::spend_step(conn, "m-new-app", 1)
            .unwrap()
            .is_some()
    );
    // What the census and the impact report read.
    let census = sspr::store::methods::all_active(conn).unwrap();
    let office = census.iter().find(|r| r.1 == "m-office").unwrap();
    assert_eq!(
        sspr::methods::data::destination_of(&office.3).as_deref(),
        Some("+493012345678")
    );
}
