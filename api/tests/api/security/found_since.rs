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
    let saved = app
        .put(
            "/api/v1/me/security-questions",
            token,
            json!({"answers": body}),
        )
        .await;
    assert_eq!(saved.status, 200, "{:#}", saved.body);
    chosen
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
        json!({"scope": "all", "methods_required": 1,
               "methods_enabled": ["mobile_sms", "authenticator_app", "security_questions"],
               "security_questions": {"register_count": 3, "reset_count": 3, "custom_questions": []}}),
    )
    .await;
    let (_, token) = registered_user(&app, &admin, "tess", "+14155550299", false).await;
    let added = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "authenticator_app"}),
        )
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

crate::both_backends!(
    review_security_questions_are_not_rerolled_without_an_attempt,
    review_every_refusal_has_its_own_code_and_words,
    item_37_an_administrator_set_password_only_lets_the_password_be_changed,
);
