use crate::helpers::TestApp;
use reqwest::Method;

async fn health_reports_the_database_and_backend(app: TestApp) {
    let a = app.call(Method::GET, "/api/v1/health", None, None).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body["status"], "ok");
    assert_eq!(a.body["database"], "ok");
    let expected = match app.backend {
        crate::helpers::Backend::Sqlite => "sqlite",
        crate::helpers::Backend::Postgres => "postgres",
    };
    assert_eq!(a.body["backend"], expected);
    assert!(
        a.header("x-request-id").is_some(),
        "every answer carries its request id"
    );
}

async fn the_explorer_is_served_without_a_cdn(app: TestApp) {
    let res = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(
        !html.contains("https://"),
        "the explorer must load nothing from the internet"
    );
    let js = app
        .client
        .get(app.url("/docs/swagger-ui-bundle.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(js.status(), 200);
    let redirect = app.client.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(redirect.status(), 302);
}

crate::both_backends!(
    health_reports_the_database_and_backend,
    the_explorer_is_served_without_a_cdn,
    metrics_count_requests_by_route_and_recovery_by_method,
);

async fn metrics_count_requests_by_route_and_recovery_by_method(app: TestApp) {
    assert_eq!(
        app.call(Method::GET, "/api/v1/health/live", None, None)
            .await
            .status,
        200
    );
    let ready = app
        .call(Method::GET, "/api/v1/health/ready", None, None)
        .await;
    assert_eq!(ready.status, 200);
    assert_eq!(ready.body["database"], "ok");
    let admin = app.admin_token().await;
    let id = uuid::Uuid::new_v4();
    app.get(&format!("/api/v1/admin/users/{id}"), &admin).await;
    let text = app.metrics().await;
    assert!(text.contains("sspr_http_requests_total{"), "{text}");
    assert!(
        text.contains(r#"route="/api/v1/admin/users/{user_id}""#),
        "route patterns, not paths: {text}"
    );
    assert!(!text.contains(&id.to_string()), "no ids in labels");
    assert!(text.contains("sspr_hash_queue_depth 0"));
    assert!(text.contains("sspr_outbox_depth"));
    assert!(text.contains("sspr_http_request_duration_seconds_bucket"));
}
