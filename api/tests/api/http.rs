//! The HTTP edge: body limits, malformed input, content types, unknown routes, CORS.

use reqwest::Method;
use serde_json::json;

use crate::helpers::TestApp;

async fn a_body_over_the_limit_is_refused_with_413(app: TestApp) {
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

async fn malformed_and_mistyped_bodies_get_a_clear_4xx(app: TestApp) {
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

async fn unknown_routes_and_ids_are_problem_404s(app: TestApp) {
    let admin = app.admin_token().await;
    app.get("/api/v1/nothing-here", &admin)
        .await
        .assert_problem(404, "not_found");
    app.get("/nothing-here", &admin)
        .await
        .assert_problem(404, "not_found");
    app.get("/api/v1/admin/users/not-a-uuid", &admin)
        .await
        .assert_problem(404, "not_found");
}

async fn cors_allows_only_configured_origins(app: TestApp) {
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

crate::both_backends!(
    a_body_over_the_limit_is_refused_with_413,
    malformed_and_mistyped_bodies_get_a_clear_4xx,
    unknown_routes_and_ids_are_problem_404s,
    cors_allows_only_configured_origins,
    the_web_app_is_served_with_deep_links_and_strict_headers,
);

async fn the_web_app_is_served_with_deep_links_and_strict_headers(app: TestApp) {
    let dir = app.db.data_dir.join("web");
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>SSPR</title><script type=module src=/assets/app.js></script>",
    )
    .unwrap();
    std::fs::write(dir.join("assets/app.js"), "console.log('app')").unwrap();
    let web = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[("web_dir", dir.to_str().unwrap())],
    )
    .await;
    for path in ["/", "/recover", "/admin/users/123", "/security-info"] {
        let res = web.client.get(web.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        let csp = res
            .headers()
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"),
            "{csp}"
        );
        assert_eq!(res.headers().get("referrer-policy").unwrap(), "no-referrer");
        assert!(
            res.text().await.unwrap().contains("<title>SSPR</title>"),
            "{path}"
        );
    }
    let js = web
        .client
        .get(web.url("/assets/app.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(js.status(), 200);
    assert!(
        js.headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    // API paths never fall back to the app, and neither do other methods.
    web.get("/api/v1/nothing-here", "x")
        .await
        .assert_problem(404, "not_found");
    let post = web
        .call(Method::POST, "/recover", None, Some(json!({})))
        .await;
    assert!(post.status == 404 || post.status == 405, "{}", post.status);
    // Every API answer carries the headers too.
    let health = web.call(Method::GET, "/api/v1/health", None, None).await;
    assert_eq!(health.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(health.header("x-frame-options"), Some("DENY"));
}
