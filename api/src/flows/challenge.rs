//! Challenging a method: a code issued and sent, or the questions to answer.

use super::*;

/// What to send once the challenge's transaction committed.
pub(super) enum Send {
    Nothing,
    Code {
        channel: codes::Channel,
        destination: String,
        issued: codes::Issued,
        helpdesk: crate::policy::CustomizationPolicy,
    },
}

pub async fn challenge(
    ctx: &Ctx,
    meta: &RequestMeta,
    flow_token: &str,
    flow_id: Uuid,
    req: Ask,
) -> Result<Challenged, Error> {
    let step = token::verify(ctx, flow_token, flow_id)?;
    let now = ctx.now();
    let (real, policy) = directory_person(ctx, flow_id).await?;
    let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
    let outcome: Result<(Challenged, Send), Error> = ctx
        .store
        .write(move |conn| {
            let asking = Asking {
                flow_id,
                step,
                ask: req,
                person: real,
            };
            ask(conn, &Rules::of(&ctx_c, &meta_c), &policy, asking, now)
        })
        .await?;
    let (response, send) = outcome?;
    if let Send::Code {
        channel,
        destination,
        issued,
        helpdesk,
    } = send
    {
        codes::send_in_background(ctx, &helpdesk, channel, destination, issued);
    }
    Ok(response)
}

/// One challenge, as its transaction sees it.
pub(super) struct Asking {
    pub flow_id: Uuid,
    /// The step the flow token is for.
    pub step: i64,
    pub ask: Ask,
    /// The person as the directory describes them now (None for a decoy).
    pub person: Option<DirPerson>,
}

/// The challenge's transaction, under `policy`: re-checks the flow at its step, the account's
/// block, the method and the channel; checks a typed destination when the policy asks for one
/// (a mismatch is a failure, counted and answered as `Ok(Err(…))` to be committed); then
/// issues a code (limited and recorded, sent after the commit — a decoy's is recorded and
/// never sent), picks the questions, or asks for the app's code. Runs on any storage
/// (`store::ports`).
pub(super) fn ask(
    tx: &mut impl Tx,
    rules: &Rules<'_>,
    policy: &Policy,
    asking: Asking,
    now: DateTime<Utc>,
) -> Result<Result<(Challenged, Send), Error>, Error> {
    let Asking {
        flow_id,
        step,
        ask: req,
        person: real,
    } = asking;
    let flow = live(tx, flow_id, step, now)?;
    not_blocked(rules.recovery, tx, &flow, now)?;
    let method = pick(&flow, req.method_id, now)?;
    // Checked against what the start answer offered, for decoys and real people alike.
    if let Some(channel) = req.channel
        && !method.channels.contains(&channel)
    {
        return Err(Error::validation(
            "channel",
            FieldCode::ChannelNotAvailable,
            "this method cannot send a code that way",
        ));
    }
    // What a code is sent to may have to be typed in full first.
    let needs_confirm =
        policy.confirm_full_destination && methods::registry(method.kind).proof() == Proof::Code;
    let party = Party {
        id: flow.user_id.clone(),
        name: Some(flow.username_key.clone()),
    };
    // The method as it stands now (still active, allowed and past the cool-down), and the
    // stored method behind the channel asked for.
    let unavailable = || {
        Error::conflict(
            ErrorCode::MethodUnavailable,
            "this method changed since the reset started; start again",
        )
    };
    let person = person_of(tx, &flow, real, now)?.ok_or_else(unavailable)?;
    let offer = offerable(
        policy,
        &person.user,
        &person.rows,
        person.answers.len(),
        now,
    )
    .into_iter()
    .find(|o| o.method.method_id == method.method_id)
    .ok_or_else(unavailable)?;
    let route = match req.channel {
        None => offer.routes.first().cloned(),
        Some(asked) => Some(
            offer
                .routes
                .iter()
                .find(|(have, _)| *have == asked)
                .cloned()
                .ok_or_else(unavailable)?,
        ),
    };
    let row_id = route
        .as_ref()
        .map_or_else(|| method.method_id.to_string(), |(_, id)| id.clone());
    let row = person
        .rows
        .iter()
        .find(|r| r.id == row_id)
        .cloned()
        .ok_or_else(unavailable)?;
    if needs_confirm {
        let stored = row.destination().unwrap_or_default();
        if !req
            .confirm
            .as_deref()
            .is_some_and(|typed| methods::same_destination(method.kind, typed, &stored))
        {
            record_failure(rules, tx, &flow, method.kind, now)?;
            return Ok(Err(mismatch()));
        }
    }
    let result = match methods::registry(method.kind).proof() {
        Proof::Answers => {
            let catalogue = questions::catalogue(policy);
            let registered: Vec<String> = person
                .answers
                .iter()
                .filter(|id| catalogue.iter().any(|q| &q.question_id == *id))
                .cloned()
                .collect();
            let answered = ask_questions(tx, &flow, registered, policy)?;
            let asked = catalogue
                .into_iter()
                .filter(|q| answered.contains(&q.question_id))
                .collect();
            (
                Challenged {
                    kind: method.kind,
                    what: Asked::Questions(asked),
                },
                Send::Nothing,
            )
        }
        Proof::Totp => (
            Challenged {
                kind: method.kind,
                what: Asked::AppCode,
            },
            Send::Nothing,
        ),
        Proof::RecoveryCode => (
            Challenged {
                kind: method.kind,
                what: Asked::RecoveryCode,
            },
            Send::Nothing,
        ),
        Proof::Passkey => {
            let rp = rules.passkeys.ok_or_else(unavailable)?;
            // Every usable passkey of the person may answer (they are one factor); a phantom's
            // stand for ids no authenticator holds.
            let begun = if person.phantom {
                passkey::begin_phantom(rp, &phantom_credential_ids(&offer.members), now)
            } else {
                let credentials: Vec<_> = person
                    .rows
                    .iter()
                    .filter(|r| offer.members.contains(&r.id))
                    .filter_map(|r| passkey::credential(r, rp))
                    .collect();
                if credentials.is_empty() {
                    return Err(unavailable());
                }
                passkey::begin_authentication(rp, &credentials, now)?
            };
            passkey::keep(
                tx,
                &purpose_key(&flow.id),
                &method.method_id.to_string(),
                &begun,
            )?;
            (
                Challenged {
                    kind: method.kind,
                    what: Asked::Passkey(begun.options),
                },
                Send::Nothing,
            )
        }
        Proof::Code => {
            let m = parse_kind(&row.kind).map(methods::registry);
            let (Some(m), Some((channel, _))) = (m, route) else {
                return Err(Error::internal("code method without channel"));
            };
            let destination = row.destination().unwrap_or_default();
            // Kept under the offered method, whichever channel carries it: switching from text
            // to call is a resend, spaced and counted like one.
            let issued = codes::issue(
                tx,
                rules.codes,
                rules.secrets,
                &codes::Issue {
                    user_id: &person.user.id,
                    method_id: &method.method_id.to_string(),
                    purpose: &purpose_key(&flow.id),
                    channel,
                    destination: &destination,
                    digits: m.code_length(),
                    keep_tries: true,
                    phantom: person.phantom,
                    lang: crate::i18n::Lang::of(&flow.language),
                },
                now,
            )?;
            let response = Challenged {
                kind: method.kind,
                what: Asked::Code {
                    expires_in: issued.expires_in,
                    resend_after: issued.resend_after,
                },
            };
            (
                response,
                Send::Code {
                    channel,
                    destination,
                    issued,
                    helpdesk: policy.customization.clone(),
                },
            )
        }
    };
    let event = Event::new(EventKind::RecoveryChallengeSent, party.clone())
        .target(party)
        .details(serde_json::json!({ "flow_id": flow.id, "kind": method.kind.as_str() }));
    audit::record(tx, now, rules.meta, event)?;
    Ok(Ok(result))
}

/// The questions to ask now: the ones already asked in this flow when no attempt was made since
/// (asking again must not re-roll them for free, or an attacker would keep asking until only
/// the easiest came up), else a random `reset_count` of `candidates`, recorded in the row.
fn ask_questions(
    conn: &mut impl Flows,
    flow: &FlowRow,
    mut candidates: Vec<String>,
    policy: &Policy,
) -> Result<Vec<String>, Error> {
    let asked: Vec<String> = flow
        .questions_asked
        .as_deref()
        .and_then(|q| serde_json::from_str(q).ok())
        .unwrap_or_default();
    if !asked.is_empty() {
        return Ok(asked);
    }
    candidates.shuffle(&mut rand::rng());
    candidates.truncate(policy.security_questions.reset_count as usize);
    let json = serde_json::to_string(&candidates).map_err(|e| Error::internal(e.to_string()))?;
    conn.set_flow_questions(&flow.id, Some(&json))?;
    Ok(candidates)
}

fn mismatch() -> Error {
    Error::Validation(vec![FieldError::new(
        "confirm",
        FieldCode::DestinationMismatch,
        "that is not the address or number on file",
    )])
}

/// The credential ids a phantom's passkeys show: stable for the phantom (its method ids are
/// derived from the server's secret) and as long as real ones (16 to 64 bytes).
fn phantom_credential_ids(members: &[String]) -> Vec<Vec<u8>> {
    use sha2::{Digest as _, Sha512};
    members
        .iter()
        .map(|id| {
            let digest = Sha512::digest(id.as_bytes());
            let len = [16, 20, 32, 64][usize::from(digest[0] % 4)];
            digest[..len].to_vec()
        })
        .collect()
}
