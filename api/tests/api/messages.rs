//! Administrators adjust the wording of a message per language: saved with the policy (a new
//! version), checked as it is saved (an unknown variable or a syntax error is a 422 naming the
//! line, and nothing changes), previewed while it is written, used in that language only, and
//! removed to return to the built-in wording.

use serde_json::{Value, json};

use crate::helpers::TestApp;

fn entry(notice: &str, language: &str, subject: Option<&str>, body: Option<&str>) -> Value {
    let mut e = json!({"notice": notice, "language": language});
    if let Some(s) = subject {
        e["subject"] = json!(s);
    }
    if let Some(b) = body {
        e["body"] = json!(b);
    }
    e
}

async fn with_messages(app: &TestApp, admin: &str, messages: Value) -> crate::helpers::Answer {
    let mut policy = app.get("/api/v1/admin/policy", admin).await.body;
    policy["customization"]["messages"] = messages;
    app.put("/api/v1/admin/policy", admin, policy).await
}

async fn a_wording_is_checked_saved_used_in_its_language_and_reset(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "recovery_cooldown_hours": 0,
               "methods_enabled": ["email"]}),
    )
    .await;
    let before = app.get("/api/v1/admin/policy", &admin).await;

    // An unknown variable, on line 3 of the body; a syntax error; a subject for a text.
    let refused = with_messages(
        &app,
        &admin,
        json!([
            entry(
                "password_reset",
                "de",
                None,
                Some("Hallo {{ name }},\n\nIhr {{ pasword }} wurde zurückgesetzt.")
            ),
            entry("code_email", "fr", Some("{% if code %}Code"), None),
            entry("code_sms", "es", Some("Asunto"), Some("{{ code }}")),
        ]),
    )
    .await;
    refused.assert_problem(422, "validation_failed");
    let errors = refused.body["errors"].as_array().unwrap();
    let find = |field: &str| {
        errors
            .iter()
            .find(|e| e["field"] == field)
            .unwrap_or_else(|| panic!("no error for {field}: {errors:#?}"))
    };
    let unknown = find("customization.messages[0].body");
    assert_eq!(unknown["code"], "invalid_template");
    let message = unknown["message"].as_str().unwrap();
    assert!(
        message.starts_with("line 3: unknown variable `pasword`"),
        "{message}"
    );
    assert!(message.contains("`when`"), "{message}");
    let syntax = find("customization.messages[1].subject");
    assert_eq!(syntax["code"], "invalid_template");
    assert!(
        syntax["message"].as_str().unwrap().starts_with("line 1: "),
        "{syntax}"
    );
    assert_eq!(
        find("customization.messages[2].subject")["code"],
        "not_applicable"
    );
    let after = app.get("/api/v1/admin/policy", &admin).await;
    assert_eq!(after.body, before.body, "nothing changed");
    assert_eq!(after.header("etag"), before.header("etag"));

    // A German subject, saved as a new version of the policy.
    let saved = with_messages(
        &app,
        &admin,
        json!([entry(
            "code_email",
            "de",
            Some("{{ org }}: Ihr Code zum Zurücksetzen"),
            None
        )]),
    )
    .await;
    assert_eq!(saved.status, 200, "{:#}", saved.body);
    assert_ne!(saved.header("etag"), before.header("etag"));
    let (_, token) = app.signed_in_user(&admin, "jonas").await;
    app.register_email(&token, "jonas@home.example").await;

    // A reset in German uses it; one in French keeps the built-in wording.
    for (n, lang, subject) in [
        (2, "de", "Example Corp: Ihr Code zum Zurücksetzen"),
        (3, "fr", "Votre code de vérification Example Corp"),
    ] {
        let start = app
            .send(
                app.client
                    .post(app.url("/api/v1/recovery/flows"))
                    .header("accept-language", lang)
                    .json(&json!({"username": "jonas", "purpose": "reset_password",
                                  "captcha": app.captcha().await})),
            )
            .await;
        assert_eq!(start.status, 201, "{:#}", start.body);
        let flow = start.body.clone();
        let m = crate::recovery::method_from(&flow, "email");
        let sent = app
            .flow(
                &flow,
                flow["flow_token"].as_str().unwrap(),
                "challenges",
                json!({"method_id": m}),
            )
            .await;
        assert_eq!(sent.status, 202, "{:#}", sent.body);
        let mails = app.smtp.wait_for("jonas@home.example", n).await;
        let last = mails.last().unwrap();
        assert_eq!(last.subject(), subject);
        // The body is still the built-in one, with the code.
        assert!(last.html().contains("<strong>"), "{}", last.html());
    }

    // Back to the built-in wording: the entry is removed.
    let reset = with_messages(&app, &admin, json!([])).await;
    assert_eq!(reset.status, 200, "{:#}", reset.body);
    assert_eq!(reset.body["customization"]["messages"], json!([]));
}

async fn a_wording_is_previewed_with_sample_values(app: TestApp) {
    let admin = app.admin_token().await;
    let preview = |body: Value| {
        let app = &app;
        let admin = admin.clone();
        async move {
            app.post("/api/v1/admin/messages/preview", &admin, body)
                .await
        }
    };

    // The built-in wording, and the variables a wording may use.
    let built_in = preview(json!({"notice": "account_locked", "language": "de"})).await;
    assert_eq!(built_in.status, 200, "{:#}", built_in.body);
    assert_eq!(
        built_in.body["variables"],
        json!(["org", "name", "when", "failures", "minutes", "link"])
    );
    assert_eq!(
        built_in.body["subject"],
        "Ihr Konto bei Example Corp wurde gesperrt"
    );
    assert!(
        built_in.body["html"]
            .as_str()
            .unwrap()
            .contains("lang=\"de\"")
    );

    // A wording being written: filled in, escaped in HTML, with conditions and plurals.
    let written = preview(json!({
        "notice": "recovery_code_used", "language": "en",
        "subject": "{{ left }} codes left",
        "body": "Hi {{ name }} <b>,\n\n{% if left <= 3 %}Only {{ left }} of {{ total }} left.{% endif %}",
    }))
    .await;
    assert_eq!(written.status, 200, "{:#}", written.body);
    assert_eq!(written.body["subject"], "2 codes left");
    let text = written.body["text"].as_str().unwrap();
    assert!(
        text.starts_with("Hi Alex Example <b>,\n\nOnly 2 of 10 left."),
        "{text}"
    );
    let html = written.body["html"].as_str().unwrap();
    assert!(
        html.contains("Hi Alex Example &lt;b&gt;,") && !html.contains("<b>"),
        "{html}"
    );

    // A text message has no subject and no HTML part.
    let sms = preview(json!({"notice": "code_sms", "language": "ar"})).await;
    assert_eq!(sms.status, 200);
    assert!(sms.body.get("subject").is_none() && sms.body.get("html").is_none());
    assert!(sms.body["text"].as_str().unwrap().contains("123456"));

    // Refused as a save would refuse it, naming the line.
    let bad = preview(
        json!({"notice": "code_voice", "language": "en", "body": "Say {{ digits }}\n{{ code }}"}),
    )
    .await;
    bad.assert_problem(422, "validation_failed");
    assert_eq!(bad.body["errors"][0]["field"], "body");
    assert!(
        bad.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("line 2: unknown variable `code`"),
        "{:#}",
        bad.body
    );
    let unknown_notice = preview(json!({"notice": "birthday", "language": "en"})).await;
    assert_eq!(unknown_notice.status, 422, "{:#}", unknown_notice.body);

    // Administrators only.
    let (_, token) = app.signed_in_user(&admin, "pia").await;
    app.post(
        "/api/v1/admin/messages/preview",
        &token,
        json!({"notice": "code_sms", "language": "en"}),
    )
    .await
    .assert_problem(403, "forbidden");
}

crate::both_backends!(
    a_wording_is_checked_saved_used_in_its_language_and_reset,
    a_wording_is_previewed_with_sample_values,
);
