//! Arbitrary bytes as the body of each recovery endpoint, through the parser the server's JSON
//! extractor uses (`parse_json`), then through what the handlers do with each field before any
//! storage is involved: username keys, the typed destination, code and answer normalisation,
//! and the new password's parsing (NFKC) and policy rules. A refused body must turn into a
//! problem+json answer. Nothing may panic.
#![no_main]

use std::sync::LazyLock;

use actix_web::ResponseError as _;
use libfuzzer_sys::fuzz_target;
use sspr::directory::{EmailAddress, PhoneNumber, Username};
use sspr::error::Error;
use sspr::http::extract::parse_json;
use sspr::http::wire::recovery::{
    ChallengeRequest, NewPasswordRequest, StartRequest, VerifyRequest,
};
use sspr::methods::{authenticator, codes, questions};
use sspr::password::{Password, rules};
use sspr_fuzz::{SECRETS, now};

const METHOD_ID: &str = "0190a4e2-0000-7000-8000-000000000001";

/// An authenticator seed sealed as the store keeps it, so that a code reaches the TOTP check.
static SEALED: LazyLock<String> =
    LazyLock::new(|| SECRETS.seal(METHOD_ID, &[7; 20]).expect("seal"));

static POLICY: LazyLock<sspr::policy::Policy> = LazyLock::new(Default::default);

fn refused(error: Error) {
    let response = error.error_response();
    assert!(response.status().is_client_error(), "{error:?}");
}

fn password(raw: &str) {
    if let Ok(p) = Password::parse(raw, "new_password") {
        assert!(p.char_count() <= sspr::password::MAX_LENGTH);
        let person = rules::Person {
            username: "alice",
            display_name: "Alice Example",
            email: "alice@example.com",
        };
        let _ = rules::check(&POLICY.password, &p, &person, "new_password");
    }
}

fuzz_target!(|data: &[u8]| {
    match parse_json::<StartRequest>(data) {
        Ok(req) => {
            let (typed, key) = sspr::flows::typed_username(&req.username);
            assert!(typed.chars().count() <= Username::MAX);
            if let Ok(u) = Username::parse(&typed, "username") {
                assert_eq!(u.key(), key);
            }
        }
        Err(e) => refused(e),
    }
    match parse_json::<ChallengeRequest>(data) {
        Ok(req) => {
            if let Some(confirm) = req.confirm {
                let _ = EmailAddress::parse(&confirm, "confirm");
                if let Ok(p) = PhoneNumber::parse(&confirm, "confirm") {
                    assert!(p.as_str().starts_with('+'));
                }
            }
        }
        Err(e) => refused(e),
    }
    match parse_json::<VerifyRequest>(data) {
        Ok(req) => {
            if let Some(code) = req.code {
                let typed = codes::normalise(&code);
                assert!(!typed.contains('-'));
                let _ = authenticator::check(&SECRETS, METHOD_ID, &SEALED, &code, now());
            }
            for answer in req.answers.unwrap_or_default() {
                let _ = Password::parse(&questions::normalise_answer(&answer.answer), "answer");
            }
        }
        Err(e) => refused(e),
    }
    match parse_json::<NewPasswordRequest>(data) {
        Ok(req) => password(&req.new_password),
        Err(e) => refused(e),
    }
});
