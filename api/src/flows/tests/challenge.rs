//! Challenging: a code recorded to send, limits, and a typed destination.

use super::*;

#[test]
fn a_challenge_records_one_code_to_send_and_an_immediate_second_is_throttled() {
    let mut w = World::email();
    let policy = Policy::default();
    let (challenged, send) = w.challenge(&policy, None).unwrap().unwrap();
    assert!(matches!(
        challenged.what,
        Asked::Code {
            expires_in: 600,
            resend_after: 60
        }
    ));
    let Send::Code {
        destination,
        issued,
        ..
    } = send
    else {
        panic!("a code method sends a code");
    };
    assert_eq!(destination, "ann@example.org");
    assert!(!issued.phantom);
    assert_eq!(w.db.codes.len(), 1);
    assert_eq!(w.audited(), ["recovery.challenge_sent"]);
    // Asking again at once: the resend interval refuses, and nothing is written.
    let Err(e) = w.challenge(&policy, None).map(|_| ()) else {
        panic!("expected a refusal");
    };
    assert_eq!(e.problem_code(), ErrorCode::Throttled);
    assert_eq!((w.db.codes.len(), w.db.audit.len()), (1, 1));
}

#[test]
fn a_mistyped_destination_counts_as_a_failure_and_sends_nothing() {
    let mut w = World::email();
    let policy = Policy {
        confirm_full_destination: true,
        ..Policy::default()
    };
    let refused = w.challenge(&policy, Some("someone@example.org")).unwrap();
    assert!(matches!(refused, Err(Error::Validation(_))));
    assert_eq!((w.flow().failures, w.db.codes.len()), (1, 0));
    assert_eq!(w.audited(), ["recovery.verify_failed"]);
    // Typed as stored, in any case: the code is issued.
    assert!(
        w.challenge(&policy, Some("ANN@example.org"))
            .unwrap()
            .is_ok()
    );
    assert_eq!(w.db.codes.len(), 1);
}
