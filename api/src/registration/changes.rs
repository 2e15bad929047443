//! Removing a method, confirming the ones registered ("these are still mine"), and the
//! security questions' catalogue and answers.

use std::collections::HashSet;

use uuid::Uuid;

use super::enroll::{Person, check_allowed, confirmed, load, notify_change, view};
use super::model::*;
use super::{RegistrationStatus, status, step_up};
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Ctx, RequestMeta};
use crate::delivery::notices::Change;
use crate::error::{Error, ErrorCode, FieldCode, FieldError};
use crate::methods::{self, parse_kind, questions};
use crate::policy::MethodKind;
use crate::session::Principal;
use crate::store::{
    self,
    methods::{ACTIVE, AnswerRow, MethodRow},
    ts,
};

pub async fn remove(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    method_id: Uuid,
) -> Result<RegistrationStatus, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    let groups = ctx.directory.groups_of(&user.id).await?;
    let now = ctx.now();
    let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
    let principal_c = principal.clone();
    ctx.store
        .write(move |conn| {
            let row = store::methods::find(conn, &user.id, &method_id.to_string())?
                .ok_or(Error::NotFound("method"))?;
            if row.status == ACTIVE {
                step_up::require(conn, &policy, &user, &principal_c, now)?;
            }
            store::methods::delete(conn, &row.id)?;
            let kind = parse_kind(&row.kind);
            if kind.map(|k| methods::registry(k).proof()) == Some(methods::Proof::Answers) {
                store::methods::replace_answers(conn, &user.id, &[])?;
            }
            let party = Party::named(&user.id, &user.username);
            let event = Event::new(EventKind::MethodRemoved, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row.id, "kind": row.kind }));
            audit::record(conn, now, &meta_c, event)?;
            if row.status == ACTIVE
                && let Some(kind) = kind
            {
                let change = Change::Removed(kind);
                notify_change(&ctx_c, conn, &policy, &user, &change, None, &meta_c, now)?;
            }
            status(conn, &policy, &user, &groups, now)
        })
        .await
}

/// "These are still mine": restarts the reconfirmation clock.
pub async fn confirm(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
) -> Result<RegistrationStatus, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    let groups = ctx.directory.groups_of(&user.id).await?;
    let now = ctx.now();
    let meta_c = meta.clone();
    ctx.store
        .write(move |conn| {
            if !store::methods::for_user(conn, &user.id)?
                .iter()
                .any(|m| m.status == ACTIVE)
            {
                return Err(Error::conflict(
                    ErrorCode::NoMethods,
                    "there are no verified methods to confirm",
                ));
            }
            confirmed(conn, &user, now)?;
            let party = Party::named(&user.id, &user.username);
            audit::record(
                conn,
                now,
                &meta_c,
                Event::new(EventKind::MethodsConfirmed, party.clone()).target(party),
            )?;
            status(conn, &policy, &user, &groups, now)
        })
        .await
}

pub async fn catalogue(ctx: &Ctx) -> Result<Catalogue, Error> {
    let policy = crate::policy::service::current(ctx).await?.policy;
    Ok(Catalogue {
        questions: questions::catalogue(&policy),
        register_count: policy.security_questions.register_count,
    })
}

pub async fn set_answers(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    answers: Vec<questions::GivenAnswer>,
) -> Result<Method, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    check_allowed(&policy, &user, MethodKind::SecurityQuestions)?;
    let catalogue = questions::catalogue(&policy);
    let wanted = policy.security_questions.register_count as usize;
    let mut errors = Vec::new();
    if answers.len() != wanted {
        errors.push(FieldError::new(
            "answers",
            FieldCode::Count,
            format!("answer exactly {wanted} questions"),
        ));
    }
    let (mut ids, mut texts) = (HashSet::new(), HashSet::new());
    let mut normalised = Vec::new();
    for (i, a) in answers.iter().enumerate() {
        if !catalogue.iter().any(|q| q.question_id == a.question_id) {
            errors.push(FieldError::new(
                format!("answers[{i}].question_id"),
                FieldCode::UnknownQuestion,
                "not a question of the catalogue",
            ));
        } else if !ids.insert(a.question_id.clone()) {
            errors.push(FieldError::new(
                format!("answers[{i}].question_id"),
                FieldCode::Duplicate,
                "each question once",
            ));
        }
        let answer = questions::normalise_answer(&a.answer);
        let n = answer.chars().count();
        if !(3..=40).contains(&n) {
            errors.push(FieldError::new(
                format!("answers[{i}].answer"),
                FieldCode::Length,
                "an answer is 3 to 40 characters",
            ));
        } else if !texts.insert(answer.clone()) {
            errors.push(FieldError::new(
                format!("answers[{i}].answer"),
                FieldCode::Duplicate,
                "give a different answer to each question",
            ));
        }
        normalised.push((a.question_id.clone(), answer));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let mut rows = Vec::new();
    let now = ctx.now();
    for (question_id, answer) in normalised {
        let password = crate::password::Password::parse(&answer, "answer")?;
        rows.push(AnswerRow {
            user_id: user.id.clone(),
            question_id,
            answer_hash: ctx.hasher.hash(&password).await?,
            created_at: ts(now),
        });
    }
    let (ctx_c, meta_c, principal_c) = (ctx.clone(), meta.clone(), principal.clone());
    ctx.store
        .write(move |conn| {
            let stage = step_up::require(conn, &policy, &user, &principal_c, now)?;
            let had_enough = super::has_enough(conn, &policy, &user)?;
            store::methods::replace_answers(conn, &user.id, &rows)?;
            let existed = store::methods::for_user(conn, &user.id)?
                .into_iter()
                .any(|m| m.kind == MethodKind::SecurityQuestions.as_str());
            let row = MethodRow {
                id: Uuid::new_v4().to_string(),
                user_id: user.id.clone(),
                kind: MethodKind::SecurityQuestions.as_str().to_owned(),
                status: ACTIVE.to_owned(),
                data: crate::methods::data::MethodData::None.encode(),
                created_at: ts(now),
                activated_at: Some(ts(now)),
                updated_at: ts(now),
                held: i32::from(stage == step_up::Stage::Change),
            };
            store::methods::insert(conn, &row)?;
            store::methods::delete_kind_except(conn, &user.id, &row.kind, &row.id)?;
            confirmed(conn, &user, now)?;
            let party = Party::named(&user.id, &user.username);
            let event = Event::new(EventKind::MethodRegistered, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row.id, "kind": row.kind, "questions": rows.len() }));
            audit::record(conn, now, &meta_c, event)?;
            super::record_if_completed(conn, &policy, &user, had_enough, &meta_c, now)?;
            let change = if existed { Change::QuestionsChanged } else { Change::QuestionsAdded };
            notify_change(&ctx_c, conn, &policy, &user, &change, None, &meta_c, now)?;
            view(&row, &policy, now).ok_or_else(|| Error::internal("unreadable method"))
        })
        .await
}
