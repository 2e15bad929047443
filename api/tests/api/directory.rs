//! The directory seam: a directory that fails a write leaves nothing half done. The built-in
//! directory is wrapped by [`Faulty`] in every test server; a test turns the faults on.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;
use serde_json::{Value, json};
use sspr::directory::{
    Authentication, Capabilities, Directory, DirectoryAdmin, PasswordChange, PeoplePage,
    PeopleQuery, Person,
};
use sspr::error::Error;
use sspr::password::Password;

use crate::helpers::{TestApp, USER_PASSWORD};
use crate::recovery::{NEW_PASSWORD, pass_sms, policy, registered_user};

/// What the wrapped directory should fail.
#[derive(Default)]
pub struct Faults {
    /// Password changes and unlocks fail as an unreachable directory fails.
    pub writes: AtomicBool,
    /// People and groups are managed elsewhere: no administration, as LDAP or AD.
    pub read_only: AtomicBool,
}

impl Faults {
    pub fn fail_writes(&self, on: bool) {
        self.writes.store(on, Ordering::SeqCst);
    }

    pub fn managed_elsewhere(&self, on: bool) {
        self.read_only.store(on, Ordering::SeqCst);
    }
}

/// A directory that passes every call to `inner`, failing writes when told to.
pub struct Faulty {
    inner: Arc<dyn Directory>,
    faults: Arc<Faults>,
}

impl Faulty {
    pub fn new(inner: Arc<dyn Directory>, faults: Arc<Faults>) -> Self {
        Self { inner, faults }
    }

    fn write(&self) -> Result<(), Error> {
        if self.faults.writes.load(Ordering::SeqCst) {
            return Err(Error::DirectoryUnavailable("injected by the test".into()));
        }
        Ok(())
    }
}

#[async_trait]
impl Directory for Faulty {
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
    async fn ping(&self) -> Result<(), Error> {
        self.inner.ping().await
    }

    fn capabilities(&self) -> Capabilities {
        let managed_here = !self.faults.read_only.load(Ordering::SeqCst);
        Capabilities {
            manages_users: managed_here && self.inner.capabilities().manages_users,
            ..self.inner.capabilities()
        }
    }
    fn admin(&self) -> Option<&dyn DirectoryAdmin> {
        if self.faults.read_only.load(Ordering::SeqCst) {
            return None;
        }
        self.inner.admin()
    }
    async fn find_with_groups(&self, login: &str) -> Result<(Option<Person>, Vec<String>), Error> {
        self.inner.find_with_groups(login).await
    }
    async fn find_by_login(&self, login: &str) -> Result<Option<Person>, Error> {
        self.inner.find_by_login(login).await
    }
    async fn get(&self, id: &str) -> Result<Option<Person>, Error> {
        self.inner.get(id).await
    }
    async fn authenticate(
        &self,
        login: &str,
        password: &Password,
    ) -> Result<Authentication, Error> {
        self.inner.authenticate(login, password).await
    }
    async fn set_password(
        &self,
        id: &str,
        password: &Password,
        change: PasswordChange<'_>,
    ) -> Result<(), Error> {
        self.write()?;
        self.inner.set_password(id, password, change).await
    }
    async fn unlock(&self, id: &str) -> Result<bool, Error> {
        self.write()?;
        self.inner.unlock(id).await
    }
    async fn groups_of(&self, id: &str) -> Result<Vec<String>, Error> {
        self.inner.groups_of(id).await
    }
    async fn recent_password_hashes(&self, id: &str, n: u32) -> Result<Vec<String>, Error> {
        self.inner.recent_password_hashes(id, n).await
    }
    async fn administrators(&self) -> Result<Vec<Person>, Error> {
        self.inner.administrators().await
    }

    async fn search(&self, query: &PeopleQuery) -> Result<PeoplePage, Error> {
        self.inner.search(query).await
    }

    async fn group_ids(&self) -> Result<Vec<String>, Error> {
        self.inner.group_ids().await
    }

    async fn groups(&self) -> Result<Vec<sspr::directory::GroupEntry>, Error> {
        self.inner.groups().await
    }
    async fn memberships(&self) -> Result<Vec<(String, String)>, Error> {
        self.inner.memberships().await
    }
}

async fn a_failed_directory_write_releases_the_reset_and_changes_nothing(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (_, session) = registered_user(&app, &admin, "ira", "+14155550231", false).await;
    let start = app.start_flow("ira", "reset_password").await;
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let next = pass_sms(&app, &flow, &token, "+14155550231").await;

    app.directory_faults.fail_writes(true);
    let body = json!({"new_password": NEW_PASSWORD});
    let failed = app.flow(&flow, &next, "password", body.clone()).await;
    failed.assert_problem(502, "directory_unavailable");
    assert!(
        !failed.body.to_string().contains("injected"),
        "{:#}",
        failed.body
    );
    // Nothing half done: the old password still works and nobody is told of a reset (the
    // held notice is dropped, and stays dropped past its hold). Sessions ended at the claim
    // stay ended: the safe side.
    assert_eq!(app.sign_in("ira", USER_PASSWORD).await.status, 200);
    assert_eq!(app.get("/api/v1/me", &session).await.status, 401);
    let audited = app.audit(&admin, "type=recovery.directory_failed").await;
    assert_eq!(audited.len(), 1, "{audited:#?}");
    assert_eq!(audited[0]["details"]["code"], "directory_unavailable");
    app.advance(sspr::delivery::outbox::HOLD_SECS + 1);
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let told = |mails: Vec<crate::support::Mail>| {
        mails
            .iter()
            .filter(|m| m.subject().contains("reset"))
            .count()
    };
    let before = app.smtp.mails_to("ira@example.com");
    assert_eq!(told(before.clone()), 0);

    // The claim was released: the same token finishes once the directory is back.
    app.directory_faults.fail_writes(false);
    let done = app.flow(&flow, &next, "password", body.clone()).await;
    assert_eq!(done.body, json!({"status": "password_reset"}));
    assert_eq!(app.sign_in("ira", NEW_PASSWORD).await.status, 200);
    let mails = app.smtp.wait_for("ira@example.com", before.len() + 1).await;
    assert_eq!(told(mails), 1, "one notice, sent at once");
    // And only once.
    app.flow(&flow, &next, "password", body)
        .await
        .assert_problem(401, "unauthenticated");
}

async fn a_failed_directory_unlock_keeps_the_flow_open(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "uma", "+14155550232", false).await;
    for _ in 0..10 {
        app.sign_in("uma", "not my password at all").await;
    }
    let start = app.start_flow("uma", "unlock_account").await;
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let next = pass_sms(&app, &flow, &token, "+14155550232").await;

    app.directory_faults.fail_writes(true);
    app.flow(&flow, &next, "unlock", Value::Null)
        .await
        .assert_problem(502, "directory_unavailable");
    app.sign_in("uma", USER_PASSWORD)
        .await
        .assert_problem(401, "account_locked");

    app.directory_faults.fail_writes(false);
    let done = app.flow(&flow, &next, "unlock", Value::Null).await;
    assert_eq!(done.body, json!({"status": "unlocked"}));
    assert_eq!(app.sign_in("uma", USER_PASSWORD).await.status, 200);
}

async fn a_directory_managed_elsewhere_is_read_only_here(app: TestApp) {
    let admin = app.admin_token().await;
    let described = app.get("/api/v1/admin/directory", &admin).await;
    assert_eq!(
        described.body,
        json!({"kind": "builtin", "capabilities": {
            "manages_users": true, "native_lockout": true, "enforces_history": false}})
    );
    let user = app.create_user(&admin, "rita").await;
    let user_url = format!("/api/v1/admin/users/{}", user["user_id"].as_str().unwrap());
    let group = app
        .post("/api/v1/admin/groups", &admin, json!({"name": "Pilot"}))
        .await;
    assert_eq!(group.status, 201, "{:#}", group.body);
    let group_url = format!(
        "/api/v1/admin/groups/{}",
        group.body["group_id"].as_str().unwrap()
    );
    let audit_before = app.audit(&admin, "").await.len();

    app.directory_faults.managed_elsewhere(true);
    let described = app.get("/api/v1/admin/directory", &admin).await;
    assert_eq!(described.body["capabilities"]["manages_users"], false);
    let refused = [
        app.post(
            "/api/v1/admin/users",
            &admin,
            json!({"username": "sam", "display_name": "Sam", "email": "sam@example.com"}),
        )
        .await,
        app.patch(&user_url, &admin, json!({"display_name": "Rita R."}))
            .await,
        app.delete(&user_url, &admin).await,
        app.post("/api/v1/admin/groups", &admin, json!({"name": "Other"}))
            .await,
        app.patch(&group_url, &admin, json!({"name": "Renamed"}))
            .await,
        app.put(
            &format!("{group_url}/members"),
            &admin,
            json!({"user_ids": [user["user_id"]]}),
        )
        .await,
        app.delete(&group_url, &admin).await,
    ];
    for answer in &refused {
        answer.assert_problem(409, "directory_read_only");
    }
    // Nothing changed, nothing audited; reading and unlocking still work.
    let users = app.get("/api/v1/admin/users?search=rita", &admin).await;
    assert_eq!(users.body["items"][0]["display_name"], user["display_name"]);
    let groups = app.get("/api/v1/admin/groups", &admin).await;
    assert_eq!(groups.body["items"].as_array().unwrap().len(), 1);
    assert_eq!(groups.body["items"][0]["name"], "Pilot");
    assert_eq!(app.audit(&admin, "").await.len(), audit_before);
    let unlocked = app
        .post(&format!("{user_url}/unlock"), &admin, json!({}))
        .await;
    assert_eq!(unlocked.status, 200, "{:#}", unlocked.body);
}

crate::both_backends!(
    a_failed_directory_write_releases_the_reset_and_changes_nothing,
    a_failed_directory_unlock_keeps_the_flow_open,
    a_directory_managed_elsewhere_is_read_only_here,
);
