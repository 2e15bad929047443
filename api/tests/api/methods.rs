//! Registration of verification methods, end to end: codes read from the real SMTP
//! conversation and from the gateway stub.

use reqwest::Method;
use serde_json::{Value, json};
use sspr::clock::Clock as _;

use crate::helpers::TestApp;
use crate::support::{SMS_FROM, field, gateway_requests};

/// Self-service for everyone, with every method on.
pub(crate) async fn open_policy(app: &TestApp, admin: &str) {
    app.set_policy(
        admin,
        json!({
            "scope": "all",
            "methods_required": 2,
            "methods_enabled": ["email", "mobile_sms", "mobile_voice", "office_voice", "authenticator_app", "security_questions"],
        }),
    )
    .await;
}

pub(crate) async fn stored_codes(app: &TestApp) -> Vec<String> {
    app.ctx
        .store
        .read(|conn| {
            use diesel::prelude::*;
            use sspr::store::schema::verification_codes::dsl::*;
            Ok(verification_codes.select(code_hash).load::<String>(conn)?)
        })
        .await
        .unwrap()
}

async fn an_email_method_is_registered_with_a_code_from_the_smtp_server(app: TestApp) {
    let admin = app.admin_token().await;
    open_policy(&app, &admin).await;
    let (_, token) = app.signed_in_user(&admin, "uma").await;
    let signin = app.sign_in("uma", crate::helpers::USER_PASSWORD).await;
    assert_eq!(signin.body["registration_required"], true);

    let added = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "email", "email": "Uma.Personal@Example.org"}),
        )
        .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    assert_eq!(added.body["status"], "pending");
    assert_eq!(added.body["hint"], "U***@E***.org");
    assert_eq!(added.body["expires_in"], 600);
    assert_eq!(added.body["resend_after"], 60);
    let id = added.body["method_id"].as_str().unwrap().to_owned();

    let mail = app
        .smtp
        .wait_for("Uma.Personal@Example.org", 1)
        .await
        .pop()
        .unwrap();
    assert_eq!(mail.subject(), "Your Example Corp verification code");
    assert!(mail.from.contains("no-reply@example.com"));
    let code = crate::support::code_after(&mail.data, "verification code is:").unwrap();
    assert_eq!(code.len(), 8, "email codes have 8 digits");
    // Only a keyed hash is stored.
    let hashes = stored_codes(&app).await;
    assert_eq!(hashes.len(), 1);
    assert!(!hashes[0].contains(&code));

    let wrong = if code == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    let bad = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": wrong}),
        )
        .await;
    bad.assert_problem(422, "invalid_code");
    assert_eq!(bad.body["attempts_left"], 4);

    let ok = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": format!("{} {}", &code[..4], &code[4..])}),
        )
        .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
    assert_eq!(ok.body["status"], "active");
    // A code works once.
    let again = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": code}),
        )
        .await;
    again.assert_problem(409, "already_active");

    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.body["registration"]["methods_registered"], 1);
    assert_eq!(
        me.body["registration"]["registration_required"], true,
        "two are required"
    );
    let list = app.get("/api/v1/me/methods", &token).await;
    assert_eq!(list.body["items"][0]["hint"], "U***@E***.org");
    assert!(
        !list.body.to_string().contains("Uma.Personal"),
        "never the full address"
    );

    // The person is told at the address in the directory, through the outbox.
    let notice = app.smtp.wait_for("uma@example.com", 1).await;
    assert_eq!(
        notice[0].subject(),
        "Your Example Corp security info changed"
    );
    assert!(notice[0].data.contains("email address added"));
    assert!(!notice[0].data.contains(&code));

    let audit = app.audit(&admin, "type=method").await;
    let types: Vec<&str> = audit.iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "method.registered",
            "method.verification_failed",
            "method.added"
        ]
    );
    assert!(!serde_json::to_string(&audit).unwrap().contains(&code));
}

async fn mobile_phones_get_codes_by_text_and_by_call(first: TestApp) {
    // Calls to a London number: the sender is in the US, so GB is allowed explicitly.
    let app = crate::helpers::spawn_on(
        first.db.clone(),
        first.backend,
        &[("phone_countries", "US,GB")],
    )
    .await;
    let admin = app.admin_token().await;
    open_policy(&app, &admin).await;
    let (_, token) = app.signed_in_user(&admin, "vic").await;

    let sms = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "mobile_sms", "phone": "+1 (415) 555-2671"}),
        )
        .await;
    assert_eq!(sms.status, 201, "{:#}", sms.body);
    assert_eq!(sms.body["hint"], "+1 ••• ••• ••71");
    let sent = gateway_requests(&app.gateway, "Messages.json", "+14155552671").await;
    assert_eq!(sent.len(), 1);
    assert_eq!(field(&sent[0], "From"), SMS_FROM);
    let body = field(&sent[0], "Body");
    let code = body.split_whitespace().next().unwrap().to_owned();
    assert_eq!(code.len(), 6);
    assert_eq!(
        body,
        format!(
            "{code} is your Example Corp verification code. It expires in 10 minutes. Do not share it."
        )
    );
    let id = sms.body["method_id"].as_str().unwrap();
    assert_eq!(
        app.post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": code})
        )
        .await
        .status,
        200
    );

    let voice = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "mobile_voice", "phone": "+44 20 7946 0958"}),
        )
        .await;
    assert_eq!(voice.status, 201, "{:#}", voice.body);
    let calls = gateway_requests(&app.gateway, "Calls.json", "+442079460958").await;
    assert_eq!(calls.len(), 1);
    let twiml = field(&calls[0], "Twiml");
    assert!(
        twiml.starts_with(
            "<Response><Say language=\"en-US\">Your Example Corp verification code is "
        ),
        "{twiml}"
    );
    let code = app.last_call_code("+442079460958").await;
    assert_eq!(code.len(), 6);
    let id = voice.body["method_id"].as_str().unwrap();
    assert_eq!(
        app.post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": code})
        )
        .await
        .status,
        200
    );

    // A third method is a change beyond the first set: the helper proves a step-up first.
    let office = app
        .add_method(
            &token,
            json!({"kind": "office_voice", "phone": "+1 212 555 0100", "extension": "4321"}),
        )
        .await;
    assert_eq!(office.status, 201, "{:#}", office.body);
    let code = app.last_call_code("+12125550100").await;
    let id = office.body["method_id"].as_str().unwrap();
    assert_eq!(
        app.post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": code})
        )
        .await
        .status,
        200
    );

    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.body["registration"]["methods_registered"], 3);
    assert_eq!(me.body["registration"]["compliant"], true);
    assert_eq!(me.body["registration"]["registration_required"], false);

    let invalid = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "mobile_sms", "phone": "555-1234"}),
        )
        .await;
    invalid.assert_problem(422, "validation_failed");
    assert_eq!(invalid.fields(), ["phone"]);
    let stray = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "mobile_sms", "phone": "+14155552671", "email": "x@y.z"}),
        )
        .await;
    assert_eq!(stray.fields(), ["email"]);
    let missing = app
        .post("/api/v1/me/methods", &token, json!({"kind": "email"}))
        .await;
    assert_eq!(missing.fields(), ["email"]);
}

async fn an_authenticator_app_is_enrolled_with_a_one_time_secret(app: TestApp) {
    let admin = app.admin_token().await;
    open_policy(&app, &admin).await;
    let (_, token) = app.signed_in_user(&admin, "wes").await;
    let added = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "authenticator_app"}),
        )
        .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    let secret = added.body["secret"].as_str().unwrap().to_owned();
    let uri = added.body["otpauth_uri"].as_str().unwrap();
    assert!(
        uri.starts_with("otpauth://totp/Example%20Corp:wes?") || uri.starts_with("otpauth://totp/"),
        "{uri}"
    );
    assert!(uri.contains(&format!("secret={secret}")));
    assert!(added.body["qr_svg"].as_str().unwrap().contains("<svg"));
    let id = added.body["method_id"].as_str().unwrap().to_owned();

    // The seed is stored sealed, never in clear.
    let stored: Vec<String> = app
        .ctx
        .store
        .read(|conn| {
            use diesel::prelude::*;
            use sspr::store::schema::methods::dsl::*;
            Ok(methods.select(data).load(conn)?)
        })
        .await
        .unwrap();
    assert!(stored[0].contains("sealed_seed"), "{}", stored[0]);
    assert!(!stored[0].contains(&secret));
    // Listing never shows it again.
    assert!(
        !app.get("/api/v1/me/methods", &token)
            .await
            .body
            .to_string()
            .contains(&secret)
    );

    let now = app.clock.now();
    // Two steps old is outside the window.
    let stale = sspr::methods::authenticator::code_at(&secret, now - chrono::Duration::seconds(65))
        .unwrap();
    let current = sspr::methods::authenticator::code_at(&secret, now).unwrap();
    if stale != current {
        app.post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": stale}),
        )
        .await
        .assert_problem(422, "totp_invalid");
    }
    // One step of drift is accepted.
    let drifted =
        sspr::methods::authenticator::code_at(&secret, now - chrono::Duration::seconds(30))
            .unwrap();
    let ok = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": drifted}),
        )
        .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
    assert_eq!(ok.body["hint"], "Authenticator app");

    // The step that was used cannot be used again (replay), a later one can.
    let method_id = id.clone();
    let (first, second, later) = app
        .ctx
        .store
        .write(move |conn| {
            let step = (now.timestamp() / 30) - 1;
            let spend = |conn: &mut _, step| {
                sspr::methods::authenticator::spend_step(conn, &method_id, step)
                    .map(|d| d.is_some())
            };
            Ok((
                spend(conn, step)?,
                spend(conn, step + 1)?,
                spend(conn, step + 1)?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(
        (first, second, later),
        (false, true, false),
        "the drifted step was recorded at verification"
    );
}

async fn wrong_codes_run_out_and_a_resend_replaces_the_code(app: TestApp) {
    let admin = app.admin_token().await;
    open_policy(&app, &admin).await;
    let (_, token) = app.signed_in_user(&admin, "xena").await;
    let added = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "mobile_sms", "phone": "+14155550101"}),
        )
        .await;
    let id = added.body["method_id"].as_str().unwrap().to_owned();
    let code = app.last_sms_code("+14155550101").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (0..5).rev() {
        let a = app
            .post(
                &format!("/api/v1/me/methods/{id}/verify"),
                &token,
                json!({"code": wrong}),
            )
            .await;
        a.assert_problem(422, "invalid_code");
        assert_eq!(a.body["attempts_left"], left);
    }
    // The sixth try, even with the right code, is refused.
    let sixth = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": code}),
        )
        .await;
    sixth.assert_problem(422, "too_many_attempts");

    // Too early for another code.
    let early = app
        .call(
            Method::POST,
            &format!("/api/v1/me/methods/{id}/resend"),
            Some(&token),
            None,
        )
        .await;
    early.assert_problem(429, "throttled");
    assert_eq!(early.header("retry-after"), Some("60"));
    app.advance(60);
    let resent = app
        .call(
            Method::POST,
            &format!("/api/v1/me/methods/{id}/resend"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(resent.status, 202, "{:#}", resent.body);
    let new_code = app.last_sms_code("+14155550101").await;
    if new_code != code {
        app.post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": code}),
        )
        .await
        .assert_problem(422, "invalid_code");
    }
    // A third send is allowed, a fourth within the code's lifetime is not.
    app.advance(60);
    assert_eq!(
        app.call(
            Method::POST,
            &format!("/api/v1/me/methods/{id}/resend"),
            Some(&token),
            None
        )
        .await
        .status,
        202
    );
    app.advance(60);
    let fourth = app
        .call(
            Method::POST,
            &format!("/api/v1/me/methods/{id}/resend"),
            Some(&token),
            None,
        )
        .await;
    fourth.assert_problem(429, "throttled");
    assert_eq!(
        fourth.header("retry-after"),
        Some("420"),
        "until the first of the three is ten minutes old"
    );
    assert_eq!(
        gateway_requests(&app.gateway, "Messages.json", "+14155550101")
            .await
            .len(),
        3
    );
    let latest = app.last_sms_code("+14155550101").await;
    assert_eq!(
        app.post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": latest})
        )
        .await
        .status,
        200
    );
}

async fn the_policy_decides_which_methods_may_be_registered(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email"]}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "ada").await;
    app.post(
        "/api/v1/me/methods",
        &token,
        json!({"kind": "mobile_sms", "phone": "+14155550123"}),
    )
    .await
    .assert_problem(403, "method_not_enabled");
    app.call(
        Method::PUT,
        "/api/v1/me/security-questions",
        Some(&token),
        Some(json!({"answers": []})),
    )
    .await
    .assert_problem(403, "method_not_enabled");
    // Administrators get the strict policy: SMS is theirs to use, security questions never.
    let sms = app
        .post(
            "/api/v1/me/methods",
            &admin,
            json!({"kind": "mobile_sms", "phone": "+14155550124"}),
        )
        .await;
    assert_eq!(sms.status, 201, "{:#}", sms.body);
    app.set_policy(
        &admin,
        json!({"methods_enabled": ["email", "security_questions"]}),
    )
    .await;
    app.call(
        Method::PUT,
        "/api/v1/me/security-questions",
        Some(&admin),
        Some(json!({"answers": []})),
    )
    .await
    .assert_problem(403, "not_allowed_for_administrators");
    assert!(
        gateway_requests(&app.gateway, "Messages.json", "+14155550123")
            .await
            .is_empty()
    );
}

async fn security_questions_are_normalised_hashed_and_distinct(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "security_questions"],
               "security_questions": {"register_count": 3, "reset_count": 3, "custom_questions": ["What is our office dog called?"]}}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "bea").await;
    let catalogue = app
        .get("/api/v1/me/security-questions/catalog", &token)
        .await;
    assert_eq!(catalogue.body["register_count"], 3);
    let questions = catalogue.body["questions"].as_array().unwrap();
    assert!(questions.len() >= 11);
    assert_eq!(
        questions.last().unwrap()["text"],
        "What is our office dog called?"
    );
    let id = |i: usize| questions[i]["question_id"].clone();
    let answer = |q: Value, a: &str| json!({"question_id": q, "answer": a});

    let dup = app
        .put("/api/v1/me/security-questions", &token, json!({"answers": [answer(id(0), "Paris"), answer(id(1), "  PARIS "), answer(id(2), "Rex")]}))
        .await;
    dup.assert_problem(422, "validation_failed");
    assert_eq!(dup.fields(), ["answers[1].answer"]);
    let bad = app
        .put(
            "/api/v1/me/security-questions",
            &token,
            json!({"answers": [answer(id(0), "ok"), answer(id(0), "Lyon"), answer(json!("builtin-99"), "Rex")]}),
        )
        .await;
    assert_eq!(
        bad.fields(),
        [
            "answers[0].answer",
            "answers[1].question_id",
            "answers[2].question_id"
        ]
    );
    let few = app
        .put(
            "/api/v1/me/security-questions",
            &token,
            json!({"answers": [answer(id(0), "Paris")]}),
        )
        .await;
    assert_eq!(few.fields(), ["answers"]);

    let last = questions.len() - 1;
    let ok = app
        .put(
            "/api/v1/me/security-questions",
            &token,
            json!({"answers": [answer(id(0), "Paris"), answer(id(1), "Whiskers the Cat"), answer(id(last), "Biscuit")]}),
        )
        .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
    assert_eq!(ok.body["kind"], "security_questions");
    assert_eq!(ok.body["status"], "active");
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.body["registration"]["compliant"], true);

    let hashes: Vec<String> = app
        .ctx
        .store
        .read(|conn| {
            use diesel::prelude::*;
            use sspr::store::schema::security_answers::dsl::*;
            Ok(security_answers.select(answer_hash).load(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(hashes.len(), 3);
    assert!(hashes.iter().all(|h| h.starts_with("$argon2id$")));
    // Stored normalised: the hash verifies the case-folded, space-collapsed answer.
    let normalised = sspr::password::Password::parse("whiskers the cat", "a").unwrap();
    let verifies = futures_util::future::join_all(
        hashes
            .iter()
            .map(|h| app.ctx.hasher.verify(&normalised, Some(h))),
    )
    .await;
    assert_eq!(
        verifies
            .iter()
            .filter(|v| v.as_ref().unwrap().matches)
            .count(),
        1
    );
    assert!(
        !serde_json::to_string(&app.audit(&admin, "").await)
            .unwrap()
            .to_lowercase()
            .contains("whiskers")
    );
}

async fn status_flags_follow_scope_registration_and_the_reconfirmation_clock(app: TestApp) {
    let admin = app.admin_token().await;
    let pilot = app
        .post("/api/v1/admin/groups", &admin, json!({"name": "Pilot"}))
        .await
        .body;
    app.set_policy(
        &admin,
        json!({"scope": "selected", "group_ids": [pilot["group_id"]], "methods_required": 1,
               "methods_enabled": ["email", "mobile_sms"], "registration": {"require_on_sign_in": true, "reconfirm_days": 180}}),
    )
    .await;
    let (inside, token) = app.signed_in_user(&admin, "cid").await;
    let (_, outsider) = app.signed_in_user(&admin, "dee").await;
    app.put(
        &format!(
            "/api/v1/admin/groups/{}/members",
            pilot["group_id"].as_str().unwrap()
        ),
        &admin,
        json!({"user_ids": [inside["user_id"]]}),
    )
    .await;
    let registration = |a: &crate::helpers::Answer| a.body["registration"].clone();
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(registration(&me)["registration_required"], true);
    assert_eq!(
        registration(&app.get("/api/v1/me", &outsider).await)["registration_required"],
        false,
        "out of scope"
    );

    app.register_email(&token, "cid@home.example").await;
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(registration(&me)["registration_required"], false);
    assert_eq!(registration(&me)["reconfirm_required"], false);
    let due = chrono::DateTime::parse_from_rfc3339(
        registration(&me)["reconfirm_due_at"].as_str().unwrap(),
    )
    .unwrap();
    let until_due = (due.with_timezone(&chrono::Utc) - app.clock.now()).num_seconds();
    assert!(
        (180 * 86_400 - 1..=180 * 86_400).contains(&until_due),
        "{until_due}"
    );

    // Sessions last an hour; months later people sign in again.
    app.advance(180 * 86_400 - 1);
    let token = app.token("cid", crate::helpers::USER_PASSWORD).await;
    let admin = app.admin_token().await;
    assert_eq!(
        registration(&app.get("/api/v1/me", &token).await)["reconfirm_required"],
        false
    );
    app.advance(1);
    assert_eq!(
        registration(&app.get("/api/v1/me", &token).await)["reconfirm_required"],
        true
    );
    assert_eq!(
        app.sign_in("cid", crate::helpers::USER_PASSWORD).await.body["reconfirm_required"],
        true
    );
    let confirmed = app
        .call(
            Method::POST,
            "/api/v1/me/methods/confirm",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(confirmed.status, 200, "{:#}", confirmed.body);
    assert_eq!(confirmed.body["reconfirm_required"], false);
    assert_eq!(app.audit(&admin, "type=method.confirmed").await.len(), 1);

    // 0 days: never asked again.
    app.set_policy(
        &admin,
        json!({"registration": {"require_on_sign_in": true, "reconfirm_days": 0}}),
    )
    .await;
    app.advance(10_000 * 86_400);
    let token = app.token("cid", crate::helpers::USER_PASSWORD).await;
    let outsider = app.token("dee", crate::helpers::USER_PASSWORD).await;
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(registration(&me)["reconfirm_required"], false);
    assert_eq!(registration(&me)["reconfirm_due_at"], Value::Null);
    app.call(
        Method::POST,
        "/api/v1/me/methods/confirm",
        Some(&outsider),
        None,
    )
    .await
    .assert_problem(409, "no_methods");
}

async fn removing_a_method_is_allowed_reported_and_notified(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "mobile_sms"]}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "eve").await;
    let method = app.register_sms(&token, "+14155550111").await;
    app.smtp.wait_for("eve@example.com", 1).await;
    let id = method["method_id"].as_str().unwrap();
    // Removing an active method is a change: it needs a step-up.
    app.delete(&format!("/api/v1/me/methods/{id}"), &token)
        .await
        .assert_problem(403, "step_up_required");
    app.step_up(&token).await;
    let removed = app
        .delete(&format!("/api/v1/me/methods/{id}"), &token)
        .await;
    assert_eq!(removed.status, 200, "{:#}", removed.body);
    assert_eq!(removed.body["registration"]["compliant"], false);
    assert_eq!(removed.body["registration"]["registration_required"], true);
    let notices = app.smtp.wait_for("eve@example.com", 2).await;
    assert!(
        notices[1]
            .data
            .contains("mobile phone for text messages removed")
    );
    app.delete(&format!("/api/v1/me/methods/{id}"), &token)
        .await
        .assert_problem(404, "not_found");
    // Someone else's method id finds nothing.
    let (_, other) = app.signed_in_user(&admin, "fay").await;
    let mine = app.register_sms(&other, "+14155550112").await;
    app.delete(
        &format!("/api/v1/me/methods/{}", mine["method_id"].as_str().unwrap()),
        &token,
    )
    .await
    .assert_problem(404, "not_found");
}

async fn administrators_see_masked_methods_and_can_require_reregistration(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "mobile_sms"]}),
    )
    .await;
    let (user, token) = app.signed_in_user(&admin, "gus").await;
    app.register_sms(&token, "+14155550131").await;
    let id = user["user_id"].as_str().unwrap();
    let listed = app
        .get(&format!("/api/v1/admin/users/{id}/methods"), &admin)
        .await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.body["items"][0]["hint"], "+1 ••• ••• ••31");
    assert!(!listed.body.to_string().contains("5550131"));

    let reset = app
        .call(
            Method::POST,
            &format!("/api/v1/admin/users/{id}/require-reregistration"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(reset.status, 204);
    assert_eq!(
        app.get(&format!("/api/v1/admin/users/{id}/methods"), &admin)
            .await
            .body["items"],
        json!([])
    );
    assert_eq!(
        app.sign_in("gus", crate::helpers::USER_PASSWORD).await.body["registration_required"],
        true
    );
    let audit = app.audit(&admin, "type=user.reregistration_required").await;
    assert_eq!(audit[0]["details"]["methods_removed"], 1);
    app.get(
        &format!("/api/v1/admin/users/{}/methods", uuid::Uuid::new_v4()),
        &admin,
    )
    .await
    .assert_problem(404, "not_found");
    let user_token = app.token("gus", crate::helpers::USER_PASSWORD).await;
    app.get(&format!("/api/v1/admin/users/{id}/methods"), &user_token)
        .await
        .assert_problem(403, "forbidden");
}

async fn the_impact_of_a_proposed_policy_is_counted_from_real_registrations(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "mobile_sms"]}),
    )
    .await;
    let (_, hal) = app.signed_in_user(&admin, "hal").await;
    app.register_email(&hal, "hal@home.example").await;
    let (_, ida) = app.signed_in_user(&admin, "ida").await;
    app.register_email(&ida, "ida@home.example").await;
    app.register_sms(&ida, "+14155550141").await;
    app.signed_in_user(&admin, "jon").await;

    let mut proposed = app.get("/api/v1/admin/policy", &admin).await.body;
    let impact = app
        .post("/api/v1/admin/policy/impact", &admin, proposed.clone())
        .await;
    assert_eq!(impact.status, 200, "{:#}", impact.body);
    assert_eq!(
        impact.body,
        json!({"users_total": 4, "in_scope": 4, "compliant": 2, "unable_to_reset": 2})
    );
    proposed["methods_required"] = json!(2);
    let stricter = app
        .post("/api/v1/admin/policy/impact", &admin, proposed.clone())
        .await;
    assert_eq!(
        stricter.body,
        json!({"users_total": 4, "in_scope": 4, "compliant": 1, "unable_to_reset": 3})
    );
    proposed["scope"] = json!("none");
    let none = app
        .post("/api/v1/admin/policy/impact", &admin, proposed.clone())
        .await;
    assert_eq!(none.body["in_scope"], 1, "only the administrator");
    proposed["methods_required"] = json!(5);
    app.post("/api/v1/admin/policy/impact", &admin, proposed)
        .await
        .assert_problem(422, "validation_failed");
    assert_eq!(
        app.get("/api/v1/admin/policy", &admin).await.body["methods_required"],
        1,
        "nothing saved"
    );
}

async fn notifications_wait_out_an_smtp_outage_and_arrive_once(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "mobile_sms"]}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "kim").await;
    app.smtp.stop();
    app.register_sms(&token, "+14155550151").await;
    // The sender tries and fails; the notification stays queued.
    let waiting = || async {
        app.ctx
            .store
            .read(|conn| sspr::store::outbox::count_for(conn, "kim@example.com"))
            .await
            .unwrap()
    };
    for _ in 0..100 {
        let attempts: i32 = app
            .ctx
            .store
            .read(|conn| {
                use diesel::prelude::*;
                use sspr::store::schema::outbox::dsl::*;
                Ok(outbox
                    .filter(recipient.eq("kim@example.com"))
                    .select(attempts)
                    .first(conn)?)
            })
            .await
            .unwrap();
        if attempts > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(waiting().await, (1, 0));
    assert!(app.smtp.mails_to("kim@example.com").is_empty());

    app.smtp.restart().await;
    app.advance(5);
    let mails = app.smtp.wait_for("kim@example.com", 1).await;
    assert!(
        mails[0]
            .data
            .contains("mobile phone for text messages added")
    );
    // Give the sender several more passes: still exactly one.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.advance(3600);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.smtp.mails_to("kim@example.com").len(), 1);
    assert_eq!(waiting().await, (0, 1));
}

async fn a_failing_gateway_is_a_clear_error_and_counts_no_code(app: TestApp) {
    use wiremock::matchers::{body_string_contains, method};
    use wiremock::{Mock, ResponseTemplate};
    Mock::given(method("POST"))
        .and(body_string_contains("To=%2B14155550161"))
        .respond_with(ResponseTemplate::new(503))
        .with_priority(1)
        .mount(&app.gateway)
        .await;
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "mobile_sms"]}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "lou").await;
    for _ in 0..4 {
        // Not throttled after a failure: nothing was counted as sent.
        let a = app
            .post(
                "/api/v1/me/methods",
                &token,
                json!({"kind": "mobile_sms", "phone": "+14155550161"}),
            )
            .await;
        a.assert_problem(502, "delivery_failed");
        assert!(
            !a.body.to_string().contains("503"),
            "the provider's words are for the log: {:#}",
            a.body
        );
    }
    assert_eq!(
        app.get("/api/v1/me/methods", &token).await.body["items"],
        json!([])
    );
    assert!(stored_codes(&app).await.is_empty());
}

crate::both_backends!(
    an_email_method_is_registered_with_a_code_from_the_smtp_server,
    mobile_phones_get_codes_by_text_and_by_call,
    an_authenticator_app_is_enrolled_with_a_one_time_secret,
    wrong_codes_run_out_and_a_resend_replaces_the_code,
    the_policy_decides_which_methods_may_be_registered,
    security_questions_are_normalised_hashed_and_distinct,
    status_flags_follow_scope_registration_and_the_reconfirmation_clock,
    removing_a_method_is_allowed_reported_and_notified,
    administrators_see_masked_methods_and_can_require_reregistration,
    the_impact_of_a_proposed_policy_is_counted_from_real_registrations,
    notifications_wait_out_an_smtp_outage_and_arrive_once,
    a_failing_gateway_is_a_clear_error_and_counts_no_code,
);
