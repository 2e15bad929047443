//! Whom a flow is for and what they may prove themselves with: the person (from the directory,
//! or the flow's phantom), their methods now, and the independent factors offered.

use super::*;

/// The person a real flow is for, as the directory describes them now (None for a decoy flow,
/// and when they no longer exist), and the current policy (read in the same statement as the
/// flow). Read before the step's transaction: a directory call may go over the network.
pub(super) async fn directory_person(
    ctx: &Ctx,
    flow_id: Uuid,
) -> Result<(Option<DirPerson>, Policy), Error> {
    let (id, document) = ctx
        .store
        .read(move |conn| store::flows::find_with_policy(conn, &flow_id.to_string()))
        .await?
        .map_or((None, None), |(f, document)| (f.user_id, document));
    let policy = crate::policy::service::of_document(document.as_deref())?;
    let person = match id {
        Some(id) => ctx.directory.get(&id).await?,
        None => None,
    };
    Ok((person, policy))
}

/// The person a flow is for, with their methods as they stand now (None when they no longer
/// exist). `real` is [`directory_person`]'s answer. A decoy flow's phantom is the one kept in
/// its row, its methods read with the same queries as a real person's (its id is in no table).
pub(super) fn person_of(
    conn: &mut impl Methods,
    flow: &FlowRow,
    real: Option<DirPerson>,
    now: DateTime<Utc>,
) -> Result<Option<Person>, Error> {
    let phantom = phantom_of(flow)?;
    let id = match (&flow.user_id, &phantom) {
        (Some(id), _) => id.clone(),
        (None, Some(p)) => p.id.clone(),
        (None, None) => return Ok(None),
    };
    // The flow's person, not whoever the caller read.
    let user = real.filter(|p| p.id == id);
    let rows = conn.methods_of(&id)?;
    let answers = conn
        .answers_of(&id)?
        .into_iter()
        .map(|a| a.question_id)
        .collect();
    Ok(match (phantom, user) {
        (Some(p), _) => Some(p.person(&flow.username_key, now)),
        (None, Some(user)) => Some(Person {
            user,
            rows,
            answers,
            phantom: false,
        }),
        (None, None) => None,
    })
}

/// How many of the methods required `offers` count for.
pub(super) fn worth(offers: &[OfferedMethod]) -> usize {
    offers.iter().map(|o| o.counts as usize).sum()
}

/// One offered factor and the stored method behind each of its channels.
pub(super) struct Offer {
    pub(super) method: OfferedMethod,
    factor: String,
    /// Every method row of the factor (a person's passkeys are one factor).
    pub(super) members: Vec<String>,
    /// (channel, method row id); the offered `method_id` is the row the codes are kept under.
    pub(super) routes: Vec<(methods::Channel, String)>,
}

/// The methods a real person may use now — active, allowed for them, enough answers for the
/// questions, and not added or changed within the recovery cool-down — one entry per
/// independent factor ([`methods::factor`]): the kinds registered on one phone number become one
/// phone with their channels, so that one number can never pass for two methods.
pub(super) fn offerable(
    policy: &Policy,
    user: &DirPerson,
    rows: &[store::methods::MethodRow],
    answers: usize,
    now: DateTime<Utc>,
) -> Vec<Offer> {
    let allowed = allowed_kinds(policy, user.is_admin);
    let cooldown = Duration::hours(i64::from(policy.recovery_cooldown_hours));
    let rank = |kind: MethodKind| MethodKind::ALL.iter().position(|k| *k == kind);
    let mut offers: Vec<Offer> = Vec::new();
    for m in rows.iter().filter(|m| m.status == ACTIVE).filter(|m| {
        m.activated_at
            .is_some_and(|at| m.held == 0 || utc(at) + cooldown <= now)
    }) {
        let (Some(kind), Ok(method_id)) = (parse_kind(&m.kind), Uuid::parse_str(&m.id)) else {
            continue;
        };
        if !allowed.contains(&kind)
            || (methods::registry(kind).proof() == Proof::Answers
                && answers < policy.security_questions.reset_count as usize)
        {
            continue;
        }
        let destination = m.destination();
        let factor = methods::factor(kind, destination.as_deref(), &m.id);
        let channel = methods::registry(kind).channel();
        let method = OfferedMethod {
            method_id,
            kind,
            hint: methods::registry(kind).mask(destination.as_deref()),
            channels: channel.into_iter().collect(),
            counts: crate::registration::counts(policy, kind),
        };
        let Some(offer) = offers.iter_mut().find(|o| o.factor == factor) else {
            let routes = channel.map(|c| (c, m.id.clone())).into_iter().collect();
            offers.push(Offer {
                method,
                factor,
                members: vec![m.id.clone()],
                routes,
            });
            continue;
        };
        offer.members.push(m.id.clone());
        // The same number again: one more channel, at most one row per channel. Text before
        // call: the entry is `mobile_sms`, its codes kept under the text method, when it has one.
        if let Some(c) = channel
            && !offer.routes.iter().any(|(have, _)| *have == c)
        {
            offer.routes.push((c, m.id.clone()));
            offer.routes.sort();
            offer.method.channels.push(c);
            offer.method.channels.sort();
        }
        if rank(kind) < rank(offer.method.kind) {
            offer.method.method_id = method.method_id;
            offer.method.kind = kind;
            offer.method.hint = method.hint;
        }
    }
    offers
}
