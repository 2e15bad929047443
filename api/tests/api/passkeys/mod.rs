//! Passkeys over HTTP, answered by a software authenticator of an independent implementation
//! (`device`): registration in a signed-in session, a reset with one, and every answer the
//! service must refuse — a replay, another flow's ceremony, an expired one, no user
//! verification, another origin, another person's passkey — and a decoy's options that look
//! like a real person's.

mod device;

use serde_json::{Value, json};

use crate::helpers::{Answer, TestApp};
use crate::recovery::{NEW_PASSWORD, method_from};
use crate::recovery_codes::mails_saying;
use device::Device;

/// The public URL of these tests: passkeys need a domain (localhost is one browsers trust).
pub const PUBLIC: &str = "http://localhost:8080";

/// Everyone in scope, one method, passkeys on, no cool-down.
async fn policy(app: &TestApp, admin: &str, extra: Value) {
    let mut changes = json!({"scope": "all", "methods_required": 1, "recovery_cooldown_hours": 0,
        "methods_enabled": ["email", "mobile_sms", "passkey"]});
    for (k, v) in extra.as_object().unwrap() {
        changes[k] = v.clone();
    }
    app.set_policy(admin, changes).await;
}

/// Adds a passkey named `name` (stepping up when asked) and lets `device` make it: the
/// verified method.
async fn register(app: &TestApp, token: &str, device: &mut Device, name: &str) -> Value {
    let added = app
        .add_method(token, json!({"kind": "passkey", "name": name}))
        .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
    assert_eq!(added.body["status"], "pending");
    let options = &added.body["creation_options"];
    assert_eq!(options["rp"]["id"], "localhost");
    assert_eq!(
        options["authenticatorSelection"]["userVerification"],
        "required"
    );
    let credential = device.create(options).await.expect("the device makes one");
    let id = added.body["method_id"].as_str().unwrap();
    let verified = app
        .post(
            &format!("/api/v1/me/methods/{id}/verify"),
            token,
            json!({ "credential": credential }),
        )
        .await;
    assert_eq!(verified.status, 200, "{:#}", verified.body);
    assert_eq!(verified.body["status"], "active");
    assert_eq!(verified.body["hint"], name);
    verified.body
}

/// A reset started for `name` and challenged on its passkey: (flow, token, method, options).
async fn challenged(app: &TestApp, name: &str) -> (Value, String, Value, Value) {
    let start = app.start_flow(name, "reset_password").await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    let flow = start.body.clone();
    let token = flow["flow_token"].as_str().unwrap().to_owned();
    let m = method_from(&flow, "passkey");
    let asked = app
        .flow(&flow, &token, "challenges", json!({"method_id": m}))
        .await;
    assert_eq!(asked.status, 202, "{:#}", asked.body);
    assert_eq!(asked.body["kind"], "passkey");
    let options = asked.body["request_options"].clone();
    (flow, token, m, options)
}

async fn answer(app: &TestApp, flow: &Value, token: &str, m: &Value, credential: &Value) -> Answer {
    app.flow(
        flow,
        token,
        "verify",
        json!({"method_id": m, "credential": credential}),
    )
    .await
}

/// A person with a verified phone (the first method) and a session.
async fn person(app: &TestApp, admin: &str, name: &str, phone: &str) -> String {
    let (_, token) = app.signed_in_user(admin, name).await;
    app.register_sms(&token, phone).await;
    token
}

async fn a_person_registers_named_passkeys_and_resets_with_one(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, json!({})).await;
    let session = person(&app, &admin, "ada", "+14155550401").await;
    let mut laptop = Device::new(PUBLIC);
    let mut phone = Device::new(PUBLIC);
    let first = register(&app, &session, &mut laptop, "Work laptop").await;
    // A second one: the options exclude the first, which the laptop then refuses to repeat.
    let again = app
        .add_method(&session, json!({"kind": "passkey", "name": "Laptop again"}))
        .await;
    assert_eq!(again.status, 201, "{:#}", again.body);
    let excluded = again.body["creation_options"]["excludeCredentials"]
        .as_array()
        .unwrap();
    assert_eq!(excluded.len(), 1);
    assert!(
        laptop
            .create(&again.body["creation_options"])
            .await
            .is_err()
    );
    register(&app, &session, &mut phone, "Phone").await;
    let list = app.get("/api/v1/me/methods", &session).await;
    let mut names: Vec<&str> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "passkey" && m["status"] == "active")
        .map(|m| m["hint"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Phone", "Work laptop"]);
    mails_saying(&app, "ada@example.com", "passkey \"Phone\" added", 1).await;

    // A reset offers the passkeys as one method; either device answers; a synced passkey's
    // counter stays 0 and that is no reason to refuse the next time.
    for (round, which) in [0, 1, 0].into_iter().enumerate() {
        let device = if which == 0 { &mut phone } else { &mut laptop };
        let (flow, token, m, options) = challenged(&app, "ada").await;
        assert_eq!(options["allowCredentials"].as_array().unwrap().len(), 2);
        assert_eq!(options["userVerification"], "required");
        let offered = flow["methods"].as_array().unwrap();
        assert_eq!(offered.iter().filter(|o| o["kind"] == "passkey").count(), 1);
        let credential = device.get(&options).await.expect("the device answers");
        let ok = answer(&app, &flow, &token, &m, &credential).await;
        assert_eq!(ok.status, 200, "{:#}", ok.body);
        assert_eq!(ok.body["methods_remaining"], 0);
        let next = ok.body["flow_token"].as_str().unwrap();
        let done = app
            .flow(
                &flow,
                next,
                "password",
                json!({"new_password": format!("{NEW_PASSWORD} {round}")}),
            )
            .await;
        assert_eq!(done.status, 200, "{:#}", done.body);
    }

    // Removing one needs the step-up and is told.
    let session = app.token("ada", &format!("{NEW_PASSWORD} 2")).await;
    app.step_up(&session).await;
    let id = first["method_id"].as_str().unwrap();
    let removed = app
        .delete(&format!("/api/v1/me/methods/{id}"), &session)
        .await;
    assert_eq!(removed.status, 200, "{:#}", removed.body);
    mails_saying(&app, "ada@example.com", "passkey removed", 1).await;
}

async fn answers_are_checked_once_against_their_own_ceremony(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, json!({})).await;
    let session = person(&app, &admin, "bea", "+14155550402").await;
    let mut device = Device::new(PUBLIC);
    register(&app, &session, &mut device, "Phone").await;
    let bob_session = person(&app, &admin, "bob", "+14155550403").await;
    let mut bobs = Device::new(PUBLIC);
    register(&app, &bob_session, &mut bobs, "Bob's phone").await;

    // An answer to another flow's ceremony (this one superseded it) is refused, and the
    // ceremony it was sent to is spent: even a right answer to it is then refused.
    let (_, _, _, earlier) = challenged(&app, "bea").await;
    let old_answer = device.get(&earlier).await.unwrap();
    let (flow, token, m, options) = challenged(&app, "bea").await;
    answer(&app, &flow, &token, &m, &old_answer)
        .await
        .assert_problem(422, "passkey_rejected");
    let right = device.get(&options).await.unwrap();
    answer(&app, &flow, &token, &m, &right)
        .await
        .assert_problem(422, "passkey_not_requested");

    // (A day later each time: a person gets a few failures a day before self-service stops.)
    app.advance(86_400 + 60);
    // A replay of an answer that passed is refused in the next flow.
    let (flow, token, m, options) = challenged(&app, "bea").await;
    let passed = device.get(&options).await.unwrap();
    assert_eq!(answer(&app, &flow, &token, &m, &passed).await.status, 200);
    let (flow, token, m, _) = challenged(&app, "bea").await;
    answer(&app, &flow, &token, &m, &passed)
        .await
        .assert_problem(422, "passkey_rejected");

    // An expired ceremony.
    let (flow, token, m, options) = challenged(&app, "bea").await;
    let late = device.get(&options).await.unwrap();
    app.advance(301);
    answer(&app, &flow, &token, &m, &late)
        .await
        .assert_problem(422, "passkey_not_requested");

    app.advance(86_400 + 60);
    // No user verification: a client that asks the device not to verify gets a real,
    // signed answer without the flag, and the service refuses it.
    let (flow, token, m, mut options) = challenged(&app, "bea").await;
    options["userVerification"] = json!("discouraged");
    device.set_verifies(false);
    let unverified = device.get(&options).await.unwrap();
    device.set_verifies(true);
    answer(&app, &flow, &token, &m, &unverified)
        .await
        .assert_problem(422, "passkey_rejected");

    // Another origin (a look-alike site the device would sign for).
    let (flow, token, m, options) = challenged(&app, "bea").await;
    device.origin = "http://evil.localhost:8080".to_owned();
    let phished = device.get(&options).await.unwrap();
    device.origin = PUBLIC.to_owned();
    answer(&app, &flow, &token, &m, &phished)
        .await
        .assert_problem(422, "passkey_rejected");

    app.advance(86_400 + 60);
    // Another person's passkey, answering their own (valid) ceremony.
    let (flow, token, m, _) = challenged(&app, "bea").await;
    let (_, _, _, bobs_options) = challenged(&app, "bob").await;
    let bobs_answer = bobs.get(&bobs_options).await.unwrap();
    answer(&app, &flow, &token, &m, &bobs_answer)
        .await
        .assert_problem(422, "passkey_rejected");

    // Not a credential at all: the request is refused as invalid and nothing is spent.
    let (flow, token, m, options) = challenged(&app, "bea").await;
    app.flow(
        &flow,
        &token,
        "verify",
        json!({"method_id": m, "credential": "not an object"}),
    )
    .await
    .assert_problem(422, "validation_failed");
    let fine = device.get(&options).await.unwrap();
    assert_eq!(answer(&app, &flow, &token, &m, &fine).await.status, 200);
}

/// Keys, types and string lengths: what tells two documents apart without their values.
fn shape(v: &Value) -> Value {
    match v {
        Value::String(s) => json!(format!("string of {}", s.len())),
        Value::Array(a) => Value::Array(a.iter().map(shape).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), shape(v))).collect()),
        Value::Number(_) => json!("number"),
        other => other.clone(),
    }
}

async fn a_decoy_offers_a_passkey_like_a_real_one_and_never_verifies(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, json!({})).await;
    // Her passkey is her only method (the first set needs no step-up).
    let (_, session) = app.signed_in_user(&admin, "cleo").await;
    let mut device = Device::new(PUBLIC);
    register(&app, &session, &mut device, "Phone").await;

    let (_, _, _, real) = challenged(&app, "cleo").await;
    let (flow, token, m, decoy) = challenged(&app, "nobody-at-all").await;
    let mut real_shape = shape(&real);
    let mut decoy_shape = shape(&decoy);
    // Credential ids differ in length between authenticators; everything else is the same.
    real_shape["allowCredentials"][0]["id"] = json!("id");
    decoy_shape["allowCredentials"][0]["id"] = json!("id");
    assert_eq!(real_shape, decoy_shape, "{real:#} {decoy:#}");
    // The same phantom every time.
    let (_, _, _, again) = challenged(&app, "nobody-at-all").await;
    assert_eq!(again["allowCredentials"], decoy["allowCredentials"]);
    assert_ne!(again["challenge"], decoy["challenge"]);
    // Nothing a device says passes.
    let (_, _, _, options) = challenged(&app, "cleo").await;
    let credential = device.get(&options).await.unwrap();
    answer(&app, &flow, &token, &m, &credential)
        .await
        .assert_problem(422, "passkey_rejected");
}

async fn a_passkey_counts_as_two_only_when_the_policy_says(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, json!({"methods_required": 2})).await;
    let session = person(&app, &admin, "dora", "+14155550404").await;
    let mut device = Device::new(PUBLIC);
    register(&app, &session, &mut device, "Phone").await;

    let (flow, token, m, options) = challenged(&app, "dora").await;
    assert_eq!(
        flow["methods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["kind"] == "passkey")
            .unwrap()["counts"],
        1
    );
    let ok = answer(
        &app,
        &flow,
        &token,
        &m,
        &device.get(&options).await.unwrap(),
    )
    .await;
    assert_eq!(ok.body["methods_remaining"], 1, "{:#}", ok.body);

    app.set_policy(&admin, json!({"passkeys": {"counts_as_two": true}}))
        .await;
    let (flow, token, m, options) = challenged(&app, "dora").await;
    let ok = answer(
        &app,
        &flow,
        &token,
        &m,
        &device.get(&options).await.unwrap(),
    )
    .await;
    assert_eq!(ok.status, 200, "{:#}", ok.body);
    assert_eq!(
        (&ok.body["methods_passed"], &ok.body["methods_remaining"]),
        (&json!(2), &json!(0))
    );
    let next = ok.body["flow_token"].as_str().unwrap();
    let done = app
        .flow(
            &flow,
            next,
            "password",
            json!({"new_password": NEW_PASSWORD}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    // And registration counts it twice: the phone alone would be short of two.
    let session = app.token("dora", NEW_PASSWORD).await;
    let me = app.get("/api/v1/me", &session).await;
    assert_eq!(me.body["registration"]["methods_registered"], 3);
}

async fn a_passkey_proves_a_step_up(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, json!({})).await;
    let (_, session) = app.signed_in_user(&admin, "eve").await;
    let mut device = Device::new(PUBLIC);
    let key = register(&app, &session, &mut device, "Phone").await;
    // A second session: its changes need a step-up, proven with the passkey.
    let session = app.token("eve", crate::helpers::USER_PASSWORD).await;
    app.post(
        "/api/v1/me/methods",
        &session,
        json!({"kind": "email", "email": "eve@home.example"}),
    )
    .await
    .assert_problem(403, "step_up_required");
    let asked = app
        .post(
            "/api/v1/me/step-up/challenges",
            &session,
            json!({"method_id": key["method_id"]}),
        )
        .await;
    assert_eq!(asked.status, 202, "{:#}", asked.body);
    let credential = device.get(&asked.body["request_options"]).await.unwrap();
    let proved = app
        .post(
            "/api/v1/me/step-up",
            &session,
            json!({"method_id": key["method_id"], "credential": credential}),
        )
        .await;
    assert_eq!(proved.status, 200, "{:#}", proved.body);
    // The same answer again: the ceremony is spent.
    app.post(
        "/api/v1/me/step-up",
        &session,
        json!({"method_id": key["method_id"], "credential": credential}),
    )
    .await
    .assert_problem(422, "passkey_not_requested");
    let added = app
        .post(
            "/api/v1/me/methods",
            &session,
            json!({"kind": "email", "email": "eve@home.example"}),
        )
        .await;
    assert_eq!(added.status, 201, "{:#}", added.body);
}

async fn a_changed_relying_party_id_stops_the_start(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, json!({})).await;
    let (_, session) = app.signed_in_user(&admin, "finn").await;
    register(&app, &session, &mut Device::new(PUBLIC), "Phone").await;
    let start = |url: &'static str, accept: &'static str| {
        let config = sspr::config::Config::from_settings(&crate::helpers::settings(
            &app.db,
            1,
            "http://127.0.0.1:1",
            &[("public_url", url), ("passkey_rp_id_changed", accept)],
        ))
        .unwrap();
        sspr::app::Application::build(config, std::sync::Arc::new(sspr::clock::SystemClock))
    };
    let refused = start("https://reset.example.org", "false").await;
    let Err(error) = refused else {
        panic!("a new relying party id must stop the start");
    };
    let said = error.to_string();
    assert!(
        said.contains("`localhost`") && said.contains("`reset.example.org`"),
        "{said}"
    );
    assert!(start("https://reset.example.org", "true").await.is_ok());
    assert!(start("http://localhost:9000", "false").await.is_ok());
}

async fn passkeys_need_a_domain(app: TestApp) {
    let admin = app.admin_token().await;
    policy(&app, &admin, json!({})).await;
    let (_, session) = app.signed_in_user(&admin, "gus").await;
    app.post(
        "/api/v1/me/methods",
        &session,
        json!({"kind": "passkey", "name": "Phone"}),
    )
    .await
    .assert_problem(403, "passkeys_unavailable");
}

macro_rules! on_localhost {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let backend = $crate::helpers::Backend::Sqlite;
                    if let Some(app) = $crate::helpers::spawn_app_with(backend, &[("public_url", super::PUBLIC)]).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let backend = $crate::helpers::Backend::Postgres;
                    if let Some(app) = $crate::helpers::spawn_app_with(backend, &[("public_url", super::PUBLIC)]).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
    };
}

on_localhost!(
    a_person_registers_named_passkeys_and_resets_with_one,
    answers_are_checked_once_against_their_own_ceremony,
    a_decoy_offers_a_passkey_like_a_real_one_and_never_verifies,
    a_passkey_counts_as_two_only_when_the_policy_says,
    a_passkey_proves_a_step_up,
    a_changed_relying_party_id_stops_the_start,
);

mod on_an_ip_address {
    crate::both_backends!(passkeys_need_a_domain);
    use super::passkeys_need_a_domain;
}
