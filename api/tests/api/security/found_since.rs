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
    let voice = app.register_phone(&token, "mobile_voice", phone).await["id"].clone();
    let office = app.register_phone(&token, "office_voice", phone).await["id"].clone();
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
        assert_ne!(m["method_id"], voice);
        assert_ne!(m["method_id"], office);
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

/// Item 37 (last sentence): a password an administrator set gives a session that can only read
/// who it is, change the password and sign out. Everything else, for a person and for an
/// administrator alike, answers 403 `password_change_required` and changes nothing.
async fn item_37_an_administrator_set_password_only_lets_the_password_be_changed(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "security_questions"]}),
    )
    .await;
    let user = app.create_user(&admin, "nell").await;
    let id = user["user_id"].as_str().unwrap().to_owned();
    let other = app.create_user(&admin, "otto").await;
    let other_id = other["user_id"].as_str().unwrap().to_owned();
    let promoted = app
        .post(
            "/api/v1/admin/users",
            &admin,
            json!({"username": "root3", "display_name": "Root Three", "email": "root3@example.com",
                   "password": "set by the first administrator", "is_admin": true}),
        )
        .await;
    assert_eq!(promoted.status, 201, "{:#}", promoted.body);

    let signed_in = app.sign_in("nell", USER_PASSWORD).await;
    assert_eq!(signed_in.body["password_change_required"], true);
    let token = signed_in.body["access_token"].as_str().unwrap().to_owned();
    let leaving = app.token("nell", USER_PASSWORD).await;
    let root = app.token("root3", "set by the first administrator").await;

    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.status, 200, "{:#}", me.body);
    assert_eq!(me.body["password_change_required"], true);
    let catalogue = app
        .get("/api/v1/me/security-questions/catalog", &admin)
        .await
        .body;
    let answers: Vec<Value> = catalogue["questions"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|q| json!({"question_id": q["question_id"], "answer": "planted answer"}))
        .collect();
    let fake = "00000000-0000-4000-8000-000000000000";
    use reqwest::Method as M;
    let everything_else: Vec<(M, String, Option<Value>)> = vec![
        (M::GET, "/api/v1/me/methods".into(), None),
        (
            M::POST,
            "/api/v1/me/methods".into(),
            Some(json!({"kind": "email", "email": "attacker@evil.example"})),
        ),
        (
            M::PUT,
            "/api/v1/me/security-questions".into(),
            Some(json!({"answers": answers})),
        ),
        (M::GET, "/api/v1/me/security-questions/catalog".into(), None),
        (M::POST, "/api/v1/me/methods/confirm".into(), None),
        (M::POST, format!("/api/v1/me/methods/{fake}/resend"), None),
        (
            M::POST,
            format!("/api/v1/me/methods/{fake}/verify"),
            Some(json!({"code": "12345678"})),
        ),
        (M::DELETE, format!("/api/v1/me/methods/{fake}"), None),
        // The administrator whose password another one set administers nothing yet either.
        (M::GET, "/api/v1/admin/users".into(), None),
        (
            M::PATCH,
            format!("/api/v1/admin/users/{other_id}"),
            Some(json!({"is_admin": true, "disabled": true})),
        ),
        (
            M::POST,
            format!("/api/v1/admin/users/{other_id}/require-reregistration"),
            None,
        ),
        (M::GET, "/api/v1/admin/policy".into(), None),
    ];
    for (method, path, body) in everything_else {
        for t in [&token, &root] {
            let a = app.call(method.clone(), &path, Some(t), body.clone()).await;
            assert_eq!(
                a.code(),
                "password_change_required",
                "{method} {path}: {:#}",
                a.body
            );
            a.assert_problem(403, "password_change_required");
        }
    }

    // Nothing changed: no method, no answer, otto as he was, no audit row of any of it.
    let methods = app
        .get(&format!("/api/v1/admin/users/{id}/methods"), &admin)
        .await;
    assert_eq!(methods.body["items"], json!([]), "{:#}", methods.body);
    let otto = app
        .get(&format!("/api/v1/admin/users/{other_id}"), &admin)
        .await
        .body;
    assert_eq!(
        (otto["is_admin"].clone(), otto["disabled"].clone()),
        (json!(false), json!(false))
    );
    for kind in [
        "method.added",
        "method.registered",
        "user.updated",
        "user.reregistration_required",
    ] {
        assert_eq!(
            app.audit(&admin, &format!("type={kind}")).await.len(),
            0,
            "{kind}"
        );
    }

    // Signing out works, and so does changing the password: then the same session may do the rest.
    let out = app
        .call(M::POST, "/api/v1/auth/sign-out", Some(&leaving), None)
        .await;
    assert_eq!(out.status, 204, "{:#}", out.body);
    app.get("/api/v1/me", &leaving)
        .await
        .assert_problem(401, "unauthenticated");
    let changed = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({"current_password": USER_PASSWORD, "new_password": "my very own passphrase now"}),
        )
        .await;
    assert_eq!(changed.status, 204, "{:#}", changed.body);
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.body["password_change_required"], false);
    let listed = app.get("/api/v1/me/methods", &token).await;
    assert_eq!(listed.status, 200, "{:#}", listed.body);
    assert_eq!(listed.body["items"], json!([]));
}

/// Item 40: a state-changing request that carries the session cookie is refused when the
/// browser says another site asked for it (`Origin`, `Sec-Fetch-Site`), whatever its content
/// type: a form post with no body to an administrator's endpoint changes nothing. Our own pages,
/// a configured portal, programs that send neither header, and bearer tokens go on working.
async fn item_40_a_cross_site_request_with_the_cookie_is_refused_whatever_its_type(first: TestApp) {
    let app = crate::helpers::spawn_on(
        first.db.clone(),
        first.backend,
        &[
            ("public_url", "http://reset.example.com"),
            ("cors_origins", "http://portal.example.com"),
        ],
    )
    .await;
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email"]}),
    )
    .await;
    let (user, token) = app.signed_in_user(&admin, "wren").await;
    let id = user["user_id"].as_str().unwrap().to_owned();
    let method = app.register_email(&token, "wren@home.example").await;
    let method_id = method["method_id"].as_str().unwrap().to_owned();
    let admin_cookie = format!("sspr_session={admin}");
    let user_cookie = format!("sspr_session={token}");
    let user_path = format!("/api/v1/admin/users/{id}");
    let send = |method: reqwest::Method, path: &str, cookie: &str, headers: &[(&str, &str)]| {
        let mut req = app
            .client
            .request(method, app.url(path))
            .header("cookie", cookie);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req
    };
    use reqwest::Method as M;
    let form = [("content-type", "application/x-www-form-urlencoded")];
    let audit_before = app.audit(&admin, "").await;
    let foreign: [&[(&str, &str)]; 7] = [
        &[("origin", "https://evil.example")],
        // A sibling subdomain is the same *site*: SameSite=Strict sends it the cookie.
        &[
            ("origin", "http://blog.example.com"),
            ("sec-fetch-site", "same-site"),
        ],
        &[("sec-fetch-site", "same-site")],
        &[("sec-fetch-site", "cross-site")],
        &[("origin", "null")],
        &[("origin", "http://reset.example.com.evil.example")],
        &[
            ("origin", "http://reset.example.com"),
            ("sec-fetch-site", "cross-site"),
        ],
    ];
    for headers in foreign {
        let reregister = format!("{user_path}/require-reregistration");
        let refused = vec![
            send(M::POST, &reregister, &admin_cookie, &form),
            send(M::POST, &reregister, &admin_cookie, &[]),
            send(
                M::PATCH,
                &user_path,
                &admin_cookie,
                &[("content-type", "application/json")],
            )
            .body(r#"{"disabled": true}"#),
            send(
                M::POST,
                "/api/v1/me/methods",
                &user_cookie,
                &[("content-type", "text/plain")],
            )
            .body(r#"{"kind": "email", "email": "attacker@evil.example"}"#),
            send(
                M::DELETE,
                &format!("/api/v1/me/methods/{method_id}"),
                &user_cookie,
                &[],
            ),
            send(M::POST, "/api/v1/auth/sign-out", &user_cookie, &form),
        ];
        for req in refused {
            let mut req = req;
            for (k, v) in headers {
                req = req.header(*k, *v);
            }
            let a = app.send(req).await;
            assert_eq!(a.code(), "cross_site_request", "{headers:?}: {:#}", a.body);
            a.assert_problem(403, "cross_site_request");
        }
    }
    // Nothing changed: the method is there, wren is enabled and signed in, not one audit row.
    let methods = app
        .get(&format!("/api/v1/admin/users/{id}/methods"), &admin)
        .await;
    assert_eq!(
        methods.body["items"].as_array().unwrap().len(),
        1,
        "{:#}",
        methods.body
    );
    assert_eq!(app.get(&user_path, &admin).await.body["disabled"], false);
    assert_eq!(app.get("/api/v1/me", &token).await.status, 200);
    assert_eq!(app.audit(&admin, "").await, audit_before);

    // Reading is not refused (CORS keeps the answer from other sites).
    let read = app
        .send(send(
            M::GET,
            "/api/v1/me",
            &admin_cookie,
            &[("origin", "https://evil.example")],
        ))
        .await;
    assert_eq!(read.status, 200, "{:#}", read.body);
    // The bearer path does not depend on where the request came from.
    let bearer = app
        .send(
            app.client
                .patch(app.url(&user_path))
                .bearer_auth(&admin)
                .header("origin", "https://evil.example")
                .header("sec-fetch-site", "cross-site")
                .json(&json!({"display_name": "Wren by bearer"})),
        )
        .await;
    assert_eq!(bearer.status, 200, "{:#}", bearer.body);
    // Our own pages, a configured portal, and a program that says nothing all pass.
    for (name, headers) in [
        (
            "Wren same origin",
            vec![
                ("origin", "http://reset.example.com"),
                ("sec-fetch-site", "same-origin"),
            ],
        ),
        (
            "Wren from the portal",
            vec![
                ("origin", "http://portal.example.com"),
                ("sec-fetch-site", "cross-site"),
            ],
        ),
        ("Wren by curl", vec![]),
        ("Wren typed in", vec![("sec-fetch-site", "none")]),
    ] {
        let mut all = headers.clone();
        all.push(("content-type", "application/json"));
        let a = app
            .send(
                send(M::PATCH, &user_path, &admin_cookie, &all)
                    .body(json!({"display_name": name}).to_string()),
            )
            .await;
        assert_eq!(a.status, 200, "{headers:?}: {:#}", a.body);
        assert_eq!(a.body["display_name"], name);
    }
    let done = app
        .send(send(
            M::POST,
            &format!("{user_path}/require-reregistration"),
            &admin_cookie,
            &[
                ("origin", "http://reset.example.com"),
                ("sec-fetch-site", "same-origin"),
            ],
        ))
        .await;
    assert_eq!(done.status, 204, "{:#}", done.body);
    let methods = app
        .get(&format!("/api/v1/admin/users/{id}/methods"), &admin)
        .await;
    assert_eq!(methods.body["items"], json!([]));
}

/// Item 40: behind https the session cookie is a `__Host-` cookie (Secure, `Path=/`, no
/// `Domain`), so no sibling subdomain can plant one; it is read and cleared under that name only.
async fn item_40_behind_https_the_session_cookie_is_a_host_cookie(first: TestApp) {
    let plain = first
        .sign_in(crate::helpers::ADMIN, crate::helpers::ADMIN_PASSWORD)
        .await;
    let set = plain.header("set-cookie").unwrap();
    assert!(
        set.starts_with("sspr_session=") && !set.contains("Secure"),
        "{set}"
    );

    let app = crate::helpers::spawn_on(
        first.db.clone(),
        first.backend,
        &[("public_url", "https://reset.example.com")],
    )
    .await;
    let signed_in = app
        .sign_in(crate::helpers::ADMIN, crate::helpers::ADMIN_PASSWORD)
        .await;
    assert_eq!(signed_in.status, 200, "{:#}", signed_in.body);
    let token = signed_in.body["access_token"].as_str().unwrap().to_owned();
    let set = signed_in.header("set-cookie").unwrap().to_owned();
    assert!(
        set.starts_with(&format!("__Host-sspr_session={token};")),
        "{set}"
    );
    for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(
            set.split("; ").any(|a| a == attribute),
            "{attribute} missing: {set}"
        );
    }
    assert!(!set.to_ascii_lowercase().contains("domain"), "{set}");

    let me = |cookie: String| {
        app.send(
            app.client
                .get(app.url("/api/v1/me"))
                .header("cookie", cookie),
        )
    };
    assert_eq!(me(format!("__Host-sspr_session={token}")).await.status, 200);
    // The unprefixed name is what a sibling subdomain could plant: it is not read.
    me(format!("sspr_session={token}"))
        .await
        .assert_problem(401, "unauthenticated");

    let out = app
        .send(
            app.client
                .post(app.url("/api/v1/auth/sign-out"))
                .header("cookie", format!("__Host-sspr_session={token}"))
                .header("origin", "https://reset.example.com")
                .header("sec-fetch-site", "same-origin"),
        )
        .await;
    assert_eq!(out.status, 204, "{:#}", out.body);
    let cleared = out.header("set-cookie").unwrap();
    assert!(cleared.starts_with("__Host-sspr_session=;"), "{cleared}");
    for attribute in ["Secure", "Path=/", "Max-Age=0"] {
        assert!(
            cleared.split("; ").any(|a| a == attribute),
            "{attribute} missing: {cleared}"
        );
    }
    me(format!("__Host-sspr_session={token}"))
        .await
        .assert_problem(401, "unauthenticated");
}

/// Item 41: the proof of work hashes `salt ‖ number` as one string, so digits can move between
/// the number and the salt's `expires=` without changing the challenge. The MAC covers the salt:
/// every such move is refused, before and after the real expiry, and nothing starts; a genuine
/// solution still works, once.
async fn item_41_a_captcha_solution_cannot_move_digits_into_its_expiry(app: TestApp) {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let admin = app.admin_token().await;
    app.create_user(&admin, "yara").await;
    let start = |captcha: String| {
        app.call(
            reqwest::Method::POST,
            "/api/v1/recovery/flows",
            None,
            Some(json!({"username": "yara", "purpose": "reset_password", "captcha": captcha})),
        )
    };
    let refused = |a: crate::helpers::Answer| {
        a.assert_problem(422, "validation_failed");
        assert_eq!(a.fields(), ["captcha"], "{:#}", a.body);
        assert_eq!(a.body["errors"][0]["code"], "captcha_invalid");
    };
    // A challenge, solved as the widget would, whose number has a digit to spare.
    let solved = loop {
        let c = app
            .call(
                reqwest::Method::GET,
                "/api/v1/captcha/challenge",
                None,
                None,
            )
            .await;
        assert_eq!(c.status, 200, "{:#}", c.body);
        let challenge: sspr::captcha::Challenge = serde_json::from_value(c.body).unwrap();
        let solution: Value = serde_json::from_slice(
            &b64.decode(sspr::captcha::solve(&challenge).unwrap())
                .unwrap(),
        )
        .unwrap();
        // Digits can only move without a leading zero on either side of the cut.
        let digits = solution["number"].as_u64().unwrap().to_string();
        let salt_ends_in_zero = solution["salt"].as_str().unwrap().ends_with('0');
        if digits.len() >= 2 && !digits[1..].starts_with('0') && !salt_ends_in_zero {
            break solution;
        }
        // The expiry comes from the (test) clock: move it on so the next salt differs.
        app.advance(1);
    };
    let salt = solved["salt"].as_str().unwrap().to_owned();
    let number = solved["number"].as_u64().unwrap().to_string();
    let expires: i64 = salt.split_once("?expires=").unwrap().1.parse().unwrap();
    let with = |forged_salt: String, forged_number: u64| {
        // The hashed text is the same, so the challenge (and a MAC of it alone) still matches.
        assert_eq!(
            format!("{forged_salt}{forged_number}"),
            format!("{salt}{number}")
        );
        let mut forged = solved.clone();
        forged["salt"] = json!(forged_salt);
        forged["number"] = json!(forged_number);
        b64.encode(forged.to_string())
    };
    // The number's first digit moved into the expiry: ten times as far in the future.
    let later = with(
        format!("{salt}{}", &number[..1]),
        number[1..].parse().unwrap(),
    );
    // The expiry's last digit moved into the number: an earlier expiry, still a change.
    let (short_salt, last) = salt.split_at(salt.len() - 1);
    let earlier = with(
        short_salt.to_owned(),
        format!("{last}{number}").parse().unwrap(),
    );
    refused(start(later.clone()).await);
    refused(start(earlier).await);
    // Past the real expiry the genuine solution is dead, and the forged one stays refused.
    app.advance(11 * 60);
    assert!(app.clock.now().timestamp() > expires);
    refused(start(later).await);
    refused(start(b64.encode(solved.to_string())).await);
    // Nothing started.
    assert_eq!(app.audit(&admin, "type=recovery.started").await.len(), 0);

    // A genuine solution works, once.
    let genuine = app.captcha().await;
    let first = start(genuine.clone()).await;
    assert_eq!(first.status, 201, "{:#}", first.body);
    refused(start(genuine).await);
    assert_eq!(app.audit(&admin, "type=recovery.started").await.len(), 1);
}

/// Item 38 (last sentence): nothing public counts real and unknown people apart, so the
/// metrics are not public at all: `/metrics` is served on its own listener
/// (`SSPR_METRICS_BIND`), the public one answers 404 for it (also with the web app, whose
/// fallback would otherwise answer with a page), and the metrics listener serves nothing else.
async fn item_38_metrics_are_not_on_the_public_listener(first: TestApp) {
    // With the web app served, as in production.
    let web = first.db.data_dir.join("web");
    std::fs::create_dir_all(&web).unwrap();
    std::fs::write(web.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    let web = web.display().to_string();
    let app = crate::helpers::spawn_on(first.db.clone(), first.backend, &[("web_dir", &web)]).await;
    assert_eq!(
        app.send(app.client.get(app.url("/security-info")))
            .await
            .status,
        200,
        "the web app is served"
    );
    app.start_flow("nobody-38", "reset_password").await;
    for method in [reqwest::Method::GET, reqwest::Method::POST] {
        let a = app
            .send(app.client.request(method.clone(), app.url("/metrics")))
            .await;
        a.assert_problem(404, "not_found");
        assert!(
            !a.body.to_string().contains("sspr_"),
            "{method}: {:#}",
            a.body
        );
    }
    let text = app.metrics().await;
    assert!(text.contains("sspr_http_requests_total{"), "{text}");
    assert!(text.contains(r#"route="/api/v1/recovery/flows""#), "{text}");
    // The metrics listener is not a second way into the API or the app.
    let metrics = app.metrics_address.clone().unwrap();
    assert_ne!(metrics, app.address);
    for path in [
        "/api/v1/health",
        "/api/v1/openapi.json",
        "/",
        "/security-info",
    ] {
        let a = app.send(app.client.get(format!("{metrics}{path}"))).await;
        assert_eq!(a.status, 404, "{path}");
    }
    let sign_in = app
        .send(
            app.client
                .post(format!("{metrics}/api/v1/auth/sign-in"))
                .json(&json!({"username": "admin", "password": crate::helpers::ADMIN_PASSWORD})),
        )
        .await;
    assert_eq!(sign_in.status, 404);

    // Turned off, there is no listener at all, and the public one still says 404.
    let off =
        crate::helpers::spawn_on(first.db.clone(), first.backend, &[("metrics_bind", "off")]).await;
    assert!(off.metrics_address.is_none());
    off.send(off.client.get(off.url("/metrics")))
        .await
        .assert_problem(404, "not_found");
}

/// Limits hold under concurrency: 40 synchronised challenges on one flow send one code (the
/// resend spacing allows one), and two administrators demoting each other at once leave one.
async fn item_39_every_limit_holds_under_a_synchronised_burst(app: TestApp) {
    let mut admin = app.admin_token().await;
    crate::recovery::policy(&app, &admin, 1).await;
    let phone = "+14155550391";
    registered_user(&app, &admin, "bo", phone, false).await;
    let sent_before = crate::support::gateway_requests(&app.gateway, "Messages.json", phone)
        .await
        .len();
    let start = app.start_flow("bo", "reset_password").await.body;
    let t = start["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&start, "mobile_sms");
    let burst = (0..40).map(|_| app.flow(&start, &t, "challenges", json!({"method_id": m})));
    let answers = futures_util::future::join_all(burst).await;
    let accepted = answers.iter().filter(|a| a.status == 202).count();
    assert_eq!(
        accepted,
        1,
        "{:?}",
        answers.iter().map(|a| a.status).collect::<Vec<_>>()
    );
    assert!(answers.iter().all(|a| a.status == 202 || a.status == 429));
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let sent = crate::support::gateway_requests(&app.gateway, "Messages.json", phone)
        .await
        .len();
    assert_eq!(sent - sent_before, 1, "one text, whatever the burst");

    // Two administrators, each demoting the other at the same moment, several rounds: at
    // least one administrator is always left.
    for round in 0..5 {
        admin = app.admin_token().await;
        let name = format!("deputy{round}");
        let (other, _) = app.signed_in_user(&admin, &name).await;
        let other_url = format!("/api/v1/admin/users/{}", other["user_id"].as_str().unwrap());
        let promoted = app
            .patch(&other_url, &admin, json!({"is_admin": true}))
            .await;
        assert!(promoted.status.is_success(), "{:#}", promoted.body);
        // A change of role ends the person's sessions: a new one as an administrator.
        let other_token = app.token(&name, USER_PASSWORD).await;
        let me = app.get("/api/v1/me", &admin).await.body;
        let my_url = format!("/api/v1/admin/users/{}", me["user_id"].as_str().unwrap());
        let (a, b) = tokio::join!(
            app.patch(&other_url, &admin, json!({"is_admin": false})),
            app.patch(&my_url, &other_token, json!({"is_admin": false})),
        );
        let left = app
            .ctx
            .store
            .read(sspr::store::users::count_active_admins)
            .await
            .unwrap();
        assert!(
            left >= 1,
            "round {round}: no administrator left: {:#} {:#}",
            a.body,
            b.body
        );
        for refused in [&a, &b].into_iter().filter(|x| !x.status.is_success()) {
            // Refused as the last administrator, or the demoted one's session already ended,
            // or (read between the session and the directory) their role already gone.
            assert!(
                ["last_admin", "unauthenticated", "forbidden"].contains(&refused.code()),
                "{:#}",
                refused.body
            );
        }
        // Back to one administrator, the bootstrap one, for the next round.
        app.ctx
            .store
            .write(move |conn| {
                for (key, admin) in [(crate::helpers::ADMIN.to_lowercase(), 1), (name.clone(), 0)] {
                    let mut row = sspr::store::users::find_by_key(conn, &key)?.unwrap();
                    row.is_admin = admin;
                    sspr::store::users::save(conn, &row)?;
                }
                Ok(())
            })
            .await
            .unwrap();
    }
}

/// When every administrator is lost (the bootstrap name now belongs to an ordinary person),
/// the operator gets back in from the console: `sspr admin promote` and `sspr admin
/// reset-password` on the configured database, audited as done from the console.
async fn item_39_the_console_brings_an_administrator_back(app: TestApp) {
    let admin = app.admin_token().await;
    let (zed, _) = app.signed_in_user(&admin, "zed").await;
    // Every administrator lost: the bootstrap one demoted behind the service's back.
    app.ctx
        .store
        .write(|conn| {
            let mut row = sspr::store::users::find_by_key(conn, crate::helpers::ADMIN)?.unwrap();
            row.is_admin = 0;
            sspr::store::users::save(conn, &row)
        })
        .await
        .unwrap();
    let console = |args: &[&str]| {
        let (code, out, err) = app.console(args, &[("SSPR_BOOTSTRAP_ADMIN_USERNAME", "zed")]);
        (code == 0, out, err)
    };
    let (ok, _, err) = console(&["admin", "promote", "nobody-like-this"]);
    assert!(!ok, "an unknown name is refused");
    assert!(err.contains("not found"), "{err}");
    let (ok, out, err) = console(&["admin", "promote", "zed"]);
    assert!(ok, "{out}{err}");
    let (ok, out, err) = console(&["admin", "reset-password", "zed"]);
    assert!(ok, "{out}{err}");
    let password = out.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(password.len() >= 12, "{out}");
    // The one-time password signs in, must be changed, and then the person administers.
    let signed_in = app.sign_in("zed", &password).await;
    assert_eq!(signed_in.status, 200, "{:#}", signed_in.body);
    assert_eq!(signed_in.body["password_change_required"], true);
    let token = signed_in.body["access_token"].as_str().unwrap().to_owned();
    let changed = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({"current_password": password, "new_password": crate::recovery::NEW_PASSWORD}),
        )
        .await;
    assert!(changed.status.is_success(), "{:#}", changed.body);
    let token = app.token("zed", crate::recovery::NEW_PASSWORD).await;
    let users = app.get("/api/v1/admin/users", &token).await;
    assert_eq!(users.status, 200, "{:#}", users.body);
    let audit = app
        .get("/api/v1/admin/audit?type=user.updated", &token)
        .await
        .body;
    let from_console: Vec<&Value> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target_id"] == zed["user_id"] && e["actor_name"] == "console")
        .collect();
    assert_eq!(from_console.len(), 2, "{audit:#}");
    assert!(
        !audit.to_string().contains(&password),
        "no password in the audit log"
    );
}

/// Password spraying: failed sign-ins on many usernames from one address (IPv6 by its /64) run
/// into a budget well above one account's threshold, then 429 without hashing; another /64
/// still signs in. Guessing the current password of a change counts like sign-in failures.
async fn item_42_password_spraying_and_current_password_guessing_are_budgeted(first: TestApp) {
    let app = crate::helpers::spawn_on(
        first.db.clone(),
        first.backend,
        &[
            ("trusted_proxies", "127.0.0.1/32"),
            ("signin_failures_per_address", "20"),
        ],
    )
    .await;
    let admin = app.admin_token().await;
    let (_, victim) = app.signed_in_user(&admin, "vic").await;
    let from = |address: &str, username: &str, password: &str| {
        app.client
            .post(app.url("/api/v1/auth/sign-in"))
            .header("x-forwarded-for", address.to_owned())
            .json(&json!({"username": username, "password": password}))
    };
    // Twenty failures on twenty usernames, each from another address of one /64.
    for i in 0..20 {
        let a = app
            .send(from(
                &format!("2001:db8:5:6::{i:x}"),
                &format!("user{i}"),
                "Spring2026!spray",
            ))
            .await;
        assert_eq!(a.status, 401, "{:#}", a.body);
    }
    // The budget of the /64 is spent: refused before any password is checked, even a right one.
    let refused = app
        .send(from("2001:db8:5:6:ffff::9", "vic", USER_PASSWORD))
        .await;
    refused.assert_problem(429, "throttled");
    assert!(refused.header("retry-after").is_some());
    // Another /64, and the victim's own sessions, are not affected.
    let other = app
        .send(from("2001:db8:5:7::1", "vic", USER_PASSWORD))
        .await;
    assert_eq!(other.status, 200, "{:#}", other.body);
    assert_eq!(app.get("/api/v1/me", &victim).await.status, 200);

    // Ten wrong current passwords lock the account like ten failed sign-ins.
    for _ in 0..10 {
        let wrong = app
            .post(
                "/api/v1/me/password",
                &victim,
                json!({"current_password": "not the password at all", "new_password": crate::recovery::NEW_PASSWORD}),
            )
            .await;
        assert_eq!(wrong.status, 422, "{:#}", wrong.body);
    }
    let locked = app
        .post(
            "/api/v1/me/password",
            &victim,
            json!({"current_password": USER_PASSWORD, "new_password": crate::recovery::NEW_PASSWORD}),
        )
        .await;
    locked.assert_problem(429, "throttled");
    let signed_in = app
        .send(from("2001:db8:5:8::1", "vic", USER_PASSWORD))
        .await;
    signed_in.assert_problem(401, "account_locked");
}

/// SMS pumping: texts and calls have a service-wide budget per hour and per day, spent by real
/// and decoy sends alike, so that an exhausted budget says nothing about who exists.
async fn item_42_texts_and_calls_have_a_global_budget(first: TestApp) {
    let app = crate::helpers::spawn_on(
        first.db.clone(),
        first.backend,
        &[
            ("phone_sends_global_per_hour", "5"),
            ("phone_sends_global_per_day", "6"),
        ],
    )
    .await;
    let admin = app.admin_token().await;
    crate::recovery::policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "ann", "+14155550421", false).await; // 1
    registered_user(&app, &admin, "ben", "+14155550422", false).await; // 2
    let mut decoys = Vec::new();
    for i in 0..20 {
        let name = format!("ghost-{i}");
        let start = app.start_flow(&name, "reset_password").await.body;
        if offered(&start).iter().any(|m| m["kind"] == "mobile_sms") {
            decoys.push((name, start));
        }
        if decoys.len() == 3 {
            break;
        }
    }
    assert_eq!(decoys.len(), 3, "unknown usernames offered a phone");
    let challenge = |start: Value| {
        let app = &app;
        async move {
            let t = start["flow_token"].as_str().unwrap().to_owned();
            let m = method_from(&start, "mobile_sms");
            app.flow(&start, &t, "challenges", json!({"method_id": m}))
                .await
        }
    };
    let ann = app.start_flow("ann", "reset_password").await.body;
    let ben = app.start_flow("ben", "reset_password").await.body;
    assert_eq!(challenge(ann).await.status, 202); // 3
    assert_eq!(challenge(decoys[0].1.clone()).await.status, 202); // 4
    assert_eq!(challenge(ben.clone()).await.status, 202); // 5
    // The hourly budget is spent: a real person and an unknown one get the same 429.
    let real = challenge(app.start_flow("ann", "reset_password").await.body).await;
    let unknown = challenge(decoys[1].1.clone()).await;
    real.assert_problem(429, "throttled");
    unknown.assert_problem(429, "throttled");
    let sent_to = |phone: &'static str| {
        let app = &app;
        async move {
            crate::support::gateway_requests(&app.gateway, "Messages.json", phone)
                .await
                .len()
        }
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        sent_to("+14155550421").await,
        2,
        "ann: registration and one reset"
    );
    // An hour on, one more fits the day's budget of six, then the day is spent too.
    app.advance(3601);
    let again = |name: String| {
        let app = &app;
        async move { app.start_flow(&name, "reset_password").await.body }
    };
    let sixth = challenge(again(decoys[1].0.clone()).await).await;
    assert_eq!(sixth.status, 202, "{:#}", sixth.body); // 6
    challenge(again(decoys[2].0.clone()).await)
        .await
        .assert_problem(429, "throttled");
    challenge(app.start_flow("ben", "reset_password").await.body)
        .await
        .assert_problem(429, "throttled");
}

/// Texts and calls reach only the allowed countries (`phone_countries`, by default the sender
/// number's own): a number elsewhere is refused at registration — Jamaica too, though it shares
/// `+1` — and a number registered while its country was allowed gets nothing once it is not.
async fn item_42_texts_and_calls_reach_only_the_allowed_countries(first: TestApp) {
    let admin = first.admin_token().await;
    first
        .set_policy(
            &admin,
            json!({"scope": "all", "methods_required": 1,
                   "methods_enabled": ["email", "mobile_sms", "mobile_voice"]}),
        )
        .await;
    let (_, token) = first.signed_in_user(&admin, "cora").await;
    for phone in ["+442079460958", "+18765550100"] {
        for kind in ["mobile_sms", "mobile_voice"] {
            first
                .add_method(&token, json!({"kind": kind, "phone": phone}))
                .await
                .assert_problem(403, "country_not_allowed");
        }
    }
    let methods = first.get("/api/v1/me/methods", &token).await;
    assert_eq!(methods.body["items"], json!([]), "{:#}", methods.body);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let gateway = first.gateway.received_requests().await.unwrap_or_default();
    assert!(gateway.is_empty(), "the gateway was called: {gateway:?}");

    // Allowed once: a London number is registered, then the operator narrows the list again.
    let wider = crate::helpers::spawn_on(
        first.db.clone(),
        first.backend,
        &[("phone_countries", "US, gb")],
    )
    .await;
    let (_, token) = wider.signed_in_user(&admin, "dmitri").await;
    wider.register_sms(&token, "+44 20 7946 0959").await;
    let narrower = crate::helpers::spawn_on(first.db.clone(), first.backend, &[]).await;
    let start = narrower.start_flow("dmitri", "reset_password").await.body;
    let t = start["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&start, "mobile_sms");
    narrower
        .flow(&start, &t, "challenges", json!({"method_id": m}))
        .await
        .assert_problem(403, "country_not_allowed");
    let sent =
        crate::support::gateway_requests(&narrower.gateway, "Messages.json", "+442079460959").await;
    assert!(sent.is_empty());
}

/// What the start answers of many usernames show: kinds with channels, sorted.
fn kinds(start: &Value) -> Vec<String> {
    let mut kinds: Vec<String> = offered(start)
        .iter()
        .map(|m| format!("{}{}", m["kind"].as_str().unwrap(), m["channels"]))
        .collect();
    kinds.sort();
    kinds
}

/// A decoy is a phantom person run by the same code (SECURITY.md 38): its hints come from the
/// directory's own domains and countries (never the old `.com` and `+1`), a name that reads
/// like an administrator's gets an administrator's answer, tries carry over a resend exactly as
/// a real person's do, its questions are a stable registered set, and its codes are rows like
/// anyone's, spent by the same limits, that no typed code matches.
async fn item_38_a_decoy_is_a_phantom_person_run_by_the_same_code(first: TestApp) {
    let app = crate::helpers::spawn_on(
        first.db.clone(),
        first.backend,
        &[
            ("phone_countries", "US,GB,DE"),
            ("flow_starts_per_ip", "1000"),
        ],
    )
    .await;
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1,
               "methods_enabled": ["email", "mobile_sms", "security_questions"]}),
    )
    .await;
    // The directory: addresses at .org and .de only, phones in the UK and Germany, and one
    // administrator with a phone and an address.
    let (_, ann) = app.signed_in_user(&admin, "ann").await;
    app.register_sms(&ann, "+44 20 7946 0101").await;
    app.register_email(&ann, "ann@corp.example.org").await;
    let (_, ben) = app.signed_in_user(&admin, "ben").await;
    app.register_email(&ben, "ben@mail.example.de").await;
    app.register_sms(&ben, "+49 30 901820").await;
    let (_, cy) = app.signed_in_user(&admin, "cy").await;
    register_questions(&app, &cy, 3).await;
    app.register_sms(&admin, "+14155550381").await;
    app.register_email(&admin, "admin@corp.example.org").await;

    let mut suffixes = std::collections::BTreeSet::new();
    let mut countries = std::collections::BTreeSet::new();
    let mut with_questions = None;
    let mut administrators = 0;
    for i in 0..40 {
        let name = format!("nobody-{i}");
        let start = app.start_flow(&name, "reset_password").await.body;
        // One person in four is an administrator here, and so is one phantom in about four.
        match start["methods_required"].as_u64() {
            Some(1) => {}
            Some(2) => administrators += 1,
            _ => panic!("{start:#}"),
        }
        for m in offered(&start) {
            let hint = m["hint"].as_str().unwrap();
            match m["kind"].as_str().unwrap() {
                "email" => {
                    suffixes.insert(hint.split_once('@').unwrap().1.to_owned());
                }
                "mobile_sms" => {
                    countries.insert(hint.split_whitespace().next().unwrap().to_owned());
                }
                "security_questions" => with_questions = Some(name.clone()),
                other => panic!("a phantom offered {other}, which the policy does not enable"),
            }
        }
    }
    assert!((1..=25).contains(&administrators), "{administrators} of 40");
    let real_suffixes: std::collections::BTreeSet<String> =
        ["c***.org", "m***.de"].map(String::from).into();
    assert!(suffixes.is_subset(&real_suffixes), "{suffixes:?}");
    assert_eq!(suffixes.len(), 2, "both domains are drawn: {suffixes:?}");
    let real_countries: std::collections::BTreeSet<String> =
        ["+1", "+44", "+49"].map(String::from).into();
    assert!(countries.is_subset(&real_countries), "{countries:?}");
    assert!(countries.len() >= 2, "{countries:?}");

    // Administrators: the real one and names that read like one answer alike.
    let real = app
        .start_flow(crate::helpers::ADMIN, "reset_password")
        .await
        .body;
    assert_eq!(real["methods_required"], 2, "{real:#}");
    for name in ["root", "administrator", "sysadmin"] {
        let unknown = app.start_flow(name, "reset_password").await.body;
        assert_eq!(unknown["methods_required"], 2, "{name}: {unknown:#}");
        assert_eq!(kinds(&unknown), kinds(&real), "{name}: {unknown:#}");
        assert_eq!(
            crate::recovery::shape(&unknown),
            crate::recovery::shape(&real)
        );
    }

    // Tries carry over a resend for a phantom exactly as for a person.
    let tries = |name: &'static str| {
        let app = &app;
        async move {
            let start = app.start_flow(name, "reset_password").await.body;
            let t = start["flow_token"].as_str().unwrap().to_owned();
            let m = method_from(&start, "mobile_sms");
            let mut seen = Vec::new();
            for round in 0..2 {
                if round == 1 {
                    app.advance(61);
                }
                let sent = app
                    .flow(&start, &t, "challenges", json!({"method_id": m}))
                    .await;
                seen.push(json!([sent.status.as_u16(), sent.body]));
                for _ in 0..2 {
                    let wrong = app
                        .flow(
                            &start,
                            &t,
                            "verify",
                            json!({"method_id": m, "code": "000000"}),
                        )
                        .await;
                    seen.push(json!([
                        wrong.status.as_u16(),
                        wrong.code(),
                        wrong.body["attempts_left"]
                    ]));
                }
            }
            seen
        }
    };
    let ann_tries = tries("ann").await;
    // A phantom with a phone: the first unknown name offered one.
    let mut phone_name = None;
    for name in [
        "zed-1", "zed-2", "zed-3", "zed-4", "zed-5", "zed-6", "zed-7", "zed-8",
    ] {
        let start = app.start_flow(name, "reset_password").await.body;
        if offered(&start).iter().any(|m| m["kind"] == "mobile_sms") {
            phone_name = Some(name);
            break;
        }
    }
    let phantom_tries = tries(phone_name.expect("a phantom with a phone")).await;
    assert_eq!(phantom_tries, ann_tries);
    assert_eq!(
        ann_tries[5][2], 1,
        "tries carried over the resend: {ann_tries:?}"
    );

    // Its questions are a stable registered set: five flows ask the same three, as for a
    // person who registered three.
    let name = with_questions.expect("a phantom with security questions");
    let mut asked = std::collections::BTreeSet::new();
    for _ in 0..5 {
        let start = app.start_flow(&name, "reset_password").await.body;
        let t = start["flow_token"].as_str().unwrap().to_owned();
        let m = method_from(&start, "security_questions");
        let challenge = app
            .flow(&start, &t, "challenges", json!({"method_id": m}))
            .await;
        for id in asked_ids(&challenge.body) {
            asked.insert(id.to_string());
        }
    }
    assert_eq!(asked.len(), 3, "{asked:?}");

    // Its codes are rows like anyone's — and no code anyone types matches them.
    let before = crate::methods::stored_codes(&app).await.len();
    let start = app
        .start_flow(phone_name.unwrap(), "reset_password")
        .await
        .body;
    let t = start["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&start, "mobile_sms");
    app.advance(61);
    let sent = app
        .flow(&start, &t, "challenges", json!({"method_id": m}))
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    assert_eq!(crate::methods::stored_codes(&app).await.len(), before + 1);
    let secrets = app.ctx.secrets.clone();
    let now = app.ctx.now();
    let limits = sspr::config::CodeLimits {
        max_sends: 10,
        resend_after_secs: 0,
        ..app.ctx.config.codes.clone()
    };
    let matched = app
        .ctx
        .store
        .write(move |conn| {
            let issue = |phantom| sspr::methods::codes::Issue {
                user_id: "someone",
                method_id: "a-method",
                purpose: "test",
                channel: sspr::methods::Channel::Email,
                destination: "someone@example.org",
                digits: 6,
                keep_tries: false,
                phantom,
                lang: sspr::i18n::Lang::En,
            };
            let mut outcomes = Vec::new();
            for phantom in [false, true] {
                let issued =
                    sspr::methods::codes::issue(conn, &limits, &secrets, &issue(phantom), now)?;
                outcomes.push(sspr::methods::codes::check(
                    conn,
                    &secrets,
                    "a-method",
                    "test",
                    &issued.code,
                    now,
                )?);
            }
            Ok(outcomes)
        })
        .await
        .unwrap();
    assert_eq!(matched[0], sspr::methods::codes::Outcome::Accepted);
    assert_ne!(matched[1], sspr::methods::codes::Outcome::Accepted);
    // Nothing left for the phantoms.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let requests = app.gateway.received_requests().await.unwrap_or_default();
    for request in requests {
        let form = crate::support::form(&request.body);
        let to = crate::support::field(&form, "To");
        assert!(
            ["+442079460101", "+4930901820", "+14155550381"].contains(&to),
            "a text left for {to}"
        );
    }
}

crate::both_backends!(
    item_38_a_decoy_is_a_phantom_person_run_by_the_same_code,
    item_42_texts_and_calls_reach_only_the_allowed_countries,
    item_42_texts_and_calls_have_a_global_budget,
    item_42_password_spraying_and_current_password_guessing_are_budgeted,
    item_39_the_console_brings_an_administrator_back,
    item_39_every_limit_holds_under_a_synchronised_burst,
    item_43_finishing_rechecks_the_person_and_ends_the_flow,
    item_37_a_password_alone_cannot_change_security_info,
    item_37_the_first_set_needs_no_step_up_and_the_next_change_does,
    item_36_one_phone_never_counts_as_two_methods,
    review_security_questions_are_not_rerolled_without_an_attempt,
    review_every_refusal_has_its_own_code_and_words,
    item_37_an_administrator_set_password_only_lets_the_password_be_changed,
    item_40_a_cross_site_request_with_the_cookie_is_refused_whatever_its_type,
    item_40_behind_https_the_session_cookie_is_a_host_cookie,
    item_41_a_captcha_solution_cannot_move_digits_into_its_expiry,
    item_38_metrics_are_not_on_the_public_listener,
);
