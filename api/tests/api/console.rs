//! The operator's console (`sspr admin …`) on the configured database: a new administrator with
//! a one-time password, the audit log exported as JSON lines and CSV, the settings checked
//! against what they name; clear exit codes (0 done, 1 failed, 2 wrong usage), every command
//! audited as done from the console.

use serde_json::Value;

use crate::helpers::TestApp;

async fn the_console_creates_an_administrator_exports_the_audit_log_and_checks_the_settings(
    app: TestApp,
) {
    // A new administrator, whose one-time password must be changed first.
    let (code, out, err) = app.console(
        &[
            "admin",
            "create-admin",
            "ops",
            "ops@example.com",
            "Ops",
            "Desk",
        ],
        &[],
    );
    assert_eq!(code, 0, "{out}{err}");
    let password = out.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(password.len() >= 12, "{out}");
    let signed_in = app.sign_in("ops", &password).await;
    assert_eq!(signed_in.status, 200, "{:#}", signed_in.body);
    assert_eq!(signed_in.body["password_change_required"], true);

    // Refusals: a taken name or a bad address is 1, wrong usage 2; nothing is created.
    let (code, _, err) = app.console(&["admin", "create-admin", "ops", "ops@example.com"], &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("username"), "{err}");
    let (code, _, err) = app.console(&["admin", "create-admin", "ops2", "not-an-address"], &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("email"), "{err}");
    for wrong in [
        &["admin", "create-admin", "lonely"][..],
        &["admin", "frobnicate"],
        &["admin", "export-audit"],
        &["admin", "export-audit", "--since", "yesterday"],
        &[
            "admin",
            "export-audit",
            "--since",
            "2026-01-01",
            "--format",
            "xml",
        ],
    ] {
        let (code, _, err) = app.console(wrong, &[]);
        assert_eq!(code, 2, "{wrong:?}: {err}");
        assert!(err.contains("usage"), "{err}");
    }

    // The audit log as JSON lines, oldest first, with the console's own entry.
    let (code, out, err) = app.console(&["admin", "export-audit", "--since", "2000-01-01"], &[]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let created = lines
        .iter()
        .find(|e| e["type"] == "user.created" && e["target_name"] == "ops")
        .expect("the console's user.created");
    assert_eq!(created["actor_name"], "console");
    let times: Vec<&str> = lines.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "oldest first");
    assert!(
        err.contains(&format!("{} audit entries exported", lines.len())),
        "{err}"
    );

    // As CSV, with a header; and nothing before a date in the future.
    let (code, out, _) = app.console(
        &[
            "admin",
            "export-audit",
            "--since",
            "2000-01-01",
            "--format",
            "csv",
        ],
        &[],
    );
    assert_eq!(code, 0);
    let mut rows = out.lines();
    assert_eq!(
        rows.next(),
        Some("id,at,type,outcome,actor_id,actor_name,target_id,target_name,ip,user_agent,details")
    );
    assert!(out.contains(",user.created,success,,console,"), "{out}");
    let (code, out, _) = app.console(&["admin", "export-audit", "--since", "2999-01-01"], &[]);
    assert_eq!((code, out.as_str()), (0, ""));

    // With the audit stream on, the console's own entry goes to standard error as a JSON line;
    // standard output stays the export.
    let (code, out, err) = app.console(
        &["admin", "export-audit", "--since", "2999-01-01"],
        &[("SSPR_AUDIT_LOG", "true")],
    );
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let streamed: Vec<Value> = err
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["log"] == "audit")
        .collect();
    assert_eq!(streamed.len(), 1, "{err}");
    assert_eq!(streamed[0]["type"], "console.audit_exported");
    assert_eq!(streamed[0]["actor_name"], "console");

    // The settings: everything answers (development delivery goes to the log) …
    let (code, out, err) = app.console(&["admin", "check-config"], &[]);
    assert_eq!(code, 0, "{out}{err}");
    for what in [
        "settings",
        "database",
        "directory",
        "email",
        "text messages and calls",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with("ok") && l.contains(what)),
            "{what}: {out}"
        );
    }
    // … and an SMTP server that does not answer is named, with exit code 1.
    let (code, out, _) = app.console(
        &["admin", "check-config"],
        &[
            ("SSPR_SMTP_URL", "smtp://127.0.0.1:9"),
            ("SSPR_SMTP_FROM", "sspr@example.com"),
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("FAIL") && l.contains("email")),
        "{out}"
    );
    // Bad settings are wrong usage.
    let (code, _, err) = app.console(&["admin", "check-config"], &[("SSPR_DIRECTORY", "nis")]);
    assert_eq!(code, 2, "{err}");

    // Every command is in the audit log, as the console's.
    let admin = app.admin_token().await;
    assert_eq!(
        app.audit(&admin, "type=console.audit_exported").await.len(),
        4
    );
    let checked = app.audit(&admin, "type=console.config_checked").await;
    assert_eq!(checked.len(), 2);
    assert_eq!(checked[0]["actor_name"], "console");
    assert_eq!(checked[0]["details"]["email"], false);
}

async fn the_console_imports_people_with_groups_contacts_and_their_old_hashes(app: TestApp) {
    let admin = app.admin_token().await;
    let file = app.db.data_dir.join("people.csv");
    let bcrypt = bcrypt::hash("an old but long password", 4).unwrap();
    std::fs::write(
        &file,
        format!(
            "username,display_name,email,mobile_phone,groups,is_admin,password_hash\n\
             ann,Ann Example,ann@example.com,+14155550171,Staff;Pilot,no,{bcrypt}\n\
             bert,\"Bert, Jr.\",bert@example.com,,Staff,,\n"
        ),
    )
    .unwrap();
    let path = file.display().to_string();
    let (code, out, err) = app.console(&["admin", "import-users", &path], &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.trim(), "2 people imported, 2 groups created");

    // The old hash signs in once and is replaced by argon2id.
    let signed_in = app.sign_in("ann", "an old but long password").await;
    assert_eq!(signed_in.status, 200, "{:#}", signed_in.body);
    let stored = app
        .ctx
        .store
        .read(|conn| sspr::store::users::find_by_key(conn, "ann"))
        .await
        .unwrap()
        .unwrap()
        .password_hash
        .unwrap();
    assert!(stored.starts_with("$argon2id$"), "{stored}");
    assert_eq!(app.sign_in("ann", "a wrong password!!").await.status, 401);

    // Groups and contacts (a suggestion for registration, not a verified method).
    let groups = app.get("/api/v1/admin/groups", &admin).await.body;
    let staff = groups["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Staff")
        .unwrap();
    assert_eq!(staff["member_count"], 2);
    let users = app.get("/api/v1/admin/users?search=ann", &admin).await.body;
    assert_eq!(users["items"][0]["mobile_phone"], "+14155550171");
    let id = users["items"][0]["user_id"].as_str().unwrap();
    let methods = app
        .get(&format!("/api/v1/admin/users/{id}/methods"), &admin)
        .await;
    assert_eq!(
        methods.body["items"],
        serde_json::json!([]),
        "{:#}",
        methods.body
    );

    // Again: nothing doubles.
    let (code, out, _) = app.console(&["admin", "import-users", &path], &[]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        "0 people imported, 0 groups created; 2 skipped (they exist already): ann, bert"
    );

    // One bad row: nothing is imported, and the line and column are named.
    std::fs::write(
        &file,
        "username,display_name,email\ncleo,Cleo,cleo@example.com\ndan,Dan,not-an-address\n",
    )
    .unwrap();
    let (code, _, err) = app.console(&["admin", "import-users", &path], &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("line 3.email"), "{err}");
    let none = app
        .get("/api/v1/admin/users?search=cleo", &admin)
        .await
        .body;
    assert_eq!(none["items"], serde_json::json!([]));
    assert_eq!(
        app.audit(&admin, "type=console.users_imported").await.len(),
        2
    );
}

crate::both_backends!(
    the_console_creates_an_administrator_exports_the_audit_log_and_checks_the_settings,
    the_console_imports_people_with_groups_contacts_and_their_old_hashes,
);
