//! Step-up for changes of security info. A password alone (stolen, or set by an administrator)
//! must never plant a recovery method: once a person has active methods, adding, replacing or
//! removing one needs a recent proof with one of them — a short-lived elevation on the session,
//! as kanidm does for privileged changes. A session that began with no active method may
//! register the first set (as many as the policy requires) without it, as the registration
//! wizard does; anything after that is a change.
//!
//! A change is also held back from recovery for the policy's cool-down (`methods.held`), and the
//! person is told of it at their old contacts ([`super::enroll`]).

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{CodeSent, active_methods, count_registered, methods_required};
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Ctx, RequestMeta};
use crate::delivery::notices;
use crate::directory::Person;
use crate::error::{Error, ErrorCode, FieldCode, Refusal};
use crate::flows::limits;
use crate::methods::{
    self, Channel, Proof, authenticator, codes, parse_kind, passkey, recovery_codes,
};
use crate::policy::{MethodKind, Policy};
use crate::session::Principal;
use crate::store::{
    self, DbConn,
    methods::{ACTIVE, MethodRow},
    sessions::SessionRow,
    ts, utc,
};

/// How long a step-up lets a session change security info.
pub const ELEVATION_MINUTES: i64 = 10;
/// Failed step-up proofs a person gets per hour, whatever the method: a password alone must
/// not buy unlimited guesses at an authenticator code.
const FAILURES_PER_HOUR: i64 = 5;

fn purpose(session_id: &str) -> String {
    format!("step-up:{session_id}")
}

fn failure_bucket(user_id: &str) -> String {
    format!("step-up-failure:{user_id}")
}

/// Whether a change now by this session is the first set or a change of an existing one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Nothing to prove with yet, or a session that began with no method completing the set the
    /// policy requires.
    FirstSet,
    /// The person has methods: a recent proof is needed, and what is added is held back.
    Change,
}

pub fn stage(
    conn: &mut DbConn,
    policy: &Policy,
    user: &Person,
    session: &SessionRow,
) -> Result<Stage, Error> {
    let active = active_methods(&store::methods::for_user(conn, &user.id)?);
    if active.is_empty() {
        return Ok(Stage::FirstSet);
    }
    let is_admin = user.is_admin;
    let answers = store::methods::answers(conn, &user.id)?.len();
    let registered = count_registered(policy, is_admin, &active, answers);
    if session.began_without_methods != 0 && registered < methods_required(policy, is_admin) {
        return Ok(Stage::FirstSet);
    }
    Ok(Stage::Change)
}

/// The session of `principal`, refused unless it may change security info now. Returns the
/// stage, so that what is added as a change can be held back.
pub fn require(
    conn: &mut DbConn,
    policy: &Policy,
    user: &Person,
    principal: &Principal,
    now: DateTime<Utc>,
) -> Result<Stage, Error> {
    let session =
        store::sessions::find(conn, &principal.session_id)?.ok_or(Error::Unauthenticated)?;
    let stage = stage(conn, policy, user, &session)?;
    let elevated = session.elevated_until.is_some_and(|until| utc(until) > now);
    if stage == Stage::Change && !elevated {
        return Err(Error::NotAllowed {
            code: ErrorCode::StepUpRequired,
            detail: "prove it is you with one of your methods before changing them".into(),
        });
    }
    Ok(stage)
}

/// The person's active method `method_id`, if it can prove a step-up.
fn provable(
    conn: &mut DbConn,
    user_id: &str,
    method_id: Uuid,
) -> Result<(MethodRow, MethodKind), Error> {
    let row = store::methods::find(conn, user_id, &method_id.to_string())?
        .filter(|m| m.status == ACTIVE)
        .ok_or(Error::NotFound("method"))?;
    let kind = parse_kind(&row.kind).ok_or(Error::NotFound("method"))?;
    if methods::registry(kind).proof() == Proof::Answers {
        // Answers are the weakest proof and cannot be asked again and again for free.
        return Err(Error::validation(
            "method_id",
            FieldCode::NotForStepUp,
            "use a code, an authenticator app, a recovery code or a passkey to confirm a change",
        ));
    }
    Ok((row, kind))
}

/// What a step-up challenge asked for.
pub enum Asked {
    /// Nothing to send: the app's code or a recovery code.
    Nothing,
    /// A code is on its way.
    Code(CodeSent),
    /// The passkey's answer to these request options.
    Passkey(serde_json::Value),
}

/// What the challenge's transaction leaves to do.
enum Challenged {
    Nothing,
    Send(Channel, String, codes::Issued),
    Passkey(serde_json::Value),
}

/// Sends a code to one of the person's methods, for a step-up, or asks the passkey (nothing
/// to send for an authenticator app or recovery codes).
pub async fn challenge(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    method_id: Uuid,
    channel: Option<Channel>,
) -> Result<Asked, Error> {
    let now = ctx.now();
    let (ctx_c, meta_c, p) = (ctx.clone(), meta.clone(), principal.clone());
    let sent = ctx
        .store
        .write(move |conn| {
            let user_id = p.user_id.to_string();
            let (row, kind) = provable(conn, &user_id, method_id)?;
            if methods::registry(kind).proof() == Proof::Passkey {
                let rp = super::passkeys::relying_party(&ctx_c)?;
                let credential = passkey::credential(&row, rp).ok_or(Error::NotFound("method"))?;
                let begun = passkey::begin_authentication(rp, &[credential], now)?;
                passkey::keep(conn, &purpose(&p.session_id), &row.id, &begun)?;
                return Ok(Challenged::Passkey(begun.options));
            }
            let own = methods::registry(kind).channel();
            let channel = match (channel, own) {
                (_, None) => return Ok(Challenged::Nothing),
                (None, Some(own)) => own,
                (Some(asked), Some(own)) => {
                    // A phone takes the channels registered on its number.
                    let numbers = store::methods::for_user(conn, &user_id)?;
                    let offered = numbers.iter().any(|m| {
                        m.status == ACTIVE
                            && m.destination() == row.destination()
                            && parse_kind(&m.kind).and_then(|k| methods::registry(k).channel())
                                == Some(asked)
                    });
                    if asked != own && !offered {
                        return Err(Error::validation(
                            "channel",
                            FieldCode::ChannelNotAvailable,
                            "this method cannot send a code that way",
                        ));
                    }
                    asked
                }
            };
            let destination = row.destination().unwrap_or_default();
            let lang = meta_c.lang_or(&crate::policy::service::current_on(conn)?.policy);
            let issued = codes::issue(
                conn,
                &ctx_c.config.codes,
                &ctx_c.secrets,
                &codes::Issue {
                    user_id: &user_id,
                    method_id: &row.id,
                    purpose: &purpose(&p.session_id),
                    channel,
                    destination: &destination,
                    digits: methods::registry(kind).code_length(),
                    keep_tries: true,
                    phantom: false,
                    lang,
                },
                now,
            )?;
            let party = Party::named(&user_id, &p.username);
            let event = Event::new(EventKind::StepUpChallenged, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row.id, "kind": row.kind }));
            audit::record(conn, now, &meta_c, event)?;
            Ok(Challenged::Send(channel, destination, issued))
        })
        .await?;
    let (channel, destination, issued) = match sent {
        Challenged::Nothing => return Ok(Asked::Nothing),
        Challenged::Passkey(options) => return Ok(Asked::Passkey(options)),
        Challenged::Send(channel, destination, issued) => (channel, destination, issued),
    };
    let policy = ctx
        .store
        .read(|conn| Ok(crate::policy::service::current_on(conn)?.policy))
        .await?;
    codes::send(ctx, &policy.customization, channel, &destination, &issued).await?;
    Ok(Asked::Code(CodeSent {
        expires_in: issued.expires_in,
        resend_after: issued.resend_after,
    }))
}

/// Checks the proof and elevates the session for [`ELEVATION_MINUTES`].
pub async fn prove(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    method_id: Uuid,
    proof: super::MethodProof,
) -> Result<DateTime<Utc>, Error> {
    let super::MethodProof { code, credential } = proof;
    let code = code.unwrap_or_default();
    let now = ctx.now();
    let (ctx_c, meta_c, p) = (ctx.clone(), meta.clone(), principal.clone());
    let verdict: Result<DateTime<Utc>, Error> = ctx
        .store
        .write(move |conn| {
            let user_id = p.user_id.to_string();
            let bucket = failure_bucket(&user_id);
            limits::check(conn, &bucket, Duration::hours(1), FAILURES_PER_HOUR, now)?;
            let (mut row, kind) = provable(conn, &user_id, method_id)?;
            // Recovery codes left after the one used here.
            let mut codes_left = None;
            let refusal: Option<Error> = match methods::registry(kind).proof() {
                Proof::Totp => authenticator::prove(conn, &ctx_c.secrets, &mut row, &code, now)?
                    .err()
                    .map(|r: Refusal| Error::refused(r, None)),
                Proof::Passkey => {
                    let rp = super::passkeys::relying_party(&ctx_c)?;
                    let rows = [row.clone()];
                    crate::flows::prove_passkey(
                        conn,
                        rp,
                        &purpose(&p.session_id),
                        method_id,
                        &rows,
                        credential,
                        now,
                    )?
                    .err()
                    .map(|r| Error::refused(r, None))
                }
                Proof::RecoveryCode => {
                    match recovery_codes::prove(conn, &ctx_c.secrets, &mut row, &code)? {
                        Ok(left) => {
                            codes_left = Some(left);
                            None
                        }
                        Err(r) => Some(Error::refused(r, None)),
                    }
                }
                _ => codes::check(
                    conn,
                    &ctx_c.secrets,
                    &row.id,
                    &purpose(&p.session_id),
                    &code,
                    now,
                )?
                .into_error(),
            };
            let party = Party::named(&user_id, &p.username);
            if let Some(error) = refusal {
                limits::record(conn, &bucket, now)?;
                let event = Event::new(EventKind::StepUpFailed, party.clone())
                    .target(party)
                    .failed()
                    .details(serde_json::json!({ "method_id": row.id, "kind": row.kind }));
                audit::record(conn, now, &meta_c, event)?;
                return Ok(Err(error));
            }
            let until = now + Duration::minutes(ELEVATION_MINUTES);
            store::sessions::elevate(conn, &p.session_id, ts(until))?;
            let event = Event::new(EventKind::StepUpSucceeded, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row.id, "kind": row.kind }));
            audit::record(conn, now, &meta_c, event)?;
            if let Some(left) = codes_left {
                let policy = crate::policy::service::current_on(conn)?.policy;
                let lang = notices::language_of(conn, &p.person.id, meta_c.lang_or(&policy))?;
                let notice = recovery_codes::used_notice(
                    &ctx_c.config.organization_name,
                    &p.person,
                    "step_up",
                    left,
                    now,
                    &policy,
                    lang,
                );
                crate::delivery::outbox::enqueue(conn, now, &notice)?;
            }
            Ok(Ok(until))
        })
        .await?;
    verdict
}
