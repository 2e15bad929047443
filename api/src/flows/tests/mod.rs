//! The steps of a flow on the in-memory store (`store::memory`), without a database: what a
//! challenge, a pass, a failure, a replay, a stale token, a claim and its undoing change, and
//! what they leave alone. The integration suite runs the same steps over HTTP on SQLite and
//! PostgreSQL.

mod challenge;
mod finish;
mod start;
mod verify;

use chrono::TimeZone as _;

use super::challenge::{Asking, Send, ask};
use super::finish::{Claimed, Finish, record, release};
use super::verify::{Attempt, decide};
use super::*;
use crate::config::{CodeLimits, NamedKey, PhoneCountries, RecoveryLimits};
use crate::methods::data::MethodData;
use crate::metrics::Metrics;
use crate::store::accounts::AccountRow;
use crate::store::memory::Memory;
use crate::store::methods::MethodRow;

pub(super) const PERSON: &str = "0193a5f0-0000-7000-8000-000000000001";

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap()
}

pub(super) fn recovery() -> RecoveryLimits {
    RecoveryLimits {
        flow_ttl_secs: 900,
        flow_max_failures: 3,
        account_failures_per_day: 5,
        account_block_hours: 24,
        starts_per_ip: 30,
        starts_per_account: 10,
    }
}

pub(super) fn code_limits() -> CodeLimits {
    CodeLimits {
        ttl_secs: 600,
        max_attempts: 5,
        max_sends: 3,
        resend_after_secs: 60,
        phone_per_hour: 5,
        email_per_10_minutes: 10,
        phone_global_per_hour: 200,
        phone_global_per_day: 1000,
        phone_countries: PhoneCountries::Any,
    }
}

pub(super) struct World {
    pub(super) db: Memory,
    pub(super) env: Env,
    pub(super) flow_id: Uuid,
    pub(super) method_id: Uuid,
}

/// What the steps' rules are built from.
pub(super) struct Env {
    pub(super) secrets: SecretBox,
    pub(super) metrics: Metrics,
    pub(super) meta: RequestMeta,
    pub(super) recovery: RecoveryLimits,
    pub(super) codes: CodeLimits,
}

impl Env {
    pub(super) fn rules(&self) -> Rules<'_> {
        Rules {
            org: "Example",
            recovery: &self.recovery,
            codes: &self.codes,
            secrets: &self.secrets,
            metrics: &self.metrics,
            meta: &self.meta,
            passkeys: None,
        }
    }
}

impl World {
    /// A real person with one method of `kind`, and an active reset flow offering it.
    pub(super) fn new(kind: MethodKind, data: MethodData) -> Self {
        let method_id = Uuid::now_v7();
        let flow_id = Uuid::now_v7();
        let at = ts(now() - Duration::days(30));
        let mut db = Memory::default();
        db.methods.push(MethodRow {
            id: method_id.to_string(),
            user_id: PERSON.to_owned(),
            kind: kind.as_str().to_owned(),
            status: ACTIVE.to_owned(),
            data: data.encode(),
            created_at: at,
            activated_at: Some(at),
            updated_at: at,
            held: 0,
        });
        let offered = vec![OfferedMethod {
            method_id,
            kind,
            hint: "hint".to_owned(),
            channels: Vec::new(),
            counts: 1,
        }];
        db.flows.push(FlowRow {
            id: flow_id.to_string(),
            user_id: Some(PERSON.to_owned()),
            username_key: "ann".to_owned(),
            purpose: "reset_password".to_owned(),
            status: store::flows::ACTIVE.to_owned(),
            step: 1,
            methods_required: 1,
            methods_offered: serde_json::to_string(&offered).unwrap(),
            methods_passed: "[]".to_owned(),
            questions_asked: None,
            failures: 0,
            created_at: ts(now()),
            expires_at: ts(now() + Duration::minutes(15)),
            finished_at: None,
            is_admin: 0,
            phantom: None,
            language: "en".to_owned(),
        });
        let env = Env {
            secrets: SecretBox::new(vec![NamedKey {
                kid: "k1".into(),
                secret: vec![7; 32],
            }])
            .unwrap(),
            metrics: Metrics::new().unwrap(),
            meta: RequestMeta::default(),
            recovery: recovery(),
            codes: code_limits(),
        };
        Self {
            db,
            env,
            flow_id,
            method_id,
        }
    }

    pub(super) fn email() -> Self {
        let data = MethodData::Destination {
            address: "ann@example.org".into(),
            extension: None,
        };
        Self::new(MethodKind::Email, data)
    }

    /// Sends a code for the flow's method, as the challenge step does.
    pub(super) fn issue_code(&mut self) -> String {
        let issue = codes::Issue {
            user_id: PERSON,
            method_id: &self.method_id.to_string(),
            purpose: &purpose_key(&self.flow_id.to_string()),
            channel: methods::Channel::Email,
            destination: "ann@example.org",
            digits: 8,
            keep_tries: true,
            phantom: false,
            lang: crate::i18n::Lang::En,
        };
        codes::issue(
            &mut self.db,
            &code_limits(),
            &self.env.secrets,
            &issue,
            now(),
        )
        .unwrap()
        .code
    }

    pub(super) fn person() -> DirPerson {
        DirPerson {
            id: PERSON.to_owned(),
            username: "ann".to_owned(),
            display_name: "Ann".to_owned(),
            email: "ann@example.org".to_owned(),
            mobile_phone: None,
            office_phone: None,
            is_admin: false,
            disabled: false,
            locked_until: None,
            must_change_password: false,
            created_at: None,
            updated_at: None,
        }
    }

    /// One verification at `step` with `code`, in one transaction.
    pub(super) fn verify(
        &mut self,
        step: i64,
        code: &str,
    ) -> Result<Result<(FlowRow, usize), Error>, Error> {
        let rules = self.env.rules();
        let attempt = Attempt {
            flow_id: self.flow_id,
            step,
            method_id: self.method_id,
            code: code.to_owned(),
            credential: None,
            answers: None,
            person: Some(Self::person()),
        };
        let policy = Policy::default();
        self.db
            .transaction(|tx| decide(tx, &rules, &policy, attempt, now()))
    }

    pub(super) fn flow(&self) -> &FlowRow {
        &self.db.flows[0]
    }

    pub(super) fn audited(&self) -> Vec<&str> {
        self.db
            .audit
            .iter()
            .map(|a| a.event_type.as_str())
            .collect()
    }
}

/// The problem code of a refusal, whether the step answered it (committed) or failed with it.
pub(super) fn code_of<T>(result: Result<Result<T, Error>, Error>) -> ErrorCode {
    match result {
        Ok(Ok(_)) => panic!("expected a refusal"),
        Ok(Err(e)) | Err(e) => e.problem_code(),
    }
}

impl World {
    /// The flow after its one method passed: at step 2, ready to finish.
    pub(super) fn verified() -> Self {
        let mut w = Self::email();
        w.db.accounts
            .push(AccountRow::new(PERSON, "builtin", PERSON, ts(now())));
        w.db.flows[0].step = 2;
        w.db.flows[0].methods_passed = format!("[\"{}\"]", w.method_id);
        w
    }

    /// The reset's transaction, with the token of `step`.
    pub(super) fn reset(&mut self, step: i64) -> Result<Result<Claimed, Error>, Error> {
        self.finish(step, Purpose::ResetPassword)
    }

    /// A finish's transaction for `purpose`, with the token of `step`.
    pub(super) fn finish(
        &mut self,
        step: i64,
        purpose: Purpose,
    ) -> Result<Result<Claimed, Error>, Error> {
        let (policy, person, flow) = (Policy::default(), Self::person(), self.flow().clone());
        let rules = self.env.rules();
        let finish = Finish {
            org: "Example",
            policy: &policy,
            purpose,
            flow: (&flow, step),
            person: &person,
            kinds: &[MethodKind::Email],
        };
        self.db
            .transaction(|tx| record(tx, &rules, &finish, &[], now()))
    }

    /// Undoes a claim after the directory failed, as the finish does.
    pub(super) fn undo(&mut self, claimed: &Claimed) {
        let party = crate::audit::Party::named(PERSON, "ann");
        let meta = RequestMeta::default();
        let reason = ErrorCode::DirectoryUnavailable;
        self.db
            .transaction(|tx| release(tx, &meta, claimed, party, reason, now()))
            .unwrap();
    }

    pub(super) fn epoch(&self) -> i64 {
        self.db.accounts[0].session_epoch
    }
}

impl World {
    /// The challenge's transaction under `policy`, for the flow's method.
    pub(super) fn challenge(
        &mut self,
        policy: &Policy,
        confirm: Option<&str>,
    ) -> Result<Result<(Challenged, Send), Error>, Error> {
        let rules = self.env.rules();
        let asking = Asking {
            flow_id: self.flow_id,
            step: 1,
            ask: Ask {
                method_id: self.method_id,
                channel: None,
                confirm: confirm.map(str::to_owned),
            },
            person: Some(Self::person()),
        };
        self.db
            .transaction(|tx| ask(tx, &rules, policy, asking, now()))
    }
}
