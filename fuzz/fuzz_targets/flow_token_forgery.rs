//! No forgery: two tokens are signed with the real key (each as a flow token or as a session
//! token, with arbitrary flow, step and times), then edited byte by byte and spliced together.
//! Whatever then verifies as a flow token must carry exactly the claims of a token that was
//! signed as one — an edit may at most leave the signed text unchanged.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use sspr::flows::token::{self, Claims};
use sspr_fuzz::{ISSUER, KEYRING, now};

#[derive(Arbitrary, Debug)]
struct Signed {
    as_session: bool,
    flow: u128,
    step: i64,
    iat: i64,
    exp: i64,
}

#[derive(Arbitrary, Debug)]
enum Edit {
    Set {
        at: u16,
        byte: u8,
    },
    Flip {
        at: u16,
        bit: u8,
    },
    Insert {
        at: u16,
        byte: u8,
    },
    Remove {
        at: u16,
    },
    /// Segment `part` (header, payload or signature) taken from the other token.
    Splice {
        part: u8,
    },
}

#[derive(Arbitrary, Debug)]
struct Input {
    first: Signed,
    second: Signed,
    edits: Vec<Edit>,
}

fn sign(s: &Signed) -> Option<(Claims, String)> {
    let claims = Claims {
        iss: ISSUER.to_owned(),
        aud: token::AUDIENCE.to_owned(),
        sub: uuid::Uuid::from_u128(s.flow).to_string(),
        stp: s.step,
        iat: s.iat,
        exp: s.exp,
    };
    let typ = if s.as_session {
        sspr::session::TOKEN_TYPE
    } else {
        token::TOKEN_TYPE
    };
    let signed = KEYRING.sign(typ, &claims).ok()?;
    Some((claims, signed))
}

fn splice(into: &[u8], from: &[u8], part: usize) -> Vec<u8> {
    let mut parts: Vec<&[u8]> = into.split(|b| *b == b'.').collect();
    let theirs: Vec<&[u8]> = from.split(|b| *b == b'.').collect();
    if let (Some(slot), Some(other)) = (parts.get_mut(part), theirs.get(part)) {
        *slot = other;
    }
    parts.join(&b'.')
}

fuzz_target!(|input: Input| {
    let (Some((first, token1)), Some((second, token2))) = (sign(&input.first), sign(&input.second))
    else {
        return;
    };
    // Claims a flow token may legitimately verify with.
    let genuine: Vec<&Claims> = [(&input.first, &first), (&input.second, &second)]
        .into_iter()
        .filter(|(s, _)| !s.as_session)
        .map(|(_, c)| c)
        .collect();

    // Unedited, a flow token verifies to what was signed or not at all; a session token never.
    for (s, claims, signed) in [
        (&input.first, &first, &token1),
        (&input.second, &second, &token2),
    ] {
        if let Ok(c) = token::decode(&KEYRING, signed, now()) {
            assert!(!s.as_session && &c == claims);
        }
    }

    let mut bytes = token1.clone().into_bytes();
    for edit in &input.edits {
        let at = |i: u16| usize::from(i) % bytes.len().max(1);
        match *edit {
            Edit::Set { at: i, byte } if !bytes.is_empty() => {
                let i = at(i);
                bytes[i] = byte;
            }
            Edit::Flip { at: i, bit } if !bytes.is_empty() => {
                let i = at(i);
                bytes[i] ^= 1 << (bit % 8);
            }
            Edit::Insert { at: i, byte } => {
                let i = usize::from(i) % (bytes.len() + 1);
                bytes.insert(i, byte);
            }
            Edit::Remove { at: i } if !bytes.is_empty() => {
                let i = at(i);
                bytes.remove(i);
            }
            Edit::Splice { part } => {
                bytes = splice(&bytes, token2.as_bytes(), usize::from(part % 3))
            }
            _ => {}
        }
    }
    let Ok(edited) = String::from_utf8(bytes) else {
        return;
    };
    if let Ok(claims) = token::decode(&KEYRING, &edited, now()) {
        assert!(
            genuine.contains(&&claims),
            "forged flow token accepted: {edited} -> {claims:?}"
        );
    }
});
