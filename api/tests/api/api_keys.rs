//! API keys: scopes enforced on every administration route, revoked and expired keys refused,
//! client addresses checked, every use audited under the key's name, and never a person's
//! powers (no `/me`, no managing keys).

use serde_json::{Value, json};

use crate::helpers::TestApp;

async fn create(app: &TestApp, admin: &str, body: Value) -> (String, String) {
    let created = app.post("/api/v1/admin/api-keys", admin, body).await;
    assert_eq!(created.status, 201, "{:#}", created.body);
    assert_eq!(created.header("cache-control"), Some("no-store"));
    let secret = created.body["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("sspr_"), "{secret}");
    (
        created.body["key"]["key_id"].as_str().unwrap().to_owned(),
        secret,
    )
}

async fn a_key_does_what_its_scopes_allow_and_nothing_a_person_does(app: TestApp) {
    let admin = app.admin_token().await;
    let (id, key) = create(
        &app,
        &admin,
        json!({"name": "HR portal", "scopes": ["admin:read", "audit:read"]}),
    )
    .await;

    // Within its scopes.
    assert_eq!(app.get("/api/v1/admin/users", &key).await.status, 200);
    assert_eq!(app.get("/api/v1/admin/policy", &key).await.status, 200);
    assert_eq!(app.get("/api/v1/admin/audit", &key).await.status, 200);
    let preview = app
        .post(
            "/api/v1/admin/messages/preview",
            &key,
            json!({"notice": "code_sms", "language": "en"}),
        )
        .await;
    assert_eq!(preview.status, 200, "{:#}", preview.body);

    // Outside them: refused, and nothing changes.
    app.get("/api/v1/admin/reports/resets", &key)
        .await
        .assert_problem(403, "insufficient_scope");
    app.post(
        "/api/v1/admin/users",
        &key,
        json!({"username": "eve", "display_name": "Eve", "email": "eve@example.com"}),
    )
    .await
    .assert_problem(403, "insufficient_scope");
    let users = app.get("/api/v1/admin/users?search=eve", &admin).await;
    assert_eq!(users.body["items"], json!([]), "{:#}", users.body);

    // Never a person: no session, no security info, no keys.
    app.get("/api/v1/me", &key)
        .await
        .assert_problem(401, "unauthenticated");
    app.post(
        "/api/v1/me/methods",
        &key,
        json!({"kind": "email", "email": "x@y.z"}),
    )
    .await
    .assert_problem(401, "unauthenticated");
    app.get("/api/v1/admin/api-keys", &key)
        .await
        .assert_problem(401, "unauthenticated");
    app.post(
        "/api/v1/admin/api-keys",
        &key,
        json!({"name": "more", "scopes": ["admin:write"]}),
    )
    .await
    .assert_problem(401, "unauthenticated");

    // A wrong secret for a real key id is any bad credential.
    // (Its last character changed: to `x`, or to `y` when it was an `x` — one key in 64
    // ended in `x` and was "forged" into itself.)
    let last = if key.ends_with('x') { 'y' } else { 'x' };
    let forged = format!("{}{last}", &key[..key.len() - 1]);
    app.get("/api/v1/admin/users", &forged)
        .await
        .assert_problem(401, "unauthenticated");

    // Every use is audited under the key's name; the list shows the last use, never a secret.
    let used = app.audit(&admin, "type=api_key.used").await;
    assert!(used.len() >= 4, "{used:#?}");
    assert!(
        used.iter().all(|r| r["actor_name"] == "api-key:HR portal"),
        "{used:#?}"
    );
    let refused = app.audit(&admin, "type=api_key.refused").await;
    assert_eq!(refused.len(), 2, "{refused:#?}");
    let list = app.get("/api/v1/admin/api-keys", &admin).await;
    assert_eq!(list.status, 200);
    let listed = &list.body["items"][0];
    assert_eq!(listed["key_id"], id.as_str());
    assert!(listed["last_used_at"].is_string(), "{listed:#}");
    assert!(
        !list.body.to_string().contains(&key[10..]),
        "no secret in the list"
    );

    // Revoked: refused at once.
    let revoked = app
        .delete(&format!("/api/v1/admin/api-keys/{id}"), &admin)
        .await;
    assert_eq!(revoked.status, 204, "{:#}", revoked.body);
    app.get("/api/v1/admin/users", &key)
        .await
        .assert_problem(401, "unauthenticated");
    app.delete(&format!("/api/v1/admin/api-keys/{id}"), &admin)
        .await
        .assert_problem(404, "not_found");
    assert_eq!(app.audit(&admin, "type=api_key.revoked").await.len(), 1);
}

async fn a_write_key_acts_under_its_name_until_it_expires_from_its_addresses(app: TestApp) {
    let admin = app.admin_token().await;
    let expires = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    let (_, key) = create(
        &app,
        &admin,
        json!({"name": "Provisioning", "scopes": ["admin:write", "admin:read"],
               "expires_at": expires, "allowed_addresses": ["127.0.0.1", "10.0.0.0/8"]}),
    )
    .await;
    let made = app
        .post(
            "/api/v1/admin/users",
            &key,
            json!({"username": "newhire", "display_name": "New Hire", "email": "newhire@example.com"}),
        )
        .await;
    assert_eq!(made.status, 201, "{:#}", made.body);
    let rows = app.audit(&admin, "type=user.created").await;
    let row = rows.iter().find(|r| r["target_name"] == "newhire").unwrap();
    assert_eq!(row["actor_name"], "api-key:Provisioning", "{row:#}");

    // Past its expiry: refused.
    app.advance(2 * 3600);
    app.get("/api/v1/admin/users", &key)
        .await
        .assert_problem(401, "unauthenticated");

    // Bound to other addresses: refused from here (403: the key is good, the place is not).
    let admin = app.admin_token().await;
    let (_, elsewhere) = create(
        &app,
        &admin,
        json!({"name": "Office only", "scopes": ["admin:read"], "allowed_addresses": ["203.0.113.0/24"]}),
    )
    .await;
    app.get("/api/v1/admin/users", &elsewhere)
        .await
        .assert_problem(403, "address_not_allowed");

    // Bad requests change nothing.
    let bad = app
        .post(
            "/api/v1/admin/api-keys",
            &admin,
            json!({"name": "Office only", "scopes": [], "expires_at": "2001-01-01T00:00:00Z",
                   "allowed_addresses": ["not an address"]}),
        )
        .await;
    bad.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = bad.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["scopes", "expires_at", "allowed_addresses[0]"]);
    let dup = app
        .post(
            "/api/v1/admin/api-keys",
            &admin,
            json!({"name": "Office only", "scopes": ["admin:read"]}),
        )
        .await;
    dup.assert_problem(422, "validation_failed");
    assert_eq!(dup.body["errors"][0]["code"], "duplicate");
    let all = app.get("/api/v1/admin/api-keys", &admin).await;
    assert_eq!(all.body["items"].as_array().unwrap().len(), 2);

    // A person who is not an administrator manages no keys.
    let (_, token) = app.signed_in_user(&admin, "olga").await;
    app.get("/api/v1/admin/api-keys", &token)
        .await
        .assert_problem(403, "forbidden");
}

crate::both_backends!(
    a_key_does_what_its_scopes_allow_and_nothing_a_person_does,
    a_write_key_acts_under_its_name_until_it_expires_from_its_addresses,
);
