//! The service speaks the person's language: the codes it sends by email, text and call are
//! written in the language the request asked for (`Accept-Language`, which the web app sets to
//! the language chosen in it), and a reset keeps the language it started in.

use serde_json::{Value, json};

use crate::helpers::{Answer, TestApp};
use crate::recovery::method_from;
use crate::support::{field, gateway_requests};

/// A POST with an `Accept-Language`.
async fn post_in(
    app: &TestApp,
    lang: &str,
    path: &str,
    token: Option<&str>,
    body: Value,
) -> Answer {
    let mut req = app
        .client
        .post(app.url(path))
        .header("accept-language", lang)
        .json(&body);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    app.send(req).await
}

async fn codes_come_in_the_language_asked_for(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "recovery_cooldown_hours": 0,
               "methods_enabled": ["email", "mobile_sms", "mobile_voice"]}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "lena").await;

    // Registration: the person's browser asks for German.
    let added = post_in(
        &app,
        "de-DE,de;q=0.9,en;q=0.5",
        "/api/v1/me/methods",
        Some(&token),
        json!({"kind": "email", "email": "lena@home.example"}),
    )
    .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    let mails = app.smtp.wait_for("lena@home.example", 1).await;
    assert_eq!(mails[0].subject(), "Ihr Bestätigungscode für Example Corp");
    assert!(mails[0].text().contains("Minuten"), "{}", mails[0].text());
    let code = crate::support::code_after(&mails[0].data, "lautet:").expect("a code");
    let id = added.body["method_id"].as_str().unwrap();
    let verified = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": code}),
        )
        .await;
    assert_eq!(verified.status, 200, "{:#}", verified.body);
    app.register_phone(&token, "mobile_voice", "+14155550501")
        .await;
    app.register_sms(&token, "+14155550502").await;

    // A reset started in Arabic stays Arabic, whatever the later requests ask for.
    let captcha = app.captcha().await;
    let start = post_in(
        &app,
        "ar-EG",
        "/api/v1/recovery/flows",
        None,
        json!({"username": "lena", "purpose": "reset_password", "captcha": captcha}),
    )
    .await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    let flow = start.body.clone();
    let flow_token = flow["flow_token"].as_str().unwrap();
    let m = method_from(&flow, "mobile_sms");
    let sent = app
        .flow(&flow, flow_token, "challenges", json!({"method_id": m}))
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    let texts = gateway_requests(&app.gateway, "Messages.json", "+14155550502").await;
    let text = field(texts.last().unwrap(), "Body");
    assert!(
        text.contains("رمز التحقق") && text.contains("Example Corp"),
        "{text}"
    );
    let voice = method_from(&flow, "mobile_voice");
    let called = app
        .flow(&flow, flow_token, "challenges", json!({"method_id": voice}))
        .await;
    assert_eq!(called.status, 202, "{:#}", called.body);
    let calls = gateway_requests(&app.gateway, "Calls.json", "+14155550501").await;
    let twiml = field(calls.last().unwrap(), "Twiml");
    assert!(
        twiml.starts_with("<Response><Say language=\"arb\">"),
        "{twiml}"
    );

    // Without a preference (the registration above sent none): English, as before.
    let first = field(&texts[0], "Body");
    assert!(
        first.contains("is your Example Corp verification code"),
        "{first}"
    );
}

async fn a_person_saves_a_language_and_the_organisation_has_one(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email"],
               "customization": {"default_language": "es"}}),
    )
    .await;
    let (_, token) = app.signed_in_user(&admin, "omar").await;
    assert_eq!(
        app.get("/api/v1/me", &token).await.body["language"],
        Value::Null
    );
    let saved = app
        .put("/api/v1/me/language", &token, json!({"language": "ar"}))
        .await;
    assert_eq!(saved.status, 204, "{:#}", saved.body);
    assert_eq!(app.get("/api/v1/me", &token).await.body["language"], "ar");
    app.put("/api/v1/me/language", &token, json!({"language": "pt"}))
        .await
        .assert_problem(422, "validation_failed");
    assert_eq!(app.get("/api/v1/me", &token).await.body["language"], "ar");
    let forgot = app
        .put("/api/v1/me/language", &token, json!({"language": null}))
        .await;
    assert_eq!(forgot.status, 204);
    assert_eq!(
        app.get("/api/v1/me", &token).await.body["language"],
        Value::Null
    );

    // A browser that asks for none of ours gets the organisation's language.
    let added = post_in(
        &app,
        "pt-BR",
        "/api/v1/me/methods",
        Some(&token),
        json!({"kind": "email", "email": "omar@home.example"}),
    )
    .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    let mails = app.smtp.wait_for("omar@home.example", 1).await;
    assert_eq!(
        mails[0].subject(),
        "Su código de verificación de Example Corp"
    );
    // The public configuration tells the web app, for the same fallback.
    let public = app
        .call(reqwest::Method::GET, "/api/v1/config/public", None, None)
        .await;
    assert_eq!(public.body["helpdesk"]["default_language"], "es");
}

async fn notices_come_in_the_person_s_own_language(app: TestApp) {
    let admin = app.admin_token().await;
    crate::recovery::policy(&app, &admin, 1).await;
    let (_, token) = app.signed_in_user(&admin, "noor").await;
    let saved = app
        .put("/api/v1/me/language", &token, json!({"language": "fr"}))
        .await;
    assert_eq!(saved.status, 204, "{:#}", saved.body);

    // A change of security info, asked for without any language: told in French.
    app.register_sms(&token, "+14155550601").await;
    let mails = app.smtp.wait_for("noor@example.com", 1).await;
    assert_eq!(
        mails[0].subject(),
        "Vos informations de sécurité Example Corp ont été modifiées"
    );
    assert!(
        mails[0].html().contains("lang=\"fr\""),
        "{}",
        mails[0].html()
    );

    // A reset started by a browser that asks for English keeps the person's French: the code
    // and the notice of the reset.
    let start = post_in(
        &app,
        "en-US",
        "/api/v1/recovery/flows",
        None,
        json!({"username": "noor", "purpose": "reset_password", "captcha": app.captcha().await}),
    )
    .await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    let flow = start.body.clone();
    let next = crate::recovery::pass_sms(
        &app,
        &flow,
        flow["flow_token"].as_str().unwrap(),
        "+14155550601",
    )
    .await;
    let texts = gateway_requests(&app.gateway, "Messages.json", "+14155550601").await;
    let text = field(texts.last().unwrap(), "Body");
    assert!(text.contains("est votre code de vérification"), "{text}");
    let done = app
        .flow(
            &flow,
            &next,
            "password",
            json!({"new_password": crate::recovery::NEW_PASSWORD}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    let mails = app.smtp.wait_for("noor@example.com", 2).await;
    assert_eq!(
        mails[1].subject(),
        "Votre mot de passe Example Corp a été réinitialisé"
    );

    // A lockout is told in the person's language, never in the one of whoever typed.
    for _ in 0..10 {
        post_in(
            &app,
            "de",
            "/api/v1/auth/sign-in",
            None,
            json!({"username": "noor", "password": "not my password at all"}),
        )
        .await;
    }
    let mails = app.smtp.wait_for("noor@example.com", 3).await;
    let locked = mails
        .iter()
        .find(|m| m.subject() == "Votre compte Example Corp a été verrouillé")
        .expect("a lockout notice in French");
    assert!(
        locked
            .html()
            .contains("<a href=\"http://127.0.0.1:8080/recover?purpose=unlock_account\">"),
        "{}",
        locked.html()
    );
}

crate::both_backends!(
    codes_come_in_the_language_asked_for,
    a_person_saves_a_language_and_the_organisation_has_one,
    notices_come_in_the_person_s_own_language,
);
