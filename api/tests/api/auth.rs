use reqwest::Method;
use serde_json::json;

use crate::helpers::{ADMIN, ADMIN_PASSWORD, TestApp, USER_PASSWORD};

async fn the_bootstrap_admin_signs_in_and_reads_me(app: TestApp) {
    let a = app.sign_in(ADMIN, ADMIN_PASSWORD).await;
    assert_eq!(a.status, 200, "{:#}", a.body);
    assert_eq!(a.body["token_type"], "Bearer");
    assert_eq!(a.body["expires_in"], 3600);
    // Administrators always need two methods and have none yet.
    assert_eq!(a.body["registration_required"], true);
    assert_eq!(a.body["reconfirm_required"], false);
    assert_eq!(
        a.body["password_change_required"], false,
        "a configured bootstrap password is the operator's own"
    );
    let token = a.body["access_token"].as_str().unwrap();
    let me = app.get("/api/v1/me", token).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.body["username"], ADMIN);
    assert_eq!(me.body["is_admin"], true);
    assert_eq!(me.body["registration"]["methods_required"], 2);
    assert_eq!(me.body["registration"]["methods_registered"], 0);
    assert_eq!(me.body["registration"]["compliant"], false);
}

async fn a_wrong_password_and_an_unknown_user_get_the_same_answer(app: TestApp) {
    let wrong = app.sign_in(ADMIN, "not the password at all").await;
    let unknown = app.sign_in("nobody-here", "not the password at all").await;
    let invalid_name = app
        .sign_in("no such 'user'", "not the password at all")
        .await;
    for a in [&wrong, &unknown, &invalid_name] {
        a.assert_problem(401, "invalid_credentials");
    }
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(wrong.body, invalid_name.body);
    let names = |a: &crate::helpers::Answer| {
        let mut n: Vec<String> = a
            .headers
            .keys()
            .map(|k| k.to_string())
            .filter(|k| k != "date" && k != "x-request-id")
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&wrong), names(&unknown));
    // Usernames compare case-insensitively.
    assert_eq!(app.sign_in("ADMIN", ADMIN_PASSWORD).await.status, 200);
}

async fn sign_in_sets_a_strict_http_only_cookie_that_authenticates(app: TestApp) {
    let res = app
        .client
        .post(app.url("/api/v1/auth/sign-in"))
        .json(&json!({"username": ADMIN, "password": ADMIN_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("sspr_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    let pair = cookie.split(';').next().unwrap().to_owned();
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .header("cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    // Signing out with the cookie clears it and revokes the session.
    let out = app
        .client
        .post(app.url("/api/v1/auth/sign-out"))
        .header("cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    assert!(
        out.headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .header("cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 401);
}

async fn sign_out_revokes_that_session_only(app: TestApp) {
    let first = app.admin_token().await;
    let second = app.admin_token().await;
    let out = app
        .call(Method::POST, "/api/v1/auth/sign-out", Some(&first), None)
        .await;
    assert_eq!(out.status, 204);
    app.get("/api/v1/me", &first)
        .await
        .assert_problem(401, "unauthenticated");
    assert_eq!(app.get("/api/v1/me", &second).await.status, 200);
    // Signing out twice is refused: the token is dead.
    app.call(Method::POST, "/api/v1/auth/sign-out", Some(&first), None)
        .await
        .assert_problem(401, "unauthenticated");
}

async fn repeated_failures_lock_the_account_until_the_lockout_ends(app: TestApp) {
    let admin = app.admin_token().await;
    app.create_user(&admin, "carol").await;
    for _ in 0..10 {
        app.sign_in("carol", "wrong password guess")
            .await
            .assert_problem(401, "invalid_credentials");
    }
    // Locked: the right password learns that, a wrong one learns nothing new.
    let locked = app.sign_in("carol", USER_PASSWORD).await;
    locked.assert_problem(401, "account_locked");
    assert_eq!(locked.header("retry-after"), Some("60"));
    app.sign_in("carol", "wrong password guess")
        .await
        .assert_problem(401, "invalid_credentials");
    let rows = app.audit(&admin, "type=sign_in.locked_out").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["target_name"], "carol");
    // One second before the end it is still locked; at the end it is not.
    app.advance(59);
    app.sign_in("carol", USER_PASSWORD)
        .await
        .assert_problem(401, "account_locked");
    app.advance(1);
    assert_eq!(app.sign_in("carol", USER_PASSWORD).await.status, 200);
}

async fn a_second_lockout_lasts_longer(app: TestApp) {
    let admin = app.admin_token().await;
    app.create_user(&admin, "dave").await;
    for _ in 0..10 {
        app.sign_in("dave", "wrong password guess").await;
    }
    app.advance(60);
    for _ in 0..10 {
        app.sign_in("dave", "wrong password guess").await;
    }
    let locked = app.sign_in("dave", USER_PASSWORD).await;
    locked.assert_problem(401, "account_locked");
    assert_eq!(locked.header("retry-after"), Some("120"));
}

async fn an_administrator_unlocks_a_locked_account(app: TestApp) {
    let admin = app.admin_token().await;
    let user = app.create_user(&admin, "erin").await;
    for _ in 0..10 {
        app.sign_in("erin", "wrong password guess").await;
    }
    let id = user["user_id"].as_str().unwrap();
    assert_eq!(
        app.get(&format!("/api/v1/admin/users/{id}"), &admin)
            .await
            .body["locked"],
        true
    );
    let unlocked = app
        .call(
            Method::POST,
            &format!("/api/v1/admin/users/{id}/unlock"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(unlocked.status, 200, "{:#}", unlocked.body);
    assert_eq!(unlocked.body["locked"], false);
    assert_eq!(app.sign_in("erin", USER_PASSWORD).await.status, 200);
    assert_eq!(app.audit(&admin, "type=user.unlocked").await.len(), 1);
}

async fn a_disabled_account_says_so_only_after_the_right_password(app: TestApp) {
    let admin = app.admin_token().await;
    let user = app.create_user(&admin, "frank").await;
    let id = user["user_id"].as_str().unwrap();
    let token = app.token("frank", USER_PASSWORD).await;
    assert_eq!(
        app.patch(
            &format!("/api/v1/admin/users/{id}"),
            &admin,
            json!({"disabled": true})
        )
        .await
        .status,
        200
    );
    app.sign_in("frank", "wrong password guess")
        .await
        .assert_problem(401, "invalid_credentials");
    app.sign_in("frank", USER_PASSWORD)
        .await
        .assert_problem(401, "account_disabled");
    // Disabling ends the sessions the person already had.
    app.get("/api/v1/me", &token)
        .await
        .assert_problem(401, "unauthenticated");
}

async fn a_password_set_by_an_admin_must_be_changed_and_ends_sessions(app: TestApp) {
    let admin = app.admin_token().await;
    let user = app.create_user(&admin, "gina").await;
    let id = user["user_id"].as_str().unwrap();
    let first = app.sign_in("gina", USER_PASSWORD).await;
    assert_eq!(first.body["password_change_required"], true);
    let old_session = first.body["access_token"].as_str().unwrap().to_owned();
    let reset = app
        .patch(
            &format!("/api/v1/admin/users/{id}"),
            &admin,
            json!({"password": "another temporary password"}),
        )
        .await;
    assert_eq!(reset.status, 200, "{:#}", reset.body);
    app.get("/api/v1/me", &old_session)
        .await
        .assert_problem(401, "unauthenticated");
    app.sign_in("gina", USER_PASSWORD)
        .await
        .assert_problem(401, "invalid_credentials");

    let session = app.token("gina", "another temporary password").await;
    let other = app.token("gina", "another temporary password").await;
    let change = json!({"current_password": "another temporary password", "new_password": "my very own passphrase at home"});
    assert_eq!(
        app.post("/api/v1/me/password", &session, change)
            .await
            .status,
        204
    );
    // The session that changed it goes on; every other one ends.
    assert_eq!(app.get("/api/v1/me", &session).await.status, 200);
    app.get("/api/v1/me", &other)
        .await
        .assert_problem(401, "unauthenticated");
    let after = app.sign_in("gina", "my very own passphrase at home").await;
    assert_eq!(after.body["password_change_required"], false);
}

async fn changing_ones_password_checks_the_current_one_and_the_length(app: TestApp) {
    let admin = app.admin_token().await;
    app.create_user(&admin, "hank").await;
    let token = app.token("hank", USER_PASSWORD).await;
    let wrong = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({"current_password": "nope", "new_password": "long enough new one"}),
        )
        .await;
    wrong.assert_problem(422, "validation_failed");
    assert_eq!(wrong.fields(), ["current_password"]);
    let short = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({"current_password": USER_PASSWORD, "new_password": "short"}),
        )
        .await;
    assert_eq!(short.fields(), ["new_password"]);
    assert_eq!(short.body["errors"][0]["code"], "too_short");
    let long = "é".repeat(257);
    let too_long = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({"current_password": USER_PASSWORD, "new_password": long}),
        )
        .await;
    assert_eq!(too_long.body["errors"][0]["code"], "too_long");
    // Exactly the minimum, counted in code points (12 two-byte characters). The strength rule
    // is switched off here: this test is about counting.
    app.set_policy(
        &app.admin_token().await,
        json!({"password": {"min_strength": 0}}),
    )
    .await;
    let twelve = "é".repeat(12);
    let ok = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({"current_password": USER_PASSWORD, "new_password": twelve}),
        )
        .await;
    assert_eq!(ok.status, 204, "{:#}", ok.body);
    // NFKC: the composed and decomposed forms of the same text are the same password.
    assert_eq!(
        app.sign_in("hank", &"e\u{301}".repeat(12)).await.status,
        200
    );
}

async fn a_hash_with_old_parameters_is_upgraded_at_sign_in(app: TestApp) {
    // The first server hashed the bootstrap password with the defaults; a replica configured
    // with stronger parameters upgrades the hash when the admin signs in there.
    let stronger = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[("argon2_memory_kib", "20480")],
    )
    .await;
    let stored = |ctx: sspr::context::Ctx| async move {
        ctx.store
            .read(|conn| {
                Ok(sspr::store::users::find_by_key(conn, "admin")?
                    .unwrap()
                    .password_hash
                    .unwrap())
            })
            .await
            .unwrap()
    };
    assert!(stored(app.ctx.clone()).await.contains("m=19456,t=2,p=1"));
    assert_eq!(stronger.sign_in(ADMIN, ADMIN_PASSWORD).await.status, 200);
    assert!(stored(app.ctx.clone()).await.contains("m=20480,t=2,p=1"));
    // And the upgraded hash still verifies on the first server.
    assert_eq!(app.sign_in(ADMIN, ADMIN_PASSWORD).await.status, 200);
}

crate::both_backends!(
    the_bootstrap_admin_signs_in_and_reads_me,
    a_wrong_password_and_an_unknown_user_get_the_same_answer,
    sign_in_sets_a_strict_http_only_cookie_that_authenticates,
    sign_out_revokes_that_session_only,
    repeated_failures_lock_the_account_until_the_lockout_ends,
    a_second_lockout_lasts_longer,
    an_administrator_unlocks_a_locked_account,
    a_disabled_account_says_so_only_after_the_right_password,
    a_password_set_by_an_admin_must_be_changed_and_ends_sessions,
    changing_ones_password_checks_the_current_one_and_the_length,
    a_hash_with_old_parameters_is_upgraded_at_sign_in,
);
