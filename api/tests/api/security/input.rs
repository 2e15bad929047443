//! Malformed input (SECURITY.md 27–28): a fast problem+json 4xx, no detail, no change.

use reqwest::Method;
use serde_json::json;

use crate::helpers::TestApp;

async fn item_27_a_body_over_the_limit_is_refused_with_413(app: TestApp) {
    let admin = app.admin_token().await;
    let huge = json!({"name": "x".repeat(17 * 1024)});
    app.post("/api/v1/admin/groups", &admin, huge)
        .await
        .assert_problem(413, "payload_too_large");
    let sign_in = app
        .call(
            Method::POST,
            "/api/v1/auth/sign-in",
            None,
            Some(json!({"username": "a", "password": "p".repeat(20_000)})),
        )
        .await;
    sign_in.assert_problem(413, "payload_too_large");
    assert_eq!(
        app.get("/api/v1/admin/groups", &admin).await.body["items"],
        json!([])
    );
}

async fn item_27_malformed_and_mistyped_bodies_get_a_clear_4xx(app: TestApp) {
    let admin = app.admin_token().await;
    let raw = |body: &'static str, content_type: &'static str| {
        app.client
            .post(app.url("/api/v1/admin/groups"))
            .bearer_auth(&admin)
            .header("content-type", content_type)
            .body(body)
    };
    app.send(raw("{\"name\": ", "application/json"))
        .await
        .assert_problem(400, "malformed_json");
    app.send(raw("{\"name\": \"a\"} trailing", "application/json"))
        .await
        .assert_problem(400, "malformed_json");
    app.send(raw("name=a", "application/x-www-form-urlencoded"))
        .await
        .assert_problem(415, "unsupported_media_type");
    app.send(raw("{\"name\": \"a\"}", "text/plain"))
        .await
        .assert_problem(415, "unsupported_media_type");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let a = app
        .send(
            app.client
                .post(app.url("/api/v1/auth/sign-in"))
                .header("content-type", "application/json")
                .body(deep),
        )
        .await;
    assert!(a.status == 400 || a.status == 413, "{}", a.status);
    for body in [
        json!({"name": null}),
        json!({"name": ["a"]}),
        json!({"name": 5}),
        json!([]),
        json!("name"),
    ] {
        let a = app.post("/api/v1/admin/groups", &admin, body.clone()).await;
        a.assert_problem(422, "validation_failed");
        assert!(
            !a.body["detail"].as_str().unwrap().contains("src/"),
            "no internals: {:#}",
            a.body
        );
    }
    let lone_surrogate = app
        .send(raw("{\"name\": \"\\ud800\"}", "application/json"))
        .await;
    assert_eq!(lone_surrogate.status, 400);
    // SQL in every string field is just data.
    let sql = app
        .post(
            "/api/v1/admin/groups",
            &admin,
            json!({"name": "'; DROP TABLE users; --", "description": "\" OR 1=1"}),
        )
        .await;
    assert_eq!(sql.status, 201);
    assert_eq!(sql.body["name"], "'; DROP TABLE users; --");
    let signin = app.sign_in("admin' --", "' OR '1'='1").await;
    signin.assert_problem(401, "invalid_credentials");
    assert_eq!(
        app.get("/api/v1/admin/groups", &admin).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

crate::both_backends!(
    item_27_a_body_over_the_limit_is_refused_with_413,
    item_27_malformed_and_mistyped_bodies_get_a_clear_4xx,
);
