//! The flow token (SECURITY.md 13–17): forged, altered, foreign and stale tokens, skipped steps,
//! identity from the row only.

use reqwest::Method;
use serde_json::json;

use crate::helpers::TestApp;
use crate::recovery::{method_from, policy, registered_user};

async fn item_14_tokens_from_elsewhere_are_refused(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (_, session) = registered_user(&app, &admin, "tia", "+14155550207", false).await;
    let a = app.start_flow("tia", "reset_password").await.body;
    let b = app.start_flow("nobody-else", "reset_password").await.body;
    let m = method_from(&a, "mobile_sms");
    // Another flow's token, a session token, no token, garbage.
    for token in [
        b["flow_token"].as_str().unwrap(),
        session.as_str(),
        admin.as_str(),
        "x.y.z",
    ] {
        app.flow(&a, token, "challenges", json!({"method_id": m}))
            .await
            .assert_problem(401, "unauthenticated");
    }
    let anonymous = app
        .call(
            Method::POST,
            &format!(
                "/api/v1/recovery/flows/{}/challenges",
                a["flow_id"].as_str().unwrap()
            ),
            None,
            Some(json!({"method_id": m})),
        )
        .await;
    anonymous.assert_problem(401, "unauthenticated");
    // A flow token is not a session.
    app.get("/api/v1/me", a["flow_token"].as_str().unwrap())
        .await
        .assert_problem(401, "unauthenticated");
    app.get("/api/v1/admin/users", a["flow_token"].as_str().unwrap())
        .await
        .assert_problem(401, "unauthenticated");
    // A newer flow for the same person kills the older one.
    let newer = app.start_flow("tia", "reset_password").await.body;
    app.flow(
        &a,
        a["flow_token"].as_str().unwrap(),
        "challenges",
        json!({"method_id": m}),
    )
    .await
    .assert_problem(409, "flow_finished");
    // The person is whoever the flow says: fields naming someone are refused.
    let smuggled = app
        .flow(
            &newer,
            newer["flow_token"].as_str().unwrap(),
            "challenges",
            json!({"method_id": m, "username": "admin"}),
        )
        .await;
    smuggled.assert_problem(422, "validation_failed");
    assert_eq!(smuggled.body["errors"][0]["code"], "unknown_field");
    // A method of another person is not one of this flow's.
    let not_mine = app
        .flow(
            &newer,
            newer["flow_token"].as_str().unwrap(),
            "challenges",
            json!({"method_id": uuid::Uuid::new_v4()}),
        )
        .await;
    assert_eq!(not_mine.fields(), ["method_id"]);
}

const FLOW_TYP: &str = "sspr-flow+jwt";

/// Every step refuses `token` as unauthenticated.
async fn refused_everywhere(app: &TestApp, flow: &serde_json::Value, token: &str, why: &str) {
    let m = method_from(flow, "mobile_sms");
    for (step, body) in [
        ("challenges", json!({"method_id": m})),
        ("verify", json!({"method_id": m, "code": "123456"})),
        (
            "password",
            json!({"new_password": "no forged token gets this far"}),
        ),
        ("unlock", serde_json::Value::Null),
    ] {
        let a = app.flow(flow, token, step, body).await;
        assert_eq!(a.status, 401, "{why} at {step}: {:#}", a.body);
        assert_eq!(a.code(), "unauthenticated", "{why} at {step}");
    }
}

async fn item_13_forged_and_altered_flow_tokens_are_refused_at_every_step(app: TestApp) {
    use crate::tokens::{KEY1, claims_of, sign};
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
    use sspr::clock::Clock as _;
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    registered_user(&app, &admin, "nor", "+14155550321", false).await;
    let start = app.start_flow("nor", "reset_password").await;
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let claims = claims_of(&token);
    // Sanity: the same claims signed the same way pass, so each refusal below comes from the
    // one thing that differs.
    let resigned = sign(&claims, "test1", FLOW_TYP, KEY1);
    let ok = app
        .flow(
            &flow,
            &resigned,
            "challenges",
            json!({"method_id": method_from(&flow, "mobile_sms")}),
        )
        .await;
    assert_eq!(ok.status, 202, "{:#}", ok.body);

    let parts: Vec<&str> = token.split('.').collect();
    let none = B64.encode(json!({"alg": "none", "typ": FLOW_TYP, "kid": "test1"}).to_string());
    refused_everywhere(&app, &flow, &format!("{none}.{}.", parts[1]), "alg none").await;
    let rs = B64.encode(json!({"alg": "RS256", "typ": FLOW_TYP, "kid": "test1"}).to_string());
    refused_everywhere(
        &app,
        &flow,
        &format!("{rs}.{}.{}", parts[1], parts[2]),
        "HS/RS confusion",
    )
    .await;
    refused_everywhere(
        &app,
        &flow,
        &sign(
            &claims,
            "test1",
            FLOW_TYP,
            b"another secret of thirty-two b!!",
        ),
        "wrong key",
    )
    .await;
    refused_everywhere(
        &app,
        &flow,
        &sign(&claims, "nope", FLOW_TYP, KEY1),
        "unknown kid",
    )
    .await;
    refused_everywhere(
        &app,
        &flow,
        &sign(&claims, "test1", "sspr-session+jwt", KEY1),
        "session typ",
    )
    .await;
    refused_everywhere(
        &app,
        &flow,
        &sign(&claims, "test1", "JWT", KEY1),
        "plain typ",
    )
    .await;
    let mut aud = claims.clone();
    aud["aud"] = json!("sspr-api");
    refused_everywhere(
        &app,
        &flow,
        &sign(&aud, "test1", FLOW_TYP, KEY1),
        "wrong audience",
    )
    .await;
    let mut step = claims.clone();
    step["stp"] = json!(claims["stp"].as_i64().unwrap() + 1);
    refused_everywhere(
        &app,
        &flow,
        &sign(&step, "test1", FLOW_TYP, KEY1),
        "a later step claimed",
    )
    .await;
    for missing in ["exp", "aud", "iss", "sub", "stp", "iat"] {
        let mut c = claims.clone();
        c.as_object_mut().unwrap().remove(missing);
        refused_everywhere(
            &app,
            &flow,
            &sign(&c, "test1", FLOW_TYP, KEY1),
            &format!("missing {missing}"),
        )
        .await;
    }
    for i in 0..3 {
        let mut p: Vec<String> = parts.iter().map(|s| s.to_string()).collect();
        let mid = p[i].len() / 2;
        let flipped = if p[i].as_bytes()[mid] == b'A' {
            "B"
        } else {
            "A"
        };
        p[i].replace_range(mid..mid + 1, flipped);
        refused_everywhere(
            &app,
            &flow,
            &p.join("."),
            &format!("flipped byte in part {i}"),
        )
        .await;
    }
    refused_everywhere(&app, &flow, "not-a-jwt", "garbage").await;

    // The expiry boundary, with the leeway we set (10 s; the crate's default is 60 s): one
    // second before it the token still verifies (the expired flow row then answers), at it the
    // token itself is refused.
    let exp = claims["exp"].as_i64().unwrap();
    let leeway = sspr::tokens::LEEWAY_SECS;
    app.advance(exp - app.clock.now().timestamp() + leeway - 1);
    let m = method_from(&flow, "mobile_sms");
    let late = app
        .flow(&flow, &resigned, "challenges", json!({"method_id": m}))
        .await;
    assert_ne!(late.status, 401, "still within the leeway: {:#}", late.body);
    app.advance(1);
    let too_late = app
        .flow(&flow, &resigned, "challenges", json!({"method_id": m}))
        .await;
    too_late.assert_problem(401, "unauthenticated");
}

async fn item_15_finishing_without_the_required_verifications_is_refused(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 2).await;
    registered_user(&app, &admin, "oda", "+14155550322", true).await;
    let flow = app.start_flow("oda", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let finish = json!({"new_password": "nobody verified anything here"});
    // Nothing verified: the start token cannot finish, nor unlock.
    let a = app.flow(&flow, &token, "password", finish.clone()).await;
    assert!(a.status.is_client_error(), "{:#}", a.body);
    let a = app
        .flow(&flow, &token, "unlock", serde_json::Value::Null)
        .await;
    assert!(a.status.is_client_error(), "{:#}", a.body);
    // One of the two required methods verified: still not enough.
    let next = crate::recovery::pass_sms(&app, &flow, &token, "+14155550322").await;
    let a = app.flow(&flow, &next, "password", finish.clone()).await;
    assert!(a.status.is_client_error(), "{:#}", a.body);
    assert_ne!(a.status, 200);
    // Nothing changed.
    assert_eq!(
        app.sign_in("oda", crate::helpers::USER_PASSWORD)
            .await
            .status,
        200
    );
    assert_eq!(
        app.sign_in("oda", "nobody verified anything here")
            .await
            .status,
        401
    );
}

async fn item_16_a_finish_a_password_change_or_a_new_flow_kills_older_tokens(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (_, session) = registered_user(&app, &admin, "pam", "+14155550323", false).await;
    let challenge =
        |flow: &serde_json::Value| json!({"method_id": method_from(flow, "mobile_sms")});
    // A password change (here by the person, signed in) ends an open flow.
    let a = app.start_flow("pam", "reset_password").await.body;
    let a_token = a["flow_token"].as_str().unwrap().to_owned();
    let changed = app
        .post(
            "/api/v1/me/password",
            &session,
            json!({"current_password": crate::helpers::USER_PASSWORD, "new_password": "lanterns changed by their owner"}),
        )
        .await;
    assert!(changed.status.is_success(), "{:#}", changed.body);
    let dead = app.flow(&a, &a_token, "challenges", challenge(&a)).await;
    assert!(dead.status.is_client_error(), "{:#}", dead.body);
    // A new flow ends the previous one.
    let b = app.start_flow("pam", "reset_password").await.body;
    let b_token = b["flow_token"].as_str().unwrap().to_owned();
    let c = app.start_flow("pam", "reset_password").await.body;
    let c_token = c["flow_token"].as_str().unwrap().to_owned();
    let dead = app.flow(&b, &b_token, "challenges", challenge(&b)).await;
    assert!(dead.status.is_client_error(), "{:#}", dead.body);
    // A finish ends every token of the flow.
    let verified = crate::recovery::pass_sms(&app, &c, &c_token, "+14155550323").await;
    let done = app
        .flow(
            &c,
            &verified,
            "password",
            json!({"new_password": "a finished flow is over"}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    for t in [&c_token, &verified] {
        let again = app
            .flow(
                &c,
                t,
                "password",
                json!({"new_password": "and cannot be finished twice"}),
            )
            .await;
        assert!(again.status.is_client_error(), "{:#}", again.body);
    }
    assert_eq!(
        app.sign_in("pam", "a finished flow is over").await.status,
        200
    );
}

async fn item_17_the_person_is_whoever_the_flow_row_says(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, 1).await;
    let (victim, _) = registered_user(&app, &admin, "quin", "+14155550324", false).await;
    registered_user(&app, &admin, "ray", "+14155550325", false).await;
    let flow = app.start_flow("ray", "reset_password").await.body;
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let verified = crate::recovery::pass_sms(&app, &flow, &token, "+14155550325").await;
    for extra in [
        json!({"user_id": victim["user_id"]}),
        json!({"username": "quin"}),
        json!({"email": "quin@example.com"}),
    ] {
        let mut body = json!({"new_password": "whose password is this anyway"});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let a = app.flow(&flow, &verified, "password", body).await;
        a.assert_problem(422, "validation_failed");
        assert!(a.body.to_string().contains("unknown_field"), "{:#}", a.body);
    }
    // Nothing changed for anyone; the flow still finishes for its own person.
    assert_eq!(
        app.sign_in("quin", crate::helpers::USER_PASSWORD)
            .await
            .status,
        200
    );
    let done = app
        .flow(
            &flow,
            &verified,
            "password",
            json!({"new_password": "whose password is this anyway"}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert_eq!(
        app.sign_in("ray", "whose password is this anyway")
            .await
            .status,
        200
    );
    assert_eq!(
        app.sign_in("quin", crate::helpers::USER_PASSWORD)
            .await
            .status,
        200
    );
}

crate::both_backends!(
    item_13_forged_and_altered_flow_tokens_are_refused_at_every_step,
    item_15_finishing_without_the_required_verifications_is_refused,
    item_16_a_finish_a_password_change_or_a_new_flow_kills_older_tokens,
    item_17_the_person_is_whoever_the_flow_row_says,
    item_14_tokens_from_elsewhere_are_refused,
);
