//! A flow token from an untrusted client: the text as a token, and the text as the claims of a
//! token signed with the real key (so that claim checks are reached). None may panic, and what
//! verifies must be a flow token with the service's issuer and the recovery audience.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sspr::flows::token;
use sspr_fuzz::{ISSUER, KEYRING, now};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = token::decode(&KEYRING, text, now());
    }
    if let Ok(claims) = serde_json::from_slice::<serde_json::Value>(data)
        && let Ok(signed) = KEYRING.sign(token::TOKEN_TYPE, &claims)
    {
        if let Ok(c) = token::decode(&KEYRING, &signed, now()) {
            assert_eq!((c.iss.as_str(), c.aud.as_str()), (ISSUER, token::AUDIENCE));
        }
        // Right key, wrong kind: a flow token is never a session.
        assert!(sspr::session::decode(&KEYRING, &signed, now()).is_err());
    }
});
