//! Starting a flow: the CAPTCHA, the person or a phantom, the offer, the limits.

use super::*;

pub async fn start(ctx: &Ctx, meta: &RequestMeta, req: Start) -> Result<Started, Error> {
    let captcha = crate::captcha::verify(ctx, meta, &req.captcha).await?;
    let (typed, key) = typed_username(&req.username);
    if key.is_empty() {
        return Err(Error::validation(
            "username",
            FieldCode::Required,
            "enter your username",
        ));
    }
    let now = ctx.now();
    // Real and unknown usernames make the same calls and run the same queries, so that the
    // time taken says little. A directory kept in the store is read on the same connection as
    // the rest; another is asked first.
    let lookup: crate::directory::StoredLookup =
        match ctx.directory.find_with_groups_in_store(&typed) {
            Some(lookup) => lookup,
            None => {
                let found = ctx.directory.find_with_groups(&typed).await?;
                Box::new(move |_: &mut store::DbConn| Ok(found))
            }
        };
    let census = ctx.census.clone();
    let (policy, found, census, chosen_language) = ctx
        .store
        .read(move |conn| {
            let (user, groups) = lookup(conn)?;
            let id = user.as_ref().map(|u| u.id.clone()).unwrap_or_default();
            // The policy and the person's methods, answers and chosen language in one
            // statement (a decoy's id finds only the policy, by the same statement).
            let read = store::methods::for_start(conn, &id)?;
            let policy_c = crate::policy::service::of_document(read.policy.as_deref())?;
            let (rows, answers, chosen_language) = (read.methods, read.answers, read.language);
            let found = user.map(|u| {
                let is_admin = u.is_admin;
                let offered: Vec<OfferedMethod> = offerable(&policy_c, &u, &rows, answers, now)
                    .into_iter()
                    .map(|o| o.method)
                    .collect();
                let scoped = in_scope(&policy_c, is_admin, &groups);
                (u, offered, scoped)
            });
            let census = census.get(conn, now)?;
            Ok((policy_c, found, census, chosen_language))
        })
        .await?;
    let eligibility = match found {
        None => Err("unknown_user"),
        Some((user, _, _)) if user.disabled => Err("disabled"),
        Some((_, _, false)) => Err("not_in_scope"),
        Some((user, offered, true)) => {
            let required = methods_required(&policy, user.is_admin);
            // Every entry is an independent factor (`offerable`).
            if (worth(&offered) as u32) < required {
                Err("not_registered")
            } else {
                Ok((user, offered, required))
            }
        }
    };
    let refusal = if req.purpose == Purpose::UnlockAccount && !policy.unlock_enabled {
        Some(Error::NotAllowed {
            code: ErrorCode::UnlockDisabled,
            detail: "unlocking without a reset is not enabled".into(),
        })
    } else if let Err(reason) = eligibility
        && policy.reveal_ineligible
    {
        Some(ineligible(reason, &policy))
    } else {
        None
    };
    if let Some(refusal) = refusal {
        // The solution is spent on a refusal too: one solution must not test many usernames.
        ctx.store.write(move |conn| captcha.consume(conn)).await?;
        return Err(refusal);
    }
    let (user, offered, required, phantom, decoy_reason) = match eligibility {
        Ok((user, offered, required)) => (Some(user), offered, required, None, None),
        Err(reason) => {
            // The same offer a real person gets, made from the phantom of the typed name.
            let shape = phantom::Shape {
                policy: &policy,
                census: &census,
            };
            let phantom = phantom::Phantom::of(&ctx.secrets, &key, &shape, now);
            let person = phantom.person(&typed, now);
            let offered = offerable(
                &policy,
                &person.user,
                &person.rows,
                person.answers.len(),
                now,
            )
            .into_iter()
            .map(|o| o.method)
            .collect();
            let required = methods_required(&policy, phantom.is_admin);
            (None, offered, required, Some(phantom), Some(reason))
        }
    };
    let limits_cfg = ctx.config.recovery;
    let flow = FlowRow {
        id: Uuid::new_v4().to_string(),
        user_id: user.as_ref().map(|u| u.id.clone()),
        username_key: key.clone(),
        purpose: req.purpose.as_str().to_owned(),
        status: store::flows::ACTIVE.to_owned(),
        step: 0,
        methods_required: required as i32,
        methods_offered: serde_json::to_string(&offered)
            .map_err(|e| Error::internal(e.to_string()))?,
        methods_passed: "[]".to_owned(),
        questions_asked: None,
        failures: 0,
        created_at: ts(now),
        expires_at: ts(now + Duration::seconds(limits_cfg.flow_ttl_secs)),
        finished_at: None,
        is_admin: match (&user, &phantom) {
            (Some(u), _) => i32::from(u.is_admin),
            (None, Some(p)) => i32::from(p.is_admin),
            (None, None) => 0,
        },
        phantom: phantom
            .map(|p| serde_json::to_string(&p))
            .transpose()
            .map_err(|e| Error::internal(e.to_string()))?,
        // The person's own language, when they chose one, over the request's.
        language: chosen_language
            .filter(|_| user.is_some())
            .map_or_else(|| meta.lang_or(&policy), |code| Lang::of(&code))
            .code()
            .to_owned(),
    };
    let (flow_c, ctx_c, meta_c) = (flow.clone(), ctx.clone(), meta.clone());
    let target_name = user.as_ref().map(|u| u.username.clone()).unwrap_or(typed);
    ctx.store
        .write(move |conn| {
            let opening = Opening {
                flow: &flow_c,
                captcha: &captcha,
                target_name,
                decoy: decoy_reason,
            };
            open(conn, &Rules::of(&ctx_c, &meta_c), opening, now)
        })
        .await?;
    let (flow_token, expires_at) = token::issue(ctx, &flow, now)?;
    Ok(Started {
        flow_id: Uuid::parse_str(&flow.id).map_err(|e| Error::internal(e.to_string()))?,
        flow_token,
        expires_at,
        methods_required: required,
        methods: offered,
    })
}

/// What a start records.
pub(super) struct Opening<'a> {
    pub flow: &'a FlowRow,
    pub captcha: &'a crate::captcha::Accepted,
    /// Whom the audit row names: the person's username, or the name as typed.
    pub target_name: String,
    /// Why a decoy was started, for the audit row (never said to the client).
    pub decoy: Option<&'static str>,
}

/// The start's transaction, the same for a person and a phantom: the CAPTCHA spent, the start
/// limits per client address and per username hit, the account's block checked, every older
/// flow of the person superseded (a decoy runs the statement too, matching nothing), the flow
/// written and audited. Runs on any storage (`store::ports`).
pub(super) fn open(
    tx: &mut impl Tx,
    rules: &Rules<'_>,
    opening: Opening<'_>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Opening {
        flow,
        captcha,
        target_name,
        decoy,
    } = opening;
    let cfg = rules.recovery;
    captcha.consume(tx)?;
    // The start limits per client address and per username, and the account's block, decided
    // together (one statement on PostgreSQL).
    let ip = limits::address_key(rules.meta.ip);
    limits::decide(
        tx,
        &[
            limits::Limit {
                bucket: format!("flow-start-ip:{ip}"),
                window: Duration::minutes(15),
                max: cfg.starts_per_ip,
                record: true,
            },
            limits::Limit {
                bucket: format!("flow-start-user:{}", flow.username_key),
                window: Duration::hours(24),
                max: cfg.starts_per_account,
                record: true,
            },
            block_limit(cfg, flow),
        ],
        now,
    )?;
    let target = Party {
        id: flow.user_id.clone(),
        name: Some(target_name),
    };
    let event = Event::new(EventKind::RecoveryStarted, target.clone())
        .target(target)
        .details(serde_json::json!({
            "flow_id": flow.id,
            "purpose": flow.purpose,
            "decoy": decoy,
        }));
    // A new flow makes every older flow of the person worthless. A decoy runs the same
    // statement with an id that matches nothing: skipping it made unknown usernames measurably
    // faster (bench/timing.py).
    tx.open_flow(flow, &audit::row(now, rules.meta, event))
}
