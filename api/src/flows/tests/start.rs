//! Starting: the CAPTCHA spent once, the start limits, older flows superseded, and a decoy
//! writing what a person's start writes.

use super::*;
use crate::captcha::Accepted;
use crate::flows::start::{Opening, open};

impl World {
    /// A new flow for the person (or, `decoy`, for nobody), as a start builds it.
    fn new_flow(&self, decoy: bool) -> FlowRow {
        let mut flow = self.flow().clone();
        flow.id = Uuid::now_v7().to_string();
        flow.step = 0;
        if decoy {
            flow.user_id = None;
            "nobody".clone_into(&mut flow.username_key);
        }
        flow
    }

    /// The start's transaction for `flow`, with the CAPTCHA `solution`.
    fn start(&mut self, flow: &FlowRow, solution: &str) -> Result<(), Error> {
        let rules = self.env.rules();
        let captcha = Accepted::solved(solution, ts(now() + Duration::minutes(10)));
        let decoy = flow.user_id.is_none().then_some("unknown_user");
        let opening = Opening {
            flow,
            captcha: &captcha,
            target_name: flow.username_key.clone(),
            decoy,
        };
        self.db.transaction(|tx| open(tx, &rules, opening, now()))
    }
}

#[test]
fn a_start_supersedes_the_persons_older_flows_and_is_audited() {
    let mut w = World::email();
    let flow = w.new_flow(false);
    w.start(&flow, "solution-1").unwrap();
    assert_eq!(
        w.db.flows[0].status,
        store::flows::SUPERSEDED,
        "the older flow is worthless"
    );
    assert_eq!(w.db.flows[1].status, store::flows::ACTIVE);
    assert_eq!(w.audited(), ["recovery.started"]);
    // Counted per address and per username.
    let buckets: Vec<&str> =
        w.db.rate_events
            .iter()
            .map(|(_, b, _)| b.as_str())
            .collect();
    assert_eq!(buckets, ["flow-start-ip:unknown", "flow-start-user:ann"]);
}

#[test]
fn a_captcha_solution_starts_one_flow() {
    let mut w = World::email();
    let (first, second) = (w.new_flow(false), w.new_flow(false));
    w.start(&first, "solution-1").unwrap();
    let refused = w.start(&second, "solution-1").unwrap_err();
    assert_eq!(refused.problem_code(), ErrorCode::ValidationFailed);
    assert_eq!(w.db.flows.len(), 2, "the second start wrote nothing");
}

#[test]
fn starts_per_address_are_limited_and_a_refused_start_writes_nothing() {
    let mut w = World::email();
    w.env.recovery.starts_per_ip = 2;
    for n in 0..2 {
        let flow = w.new_flow(false);
        w.start(&flow, &format!("solution-{n}")).unwrap();
    }
    let flow = w.new_flow(false);
    let refused = w.start(&flow, "solution-3").unwrap_err();
    assert_eq!(refused.problem_code(), ErrorCode::Throttled);
    assert_eq!((w.db.flows.len(), w.db.audit.len()), (3, 2));
    assert_eq!(
        w.db.used_once.len(),
        2,
        "the refused start did not spend its solution"
    );
}

#[test]
fn a_decoy_start_writes_what_a_persons_start_writes() {
    let (mut real, mut decoy) = (World::email(), World::email());
    let flow = real.new_flow(false);
    real.start(&flow, "solution-1").unwrap();
    let flow = decoy.new_flow(true);
    decoy.start(&flow, "solution-1").unwrap();
    // The same rows in the same tables: one flow, one audit row, two limit events, one
    // solution spent (the person's older flow is superseded; a decoy's statement matches none).
    let shape = |w: &World| {
        (
            w.db.flows.len(),
            w.db.audit.len(),
            w.db.rate_events.len(),
            w.db.used_once.len(),
        )
    };
    assert_eq!(shape(&real), shape(&decoy));
    assert!(decoy.db.audit[0].details.contains("unknown_user"));
    assert_eq!(decoy.db.flows[0].status, store::flows::ACTIVE);
}
