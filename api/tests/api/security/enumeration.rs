//! Enumeration (SECURITY.md 1–3): nothing in an answer tells a real, registered account from
//! an unknown, disabled, locked, out-of-scope or unregistered one.

use serde_json::json;

use crate::helpers::TestApp;
use crate::recovery::{method, policy, registered_user, shape};

async fn item_01_unknown_and_ineligible_usernames_get_the_same_answer(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "pia", "+14155550204", false).await;
    app.create_user(&admin, "quin").await; // no methods
    let real = app.start_flow("pia", "reset_password").await;
    let unknown = app.start_flow("nobody-at-all", "reset_password").await;
    let unregistered = app.start_flow("quin", "reset_password").await;
    for a in [&real, &unknown, &unregistered] {
        assert_eq!(a.status, 201, "{:#}", a.body);
        assert_eq!(shape(&a.body), shape(&real.body));
        for m in a.body["methods"].as_array().unwrap() {
            let channels = m["channels"].as_array().map_or(0, Vec::len);
            match m["kind"].as_str().unwrap() {
                "email" | "mobile_sms" | "mobile_voice" | "office_voice" => {
                    assert!(channels >= 1, "{m}")
                }
                _ => assert!(m.get("channels").is_none(), "{m}"),
            }
        }
        let header = a.body["flow_token"]
            .as_str()
            .unwrap()
            .split('.')
            .next()
            .unwrap()
            .to_owned();
        assert_eq!(
            header,
            real.body["flow_token"]
                .as_str()
                .unwrap()
                .split('.')
                .next()
                .unwrap()
        );
    }
    // Decoys are stable for a username.
    let again = app.start_flow("nobody-at-all", "reset_password").await;
    assert_eq!(again.body["methods"], unknown.body["methods"]);
    // A decoy challenge answers like a real one, and its codes never verify.
    let flow = unknown.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = &flow["methods"][0];
    let sent = app
        .flow(
            &flow,
            &token,
            "challenges",
            json!({"method_id": m["method_id"]}),
        )
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    if m["kind"] == "email" || m["kind"] == "mobile_sms" {
        assert_eq!(
            sent.body,
            json!({"kind": m["kind"], "expires_in": 600, "resend_after": 60})
        );
        let wrong = app
            .flow(
                &flow,
                &token,
                "verify",
                json!({"method_id": m["method_id"], "code": "123456"}),
            )
            .await;
        wrong.assert_problem(422, "invalid_code");
        assert_eq!(wrong.body["attempts_left"], 4);
        app.flow(
            &flow,
            &token,
            "challenges",
            json!({"method_id": m["method_id"]}),
        )
        .await
        .assert_problem(429, "throttled");
    }
    assert!(app.smtp.mails_to("nobody-at-all@example.com").is_empty());

    // When the policy reveals ineligibility, the answer says why and where to get help.
    app.set_policy(&admin, json!({"reveal_ineligible": true, "customization": {"helpdesk_url": "https://help.example.com/", "helpdesk_email": null}})).await;
    let told = app.start_flow("nobody-at-all", "reset_password").await;
    told.assert_problem(403, "not_eligible");
    assert_eq!(told.body["reason"], "unknown_user");
    assert_eq!(
        told.body["helpdesk"]["helpdesk_url"],
        "https://help.example.com/"
    );
    assert_eq!(
        app.start_flow("quin", "reset_password").await.body["reason"],
        "not_registered"
    );
    assert_eq!(app.start_flow("pia", "reset_password").await.status, 201);
}

/// A challenge for a real method and for a decoy's method of the same kind, compared.
async fn challenge_both(
    app: &TestApp,
    real: &str,
    kind: &str,
) -> (serde_json::Value, serde_json::Value) {
    let mut answers = Vec::new();
    for name in [real, "nobody-here-at-all"] {
        let start = app.start_flow(name, "reset_password").await;
        assert_eq!(start.status, 201, "{:#}", start.body);
        let token = start.body["flow_token"].as_str().unwrap().to_owned();
        let id = method(&start, kind)["method_id"].clone();
        let sent = app
            .flow(&start.body, &token, "challenges", json!({"method_id": id}))
            .await;
        answers.push((start, sent));
    }
    let (decoy_start, decoy) = answers.pop().unwrap();
    let (real_start, real) = answers.pop().unwrap();
    assert_eq!(shape(&real_start.body), shape(&decoy_start.body));
    assert_eq!(
        real.status, decoy.status,
        "{:#} / {:#}",
        real.body, decoy.body
    );
    assert_eq!(real.status, 202, "{:#}", real.body);
    (real.body, decoy.body)
}

async fn item_03_with_the_mail_server_or_gateway_down_a_real_account_answers_like_an_unknown_one(
    app: TestApp,
) {
    use wiremock::matchers::{body_string_contains, method as http_method};
    use wiremock::{Mock, ResponseTemplate};
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (_, token) = app.signed_in_user(&admin, "bea").await;
    app.register_email(&token, "bea@home.example").await;
    let (_, token) = app.signed_in_user(&admin, "cal").await;
    app.register_sms(&token, "+14155550301").await;

    // The mail server is gone: starting and asking for an email code answer as for anyone.
    let stored = crate::methods::stored_codes(&app).await.len();
    app.smtp.stop();
    app.set_policy(&admin, json!({"methods_enabled": ["email"]}))
        .await;
    let (real, decoy) = challenge_both(&app, "bea", "email").await;
    assert_eq!(real, decoy);
    // The code that could not be sent was withdrawn: nothing counts against the person.
    assert_eq!(crate::methods::stored_codes(&app).await.len(), stored);

    // The gateway fails: the same for a text message.
    Mock::given(http_method("POST"))
        .and(body_string_contains("To=%2B14155550301"))
        .respond_with(ResponseTemplate::new(503))
        .with_priority(1)
        .mount(&app.gateway)
        .await;
    app.set_policy(&admin, json!({"methods_enabled": ["mobile_sms"]}))
        .await;
    let (real, decoy) = challenge_both(&app, "cal", "mobile_sms").await;
    assert_eq!(real, decoy);
    assert_eq!(crate::methods::stored_codes(&app).await.len(), stored);
    // The operator sees the failures — the decoy's too: it fared as the real send before it
    // did, so the counters say nothing about who exists.
    let metrics = app.metrics().await;
    assert!(
        metrics.contains(r#"sspr_code_delivery_failures_total{channel="email"} 2"#),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"sspr_code_delivery_failures_total{channel="sms"} 2"#),
        "{metrics}"
    );
}

/// Item 2, the part a test can check: a real account's challenge does not wait for delivery
/// (a decoy sends nothing, so waiting would be a timing signal). The mail server here accepts
/// connections and never answers; the challenge is answered while the send is still running.
/// The timing comparison itself is measured by the benchmark (docs/PERFORMANCE.md).
async fn item_02_a_challenge_never_waits_for_the_mail_server(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (_, token) = app.signed_in_user(&admin, "dov").await;
    app.register_email(&token, "dov@home.example").await;
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = silent.local_addr().unwrap().port();
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = silent.accept().await {
            open.push(stream);
        }
    });
    let stalled = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[("smtp_url", &format!("smtp://127.0.0.1:{port}"))],
    )
    .await;
    let start = stalled.start_flow("dov", "reset_password").await;
    let token = start.body["flow_token"].as_str().unwrap().to_owned();
    let id = method(&start, "email")["method_id"].clone();
    // `step`, not `flow`: the harness's `flow` waits for sends, and this one never ends.
    let sent = stalled
        .step(&start.body, &token, "challenges", json!({"method_id": id}))
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    assert_eq!(
        stalled.ctx.delivery.in_flight.running(),
        1,
        "answered while the email is still being sent"
    );
    held.abort();
}

crate::both_backends!(
    item_01_unknown_and_ineligible_usernames_get_the_same_answer,
    item_02_a_challenge_never_waits_for_the_mail_server,
    item_03_with_the_mail_server_or_gateway_down_a_real_account_answers_like_an_unknown_one,
);
