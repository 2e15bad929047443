//! The flow as a state machine: a pure function from (flow, event, now) to the next flow and the
//! effects to carry out, or the refusal. No database, no clock, no I/O. Every step of a flow
//! (`challenge`, `verify`, `finish`) asks [`transition`] what may happen, carries out the effects
//! in its transaction, and persists the next flow with a conditional update on the step, so that
//! exactly one of any number of racing requests wins.
//!
//! ```text
//!            Passed (step+1, one more method)
//!           ┌──────┐
//!           ▼      │            Claim (all passed, right purpose)
//!  start ─► Active ─┴───────────────────────────────► Finished
//!           │   ▲                                       │
//!  Failed × │   └────────── Release (directory failed) ─┘
//!  max      ▼
//!          Locked             (Superseded: another flow of the person finished)
//! ```
//!
//! A token is for one step: any event with another step is refused, as an older token must be.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::Purpose;
use crate::error::{Error, ErrorCode, FieldCode};

/// What the row's `status` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Proving, or verified and not finished yet.
    Active,
    /// Too many failed verifications.
    Locked,
    /// Finished (or claimed by a finish that is asking the directory).
    Finished,
    /// Another flow of the same person finished first.
    Superseded,
}

impl Status {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Locked => "locked",
            Self::Finished => "finished",
            Self::Superseded => "superseded",
        }
    }

    pub fn of(stored: &str) -> Option<Self> {
        [Self::Active, Self::Locked, Self::Finished, Self::Superseded]
            .into_iter()
            .find(|s| s.as_str() == stored)
    }
}

/// Where a flow stands: what every decision about it reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    pub status: Status,
    /// Moves on with every pass and with the finish; a token names the step it is for.
    pub step: i64,
    pub purpose: Purpose,
    pub required: usize,
    pub offered: Vec<Uuid>,
    /// The offered methods that count twice (a passkey, when the policy says so).
    pub doubles: Vec<Uuid>,
    /// In the order they were passed.
    pub passed: Vec<Uuid>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A request with a token for `step`, about no method in particular.
    Enter { step: i64 },
    /// A challenge or verification of `method` with a token for `step`.
    Attempt { step: i64, method: Uuid },
    /// `method` was proven with a token for `step`.
    Passed { step: i64, method: Uuid },
    /// A proof failed; `counted` failures now (the store counts them atomically), and the flow
    /// locks at `max`.
    Failed { counted: u32, max: u32 },
    /// A finish for `purpose` with a token for `step`.
    Claim { step: i64, purpose: Purpose },
    /// The directory did not take the change the claim at `step` was for: open again.
    Release { step: i64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// A new flow token for the step reached (the previous one is worthless now).
    IssueToken { step: i64 },
    /// The flow locked after `failures` failures: audited.
    Locked { failures: u32 },
}

/// Why an event cannot happen to a flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The token is for another step (older, or from another request).
    StaleToken,
    Expired,
    Locked,
    /// Finished or superseded.
    Over,
    NotOffered,
    AlreadyPassed,
    WrongPurpose,
    Incomplete {
        remaining: usize,
    },
}

impl From<Refusal> for Error {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::StaleToken => Error::Unauthenticated,
            Refusal::Expired => Error::conflict(
                ErrorCode::FlowExpired,
                "this reset has expired; start again",
            ),
            Refusal::Locked => Error::conflict(
                ErrorCode::FlowLocked,
                "too many failed attempts; start again later",
            ),
            Refusal::Over => Error::conflict(
                ErrorCode::FlowFinished,
                "this reset is over; start again if you need to",
            ),
            Refusal::NotOffered => Error::validation(
                "method_id",
                FieldCode::NotOffered,
                "this method is not one of this reset's methods",
            ),
            Refusal::AlreadyPassed => Error::conflict(
                ErrorCode::MethodAlreadyPassed,
                "this method was already verified; choose another",
            ),
            Refusal::WrongPurpose => Error::conflict(
                ErrorCode::WrongPurpose,
                "this flow was started for the other purpose",
            ),
            Refusal::Incomplete { remaining } => Error::NotAllowed {
                code: ErrorCode::VerificationIncomplete,
                detail: format!("verify {remaining} method(s) first").into(),
            },
        }
    }
}

impl Flow {
    /// How many of the methods required the methods passed count for.
    pub fn worth(&self) -> usize {
        self.passed
            .iter()
            .map(|m| if self.doubles.contains(m) { 2 } else { 1 })
            .sum()
    }
}

/// The next flow and what to do about it, or why `event` cannot happen to `flow` at `now`.
pub fn transition(
    flow: &Flow,
    event: Event,
    now: DateTime<Utc>,
) -> Result<(Flow, Vec<Effect>), Refusal> {
    match event {
        Event::Enter { step } => {
            enter(flow, step, now)?;
            Ok((flow.clone(), Vec::new()))
        }
        Event::Attempt { step, method } => {
            attempt(flow, step, method, now)?;
            Ok((flow.clone(), Vec::new()))
        }
        Event::Passed { step, method } => {
            attempt(flow, step, method, now)?;
            let mut next = flow.clone();
            next.step = step + 1;
            next.passed.push(method);
            Ok((next, vec![Effect::IssueToken { step: step + 1 }]))
        }
        Event::Failed { counted, max } => {
            if flow.status == Status::Active && counted >= max {
                let mut next = flow.clone();
                next.status = Status::Locked;
                return Ok((next, vec![Effect::Locked { failures: counted }]));
            }
            Ok((flow.clone(), Vec::new()))
        }
        Event::Claim { step, purpose } => {
            enter(flow, step, now)?;
            if flow.purpose != purpose {
                return Err(Refusal::WrongPurpose);
            }
            let remaining = flow.required.saturating_sub(flow.worth());
            if remaining > 0 {
                return Err(Refusal::Incomplete { remaining });
            }
            let mut next = flow.clone();
            next.status = Status::Finished;
            next.step = step + 1;
            Ok((next, Vec::new()))
        }
        Event::Release { step } => {
            if flow.status != Status::Finished || flow.step != step + 1 {
                return Err(Refusal::Over);
            }
            let mut next = flow.clone();
            next.status = Status::Active;
            next.step = step;
            Ok((next, Vec::new()))
        }
    }
}

/// A token for `step` may act on the flow now.
fn enter(flow: &Flow, step: i64, now: DateTime<Utc>) -> Result<(), Refusal> {
    if flow.step != step {
        return Err(Refusal::StaleToken);
    }
    match flow.status {
        Status::Active if flow.expires_at > now => Ok(()),
        Status::Active => Err(Refusal::Expired),
        Status::Locked => Err(Refusal::Locked),
        Status::Finished | Status::Superseded => Err(Refusal::Over),
    }
}

/// `method` may be challenged or verified with a token for `step`.
fn attempt(flow: &Flow, step: i64, method: Uuid, now: DateTime<Utc>) -> Result<(), Refusal> {
    enter(flow, step, now)?;
    if !flow.offered.contains(&method) {
        return Err(Refusal::NotOffered);
    }
    if flow.passed.contains(&method) {
        return Err(Refusal::AlreadyPassed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// Two methods offered, two required, valid for 15 minutes from `at(0)`.
    fn fresh() -> Flow {
        Flow {
            status: Status::Active,
            step: 0,
            purpose: Purpose::ResetPassword,
            required: 2,
            offered: vec![id(1), id(2)],
            doubles: Vec::new(),
            passed: Vec::new(),
            expires_at: at(15),
        }
    }

    #[test]
    fn statuses_read_and_write_as_the_store_keeps_them() {
        use crate::store::flows;
        for (status, stored) in [
            (Status::Active, flows::ACTIVE),
            (Status::Locked, flows::LOCKED),
            (Status::Finished, flows::FINISHED),
            (Status::Superseded, flows::SUPERSEDED),
        ] {
            assert_eq!(status.as_str(), stored);
            assert_eq!(Status::of(stored), Some(status));
        }
        assert_eq!(Status::of("paused"), None);
    }

    #[test]
    fn each_pass_moves_one_step_and_issues_the_next_token() {
        let (one, effects) = transition(
            &fresh(),
            Event::Passed {
                step: 0,
                method: id(2),
            },
            at(1),
        )
        .unwrap();
        assert_eq!((one.step, one.passed.clone()), (1, vec![id(2)]));
        assert_eq!(effects, vec![Effect::IssueToken { step: 1 }]);
        let (two, _) = transition(
            &one,
            Event::Passed {
                step: 1,
                method: id(1),
            },
            at(2),
        )
        .unwrap();
        assert_eq!((two.step, two.passed), (2, vec![id(2), id(1)]));
        assert_eq!(two.status, Status::Active);
    }

    #[test]
    fn a_token_works_for_its_step_only() {
        let (one, _) = transition(
            &fresh(),
            Event::Passed {
                step: 0,
                method: id(1),
            },
            at(1),
        )
        .unwrap();
        for event in [
            Event::Enter { step: 0 },
            Event::Attempt {
                step: 0,
                method: id(2),
            },
            Event::Passed {
                step: 0,
                method: id(2),
            },
            Event::Claim {
                step: 0,
                purpose: Purpose::ResetPassword,
            },
            Event::Enter { step: 2 },
        ] {
            assert_eq!(
                transition(&one, event, at(2)),
                Err(Refusal::StaleToken),
                "{event:?}"
            );
        }
    }

    #[test]
    fn a_method_is_offered_once_and_passes_once() {
        let flow = fresh();
        let other = Event::Attempt {
            step: 0,
            method: id(9),
        };
        assert_eq!(transition(&flow, other, at(1)), Err(Refusal::NotOffered));
        let (one, _) = transition(
            &flow,
            Event::Passed {
                step: 0,
                method: id(1),
            },
            at(1),
        )
        .unwrap();
        let again = Event::Passed {
            step: 1,
            method: id(1),
        };
        assert_eq!(transition(&one, again, at(2)), Err(Refusal::AlreadyPassed));
    }

    #[test]
    fn an_expired_locked_or_finished_flow_takes_nothing() {
        let enter = Event::Enter { step: 0 };
        assert_eq!(transition(&fresh(), enter, at(15)), Err(Refusal::Expired));
        for (status, refusal) in [
            (Status::Locked, Refusal::Locked),
            (Status::Finished, Refusal::Over),
            (Status::Superseded, Refusal::Over),
        ] {
            let flow = Flow { status, ..fresh() };
            assert_eq!(transition(&flow, enter, at(1)), Err(refusal), "{status:?}");
        }
    }

    #[test]
    fn failures_lock_the_flow_at_the_limit_once() {
        let flow = fresh();
        let (same, effects) = transition(
            &flow,
            Event::Failed {
                counted: 9,
                max: 10,
            },
            at(1),
        )
        .unwrap();
        assert_eq!((same.status, effects), (Status::Active, vec![]));
        let (locked, effects) = transition(
            &flow,
            Event::Failed {
                counted: 10,
                max: 10,
            },
            at(1),
        )
        .unwrap();
        assert_eq!(locked.status, Status::Locked);
        assert_eq!(effects, vec![Effect::Locked { failures: 10 }]);
        // Already locked: not locked (nor audited) again.
        let (_, effects) = transition(
            &locked,
            Event::Failed {
                counted: 11,
                max: 10,
            },
            at(1),
        )
        .unwrap();
        assert!(effects.is_empty());
    }

    #[test]
    fn a_claim_needs_every_method_and_the_right_purpose_and_wins_once() {
        let claim = |step| Event::Claim {
            step,
            purpose: Purpose::ResetPassword,
        };
        assert_eq!(
            transition(&fresh(), claim(0), at(1)),
            Err(Refusal::Incomplete { remaining: 2 })
        );
        let (one, _) = transition(
            &fresh(),
            Event::Passed {
                step: 0,
                method: id(1),
            },
            at(1),
        )
        .unwrap();
        assert_eq!(
            transition(&one, claim(1), at(2)),
            Err(Refusal::Incomplete { remaining: 1 })
        );
        let (two, _) = transition(
            &one,
            Event::Passed {
                step: 1,
                method: id(2),
            },
            at(2),
        )
        .unwrap();
        let unlock = Event::Claim {
            step: 2,
            purpose: Purpose::UnlockAccount,
        };
        assert_eq!(transition(&two, unlock, at(3)), Err(Refusal::WrongPurpose));
        let (done, _) = transition(&two, claim(2), at(3)).unwrap();
        assert_eq!((done.status, done.step), (Status::Finished, 3));
        // A second finish with the same token loses.
        assert_eq!(transition(&done, claim(2), at(3)), Err(Refusal::StaleToken));
    }

    #[test]
    fn a_released_claim_can_finish_again_with_the_same_token() {
        let verified = Flow {
            step: 2,
            passed: vec![id(1), id(2)],
            ..fresh()
        };
        let claim = Event::Claim {
            step: 2,
            purpose: Purpose::ResetPassword,
        };
        let (claimed, _) = transition(&verified, claim, at(3)).unwrap();
        let (open, _) = transition(&claimed, Event::Release { step: 2 }, at(3)).unwrap();
        assert_eq!(open, verified);
        assert!(transition(&open, claim, at(4)).is_ok());
        // Only a claimed flow is released.
        assert_eq!(
            transition(&verified, Event::Release { step: 2 }, at(3)),
            Err(Refusal::Over)
        );
    }

    #[test]
    fn a_method_that_counts_twice_completes_two_required_alone() {
        let mut flow = fresh();
        flow.doubles = vec![id(2)];
        let (one, _) = transition(
            &flow,
            Event::Passed {
                step: 0,
                method: id(2),
            },
            at(1),
        )
        .unwrap();
        assert_eq!(one.worth(), 2);
        let claim = Event::Claim {
            step: 1,
            purpose: Purpose::ResetPassword,
        };
        assert_eq!(
            transition(&one, claim, at(2)).unwrap().0.status,
            Status::Finished
        );
        // The other method alone is not enough.
        let (other, _) = transition(
            &flow,
            Event::Passed {
                step: 0,
                method: id(1),
            },
            at(1),
        )
        .unwrap();
        assert_eq!(
            transition(&other, claim, at(2)).unwrap_err(),
            Refusal::Incomplete { remaining: 1 }
        );
    }
}
