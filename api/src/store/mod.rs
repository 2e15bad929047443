//! Storage: one diesel code base over SQLite and PostgreSQL.
//!
//! Owns the connection pool, the embedded migrations, the schema and every SQL query. Other
//! modules hand closures to [`Store::read`] / [`Store::write`] and call the typed query
//! functions of the submodules; they never build SQL themselves. Nothing here knows about HTTP,
//! policy or business rules.
//!
//! Every call runs on tokio's blocking pool so that a slow query never stalls an async worker.

pub mod accounts;
pub mod api_keys;
pub mod audit;
pub mod ceremonies;
pub mod codes;
pub mod flows;
pub mod groups;
pub mod memory;
pub mod methods;
pub mod outbox;
pub mod policy;
pub mod ports;
mod prepared;
pub mod rate;
pub mod schema;
pub mod sessions;
mod together;
pub mod users;
pub mod webhooks;
mod writer;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, Pool};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::error::Error;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// A connection to either backend; queries written against it run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

/// Where the data lives, parsed from `SSPR_DATABASE_URL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseTarget {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseTarget {
    /// Accepts `sqlite://PATH`, `sqlite:PATH` and `postgres://…` / `postgresql://…`.
    pub fn parse(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_owned()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .ok_or_else(|| "must start with sqlite:// or postgres://".to_owned())?;
        if path.is_empty() {
            return Err("the sqlite path is empty".to_owned());
        }
        Ok(Self::Sqlite(PathBuf::from(path)))
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

/// Opens connections for the pool, choosing the backend from the URL rather than by trial
/// (the derived `establish` would happily open a SQLite file named `postgres://…`).
pub struct Manager {
    target: DatabaseTarget,
    /// How many of the next check-outs are checked with a `SELECT 1` first: none, until a
    /// connection was found gone ([`Store::run`]), and then as many as the pool holds, since
    /// those idle beside it (a database restart, a network cut) are likely gone too.
    check_next: Arc<AtomicU32>,
}

thread_local! {
    /// Set by [`Store::run`] when the connection it used is gone, so that the pool drops it
    /// as it is handed back ([`Manager::has_broken`], on the same thread, just after).
    static CONNECTION_LOST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match &self.target {
            DatabaseTarget::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut conn =
                    SqliteConnection::establish(&path).map_err(r2d2::Error::ConnectionError)?;
                // The busy timeout first, so that everything after it waits for a lock instead
                // of failing at once. WAL (set once per database file in `Store::open`) lets
                // readers proceed while one writer writes. Temporary files in memory: the one writer's savepoints (one per caller of a
                // group) journal the pages they change, and past 64 KiB SQLite spilled that
                // journal to a temporary file, written with `pwrite` at every group.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
                     PRAGMA temp_store = MEMORY;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
            DatabaseTarget::Postgres(url) => {
                let conn = PgConnection::establish(url).map_err(r2d2::Error::ConnectionError)?;
                Ok(DbConn::Pg(conn))
            }
        }
    }

    /// Checks a connection being checked out only while [`Manager::check_next`] says so: a
    /// round trip per check-out was most of the statements of a light request. A connection
    /// that turns out to be gone is found by the query that fails on it instead.
    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        let due = self
            .check_next
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok();
        if due {
            conn.batch_execute("SELECT 1")
                .map_err(r2d2::Error::QueryError)?;
        }
        Ok(())
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        use diesel::r2d2::R2D2Connection;
        CONNECTION_LOST.with(|lost| lost.replace(false)) || conn.is_broken()
    }
}

/// Why the store could not be opened at start-up.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the directory for the SQLite database {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot connect to the database: {0}")]
    Connect(String),
    #[error("database migrations failed: {0}")]
    Migrate(String),
}

/// Where committed audit rows go besides the database (the audit stream).
pub type AuditSink = Arc<dyn Fn(Vec<audit::AuditRow>) + Send + Sync>;

/// The pool and the backend it talks to. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: Pool<Manager>,
    backend: &'static str,
    audit_sink: Option<AuditSink>,
    /// SQLite: the one thread every write transaction goes through ([`writer`]).
    writer: Option<writer::Writer>,
    /// The pool manager's [`Manager::check_next`].
    check_next: Arc<AtomicU32>,
}

impl Store {
    /// Opens the pool and runs the embedded migrations. Blocking: call it before serving.
    pub fn open(target: &DatabaseTarget, pool_size: u32) -> Result<Self, OpenError> {
        if let DatabaseTarget::Sqlite(path) = target
            && let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|source| OpenError::CreateDir {
                path: path.display().to_string(),
                source,
            })?;
        }
        if let DatabaseTarget::Sqlite(path) = target {
            // journal_mode is a property of the file: set it once, before the pool opens its
            // connections all at once.
            let mut conn = SqliteConnection::establish(&path.to_string_lossy())
                .map_err(|e| OpenError::Connect(e.to_string()))?;
            conn.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;")
                .map_err(|e| OpenError::Connect(e.to_string()))?;
        }
        let check_next = Arc::new(AtomicU32::new(0));
        let pool = Pool::builder()
            .max_size(pool_size)
            .connection_timeout(Duration::from_secs(5))
            .build(Manager {
                target: target.clone(),
                check_next: Arc::clone(&check_next),
            })
            .map_err(|e| OpenError::Connect(e.to_string()))?;
        let mut conn = pool.get().map_err(|e| OpenError::Connect(e.to_string()))?;
        let result = match &mut *conn {
            DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
            DbConn::Pg(c) => {
                // Replicas starting together: one migrates while the others wait on this lock,
                // then find nothing left to do.
                diesel::sql_query("SELECT pg_advisory_lock(735977001)")
                    .execute(c)
                    .map_err(|e| OpenError::Migrate(e.to_string()))?;
                let ran = c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ());
                let _ = diesel::sql_query("SELECT pg_advisory_unlock(735977001)").execute(c);
                ran
            }
        };
        result.map_err(|e| OpenError::Migrate(e.to_string()))?;
        let writer = match target {
            DatabaseTarget::Sqlite(_) => {
                use r2d2::ManageConnection as _;
                let manager = Manager {
                    target: target.clone(),
                    check_next: Arc::new(AtomicU32::new(0)),
                };
                let connect = || {
                    manager
                        .connect()
                        .map_err(|e| OpenError::Connect(e.to_string()))
                };
                let (conn, checkpointer) = (connect()?, connect()?);
                let reconnect = move || manager.connect().ok();
                Some(
                    writer::Writer::start(conn, checkpointer, reconnect)
                        .map_err(|e| OpenError::Connect(e.to_string()))?,
                )
            }
            DatabaseTarget::Postgres(_) => None,
        };
        Ok(Self {
            pool,
            backend: target.backend_name(),
            audit_sink: None,
            writer,
            check_next,
        })
    }

    /// From now on, hands every audit row to `sink` once the call that wrote it has committed
    /// it (never a row a failed transaction rolled back).
    pub fn stream_audit(&mut self, sink: AuditSink) {
        self.audit_sink = Some(sink);
    }

    pub fn backend(&self) -> &'static str {
        self.backend
    }

    /// Runs `f` on a pooled connection on the blocking pool, outside any transaction.
    pub async fn read<T, F>(&self, f: F) -> Result<T, Error>
    where
        F: FnOnce(&mut DbConn) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        self.run(false, f).await
    }

    /// Runs `f` inside one transaction: everything it writes lands together or not at all.
    ///
    /// On SQLite it goes to the one writer ([`writer`]): in a savepoint of a `BEGIN IMMEDIATE`
    /// transaction committed with the other writes queued with it, answered after the commit.
    /// On PostgreSQL it is a transaction of its own on a pooled connection.
    pub async fn write<T, F>(&self, f: F) -> Result<T, Error>
    where
        F: FnOnce(&mut DbConn) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        match &self.writer {
            Some(writer) => writer.write(self.audit_sink.clone(), f).await,
            None => self.run(true, move |conn| conn.transaction(f)).await,
        }
    }

    /// Runs `f` on the blocking pool; then the audit rows it wrote go to the audit stream when
    /// they were committed: always outside a transaction (each statement commits), only when
    /// it succeeded inside one.
    async fn run<T, F>(&self, transaction: bool, f: F) -> Result<T, Error>
    where
        F: FnOnce(&mut DbConn) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        let (pool, sink) = (self.pool.clone(), self.audit_sink.clone());
        let check_next = Arc::clone(&self.check_next);
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|_| Error::StoreUnavailable)?;
            audit::take_written();
            let result = f(&mut conn);
            // A failure that may be the connection's: if it no longer answers, the pool drops
            // it, and checks the next check-outs before handing them out.
            if matches!(result, Err(Error::StoreUnavailable | Error::Internal(_)))
                && conn.batch_execute("SELECT 1").is_err()
            {
                CONNECTION_LOST.with(|lost| lost.set(true));
                check_next.store(pool.max_size(), Ordering::Release);
            }
            let written = audit::take_written();
            if let Some(sink) = sink
                && !written.is_empty()
                && (result.is_ok() || !transaction)
            {
                sink(written);
            }
            result
        })
        .await
        .map_err(|e| Error::internal(format!("storage task failed: {e}")))?
    }

    /// True when the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        self.read(|conn| conn.batch_execute("SELECT 1").map_err(Error::from))
            .await
            .is_ok()
    }
}

/// A column value for "now" and the like: timestamps are stored as UTC without a zone, to the
/// microsecond (PostgreSQL's precision; SQLite would keep nanoseconds, and the two backends must
/// compare and page alike).
pub fn ts(t: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    use chrono::SubsecRound as _;
    t.naive_utc().trunc_subsecs(6)
}

/// The reverse of [`ts`].
pub fn utc(t: chrono::NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    t.and_utc()
}

/// 0/1 integer columns (see the migrations) to and from `bool`.
pub fn flag(b: bool) -> i32 {
    i32::from(b)
}

#[cfg(test)]
mod tests;
