//! Finishing a verified flow: claim and record in one transaction (notices held), the
//! directory write outside it, then the notices released or everything undone.

use super::*;

/// The flow, its person and the kinds passed, when it may finish for `purpose`.
async fn finishable(
    ctx: &Ctx,
    flow_token: &str,
    flow_id: Uuid,
    purpose: Purpose,
) -> Result<(i64, FlowRow, DirPerson, Vec<MethodKind>, Policy), Error> {
    let step = token::verify(ctx, flow_token, flow_id)?;
    let now = ctx.now();
    let (flow, kinds, policy) = ctx
        .store
        .read(move |conn| {
            let (flow, policy) = live_with_policy(conn, flow_id, step, now)?;
            // Checked here, decided by the conditional update of the claim.
            machine::transition(
                &state_of(&flow)?,
                machine::Event::Claim { step, purpose },
                now,
            )?;
            let passed = passed_of(&flow);
            let kinds = offered_of(&flow)
                .into_iter()
                .filter(|m| passed.contains(&m.method_id))
                .map(|m| m.kind)
                .collect();
            Ok((flow, kinds, policy))
        })
        .await?;
    let user_id = flow.user_id.clone().ok_or(Error::Unauthenticated)?;
    let person = ctx
        .directory
        .get(&user_id)
        .await?
        .ok_or(Error::Unauthenticated)?;
    Ok((step, flow, person, kinds, policy))
}

/// Why a flow that was verified can no longer finish, re-checked when it is claimed: the person
/// was disabled, promoted or demoted, or a passed method is no longer active (removed,
/// replaced, or re-registration required) since the flow began.
fn changed_since_start(
    conn: &mut impl Methods,
    flow: &FlowRow,
    person: &DirPerson,
) -> Result<Option<&'static str>, Error> {
    if person.disabled {
        return Ok(Some("disabled"));
    }
    if i32::from(person.is_admin) != flow.is_admin {
        return Ok(Some("role_changed"));
    }
    for id in passed_of(flow) {
        let active = conn
            .method_of(&person.id, &id.to_string())?
            .is_some_and(|m| m.status == ACTIVE);
        if !active {
            return Ok(Some("methods_changed"));
        }
    }
    Ok(None)
}

/// Claims a verified flow for finishing, in the caller's transaction: one conditional update,
/// so that exactly one of any number of racing finishes wins. A flow whose account changed
/// since it began ends here instead: `Ok(Some(answer))`, audited, to be committed.
fn claim(
    conn: &mut (impl Flows + Methods + AuditLog),
    now: DateTime<Utc>,
    meta: &RequestMeta,
    (flow, step): (&FlowRow, i64),
    person: &DirPerson,
    over: &'static str,
) -> Result<Option<Error>, Error> {
    if !conn.finish_flow(&flow.id, step, ts(now))? {
        return Err(Error::conflict(ErrorCode::FlowFinished, over));
    }
    let Some(reason) = changed_since_start(conn, flow, person)? else {
        return Ok(None);
    };
    let party = Party::named(&person.id, &person.username);
    let event = Event::new(EventKind::RecoveryEnded, party.clone())
        .target(party)
        .failed()
        .details(serde_json::json!({ "flow_id": flow.id, "reason": reason }));
    audit::record(conn, now, meta, event)?;
    Ok(Some(Error::conflict(
        ErrorCode::FlowEnded,
        "the account changed since this reset began; start again",
    )))
}

/// What a finish committed before asking the directory: the claimed flow and the notices held
/// until the directory answers.
pub(super) struct Claimed {
    pub(super) flow_id: String,
    pub(super) step: i64,
    pub(super) held: Vec<String>,
}

/// The directory took the change: the held notices go out now (were this not written, they
/// would go when their hold ends).
async fn confirm(ctx: &Ctx, claimed: Claimed) {
    let now = ctx.now();
    let held = claimed.held;
    if let Err(e) = ctx
        .store
        .write(move |conn| outbox::release_held(conn, &held, now))
        .await
    {
        tracing::warn!(error = %e, flow = %claimed.flow_id, "held notices wait for their hold to end");
    }
}

/// The directory did not take the change: the claim is released (the flow is open again at the
/// same step, so the person may retry with the same token), the held notices are dropped, the
/// failure is audited, and the directory's error answered. Sessions ended at the claim stay
/// ended.
async fn undo(
    ctx: &Ctx,
    meta: &RequestMeta,
    claimed: Claimed,
    person: &DirPerson,
    error: Error,
) -> Error {
    let now = ctx.now();
    let (party, meta) = (Party::named(&person.id, &person.username), meta.clone());
    let reason = error.problem_code();
    tracing::warn!(error = %error, flow = %claimed.flow_id, "the directory did not take a finish");
    let undone = ctx
        .store
        .write(move |conn| release(conn, &meta, &claimed, party, reason, now))
        .await;
    if let Err(e) = undone {
        tracing::error!(error = %e, "a claimed flow could not be released");
    }
    error
}

/// [`undo`]'s transaction: the claim released (conditional on this finish's claim, as
/// `machine::Event::Release` says), the held notices dropped, the failure audited with `reason`.
pub(super) fn release(
    tx: &mut (impl Flows + Outbox + AuditLog),
    meta: &RequestMeta,
    claimed: &Claimed,
    party: Party,
    reason: ErrorCode,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    tx.release_flow(&claimed.flow_id, claimed.step)?;
    outbox::cancel_held(tx, &claimed.held)?;
    let event = Event::new(EventKind::RecoveryDirectoryFailed, party.clone())
        .target(party)
        .failed()
        .details(serde_json::json!({ "flow_id": claimed.flow_id, "code": reason.as_str() }));
    audit::record(tx, now, meta, event)
}

/// Queues `notice` to `to` at the address in the directory (never one from the request), in
/// `lang`, held until the directory has taken the change; returns its outbox id.
fn tell(
    conn: &mut impl Outbox,
    policy: &Policy,
    to: &DirPerson,
    notice: Notice,
    vars: Vars,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<String, Error> {
    let vars = vars.text("name", &to.display_name);
    let message = templates::email(lang, notice, &to.email, &vars, &policy.customization);
    outbox::enqueue_held(conn, now, &message)
}

fn kinds_json(kinds: &[MethodKind]) -> serde_json::Value {
    serde_json::json!(kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>())
}

/// What a finish records, besides storage and rules.
pub(super) struct Finish<'a> {
    pub(super) org: &'a str,
    pub(super) policy: &'a Policy,
    pub(super) purpose: Purpose,
    /// The flow and the step its token is for.
    pub(super) flow: (&'a FlowRow, i64),
    pub(super) person: &'a DirPerson,
    /// The kinds passed.
    pub(super) kinds: &'a [MethodKind],
}

/// A finish's transaction, before the directory is asked: the claim (or, when the account
/// changed since the start, `Ok(Err(flow_ended))`, audited, to be committed), every other flow
/// superseded, the audit row, and the notices held. A reset also ends every session issued
/// before it and tells `others` (the other administrators, when an administrator reset); an
/// unlock leaves the password and the sessions as they are.
pub(super) fn record(
    tx: &mut impl Tx,
    rules: &Rules<'_>,
    finish: &Finish<'_>,
    others: &[DirPerson],
    now: DateTime<Utc>,
) -> Result<Result<Claimed, Error>, Error> {
    let Finish {
        org,
        policy,
        purpose,
        flow: (flow, step),
        person,
        kinds,
    } = *finish;
    let reset = purpose == Purpose::ResetPassword;
    let over = match reset {
        true => "this reset is over; start again if you need to",
        false => "this flow is over; start again if you need to",
    };
    if let Some(ended) = claim(tx, now, rules.meta, (flow, step), person, over)? {
        return Ok(Err(ended));
    }
    if reset {
        // Every session issued before the reset ends; the reset itself signs nobody in.
        tx.end_sessions(&person.id, ts(now))?;
    }
    tx.supersede_flows(&person.id, None)?;
    let (kind, notice, outcome) = match reset {
        true => (
            EventKind::RecoveryPasswordReset,
            Notice::PasswordReset,
            "password_reset",
        ),
        false => (
            EventKind::RecoveryAccountUnlocked,
            Notice::AccountUnlocked,
            "unlocked",
        ),
    };
    let party = Party::named(&person.id, &person.username);
    let event = Event::new(kind, party.clone())
        .target(party)
        .details(serde_json::json!({ "flow_id": flow.id, "methods": kinds_json(kinds) }));
    audit::record(tx, now, rules.meta, event)?;
    let mut held = Vec::new();
    let vars = Vars::new(org).when(now);
    if policy.notifications.notify_user_on_reset {
        // The flow's language: the person's own choice, else the one it started in.
        let lang = Lang::of(&flow.language);
        held.push(tell(tx, policy, person, notice, vars.clone(), lang, now)?);
    }
    for other in others.iter().filter(|a| a.id != person.id) {
        let vars = vars.clone().text("administrator", &person.username);
        let lang = notices::language_of(tx, &other.id, policy.customization.default_language)?;
        held.push(tell(
            tx,
            policy,
            other,
            Notice::AdministratorReset,
            vars,
            lang,
            now,
        )?);
    }
    for kind in kinds {
        rules.metrics.recovery(kind.as_str(), outcome);
    }
    Ok(Ok(Claimed {
        flow_id: flow.id.clone(),
        step,
        held,
    }))
}

/// Finishes a reset. One transaction claims the flow and records what the reset does (every
/// session issued before it ends, the audit row, the notices, held); then the directory is
/// asked, outside any transaction; then the notices go out — or, when the directory did not take
/// the password, the claim is released ([`undo`]). A failure before the directory is asked rolls
/// everything back and the directory is never asked.
pub async fn reset_password(
    ctx: &Ctx,
    meta: &RequestMeta,
    flow_token: &str,
    flow_id: Uuid,
    new_password: &str,
) -> Result<Finished, Error> {
    let (step, flow, person, kinds, policy) =
        finishable(ctx, flow_token, flow_id, Purpose::ResetPassword).await?;
    let password = crate::directory::passwords::vet(
        ctx,
        &policy.password,
        &person,
        new_password,
        "new_password",
    )
    .await?;
    let others = if person.is_admin && policy.notifications.notify_admins_on_admin_reset {
        ctx.directory.administrators().await?
    } else {
        Vec::new()
    };
    let now = ctx.now();
    let (ctx_c, meta_c, person_c) = (ctx.clone(), meta.clone(), person.clone());
    let claimed: Result<Claimed, Error> = ctx
        .store
        .write(move |conn| {
            let finish = Finish {
                org: &ctx_c.config.organization_name,
                policy: &policy,
                purpose: Purpose::ResetPassword,
                flow: (&flow, step),
                person: &person_c,
                kinds: &kinds,
            };
            record(conn, &Rules::of(&ctx_c, &meta_c), &finish, &others, now)
        })
        .await?;
    let claimed = claimed?;
    if let Err(e) = ctx
        .directory
        .set_password(&person.id, &password, PasswordChange::ByReset)
        .await
    {
        return Err(undo(ctx, meta, claimed, &person, e).await);
    }
    let id = person.id.clone();
    // A password set by an administrator no longer needs changing (if this is not written, the
    // person is asked to change it once more: the safe side).
    if let Err(e) = ctx
        .store
        .write(move |conn| conn.set_must_change(&id, false, ts(now)))
        .await
    {
        tracing::warn!(error = %e, "the must-change flag could not be cleared after a reset");
    }
    confirm(ctx, claimed).await;
    Ok(Finished::PasswordReset)
}

/// Finishes an unlock: claim and record, unlock in the directory, then send (as a reset).
pub async fn unlock(
    ctx: &Ctx,
    meta: &RequestMeta,
    flow_token: &str,
    flow_id: Uuid,
) -> Result<Finished, Error> {
    let (step, flow, person, kinds, policy) =
        finishable(ctx, flow_token, flow_id, Purpose::UnlockAccount).await?;
    if !policy.unlock_enabled {
        return Err(Error::NotAllowed {
            code: ErrorCode::UnlockDisabled,
            detail: "unlocking without a reset is not enabled".into(),
        });
    }
    let now = ctx.now();
    let (ctx_c, meta_c, person_c) = (ctx.clone(), meta.clone(), person.clone());
    let claimed: Result<Claimed, Error> = ctx
        .store
        .write(move |conn| {
            let finish = Finish {
                org: &ctx_c.config.organization_name,
                policy: &policy,
                purpose: Purpose::UnlockAccount,
                flow: (&flow, step),
                person: &person_c,
                kinds: &kinds,
            };
            record(conn, &Rules::of(&ctx_c, &meta_c), &finish, &[], now)
        })
        .await?;
    let claimed = claimed?;
    if let Err(e) = ctx.directory.unlock(&person.id).await {
        return Err(undo(ctx, meta, claimed, &person, e).await);
    }
    confirm(ctx, claimed).await;
    Ok(Finished::Unlocked)
}
