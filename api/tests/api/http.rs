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
    another_method_on_a_documented_path_is_405_with_allow,
    a_json_array_is_refused_where_an_object_is_expected,
    nul_characters_are_refused_and_change_nothing,
);

async fn another_method_on_a_documented_path_is_405_with_allow(app: TestApp) {
    let admin = app.admin_token().await;
    let cases = [
        (Method::DELETE, "/api/v1/health", "GET"),
        (Method::PUT, "/api/v1/admin/users", "GET, POST"),
        (
            Method::POST,
            "/api/v1/admin/users/0190a1b2-0000-7000-8000-000000000000",
            "GET, DELETE, PATCH",
        ),
        // A literal path that a parameter route of another method also matches.
        (Method::DELETE, "/api/v1/me/methods/confirm", "POST"),
    ];
    for (method, path, allow) in cases {
        let answer = app.call(method.clone(), path, Some(&admin), None).await;
        answer.assert_problem(405, "method_not_allowed");
        assert_eq!(answer.header("allow"), Some(allow), "{method} {path}");
    }
    // A malformed id on a method the path has is still "no such resource".
    app.delete("/api/v1/admin/users/not-a-uuid", &admin)
        .await
        .assert_problem(404, "not_found");
}

async fn a_json_array_is_refused_where_an_object_is_expected(app: TestApp) {
    let admin = app.admin_token().await;
    let group = app
        .post(
            "/api/v1/admin/groups",
            &admin,
            json!({"name": "Finance", "description": "money people"}),
        )
        .await;
    let path = format!(
        "/api/v1/admin/groups/{}",
        group.body["group_id"].as_str().unwrap()
    );
    // serde would read this as {name: null, description: null}: "clear the description".
    let answer = app.patch(&path, &admin, json!([null, null])).await;
    answer.assert_problem(422, "validation_failed");
    assert_eq!(answer.body["errors"][0]["code"], "invalid_type");
    let after = app.get(&path, &admin).await;
    assert_eq!(after.body["description"], "money people");
    // Inside a body too: a section of the policy given as an array of its fields.
    let mut policy = app.get("/api/v1/admin/policy", &admin).await.body;
    policy["customization"] = json!([null, null]);
    let answer = app
        .post("/api/v1/admin/policy/impact", &admin, policy)
        .await;
    answer.assert_problem(422, "validation_failed");
    assert_eq!(answer.fields(), ["customization"]);
}

async fn nul_characters_are_refused_and_change_nothing(app: TestApp) {
    let admin = app.admin_token().await;
    let before = app.get("/api/v1/admin/users", &admin).await.body["total"].clone();
    let answer = app
        .post(
            "/api/v1/admin/users",
            &admin,
            json!({"username": "nul.person", "display_name": "Nul\u{0}Person", "email": "nul@example.org"}),
        )
        .await;
    answer.assert_problem(422, "validation_failed");
    assert_eq!(answer.fields(), ["display_name"]);
    assert_eq!(answer.body["errors"][0]["code"], "invalid_character");
    assert_eq!(
        app.get("/api/v1/admin/users", &admin).await.body["total"],
        before
    );

    // Nested, in a list: the dotted path names it.
    let policy = app.get("/api/v1/admin/policy", &admin).await;
    let version = policy.header("etag").unwrap().to_owned();
    let mut changed = policy.body.clone();
    changed["password"]["banned_words"] = json!(["acme", "in\u{0}side"]);
    let answer = app.put("/api/v1/admin/policy", &admin, changed).await;
    answer.assert_problem(422, "validation_failed");
    assert_eq!(answer.fields(), ["password.banned_words.1"]);
    let now = app.get("/api/v1/admin/policy", &admin).await;
    assert_eq!(now.header("etag"), Some(version.as_str()));

    app.get("/api/v1/admin/users?search=a%00b", &admin)
        .await
        .assert_problem(422, "validation_failed");
}

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
    // actix-files answers other methods on the app's paths with 405 itself.
    let post = web
        .call(Method::POST, "/recover", None, Some(json!({})))
        .await;
    assert!(post.status == 404 || post.status == 405, "{}", post.status);
    let post = web.call(Method::POST, "/api/v1/health", None, None).await;
    post.assert_problem(405, "method_not_allowed");
    assert_eq!(post.header("allow"), Some("GET"));
    // Every API answer carries the headers too.
    let health = web.call(Method::GET, "/api/v1/health", None, None).await;
    assert_eq!(health.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(health.header("x-frame-options"), Some("DENY"));
}
