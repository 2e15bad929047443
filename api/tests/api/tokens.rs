//! Session tokens that were not issued as they are must be refused everywhere.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::helpers::TestApp;

pub(crate) fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&B64.decode(payload).unwrap()).unwrap()
}

pub(crate) fn sign(claims: &Value, kid: &str, typ: &str, secret: &[u8]) -> String {
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(kid.to_owned());
    header.typ = Some(typ.to_owned());
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(secret)).unwrap()
}

pub(crate) const KEY1: &[u8] = b"11111111111111111111111111111111";
const KEY0: &[u8] = b"00000000000000000000000000000000";
const TYP: &str = "sspr-session+jwt";

async fn assert_refused(app: &TestApp, token: &str, why: &str) {
    let a = app.get("/api/v1/me", token).await;
    assert_eq!(a.status, 401, "{why}: {:#}", a.body);
    assert_eq!(a.code(), "unauthenticated", "{why}");
    let admin = app.get("/api/v1/admin/policy", token).await;
    assert_eq!(admin.status, 401, "{why} (admin endpoint)");
}

async fn forged_and_altered_tokens_are_refused(app: TestApp) {
    let token = app.admin_token().await;
    let claims = claims_of(&token);
    // Sanity: re-signing the same claims the same way is accepted, so each refusal below is
    // caused by the one thing that differs.
    assert_eq!(
        app.get("/api/v1/me", &sign(&claims, "test1", TYP, KEY1))
            .await
            .status,
        200
    );

    let parts: Vec<&str> = token.split('.').collect();
    let none_header = B64.encode(json!({"alg": "none", "typ": TYP, "kid": "test1"}).to_string());
    assert_refused(&app, &format!("{none_header}.{}.", parts[1]), "alg none").await;
    let rs_header = B64.encode(json!({"alg": "RS256", "typ": TYP, "kid": "test1"}).to_string());
    assert_refused(
        &app,
        &format!("{rs_header}.{}.{}", parts[1], parts[2]),
        "algorithm confusion",
    )
    .await;
    assert_refused(
        &app,
        &sign(&claims, "test1", TYP, b"some other secret of 32 bytes!!!"),
        "wrong key",
    )
    .await;
    assert_refused(&app, &sign(&claims, "nope", TYP, KEY1), "unknown kid").await;
    assert_refused(&app, &sign(&claims, "test1", "JWT", KEY1), "wrong typ").await;
    let mut other_aud = claims.clone();
    other_aud["aud"] = json!("sspr-recovery");
    assert_refused(
        &app,
        &sign(&other_aud, "test1", TYP, KEY1),
        "wrong audience",
    )
    .await;
    let mut other_iss = claims.clone();
    other_iss["iss"] = json!("https://evil.example");
    assert_refused(&app, &sign(&other_iss, "test1", TYP, KEY1), "wrong issuer").await;
    for missing in ["exp", "aud", "iss", "sub", "sid", "iat"] {
        let mut c = claims.clone();
        c.as_object_mut().unwrap().remove(missing);
        assert_refused(
            &app,
            &sign(&c, "test1", TYP, KEY1),
            &format!("missing {missing}"),
        )
        .await;
    }
    let mut epoch = claims.clone();
    epoch["sep"] = json!(claims["sep"].as_i64().unwrap() + 1);
    assert_refused(
        &app,
        &sign(&epoch, "test1", TYP, KEY1),
        "another session epoch",
    )
    .await;
    let mut other_session = claims.clone();
    other_session["sid"] = json!(uuid::Uuid::new_v4().to_string());
    assert_refused(
        &app,
        &sign(&other_session, "test1", TYP, KEY1),
        "unknown session",
    )
    .await;
    // Flip one character in each part.
    for i in 0..3 {
        let mut p: Vec<String> = parts.iter().map(|s| s.to_string()).collect();
        let mid = p[i].len() / 2;
        let c = p[i].as_bytes()[mid];
        let flipped = if c == b'A' { 'B' } else { 'A' };
        p[i].replace_range(mid..mid + 1, &flipped.to_string());
        assert_refused(&app, &p.join("."), &format!("flipped byte in part {i}")).await;
    }
    assert_refused(&app, "not-a-jwt", "garbage").await;
    let a = app
        .call(reqwest::Method::GET, "/api/v1/me", None, None)
        .await;
    a.assert_problem(401, "unauthenticated");
    assert_eq!(a.header("www-authenticate"), Some("Bearer"));
}

async fn tokens_signed_with_an_older_listed_key_still_verify(app: TestApp) {
    let token = app.admin_token().await;
    let claims = claims_of(&token);
    let header: Value =
        serde_json::from_slice(&B64.decode(token.split('.').next().unwrap()).unwrap()).unwrap();
    assert_eq!(header["kid"], "test1", "the first listed key signs");
    assert_eq!(header["alg"], "HS256");
    assert_eq!(
        app.get("/api/v1/me", &sign(&claims, "test0", TYP, KEY0))
            .await
            .status,
        200
    );
}

async fn tokens_expire_with_their_session(app: TestApp) {
    let token = app.admin_token().await;
    app.advance(3599);
    assert_eq!(app.get("/api/v1/me", &token).await.status, 200);
    app.advance(1);
    app.get("/api/v1/me", &token)
        .await
        .assert_problem(401, "unauthenticated");
}

async fn a_token_issued_in_the_future_is_refused(app: TestApp) {
    let token = app.admin_token().await;
    let mut claims = claims_of(&token);
    claims["iat"] = json!(claims["iat"].as_i64().unwrap() + 3600);
    claims["exp"] = json!(claims["exp"].as_i64().unwrap() + 3600);
    assert_refused(
        &app,
        &sign(&claims, "test1", TYP, KEY1),
        "iat in the future",
    )
    .await;
}

crate::both_backends!(
    forged_and_altered_tokens_are_refused,
    tokens_signed_with_an_older_listed_key_still_verify,
    tokens_expire_with_their_session,
    a_token_issued_in_the_future_is_refused,
);
