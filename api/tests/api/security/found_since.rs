//! "Found since" (SECURITY.md 36–43) and the smaller holes of the security review (issue 12):
//! each test sends the attack and checks that it fails and changes nothing.

use serde_json::{Value, json};
use sspr::clock::Clock;

use crate::helpers::{TestApp, USER_PASSWORD};
use crate::recovery::{method_from, registered_user};

/// Registers `count` catalogue questions for the signed-in person; returns (question id, answer).
async fn register_questions(app: &TestApp, token: &str, count: usize) -> Vec<(Value, String)> {
    let catalogue = app
        .get("/api/v1/me/security-questions/catalog", token)
        .await
        .body;
    let chosen: Vec<(Value, String)> = catalogue["questions"]
        .as_array()
        .unwrap()
        .iter()
        .take(count)
        .enumerate()
        .map(|(i, q)| (q["question_id"].clone(), format!("answer number {i}")))
        .collect();
    let body: Vec<Value> = chosen
        .iter()
        .map(|(id, a)| json!({"question_id": id, "answer": a}))
        .collect();
    let mut saved = app
        .put(
            "/api/v1/me/security-questions",
            token,
            json!({"answers": body.clone()}),
        )
        .await;
    if saved.status == 403 && saved.code() == "step_up_required" {
        app.step_up(token).await;
        saved = app
            .put(
                "/api/v1/me/security-questions",
                token,
                json!({"answers": body}),
            )
            .await;
    }
    assert_eq!(saved.status, 200, "{:#}", saved.body);
    chosen
}

/// Registers and verifies a phone kind that is called (`mobile_voice`, `office_voice`).
async fn register_call(app: &TestApp, token: &str, kind: &str, phone: &str) -> String {
    let added = app
        .post(
            "/api/v1/me/methods",
            token,
            json!({"kind": kind, "phone": phone}),
        )
        .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    let id = added.body["method_id"].as_str().unwrap().to_owned();
    let code = app.last_call_code(phone).await;
    let verified = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            token,
            json!({"code": code}),
        )
        .await;
    assert_eq!(verified.status, 200, "{:#}", verified.body);
    id
}

fn offered(start: &Value) -> &Vec<Value> {
    start["methods"].as_array().unwrap()
}

fn asked_ids(challenge: &Value) -> Vec<Value> {
    challenge["questions"]
        .as_array()
        .unwrap_or_else(|| panic!("no questions in {challenge:#}"))
        .iter()
        .map(|q| q["question_id"].clone())
        .collect()
}

/// Asking for the questions again without answering returns the same set, for a real person
/// and for an unknown username alike; only an attempt draws a new set.
async fn review_security_questions_are_not_rerolled_without_an_attempt(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["security_questions", "email"],
               "security_questions": {"register_count": 5, "reset_count": 3, "custom_questions": []}}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "quinn").await;
    let answers = register_questions(&app, &token, 5).await;

    // A decoy's methods are stable per username; take an unknown one that is offered questions.
    let mut unknown = None;
    for i in 0..12 {
        let name = format!("nobody-{i}");
        let start = app.start_flow(&name, "reset_password").await.body;
        let offers = start["methods"].as_array().unwrap().iter();
        if offers.clone().any(|m| m["kind"] == "security_questions") {
            unknown = Some(name);
            break;
        }
    }
    let unknown = unknown.expect("some unknown username is offered security questions");
    for username in ["quinn", unknown.as_str()] {
        let flow = app.start_flow(username, "reset_password").await.body;
        let t = flow["flow_token"].as_str().unwrap().to_owned();
        let m = method_from(&flow, "security_questions");
        let first = app
            .flow(&flow, &t, "challenges", json!({"method_id": m}))
            .await;
        assert_eq!(first.status, 202, "{:#}", first.body);
        let first = asked_ids(&first.body);
        assert_eq!(first.len(), 3);
        for _ in 0..15 {
            let again = app
                .flow(&flow, &t, "challenges", json!({"method_id": m}))
                .await;
            assert_eq!(
                asked_ids(&again.body),
                first,
                "{username}: re-rolled for free"
            );
        }
        // An attempt (wrong here) is what draws a new set.
        let given: Vec<Value> = first
            .iter()
            .map(|id| json!({"question_id": id, "answer": "not it"}))
            .collect();
        app.flow(
            &flow,
            &t,
            "verify",
            json!({"method_id": m, "answers": given}),
        )
        .await
        .assert_problem(422, "wrong_answers");
    }
    // Nothing changed: the answers are still the registered ones and the password still works.
    assert_eq!(answers.len(), 5);
    assert_eq!(app.sign_in("quinn", USER_PASSWORD).await.status, 200);
}

/// Every refusal of a verification has its own stable code and words: a wrong or replayed
/// authenticator code is not "no code was sent".
async fn review_every_refusal_has_its_own_code_and_words(first: TestApp) {
    // Seven refusals in a row: more than the account's daily budget of failures allows.
    let app = crate::helpers::spawn_on(
        first.db.clone(),
        first.backend,
        &[("recovery_failures_per_day", "20")],
    )
    .await;
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "recovery_cooldown_hours": 0,
               "methods_enabled": ["mobile_sms", "authenticator_app", "security_questions"],
               "security_questions": {"register_count": 3, "reset_count": 3, "custom_questions": []}}),
    )
    .await;
    let (_, token) = registered_user(&app, &admin, "tess", "+14155550299", false).await;
    let added = app
        .add_method(&token, json!({"kind": "authenticator_app"}))
        .await;
    let secret = added.body["secret"].as_str().unwrap().to_owned();
    let totp_id = added.body["method_id"].as_str().unwrap().to_owned();
    let code = sspr::methods::authenticator::code_at(&secret, app.clock.now()).unwrap();
    let wrong_totp = if code == "000000" { "111111" } else { "000000" };
    let enrolled = app
        .post(
            &format!("/api/v1/me/methods/{totp_id}/verify"),
            &token,
            json!({"code": code}),
        )
        .await;
    assert_eq!(enrolled.status, 200, "{:#}", enrolled.body);
    register_questions(&app, &token, 3).await;

    let start = app.start_flow("tess", "reset_password").await.body;
    let t = start["flow_token"].as_str().unwrap().to_owned();
    let sms = method_from(&start, "mobile_sms");
    let questions = method_from(&start, "security_questions");
    let mut seen = Vec::new();
    let mut refused = |answer: crate::helpers::Answer, status: u16, code: &str| {
        answer.assert_problem(status, code);
        let detail = answer.body["detail"].as_str().unwrap().to_owned();
        assert!(!seen.contains(&detail), "{code} shares its words: {detail}");
        seen.push(detail);
    };
    refused(
        app.flow(
            &start,
            &t,
            "verify",
            json!({"method_id": sms, "code": "123456"}),
        )
        .await,
        422,
        "no_code_pending",
    );
    refused(
        app.flow(
            &start,
            &t,
            "verify",
            json!({"method_id": totp_id, "code": wrong_totp}),
        )
        .await,
        422,
        "totp_invalid",
    );
    refused(
        app.flow(
            &start,
            &t,
            "verify",
            json!({"method_id": totp_id, "code": code}),
        )
        .await,
        422,
        "totp_replayed",
    );
    refused(
        app.flow(
            &start,
            &t,
            "verify",
            json!({"method_id": questions, "answers": []}),
        )
        .await,
        422,
        "questions_not_asked",
    );
    let asked = app
        .flow(&start, &t, "challenges", json!({"method_id": questions}))
        .await;
    let given: Vec<Value> = asked_ids(&asked.body)
        .iter()
        .map(|id| json!({"question_id": id, "answer": "not it"}))
        .collect();
    refused(
        app.flow(
            &start,
            &t,
            "verify",
            json!({"method_id": questions, "answers": given}),
        )
        .await,
        422,
        "wrong_answers",
    );
    app.flow(&start, &t, "challenges", json!({"method_id": sms}))
        .await;
    let sent = app.last_sms_code("+14155550299").await;
    let wrong = if sent == "000000" { "111111" } else { "000000" };
    refused(
        app.flow(
            &start,
            &t,
            "verify",
            json!({"method_id": sms, "code": wrong}),
        )
        .await,
        422,
        "invalid_code",
    );
    app.advance(11 * 60);
    refused(
        app.flow(
            &start,
            &t,
            "verify",
            json!({"method_id": sms, "code": sent}),
        )
        .await,
        422,
        "code_expired",
    );
    // None of it passed anything or changed the password.
    assert_eq!(app.sign_in("tess", USER_PASSWORD).await.status, 200);
}

/// A text, a call and an office line on one number are one factor: one phone in the start
/// answer with a choice of channel, passed once; an administrator with only that phone cannot
/// reset, and a person with it and an email needs the email too.
async fn item_36_one_phone_never_counts_as_two_methods(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 2,
               "methods_enabled": ["email", "mobile_sms", "mobile_voice", "office_voice"]}),
    )
    .await;
    let phone = "+14155550361";
    let (_, token) = app.signed_in_user(&admin, "sid").await;
    app.register_sms(&token, phone).await;
    let voice = register_call(&app, &token, "mobile_voice", phone).await;
    let office = register_call(&app, &token, "office_voice", phone).await;
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(
        me.body["registration"]["methods_registered"], 1,
        "{:#}",
        me.body
    );
    assert_eq!(me.body["registration"]["compliant"], false);
    // Not eligible on one phone: the answer is a decoy's, none of the real methods offered.
    let start = app.start_flow("sid", "reset_password").await.body;
    for m in offered(&start) {
        assert_ne!(m["method_id"], json!(voice));
        assert_ne!(m["method_id"], json!(office));
    }

    app.register_email(&token, "sid@home.example").await;
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.body["registration"]["methods_registered"], 2);
    let start = app.start_flow("sid", "reset_password").await.body;
    let methods = offered(&start);
    assert_eq!(methods.len(), 2, "{start:#}");
    let phones: Vec<&Value> = methods.iter().filter(|m| m["kind"] != "email").collect();
    assert_eq!(phones.len(), 1, "one entry per phone: {start:#}");
    assert_eq!(phones[0]["kind"], "mobile_sms");
    assert_eq!(phones[0]["channels"], json!(["sms", "voice"]));
    let t = start["flow_token"].as_str().unwrap().to_owned();
    let m = phones[0]["method_id"].clone();
    // A channel the phone does not have is refused and sends nothing.
    app.flow(
        &start,
        &t,
        "challenges",
        json!({"method_id": m, "channel": "email"}),
    )
    .await
    .assert_problem(422, "validation_failed");
    // The call channel of the same phone: the code comes by a call.
    let sent = app
        .flow(
            &start,
            &t,
            "challenges",
            json!({"method_id": m, "channel": "voice"}),
        )
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    let code = app.last_call_code(phone).await;
    let passed = app
        .flow(&start, &t, "verify", json!({"method_id": m, "code": code}))
        .await;
    assert_eq!(passed.status, 200, "{:#}", passed.body);
    assert_eq!(passed.body["methods_remaining"], 1);
    let t = passed.body["flow_token"].as_str().unwrap().to_owned();
    // The same phone again, by text this time, and the registered call methods' own ids:
    // none counts as a second method.
    app.flow(
        &start,
        &t,
        "challenges",
        json!({"method_id": m, "channel": "sms"}),
    )
    .await
    .assert_problem(409, "method_already_passed");
    for other in [&voice, &office] {
        let again = app
            .flow(&start, &t, "challenges", json!({"method_id": other}))
            .await;
        assert!(again.status.is_client_error(), "{:#}", again.body);
    }
    app.flow(
        &start,
        &t,
        "password",
        json!({"new_password": crate::recovery::NEW_PASSWORD}),
    )
    .await
    .assert_problem(403, "verification_incomplete");
    assert_eq!(app.sign_in("sid", USER_PASSWORD).await.status, 200);
}

/// A password alone never plants a method usable at once: with methods registered, a new
/// session must prove one of them before adding, replacing or removing any, and what it adds
/// waits out the recovery cool-down (24 hours by default).
async fn item_37_a_password_alone_cannot_change_security_info(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1,
               "methods_enabled": ["mobile_sms", "email", "authenticator_app", "security_questions"]}),
    )
    .await;
    let phone = "+14155550371";
    let (_, first) = app.signed_in_user(&admin, "pat").await;
    let sms = app.register_sms(&first, phone).await["method_id"].clone();
    // The attacker: the password, a new session.
    let token = app.token("pat", USER_PASSWORD).await;
    let before = app.get("/api/v1/me/methods", &token).await.body;
    app.post(
        "/api/v1/me/methods",
        &token,
        json!({"kind": "authenticator_app"}),
    )
    .await
    .assert_problem(403, "step_up_required");
    app.post(
        "/api/v1/me/methods",
        &token,
        json!({"kind": "email", "email": "x@evil.example"}),
    )
    .await
    .assert_problem(403, "step_up_required");
    app.delete(
        &format!("/api/v1/me/methods/{}", sms.as_str().unwrap()),
        &token,
    )
    .await
    .assert_problem(403, "step_up_required");
    app.put(
        "/api/v1/me/security-questions",
        &token,
        json!({"answers": []}),
    )
    .await
    .assert_problem(422, "validation_failed");
    assert_eq!(
        app.get("/api/v1/me/methods", &token).await.body,
        before,
        "nothing changed"
    );
    // Guessing the step-up is counted: five wrong codes an hour, then 429 even for the right one.
    let sent = app
        .post(
            "/api/v1/me/step-up/challenges",
            &token,
            json!({"method_id": sms}),
        )
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    let code = app.last_sms_code(phone).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let a = app
            .post(
                "/api/v1/me/step-up",
                &token,
                json!({"method_id": sms, "code": wrong}),
            )
            .await;
        assert_eq!(a.status, 422, "{:#}", a.body);
    }
    app.post(
        "/api/v1/me/step-up",
        &token,
        json!({"method_id": sms, "code": code}),
    )
    .await
    .assert_problem(429, "throttled");
    app.post(
        "/api/v1/me/methods",
        &token,
        json!({"kind": "authenticator_app"}),
    )
    .await
    .assert_problem(403, "step_up_required");

    // The owner, an hour later, proves the phone and may change things for ten minutes.
    app.advance(3601);
    let first = app.token("pat", USER_PASSWORD).await;
    app.step_up(&first).await;
    let added = app
        .post(
            "/api/v1/me/methods",
            &first,
            json!({"kind": "authenticator_app"}),
        )
        .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    let secret = added.body["secret"].as_str().unwrap().to_owned();
    let totp_id = added.body["method_id"].as_str().unwrap().to_owned();
    let code = sspr::methods::authenticator::code_at(&secret, app.clock.now()).unwrap();
    let verified = app
        .post(
            &format!("/api/v1/me/methods/{totp_id}/verify"),
            &first,
            json!({"code": code}),
        )
        .await;
    assert_eq!(verified.status, 200, "{:#}", verified.body);
    assert!(
        verified.body["recovery_from"].is_string(),
        "{:#}",
        verified.body
    );
    // Held back from recovery by the default cool-down; the phone still works.
    let start = app.start_flow("pat", "reset_password").await.body;
    let kinds: Vec<&Value> = offered(&start).iter().map(|m| &m["kind"]).collect();
    assert_eq!(kinds, [&json!("mobile_sms")], "{start:#}");
    app.advance(11 * 60);
    app.post(
        "/api/v1/me/methods",
        &first,
        json!({"kind": "email", "email": "pat@home.example"}),
    )
    .await
    .assert_problem(403, "step_up_required");
    app.advance(24 * 3600);
    let start = app.start_flow("pat", "reset_password").await.body;
    assert_eq!(
        offered(&start).len(),
        2,
        "offered after the cool-down: {start:#}"
    );
}

/// A session that began with no method registers the first set (as many as the policy
/// requires) without a step-up; the next change needs one.
async fn item_37_the_first_set_needs_no_step_up_and_the_next_change_does(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 2, "methods_enabled": ["mobile_sms", "email", "authenticator_app"]}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "noa").await;
    for (kind, body) in [
        (
            "mobile_sms",
            json!({"kind": "mobile_sms", "phone": "+14155550372"}),
        ),
        (
            "email",
            json!({"kind": "email", "email": "noa@home.example"}),
        ),
    ] {
        let added = app.post("/api/v1/me/methods", &token, body).await;
        assert_eq!(added.status, 201, "{kind}: {:#}", added.body);
        let id = added.body["method_id"].as_str().unwrap().to_owned();
        let code = if kind == "email" {
            app.smtp.code_for("noa@home.example").await
        } else {
            app.last_sms_code("+14155550372").await
        };
        let ok = app
            .post(
                &format!("/api/v1/me/methods/{id}/verify"),
                &token,
                json!({"code": code}),
            )
            .await;
        assert_eq!(ok.status, 200, "{:#}", ok.body);
        assert_eq!(
            ok.body["recovery_from"],
            Value::Null,
            "the first set counts at once"
        );
    }
    app.post(
        "/api/v1/me/methods",
        &token,
        json!({"kind": "authenticator_app"}),
    )
    .await
    .assert_problem(403, "step_up_required");
}

/// Finishing re-checks the person: disabled, promoted or with a passed method removed since
/// verification, the flow ends (409 `flow_ended`, audited) and nothing is reset or unlocked.
async fn item_43_finishing_rechecks_the_person_and_ends_the_flow(app: TestApp) {
    let admin = app.admin_token().await;
    crate::recovery::policy(&app, &admin, 1).await;
    let phone = "+14155550381";
    let (user, _) = registered_user(&app, &admin, "fay", phone, false).await;
    let id = user["user_id"].as_str().unwrap().to_owned();
    let verified = |purpose: &'static str| {
        let app = &app;
        async move {
            let start = app.start_flow("fay", purpose).await.body;
            let t = start["flow_token"].as_str().unwrap().to_owned();
            let next = crate::recovery::pass_sms(app, &start, &t, phone).await;
            (start, next)
        }
    };
    let finish = |start: Value, token: String, purpose: &'static str| {
        let app = &app;
        async move {
            if purpose == "reset_password" {
                app.flow(
                    &start,
                    &token,
                    "password",
                    json!({"new_password": crate::recovery::NEW_PASSWORD}),
                )
                .await
            } else {
                app.flow(&start, &token, "unlock", Value::Null).await
            }
        }
    };
    let user_url = format!("/api/v1/admin/users/{id}");
    let cases: [(&str, &str, Value); 3] = [
        ("disabled", "reset_password", json!({"disabled": true})),
        ("role_changed", "reset_password", json!({"is_admin": true})),
        ("methods_changed", "unlock_account", Value::Null),
    ];
    for (reason, purpose, change) in cases {
        let (start, token) = verified(purpose).await;
        if change.is_null() {
            let r = app
                .post(
                    &format!("{user_url}/require-reregistration"),
                    &admin,
                    json!({}),
                )
                .await;
            assert!(r.status.is_success(), "{:#}", r.body);
        } else {
            let r = app.patch(&user_url, &admin, change.clone()).await;
            assert!(r.status.is_success(), "{:#}", r.body);
        }
        finish(start.clone(), token.clone(), purpose)
            .await
            .assert_problem(409, "flow_ended");
        // Ended for good: the same token again finds it over.
        let again = finish(start, token, purpose).await;
        assert!(again.status.is_client_error(), "{:#}", again.body);
        let ended = app.audit(&admin, "type=recovery.ended").await;
        assert!(
            ended.iter().any(|e| e["details"]["reason"] == reason),
            "{reason}: {ended:#?}"
        );
        // Put things back for the next case.
        match reason {
            "disabled" => {
                app.patch(&user_url, &admin, json!({"disabled": false}))
                    .await;
            }
            "role_changed" => {
                app.patch(&user_url, &admin, json!({"is_admin": false}))
                    .await;
            }
            _ => {}
        }
    }
    // The password never changed.
    assert_eq!(app.sign_in("fay", USER_PASSWORD).await.status, 200);
}

crate::both_backends!(
    item_43_finishing_rechecks_the_person_and_ends_the_flow,
    item_37_a_password_alone_cannot_change_security_info,
    item_37_the_first_set_needs_no_step_up_and_the_next_change_does,
    item_36_one_phone_never_counts_as_two_methods,
    review_security_questions_are_not_rerolled_without_an_attempt,
    review_every_refusal_has_its_own_code_and_words,
);
