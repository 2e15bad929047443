//! The strength meter asks the service: the rating is the policy's own, so the meter and the
//! answer to a change or reset agree.

use serde_json::json;

use crate::helpers::TestApp;

async fn the_meter_is_rated_with_the_policys_own_rules(app: TestApp) {
    let admin = app.admin_token().await;
    app.set_policy(&admin, json!({"password": {"banned_words": ["example"]}}))
        .await;
    let rate = |password: &'static str, username: Option<&'static str>| {
        let api = app.api.clone();
        async move {
            api.call(
                reqwest::Method::POST,
                "/api/v1/password/check",
                None,
                Some(json!({"password": password, "username": username})),
            )
            .await
        }
    };
    let weak = rate("password1234", None).await;
    assert_eq!(weak.status, 200, "{:#}", weak.body);
    assert_eq!(weak.body["acceptable"], false);
    let codes: Vec<&str> = weak.body["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap_or_else(|| p["code"].as_str().unwrap()))
        .collect();
    assert!(codes.contains(&"common_password"), "{codes:?}");
    assert!(weak.body["score"].as_u64().unwrap() < 3);

    let strong = rate("lanterns drift over quiet harbours", None).await;
    assert_eq!(strong.body["acceptable"], true, "{:#}", strong.body);
    assert_eq!(strong.body["score"], 4);
    assert_eq!(strong.body["problems"], json!([]));

    // The organisation's banned words and the person's own name count, as they will at reset.
    let banned = rate("lanterns drift over example harbours", None).await;
    assert_eq!(banned.body["problems"][0]["code"], "banned_word");
    let personal = rate("lanterns drift over nadia harbours", Some("nadia")).await;
    assert_eq!(personal.body["problems"][0]["code"], "personal_information");

    // Nothing to rate is a clear refusal.
    app.call(
        reqwest::Method::POST,
        "/api/v1/password/check",
        None,
        Some(json!({"password": 12})),
    )
    .await
    .assert_problem(422, "validation_failed");

    // A dictionary cannot be run through it: sixty a minute per address.
    let mut last = 200;
    for _ in 0..70 {
        last = rate("another fine passphrase", None).await.status.as_u16();
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429);
}

crate::both_backends!(the_meter_is_rated_with_the_policys_own_rules);
