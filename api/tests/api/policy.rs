use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::TestApp;

fn design_example(group: &str) -> Value {
    json!({
        "scope": "selected",
        "group_ids": [group],
        "methods_required": 2,
        "methods_enabled": ["email", "mobile_sms", "authenticator_app"],
        "security_questions": {"register_count": 3, "reset_count": 3, "custom_questions": []},
        "registration": {"require_on_sign_in": true, "reconfirm_days": 180},
        "notifications": {"notify_user_on_reset": true, "notify_admins_on_admin_reset": true},
        "customization": {"helpdesk_url": null, "helpdesk_email": null},
        "unlock_enabled": true,
        "reveal_ineligible": false,
        "confirm_full_destination": false,
        "recovery_cooldown_hours": 0,
        "password": {"min_length": 12, "max_length": 256, "min_strength": 3, "banned_words": [], "history": 1}
    })
}

async fn the_policy_is_saved_versioned_audited_and_read_back(app: TestApp) {
    let admin = app.admin_token().await;
    let initial = app.get("/api/v1/admin/policy", &admin).await;
    assert_eq!(initial.status, 200);
    assert_eq!(initial.header("etag"), Some("\"1\""));
    assert_eq!(
        initial.body["scope"], "none",
        "self-service starts switched off for end users"
    );

    let group = app
        .post("/api/v1/admin/groups", &admin, json!({"name": "Pilot"}))
        .await;
    let mut wanted = design_example(group.body["group_id"].as_str().unwrap());
    wanted["customization"]["helpdesk_url"] = json!("https://help.example.com/");
    wanted["security_questions"]["custom_questions"] =
        json!(["What was the name of your first school?"]);
    let saved = app
        .put("/api/v1/admin/policy", &admin, wanted.clone())
        .await;
    assert_eq!(saved.status, 200, "{:#}", saved.body);
    assert_eq!(saved.header("etag"), Some("\"2\""));
    // Sections added after DESIGN's example read with their defaults when left out.
    wanted["recovery_codes"] = json!({"allow_administrators": false});
    wanted["passkeys"] = json!({"counts_as_two": false});
    wanted["customization"]["default_language"] = json!("en");
    wanted["customization"]["messages"] = json!([]);
    assert_eq!(saved.body, wanted);
    let read = app.get("/api/v1/admin/policy", &admin).await;
    assert_eq!(read.body, wanted);

    let rows = app.audit(&admin, "type=policy.updated").await;
    assert_eq!(rows.len(), 2, "the initial defaults and this change");
    assert_eq!(rows[0]["actor_name"], "admin");
    assert_eq!(rows[0]["details"]["version"], 2);
    let changed = rows[0]["details"]["changed"].as_array().unwrap();
    assert!(
        changed.contains(&json!("scope")) && changed.contains(&json!("methods_required")),
        "{changed:?}"
    );
    assert!(!changed.contains(&json!("password")));

    // The public configuration follows the policy.
    let public = app
        .call(Method::GET, "/api/v1/config/public", None, None)
        .await;
    assert_eq!(public.status, 200);
    assert_eq!(
        public.body["helpdesk"]["helpdesk_url"],
        "https://help.example.com/"
    );
    assert_eq!(
        public.body["methods_enabled"],
        json!(["email", "mobile_sms", "authenticator_app"])
    );
    assert_eq!(public.body["password_rules"]["min_length"], 12);
    assert_eq!(public.body["captcha"]["kind"], "builtin");
}

async fn every_invalid_policy_field_is_named_and_nothing_changes(app: TestApp) {
    let admin = app.admin_token().await;
    let bad = json!({
        "scope": "selected",
        "group_ids": [uuid::Uuid::new_v4()],
        "methods_required": 2,
        "methods_enabled": ["email", "email"],
        "security_questions": {"register_count": 6, "reset_count": 2,
                               "custom_questions": ["no", "x".repeat(201)]},
        "registration": {"require_on_sign_in": true, "reconfirm_days": 731},
        "notifications": {"notify_user_on_reset": true, "notify_admins_on_admin_reset": true},
        "customization": {"helpdesk_url": "ftp://help", "helpdesk_email": "help"},
        "unlock_enabled": true,
        "reveal_ineligible": false,
        "confirm_full_destination": false,
        "recovery_cooldown_hours": 721,
        "password": {"min_length": 7, "max_length": 257, "min_strength": 5,
                     "banned_words": ["ok", "fine word"], "history": 25}
    });
    let a = app.put("/api/v1/admin/policy", &admin, bad).await;
    a.assert_problem(422, "validation_failed");
    assert_eq!(
        a.fields(),
        [
            "customization.helpdesk_email",
            "customization.helpdesk_url",
            "group_ids[0]",
            "methods_enabled[1]",
            "methods_required",
            "password.banned_words[0]",
            "password.history",
            "password.max_length",
            "password.min_length",
            "password.min_strength",
            "recovery_cooldown_hours",
            "registration.reconfirm_days",
            "security_questions.custom_questions[0]",
            "security_questions.custom_questions[1]",
            "security_questions.register_count",
            "security_questions.reset_count",
        ]
    );
    let mut more = design_example(&uuid::Uuid::new_v4().to_string());
    more["scope"] = json!("selected");
    more["group_ids"] = json!([]);
    more["methods_enabled"] = json!([]);
    more["security_questions"]["custom_questions"] = json!(
        (0..21)
            .map(|i| format!("Question {i}?"))
            .collect::<Vec<_>>()
    );
    more["password"]["banned_words"] =
        json!((0..1001).map(|i| format!("word{i}")).collect::<Vec<_>>());
    let a = app.put("/api/v1/admin/policy", &admin, more).await;
    // 1001 words fit in 16 KiB, so this is a validation answer, not a 413.
    a.assert_problem(422, "validation_failed");
    assert_eq!(
        a.fields(),
        [
            "group_ids",
            "methods_enabled",
            "password.banned_words",
            "security_questions.custom_questions"
        ]
    );
    let mut exceeds = design_example(&uuid::Uuid::new_v4().to_string());
    exceeds["scope"] = json!("all");
    exceeds["group_ids"] = json!([]);
    exceeds["methods_enabled"] = json!(["email"]);
    exceeds["security_questions"]["reset_count"] = json!(4);
    exceeds["password"]["min_length"] = json!(100);
    exceeds["password"]["max_length"] = json!(90);
    let a = app.put("/api/v1/admin/policy", &admin, exceeds).await;
    let codes: Vec<(String, String)> = a.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        codes.contains(&("methods_required".into(), "exceeds_enabled".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&(
            "security_questions.reset_count".into(),
            "exceeds_registered".into()
        )),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("password.max_length".into(), "below_minimum".into())),
        "{codes:?}"
    );

    let after = app.get("/api/v1/admin/policy", &admin).await;
    assert_eq!(
        after.header("etag"),
        Some("\"1\""),
        "no version was written"
    );
    assert_eq!(app.audit(&admin, "type=policy.updated").await.len(), 1);
}

async fn unknown_missing_and_mistyped_policy_fields_are_refused(app: TestApp) {
    let admin = app.admin_token().await;
    let mut doc = app.get("/api/v1/admin/policy", &admin).await.body;
    doc["password"]["max_age_days"] = json!(90);
    let a = app.put("/api/v1/admin/policy", &admin, doc).await;
    a.assert_problem(422, "validation_failed");
    assert!(
        a.body["errors"][0]["field"]
            .as_str()
            .unwrap()
            .starts_with("password"),
        "{:#}",
        a.body
    );
    assert_eq!(a.body["errors"][0]["code"], "unknown_field");

    let mut doc = app.get("/api/v1/admin/policy", &admin).await.body;
    doc["password"]["min_length"] = json!("twelve");
    let a = app.put("/api/v1/admin/policy", &admin, doc).await;
    assert_eq!(a.body["errors"][0]["field"], "password.min_length");
    assert_eq!(a.body["errors"][0]["code"], "invalid_type");

    let mut doc = app.get("/api/v1/admin/policy", &admin).await.body;
    doc.as_object_mut().unwrap().remove("scope");
    let a = app.put("/api/v1/admin/policy", &admin, doc).await;
    assert_eq!(a.body["errors"][0]["code"], "missing_field");

    let mut doc = app.get("/api/v1/admin/policy", &admin).await.body;
    doc["scope"] = json!("everyone");
    assert_eq!(
        app.put("/api/v1/admin/policy", &admin, doc).await.fields(),
        ["scope"]
    );

    let mut doc = app.get("/api/v1/admin/policy", &admin).await.body;
    doc["methods_enabled"] = json!(["carrier_pigeon"]);
    assert_eq!(
        app.put("/api/v1/admin/policy", &admin, doc).await.fields(),
        ["methods_enabled[0]"]
    );

    let mut doc = app.get("/api/v1/admin/policy", &admin).await.body;
    doc["methods_required"] = json!(-1);
    assert_eq!(
        app.put("/api/v1/admin/policy", &admin, doc).await.status,
        422
    );

    assert_eq!(
        app.get("/api/v1/admin/policy", &admin).await.header("etag"),
        Some("\"1\"")
    );
}

async fn a_save_based_on_an_old_version_is_refused(app: TestApp) {
    let admin = app.admin_token().await;
    let doc = app.get("/api/v1/admin/policy", &admin).await.body;
    let put = |if_match: &'static str, body: Value| {
        let req = app
            .client
            .put(app.url("/api/v1/admin/policy"))
            .bearer_auth(&admin)
            .header("if-match", if_match)
            .json(&body);
        app.send(req)
    };
    let mut first = doc.clone();
    first["unlock_enabled"] = json!(false);
    assert_eq!(put("\"1\"", first).await.status, 200);
    let mut second = doc.clone();
    second["reveal_ineligible"] = json!(true);
    let stale = put("\"1\"", second.clone()).await;
    stale.assert_problem(409, "version_conflict");
    put("soon", second.clone())
        .await
        .assert_problem(400, "invalid_if_match");
    assert_eq!(put("\"2\"", second).await.status, 200);
    let now = app.get("/api/v1/admin/policy", &admin).await;
    assert_eq!(now.header("etag"), Some("\"3\""));
    assert_eq!(
        now.body["unlock_enabled"], true,
        "the third save was based on version 1's document"
    );
}

crate::both_backends!(
    the_policy_is_saved_versioned_audited_and_read_back,
    every_invalid_policy_field_is_named_and_nothing_changes,
    unknown_missing_and_mistyped_policy_fields_are_refused,
    a_save_based_on_an_old_version_is_refused,
);
