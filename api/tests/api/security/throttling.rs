//! Throttling and pumping (SECURITY.md 21–23).

use serde_json::json;

use crate::helpers::{TestApp, USER_PASSWORD};
use crate::methods::open_policy;
use crate::recovery::policy;
use crate::support::gateway_requests;

async fn item_22_many_starts_from_one_address_are_throttled(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let strict =
        crate::helpers::spawn_on(app.db.clone(), app.backend, &[("flow_starts_per_ip", "3")]).await;
    for i in 0..3 {
        assert_eq!(
            strict
                .start_flow(&format!("user{i}"), "reset_password")
                .await
                .status,
            201
        );
    }
    let fourth = strict.start_flow("user9", "reset_password").await;
    fourth.assert_problem(429, "throttled");
    assert!(fourth.header("retry-after").is_some());
}

async fn item_23_a_number_gets_at_most_its_hourly_budget_whoever_asks(app: TestApp) {
    let admin = app.admin_token().await;
    let tight = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[("phone_sends_per_hour", "2")],
    )
    .await;
    open_policy(&tight, &admin).await;
    let mut answers = Vec::new();
    for name in ["zed", "zoe", "zak"] {
        let (_, token) = tight.signed_in_user(&admin, name).await;
        answers.push(
            tight
                .post(
                    "/api/v1/me/methods",
                    &token,
                    json!({"kind": "mobile_sms", "phone": "+14155550199"}),
                )
                .await,
        );
    }
    assert_eq!(answers[0].status, 201);
    assert_eq!(answers[1].status, 201);
    answers[2].assert_problem(429, "throttled");
    assert!(
        answers[2]
            .header("retry-after")
            .unwrap()
            .parse::<u64>()
            .unwrap()
            > 3500
    );
    assert_eq!(
        gateway_requests(&tight.gateway, "Messages.json", "+14155550199")
            .await
            .len(),
        2
    );

    // And an account gets at most its budget, whatever numbers it asks for.
    let (_, token) = tight.signed_in_user(&admin, "zia").await;
    for (i, phone) in ["+14155550181", "+14155550182", "+14155550183"]
        .iter()
        .enumerate()
    {
        let a = tight
            .post(
                "/api/v1/me/methods",
                &token,
                json!({"kind": "mobile_sms", "phone": phone}),
            )
            .await;
        if i < 2 {
            assert_eq!(a.status, 201, "{:#}", a.body);
            tight.advance(61);
        } else {
            a.assert_problem(429, "throttled");
        }
    }
}

/// Reset spam against one account: the answers stay the ones an unknown name gets, messages
/// stop at the budget, and the person can still sign in.
async fn item_21_reset_spam_never_locks_the_victim_out(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    crate::recovery::registered_user(&app, &admin, "ava", "+14155550361", false).await;
    // One kind on offer, so that the decoy offers what the real account has.
    app.set_policy(&admin, json!({"methods_enabled": ["mobile_sms"]}))
        .await;
    // Many addresses would be used by a real attacker; the per-address limit is lifted here.
    let open = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[("flow_starts_per_ip", "1000")],
    )
    .await;
    // An hour later: the registration's own text message is out of the budget's window.
    open.advance(3601);
    let before = gateway_requests(&app.gateway, "Messages.json", "+14155550361")
        .await
        .len();
    let mut real = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..12 {
        for (name, answers) in [("ava", &mut real), ("nobody-called-ava", &mut unknown)] {
            let start = open.start_flow(name, "reset_password").await;
            let mut seen = vec![start.status.as_u16()];
            if start.status == 201 {
                let token = start.body["flow_token"].as_str().unwrap().to_owned();
                let m = start.body["methods"][0]["method_id"].clone();
                let sent = open
                    .flow(&start.body, &token, "challenges", json!({"method_id": m}))
                    .await;
                seen.push(sent.status.as_u16());
            }
            answers.push(seen);
        }
    }
    assert_eq!(
        real, unknown,
        "the same answers for a real and an unknown name"
    );
    assert!(
        real.iter().any(|s| s[0] == 429),
        "starts are capped per name: {real:?}"
    );
    let sent = gateway_requests(&open.gateway, "Messages.json", "+14155550361")
        .await
        .len()
        + gateway_requests(&app.gateway, "Messages.json", "+14155550361")
            .await
            .len()
        - before;
    assert!(sent <= 5, "messages stop at the hourly budget: {sent}");
    assert_eq!(app.sign_in("ava", USER_PASSWORD).await.status, 200);
}

crate::both_backends!(
    item_21_reset_spam_never_locks_the_victim_out,
    item_22_many_starts_from_one_address_are_throttled,
    item_23_a_number_gets_at_most_its_hourly_budget_whoever_asks,
);
