//! Finishing: the claim, what it records, and its undoing when the directory fails.

use super::*;

#[test]
fn a_reset_claims_the_flow_once_ends_sessions_and_holds_its_notice() {
    let mut w = World::verified();
    let claimed = w.reset(2).unwrap().unwrap();
    assert_eq!(
        (w.flow().status.as_str(), w.flow().step),
        (store::flows::FINISHED, 3)
    );
    assert_eq!(w.epoch(), 1, "every session issued before the reset ends");
    assert_eq!(w.audited(), ["recovery.password_reset"]);
    // The notice waits for the directory: held, due only when its hold ends.
    assert_eq!(claimed.held.len(), 1);
    let notice = &w.db.outbox[0];
    assert_eq!(notice.recipient, "ann@example.org");
    assert_eq!(
        notice.next_attempt_at,
        ts(now() + Duration::seconds(outbox::HOLD_SECS))
    );
    // A second finish with the same token loses: nothing more is written.
    assert_eq!(code_of(w.reset(2)), ErrorCode::FlowFinished);
    assert_eq!((w.epoch(), w.db.audit.len(), w.db.outbox.len()), (1, 1, 1));
}

#[test]
fn a_directory_failure_releases_the_claim_and_drops_the_notice_and_the_same_token_finishes_later() {
    let mut w = World::verified();
    let claimed = w.reset(2).unwrap().unwrap();
    w.undo(&claimed);
    assert_eq!(
        (w.flow().status.as_str(), w.flow().step),
        (store::flows::ACTIVE, 2)
    );
    assert!(w.db.outbox.is_empty(), "the held notice is dropped");
    assert_eq!(
        w.audited(),
        ["recovery.password_reset", "recovery.directory_failed"]
    );
    assert!(w.db.audit[1].details.contains("directory_unavailable"));
    // Sessions ended at the claim stay ended (the safe side); the same token finishes now.
    assert_eq!(w.epoch(), 1);
    assert!(w.reset(2).unwrap().is_ok());
    assert_eq!(w.flow().status, store::flows::FINISHED);
}

#[test]
fn undoing_after_the_flow_moved_on_leaves_it_where_it_is() {
    let mut w = World::verified();
    let claimed = w.reset(2).unwrap().unwrap();
    // Someone else moved the flow on (say, a newer flow superseded it) before the undo.
    w.db.flows[0].status = store::flows::SUPERSEDED.to_owned();
    w.undo(&claimed);
    assert_eq!(w.flow().status, store::flows::SUPERSEDED);
}

#[test]
fn an_account_changed_since_the_start_ends_the_flow_and_records_why() {
    let mut w = World::verified();
    // The passed method was removed after it was verified.
    w.db.methods.clear();
    assert_eq!(code_of(w.reset(2)), ErrorCode::FlowEnded);
    // Committed: the flow is over, the audit says why, nothing else happened.
    assert_eq!(w.flow().status, store::flows::FINISHED);
    assert_eq!(w.audited(), ["recovery.ended"]);
    assert!(w.db.audit[0].details.contains("methods_changed"));
    assert_eq!((w.epoch(), w.db.outbox.len()), (0, 0));
}

#[test]
fn an_unlock_keeps_the_sessions_and_supersedes_other_flows() {
    let mut w = World::verified();
    w.db.flows[0].purpose = "unlock_account".to_owned();
    let mut other = w.db.flows[0].clone();
    other.id = Uuid::now_v7().to_string();
    w.db.flows.push(other);
    let claimed = w.finish(2, Purpose::UnlockAccount).unwrap();
    assert!(claimed.is_ok());
    assert_eq!(
        w.db.accounts[0].session_epoch, 0,
        "the password stays: sessions too"
    );
    assert_eq!(w.db.flows[1].status, store::flows::SUPERSEDED);
    assert_eq!(w.db.audit[0].event_type, "recovery.account_unlocked");
}
