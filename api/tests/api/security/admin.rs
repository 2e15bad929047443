//! Browser and administration (SECURITY.md 29–33).

use reqwest::Method;
use serde_json::json;

use sspr::clock::Clock as _;

use crate::helpers::{ADMIN, ADMIN_PASSWORD, TestApp, USER_PASSWORD};
use crate::recovery::{NEW_PASSWORD, method_from, pass_sms, policy};

const ADMIN_ENDPOINTS: &[(&str, &str)] = &[
    ("GET", "/api/v1/admin/policy"),
    ("PUT", "/api/v1/admin/policy"),
    ("GET", "/api/v1/admin/users"),
    ("POST", "/api/v1/admin/users"),
    (
        "GET",
        "/api/v1/admin/users/00000000-0000-0000-0000-000000000000",
    ),
    (
        "PATCH",
        "/api/v1/admin/users/00000000-0000-0000-0000-000000000000",
    ),
    (
        "DELETE",
        "/api/v1/admin/users/00000000-0000-0000-0000-000000000000",
    ),
    (
        "POST",
        "/api/v1/admin/users/00000000-0000-0000-0000-000000000000/unlock",
    ),
    ("GET", "/api/v1/admin/groups"),
    ("POST", "/api/v1/admin/groups"),
    (
        "GET",
        "/api/v1/admin/groups/00000000-0000-0000-0000-000000000000",
    ),
    (
        "PATCH",
        "/api/v1/admin/groups/00000000-0000-0000-0000-000000000000",
    ),
    (
        "DELETE",
        "/api/v1/admin/groups/00000000-0000-0000-0000-000000000000",
    ),
    (
        "PUT",
        "/api/v1/admin/groups/00000000-0000-0000-0000-000000000000/members",
    ),
    ("GET", "/api/v1/admin/audit"),
];

async fn item_29_cors_allows_only_configured_origins(app: TestApp) {
    let portal = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[("cors_origins", "https://portal.example.com")],
    )
    .await;
    let preflight = |origin: &'static str| {
        portal
            .client
            .request(Method::OPTIONS, portal.url("/api/v1/auth/sign-in"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let ok = preflight("https://portal.example.com").await.unwrap();
    assert_eq!(
        ok.headers().get("access-control-allow-origin").unwrap(),
        "https://portal.example.com"
    );
    assert_eq!(
        ok.headers()
            .get("access-control-allow-credentials")
            .unwrap(),
        "true"
    );
    let evil = preflight("https://evil.example").await.unwrap();
    assert!(evil.headers().get("access-control-allow-origin").is_none());
    // Without configuration no origin is allowed at all.
    let res = app
        .client
        .get(app.url("/api/v1/health"))
        .header("origin", "https://portal.example.com")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("access-control-allow-origin").is_none());
}

async fn item_30_admin_endpoints_need_an_administrator(app: TestApp) {
    let admin = app.admin_token().await;
    let (_, user) = app.signed_in_user(&admin, "ivan").await;
    for (method, path) in ADMIN_ENDPOINTS {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let body = (method != Method::GET && method != Method::DELETE).then(|| json!({}));
        let anonymous = app.call(method.clone(), path, None, body.clone()).await;
        assert_eq!(anonymous.status, 401, "{method} {path} without a token");
        assert_eq!(anonymous.code(), "unauthenticated");
        let forbidden = app.call(method.clone(), path, Some(&user), body).await;
        assert_eq!(forbidden.status, 403, "{method} {path} with a user token");
        assert_eq!(forbidden.code(), "forbidden");
    }
    // Nothing was created by all that.
    assert_eq!(
        app.get("/api/v1/admin/groups", &admin).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

async fn item_33_an_administrator_needs_two_methods_and_the_others_are_told(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let other = app.create_user(&admin, "root2").await;
    app.patch(
        &format!("/api/v1/admin/users/{}", other["user_id"].as_str().unwrap()),
        &admin,
        json!({"is_admin": true}),
    )
    .await;
    app.register_sms(&admin, "+14155550202").await;
    let added = app
        .post(
            "/api/v1/me/methods",
            &admin,
            json!({"kind": "authenticator_app"}),
        )
        .await;
    let secret = added.body["secret"].as_str().unwrap().to_owned();
    let totp_id = added.body["method_id"].as_str().unwrap().to_owned();
    let code = sspr::methods::authenticator::code_at(&secret, app.clock.now()).unwrap();
    assert_eq!(
        app.post(
            &format!("/api/v1/me/methods/{totp_id}/verify"),
            &admin,
            json!({"code": code})
        )
        .await
        .status,
        200
    );

    let start = app.start_flow(ADMIN, "reset_password").await;
    assert_eq!(
        start.body["methods_required"], 2,
        "administrators always need two"
    );
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let after_one = pass_sms(&app, &flow, &token, "+14155550202").await;
    app.flow(
        &flow,
        &after_one,
        "password",
        json!({"new_password": NEW_PASSWORD}),
    )
    .await
    .assert_problem(403, "verification_incomplete");
    // The same method cannot count twice.
    let again = app
        .flow(
            &flow,
            &after_one,
            "verify",
            json!({"method_id": method_from(&flow, "mobile_sms"), "code": "000000"}),
        )
        .await;
    again.assert_problem(409, "method_already_passed");
    // The code used at enrolment (same time step) cannot be replayed; the next step's can.
    let replay = app
        .flow(
            &flow,
            &after_one,
            "verify",
            json!({"method_id": totp_id, "code": code}),
        )
        .await;
    replay.assert_problem(422, "totp_replayed");
    app.advance(30);
    let totp = sspr::methods::authenticator::code_at(&secret, app.clock.now()).unwrap();
    let second = app
        .flow(
            &flow,
            &after_one,
            "verify",
            json!({"method_id": totp_id, "code": totp}),
        )
        .await;
    assert_eq!(second.status, 200, "{:#}", second.body);
    assert_eq!(second.body["methods_remaining"], 0);
    let last = second.body["flow_token"].as_str().unwrap();
    assert_eq!(
        app.flow(
            &flow,
            last,
            "password",
            json!({"new_password": NEW_PASSWORD})
        )
        .await
        .status,
        200
    );
    let told = app.smtp.wait_for("root2@example.com", 1).await;
    assert!(
        told[0]
            .subject()
            .contains("administrator reset their password"),
        "{}",
        told[0].subject()
    );
    assert_eq!(app.sign_in(ADMIN, NEW_PASSWORD).await.status, 200);
    let _ = ADMIN_PASSWORD;
}

/// Item 31: what an administrator sees of a person's methods is masked and never a code, a
/// hash, an answer or a secret; and a password an administrator sets must be changed by the
/// person at the next sign-in (the administrator never knows the password the person keeps).
async fn item_31_administrators_cannot_read_codes_answers_or_kept_passwords(app: TestApp) {
    let admin = app.admin_token().await;
    crate::recovery::policy(&app, &admin, 1).await;
    let (user, token) =
        crate::recovery::registered_user(&app, &admin, "uma", "+14155550341", true).await;
    let id = user["user_id"].as_str().unwrap();
    // A pending code exists while the admin looks.
    let pending = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "email", "email": "uma.second@home.example"}),
        )
        .await;
    assert_eq!(pending.status, 201, "{:#}", pending.body);
    let code = app.smtp.code_for("uma.second@home.example").await;
    let seen = app
        .get(&format!("/api/v1/admin/users/{id}/methods"), &admin)
        .await;
    assert_eq!(seen.status, 200, "{:#}", seen.body);
    let text = seen.body.to_string();
    for secret in [
        code.as_str(),
        "5550341",
        "uma@home.example",
        "uma.second@home.example",
        "$argon2",
        "hash",
        "secret",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    let whole = app
        .get(&format!("/api/v1/admin/users/{id}"), &admin)
        .await
        .body
        .to_string();
    assert!(
        !whole.contains("$argon2") && !whole.contains("password_hash"),
        "{whole}"
    );
    // An assisted reset: the administrator's password is only good for one more sign-in.
    let set = app
        .patch(
            &format!("/api/v1/admin/users/{id}"),
            &admin,
            json!({"password": "chosen by the helpdesk today"}),
        )
        .await;
    assert_eq!(set.status, 200, "{:#}", set.body);
    let signed_in = app.sign_in("uma", "chosen by the helpdesk today").await;
    assert_eq!(signed_in.status, 200, "{:#}", signed_in.body);
    assert_eq!(
        signed_in.body["password_change_required"], true,
        "{:#}",
        signed_in.body
    );
}

/// Item 32: fields an endpoint does not own are refused, and nothing changes.
async fn item_32_a_request_cannot_set_fields_it_does_not_own(app: TestApp) {
    let admin = app.admin_token().await;
    let (user, token) = app.signed_in_user(&admin, "vic").await;
    let id = user["user_id"].as_str().unwrap();
    for (path, body) in [
        (
            "/api/v1/me/password",
            json!({"current_password": USER_PASSWORD, "new_password": "vic wants to be admin now", "is_admin": true}),
        ),
        (
            "/api/v1/me/methods",
            json!({"kind": "email", "email": "vic@home.example", "status": "active"}),
        ),
        (
            "/api/v1/me/methods",
            json!({"kind": "email", "email": "vic@home.example", "user_id": id}),
        ),
    ] {
        let a = app.post(path, &token, body).await;
        a.assert_problem(422, "validation_failed");
        assert!(a.body.to_string().contains("unknown_field"), "{:#}", a.body);
    }
    for body in [
        json!({"session_epoch": 0}),
        json!({"password_hash": "$argon2id$x"}),
        json!({"failed_sign_ins": 0}),
    ] {
        let a = app
            .patch(&format!("/api/v1/admin/users/{id}"), &admin, body)
            .await;
        a.assert_problem(422, "validation_failed");
    }
    // Nothing changed: the same password, no method, not an administrator.
    let me = app
        .get("/api/v1/me", &app.token("vic", USER_PASSWORD).await)
        .await;
    assert_eq!(me.body["is_admin"], false, "{:#}", me.body);
    assert_eq!(
        app.get("/api/v1/me/methods", &token).await.body["items"],
        json!([])
    );
    let _ = ADMIN;
}

crate::both_backends!(
    item_31_administrators_cannot_read_codes_answers_or_kept_passwords,
    item_32_a_request_cannot_set_fields_it_does_not_own,
    item_33_an_administrator_needs_two_methods_and_the_others_are_told,
    item_29_cors_allows_only_configured_origins,
    item_30_admin_endpoints_need_an_administrator,
);
