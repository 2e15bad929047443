//! The test harness: the real server on a random port, on a fresh database (a temporary SQLite
//! file, or a new PostgreSQL database), with a clock the test moves by hand.

use std::sync::Arc;

use chrono::Utc;
use diesel::{Connection as _, RunQueryDsl as _};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sspr::app::Application;
use sspr::clock::ManualClock;
use sspr::config::{Config, Settings};
use sspr::context::Ctx;

use crate::support::{SMS_FROM, SMS_SID, SMS_TOKEN, TestSmtp};

pub const ADMIN: &str = "admin";
pub const ADMIN_PASSWORD: &str = "bootstrap admin passphrase 1";
/// Two 32-byte keys: `test1` signs, `test0` only verifies.
pub const JWT_KEYS: &str = "test1:MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=,test0:MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=";
pub const USER_PASSWORD: &str = "a long enough user password";
/// What an administrator gives a new user in [`Api::signed_in_user`]; changed at once.
pub const TEMPORARY_PASSWORD: &str = "helpdesk chose this temporary passphrase";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where a test's data lives; dropped at the end of the test.
pub struct TestDatabase {
    pub url: String,
    pub data_dir: std::path::PathBuf,
    pg: Option<(String, String)>, // (admin URL, database name)
}

impl TestDatabase {
    /// `None` when PostgreSQL is not configured and this is not CI (the test is skipped).
    pub fn create(backend: Backend) -> Option<Self> {
        let data_dir = Self::fresh_dir();
        match backend {
            Backend::Sqlite => Some(Self {
                url: format!("sqlite://{}", data_dir.join("sspr.db").display()),
                data_dir,
                pg: None,
            }),
            Backend::Postgres => {
                let admin_url = match std::env::var("SSPR_TEST_DATABASE_URL") {
                    Ok(url) if !url.is_empty() => url,
                    _ if std::env::var_os("CI").is_some() => {
                        panic!(
                            "CI is set but SSPR_TEST_DATABASE_URL is not: PostgreSQL tests must run in CI"
                        )
                    }
                    _ => {
                        eprintln!(
                            "SSPR_TEST_DATABASE_URL is not set: skipping the PostgreSQL variant"
                        );
                        return None;
                    }
                };
                if let Err(e) = diesel::PgConnection::establish(&admin_url) {
                    if std::env::var_os("CI").is_some() {
                        panic!(
                            "CI is set and PostgreSQL at SSPR_TEST_DATABASE_URL is not reachable: {e}"
                        )
                    }
                    eprintln!(
                        "PostgreSQL at SSPR_TEST_DATABASE_URL is not reachable ({e}): skipping the PostgreSQL variant"
                    );
                    return None;
                }
                Some(Self::on_postgres(&admin_url, data_dir))
            }
        }
    }

    /// A new database on the PostgreSQL server at `admin_url` (a URL naming a database there).
    pub fn on_postgres(admin_url: &str, data_dir: std::path::PathBuf) -> Self {
        let admin_url = admin_url.to_owned();
        let name = format!("sspr_t_{}", uuid::Uuid::new_v4().simple());
        let mut conn = diesel::PgConnection::establish(&admin_url).unwrap();
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .unwrap();
        let url = match admin_url.rfind('/') {
            Some(i) if admin_url[..i].contains("://") && !admin_url[..i].ends_with('/') => {
                let query = admin_url[i..]
                    .find('?')
                    .map(|q| &admin_url[i + q..])
                    .unwrap_or("");
                format!("{}/{name}{query}", &admin_url[..i])
            }
            _ => {
                panic!("SSPR_TEST_DATABASE_URL must name a database: postgres://user@host:port/db")
            }
        };
        Self {
            url,
            data_dir,
            pg: Some((admin_url, name)),
        }
    }

    /// A fresh directory for a test's data (the SQLite file, keys).
    pub fn fresh_dir() -> std::path::PathBuf {
        let data_dir =
            std::env::temp_dir().join(format!("sspr-test-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&data_dir).unwrap();
        data_dir
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
        if let Some((admin_url, name)) = self.pg.take() {
            // On its own thread: we may be inside the test's async runtime.
            let _ = std::thread::spawn(move || {
                if let Ok(mut conn) = diesel::PgConnection::establish(&admin_url) {
                    let _ =
                        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut conn);
                }
            })
            .join();
        }
    }
}

/// A client for one server's API: every call the tests make over HTTP.
#[derive(Clone)]
pub struct Api {
    pub address: String,
    pub client: reqwest::Client,
}

impl Api {
    pub fn new(address: String) -> Self {
        // Idle connections are dropped before the server's keep-alive (5 s) closes them, so
        // that a request never races the server's close of a pooled connection.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(std::time::Duration::from_secs(2))
            .build()
            .unwrap();
        Self { address, client }
    }
}

/// An in-process server with its database, mail server, gateway stub and clock. Dereferences to
/// its [`Api`].
pub struct TestApp {
    pub api: Api,
    /// `http://…` of the metrics listener, when it is on.
    pub metrics_address: Option<String>,
    pub clock: Arc<ManualClock>,
    pub ctx: Ctx,
    pub backend: Backend,
    pub db: Arc<TestDatabase>,
    /// The generated bootstrap password, when the test started without one.
    pub generated_admin_password: Option<String>,
    /// The SMTP server the service sends mail to.
    pub smtp: TestSmtp,
    /// The SMS/voice gateway stub.
    pub gateway: wiremock::MockServer,
    /// Switches that make the directory fail, to see that nothing is half done.
    pub directory_faults: Arc<crate::directory::Faults>,
    background: sspr::app::BackgroundHandle,
}

/// The settings every test starts from; `overrides` may change any of them.
pub fn settings(
    db: &TestDatabase,
    smtp_port: u16,
    gateway: &str,
    overrides: &[(&str, &str)],
) -> Settings {
    let mut s = Settings::default();
    s.set("bind", "127.0.0.1:0")
        .set("metrics_bind", "127.0.0.1:0")
        .set("database_url", db.url.clone())
        .set("database_pool_size", "4")
        .set("data_dir", db.data_dir.display().to_string())
        .set("jwt_keys", JWT_KEYS)
        .set("bootstrap_admin_username", ADMIN)
        .set("bootstrap_admin_password", ADMIN_PASSWORD)
        .set("http_workers", "2")
        .set("hash_workers", "2")
        .set("organization_name", "Example Corp")
        .set("smtp_url", format!("smtp://127.0.0.1:{smtp_port}"))
        .set("smtp_from", "Example Corp <no-reply@example.com>")
        .set("sms_base_url", gateway)
        .set("sms_account_sid", SMS_SID)
        .set("sms_auth_token", SMS_TOKEN)
        .set("sms_from", SMS_FROM)
        .set("outbox_poll_ms", "50")
        // The proof of work stays on in tests; it is only made cheap to solve.
        .set("captcha_difficulty", "50");
    for (k, v) in overrides {
        s.set(k, *v);
    }
    s
}

/// Starts the server on `backend`, or returns `None` when that backend is not available here.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, &[]).await
}

pub async fn spawn_app_with(backend: Backend, overrides: &[(&str, &str)]) -> Option<TestApp> {
    let db = Arc::new(TestDatabase::create(backend)?);
    Some(spawn_on(db, backend, overrides).await)
}

/// Starts another server on an existing test database (a second replica, or a restart).
pub async fn spawn_on(
    db: Arc<TestDatabase>,
    backend: Backend,
    overrides: &[(&str, &str)],
) -> TestApp {
    let smtp = TestSmtp::start().await;
    let gateway = crate::support::gateway().await;
    let config = Config::from_settings(&settings(&db, smtp.port, &gateway.uri(), overrides))
        .expect("test configuration");
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let faults = Arc::new(crate::directory::Faults::default());
    let faults_c = Arc::clone(&faults);
    let app = Application::build_with(config, clock.clone(), move |inner| {
        Arc::new(crate::directory::Faulty::new(inner, faults_c))
    })
    .await
    .expect("the server starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let metrics_address = app.metrics_addr().map(|a| format!("http://{a}"));
    let ctx = app.ctx().clone();
    let generated_admin_password = match app.bootstrap() {
        sspr::directory::bootstrap::Bootstrap::CreatedWithGeneratedPassword {
            password, ..
        } => Some(password.clone()),
        _ => None,
    };
    let background = app.spawn();
    TestApp {
        api: Api::new(address),
        metrics_address,
        clock,
        ctx,
        backend,
        db,
        generated_admin_password,
        smtp,
        gateway,
        directory_faults: faults,
        background,
    }
}

impl std::ops::Deref for TestApp {
    type Target = Api;
    fn deref(&self) -> &Api {
        &self.api
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Before the database goes: a sender pass against a dropped database would wait for the
        // pool's connection timeout.
        self.background.stop();
    }
}

/// Runs one test body on SQLite or PostgreSQL (skipping PostgreSQL when it is not configured).
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(app) = $crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(app) = $crate::helpers::spawn_app($crate::helpers::Backend::Postgres).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
    };
}

/// An answer, read whole.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Answer {
    /// The problem+json `code`.
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    /// The `field` names of a validation problem, sorted.
    pub fn fields(&self) -> Vec<String> {
        let mut f: Vec<String> = self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| e["field"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default();
        f.sort();
        f.dedup();
        f
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn assert_problem(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "{:#}", self.body);
        assert_eq!(self.code(), code, "{:#}", self.body);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
    }
}

impl Api {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn send(&self, req: reqwest::RequestBuilder) -> Answer {
        let (client, request) = req.build_split();
        let request = request.expect("a well-formed request");
        let (method, path) = (
            request.method().to_string(),
            request.url().path().to_owned(),
        );
        let res = client
            .execute(request)
            .await
            .expect("the request is answered");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.bytes().await.unwrap();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or(Value::Null)
        };
        if let Some(code) = body["code"].as_str()
            && (status.is_client_error() || status.is_server_error())
        {
            crate::codes::check(&method, &path, code);
        }
        Answer {
            status,
            headers,
            body,
        }
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        self.send(req).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Answer {
        self.call(Method::GET, path, Some(token), None).await
    }
    pub async fn post(&self, path: &str, token: &str, body: Value) -> Answer {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }
    pub async fn put(&self, path: &str, token: &str, body: Value) -> Answer {
        self.call(Method::PUT, path, Some(token), Some(body)).await
    }
    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Answer {
        self.call(Method::PATCH, path, Some(token), Some(body))
            .await
    }
    pub async fn delete(&self, path: &str, token: &str) -> Answer {
        self.call(Method::DELETE, path, Some(token), None).await
    }

    pub async fn sign_in(&self, username: &str, password: &str) -> Answer {
        self.call(
            Method::POST,
            "/api/v1/auth/sign-in",
            None,
            Some(json!({"username": username, "password": password})),
        )
        .await
    }

    /// Signs in and returns the access token (panics when sign-in fails).
    pub async fn token(&self, username: &str, password: &str) -> String {
        let a = self.sign_in(username, password).await;
        assert_eq!(
            a.status,
            StatusCode::OK,
            "sign-in of {username} failed: {:#}",
            a.body
        );
        a.body["access_token"].as_str().unwrap().to_owned()
    }

    pub async fn admin_token(&self) -> String {
        self.token(ADMIN, ADMIN_PASSWORD).await
    }

    /// Creates an ordinary user whose password, [`USER_PASSWORD`], an administrator set: until
    /// they change it, their sessions may only read `/me`, change the password and sign out
    /// ([`Api::signed_in_user`] gives one who did). Returns the user's JSON.
    pub async fn create_user(&self, admin: &str, username: &str) -> Value {
        self.create_user_with_password(admin, username, USER_PASSWORD)
            .await
    }

    async fn create_user_with_password(
        &self,
        admin: &str,
        username: &str,
        password: &str,
    ) -> Value {
        let a = self
            .post(
                "/api/v1/admin/users",
                admin,
                json!({
                    "username": username,
                    "display_name": format!("{username} Example"),
                    "email": format!("{username}@example.com"),
                    "password": password,
                }),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{:#}", a.body);
        a.body
    }

    /// Audit rows, newest first, optionally filtered by a query string.
    pub async fn audit(&self, admin: &str, query: &str) -> Vec<Value> {
        let a = self
            .get(&format!("/api/v1/admin/audit?limit=200&{query}"), admin)
            .await;
        assert_eq!(a.status, StatusCode::OK, "{:#}", a.body);
        a.body["items"].as_array().unwrap().clone()
    }

    /// Changes some fields of the policy (a JSON object merged into the current one, one level
    /// deep for the nested sections) and saves it.
    pub async fn set_policy(&self, admin: &str, changes: Value) {
        let mut policy = self.get("/api/v1/admin/policy", admin).await.body;
        for (key, value) in changes.as_object().unwrap() {
            match (policy.get_mut(key), value) {
                (Some(Value::Object(section)), Value::Object(fields)) => {
                    for (k, v) in fields {
                        section.insert(k.clone(), v.clone());
                    }
                }
                _ => {
                    policy[key] = value.clone();
                }
            }
        }
        let a = self.put("/api/v1/admin/policy", admin, policy).await;
        assert_eq!(a.status, StatusCode::OK, "{:#}", a.body);
    }

    /// A new ordinary user, signed in, as they are after their first sign-in: the administrator
    /// gave them [`TEMPORARY_PASSWORD`] and they changed it to [`USER_PASSWORD`] (which that
    /// session survives). Returns (user JSON, session token).
    pub async fn signed_in_user(&self, admin: &str, username: &str) -> (Value, String) {
        let user = self
            .create_user_with_password(admin, username, TEMPORARY_PASSWORD)
            .await;
        let token = self.token(username, TEMPORARY_PASSWORD).await;
        let changed = self
            .post(
                "/api/v1/me/password",
                &token,
                json!({"current_password": TEMPORARY_PASSWORD, "new_password": USER_PASSWORD}),
            )
            .await;
        assert_eq!(changed.status, StatusCode::NO_CONTENT, "{:#}", changed.body);
        (user, token)
    }
}

impl TestApp {
    /// What the metrics listener serves at `/metrics` (Prometheus text).
    pub async fn metrics(&self) -> String {
        let address = self.metrics_address.as_ref().expect("metrics are on");
        let res = self
            .client
            .get(format!("{address}/metrics"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        res.text().await.unwrap()
    }

    /// Runs `sspr ARGS` (a console command) on this app's database with `env` added; its exit
    /// code, standard output and standard error.
    pub fn console(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sspr"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("SSPR_DATABASE_URL", &self.db.url)
            .env("SSPR_DATA_DIR", self.db.data_dir.display().to_string())
            .env("SSPR_JWT_KEYS", JWT_KEYS)
            .env("SSPR_HASH_WORKERS", "1")
            .env("SSPR_ORGANIZATION_NAME", "Example Corp")
            .envs(env.iter().copied())
            .args(args)
            .output()
            .expect("the sspr binary runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn advance(&self, seconds: i64) {
        self.clock.advance(chrono::Duration::seconds(seconds));
    }

    /// The code in the latest text message to `phone`.
    pub async fn last_sms_code(&self, phone: &str) -> String {
        let sent = crate::support::gateway_requests(&self.gateway, "Messages.json", phone).await;
        let last = sent
            .last()
            .unwrap_or_else(|| panic!("no text message to {phone}"));
        let body = crate::support::field(last, "Body");
        body.split_whitespace().next().unwrap().to_owned()
    }

    /// The code read out in the latest call to `phone`.
    pub async fn last_call_code(&self, phone: &str) -> String {
        let calls = crate::support::gateway_requests(&self.gateway, "Calls.json", phone).await;
        let last = calls.last().unwrap_or_else(|| panic!("no call to {phone}"));
        let twiml = crate::support::field(last, "Twiml");
        let spoken = twiml
            .split(" code is ")
            .nth(1)
            .unwrap()
            .split(". Again")
            .next()
            .unwrap();
        spoken.split(", ").collect()
    }

    /// The latest code sent for a method of `kind` to `destination` (an address or E.164):
    /// by email, text message or call.
    pub async fn code_sent(&self, kind: &str, destination: &str) -> String {
        match kind {
            "email" => self.smtp.code_for(destination).await,
            "mobile_sms" => self.last_sms_code(destination).await,
            _ => self.last_call_code(destination).await,
        }
    }

    /// Proves a step-up with the person's first active text or email method, as the web app
    /// does when a change of security info needs one.
    pub async fn step_up(&self, token: &str) {
        let me = self.get("/api/v1/me", token).await;
        let user_id = me.body["user_id"].as_str().unwrap().to_owned();
        let rows = self
            .ctx
            .store
            .read(move |conn| sspr::store::methods::for_user(conn, &user_id))
            .await
            .unwrap();
        let m = rows
            .iter()
            .find(|m| m.status == "active" && (m.kind == "mobile_sms" || m.kind == "email"))
            .expect("a text or email method to step up with");
        let sent = self
            .post(
                "/api/v1/me/step-up/challenges",
                token,
                json!({"method_id": m.id}),
            )
            .await;
        assert_eq!(sent.status, StatusCode::ACCEPTED, "{:#}", sent.body);
        let code = self
            .code_sent(&m.kind, m.destination().as_deref().unwrap())
            .await;
        let proved = self
            .post(
                "/api/v1/me/step-up",
                token,
                json!({"method_id": m.id, "code": code}),
            )
            .await;
        assert_eq!(proved.status, StatusCode::OK, "{:#}", proved.body);
    }

    /// POSTs a new method; when the change needs a step-up, proves one first (as the web app
    /// does) and asks again.
    pub async fn add_method(&self, token: &str, body: Value) -> Answer {
        let added = self.post("/api/v1/me/methods", token, body.clone()).await;
        if added.status == StatusCode::FORBIDDEN && added.code() == "step_up_required" {
            self.step_up(token).await;
            return self.post("/api/v1/me/methods", token, body).await;
        }
        added
    }

    /// Registers and verifies an email method for a signed-in person.
    pub async fn register_email(&self, token: &str, address: &str) -> Value {
        self.register(token, json!({"kind": "email", "email": address}), address)
            .await
    }

    /// Registers and verifies a mobile phone for text messages.
    pub async fn register_sms(&self, token: &str, phone: &str) -> Value {
        self.register_phone(token, "mobile_sms", phone).await
    }

    /// Registers and verifies a phone kind (`mobile_sms`, `mobile_voice`, `office_voice`).
    pub async fn register_phone(&self, token: &str, kind: &str, phone: &str) -> Value {
        let e164: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        self.register(token, json!({"kind": kind, "phone": phone}), &e164)
            .await
    }

    /// Adds a method (stepping up if asked) and verifies it with the code sent to `destination`.
    async fn register(&self, token: &str, body: Value, destination: &str) -> Value {
        let kind = body["kind"].as_str().unwrap().to_owned();
        let added = self.add_method(token, body).await;
        assert_eq!(added.status, StatusCode::CREATED, "{:#}", added.body);
        let id = added.body["method_id"].as_str().unwrap().to_owned();
        let code = self.code_sent(&kind, destination).await;
        let verified = self
            .post(
                &format!("/api/v1/me/methods/{id}/verify"),
                token,
                json!({"code": code}),
            )
            .await;
        assert_eq!(verified.status, StatusCode::OK, "{:#}", verified.body);
        verified.body
    }
}

impl Api {
    /// Registers an email method for a signed-in person, with the code `smtp` received.
    pub async fn register_email(&self, smtp: &TestSmtp, token: &str, address: &str) -> Value {
        let added = self
            .post(
                "/api/v1/me/methods",
                token,
                json!({"kind": "email", "email": address}),
            )
            .await;
        assert_eq!(added.status, StatusCode::CREATED, "{:#}", added.body);
        let id = added.body["method_id"].as_str().unwrap().to_owned();
        let code = smtp.code_for(address).await;
        let verified = self
            .post(
                &format!("/api/v1/me/methods/{id}/verify"),
                token,
                json!({"code": code}),
            )
            .await;
        assert_eq!(verified.status, StatusCode::OK, "{:#}", verified.body);
        verified.body
    }

    /// A solved built-in CAPTCHA, as the browser widget would send it.
    pub async fn captcha(&self) -> String {
        let c = self
            .call(
                reqwest::Method::GET,
                "/api/v1/captcha/challenge",
                None,
                None,
            )
            .await;
        assert_eq!(c.status, StatusCode::OK);
        let challenge: sspr::captcha::Challenge = serde_json::from_value(c.body).unwrap();
        sspr::captcha::solve(&challenge).expect("solvable")
    }

    pub async fn start_flow(&self, username: &str, purpose: &str) -> Answer {
        let captcha = self.captcha().await;
        self.call(
            reqwest::Method::POST,
            "/api/v1/recovery/flows",
            None,
            Some(json!({"username": username, "purpose": purpose, "captcha": captcha})),
        )
        .await
    }

    /// A step of a flow: `step` is `challenges`, `verify`, `password` or `unlock`.
    pub async fn step(&self, flow: &Value, token: &str, step: &str, body: Value) -> Answer {
        let path = format!(
            "/api/v1/recovery/flows/{}/{step}",
            flow["flow_id"].as_str().unwrap()
        );
        let body = if body.is_null() { None } else { Some(body) };
        self.call(reqwest::Method::POST, &path, Some(token), body)
            .await
    }
}

impl TestApp {
    /// A step of a flow, waiting for the code it sent (recovery codes go out in the background).
    pub async fn flow(&self, flow: &Value, token: &str, step: &str, body: Value) -> Answer {
        let answer = self.api.step(flow, token, step, body).await;
        self.ctx.delivery.in_flight.idle().await;
        answer
    }
}
