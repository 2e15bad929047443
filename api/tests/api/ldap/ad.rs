//! The Active Directory path on a real Samba DC over LDAPS: a reset (`unicodePwd` replaced; the
//! new password binds in the DC), a person's own change (delete + add, checked by the DC), the
//! DC's weak and history refusals with its reason, lockout after bad binds and an unlock
//! (`lockoutTime`), disabled (`userAccountControl`) and must-change (`pwdLastSet`) accounts.

use serde_json::{Value, json};

use super::samba::{Dc, MAX_FAILURES, SEED_PASSWORD, Space};
use crate::helpers::TestApp;
use crate::recovery::{NEW_PASSWORD, pass_sms};

/// Each test's people: login stem and mobile.
pub const PEOPLE: &[(&str, Option<&str>)] =
    &[("lee", Some("+14155550401")), ("kim", Some("+14155550402"))];

/// The domain's complexity rule wants three kinds of character.
const STRONG: &str = "Lanterns-drift-0ver-harbours";

async fn ready(app: &TestApp, space: &Space, name: &str, phone: &str) -> String {
    let admin = app.token(&space.admin, SEED_PASSWORD).await;
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "mobile_sms"],
               "password": {"min_length": 12, "max_length": 256, "min_strength": 2, "banned_words": [], "history": 0}}),
    )
    .await;
    let token = app.token(&space.login(name), SEED_PASSWORD).await;
    app.register_sms(&token, phone).await;
    token
}

async fn verified(app: &TestApp, login: &str, phone: &str, purpose: &str) -> (Value, String) {
    let start = app.start_flow(login, purpose).await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    let flow = start.body.clone();
    let token = pass_sms(app, &flow, flow["flow_token"].as_str().unwrap(), phone).await;
    (flow, token)
}

async fn a_person_in_active_directory_resets_over_ldaps_and_the_password_binds_in_the_dc(
    app: TestApp,
    dc: &Dc,
    space: Space,
) {
    ready(&app, &space, "lee", "+14155550401").await;
    let (flow, token) = verified(&app, &space.login("lee"), "+14155550401", "reset_password").await;
    let done = app
        .flow(&flow, &token, "password", json!({"new_password": STRONG}))
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert!(
        dc.bind_dn(&space.dn("lee"), STRONG),
        "the new password binds in the DC"
    );
    assert!(!dc.bind_dn(&space.dn("lee"), SEED_PASSWORD));
    assert_eq!(app.sign_in(&space.login("lee"), STRONG).await.status, 200);
}

async fn the_dcs_own_rules_refuse_weak_and_reused_passwords_with_its_reason(
    app: TestApp,
    dc: &Dc,
    space: Space,
) {
    ready(&app, &space, "lee", "+14155550401").await;
    // Long enough for our policy, but one kind of character: the domain's complexity refuses it.
    let (flow, token) = verified(&app, &space.login("lee"), "+14155550401", "reset_password").await;
    let weak = app
        .flow(
            &flow,
            &token,
            "password",
            json!({"new_password": NEW_PASSWORD}),
        )
        .await;
    weak.assert_problem(422, "password_rejected_by_directory");
    assert!(
        weak.body["detail"].as_str().unwrap().contains("complexity"),
        "{:#}",
        weak.body
    );
    assert!(
        dc.bind_dn(&space.dn("lee"), SEED_PASSWORD),
        "nothing changed"
    );
    // The same flow may try again with another password.
    let done = app
        .flow(&flow, &token, "password", json!({"new_password": STRONG}))
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);

    // A person's own change is checked against the DC's history.
    let session = app.token(&space.login("lee"), STRONG).await;
    let back = app
        .post(
            "/api/v1/me/password",
            &session,
            json!({"current_password": STRONG, "new_password": SEED_PASSWORD}),
        )
        .await;
    back.assert_problem(422, "password_rejected_by_directory");
    assert!(
        back.body["detail"].as_str().unwrap().contains("history"),
        "{:#}",
        back.body
    );
    let fresh = "Paper-boats-0n-a-canal";
    let own = app
        .post(
            "/api/v1/me/password",
            &session,
            json!({"current_password": STRONG, "new_password": fresh}),
        )
        .await;
    assert_eq!(own.status, 204, "{:#}", own.body);
    assert!(dc.bind_dn(&space.dn("lee"), fresh));
}

async fn bad_binds_lock_the_account_in_the_dc_and_an_unlock_ends_it(
    app: TestApp,
    dc: &Dc,
    space: Space,
) {
    ready(&app, &space, "kim", "+14155550402").await;
    let login = space.login("kim");
    for _ in 0..MAX_FAILURES {
        app.sign_in(&login, "Not-the-passw0rd")
            .await
            .assert_problem(401, "invalid_credentials");
    }
    let locked = dc.attribute(&space.dn("kim"), "lockoutTime");
    assert!(locked.first().is_some_and(|t| t != "0"), "{locked:?}");
    app.sign_in(&login, SEED_PASSWORD)
        .await
        .assert_problem(401, "invalid_credentials");

    let (flow, token) = verified(&app, &login, "+14155550402", "unlock_account").await;
    let done = app.flow(&flow, &token, "unlock", Value::Null).await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert_eq!(
        dc.attribute(&space.dn("kim"), "lockoutTime"),
        vec!["0".to_owned()]
    );
    assert!(dc.bind_dn(&space.dn("kim"), SEED_PASSWORD));
    assert_eq!(app.sign_in(&login, SEED_PASSWORD).await.status, 200);
}

async fn disabled_and_must_change_accounts_are_read_from_the_dc(
    app: TestApp,
    dc: &Dc,
    space: Space,
) {
    dc.modify(&format!(
        "dn: {}\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 514\n",
        space.dn("lee")
    ));
    app.sign_in(&space.login("lee"), SEED_PASSWORD)
        .await
        .assert_problem(401, "account_disabled");

    dc.modify(&format!(
        "dn: {}\nchangetype: modify\nreplace: pwdLastSet\npwdLastSet: 0\n",
        space.dn("kim")
    ));
    let signed_in = app.sign_in(&space.login("kim"), SEED_PASSWORD).await;
    assert_eq!(signed_in.status, 200, "{:#}", signed_in.body);
    assert_eq!(signed_in.body["password_change_required"], true);
    let session = signed_in.body["access_token"].as_str().unwrap();
    // Until it is changed, the session may do nothing else.
    app.get("/api/v1/me/methods", session)
        .await
        .assert_problem(403, "password_change_required");
    let changed = app
        .post(
            "/api/v1/me/password",
            session,
            json!({"current_password": SEED_PASSWORD, "new_password": STRONG}),
        )
        .await;
    assert_eq!(changed.status, 204, "{:#}", changed.body);
    assert_ne!(
        dc.attribute(&space.dn("kim"), "pwdLastSet"),
        vec!["0".to_owned()]
    );
    let again = app.sign_in(&space.login("kim"), STRONG).await;
    assert_eq!(
        again.body["password_change_required"], false,
        "{:#}",
        again.body
    );
}

crate::on_samba!(
    a_person_in_active_directory_resets_over_ldaps_and_the_password_binds_in_the_dc,
    the_dcs_own_rules_refuse_weak_and_reused_passwords_with_its_reason,
    bad_binds_lock_the_account_in_the_dc_and_an_unlock_ends_it,
    disabled_and_must_change_accounts_are_read_from_the_dc,
);
