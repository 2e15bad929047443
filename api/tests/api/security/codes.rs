//! One-time codes (SECURITY.md 4–12): tries, parallel guesses, replays, resends, single use,
//! lifetime, other people's codes, storage.

use serde_json::json;

use crate::helpers::{TestApp, USER_PASSWORD};
use crate::methods::open_policy;
use crate::recovery::{method_from, policy, registered_user};
use crate::support::gateway_requests;

async fn item_04_codes_cannot_be_brute_forced(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "rex", "+14155550205", false).await;
    let start = app.start_flow("rex", "reset_password").await;
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "mobile_sms");
    app.flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await;
    let code = app.last_sms_code("+14155550205").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (0..5).rev() {
        let a = app
            .flow(
                &flow,
                &token,
                "verify",
                json!({"method_id": m, "code": wrong}),
            )
            .await;
        // After five failed verifications in a day, self-service is blocked for the account.
        if left == 0 {
            a.assert_problem(422, "invalid_code");
            assert_eq!(a.body["attempts_left"], 0);
        } else {
            assert_eq!(a.body["attempts_left"], left, "{:#}", a.body);
        }
    }
    let sixth = app
        .flow(
            &flow,
            &token,
            "verify",
            json!({"method_id": m, "code": code}),
        )
        .await;
    sixth.assert_problem(429, "throttled");
    let blocked = app.start_flow("rex", "reset_password").await;
    blocked.assert_problem(429, "throttled");
    let wait: u64 = blocked.header("retry-after").unwrap().parse().unwrap();
    assert!(wait > 23 * 3600, "{wait}");
    // The victim can still sign in: reset spam never locks anyone out of their account.
    assert_eq!(app.sign_in("rex", USER_PASSWORD).await.status, 200);
    // An unknown username behaves the same way after five failures.
    let decoy = app.start_flow("ghost", "reset_password").await.body;
    let dtoken = decoy["flow_token"].as_str().unwrap().to_owned();
    let dm = decoy["methods"][0]["method_id"].clone();
    app.flow(&decoy, &dtoken, "challenges", json!({"method_id": dm}))
        .await;
    for _ in 0..5 {
        app.flow(
            &decoy,
            &dtoken,
            "verify",
            json!({"method_id": dm, "code": "000000", "answers": []}),
        )
        .await;
    }
    app.start_flow("ghost", "reset_password")
        .await
        .assert_problem(429, "throttled");
}

async fn item_05_parallel_guesses_are_all_counted(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let tolerant = crate::helpers::spawn_on(
        app.db.clone(),
        app.backend,
        &[
            ("recovery_failures_per_day", "100"),
            ("flow_max_failures", "100"),
        ],
    )
    .await;
    registered_user(&tolerant, &admin, "sam", "+14155550206", false).await;
    let flow = tolerant.start_flow("sam", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "mobile_sms");
    tolerant
        .flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await;
    let code = tolerant.last_sms_code("+14155550206").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let guesses = (0..50).map(|_| {
        tolerant.flow(
            &flow,
            &token,
            "verify",
            json!({"method_id": m, "code": wrong}),
        )
    });
    let answers = futures_util::future::join_all(guesses).await;
    let evaluated = answers
        .iter()
        .filter(|a| a.code() == "invalid_code")
        .count();
    assert!(
        evaluated <= 5,
        "at most five guesses are evaluated, {evaluated} were"
    );
    assert!(
        answers.iter().all(
            |a| ["invalid_code", "too_many_attempts", "storage_unavailable"].contains(&a.code())
        ),
        "{:?}",
        answers
            .iter()
            .map(|a| a.code().to_owned())
            .collect::<Vec<_>>()
    );
    tolerant
        .flow(
            &flow,
            &token,
            "verify",
            json!({"method_id": m, "code": code}),
        )
        .await
        .assert_problem(422, "too_many_attempts");
}

async fn item_07_resends_are_spaced_and_capped_per_flow(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "val", "+14155550209", false).await;
    let flow = app.start_flow("val", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "mobile_sms");
    assert_eq!(
        app.flow(&flow, &token, "challenges", json!({"method_id": m}))
            .await
            .status,
        202
    );
    let first = app.last_sms_code("+14155550209").await;
    let early = app
        .flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await;
    early.assert_problem(429, "throttled");
    assert_eq!(early.header("retry-after"), Some("60"));
    app.advance(60);
    assert_eq!(
        app.flow(&flow, &token, "challenges", json!({"method_id": m}))
            .await
            .status,
        202
    );
    let second = app.last_sms_code("+14155550209").await;
    if first != second {
        // The old code stopped working when the new one was sent.
        app.flow(
            &flow,
            &token,
            "verify",
            json!({"method_id": m, "code": first}),
        )
        .await
        .assert_problem(422, "invalid_code");
    }
    app.advance(60);
    assert_eq!(
        app.flow(&flow, &token, "challenges", json!({"method_id": m}))
            .await
            .status,
        202
    );
    app.advance(60);
    app.flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await
        .assert_problem(429, "throttled");
    // One text message at registration, three in this flow.
    assert_eq!(
        gateway_requests(&app.gateway, "Messages.json", "+14155550209")
            .await
            .len(),
        4
    );
}

async fn item_09_an_expired_code_fails_and_changes_nothing(app: TestApp) {
    let admin = app.admin_token().await;
    open_policy(&app, &admin).await;
    let (_, token) = app.signed_in_user(&admin, "yuri").await;
    let added = app
        .post(
            "/api/v1/me/methods",
            &token,
            json!({"kind": "email", "email": "yuri@home.example"}),
        )
        .await;
    let id = added.body["method_id"].as_str().unwrap().to_owned();
    let code = app.smtp.code_for("yuri@home.example").await;
    app.advance(599);
    app.advance(1);
    let late = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            &token,
            json!({"code": code}),
        )
        .await;
    late.assert_problem(422, "code_expired");
    assert_eq!(
        app.get("/api/v1/me/methods", &token).await.body["items"][0]["status"],
        "pending"
    );
}

/// A reset flow for `name` with its SMS code sent: (flow, token, method id, code).
async fn challenged(
    app: &TestApp,
    name: &str,
    phone: &str,
) -> (serde_json::Value, String, serde_json::Value, String) {
    let flow = app.start_flow(name, "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "mobile_sms");
    let sent = app
        .flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await;
    assert_eq!(sent.status, 202, "{:#}", sent.body);
    let code = app.last_sms_code(phone).await;
    (flow, token, m, code)
}

/// The try counter lives in the flow's code row: the same (earlier) token presented again and
/// again keeps counting down, and a new challenge in the same flow does not give tries back.
async fn item_06_replaying_a_token_does_not_reset_the_tries(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "ian", "+14155550311", false).await;
    let (flow, token, m, code) = challenged(&app, "ian", "+14155550311").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let guess = json!({"method_id": m, "code": wrong});
    let first = app.flow(&flow, &token, "verify", guess.clone()).await;
    assert_eq!(first.body["attempts_left"], 4, "{:#}", first.body);
    let replayed = app.flow(&flow, &token, "verify", guess.clone()).await;
    assert_eq!(replayed.body["attempts_left"], 3, "{:#}", replayed.body);
    // Asking again (after the resend spacing) replaces the code, not the count of failures.
    app.advance(61);
    app.flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await;
    let after = app.flow(&flow, &token, "verify", guess).await;
    assert_eq!(after.body["attempts_left"], 2, "{:#}", after.body);
}

async fn item_08_a_correct_code_works_once(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "joy", "+14155550312", false).await;
    let (flow, token, m, code) = challenged(&app, "joy", "+14155550312").await;
    let body = json!({"method_id": m, "code": code});
    let ok = app.flow(&flow, &token, "verify", body.clone()).await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
    let next = ok.body["flow_token"].as_str().unwrap().to_owned();
    // Again in this flow, with the old token or the new one: refused.
    for t in [&token, &next] {
        let again = app.flow(&flow, t, "verify", body.clone()).await;
        assert!(again.status.is_client_error(), "{:#}", again.body);
    }
    // And in a new flow for the same person.
    let other = app.start_flow("joy", "reset_password").await.body;
    let other_token = other["flow_token"].as_str().unwrap().to_owned();
    let replay = app
        .flow(
            &other,
            &other_token,
            "verify",
            json!({"method_id": method_from(&other, "mobile_sms"), "code": code}),
        )
        .await;
    assert!(replay.status.is_client_error(), "{:#}", replay.body);
    assert_ne!(replay.status, 200);
}

async fn item_10_another_persons_code_fails_and_counts_as_a_try(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "kai", "+14155550313", false).await;
    registered_user(&app, &admin, "lea", "+14155550314", false).await;
    let (_, _, _, kais_code) = challenged(&app, "kai", "+14155550313").await;
    let (flow, token, m, leas_code) = challenged(&app, "lea", "+14155550314").await;
    if kais_code == leas_code {
        return; // one chance in a million: nothing to test this time
    }
    let a = app
        .flow(
            &flow,
            &token,
            "verify",
            json!({"method_id": m, "code": kais_code}),
        )
        .await;
    a.assert_problem(422, "invalid_code");
    assert_eq!(a.body["attempts_left"], 4, "it counted");
    // Lea's own code still works afterwards.
    let ok = app
        .flow(
            &flow,
            &token,
            "verify",
            json!({"method_id": m, "code": leas_code}),
        )
        .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
}

/// The database holds a keyed hash of the code, never the code; the flow tokens (which anyone
/// can decode) hold neither.
async fn item_11_codes_are_stored_only_as_keyed_hashes(app: TestApp) {
    use base64::Engine as _;
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "max", "+14155550315", false).await;
    let (flow, token, _, code) = challenged(&app, "max", "+14155550315").await;
    let stored = crate::methods::stored_codes(&app).await;
    assert!(!stored.is_empty());
    let digest = {
        use sha2::Digest as _;
        sha2::Sha256::digest(code.as_bytes())
    };
    let unkeyed = [
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
        base64::engine::general_purpose::STANDARD_NO_PAD.encode(digest),
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest),
    ];
    for hash in &stored {
        assert!(!hash.contains(&code), "{hash}");
        for plain in &unkeyed {
            assert!(
                !hash.contains(plain.as_str()),
                "a plain hash would be brute-forced in a second"
            );
        }
    }
    for t in [&token, flow["flow_token"].as_str().unwrap()] {
        let claims = t.split('.').nth(1).unwrap();
        let claims = String::from_utf8(
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(claims)
                .unwrap(),
        )
        .unwrap();
        assert!(!claims.contains(&code), "{claims}");
        for hash in &stored {
            assert!(!claims.contains(hash.as_str()), "{claims}");
        }
    }
}

crate::both_backends!(
    item_06_replaying_a_token_does_not_reset_the_tries,
    item_08_a_correct_code_works_once,
    item_10_another_persons_code_fails_and_counts_as_a_try,
    item_11_codes_are_stored_only_as_keyed_hashes,
    item_04_codes_cannot_be_brute_forced,
    item_05_parallel_guesses_are_all_counted,
    item_07_resends_are_spaced_and_capped_per_flow,
    item_09_an_expired_code_fails_and_changes_nothing,
);
