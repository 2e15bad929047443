//! Verifying a method: a code, the app's code or the answers; each pass moves the flow one
//! step, each failure is counted.

use super::*;

pub async fn verify(
    ctx: &Ctx,
    meta: &RequestMeta,
    flow_token: &str,
    flow_id: Uuid,
    req: Evidence,
) -> Result<Verified, Error> {
    let step = token::verify(ctx, flow_token, flow_id)?;
    let now = ctx.now();
    // Security answers are checked with argon2 before the transaction (hashing must not hold a
    // database lock); the transaction then re-checks the step before recording anything.
    let method_id = req.method_id;
    let (flow, method, policy) = ctx
        .store
        .read(move |conn| {
            let (flow, policy) = live_with_policy(conn, flow_id, step, now)?;
            let method = pick(&flow, method_id, now)?;
            Ok((flow, method, policy))
        })
        .await?;
    let proof = methods::registry(method.kind).proof();
    let answers_ok = match proof {
        Proof::Answers => {
            Some(check_answers(ctx, &flow, person_id(&flow)?.as_deref(), &req.answers).await?)
        }
        _ => None,
    };
    let real = match &flow.user_id {
        Some(id) => ctx.directory.get(id).await?,
        None => None,
    };
    let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
    let attempt = Attempt {
        flow_id,
        step,
        method_id,
        code: req.code.clone().unwrap_or_default(),
        credential: req.credential.clone(),
        answers: answers_ok,
        person: real,
    };
    let verdict = ctx
        .store
        .write(move |conn| decide(conn, &Rules::of(&ctx_c, &meta_c), &policy, attempt, now))
        .await?;
    let (flow, passed) = verdict?;
    ctx.metrics.recovery(method.kind.as_str(), "verified");
    let (flow_token, _) = token::issue(ctx, &flow, now)?;
    let required = flow.methods_required.max(0) as usize;
    Ok(Verified {
        flow_token,
        methods_passed: passed as u32,
        methods_remaining: required.saturating_sub(passed) as u32,
    })
}

/// One verification, as its transaction sees it.
pub(super) struct Attempt {
    pub flow_id: Uuid,
    /// The step the flow token is for.
    pub step: i64,
    pub method_id: Uuid,
    /// The code typed (codes and apps).
    pub code: String,
    /// A passkey's assertion.
    pub credential: Option<serde_json::Value>,
    /// The answers' verdict, checked before the transaction (security questions).
    pub answers: Option<Result<(), Refusal>>,
    /// The person as the directory describes them now (None for a decoy).
    pub person: Option<DirPerson>,
}

/// The verification's transaction: re-checks the flow at its step, the account's block and the
/// method, then proves the method (a code, the app's code, the answers' verdict). A failure is
/// counted — in the flow, which locks past its limit, and for the account — and answered as
/// `Ok(Err(refusal))`: the transaction must commit it. A pass moves the flow one step with a
/// conditional update on the step, so of two racing passes one wins; the other is refused.
/// Runs on any storage (`store::ports`).
pub(super) fn decide(
    tx: &mut impl Tx,
    rules: &Rules<'_>,
    policy: &Policy,
    attempt: Attempt,
    now: DateTime<Utc>,
) -> Result<Result<(FlowRow, usize), Error>, Error> {
    let Attempt {
        flow_id,
        step,
        method_id,
        code,
        credential,
        answers,
        person,
    } = attempt;
    let flow = live(tx, flow_id, step, now)?;
    not_blocked(rules.recovery, tx, &flow, now)?;
    let method = pick(&flow, method_id, now)?;
    let proof = methods::registry(method.kind).proof();
    let person = person_of(tx, &flow, person, now)?;
    let row = person.as_ref().and_then(|p| {
        p.rows
            .iter()
            .find(|m| m.id == method_id.to_string() && m.status == ACTIVE)
            .cloned()
    });
    // Recovery codes left after the one used here.
    let mut codes_left = None;
    let failure: Option<Error> = match (proof, row) {
        (_, None) => {
            return Err(Error::conflict(
                ErrorCode::MethodUnavailable,
                "this method changed since the reset started; start again",
            ));
        }
        (Proof::Answers, _) => {
            // Reshuffled after every attempt, right or wrong.
            tx.set_flow_questions(&flow.id, None)?;
            match answers {
                Some(Ok(())) => None,
                Some(Err(refusal)) => Some(Error::refused(refusal, None)),
                None => Some(Error::refused(Refusal::QuestionsNotAsked, None)),
            }
        }
        (Proof::Totp, Some(mut row)) => {
            authenticator::prove(tx, rules.secrets, &mut row, &code, now)?
                .err()
                .map(|r| Error::refused(r, None))
        }
        (Proof::RecoveryCode, Some(mut row)) => {
            match recovery_codes::prove(tx, rules.secrets, &mut row, &code)? {
                Ok(left) => {
                    codes_left = Some(left);
                    None
                }
                Err(refusal) => Some(Error::refused(refusal, None)),
            }
        }
        (Proof::Passkey, Some(_)) => {
            let owner = purpose_key(&flow.id);
            let rows = person
                .as_ref()
                .map(|p| p.rows.as_slice())
                .unwrap_or_default();
            match rules.passkeys {
                None => Some(Error::refused(Refusal::PasskeyRejected, None)),
                Some(rp) => prove_passkey(tx, rp, &owner, method_id, rows, credential, now)?
                    .err()
                    .map(|r| Error::refused(r, None)),
            }
        }
        (Proof::Code, Some(row)) => codes::check(
            tx,
            rules.secrets,
            &row.id,
            &purpose_key(&flow.id),
            &code,
            now,
        )?
        .into_error(),
    };
    if let Some(error) = failure {
        record_failure(rules, tx, &flow, method.kind, now)?;
        return Ok(Err(error));
    }
    let pass = machine::Event::Passed {
        step,
        method: method.method_id,
    };
    let (next, _) = machine::transition(&state_of(&flow)?, pass, now)?;
    let worth = next.worth();
    let json = serde_json::to_string(&next.passed).map_err(|e| Error::internal(e.to_string()))?;
    if !tx.advance_flow(&flow.id, step, &json)? {
        return Err(Error::conflict(
            ErrorCode::FlowChanged,
            "this reset moved on in another request",
        ));
    }
    let party = Party {
        id: flow.user_id.clone(),
        name: Some(flow.username_key.clone()),
    };
    let event = Event::new(EventKind::RecoveryVerified, party.clone())
        .target(party)
        .details(serde_json::json!({ "flow_id": flow.id, "kind": method.kind.as_str(), "purpose": flow.purpose }));
    audit::record(tx, now, rules.meta, event)?;
    if let (Some(left), Some(person)) = (codes_left, person.filter(|p| !p.phantom)) {
        let purpose = match Purpose::of(&flow.purpose) {
            Some(Purpose::UnlockAccount) => "unlock_account",
            _ => "reset_password",
        };
        let lang = crate::i18n::Lang::of(&flow.language);
        let notice =
            recovery_codes::used_notice(rules.org, &person.user, purpose, left, now, policy, lang);
        outbox::enqueue(tx, now, &notice)?;
    }
    // The row as `advance_flow` left it (it won the conditional update, so nothing else changed
    // it in between); no need to read it back.
    let mut flow = flow;
    flow.step = next.step;
    flow.methods_passed = json;
    Ok(Ok((flow, worth)))
}

/// Whether the answers are exactly for the questions asked and every one matches. A phantom
/// has no stored answers: the same query finds none, and each answer is verified against the
/// dummy hash (one argon2 verification, as for a real person) and never matches (SECURITY.md 2).
async fn check_answers(
    ctx: &Ctx,
    flow: &FlowRow,
    user_id: Option<&str>,
    given: &[questions::GivenAnswer],
) -> Result<Result<(), Refusal>, Error> {
    let asked: Vec<String> = flow
        .questions_asked
        .as_deref()
        .and_then(|q| serde_json::from_str(q).ok())
        .unwrap_or_default();
    let given_ids: HashSet<&str> = given.iter().map(|a| a.question_id.as_str()).collect();
    if asked.is_empty()
        || given.len() != asked.len()
        || asked.iter().any(|q| !given_ids.contains(q.as_str()))
    {
        return Ok(Err(Refusal::QuestionsNotAsked));
    }
    let id = user_id.unwrap_or_default().to_owned();
    let stored = ctx.store.read(move |conn| conn.answers_of(&id)).await?;
    let mut all = user_id.is_some();
    for answer in given {
        let row = stored.iter().find(|r| r.question_id == answer.question_id);
        let normalised = questions::normalise_answer(&answer.answer);
        let password = crate::password::Password::parse(&normalised, "answer")?;
        // Every answer is checked even after a miss, so the time taken does not say which one;
        // one without a stored answer is checked against the dummy hash and never matches.
        all &= ctx
            .hasher
            .verify(&password, row.map(|r| r.answer_hash.as_str()))
            .await?
            .matches;
    }
    Ok(if all {
        Ok(())
    } else {
        Err(Refusal::WrongAnswers)
    })
}

/// Takes `owner`'s ceremony for `method_id` (a flow's, a step-up's) and checks the assertion
/// against it; the answering
/// passkey (one of `rows`) records what it reported. Without an assertion the ceremony is still
/// taken: an answer is checked once.
pub fn prove_passkey(
    tx: &mut impl Tx,
    rp: &RelyingParty,
    owner: &str,
    method_id: Uuid,
    rows: &[store::methods::MethodRow],
    credential: Option<serde_json::Value>,
    now: DateTime<Utc>,
) -> Result<Result<(), Refusal>, Error> {
    let state = match passkey::take(tx, owner, &method_id.to_string(), now)? {
        Ok(state) => state,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let Some(answer) = credential else {
        return Ok(Err(Refusal::PasskeyRejected));
    };
    let result = match passkey::finish_authentication(rp, &answer, &state)? {
        Ok(result) => result,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let Some(row) = passkey::answered(rows, rp, &result) else {
        return Ok(Err(Refusal::PasskeyRejected));
    };
    passkey::record_use(tx, &row.id, &result)?;
    Ok(Ok(()))
}
