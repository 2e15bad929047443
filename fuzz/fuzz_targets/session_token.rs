//! A session token from an untrusted client, three ways: the text as a token, the text as an
//! `Authorization` header (through the server's own `bearer` parser), and the text as the
//! claims of a token signed with the real key (what a replica with another configuration, or
//! a future bug in `issue`, could produce), so that claim checks are reached at all. None may
//! panic; a token signed with the right key for the right kind is the only way in.
#![no_main]

use actix_web::http::header::{AUTHORIZATION, HeaderValue};
use actix_web::test::TestRequest;
use libfuzzer_sys::fuzz_target;
use sspr::session;
use sspr_fuzz::{KEYRING, now};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = session::decode(&KEYRING, text, now());
    }
    if let Ok(value) = HeaderValue::from_bytes(data) {
        let req = TestRequest::default()
            .insert_header((AUTHORIZATION, value))
            .to_http_request();
        if let Some(token) = sspr::http::extract::bearer(&req) {
            let _ = session::decode(&KEYRING, &token, now());
        }
    }
    if let Ok(claims) = serde_json::from_slice::<serde_json::Value>(data)
        && let Ok(token) = KEYRING.sign(session::TOKEN_TYPE, &claims)
    {
        let _ = session::decode(&KEYRING, &token, now());
        // Right key, wrong kind: a session token is never a flow token.
        assert!(sspr::flows::token::decode(&KEYRING, &token, now()).is_err());
    }
});
