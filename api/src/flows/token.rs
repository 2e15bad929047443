//! The flow token: a JWT naming a flow and the step it was issued at. It carries nothing else —
//! no code, no hash, no methods — because anyone can read a JWT. The row decides; the token only
//! proves which step of which flow the holder reached.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::Error;
use crate::store::{flows::FlowRow, utc};
use crate::tokens::{Keyring, Lifetime};

/// Header `typ`: a session token is never accepted here, nor a flow token as a session.
pub const TOKEN_TYPE: &str = "sspr-flow+jwt";
pub const AUDIENCE: &str = "sspr-recovery";

/// What a flow token says. Public (with [`decode`]) so that the fuzz targets check the very
/// path a request takes; none of it is secret, since anyone holding the token can read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    /// The flow id.
    pub sub: String,
    /// The step the token was issued at.
    pub stp: i64,
    pub iat: i64,
    pub exp: i64,
}

impl Lifetime for Claims {
    fn issued_at(&self) -> i64 {
        self.iat
    }
    fn expires_at(&self) -> i64 {
        self.exp
    }
}

/// A token for the flow at its current step; it expires with the flow (at most 15 minutes).
pub fn issue(
    ctx: &Ctx,
    flow: &FlowRow,
    now: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>), Error> {
    let expires = utc(flow.expires_at).min(now + Duration::minutes(15));
    let claims = Claims {
        iss: ctx.config.public_url.clone(),
        aud: AUDIENCE.to_owned(),
        sub: flow.id.clone(),
        stp: flow.step,
        iat: now.timestamp(),
        exp: expires.timestamp(),
    };
    Ok((ctx.keys.sign(TOKEN_TYPE, &claims)?, expires))
}

/// The claims of a flow token whose signature, kind, audience, issuer and lifetime check out,
/// whichever flow it names.
pub fn decode(keys: &Keyring, token: &str, now: DateTime<Utc>) -> Result<Claims, Error> {
    keys.verify(token, TOKEN_TYPE, AUDIENCE, now)
}

/// The step a valid token for `flow_id` was issued at.
pub fn verify(ctx: &Ctx, token: &str, flow_id: Uuid) -> Result<i64, Error> {
    let claims = decode(&ctx.keys, token, ctx.now())?;
    if claims.sub != flow_id.to_string() {
        return Err(Error::Unauthenticated);
    }
    Ok(claims.stp)
}
