//! Passwords (SECURITY.md 24–26): lengths in code points, never truncated; banned, weak and
//! personal passwords refused with every reason; passphrases accepted; one normalisation (NFKC)
//! at set and at sign-in; security answers never for administrators.

use serde_json::json;

use crate::helpers::{TestApp, USER_PASSWORD};

async fn change(app: &TestApp, token: &str, current: &str, new: &str) -> crate::helpers::Answer {
    app.post(
        "/api/v1/me/password",
        token,
        json!({"current_password": current, "new_password": new}),
    )
    .await
}

/// The codes of the rules a refused password broke.
fn broken(a: &crate::helpers::Answer) -> Vec<String> {
    a.body["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|e| e["code"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn item_24_lengths_count_code_points_and_every_broken_rule_is_named(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(&admin, json!({"password": {"min_length": 12, "max_length": 256, "min_strength": 3, "banned_words": ["examplecorp"], "history": 3}}))
        .await;
    let (_, token) = app.signed_in_user(&admin, "wes").await;
    // Eleven emoji are 44 bytes but 11 code points: too short.
    let short = change(&app, &token, USER_PASSWORD, &"🔑".repeat(11)).await;
    short.assert_problem(422, "validation_failed");
    assert!(
        broken(&short).contains(&"too_short".to_owned()),
        "{:#}",
        short.body
    );
    // 257 code points: too long, never truncated to something that would then be accepted.
    let long: String = "correct horse battery staple "
        .repeat(9)
        .chars()
        .take(257)
        .collect();
    let refused = change(&app, &token, USER_PASSWORD, &long).await;
    assert!(
        broken(&refused).contains(&"too_long".to_owned()),
        "{:#}",
        refused.body
    );
    let truncated: String = long.chars().take(256).collect();
    assert_eq!(app.sign_in("wes", &truncated).await.status, 401);
    // Common, banned, personal and weak passwords, each with its reason.
    for (password, rule) in [
        ("password1234", "common_password"),
        ("examplecorp lantern harbour", "banned_word"),
        ("wes Example lantern", "personal_information"),
        ("aaaaaaaaaaaaaaaa", "too_weak"),
    ] {
        let a = change(&app, &token, USER_PASSWORD, password).await;
        a.assert_problem(422, "validation_failed");
        assert!(
            broken(&a).contains(&rule.to_owned()),
            "{password}: {:#}",
            a.body
        );
    }
    assert_eq!(
        app.sign_in("wes", USER_PASSWORD).await.status,
        200,
        "nothing changed"
    );
    // A long passphrase with no digits, capitals or symbols is fine; so is exactly 256.
    let ok = change(
        &app,
        &token,
        USER_PASSWORD,
        "quiet lanterns drift over harbours",
    )
    .await;
    assert!(ok.status.is_success(), "{:#}", ok.body);
    let token = app.token("wes", "quiet lanterns drift over harbours").await;
    let max = change(
        &app,
        &token,
        "quiet lanterns drift over harbours",
        &truncated,
    )
    .await;
    assert!(max.status.is_success(), "{:#}", max.body);
    assert_eq!(app.sign_in("wes", &truncated).await.status, 200);
}

async fn item_25_passwords_are_normalised_the_same_way_at_set_and_at_sign_in(app: TestApp) {
    let admin = app.admin_token().await;
    let (_, token) = app.signed_in_user(&admin, "xia").await;
    // Full-width letters and a ligature: NFKC makes them plain ASCII.
    let typed = "ｑｕｉｅｔ lanterns ﬁnd harbours";
    let ok = change(&app, &token, USER_PASSWORD, typed).await;
    assert!(ok.status.is_success(), "{:#}", ok.body);
    assert_eq!(app.sign_in("xia", typed).await.status, 200);
    assert_eq!(
        app.sign_in("xia", "quiet lanterns find harbours")
            .await
            .status,
        200
    );
    // A lone surrogate is not text: refused before anything is looked at.
    let raw = app
        .client
        .post(app.url("/api/v1/auth/sign-in"))
        .header("content-type", "application/json")
        .body(r#"{"username": "xia", "password": "quiet \ud800 lanterns"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 400);
    assert_eq!(
        app.sign_in("xia", typed).await.status,
        200,
        "no lockout counted"
    );
}

/// Normalisation of answers (case, spacing, NFKC) is sent over HTTP in
/// `methods::security_questions_are_normalised_hashed_and_distinct`; here: administrators can
/// never use them, neither to register nor to reset.
async fn item_26_security_answers_are_never_for_administrators(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1,
               "methods_enabled": ["email", "security_questions"]}),
    )
    .await;
    let catalogue = app
        .get("/api/v1/me/security-questions/catalog", &admin)
        .await;
    let answers: Vec<serde_json::Value> = catalogue.body["questions"]
        .as_array()
        .or_else(|| catalogue.body.as_array())
        .unwrap_or_else(|| panic!("{:#}", catalogue.body))
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, q)| json!({"question_id": q["question_id"], "answer": format!("answer number {i}")}))
        .collect();
    let a = app
        .put(
            "/api/v1/me/security-questions",
            &admin,
            json!({"answers": answers}),
        )
        .await;
    assert_eq!(a.status, 403, "{:#}", a.body);
    let methods = app.get("/api/v1/me/methods", &admin).await;
    assert!(
        !methods.body.to_string().contains("security_questions"),
        "{:#}",
        methods.body
    );
}

crate::both_backends!(
    item_24_lengths_count_code_points_and_every_broken_rule_is_named,
    item_25_passwords_are_normalised_the_same_way_at_set_and_at_sign_in,
    item_26_security_answers_are_never_for_administrators,
);
