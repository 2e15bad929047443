//! SQLite's one writer. SQLite lets one transaction write at a time; with a pool, writers
//! of one process contend for that lock in SQLite's busy handler, which sleeps (up to 100 ms a
//! time) instead of waking waiters in order, so the tail under load followed the sleeps.
//! Instead, every write transaction of the process is queued to one thread owning one
//! connection, which never contends with itself:
//!
//! - **Group commit**: the thread takes whatever is queued (up to [`MAX_GROUP`]), opens one
//!   `BEGIN IMMEDIATE` transaction, runs each caller's closure in a savepoint of its own, and
//!   commits once. A closure that fails rolls back to its savepoint: only its own writes go.
//! - Each caller gets its own result, and only after the commit: nothing is answered that could
//!   still be lost. A failed commit rolls back the group, and every caller in it gets
//!   [`Error::StoreUnavailable`] (nothing was changed; they may try again).
//! - The closures run in order, each seeing the ones before it, as separate transactions
//!   would: a limit decided inside one is decided with every earlier write of the group in view.
//!
//! Reads keep their pool (WAL lets them run beside the writer). Audit rows a closure wrote go to
//! the audit stream after the commit, and only when the closure succeeded.
//!
//! **Checkpoints beside the writer**: SQLite copies the pages a commit appended to the WAL back
//! into the database file in a checkpoint, by default in the commit that finds the WAL past
//! 1,000 pages: then on the writer, between two groups (a fifth of its time under flow starts).
//! Here a thread of its own does it on a connection of its own ([`checkpoints`]): told after a
//! commit, it waits [`CHECKPOINT_PAUSE`] for more to gather and runs a `PASSIVE` checkpoint,
//! which never blocks the writer or a reader. The writer's own automatic checkpoint stays, at
//! [`WRITER_CHECKPOINT_PAGES`], should the WAL outgrow the thread.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;

use diesel::connection::{
    AnsiTransactionManager, Connection as _, SimpleConnection as _, TransactionManager,
};

use super::{AuditSink, DbConn, audit};
use crate::error::Error;

/// The most closures committed together: enough to amortise a commit under load, few enough
/// that the first caller of a group does not wait long behind the others.
pub const MAX_GROUP: usize = 64;

/// How long the checkpoint thread lets commits gather before it copies them back.
pub const CHECKPOINT_PAUSE: std::time::Duration = std::time::Duration::from_millis(10);

/// The WAL's size, in pages, at which the writer checkpoints by itself (SQLite's default:
/// 1,000): only when the checkpoint thread fell behind; then it has little left to copy, and
/// the WAL starts over from its beginning (which a checkpoint beside a busy writer never
/// finishes in time to allow).
pub const WRITER_CHECKPOINT_PAGES: u32 = 8_000;

/// What the writer is told once the group's commit is decided: `true` when it committed.
type Finish = Box<dyn FnOnce(bool) + Send>;
/// A caller's closure, ready to run on the writer's connection (`None`: the group could not
/// begin, so it never runs).
type Job = Box<dyn FnOnce(Option<&mut DbConn>) -> Finish + Send>;

/// The queue in front of the writer thread. Cheap to clone; the thread ends with the last
/// clone.
#[derive(Clone)]
pub struct Writer {
    queue: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer thread on `conn` (opened by the pool's manager, with its pragmas);
    /// `reconnect` opens another should a closure panic and leave the connection in doubt.
    pub fn start(
        mut conn: DbConn,
        checkpointer: DbConn,
        reconnect: impl Fn() -> Option<DbConn> + Send + 'static,
    ) -> std::io::Result<Self> {
        let (queue, jobs) = mpsc::channel::<Job>();
        let (told, commits) = mpsc::sync_channel::<()>(1);
        std::thread::Builder::new()
            .name("sqlite-checkpoint".to_owned())
            .spawn(move || checkpoints(checkpointer, &commits))?;
        checkpoint_later(&mut conn);
        let reconnect = move || {
            let mut fresh = reconnect()?;
            checkpoint_later(&mut fresh);
            Some(fresh)
        };
        let on_commit = move || {
            // Full: the checkpoint thread is told already.
            let _ = told.try_send(());
        };
        std::thread::Builder::new()
            .name("sqlite-writer".to_owned())
            .spawn(move || run(conn, &jobs, &reconnect, &on_commit))?;
        Ok(Self { queue })
    }

    /// Runs `f` in the next group and answers once that group has committed.
    pub async fn write<T, F>(&self, sink: Option<AuditSink>, f: F) -> Result<T, Error>
    where
        F: FnOnce(&mut DbConn) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let Some(conn) = conn else {
                return Box::new(move |_| {
                    let _ = answer.send(Err(Error::StoreUnavailable));
                });
            };
            audit::take_written();
            // A savepoint: the group's transaction is open, so diesel nests.
            let result = conn.transaction(f);
            let written = audit::take_written();
            Box::new(move |committed| {
                let result = if committed {
                    result
                } else {
                    Err(Error::StoreUnavailable)
                };
                if result.is_ok()
                    && !written.is_empty()
                    && let Some(sink) = sink
                {
                    sink(written);
                }
                let _ = answer.send(result);
            })
        });
        self.queue
            .send(job)
            .map_err(|_| Error::internal("the SQLite writer has stopped"))?;
        answered
            .await
            .map_err(|_| Error::internal("a write failed inside the SQLite writer"))?
    }
}

/// The writer's connection checkpoints by itself only past [`WRITER_CHECKPOINT_PAGES`].
fn checkpoint_later(conn: &mut DbConn) {
    let pragma = format!("PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}");
    if let Err(e) = conn.batch_execute(&pragma) {
        tracing::warn!(error = %e, "the SQLite writer keeps SQLite's default checkpoints");
    }
}

/// The checkpoint thread: after the commits it is told of, and a pause for more, a `PASSIVE`
/// checkpoint (it copies what no reader still needs and waits for nobody). Ends with the
/// writer.
fn checkpoints(mut conn: DbConn, commits: &mpsc::Receiver<()>) {
    while commits.recv().is_ok() {
        std::thread::sleep(CHECKPOINT_PAUSE);
        if let Err(e) = conn.batch_execute("PRAGMA wal_checkpoint(PASSIVE)") {
            tracing::warn!(error = %e, "a SQLite checkpoint failed");
        }
    }
}

fn run(
    mut conn: DbConn,
    jobs: &mpsc::Receiver<Job>,
    reconnect: &dyn Fn() -> Option<DbConn>,
    on_commit: &dyn Fn(),
) {
    while let Ok(first) = jobs.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match jobs.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        if let Err(e) = begin(&mut conn) {
            tracing::error!(error = %e, "the SQLite writer could not begin a transaction");
            for job in group {
                job(None)(false);
            }
            continue;
        }
        let mut finishes = Vec::with_capacity(group.len());
        let mut panicked = false;
        for job in group {
            if panicked {
                // The connection is in doubt: the rest of the group does not run.
                finishes.push(job(None));
                continue;
            }
            match catch_unwind(AssertUnwindSafe(|| job(Some(&mut conn)))) {
                Ok(finish) => finishes.push(finish),
                // That caller's answer went with the panic; it is told the write failed.
                Err(_) => panicked = true,
            }
        }
        let committed = !panicked && commit(&mut conn);
        if committed {
            on_commit();
        }
        if panicked {
            tracing::error!("a write panicked in the SQLite writer; its group was rolled back");
            // Closing the connection rolls back whatever it held open.
            match reconnect() {
                Some(fresh) => conn = fresh,
                None => {
                    for finish in finishes {
                        finish(false);
                    }
                    tracing::error!("the SQLite writer could not reconnect; it stops");
                    return;
                }
            }
        }
        for finish in finishes {
            finish(committed);
        }
    }
}

fn begin(conn: &mut DbConn) -> Result<(), Error> {
    match conn {
        DbConn::Sqlite(c) => Ok(AnsiTransactionManager::begin_transaction_sql(
            c,
            "BEGIN IMMEDIATE",
        )?),
        DbConn::Pg(_) => Err(Error::internal("the writer is for SQLite")),
    }
}

/// Commits the group; on failure rolls it back. Whether it committed.
fn commit(conn: &mut DbConn) -> bool {
    let DbConn::Sqlite(c) = conn else {
        return false;
    };
    match AnsiTransactionManager::commit_transaction(c) {
        Ok(()) => true,
        Err(e) => {
            tracing::error!(error = %e, "the SQLite writer could not commit; the group was rolled back");
            let _ = AnsiTransactionManager::rollback_transaction(c);
            false
        }
    }
}
