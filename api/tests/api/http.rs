//! The HTTP edge: body limits, malformed input, content types, unknown routes, CORS.

use reqwest::Method;
use serde_json::json;

use crate::helpers::TestApp;

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

crate::both_backends!(
    unknown_routes_and_ids_are_problem_404s,
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
