//! The harness: replicas of the real `sspr` binary on one PostgreSQL database, with their
//! mail server and SMS gateway, and the helpers the journeys share.

use std::fs::{File, OpenOptions};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ADMIN, ADMIN_PASSWORD, Answer, Api, Backend, JWT_KEYS, TestDatabase};
use crate::support::{SMS_FROM, SMS_SID, SMS_TOKEN, TestSmtp, field, gateway_requests};

pub const BINARY: &str = env!("CARGO_BIN_EXE_sspr");
pub const ENCRYPTION_KEYS: &str = "enc1:MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=";

pub struct Replica {
    pub api: Api,
    /// `http://…` of its metrics listener (on a port of its own choosing, read from its log once
    /// it is ready: a port picked here could be taken by another test before the replica binds it).
    pub metrics: String,
    /// Where this run's lines start in the log (a restart appends to the same file).
    pub log_start: usize,
    pub child: Child,
}

/// Replicas of the service on one PostgreSQL database.
pub struct Cluster {
    pub db: Arc<TestDatabase>,
    pub smtp: TestSmtp,
    pub gateway: wiremock::MockServer,
    pub replicas: Vec<Replica>,
    pub overrides: Vec<(String, String)>,
}

impl Cluster {
    /// `None` when PostgreSQL is not configured here (outside CI).
    pub async fn start(count: usize, overrides: &[(&str, &str)]) -> Option<Self> {
        let db = Arc::new(TestDatabase::create(Backend::Postgres)?);
        let mut cluster = Self {
            db,
            smtp: TestSmtp::start().await,
            gateway: crate::support::gateway().await,
            replicas: Vec::new(),
            overrides: overrides
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        };
        // All at once, as an orchestrator would.
        cluster.replicas = (0..count).map(|i| cluster.launch(i)).collect();
        for i in 0..count {
            cluster.ready(i).await;
        }
        Some(cluster)
    }

    pub fn log_path(&self, i: usize) -> PathBuf {
        self.db.data_dir.join(format!("replica-{i}.log"))
    }

    pub fn launch(&self, i: usize) -> Replica {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log: File = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_path(i))
            .unwrap();
        let data_dir = self.db.data_dir.join(format!("replica-{i}"));
        let mut env: Vec<(String, String)> = [
            ("BIND", format!("127.0.0.1:{port}")),
            ("METRICS_BIND", "127.0.0.1:0".to_owned()),
            ("DATABASE_URL", self.db.url.clone()),
            ("DATABASE_POOL_SIZE", "4".to_owned()),
            ("DATA_DIR", data_dir.display().to_string()),
            ("JWT_KEYS", JWT_KEYS.to_owned()),
            ("ENCRYPTION_KEYS", ENCRYPTION_KEYS.to_owned()),
            ("BOOTSTRAP_ADMIN_USERNAME", ADMIN.to_owned()),
            ("BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD.to_owned()),
            ("HTTP_WORKERS", "2".to_owned()),
            ("HASH_WORKERS", "2".to_owned()),
            ("ORGANIZATION_NAME", "Example Corp".to_owned()),
            ("SMTP_URL", format!("smtp://127.0.0.1:{}", self.smtp.port)),
            (
                "SMTP_FROM",
                "Example Corp <no-reply@example.com>".to_owned(),
            ),
            ("SMS_BASE_URL", self.gateway.uri()),
            ("SMS_ACCOUNT_SID", SMS_SID.to_owned()),
            ("SMS_AUTH_TOKEN", SMS_TOKEN.to_owned()),
            ("SMS_FROM", SMS_FROM.to_owned()),
            ("OUTBOX_POLL_MS", "50".to_owned()),
            ("CAPTCHA_DIFFICULTY", "50".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (format!("SSPR_{k}"), v))
        .collect();
        for (k, v) in &self.overrides {
            env.push((format!("SSPR_{}", k.to_ascii_uppercase()), v.clone()));
        }
        let log_start = self.log(i).len();
        let child = Command::new(BINARY)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(env)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("the sspr binary starts");
        Replica {
            api: Api::new(format!("http://127.0.0.1:{port}")),
            metrics: String::new(),
            log_start,
            child,
        }
    }

    pub fn api(&self, i: usize) -> &Api {
        &self.replicas[i].api
    }

    /// SIGKILL: no draining, no shutdown hook.
    pub fn kill(&mut self, i: usize) {
        let child = &mut self.replicas[i].child;
        child.kill().unwrap();
        child.wait().unwrap();
    }

    pub async fn restart(&mut self, i: usize) {
        self.replicas[i] = self.launch(i);
        self.ready(i).await;
    }

    /// Waits for replica `i` to answer its readiness probe; on failure, shows its log.
    pub async fn ready(&mut self, i: usize) {
        for _ in 0..600 {
            let api = &self.replicas[i].api;
            if let Ok(res) = api.client.get(api.url("/api/v1/health/ready")).send().await
                && res.status() == StatusCode::OK
            {
                let log = self.log(i);
                let address = log
                    .get(self.replicas[i].log_start..)
                    .and_then(|run| run.split("metrics at ").nth(1))
                    .and_then(|rest| rest.split("/metrics").next());
                // Serving may start a moment before the line is written.
                if let Some(address) = address {
                    self.replicas[i].metrics = address.to_owned();
                    return;
                }
            }
            if let Ok(Some(status)) = self.replicas[i].child.try_wait() {
                panic!("replica {i} exited ({status}):\n{}", self.log(i));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("replica {i} did not become ready:\n{}", self.log(i));
    }

    pub fn log(&self, i: usize) -> String {
        std::fs::read_to_string(self.log_path(i)).unwrap_or_default()
    }

    /// Everything every replica wrote to stdout and stderr so far.
    pub fn logs(&self) -> String {
        (0..self.replicas.len())
            .map(|i| std::fs::read_to_string(self.log_path(i)).unwrap_or_default())
            .collect()
    }

    /// No password, code or token used in the test appears in any replica's log.
    pub fn assert_logs_hold_none_of(&self, secrets: &[String]) {
        let logs = self.logs();
        assert!(!logs.is_empty(), "the replicas wrote no log at all");
        for secret in secrets {
            assert!(
                !logs.contains(secret.as_str()),
                "a secret reached the logs: {secret}"
            );
        }
    }

    /// A new person with a verified email method at `name@home.example`, registered on
    /// replica `on`: (session token, the address).
    pub async fn person(&self, on: usize, admin: &str, name: &str) -> (String, String) {
        let api = self.api(on);
        let (_, token) = api.signed_in_user(admin, name).await;
        let address = format!("{name}@home.example");
        api.register_email(&self.smtp, &token, &address).await;
        (token, address)
    }

    /// A new person whose one method is a verified mobile phone for texts at `phone` (E.164),
    /// registered on replica `on`: their session token.
    pub async fn phone_person(&self, on: usize, admin: &str, name: &str, phone: &str) -> String {
        let api = self.api(on);
        let (_, token) = api.signed_in_user(admin, name).await;
        let added = api
            .post(
                "/api/v1/me/methods",
                &token,
                json!({"kind": "mobile_sms", "phone": phone}),
            )
            .await;
        assert_eq!(added.status, 201, "{:#}", added.body);
        // Registration sends before it answers.
        let code = self.texts_to(phone).await.last().map(|text| {
            field(text, "Body")
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        });
        let verified = api
            .post(
                &format!(
                    "/api/v1/me/methods/{}/verify",
                    added.body["method_id"].as_str().unwrap()
                ),
                &token,
                json!({"code": code.expect("a text with the code")}),
            )
            .await;
        assert_eq!(verified.status, 200, "{:#}", verified.body);
        token
    }

    /// The form of every text message the gateway took for `phone`, whichever replica sent it.
    pub async fn texts_to(&self, phone: &str) -> Vec<Vec<(String, String)>> {
        gateway_requests(&self.gateway, "Messages.json", phone).await
    }

    /// Sends `count` requests at one instant, round-robin over the replicas. Each goes on a
    /// connection of its own (a client of its own, connected and answered once beforehand, so
    /// that connecting does not spread the burst out), and all wait at one barrier until every
    /// one is ready. `request(i, api)` builds the `i`th on its client. The answers, in order.
    pub async fn at_once(
        &self,
        count: usize,
        request: impl Fn(usize, &Api) -> reqwest::RequestBuilder,
    ) -> Vec<Answer> {
        let barrier = Arc::new(tokio::sync::Barrier::new(count));
        let burst: Vec<_> = (0..count)
            .map(|i| {
                let api = Api::new(self.api(i % self.replicas.len()).address.clone());
                let (request, barrier) = (request(i, &api), barrier.clone());
                tokio::spawn(async move {
                    // Not asserted: a task that failed here would leave the others waiting.
                    let _ = api.client.get(api.url("/api/v1/health/live")).send().await;
                    barrier.wait().await;
                    api.send(request).await
                })
            })
            .collect();
        futures_util::future::join_all(burst)
            .await
            .into_iter()
            .map(|answer| answer.expect("the request task ran"))
            .collect()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for replica in &mut self.replicas {
            let _ = replica.child.kill();
            let _ = replica.child.wait();
        }
    }
}

/// Everyone in scope with one method (email), no cool-down for new methods.
pub async fn open_policy(api: &Api, admin: &str) {
    api.set_policy(
        admin,
        json!({"scope": "all", "methods_required": 1, "recovery_cooldown_hours": 0,
               "methods_enabled": ["email", "mobile_sms"]}),
    )
    .await;
}

pub fn email_method(flow: &Value) -> Value {
    flow["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "email")
        .unwrap_or_else(|| panic!("no email method in {flow:#}"))["method_id"]
        .clone()
}

pub fn token_of(answer: &Answer) -> String {
    answer.body["flow_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no flow token in {:#}", answer.body))
        .to_owned()
}

/// Starts a reset on `api` and asks for a code; returns (flow, its token).
pub async fn start_and_challenge(api: &Api, username: &str) -> (Value, String) {
    let start = api.start_flow(username, "reset_password").await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    let flow = start.body.clone();
    let token = token_of(&start);
    let sent = api
        .step(
            &flow,
            &token,
            "challenges",
            json!({"method_id": email_method(&flow)}),
        )
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    (flow, token)
}
