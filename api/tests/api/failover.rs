//! The service rides out a PostgreSQL restart under load. Connections are not checked with a
//! `SELECT 1` at every check-out: a connection that is gone is found by the query that fails on
//! it, dropped, and the pool checks the next check-outs before use. So a restart costs a few
//! 503s with `Retry-After` (never a 500), and then every answer is right again, without a
//! restart of the service.
//!
//! The test runs a PostgreSQL server of its own (Debian's binaries: `initdb`, `pg_ctl`, on a
//! free port, in a directory of its own, as the `postgres` user when run as root), since
//! restarting the shared one would break the tests running beside it.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::helpers::{Backend, TestDatabase, spawn_on};

/// A PostgreSQL server of the test's own; stopped and removed when dropped.
struct OwnPostgres {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
}

impl OwnPostgres {
    /// `None` when Debian's PostgreSQL binaries are not installed (except in CI, where the test
    /// fails instead).
    fn start() -> Option<Self> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| {
                versions
                    .filter_map(|v| v.ok().map(|v| v.path().join("bin")))
                    .filter(|bin| bin.join("pg_ctl").exists())
                    .max()
            });
        let Some(bin) = bin else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI is set but PostgreSQL's binaries are not in /usr/lib/postgresql"
            );
            eprintln!("no PostgreSQL binaries: skipping the restart test");
            return None;
        };
        let dir = std::env::temp_dir().join(format!("sspr-pg-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let server = Self { bin, dir, port };
        if is_root() {
            // PostgreSQL refuses to run as root.
            server.run(
                "chown",
                &["-R", "postgres:postgres", &server.dir_str()],
                false,
            );
        }
        let data = server.data_dir();
        server.run(
            &server.tool("initdb"),
            &[
                "-D",
                &data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            true,
        );
        server.pg_ctl("start");
        Some(server)
    }

    fn dir_str(&self) -> String {
        self.dir.display().to_string()
    }

    fn data_dir(&self) -> String {
        self.dir.join("data").display().to_string()
    }

    fn tool(&self, name: &str) -> String {
        self.bin.join(name).display().to_string()
    }

    fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Runs `program args`, as the `postgres` user when `as_postgres` and this is root.
    fn run(&self, program: &str, args: &[&str], as_postgres: bool) {
        let mut command = if as_postgres && is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", program]);
            c
        } else {
            Command::new(program)
        };
        let out = command.args(args).output().expect("the command runs");
        assert!(
            out.status.success(),
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `pg_ctl start|restart|stop`, waiting until it is done.
    fn pg_ctl(&self, action: &str) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
            self.port,
            self.dir_str()
        );
        let log = self.dir.join("server.log").display().to_string();
        let mut args: Vec<String> = [action, "-D", &self.data_dir(), "-w", "-t", "30"]
            .map(str::to_owned)
            .to_vec();
        if action != "stop" {
            args.extend(["-o".to_owned(), options, "-l".to_owned(), log]);
        }
        if action != "start" {
            args.extend(["-m".to_owned(), "fast".to_owned()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.run(&self.tool("pg_ctl"), &args, true);
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let (pg_ctl, data) = (self.tool("pg_ctl"), self.data_dir());
        let stop = ["stop", "-D", &data, "-m", "immediate", "-w"];
        let _ = if is_root() {
            Command::new("runuser")
                .args(["-u", "postgres", "--", &pg_ctl])
                .args(stop)
                .output()
        } else {
            Command::new(&pg_ctl).args(stop).output()
        };
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgresql_restart_under_load_costs_a_few_503s_and_nothing_else() {
    let Some(server) = OwnPostgres::start() else {
        return;
    };
    let db = Arc::new(TestDatabase::on_postgres(
        &server.admin_url(),
        TestDatabase::fresh_dir(),
    ));
    let app = spawn_on(db, Backend::Postgres, &[("database_pool_size", "4")]).await;
    let admin = app.admin_token().await;

    // Four clients read and write without pause until told to stop; every answer is kept with
    // when it came.
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..4)
        .map(|i| {
            let (api, admin, stop) = (app.api.clone(), admin.clone(), Arc::clone(&stop));
            tokio::spawn(async move {
                let mut answers = Vec::new();
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let answer = if i % 2 == 0 {
                        api.get("/api/v1/admin/audit?limit=5", &admin).await
                    } else {
                        api.post(
                            "/api/v1/admin/groups",
                            &admin,
                            json!({"name": format!("group {i}-{n}")}),
                        )
                        .await
                    };
                    answers.push((
                        Instant::now(),
                        answer.status.as_u16(),
                        answer.header("retry-after").is_some(),
                    ));
                }
                answers
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_secs(1)).await;
    let restarting = Instant::now();
    let restart = tokio::task::spawn_blocking(move || {
        server.pg_ctl("restart");
        server
    });
    let server = restart.await.unwrap();
    let restarted = Instant::now();
    tokio::time::sleep(Duration::from_secs(3)).await;
    stop.store(true, Ordering::Relaxed);
    let mut answers = Vec::new();
    for client in clients {
        answers.extend(client.await.unwrap());
    }

    let before: Vec<_> = answers.iter().filter(|(at, ..)| *at < restarting).collect();
    assert!(before.len() > 20, "the load ran: {} answers", before.len());
    assert!(
        before
            .iter()
            .all(|(_, status, _)| (200..300).contains(status))
    );
    for (_, status, retry_after) in &answers {
        assert!(
            (200..300).contains(status) || (*status == 503 && *retry_after),
            "only successes, and 503 with Retry-After: got {status}"
        );
    }
    let refused = answers
        .iter()
        .filter(|(_, status, _)| *status == 503)
        .count();
    // A second after the server is back every connection the pool hands out works.
    let settled: Vec<_> = answers
        .iter()
        .filter(|(at, ..)| *at > restarted + Duration::from_secs(1))
        .collect();
    assert!(
        settled.len() > 20,
        "the load went on: {} answers",
        settled.len()
    );
    assert!(
        settled
            .iter()
            .all(|(_, status, _)| (200..300).contains(status)),
        "{refused} refused in all; after the restart: {:?}",
        settled.iter().map(|(_, s, _)| s).collect::<Vec<_>>()
    );
    eprintln!(
        "{} answers, {refused} of them 503 during the restart",
        answers.len()
    );
    drop(app);
    drop(server);
}
