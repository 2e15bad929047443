//! The audit stream's promise at the storage seam: a row reaches the sink once its call has
//! committed it, never when the transaction that wrote it rolled back.

use std::sync::{Arc, Mutex};

use super::audit::AuditRow;
use super::{DatabaseTarget, Store};
use crate::error::Error;

fn row(id: &str) -> AuditRow {
    AuditRow {
        id: id.to_owned(),
        at: chrono::DateTime::from_timestamp(1_700_000_000, 0)
            .unwrap()
            .naive_utc(),
        event_type: "sign_out".to_owned(),
        outcome: "success".to_owned(),
        actor_id: None,
        actor_name: None,
        target_id: None,
        target_name: None,
        ip: None,
        user_agent: None,
        details: "{}".to_owned(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_committed_audit_rows_reach_the_stream() {
    let dir = std::env::temp_dir().join(format!("sspr-store-{}", uuid::Uuid::new_v4()));
    let path = dir.join("test.db");
    let mut store = Store::open(&DatabaseTarget::Sqlite(path), 2).unwrap();
    let streamed = Arc::new(Mutex::new(Vec::<String>::new()));
    let seen = Arc::clone(&streamed);
    store.stream_audit(Arc::new(move |rows: Vec<AuditRow>| {
        seen.lock().unwrap().extend(rows.into_iter().map(|r| r.id));
    }));

    store
        .write(|conn| super::audit::insert(conn, &row("committed")))
        .await
        .unwrap();
    let failed: Result<(), Error> = store
        .write(|conn| {
            super::audit::insert(conn, &row("rolled-back"))?;
            Err(Error::internal("the change failed after its audit row"))
        })
        .await;
    assert!(failed.is_err());
    // Outside a transaction each statement commits as it runs, whatever comes after.
    let _ = store
        .read(|conn| {
            super::audit::insert(conn, &row("autocommitted"))?;
            Err::<(), _>(Error::internal("later"))
        })
        .await;
    store.read(|_| Ok(())).await.unwrap();

    assert_eq!(
        *streamed.lock().unwrap(),
        vec!["committed".to_owned(), "autocommitted".to_owned()]
    );
    let stored: Vec<String> = store
        .read(|conn| {
            super::audit::list(conn, &super::audit::Filter::default(), 10)
                .map(|rows| rows.into_iter().map(|r| r.id).collect())
        })
        .await
        .unwrap();
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(!stored.contains(&"rolled-back".to_owned()));
    let _ = std::fs::remove_dir_all(dir);
}

/// Many writes at once on SQLite's one writer: they are committed in groups, and a write that
/// fails takes only its own changes with it; every caller gets its own answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grouped_writes_each_keep_their_own_outcome() {
    let dir = std::env::temp_dir().join(format!("sspr-store-{}", uuid::Uuid::new_v4()));
    let store = Store::open(&DatabaseTarget::Sqlite(dir.join("test.db")), 2).unwrap();
    let writes = (0..200).map(|i| {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .write(move |conn| {
                    super::audit::insert(conn, &row(&format!("w{i}")))?;
                    if i % 3 == 0 {
                        return Err(Error::internal(format!("write {i} fails")));
                    }
                    Ok(i)
                })
                .await
        })
    });
    let answers = futures_util::future::join_all(writes).await;
    for (i, answer) in answers.into_iter().enumerate() {
        match answer.unwrap() {
            Ok(n) => assert_eq!((n, i % 3 == 0), (i, false)),
            Err(e) => assert!(
                i % 3 == 0 && e.to_string().contains(&format!("write {i} fails")),
                "{e}"
            ),
        }
    }
    let stored: std::collections::BTreeSet<String> = store
        .read(|conn| {
            super::audit::list(conn, &super::audit::Filter::default(), 1000)
                .map(|rows| rows.into_iter().map(|r| r.id).collect())
        })
        .await
        .unwrap();
    let expected: std::collections::BTreeSet<String> = (0..200)
        .filter(|i| i % 3 != 0)
        .map(|i| format!("w{i}"))
        .collect();
    assert_eq!(stored, expected);
    let _ = std::fs::remove_dir_all(dir);
}

/// SQLite is built with its query planner stability guarantee (`.cargo/config.toml`): without
/// it, every query with a bound `LIMIT` (diesel's `.first()`) was parsed and planned again at
/// each call, its cached statement expired by the new binding.
#[test]
fn sqlite_keeps_its_plans_whatever_the_bound_values() {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Option_ {
        #[diesel(sql_type = diesel::sql_types::Text)]
        compile_options: String,
    }
    let mut conn = SqliteConnection::establish(":memory:").unwrap();
    let options: Vec<String> =
        diesel::sql_query("SELECT compile_options FROM pragma_compile_options")
            .load::<Option_>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|o| o.compile_options)
            .collect();
    assert!(
        options.iter().any(|o| o == "ENABLE_QPSG"),
        "SQLite was built without SQLITE_ENABLE_QPSG (LIBSQLITE3_FLAGS in .cargo/config.toml): {options:?}"
    );
}
