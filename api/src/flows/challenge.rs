//! Challenging a method: a code issued and sent, or the questions to answer.

use super::*;

enum Send {
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
    req: ChallengeRequest,
) -> Result<ChallengeResponse, Error> {
    let step = token::verify(ctx, flow_token, flow_id)?;
    let now = ctx.now();
    let real = directory_person(ctx, flow_id).await?;
    let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
    let outcome: Result<(ChallengeResponse, Send), Error> = ctx
        .store
        .write(move |conn| {
            // Read in the same trip to the database as the flow.
            let policy_c = crate::policy::service::current_on(conn)?.policy;
            let flow = live(conn, flow_id, step, now)?;
            not_blocked(&ctx_c, conn, &flow, now)?;
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
            let needs_confirm = policy_c.confirm_full_destination
                && methods::registry(method.kind).proof() == Proof::Code;
            let party = Party {
                id: flow.user_id.clone(),
                name: Some(flow.username_key.clone()),
            };
            let audit_sent = |conn: &mut DbConn| {
                let event = Event::new(EventKind::RecoveryChallengeSent, party.clone())
                    .target(party.clone())
                    .details(
                        serde_json::json!({ "flow_id": flow.id, "kind": method.kind.as_str() }),
                    );
                audit::record(conn, now, &meta_c, event)
            };
            // The method as it stands now (still active, allowed and past the cool-down), and the
            // stored method behind the channel asked for.
            let unavailable = || {
                Error::conflict(
                    ErrorCode::MethodUnavailable,
                    "this method changed since the reset started; start again",
                )
            };
            let person = person_of(conn, &flow, real, now)?.ok_or_else(unavailable)?;
            let offer = offerable(
                &policy_c,
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
                    record_failure(&ctx_c, conn, &flow, method.kind, &meta_c, now)?;
                    return Ok(Err(mismatch()));
                }
            }
            let result = match methods::registry(method.kind).proof() {
                Proof::Answers => {
                    let catalogue = questions::catalogue(&policy_c);
                    let registered: Vec<String> = person
                        .answers
                        .iter()
                        .filter(|id| catalogue.iter().any(|q| &q.question_id == *id))
                        .cloned()
                        .collect();
                    let answered = ask_questions(conn, &flow, registered, &policy_c)?;
                    let asked = catalogue
                        .into_iter()
                        .filter(|q| answered.contains(&q.question_id))
                        .collect();
                    (
                        ChallengeResponse {
                            kind: method.kind,
                            expires_in: None,
                            resend_after: None,
                            questions: Some(asked),
                        },
                        Send::Nothing,
                    )
                }
                Proof::Totp => (
                    ChallengeResponse {
                        kind: method.kind,
                        expires_in: None,
                        resend_after: None,
                        questions: None,
                    },
                    Send::Nothing,
                ),
                Proof::Code => {
                    let m = parse_kind(&row.kind).map(methods::registry);
                    let (Some(m), Some((channel, _))) = (m, route) else {
                        return Err(Error::internal("code method without channel"));
                    };
                    let destination = row.destination().unwrap_or_default();
                    // Kept under the offered method, whichever channel carries it: switching
                    // from text to call is a resend, spaced and counted like one.
                    let issued = codes::issue(
                        conn,
                        &ctx_c.config.codes,
                        &ctx_c.secrets,
                        &codes::Issue {
                            user_id: &person.user.id,
                            method_id: &method.method_id.to_string(),
                            purpose: &purpose_key(&flow.id),
                            channel,
                            destination: &destination,
                            digits: m.code_length(),
                            keep_tries: true,
                            phantom: person.phantom,
                        },
                        now,
                    )?;
                    let response = ChallengeResponse {
                        kind: method.kind,
                        expires_in: Some(issued.expires_in),
                        resend_after: Some(issued.resend_after),
                        questions: None,
                    };
                    (
                        response,
                        Send::Code {
                            channel,
                            destination,
                            issued,
                            helpdesk: policy_c.customization.clone(),
                        },
                    )
                }
            };
            audit_sent(conn)?;
            Ok(Ok(result))
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

/// The questions to ask now: the ones already asked in this flow when no attempt was made since
/// (asking again must not re-roll them for free, or an attacker would keep asking until only
/// the easiest came up), else a random `reset_count` of `candidates`, recorded in the row.
fn ask_questions(
    conn: &mut DbConn,
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
    store::flows::set_questions(conn, &flow.id, Some(&json))?;
    Ok(candidates)
}

fn mismatch() -> Error {
    Error::Validation(vec![FieldError::new(
        "confirm",
        FieldCode::DestinationMismatch,
        "that is not the address or number on file",
    )])
}
