//! What start-up does on its own: the first administrator, the signing key, and shedding load.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{ADMIN, ADMIN_PASSWORD, TestApp, spawn_on};

async fn a_generated_bootstrap_password_works_once_and_must_be_changed(app: TestApp) {
    // A second database, started with neither a configured password nor a configured key.
    let db = std::sync::Arc::new(crate::helpers::TestDatabase::create(app.backend).unwrap());
    let fresh = spawn_on(
        db.clone(),
        app.backend,
        &[("bootstrap_admin_password", ""), ("jwt_keys", "")],
    )
    .await;
    let password = fresh
        .generated_admin_password
        .clone()
        .expect("a generated password");
    assert!(password.chars().count() >= 20);
    let first = fresh.sign_in(ADMIN, &password).await;
    assert_eq!(first.status, 200, "{:#}", first.body);
    assert_eq!(first.body["password_change_required"], true);
    let token = first.body["access_token"].as_str().unwrap().to_owned();
    let change =
        json!({"current_password": password, "new_password": "the operator's own passphrase"});
    assert_eq!(
        fresh
            .post("/api/v1/me/password", &token, change)
            .await
            .status,
        204
    );

    // A restart neither creates another administrator nor prints a password, and the generated
    // signing key kept in the data directory still verifies the session issued before it.
    let restarted = spawn_on(
        db,
        app.backend,
        &[("bootstrap_admin_password", ""), ("jwt_keys", "")],
    )
    .await;
    assert!(restarted.generated_admin_password.is_none());
    assert_eq!(restarted.get("/api/v1/me", &token).await.status, 200);
    let users = restarted.get("/api/v1/admin/users", &token).await;
    assert_eq!(users.body["total"], 1);
    assert_eq!(
        restarted
            .audit(&token, "type=admin.bootstrapped")
            .await
            .len(),
        1
    );
    assert!(fresh.db.data_dir.join("jwt-keys").exists());
}

async fn a_full_hashing_queue_answers_503_and_other_endpoints_keep_answering(app: TestApp) {
    let busy = spawn_on(
        app.db.clone(),
        app.backend,
        &[("hash_workers", "1"), ("hash_queue", "1")],
    )
    .await;
    let attempts = (0..24).map(|i| {
        let busy = &busy;
        async move {
            busy.sign_in(ADMIN, &format!("wrong password number {i}"))
                .await
        }
    });
    let answers = futures_util::future::join_all(attempts).await;
    let shed: Vec<_> = answers.iter().filter(|a| a.status == 503).collect();
    assert!(
        !shed.is_empty(),
        "with one worker and a queue of one, some of 24 parallel sign-ins are shed"
    );
    for a in &shed {
        a.assert_problem(503, "overloaded");
        assert_eq!(a.header("retry-after"), Some("1"));
    }
    assert!(answers.iter().all(|a| a.status == 503 || a.status == 401));
    assert_eq!(
        busy.call(Method::GET, "/api/v1/health", None, None)
            .await
            .status,
        200
    );
    assert_eq!(
        busy.sign_in(ADMIN, ADMIN_PASSWORD).await.status,
        200,
        "once the flood is over, sign-in works"
    );
}

crate::both_backends!(
    a_generated_bootstrap_password_works_once_and_must_be_changed,
    a_full_hashing_queue_answers_503_and_other_endpoints_keep_answering,
);
