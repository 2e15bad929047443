use std::collections::HashSet;

use chrono::{SecondsFormat, Utc};
use reqwest::header::USER_AGENT;
use serde_json::json;

use crate::helpers::{ADMIN_PASSWORD, TestApp, USER_PASSWORD};

async fn sign_ins_are_audited_with_address_and_agent_and_no_secret(app: TestApp) {
    let req = app
        .client
        .post(app.url("/api/v1/auth/sign-in"))
        .header(USER_AGENT, "audit-test/1.0 <script>alert(1)</script>")
        .json(&json!({"username": "admin", "password": "a wrong secret guess"}));
    app.send(req)
        .await
        .assert_problem(401, "invalid_credentials");
    app.sign_in("ghost", "another secret guess").await;
    let admin = app.admin_token().await;

    let rows = app.audit(&admin, "type=sign_in").await;
    let types: Vec<&str> = rows.iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        ["sign_in.succeeded", "sign_in.failed", "sign_in.failed"]
    );
    let wrong = &rows[2];
    assert_eq!(wrong["outcome"], "failure");
    assert_eq!(wrong["target_name"], "admin");
    assert_eq!(wrong["ip"], "127.0.0.1");
    assert_eq!(
        wrong["user_agent"], "audit-test/1.0 <script>alert(1)</script>",
        "stored as data, escaped by readers"
    );
    assert_eq!(wrong["details"]["reason"], "wrong_password");
    assert_eq!(rows[1]["actor_name"], "ghost");
    assert_eq!(rows[1]["details"]["reason"], "unknown_user");

    // No row anywhere holds a password.
    let all = serde_json::to_string(&app.audit(&admin, "").await).unwrap();
    for secret in [
        "a wrong secret guess",
        "another secret guess",
        ADMIN_PASSWORD,
        USER_PASSWORD,
    ] {
        assert!(!all.contains(secret), "an audit row holds a secret");
    }
}

async fn audit_rows_filter_by_type_user_and_time_and_page_with_a_cursor(app: TestApp) {
    let admin = app.admin_token().await;
    let user = app.create_user(&admin, "tina").await;
    let id = user["user_id"].as_str().unwrap();
    app.advance(1);
    let t0 = app.clock.now_rfc3339();
    app.advance(10);
    for _ in 0..3 {
        app.sign_in("tina", "wrong password guess").await;
        app.advance(1);
    }
    let t1 = app.clock.now_rfc3339();
    app.advance(10);
    app.token("tina", USER_PASSWORD).await;

    let mine = app.audit(&admin, &format!("user_id={id}")).await;
    assert_eq!(mine.len(), 5, "created, three failures, one success");
    let failed = app
        .audit(&admin, &format!("type=sign_in.failed&user_id={id}"))
        .await;
    assert_eq!(failed.len(), 3);
    let window = app
        .audit(
            &admin,
            &format!("since={}&until={}", urlencode(&t0), urlencode(&t1)),
        )
        .await;
    assert_eq!(window.len(), 3, "{window:#?}");
    assert!(window.iter().all(|r| r["type"] == "sign_in.failed"));

    // Two at a time, following the cursor, gives every row exactly once, newest first.
    let everything = app.audit(&admin, "").await;
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = match &cursor {
            Some(c) => format!("/api/v1/admin/audit?limit=2&cursor={c}"),
            None => "/api/v1/admin/audit?limit=2".to_owned(),
        };
        let page = app.get(&q, &admin).await;
        assert_eq!(page.status, 200, "{:#}", page.body);
        let items = page.body["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let expected: Vec<String> = everything
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(seen, expected);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());

    app.get("/api/v1/admin/audit?cursor=garbage", &admin)
        .await
        .assert_problem(422, "validation_failed");
    app.get("/api/v1/admin/audit?limit=0", &admin)
        .await
        .assert_problem(422, "validation_failed");
    app.get("/api/v1/admin/audit?since=yesterday", &admin)
        .await
        .assert_problem(400, "invalid_query");
    app.get("/api/v1/admin/audit?type=x'%20OR%201=1", &admin)
        .await
        .assert_problem(422, "validation_failed");
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

trait Rfc3339 {
    fn now_rfc3339(&self) -> String;
}

impl Rfc3339 for std::sync::Arc<sspr::clock::ManualClock> {
    fn now_rfc3339(&self) -> String {
        use sspr::clock::Clock as _;
        self.now().to_rfc3339_opts(SecondsFormat::Micros, true)
    }
}

async fn forwarded_addresses_are_ignored_from_untrusted_peers(app: TestApp) {
    let req = app
        .client
        .post(app.url("/api/v1/auth/sign-in"))
        .header("x-forwarded-for", "203.0.113.7")
        .json(&json!({"username": "admin", "password": "wrong guess here"}));
    app.send(req).await;
    let admin = app.admin_token().await;
    let rows = app.audit(&admin, "type=sign_in.failed").await;
    assert_eq!(rows[0]["ip"], "127.0.0.1");

    let behind_proxy = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[("trusted_proxies", "127.0.0.1/32")],
    )
    .await;
    let req = behind_proxy
        .client
        .post(behind_proxy.url("/api/v1/auth/sign-in"))
        .header("x-forwarded-for", "198.51.100.1, 203.0.113.7")
        .json(&json!({"username": "admin", "password": "wrong guess here"}));
    behind_proxy.send(req).await;
    let rows = app.audit(&admin, "type=sign_in.failed").await;
    assert_eq!(
        rows[0]["ip"], "203.0.113.7",
        "the right-most address added by the trusted proxy"
    );
    let _ = Utc::now();
}

crate::both_backends!(
    sign_ins_are_audited_with_address_and_agent_and_no_secret,
    audit_rows_filter_by_type_user_and_time_and_page_with_a_cursor,
    forwarded_addresses_are_ignored_from_untrusted_peers,
);
