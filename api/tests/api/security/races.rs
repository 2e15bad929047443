//! Races and integrity (SECURITY.md 18–20), on SQLite and PostgreSQL.

use serde_json::json;

use crate::helpers::TestApp;
use crate::recovery::{method_from, pass_sms, policy, registered_user};

async fn item_18_twenty_parallel_finishes_make_one_reset(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "uli", "+14155550208", false).await;
    let flow = app.start_flow("uli", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let next = pass_sms(&app, &flow, &token, "+14155550208").await;
    let passwords: Vec<String> = (0..20)
        .map(|i| format!("parallel finish number {i} wins"))
        .collect();
    let finishes = passwords
        .iter()
        .map(|p| app.flow(&flow, &next, "password", json!({"new_password": p})));
    let answers = futures_util::future::join_all(finishes).await;
    let winners: Vec<usize> = answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.status == 200)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        winners.len(),
        1,
        "{:?}",
        answers
            .iter()
            .map(|a| (a.status.as_u16(), a.code().to_owned()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        app.sign_in("uli", &passwords[winners[0]]).await.status,
        200,
        "the stored hash is the winner's"
    );
    assert_eq!(
        app.audit(&admin, "type=recovery.password_reset")
            .await
            .len(),
        1
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let resets = app
        .smtp
        .mails_to("uli@example.com")
        .into_iter()
        .filter(|m| m.subject().contains("password was reset"))
        .count();
    assert_eq!(resets, 1);
}

async fn item_19_two_parallel_correct_verifications_pass_once(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "ava", "+14155550212", false).await;
    let flow = app.start_flow("ava", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "mobile_sms");
    app.flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await;
    let code = app.last_sms_code("+14155550212").await;
    let body = json!({"method_id": m, "code": code});
    let (a, b) = tokio::join!(
        app.flow(&flow, &token, "verify", body.clone()),
        app.flow(&flow, &token, "verify", body)
    );
    let passed = [&a, &b].iter().filter(|x| x.status == 200).count();
    assert_eq!(passed, 1, "{:#} / {:#}", a.body, b.body);
    let winner = if a.status == 200 { &a } else { &b };
    assert_eq!(winner.body["methods_passed"], 1);
}

/// Runs SQL on the test's database, outside the service.
async fn execute(app: &TestApp, sql: &'static str) {
    app.ctx
        .store
        .read(move |conn| {
            use diesel::connection::SimpleConnection as _;
            conn.batch_execute(sql)?;
            Ok(())
        })
        .await
        .unwrap();
}

/// A reset whose last write fails (a trigger refuses the notice in the outbox, the finish's
/// final insert) leaves nothing of it behind: not the password, not the spent flow, not the
/// raised session epoch, not the audit row. The same step then succeeds once the fault is gone.
async fn item_20_a_failure_inside_the_finish_rolls_all_of_it_back(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (_, session) = registered_user(&app, &admin, "sol", "+14155550331", false).await;
    let flow = app.start_flow("sol", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let next = pass_sms(&app, &flow, &token, "+14155550331").await;
    match app.backend {
        crate::helpers::Backend::Sqlite => {
            execute(
                &app,
                "CREATE TRIGGER injected_fault BEFORE INSERT ON outbox \
                BEGIN SELECT RAISE(ABORT, 'injected fault'); END;",
            )
            .await;
        }
        crate::helpers::Backend::Postgres => {
            execute(
                &app,
                "CREATE FUNCTION injected_fault() RETURNS trigger AS $$ \
                BEGIN RAISE EXCEPTION 'injected fault'; END $$ LANGUAGE plpgsql; \
                CREATE TRIGGER injected_fault BEFORE INSERT ON outbox \
                FOR EACH ROW EXECUTE FUNCTION injected_fault();",
            )
            .await;
        }
    }
    let password = json!({"new_password": "a fault between the writes"});
    let failed = app.flow(&flow, &next, "password", password.clone()).await;
    assert_eq!(failed.status, 500, "{:#}", failed.body);
    assert!(
        !failed.body.to_string().contains("injected"),
        "no internal detail: {:#}",
        failed.body
    );
    assert_eq!(
        app.sign_in("sol", "a fault between the writes")
            .await
            .status,
        401
    );
    assert_eq!(
        app.get("/api/v1/me", &session).await.status,
        200,
        "sessions live on"
    );
    assert!(
        app.audit(&admin, "type=recovery.password_reset")
            .await
            .is_empty()
    );
    execute(
        &app,
        match app.backend {
            crate::helpers::Backend::Sqlite => "DROP TRIGGER injected_fault",
            crate::helpers::Backend::Postgres => "DROP TRIGGER injected_fault ON outbox",
        },
    )
    .await;
    let done = app.flow(&flow, &next, "password", password).await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert_eq!(
        app.sign_in("sol", "a fault between the writes")
            .await
            .status,
        200
    );
    assert_eq!(app.get("/api/v1/me", &session).await.status, 401);
}

crate::both_backends!(
    item_20_a_failure_inside_the_finish_rolls_all_of_it_back,
    item_18_twenty_parallel_finishes_make_one_reset,
    item_19_two_parallel_correct_verifications_pass_once,
);
