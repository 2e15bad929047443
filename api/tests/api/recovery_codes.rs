//! Recovery codes over HTTP: generated once, each good for one reset or step-up, a new set ends
//! the old one, and one code used twice at once passes once.

use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::recovery::{NEW_PASSWORD, method_from};
use crate::support::Mail;

/// Waits (up to 10 s) until `count` messages to `address` say `words` (in the subject or the
/// text), and returns them.
pub(crate) async fn mails_saying(
    app: &TestApp,
    address: &str,
    words: &str,
    count: usize,
) -> Vec<Mail> {
    for _ in 0..500 {
        let mails: Vec<Mail> = app
            .smtp
            .mails_to(address)
            .into_iter()
            .filter(|m| m.subject().contains(words) || m.text().contains(words))
            .collect();
        if mails.len() >= count {
            return mails;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("{count} message(s) to {address} saying {words:?} did not arrive");
}

/// Everyone in scope, one method, recovery codes on, no cool-down (a change counts at once).
async fn policy(app: &TestApp, admin: &str) {
    app.set_policy(
        admin,
        json!({"scope": "all", "methods_required": 1, "recovery_cooldown_hours": 0,
               "methods_enabled": ["email", "mobile_sms", "recovery_codes"]}),
    )
    .await;
}

/// Generates a set for a signed-in person (stepping up when asked): the answer.
async fn generate(app: &TestApp, token: &str) -> Value {
    let added = app
        .add_method(token, json!({"kind": "recovery_codes"}))
        .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    added.body
}

fn codes_of(added: &Value) -> Vec<String> {
    added["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect()
}

async fn codes_left(app: &TestApp, token: &str) -> Value {
    let list = app.get("/api/v1/me/methods", token).await;
    list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "recovery_codes")
        .map_or(Value::Null, |m| m["codes_left"].clone())
}

/// A started reset for `name`, challenged on its recovery codes: (flow, token, method id).
async fn flow_at_codes(app: &TestApp, name: &str) -> (Value, String, Value) {
    let start = app.start_flow(name, "reset_password").await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "recovery_codes");
    let asked = app
        .flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await;
    assert_eq!(asked.status, 202, "{:#}", asked.body);
    assert_eq!(asked.body, json!({"kind": "recovery_codes"}));
    (flow, token, m)
}

async fn recovery_codes_work_once_each_and_a_new_set_ends_the_old(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin).await;
    let (_, session) = app.signed_in_user(&admin, "rhea").await;
    app.register_sms(&session, "+14155550301").await;
    let added = generate(&app, &session).await;
    assert_eq!(added["kind"], "recovery_codes");
    assert_eq!(added["status"], "active");
    let codes = codes_of(&added);
    assert_eq!(codes.len(), 10);
    for code in &codes {
        let (a, rest) = code.split_at(4);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()), "{code}");
        assert!(rest.starts_with('-') && rest.len() == 8, "{code}");
    }
    assert_eq!(codes_left(&app, &session).await, 10);
    mails_saying(&app, "rhea@example.com", "recovery codes generated", 1).await;

    // A wrong code is refused and counted; a right one (typed in capitals, without dashes)
    // passes, the person is told, and the reset finishes.
    let (flow, token, m) = flow_at_codes(&app, "rhea").await;
    app.flow(
        &flow,
        &token,
        "verify",
        json!({"method_id": m, "code": "2222-2222-22"}),
    )
    .await
    .assert_problem(422, "recovery_code_invalid");
    let typed = codes[0].replace('-', "").to_uppercase();
    let ok = app
        .flow(
            &flow,
            &token,
            "verify",
            json!({"method_id": m, "code": typed}),
        )
        .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
    assert_eq!(ok.body["methods_remaining"], 0);
    let next = ok.body["flow_token"].as_str().unwrap();
    let done = app
        .flow(
            &flow,
            next,
            "password",
            json!({"new_password": NEW_PASSWORD}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    let used = mails_saying(&app, "rhea@example.com", "recovery code was used", 1).await;
    let notice = &used[0];
    assert!(notice.text().contains("9 of your 10"), "{}", notice.text());
    assert!(!notice.data.contains(&codes[0]));
    let session = app.token("rhea", NEW_PASSWORD).await;
    assert_eq!(codes_left(&app, &session).await, 9);

    // The same code again: refused.
    let (flow, token, m) = flow_at_codes(&app, "rhea").await;
    app.flow(
        &flow,
        &token,
        "verify",
        json!({"method_id": m, "code": codes[0]}),
    )
    .await
    .assert_problem(422, "recovery_code_invalid");

    // A new set: every old code stops working, the new ones work.
    let renewed = generate(&app, &session).await;
    let fresh = codes_of(&renewed);
    assert_ne!(renewed["method_id"], added["method_id"]);
    assert_eq!(codes_left(&app, &session).await, 10);
    let (flow, token, m) = flow_at_codes(&app, "rhea").await;
    app.flow(
        &flow,
        &token,
        "verify",
        json!({"method_id": m, "code": codes[1]}),
    )
    .await
    .assert_problem(422, "recovery_code_invalid");
    let ok = app
        .flow(
            &flow,
            &token,
            "verify",
            json!({"method_id": m, "code": fresh[1]}),
        )
        .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);

    // No code reaches the audit trail, and none is stored in clear.
    let rows = app.audit(&admin, "").await;
    let trail = serde_json::to_string(&rows).unwrap();
    let user_id = app.get("/api/v1/me", &session).await.body["user_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let stored = app
        .ctx
        .store
        .read(move |conn| sspr::store::methods::for_user(conn, &user_id))
        .await
        .unwrap();
    let stored = serde_json::to_string(
        &stored
            .iter()
            .map(|r| r.data.clone())
            .collect::<Vec<String>>(),
    )
    .unwrap();
    for code in codes.iter().chain(&fresh) {
        let bare = code.replace('-', "");
        assert!(!trail.contains(code) && !trail.contains(&bare), "{code}");
        assert!(!stored.contains(code) && !stored.contains(&bare), "{code}");
    }
}

async fn one_code_used_twice_at_once_passes_once(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin).await;
    let (_, session) = app.signed_in_user(&admin, "theo").await;
    app.register_sms(&session, "+14155550302").await;
    let added = generate(&app, &session).await;
    let (m, codes) = (added["method_id"].clone(), codes_of(&added));
    // A reset and a step-up (a person has one live reset at a time) race with one code, three
    // times over: each time exactly one of them passes.
    for (round, code) in codes.iter().take(3).enumerate() {
        let (flow, token, offered) = flow_at_codes(&app, "theo").await;
        let in_reset = app.api.step(
            &flow,
            &token,
            "verify",
            json!({"method_id": offered, "code": code}),
        );
        let in_step_up = app.post(
            "/api/v1/me/step-up",
            &session,
            json!({"method_id": m, "code": code}),
        );
        let (one, two) = tokio::join!(in_reset, in_step_up);
        let mut statuses = [one.status.as_u16(), two.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(
            statuses,
            [200, 422],
            "round {round}: {:#} {:#}",
            one.body,
            two.body
        );
        let refused = if one.status == 422 { one } else { two };
        refused.assert_problem(422, "recovery_code_invalid");
        assert_eq!(codes_left(&app, &session).await, 9 - round as u64);
    }
}

async fn codes_prove_a_step_up_and_few_left_are_told(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin).await;
    let (_, session) = app.signed_in_user(&admin, "ines").await;
    app.register_sms(&session, "+14155550303").await;
    let added = generate(&app, &session).await;
    let (m, codes) = (added["method_id"].clone(), codes_of(&added));
    // A step-up with a recovery code: nothing to send, the code proves it.
    let asked = app
        .post(
            "/api/v1/me/step-up/challenges",
            &session,
            json!({"method_id": m}),
        )
        .await;
    assert_eq!(asked.status, 202, "{:#}", asked.body);
    for (i, code) in codes.iter().take(7).enumerate() {
        let proved = app
            .post(
                "/api/v1/me/step-up",
                &session,
                json!({"method_id": m, "code": code}),
            )
            .await;
        assert_eq!(proved.status, 200, "code {i}: {:#}", proved.body);
    }
    app.post(
        "/api/v1/me/step-up",
        &session,
        json!({"method_id": m, "code": codes[0]}),
    )
    .await
    .assert_problem(422, "recovery_code_invalid");
    assert_eq!(codes_left(&app, &session).await, 3);
    // Seven used, seven notices; the one at three left says to generate a new set.
    let used = mails_saying(&app, "ines@example.com", "recovery code was used", 7).await;
    assert_eq!(used.len(), 7);
    assert!(
        used.iter()
            .any(|m| m.text().contains("3 of your 10") && m.text().contains("Generate a new set"))
    );
    assert!(
        !used
            .iter()
            .any(|m| m.text().contains("4 of your 10") && m.text().contains("Generate a new set"))
    );
}

async fn administrators_use_codes_only_when_the_policy_allows(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin).await;
    app.post(
        "/api/v1/me/methods",
        &admin,
        json!({"kind": "recovery_codes"}),
    )
    .await
    .assert_problem(403, "not_allowed_for_administrators");
    app.set_policy(
        &admin,
        json!({"recovery_codes": {"allow_administrators": true}}),
    )
    .await;
    let added = app
        .post(
            "/api/v1/me/methods",
            &admin,
            json!({"kind": "recovery_codes"}),
        )
        .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    // A field the kind does not take is refused and nothing is generated.
    app.post(
        "/api/v1/me/methods",
        &admin,
        json!({"kind": "recovery_codes", "email": "a@example.com"}),
    )
    .await
    .assert_problem(422, "validation_failed");
}

crate::both_backends!(
    recovery_codes_work_once_each_and_a_new_set_ends_the_old,
    one_code_used_twice_at_once_passes_once,
    codes_prove_a_step_up_and_few_left_are_told,
    administrators_use_codes_only_when_the_policy_allows,
);
