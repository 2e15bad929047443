//! After a reset (SECURITY.md 34–35).

use serde_json::json;

use crate::helpers::{TestApp, USER_PASSWORD};
use crate::recovery::{pass_sms, policy, registered_user};

async fn reset(app: &TestApp, name: &str, phone: &str, password: &str) -> crate::helpers::Answer {
    let flow = app.start_flow(name, "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let next = pass_sms(app, &flow, &token, phone).await;
    app.flow(&flow, &next, "password", json!({"new_password": password}))
        .await
}

async fn item_34_every_older_session_ends_and_the_reset_signs_nobody_in(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (_, first) = registered_user(&app, &admin, "yan", "+14155550351", false).await;
    let second = app.token("yan", USER_PASSWORD).await;
    let done = reset(
        &app,
        "yan",
        "+14155550351",
        "after the reset nothing old works",
    )
    .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert_eq!(
        done.body,
        json!({"status": "password_reset"}),
        "no token, no session"
    );
    assert!(done.header("set-cookie").is_none(), "no cookie either");
    for session in [&first, &second] {
        app.get("/api/v1/me", session)
            .await
            .assert_problem(401, "unauthenticated");
    }
    assert_eq!(
        app.sign_in("yan", "after the reset nothing old works")
            .await
            .status,
        200
    );
}

async fn item_35_the_notice_goes_to_the_stored_address_and_holds_no_secret(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "zoe", "+14155550352", false).await;
    let flow = app.start_flow("zoe", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let next = pass_sms(&app, &flow, &token, "+14155550352").await;
    let code = app.last_sms_code("+14155550352").await;
    // The request cannot name an address: unknown fields are refused.
    let redirected = app
        .flow(
            &flow,
            &next,
            "password",
            json!({"new_password": "the notice holds no secret", "email": "attacker@evil.example"}),
        )
        .await;
    redirected.assert_problem(422, "validation_failed");
    let done = app
        .flow(
            &flow,
            &next,
            "password",
            json!({"new_password": "the notice holds no secret"}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    let mut notices = Vec::new();
    for _ in 0..250 {
        notices = app
            .smtp
            .mails_to("zoe@example.com")
            .into_iter()
            .filter(|m| m.subject().contains("password was reset"))
            .collect();
        if !notices.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(notices.len(), 1);
    for secret in [
        "the notice holds no secret",
        code.as_str(),
        token.as_str(),
        next.as_str(),
    ] {
        assert!(!notices[0].data.contains(secret), "{secret}");
    }
    assert!(app.smtp.mails_to("attacker@evil.example").is_empty());
}

crate::both_backends!(
    item_34_every_older_session_ends_and_the_reset_signs_nobody_in,
    item_35_the_notice_goes_to_the_stored_address_and_holds_no_secret,
);
