//! Verifying: passes, failures, locks, blocks and replays.

use super::*;

#[test]
fn the_right_code_moves_the_flow_one_step_once() {
    let mut w = World::email();
    let code = w.issue_code();
    let (flow, passed) = w.verify(1, &code).unwrap().unwrap();
    assert_eq!((flow.step, passed), (2, 1));
    assert_eq!(w.flow().step, 2);
    assert_eq!(w.flow().methods_passed, format!("[\"{}\"]", w.method_id));
    assert_eq!(w.audited(), ["recovery.verified"]);
    // The same token again is for a step that is gone: refused, nothing changes.
    let before = (w.flow().clone(), w.db.audit.len());
    assert_eq!(code_of(w.verify(1, &code)), ErrorCode::Unauthenticated);
    assert_eq!((w.flow().step, w.db.audit.len()), (before.0.step, before.1));
}

#[test]
fn a_wrong_code_is_counted_and_committed_and_the_flow_locks_at_its_limit() {
    let mut w = World::email();
    let code = w.issue_code();
    let wrong = if code == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    for n in 1..=3 {
        assert_eq!(
            code_of(w.verify(1, wrong)),
            ErrorCode::InvalidCode,
            "try {n}"
        );
        assert_eq!(w.flow().failures, n);
    }
    // The third failure reached flow_max_failures: locked, and said so in the audit log.
    assert_eq!(w.flow().status, store::flows::LOCKED);
    assert_eq!(
        w.audited(),
        [
            "recovery.verify_failed",
            "recovery.verify_failed",
            "recovery.verify_failed",
            "recovery.locked"
        ]
    );
    // Each failure counts for the account too (three of its five a day).
    assert_eq!(w.db.rate_events.len(), 3);
    // Even the right code no longer helps.
    assert_eq!(code_of(w.verify(1, &code)), ErrorCode::FlowLocked);
    assert_eq!(w.flow().step, 1);
}

#[test]
fn the_account_is_blocked_after_its_daily_failures_whatever_the_flow() {
    let mut w = World::email();
    w.env.recovery.flow_max_failures = 100;
    w.env.recovery.account_failures_per_day = 2;
    let code = w.issue_code();
    let wrong = if code == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    assert_eq!(code_of(w.verify(1, wrong)), ErrorCode::InvalidCode);
    assert_eq!(code_of(w.verify(1, wrong)), ErrorCode::InvalidCode);
    let audit = w.db.audit.len();
    assert_eq!(code_of(w.verify(1, &code)), ErrorCode::Throttled);
    // A refusal before any proof writes nothing (the transaction rolled back).
    assert_eq!(
        (w.db.audit.len(), w.flow().failures, w.flow().step),
        (audit, 2, 1)
    );
}

#[test]
fn an_app_code_proves_once_and_its_replay_is_refused() {
    let secrets = SecretBox::new(vec![NamedKey {
        kid: "k1".into(),
        secret: vec![7; 32],
    }])
    .unwrap();
    let method_id = Uuid::now_v7();
    let enrolment = authenticator::enrol(&secrets, &method_id.to_string(), "Org", "ann").unwrap();
    let data = MethodData::Totp {
        sealed_seed: enrolment.sealed.clone(),
        last_step: None,
    };
    let mut w = World::new(MethodKind::AuthenticatorApp, data);
    // The seed was sealed for this id.
    w.db.methods[0].id = method_id.to_string();
    w.method_id = method_id;
    let offered = vec![OfferedMethod {
        method_id,
        kind: MethodKind::AuthenticatorApp,
        hint: "app".into(),
        channels: Vec::new(),
        counts: 1,
    }];
    w.db.flows[0].methods_offered = serde_json::to_string(&offered).unwrap();
    w.db.flows[0].methods_required = 2;
    let code = authenticator::code_at(&enrolment.secret_base32, now()).unwrap();
    assert!(w.verify(1, &code).unwrap().is_ok());
    // The step is spent in the method's data.
    let spent = MethodData::decode(&w.db.methods[0].data).unwrap();
    assert!(
        matches!(
            spent,
            MethodData::Totp {
                last_step: Some(_),
                ..
            }
        ),
        "{spent:?}"
    );
    // A second flow offering the same app: the same code is a replay.
    let mut again = w.db.flows[0].clone();
    again.id = Uuid::now_v7().to_string();
    again.step = 1;
    again.methods_passed = "[]".into();
    w.flow_id = Uuid::parse_str(&again.id).unwrap();
    w.db.flows.push(again);
    assert_eq!(code_of(w.verify(1, &code)), ErrorCode::TotpReplayed);
}

#[test]
fn a_method_removed_since_the_start_is_unavailable_and_nothing_is_counted() {
    let mut w = World::email();
    let code = w.issue_code();
    w.db.methods.clear();
    assert_eq!(code_of(w.verify(1, &code)), ErrorCode::MethodUnavailable);
    assert_eq!((w.flow().failures, w.db.audit.len()), (0, 0));
}

/// A flow offering recovery codes, with a set generated for the person: (world, codes).
fn with_recovery_codes() -> (World, Vec<String>) {
    let mut w = World::new(MethodKind::RecoveryCodes, MethodData::None);
    let set = recovery_codes::generate(&w.env.secrets, &w.method_id.to_string());
    w.db.methods[0].data = set.data.encode();
    (w, set.codes)
}

#[test]
fn a_recovery_code_passes_once_and_the_person_is_told() {
    let (mut w, codes) = with_recovery_codes();
    let (flow, passed) = w.verify(1, &codes[3]).unwrap().unwrap();
    assert_eq!((flow.step, passed), (2, 1));
    let left = recovery_codes::left(&w.db.methods[0].data());
    assert_eq!(left, Some(9));
    assert_eq!(w.db.outbox.len(), 1, "a notice that a code was used");
    // The code is spent: checked again on the method, it no longer matches.
    let mut row = w.db.methods[0].clone();
    let again = recovery_codes::prove(&mut w.db, &w.env.secrets, &mut row, &codes[3]).unwrap();
    assert_eq!(again, Err(Refusal::RecoveryCodeInvalid));
}

#[test]
fn a_wrong_recovery_code_is_counted_and_spends_nothing() {
    let (mut w, _) = with_recovery_codes();
    assert_eq!(
        code_of(w.verify(1, "2222-2222-22")),
        ErrorCode::RecoveryCodeInvalid
    );
    assert_eq!(w.flow().failures, 1);
    assert_eq!(recovery_codes::left(&w.db.methods[0].data()), Some(10));
    assert!(w.db.outbox.is_empty());
}
