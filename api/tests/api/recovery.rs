//! The reset and unlock flow over HTTP, end to end, and the attacks of SECURITY.md that touch it.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Answer, TestApp, USER_PASSWORD};
use crate::support::gateway_requests;

pub(crate) const NEW_PASSWORD: &str = "lanterns drift over quiet harbours";

/// Everyone in scope, `required` methods, email and SMS (and more) on.
pub(crate) async fn policy(app: &TestApp, admin: &str, required: u32) {
    app.set_policy(
        admin,
        json!({"scope": "all", "methods_required": required,
               "methods_enabled": ["email", "mobile_sms", "authenticator_app", "security_questions"]}),
    )
    .await;
}

/// A user with a verified mobile phone (and an email method when `two`).
pub(crate) async fn registered_user(
    app: &TestApp,
    admin: &str,
    name: &str,
    phone: &str,
    two: bool,
) -> (Value, String) {
    let (user, token) = app.signed_in_user(admin, name).await;
    app.register_sms(&token, phone).await;
    if two {
        app.register_email(&token, &format!("{name}@home.example"))
            .await;
    }
    (user, token)
}

pub(crate) fn method<'a>(start: &'a Answer, kind: &str) -> &'a Value {
    start.body["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {:#}", start.body))
}

/// Challenge and verify the SMS method; returns the next token.
pub(crate) async fn pass_sms(app: &TestApp, flow: &Value, token: &str, phone: &str) -> String {
    let m = method_from(flow, "mobile_sms");
    let sent = app
        .flow(flow, token, "challenges", json!({"method_id": m}))
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    let code = app.last_sms_code(phone).await;
    let ok = app
        .flow(flow, token, "verify", json!({"method_id": m, "code": code}))
        .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
    ok.body["flow_token"].as_str().unwrap().to_owned()
}

pub(crate) fn method_from(flow: &Value, kind: &str) -> Value {
    flow["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == kind)
        .unwrap()["method_id"]
        .clone()
}

async fn a_person_resets_with_one_method_and_every_old_session_ends(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (_, session) = registered_user(&app, &admin, "nia", "+14155550201", false).await;

    let start = app.start_flow("nia", "reset_password").await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    assert_eq!(start.body["methods_required"], 1);
    assert_eq!(method(&start, "mobile_sms")["hint"], "+1 ••• ••• ••01");
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    // Nothing secret in the token: anyone can read a JWT.
    let payload = token.split('.').nth(1).unwrap();
    use base64::Engine as _;
    let claims = String::from_utf8(
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    assert!(
        !claims.contains("5550201") && !claims.contains("nia"),
        "{claims}"
    );

    // Finishing before verifying is refused and changes nothing.
    app.flow(
        &flow,
        &token,
        "password",
        json!({"new_password": NEW_PASSWORD}),
    )
    .await
    .assert_problem(403, "verification_incomplete");

    let next = pass_sms(&app, &flow, &token, "+14155550201").await;
    // The token from before the verification is dead everywhere.
    app.flow(
        &flow,
        &token,
        "password",
        json!({"new_password": NEW_PASSWORD}),
    )
    .await
    .assert_problem(401, "unauthenticated");

    let weak = app
        .flow(
            &flow,
            &next,
            "password",
            json!({"new_password": "password1"}),
        )
        .await;
    weak.assert_problem(422, "validation_failed");
    let codes: Vec<&str> = weak.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"too_short")
            && codes.contains(&"common_password")
            && codes.contains(&"too_weak"),
        "{codes:?}"
    );
    let mine = app
        .flow(
            &flow,
            &next,
            "password",
            json!({"new_password": "nia example forever and ever"}),
        )
        .await;
    assert_eq!(mine.body["errors"][0]["code"], "personal_information");
    let reused = app
        .flow(
            &flow,
            &next,
            "password",
            json!({"new_password": USER_PASSWORD}),
        )
        .await;
    assert!(
        reused.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["code"] == "reused"),
        "{:#}",
        reused.body
    );

    let done = app
        .flow(
            &flow,
            &next,
            "password",
            json!({"new_password": NEW_PASSWORD}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert_eq!(done.body, json!({"status": "password_reset"}));
    assert!(
        done.body.get("access_token").is_none(),
        "a reset signs nobody in"
    );
    app.get("/api/v1/me", &session)
        .await
        .assert_problem(401, "unauthenticated");
    app.sign_in("nia", USER_PASSWORD)
        .await
        .assert_problem(401, "invalid_credentials");
    assert_eq!(app.sign_in("nia", NEW_PASSWORD).await.status, 200);
    // A second finish with the same token is refused.
    app.flow(
        &flow,
        &next,
        "password",
        json!({"new_password": "another fine passphrase here"}),
    )
    .await
    .assert_problem(401, "unauthenticated");

    let notices = app.smtp.wait_for("nia@example.com", 2).await;
    let notice = notices
        .iter()
        .find(|m| m.subject().contains("password was reset"))
        .expect("a reset notice");
    assert!(!notice.data.contains(NEW_PASSWORD));
    let rows = app.audit(&admin, "type=recovery").await;
    let types: Vec<&str> = rows.iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "recovery.password_reset",
            "recovery.verified",
            "recovery.challenge_sent",
            "recovery.started"
        ]
    );
    let report = app.get("/api/v1/admin/reports/resets?days=7", &admin).await;
    assert_eq!(report.status, 200, "{:#}", report.body);
    let today = report.body["by_day"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(today["password_resets"], 1);
    assert_eq!(today["started"], 1);
    let sms = report.body["by_method"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "mobile_sms")
        .unwrap()
        .clone();
    assert_eq!(
        (sms["verified"].as_u64(), sms["password_resets"].as_u64()),
        (Some(1), Some(1))
    );
    let registration = app.get("/api/v1/admin/reports/registration", &admin).await;
    assert_eq!(registration.body["users_registered"], 1);
    let metrics = app.metrics().await;
    assert!(
        metrics.contains(
            r#"sspr_recovery_events_total{kind="mobile_sms",outcome="password_reset"} 1"#
        ),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"sspr_recovery_events_total{kind="mobile_sms",outcome="verified"} 1"#),
        "{metrics}"
    );
}

async fn a_locked_account_is_unlocked_without_changing_the_password(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "ola", "+14155550203", false).await;
    for _ in 0..10 {
        app.sign_in("ola", "not my password at all").await;
    }
    app.sign_in("ola", USER_PASSWORD)
        .await
        .assert_problem(401, "account_locked");
    let notice = app
        .smtp
        .wait_for("ola@example.com", 2)
        .await
        .into_iter()
        .find(|m| m.subject().contains("locked"))
        .expect("a lockout notice");
    assert!(
        notice.data.contains(&format!(
            "{}/recover?purpose=unlock_account",
            "http://127.0.0.1:8080"
        )),
        "{}",
        notice.data
    );

    let start = app.start_flow("ola", "unlock_account").await;
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let next = pass_sms(&app, &flow, &token, "+14155550203").await;
    app.flow(
        &flow,
        &next,
        "password",
        json!({"new_password": NEW_PASSWORD}),
    )
    .await
    .assert_problem(409, "wrong_purpose");
    let done = app.flow(&flow, &next, "unlock", Value::Null).await;
    assert_eq!(done.body, json!({"status": "unlocked"}));
    assert_eq!(
        app.sign_in("ola", USER_PASSWORD).await.status,
        200,
        "the old password works again"
    );
    assert_eq!(
        app.audit(&admin, "type=recovery.account_unlocked")
            .await
            .len(),
        1
    );

    app.set_policy(&admin, json!({"unlock_enabled": false}))
        .await;
    app.start_flow("ola", "unlock_account")
        .await
        .assert_problem(403, "unlock_disabled");
}

/// The shape of an answer: keys and types, arrays by their first item. A method's `channels`
/// depend on its kind and are left out (`item_01` checks them kind by kind).
pub(crate) fn shape(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| *k != "channels")
                .map(|(k, v)| (k.clone(), shape(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().take(1).map(shape).collect()),
        Value::String(_) => json!("s"),
        Value::Number(_) => json!(0),
        other => other.clone(),
    }
}

async fn captcha_solutions_work_once_and_cannot_be_forged(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let start = |captcha: Value| {
        app.call(
            Method::POST,
            "/api/v1/recovery/flows",
            None,
            Some(json!({"username": "someone", "purpose": "reset_password", "captcha": captcha})),
        )
    };
    let solution = app.captcha().await;
    assert_eq!(start(json!(solution)).await.status, 201);
    start(json!(solution))
        .await
        .assert_problem(422, "validation_failed");
    assert_eq!(
        start(json!(solution)).await.body["errors"][0]["code"],
        "captcha_invalid"
    );
    start(json!(""))
        .await
        .assert_problem(422, "validation_failed");
    start(json!("bm90IGEgc29sdXRpb24="))
        .await
        .assert_problem(422, "validation_failed");
    // A right-looking payload with our challenge but a wrong number, or someone else's MAC.
    use base64::Engine as _;
    let c = app
        .call(Method::GET, "/api/v1/captcha/challenge", None, None)
        .await
        .body;
    for (number, signature) in [
        (1_000_000u64, c["signature"].clone()),
        (0, json!("k$forged")),
    ] {
        let payload = json!({"algorithm": "SHA-256", "challenge": c["challenge"], "number": number, "salt": c["salt"], "signature": signature});
        let forged = base64::engine::general_purpose::STANDARD.encode(payload.to_string());
        start(json!(forged))
            .await
            .assert_problem(422, "validation_failed");
    }
    // Solved, but too late.
    let late = app.captcha().await;
    app.advance(601);
    start(json!(late))
        .await
        .assert_problem(422, "validation_failed");
    // A refused start spends its solution too: one solution must not test many usernames.
    app.set_policy(&admin, json!({"reveal_ineligible": true}))
        .await;
    let once = app.captcha().await;
    start(json!(once)).await.assert_problem(403, "not_eligible");
    let again = start(json!(once)).await;
    again.assert_problem(422, "validation_failed");
    assert_eq!(again.body["errors"][0]["code"], "captcha_invalid");
    // Public configuration tells the client where the challenges are.
    let public = app
        .call(Method::GET, "/api/v1/config/public", None, None)
        .await;
    assert_eq!(
        public.body["captcha"],
        json!({"kind": "builtin", "challenge_url": "/api/v1/captcha/challenge"})
    );
}

async fn an_expired_flow_accepts_nothing_and_a_new_one_starts_cleanly(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "wyn", "+14155550210", false).await;
    let flow = app.start_flow("wyn", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "mobile_sms");
    app.advance(900 + 10);
    app.flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await
        .assert_problem(401, "unauthenticated");
    let fresh = app.start_flow("wyn", "reset_password").await.body;
    let t = fresh["flow_token"].as_str().unwrap().to_owned();
    let next = pass_sms(&app, &fresh, &t, "+14155550210").await;
    assert_eq!(
        app.flow(
            &fresh,
            &next,
            "password",
            json!({"new_password": NEW_PASSWORD})
        )
        .await
        .status,
        200
    );
}

async fn recently_added_methods_wait_out_the_cool_down(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    app.set_policy(
        &admin,
        json!({"recovery_cooldown_hours": 24, "confirm_full_destination": true}),
    )
    .await;
    // The first set counts at once; a method added after it is a change, held back.
    let (_, token) = app.signed_in_user(&admin, "xia").await;
    app.register_email(&token, "xia@home.example").await;
    app.register_sms(&token, "+14155550211").await;
    let listed = app.get("/api/v1/me/methods", &token).await.body;
    for item in listed["items"].as_array().unwrap() {
        match item["kind"].as_str().unwrap() {
            "email" => assert_eq!(item["recovery_from"], Value::Null, "{item}"),
            _ => assert!(item["recovery_from"].is_string(), "{item}"),
        }
    }
    let early = app.start_flow("xia", "reset_password").await;
    assert_eq!(early.status, 201);
    assert!(
        early.body["methods"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| !m["hint"].as_str().unwrap().ends_with("11") || m["kind"] != "mobile_sms")
    );
    let flow = early.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let sms = flow["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "mobile_sms")
        .cloned();
    if let Some(m) = sms {
        // The decoy's phone: nothing is ever sent there.
        app.flow(
            &flow,
            &token,
            "challenges",
            json!({"method_id": m["method_id"], "confirm": "+14155550211"}),
        )
        .await;
    }
    assert_eq!(
        gateway_requests(&app.gateway, "Messages.json", "+14155550211")
            .await
            .len(),
        1,
        "only the registration code"
    );

    app.advance(24 * 3600);
    let later = app.start_flow("xia", "reset_password").await.body;
    let offered = later["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "mobile_sms")
        .unwrap()
        .clone();
    assert_eq!(
        offered["hint"], "+1 ••• ••• ••11",
        "offered once the cool-down is over"
    );
    let token = later["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&later, "mobile_sms");
    let wrong = app
        .flow(
            &later,
            &token,
            "challenges",
            json!({"method_id": m, "confirm": "+1 415 555 0299"}),
        )
        .await;
    assert_eq!(wrong.fields(), ["confirm"]);
    assert_eq!(wrong.body["errors"][0]["code"], "destination_mismatch");
    let right = app
        .flow(
            &later,
            &token,
            "challenges",
            json!({"method_id": m, "confirm": "+1 (415) 555-0211"}),
        )
        .await;
    assert_eq!(right.status, 202, "{:#}", right.body);
}

async fn security_questions_are_asked_and_reshuffled_after_a_miss(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["security_questions", "email"],
               "security_questions": {"register_count": 4, "reset_count": 3, "custom_questions": []}}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "yan").await;
    let catalogue = app
        .get("/api/v1/me/security-questions/catalog", &token)
        .await
        .body;
    let ids: Vec<Value> = catalogue["questions"]
        .as_array()
        .unwrap()
        .iter()
        .take(4)
        .map(|q| q["question_id"].clone())
        .collect();
    let answers = ["Lisbon", "Rex the dog", "Blue Volvo", "Elm Street"];
    let body: Vec<Value> = ids
        .iter()
        .zip(answers)
        .map(|(id, a)| json!({"question_id": id, "answer": a}))
        .collect();
    assert_eq!(
        app.put(
            "/api/v1/me/security-questions",
            &token,
            json!({"answers": body})
        )
        .await
        .status,
        200
    );
    let answer_for = |q: &Value| answers[ids.iter().position(|id| id == q).unwrap()];

    let flow = app.start_flow("yan", "reset_password").await.body;
    let t = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "security_questions");
    let asked = app
        .flow(&flow, &t, "challenges", json!({"method_id": m}))
        .await;
    assert_eq!(asked.status, 202, "{:#}", asked.body);
    let questions = asked.body["questions"].as_array().unwrap().clone();
    assert_eq!(questions.len(), 3);
    let mut given: Vec<Value> = questions
        .iter()
        .map(|q| json!({"question_id": q["question_id"], "answer": answer_for(&q["question_id"])}))
        .collect();
    given[0]["answer"] = json!("wrong answer");
    app.flow(
        &flow,
        &t,
        "verify",
        json!({"method_id": m, "answers": given}),
    )
    .await
    .assert_problem(422, "wrong_answers");
    // After a miss the old questions are gone; a new challenge asks again.
    app.flow(
        &flow,
        &t,
        "verify",
        json!({"method_id": m, "answers": given}),
    )
    .await
    .assert_problem(422, "questions_not_asked");
    let asked = app
        .flow(&flow, &t, "challenges", json!({"method_id": m}))
        .await
        .body["questions"]
        .as_array()
        .unwrap()
        .clone();
    let right: Vec<Value> = asked.iter().map(|q| json!({"question_id": q["question_id"], "answer": format!("  {} ", answer_for(&q["question_id"]).to_uppercase())})).collect();
    let ok = app
        .flow(
            &flow,
            &t,
            "verify",
            json!({"method_id": m, "answers": right}),
        )
        .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
}

async fn a_captcha_provider_is_asked_through_siteverify(app: TestApp) {
    use wiremock::matchers::{body_string_contains, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let provider = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/siteverify"))
        .and(body_string_contains("secret=provider-secret"))
        .and(body_string_contains("response=good-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"success": true})))
        .mount(&provider)
        .await;
    Mock::given(method("POST"))
        .and(path("/siteverify"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"success": false, "error-codes": ["invalid-input-response"]}),
            ),
        )
        .mount(&provider)
        .await;
    let url = format!("{}/siteverify", provider.uri());
    let turnstile = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[
            ("captcha", "turnstile"),
            ("captcha_secret", "provider-secret"),
            ("captcha_site_key", "site-key-1"),
            ("captcha_verify_url", &url),
        ],
    )
    .await;
    let start = |token: &'static str| {
        turnstile.call(
            Method::POST,
            "/api/v1/recovery/flows",
            None,
            Some(json!({"username": "anyone", "purpose": "reset_password", "captcha": token})),
        )
    };
    assert_eq!(start("good-token").await.status, 201);
    start("bad-token")
        .await
        .assert_problem(422, "validation_failed");
    let public = turnstile
        .call(Method::GET, "/api/v1/config/public", None, None)
        .await;
    assert_eq!(
        public.body["captcha"],
        json!({"kind": "turnstile", "site_key": "site-key-1"})
    );
    assert!(!public.body.to_string().contains("provider-secret"));
}

crate::both_backends!(
    a_person_resets_with_one_method_and_every_old_session_ends,
    a_locked_account_is_unlocked_without_changing_the_password,
    captcha_solutions_work_once_and_cannot_be_forged,
    an_expired_flow_accepts_nothing_and_a_new_one_starts_cleanly,
    recently_added_methods_wait_out_the_cool_down,
    security_questions_are_asked_and_reshuffled_after_a_miss,
    a_captcha_provider_is_asked_through_siteverify,
);
