//! Every journey that applies, on a real OpenLDAP with the password policy overlay: sign-in by
//! a bind, registration, reset with one and two methods (the new password binds in slapd
//! itself), unlock after ppolicy's lockout, the history rules, scope and administration by
//! group, the directory going away mid-reset, and injection attempts in logins.

use serde_json::{Value, json};

use super::slapd::{ADMINS_DN, MAX_FAILURES, SEED_PASSWORD, Slapd};
use crate::helpers::TestApp;
use crate::recovery::{NEW_PASSWORD, pass_sms};

/// Dana administers through the `sspr-admins` group; everyone is in scope with `required`
/// methods.
async fn admin_with_policy(app: &TestApp, required: u32) -> String {
    let admin = app.token("dana", SEED_PASSWORD).await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": required,
               "methods_enabled": ["email", "mobile_sms", "authenticator_app", "security_questions"]}),
    )
    .await;
    admin
}

/// `uid` signs in with the seeded password and registers their mobile (and an email).
async fn registered(app: &TestApp, uid: &str, phone: &str, two: bool) -> String {
    let signed_in = app.sign_in(uid, SEED_PASSWORD).await;
    assert_eq!(signed_in.status, 200, "{:#}", signed_in.body);
    assert_eq!(signed_in.body["password_change_required"], false);
    let token = signed_in.body["access_token"].as_str().unwrap().to_owned();
    // The directory's contacts are offered as suggestions; none is a method until proved.
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.body["contacts"]["mobile_phone"], phone, "{:#}", me.body);
    assert_eq!(me.body["contacts"]["email"], format!("{uid}@example.org"));
    assert_eq!(me.body["contacts"]["office_phone"], "+14155559999");
    assert_eq!(me.body["registration"]["methods_registered"], 0);
    app.register_sms(&token, phone).await;
    if two {
        app.register_email(&token, &format!("{uid}@home.example"))
            .await;
    }
    token
}

/// Starts a flow for `uid` and passes the SMS method (and the email one when `two`).
async fn verified_flow(
    app: &TestApp,
    uid: &str,
    phone: &str,
    purpose: &str,
    two: bool,
) -> (Value, String) {
    let start = app.start_flow(uid, purpose).await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    let flow = start.body.clone();
    let mut token = pass_sms(app, &flow, flow["flow_token"].as_str().unwrap(), phone).await;
    if two {
        let m = crate::recovery::method_from(&flow, "email");
        let sent = app
            .flow(&flow, &token, "challenges", json!({"method_id": m}))
            .await;
        assert_eq!(sent.status, 202, "{:#}", sent.body);
        let code = app.smtp.code_for(&format!("{uid}@home.example")).await;
        let ok = app
            .flow(
                &flow,
                &token,
                "verify",
                json!({"method_id": m, "code": code}),
            )
            .await;
        assert_eq!(ok.status, 200, "{:#}", ok.body);
        token = ok.body["flow_token"].as_str().unwrap().to_owned();
    }
    (flow, token)
}

async fn reset(app: &TestApp, flow: &Value, token: &str, password: &str) -> crate::helpers::Answer {
    app.flow(flow, token, "password", json!({"new_password": password}))
        .await
}

async fn a_person_in_openldap_resets_with_one_method_and_the_password_binds_in_slapd(
    app: TestApp,
    slapd: Slapd,
) {
    admin_with_policy(&app, 1).await;
    let session = registered(&app, "lee", "+14155550301", false).await;
    let (flow, token) = verified_flow(&app, "lee", "+14155550301", "reset_password", false).await;
    let done = reset(&app, &flow, &token, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{:#}", done.body);

    assert!(
        slapd.binds("lee", NEW_PASSWORD),
        "ldapwhoami binds with the new password"
    );
    assert!(
        !slapd.binds("lee", SEED_PASSWORD),
        "the old one no longer binds"
    );
    assert!(
        slapd.attribute("lee", "pwdReset").is_empty(),
        "no change is asked at the next sign-in"
    );
    assert_eq!(
        app.get("/api/v1/me", &session).await.status,
        401,
        "old sessions end"
    );
    let again = app.sign_in("lee", NEW_PASSWORD).await;
    assert_eq!(again.status, 200, "{:#}", again.body);
    assert_eq!(again.body["password_change_required"], false);
}

async fn two_methods_are_two_factors_on_openldap_too(app: TestApp, slapd: Slapd) {
    admin_with_policy(&app, 2).await;
    registered(&app, "kim", "+14155550302", true).await;
    let (flow, token) = verified_flow(&app, "kim", "+14155550302", "reset_password", true).await;
    let done = reset(&app, &flow, &token, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert!(slapd.binds("kim", NEW_PASSWORD));
}

async fn wrong_binds_lock_the_account_in_slapd_and_an_unlock_ends_it(app: TestApp, slapd: Slapd) {
    admin_with_policy(&app, 1).await;
    registered(&app, "rae", "+14155550304", false).await;
    for _ in 0..MAX_FAILURES {
        app.sign_in("rae", "not the password at all")
            .await
            .assert_problem(401, "invalid_credentials");
    }
    assert_eq!(
        slapd.attribute("rae", "pwdAccountLockedTime").len(),
        1,
        "ppolicy locked it"
    );
    assert!(
        !slapd.binds("rae", SEED_PASSWORD),
        "locked in the directory itself"
    );
    // Locked: even the right password does not sign in (and does not say which it was).
    app.sign_in("rae", SEED_PASSWORD)
        .await
        .assert_problem(401, "invalid_credentials");

    let (flow, token) = verified_flow(&app, "rae", "+14155550304", "unlock_account", false).await;
    let done = app.flow(&flow, &token, "unlock", Value::Null).await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert!(
        slapd.attribute("rae", "pwdAccountLockedTime").is_empty(),
        "unlocked in slapd"
    );
    assert!(
        slapd.attribute("rae", "pwdFailureTime").is_empty(),
        "and its failures forgotten"
    );
    assert!(
        slapd.binds("rae", SEED_PASSWORD),
        "the password binds again"
    );
    assert_eq!(app.sign_in("rae", SEED_PASSWORD).await.status, 200);
}

async fn reuse_is_refused_by_our_history_on_resets_and_by_slapds_on_own_changes(
    app: TestApp,
    slapd: Slapd,
) {
    let admin = app.token("dana", SEED_PASSWORD).await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "mobile_sms"],
               "password": {"min_length": 12, "max_length": 256, "min_strength": 2, "banned_words": [], "history": 3}}),
    )
    .await;
    registered(&app, "lee", "+14155550301", false).await;
    let (flow, token) = verified_flow(&app, "lee", "+14155550301", "reset_password", false).await;
    assert_eq!(reset(&app, &flow, &token, NEW_PASSWORD).await.status, 200);

    // slapd skips its history on a reset: the service's own rule refuses the same password.
    let (flow, token) = verified_flow(&app, "lee", "+14155550301", "reset_password", false).await;
    let reused = reset(&app, &flow, &token, NEW_PASSWORD).await;
    reused.assert_problem(422, "validation_failed");
    assert!(
        reused.fields().contains(&"new_password".to_owned()),
        "{:#}",
        reused.body
    );

    // A person's own change back to the seeded password: only slapd remembers it.
    let session = app.token("lee", NEW_PASSWORD).await;
    let own = app
        .post(
            "/api/v1/me/password",
            &session,
            json!({"current_password": NEW_PASSWORD, "new_password": SEED_PASSWORD}),
        )
        .await;
    own.assert_problem(422, "password_rejected_by_directory");
    assert!(
        own.body["detail"].as_str().unwrap().contains("history"),
        "{:#}",
        own.body
    );
    assert!(slapd.binds("lee", NEW_PASSWORD), "nothing changed");

    let fresh = "paper boats on a still canal";
    let own = app
        .post(
            "/api/v1/me/password",
            &session,
            json!({"current_password": NEW_PASSWORD, "new_password": fresh}),
        )
        .await;
    assert_eq!(own.status, 204, "{:#}", own.body);
    assert!(slapd.binds("lee", fresh));
}

async fn administrators_and_scope_come_from_directory_groups(app: TestApp, slapd: Slapd) {
    let admin = app.token("dana", SEED_PASSWORD).await;
    let person = app.token("lee", SEED_PASSWORD).await;
    assert_eq!(
        app.get("/api/v1/admin/policy", &admin).await.status,
        200,
        "a member of {ADMINS_DN}"
    );
    app.get("/api/v1/admin/policy", &person)
        .await
        .assert_problem(403, "forbidden");

    let staff = slapd.group_uuid("staff");
    app.set_policy(
        &admin,
        json!({"scope": "selected", "group_ids": [staff], "methods_required": 1,
               "methods_enabled": ["email", "mobile_sms"], "registration": {"require_on_sign_in": true, "reconfirm_days": 180}}),
    )
    .await;
    let registration =
        |a: &crate::helpers::Answer| a.body["registration"]["registration_required"].clone();
    assert_eq!(
        registration(&app.get("/api/v1/me", &person).await),
        true,
        "staff are in scope"
    );
    let contractor = app.token("max", SEED_PASSWORD).await;
    assert_eq!(
        registration(&app.get("/api/v1/me", &contractor).await),
        false,
        "contractors are not"
    );
}

async fn the_directory_going_away_mid_reset_changes_nothing_and_the_reset_can_be_retried(
    app: TestApp,
    mut slapd: Slapd,
) {
    admin_with_policy(&app, 1).await;
    registered(&app, "lee", "+14155550301", false).await;
    let (flow, token) = verified_flow(&app, "lee", "+14155550301", "reset_password", false).await;
    slapd.stop();
    let failed = reset(&app, &flow, &token, NEW_PASSWORD).await;
    failed.assert_problem(502, "directory_unavailable");
    let ready = app
        .call(reqwest::Method::GET, "/api/v1/health/ready", None, None)
        .await;
    assert_eq!(ready.status, 503, "{:#}", ready.body);
    assert_eq!(ready.body["directory_status"], "unavailable");

    slapd.resume();
    assert!(slapd.binds("lee", SEED_PASSWORD), "nothing changed");
    let retried = reset(&app, &flow, &token, NEW_PASSWORD).await;
    assert_eq!(retried.status, 200, "{:#}", retried.body);
    assert!(slapd.binds("lee", NEW_PASSWORD));
    let ready = app
        .call(reqwest::Method::GET, "/api/v1/health/ready", None, None)
        .await;
    assert_eq!(ready.status, 200, "{:#}", ready.body);
    assert_eq!(ready.body["directory"], "ldap");
}

async fn injection_in_logins_finds_nobody_and_dn_metacharacters_are_a_login_like_any(
    app: TestApp,
    _slapd: Slapd,
) {
    for login in [
        "*",
        "*)(uid=*",
        "lee)(|(uid=*",
        "uid=lee,ou=people,dc=example,dc=org",
        "l*",
        "lee*",
    ] {
        app.sign_in(login, SEED_PASSWORD)
            .await
            .assert_problem(401, "invalid_credentials");
    }
    // A NUL never reaches the directory: the body is refused as it is read.
    app.sign_in("lee\u{0}", SEED_PASSWORD)
        .await
        .assert_problem(422, "validation_failed");
    // A login made of DN metacharacters is escaped, found and bound like any other.
    let pat = app.sign_in("o'neil,+x", SEED_PASSWORD).await;
    assert_eq!(pat.status, 200, "{:#}", pat.body);
    // A wildcard start looks like an unknown person's (the same answer, nothing sent).
    admin_with_policy(&app, 1).await;
    let start = app.start_flow("*", "reset_password").await;
    assert_eq!(start.status, 201, "{:#}", start.body);
}

async fn administrators_see_people_and_groups_read_from_slapd_and_edit_nothing(
    app: TestApp,
    slapd: Slapd,
) {
    let admin = app.token("dana", SEED_PASSWORD).await;
    let described = app.get("/api/v1/admin/directory", &admin).await;
    assert_eq!(described.body["kind"], "ldap");
    assert_eq!(described.body["capabilities"]["manages_users"], false);

    let everyone = app.get("/api/v1/admin/users?per_page=2", &admin).await;
    assert_eq!(everyone.status, 200, "{:#}", everyone.body);
    assert_eq!(everyone.body["total"], super::slapd::PEOPLE.len());
    assert_eq!(everyone.body["items"].as_array().unwrap().len(), 2, "paged");
    let found = app.get("/api/v1/admin/users?search=lee", &admin).await;
    let lee = &found.body["items"][0];
    assert_eq!(found.body["total"], 1, "{:#}", found.body);
    assert_eq!(
        (lee["username"].as_str(), lee["email"].as_str()),
        (Some("lee"), Some("lee@example.org"))
    );
    assert_eq!(lee["mobile_phone"], "+14155550301");
    assert_eq!(lee["is_admin"], false);
    let dana = &app
        .get("/api/v1/admin/users?search=dana", &admin)
        .await
        .body["items"][0];
    assert_eq!(dana["is_admin"], true);

    let groups = app.get("/api/v1/admin/groups", &admin).await;
    let staff = groups.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "staff")
        .unwrap_or_else(|| panic!("{:#}", groups.body))
        .clone();
    assert_eq!(staff["group_id"], slapd.group_uuid("staff"));
    assert_eq!(staff["member_count"], 4);
    let detail = app
        .get(
            &format!(
                "/api/v1/admin/groups/{}",
                staff["group_id"].as_str().unwrap()
            ),
            &admin,
        )
        .await;
    let members: Vec<&str> = detail.body["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["username"].as_str().unwrap())
        .collect();
    assert!(
        members.contains(&"lee") && members.contains(&"o'neil,+x"),
        "{members:?}"
    );

    // The directory's tools edit people and groups, not this service.
    app.post(
        "/api/v1/admin/users",
        &admin,
        json!({"username": "new", "display_name": "New", "email": "new@example.org"}),
    )
    .await
    .assert_problem(409, "directory_read_only");
    app.post("/api/v1/admin/groups", &admin, json!({"name": "Pilot"}))
        .await
        .assert_problem(409, "directory_read_only");

    // An administrator's unlock is carried out in the directory.
    for _ in 0..MAX_FAILURES {
        app.sign_in("kim", "not the password at all").await;
    }
    assert_eq!(slapd.attribute("kim", "pwdAccountLockedTime").len(), 1);
    let kim = app.get("/api/v1/admin/users?search=kim", &admin).await.body["items"][0].clone();
    assert_eq!(kim["locked"], true, "{kim:#}");
    let unlocked = app
        .post(
            &format!(
                "/api/v1/admin/users/{}/unlock",
                kim["user_id"].as_str().unwrap()
            ),
            &admin,
            json!({}),
        )
        .await;
    assert_eq!(unlocked.status, 200, "{:#}", unlocked.body);
    assert_eq!(unlocked.body["locked"], false);
    assert!(slapd.attribute("kim", "pwdAccountLockedTime").is_empty());
    assert!(slapd.binds("kim", SEED_PASSWORD));
}

crate::on_slapd!(
    administrators_see_people_and_groups_read_from_slapd_and_edit_nothing,
    a_person_in_openldap_resets_with_one_method_and_the_password_binds_in_slapd,
    two_methods_are_two_factors_on_openldap_too,
    wrong_binds_lock_the_account_in_slapd_and_an_unlock_ends_it,
    reuse_is_refused_by_our_history_on_resets_and_by_slapds_on_own_changes,
    administrators_and_scope_come_from_directory_groups,
    the_directory_going_away_mid_reset_changes_nothing_and_the_reset_can_be_retried,
    injection_in_logins_finds_nobody_and_dn_metacharacters_are_a_login_like_any,
);
